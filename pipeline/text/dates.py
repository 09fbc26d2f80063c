"""Date mentions in news copy and their resolution against the document's anchor date.

Own regex + month/weekday tables: general date libraries resolve a bare weekday a week early (dateparser)
or into the future (dateutil), and fill a missing year with one that lands after the report. News
convention, which this module encodes:
- a bare weekday ("on Tuesday") is the most recent such day on or before the anchor (the same day included);
  "last Thursday" is strictly before it;
- a day and month without a year ("on 13 May") is the occurrence closest to the anchor: the anchor's year
  unless that lands more than a week after the anchor, else the year before; with no anchor, the year the
  rest of the text points to ("SCO chair for year 2020", "2021 marks ...");
- "on the 5th" is the latest 5th on or before the anchor; "today", "this afternoon", "yesterday" count from it.
The anchor is the dateline's date, else the publication date, else the first full date near the top.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "earlier today": 0, "yesterday": -1}
# a day-month date may lie this many days after the anchor (reports of a meeting "on 13 May" dated 10 May are rare)
FUTURE_TOLERANCE_DAYS = 7
YEAR_MIN, YEAR_MAX = 1945, 2049

DATE_SOURCES = ("explicit", "relative_weekday", "year_inferred", "publication_date", "unknown")

_MONTH = r"(?P<{name}>(?i:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec))\.?"
_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"

DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 2021-10-12, 2021/10/12, 2022/8/6
    ("ymd", re.compile(r"(?<![\d/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/-])")),
    # 16-Jul-2020
    ("dmy_dash", re.compile(r"(?<![\w-])(?P<d>3[01]|[12]\d|0?[1-9])-" + _MONTH.format(name="m") + r"-" + _YEAR.format(name="y") + r"(?![\w-])")),
    # Thursday, February 20, 2020 / Dec. 17, 2024 / June 4 / JUNE 23, 2020
    ("mdy", re.compile(r"(?<![\w-])(?:(?P<wd>" + _WEEKDAY + r"),?\s+)?" + _MONTH.format(name="m") + r"\s+(?P<d>3[01]|[12]\d|0?[1-9])" + _ORD
                       + r"(?![\w-])(?:,?\s+" + _YEAR.format(name="y") + r"(?![\w-]))?")),
    # 17 December 2024 / 18th March, 2021 / 13 May / 09 AUG 2021 / the 5th of May
    ("dmy", re.compile(r"(?<![\w-])(?:(?P<wd>" + _WEEKDAY + r"),?\s+)?(?P<d>3[01]|[12]\d|0?[1-9])" + _ORD + r"\s+(?:of\s+)?" + _MONTH.format(name="m")
                       + r"(?![\w-])(?:,?\s+" + _YEAR.format(name="y") + r"(?![\w-]))?")),
)
WEEKDAY_PATTERN = re.compile(r"(?<![\w-])(?:(?P<last>last|this past)\s+)?(?P<wd>" + _WEEKDAY + r")(?![\w-])")
RELATIVE_PATTERN = re.compile(r"(?<![\w-])(?P<rel>(?i:earlier today|today|tonight|yesterday|this (?:morning|afternoon|evening)))(?![\w-]|['’]s)")
# "on the 5th" / "On the 5th local time": a day of the anchor's month; never "the 45th session" or "the 5th anniversary"
DAY_ONLY_PATTERN = re.compile(r"(?<![\w-])(?i:on) the (?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![\w-])(?!\s+(?:[A-Z]|anniversary|session|meeting|round|edition|summit))")
# years the text puts the report in: "SCO chair for year 2020", "2021 marks the 30th anniversary", "this year, 2020"
STRONG_YEAR_PATTERNS = (
    re.compile(r"\b(?:for|in) (?:the )?year (?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d) marks\b"),
    re.compile(r"\bthis year,? (?P<y>(?:19|20)\d\d)\b"),
)
YEAR_PATTERN = re.compile(r"(?<![\w/-])(?P<y>(?:19|20)\d\d)(?![\w/])")
# "the Plan of Action for 2021-2025", "from 2016 to 2020", "the 2023/24 session": a span of years names a
# programme's period, never the year the report is written in
YEAR_RANGE_PATTERN = re.compile(
    r"(?<![\w/-])(?:19|20)\d\d\s*(?:[-–—/]|\bto\b|\buntil\b|\bthrough\b)\s*(?:(?:19|20)?\d\d)(?![\w/])"
)
DATELINE_PREFIX = re.compile(r"[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3},[ \t]+")


@dataclass(frozen=True)
class DateMention:
    """A date phrase as written: `kind` is full, day_month, weekday, relative or day_only."""

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # relative days ("yesterday" → -1)
    strictly_before: bool = False  # "last Thursday"


@dataclass(frozen=True)
class ResolvedDate:
    """A date mention with the day it names and how that day was obtained (one of DATE_SOURCES)."""

    start: int
    end: int
    date: dt.date | None
    source: str
    kind: str


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date phrase in `text`, left to right, longest match first where phrases overlap.

    >>> [(m.kind, m.month, m.day) for m in find_date_mentions("BEIJING, Dec. 17 (Xinhua) -- ... on Tuesday.")]
    [('day_month', 12, 17), ('weekday', None, None)]
    """
    return list(_date_mentions(text))


# The rules of one document ask for the dates of the same text several times (the whole text for meeting
# candidates, the dateline, the year); the recent answers are kept instead of rescanning with seven patterns.
@lru_cache(maxsize=256)
def _date_mentions(text: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for _, pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month_text = groups["m"]
            if month_text.isdigit():
                month = int(month_text)
            else:
                # "may"/"march" in lower case are a verb, not a month
                if not month_text[0].isupper():
                    continue
                month = MONTHS[month_text.lower()]
            day = int(groups["d"])
            year = int(groups["y"]) if groups.get("y") else None
            if year is not None and _valid(year, month, day) is None:
                continue
            weekday = WEEKDAYS[groups["wd"].lower()] if groups.get("wd") else None
            kind = "full" if year else "day_month"
            found.append(DateMention(match.start(), match.end(), kind, year, month, day, weekday))
    for match in WEEKDAY_PATTERN.finditer(text):
        if not match.group("wd")[0].isupper():
            continue
        found.append(DateMention(match.start(), match.end(), "weekday", weekday=WEEKDAYS[match.group("wd").lower()],
                                 strictly_before=bool(match.group("last"))))
    for match in RELATIVE_PATTERN.finditer(text):
        found.append(DateMention(match.start(), match.end(), "relative", offset=RELATIVE_DAYS[match.group("rel").lower()]))
    for match in DAY_ONLY_PATTERN.finditer(text):
        found.append(DateMention(match.start(), match.end(), "day_only", day=int(match.group("d"))))
    # leftmost-longest without overlaps: "Thursday, February 20, 2020" is one mention, not a weekday and a date
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[DateMention] = []
    for mention in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return tuple(sorted(chosen, key=lambda m: m.start))


def closest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The occurrence of month/day nearest the anchor, never more than a week after it.

    >>> closest_year(12, 30, dt.date(2021, 1, 3))
    datetime.date(2020, 12, 30)
    """
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        candidate = _valid(year, month, day)
        if candidate and candidate <= anchor + dt.timedelta(days=FUTURE_TOLERANCE_DAYS):
            return candidate
    return None


def previous_weekday(weekday: int, anchor: dt.date, strictly_before: bool = False) -> dt.date:
    """The latest `weekday` on or before the anchor (strictly before for "last Thursday").

    >>> previous_weekday(3, dt.date(2024, 1, 2))  # Thursday before Tuesday 2 Jan 2024
    datetime.date(2023, 12, 28)
    """
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return anchor - dt.timedelta(days=back)


def resolve_mention(mention: DateMention, anchor: dt.date | None, default_year: int | None = None) -> ResolvedDate:
    """The day a mention names, given the document's anchor and the year the text points to.

    >>> m = find_date_mentions("on Thursday")[0]
    >>> resolve_mention(m, dt.date(2020, 7, 16)).date
    datetime.date(2020, 7, 16)
    """
    def out(day: dt.date | None, source: str) -> ResolvedDate:
        return ResolvedDate(mention.start, mention.end, day, source if day else "unknown", mention.kind)

    if mention.kind == "full":
        return out(_valid(mention.year, mention.month, mention.day), "explicit")
    if mention.kind == "day_month":
        if anchor is not None:
            return out(closest_year(mention.month, mention.day, anchor), "year_inferred")
        if default_year is not None:
            return out(_valid(default_year, mention.month, mention.day), "year_inferred")
        return out(None, "unknown")
    if anchor is None:
        return out(None, "unknown")
    if mention.kind == "weekday":
        return out(previous_weekday(mention.weekday, anchor, mention.strictly_before), "relative_weekday")
    if mention.kind == "relative":
        return out(anchor + dt.timedelta(days=mention.offset), "relative_weekday")
    if mention.kind == "day_only":
        month_start = anchor.replace(day=1)
        if mention.day <= anchor.day:
            return out(_valid(anchor.year, anchor.month, mention.day), "year_inferred")
        previous = month_start - dt.timedelta(days=1)
        return out(_valid(previous.year, previous.month, mention.day), "year_inferred")
    return out(None, "unknown")


def infer_year(text: str, hint: tuple[int, int, int] | None = None) -> int | None:
    """The year a text without a dated stamp is written in, from full dates and year mentions.

    `hint` = (month, day, weekday) of an undated dateline plus the weekday the body gives it: a year in which
    that day falls on that weekday wins ("Amman, July 6" + "on Monday" → 2020, not 2022).

    >>> infer_year("The conference was chaired by Russia, SCO chair for year 2020, ... the 2018 Qingdao Summit.")
    2020
    """
    scores: Counter[int] = Counter()
    # a range's years only stand in when the dateline's weekday confirms one ("plan for 2020-2022" + "on Monday")
    ranged = {int(y) for m in YEAR_RANGE_PATTERN.finditer(text) for y in re.findall(r"(?:19|20)\d\d", m.group(0))}
    text = YEAR_RANGE_PATTERN.sub(lambda m: " " * len(m.group(0)), text)
    for mention in find_date_mentions(text):
        if mention.kind == "full":
            scores[mention.year] += 2
    for pattern in STRONG_YEAR_PATTERNS:
        for match in pattern.finditer(text):
            scores[int(match.group("y"))] += 3
    for match in YEAR_PATTERN.finditer(text):
        year = int(match.group("y"))
        if YEAR_MIN <= year <= YEAR_MAX:
            scores[year] += 1
    if hint is not None:
        month, day, weekday = hint
        fitting = [y for y in set(scores) | ranged if (d := _valid(y, month, day)) and d.weekday() == weekday]
        if fitting:
            return max(fitting, key=lambda y: (scores[y], y))
    if not scores:
        return None
    return max(scores, key=lambda y: (scores[y], y))


def dateline_mention(text: str) -> DateMention | None:
    """The date of a dateline ("BEIJING, Dec. 17 (Xinhua) --", "Phnom Penh, June 8, 2021 AKP --"), if any."""
    for mention in find_date_mentions(text):
        if mention.kind not in ("full", "day_month"):
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        if DATELINE_PREFIX.fullmatch(text[line_start:mention.start]):
            return mention
    return None


def _first_weekday(text: str) -> int | None:
    for mention in find_date_mentions(text):
        if mention.kind == "weekday":
            return mention.weekday
    return None


def document_anchor(
    text: str, published_at: dt.date | dt.datetime | None = None, dateline: str | None = None,
    head_chars: int = 1200,
) -> dt.date | None:
    """The day the report is written from: dateline date, else publication date, else the first full date near the top.

    >>> document_anchor("Amman, July 6 (Petra) -- ministers on Monday met ... the 2020-2022 plan; set up in 2004.")
    datetime.date(2020, 7, 6)
    """
    published = published_at.date() if isinstance(published_at, dt.datetime) else published_at
    mention = None
    if dateline:
        mentions = [m for m in find_date_mentions(dateline) if m.kind in ("full", "day_month")]
        mention = mentions[0] if mentions else None
    if mention is None:
        mention = dateline_mention(text)
    if mention is not None:
        if mention.kind == "full":
            return _valid(mention.year, mention.month, mention.day)
        if published is not None:
            return closest_year(mention.month, mention.day, published)
        head_full = [m for m in find_date_mentions(text[:head_chars]) if m.kind == "full"]
        if head_full:
            return closest_year(mention.month, mention.day, _valid(head_full[0].year, head_full[0].month, head_full[0].day))
        weekday = _first_weekday(text)
        year = infer_year(text, (mention.month, mention.day, weekday) if weekday is not None else None)
        return _valid(year, mention.month, mention.day) if year else None
    if published is not None:
        return published
    for candidate in find_date_mentions(text[:head_chars]):
        if candidate.kind == "full":
            return _valid(candidate.year, candidate.month, candidate.day)
    return None


def resolve_dates(
    text: str, anchor: dt.date | None = None, default_year: int | None = None,
) -> list[ResolvedDate]:
    """Every date mention of `text` resolved against the anchor (or the inferred year when there is none).

    >>> [r.date for r in resolve_dates("met on Tuesday", dt.date(2024, 12, 17))]
    [datetime.date(2024, 12, 17)]
    """
    if default_year is None and anchor is None:
        default_year = infer_year(text)
    return [resolve_mention(m, anchor, default_year) for m in find_date_mentions(text)]

"""Scraped article text -> headline + body without site furniture, plus publisher, publication time and dateline.

Readouts and wire copy reach us as text pasted or scraped from web pages, so the body sits between
site chrome (masthead, language bar, breadcrumb, nav bar, byline, time stamp) above the headline and
page furniture (share widgets, related links, copyright, sign-offs, release IDs) below it. The rules
work line by line: a line is site chrome when its shape says so (separators, labels, dates, lengths),
not because it matches one site's strings. The header runs up to the first line of prose or the
dateline; the headline is the first title-like line there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import ftfy

from pipeline.text.publishers import find_publisher, strip_publishers


@dataclass(frozen=True)
class CleanedDocument:
    """A cleaned article: body text with the headline as first line, and what the page says about itself."""

    clean_text: str
    title: str | None
    publisher: str | None
    published_at: dt.datetime | None
    dateline: str | None


# ---------------------------------------------------------------------------------------------------
# Unicode and layout
# ---------------------------------------------------------------------------------------------------

# spaces that web pages use for layout; ftfy keeps them, the rules below want plain spaces
SPACE_TRANSLATION = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
})
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MULTI_SPACE_RE = re.compile(r" {2,}")


def normalise_unicode(text: str) -> str:
    """Repair mojibake, unify quotes, line endings and spaces; one line per paragraph line, trimmed.

    Example: "Wang Yi said\u00a0â€œyesâ€\r\n" -> 'Wang Yi said "yes"\n'
    """
    if not text.isascii() or "&" in text:
        # mojibake needs non-ASCII characters, and entities an ampersand: plain ASCII skips ftfy's cost
        text = ftfy.fix_text(text, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(SPACE_TRANSLATION)
    text = CONTROL_CHARS_RE.sub("", text)
    return "\n".join(MULTI_SPACE_RE.sub(" ", line).strip() for line in text.split("\n"))


# ---------------------------------------------------------------------------------------------------
# Dates and times as they appear in stamps and datelines
# ---------------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?"
)
YEAR = r"(?:19|20)\d{2}"
ORD = r"(?:st|nd|rd|th)?"
# each pattern names its groups y, m (number) or mon (name), d
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<!\d)(?P<y>{YEAR})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d])"),
    # "November 27, 2019", and the "November, 27/2019" of some Asian news sites' stamps
    re.compile(rf"\b(?P<mon>{MONTH}),?\s+(?P<d>\d{{1,2}}){ORD}(?:,?\s+|/)(?P<y>{YEAR})(?!\d)", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){ORD}(?:\s+|-|\s+of\s+)(?P<mon>{MONTH})(?:,?\s+|-)(?P<y>{YEAR})(?!\d)", re.I),
    re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>{YEAR})(?!\d)"),  # 17.2.2024, 17. 2. 2024
)
# 26/07/2024: day-first in most outlets, month-first in US ones; read only when one reading is a valid date
# (or both give the same day) -- an ambiguous 05/07/2024 needs the dateline to decide (`slash_date_readings`)
SLASH_DATE_RE = re.compile(rf"(?<![\d/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{YEAR})(?![\d/])")
TIME_RE = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<min>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:IST|GMT|UTC|BJT|CST|MSK|PKT|ICT|WIB|JST|KST|EST|EDT|CET|CEST|GST|AST|local time)\b)?"
    r"|(?<!\d)(?P<h2>\d{1,2})\s*(?P<ampm2>[ap]\.?m\.?)(?![a-z])",
    re.I,
)
WEEKDAY_RE = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)
RELATIVE_AGE_RE = re.compile(r"\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week)s?\s+ago\b|\bjust now\b", re.I)


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every full calendar date (day, month and year) in `text`: (start, end, date), in reading order.

    Example: find_dates("Updated 22:05, 01-Jun-2021") -> [(15, 26, date(2021, 6, 1))]
    """
    found: list[tuple[int, int, dt.date]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["m"]) if groups.get("m") else MONTHS.get(groups["mon"].lower().rstrip("."), 0)
            try:
                day = dt.date(int(groups["y"]), month, int(groups["d"]))
            except ValueError:
                continue
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), day))
    for start, end, readings in slash_date_readings(text):
        if len(readings) == 1 and not any(s < end and start < e for s, e, _ in found):
            found.append((start, end, readings[0]))
    return sorted(found)


def slash_date_readings(text: str) -> list[tuple[int, int, tuple[dt.date, ...]]]:
    """Every DD/MM/YYYY or MM/DD/YYYY date with its valid readings (day-first first), in reading order.

    Example: slash_date_readings("26/07/2024 06:41 PM") -> [(0, 10, (date(2024, 7, 26),))];
    "05/07/2024" gives both 5 July and 7 May
    """
    out: list[tuple[int, int, tuple[dt.date, ...]]] = []
    for match in SLASH_DATE_RE.finditer(text):
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
        readings: list[dt.date] = []
        for day, month in ((a, b), (b, a)):
            try:
                reading = dt.date(year, month, day)
            except ValueError:
                continue
            if reading not in readings:
                readings.append(reading)
        if readings:
            out.append((match.start(), match.end(), tuple(readings)))
    return out


def find_time(text: str) -> dt.time | None:
    """First clock time in `text` (12-hour times converted), or None.

    Example: find_time("Published: Mar 31, 2022 10:37 PM") -> time(22, 37)
    """
    for match in TIME_RE.finditer(text):
        hour = int(match.group("h") or match.group("h2"))
        minute = int(match.group("min") or 0)
        ampm = (match.group("ampm") or match.group("ampm2") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    return None


def stamp_datetime(text: str) -> dt.datetime | None:
    """The date (and time, when given) of a publication stamp.

    Example: stamp_datetime("(Xinhua) 08:20, February 21, 2020") -> datetime(2020, 2, 21, 8, 20)
    """
    dates = find_dates(text)
    if not dates:
        return None
    clock = find_time(text) or dt.time(0, 0)
    return dt.datetime.combine(dates[0][2], clock)


# ---------------------------------------------------------------------------------------------------
# Line rules: each says what one kind of site furniture looks like
# ---------------------------------------------------------------------------------------------------

SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*$")
WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
SEPARATORS_RE = re.compile(r"[\s|/\\>»›<«‹·•:;,\-–—_=+*#~()\[\]{}]+")

LANGUAGE_NAMES: tuple[str, ...] = (
    "English", "Français", "Francais", "French", "Español", "Espanol", "Spanish", "Русский", "Russian", "عربي",
    "العربية", "Arabic", "中文", "简体中文", "繁體中文", "繁体中文", "简体", "繁體", "Chinese", "Deutsch", "German",
    "Português", "Portugues", "Portuguese", "Italiano", "Italian", "日本語", "日本语", "Japanese", "한국어", "Korean",
    "Tiếng Việt", "Tieng Viet", "Vietnamese", "हिन्दी", "हिंदी", "Hindi", "اردو", "Urdu", "Türkçe", "Turkish",
    "Bahasa Indonesia", "Bahasa Melayu", "Bahasa", "ไทย", "Thai", "ខ្មែរ", "ភាសាខ្មែរ", "Khmer", "ລາວ", "Lao",
    "မြန်မာ", "Қазақша", "Қазақ тілі", "Kazakh", "Кыргызча", "Oʻzbekcha", "O'zbekcha", "Ўзбекча", "Uzbek",
    "Тоҷикӣ", "Монгол", "فارسی", "Persian", "Farsi", "Polski", "Nederlands", "Українська", "Ελληνικά", "עברית",
    "বাংলা", "Bangla", "Filipino", "Kiswahili", "Swahili", "Esperanto", "Беларуская", "Српски", "Hrvatski",
    "Română", "Magyar", "Čeština", "Svenska", "Suomi", "Norsk", "Dansk", "Türkmençe", "Azərbaycan", "ქართული",
    "Հայերեն", "Монгол хэл", "EN", "FR", "ES", "RU", "AR", "ZH", "CN", "DE", "PT", "JA", "JP", "KO", "VI", "HI",
    "UR", "TR", "KK", "UZ", "FA", "IT", "TH",
)
LANGUAGE_CODES: frozenset[str] = frozenset(n for n in LANGUAGE_NAMES if re.fullmatch(r"[A-Z]{2}", n))
LANGUAGE_WORDS: frozenset[str] = frozenset(n.casefold() for n in LANGUAGE_NAMES if n not in LANGUAGE_CODES)
LOCALE_RE = re.compile(r"[a-z]{2}[-_][A-Z]{2}")
FONT_BUTTON_RE = re.compile(r"A[-+]{0,2}")
LANGUAGE_BAR_SPLIT_RE = re.compile(r"[\s|/·•,;]+")


def is_language_bar(line: str) -> bool:
    """A row of language switches (or locale codes), possibly with font-size buttons.

    Example: "عربي Español Русский Français 简体中文" -> True; "English is spoken here." -> False
    """
    if len(line) > 200:
        return False
    tokens = [t for t in LANGUAGE_BAR_SPLIT_RE.split(line) if t]
    names = i = 0
    while i < len(tokens):
        pair = f"{tokens[i]} {tokens[i + 1]}".casefold() if i + 1 < len(tokens) else ""
        if pair in LANGUAGE_WORDS:
            names, i = names + 1, i + 2
            continue
        token = tokens[i]
        if token.casefold() in LANGUAGE_WORDS or token in LANGUAGE_CODES or LOCALE_RE.fullmatch(token):
            names += 1
        elif not FONT_BUTTON_RE.fullmatch(token):
            return False
        i += 1
    return names >= 2


BREADCRUMB_SEP_RE = re.compile(r"\s(?:>{1,2}|»|›|→)\s|\s>>|>>\s")
BREADCRUMB_START_RE = re.compile(r"^(?:you are here\s*:?\s*)?(?:home|homepage|main page|首页)\s*(?:[>/»›|:]|$)", re.I)


def is_breadcrumb(line: str) -> bool:
    """A navigation trail of a few short segments, or a 'You are here' line.

    Example: "Home > News & Events" -> True; "Home / Press service / News" -> True
    """
    if len(line) > 160 or SENTENCE_END_RE.search(line):
        return False
    if BREADCRUMB_START_RE.match(line):
        return True
    if BREADCRUMB_SEP_RE.search(line):
        segments = [s for s in re.split(r">{1,2}|»|›|→", line) if s.strip()]
        return all(len(WORD_RE.findall(s)) <= 6 for s in segments)
    return False


def is_section_label(line: str) -> bool:
    """A site section written in capitals with slashes, shown above a headline.

    Example: "CHINA / DIPLOMACY" -> True; "Wang Yi / Lavrov talks" -> False
    """
    segments = [s.strip() for s in line.split("/")]
    return len(segments) >= 2 and all(s and s == s.upper() and len(WORD_RE.findall(s)) <= 3 for s in segments)


def is_nav_bar(line: str) -> bool:
    """Three or more short items separated by bars or bullets.

    Example: "Home | News | Politics | Pacific | Business | Sports" -> True
    """
    segments = [s.strip() for s in re.split(r"\s[|•·]\s|\s*\|\s*", line)]
    segments = [s for s in segments if s]
    return len(segments) >= 3 and all(len(WORD_RE.findall(s)) <= 4 and len(s) <= 40 for s in segments)


FURNITURE_WORDS: frozenset[str] = frozenset({
    "print", "print version", "print this page", "print this article", "printer friendly", "printer-friendly",
    "printer-friendly version", "print friendly", "email", "e-mail", "mail", "email this", "share", "share this",
    "share this article", "share this story", "share on facebook", "share on twitter", "share via", "close",
    "close window", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin", "wechat", "weibo", "reddit",
    "telegram", "vk", "line", "pinterest", "suggest to a friend", "suggest to friend", "send to a friend", "save",
    "bookmark", "comment", "comments", "view comments", "leave a comment", "font size", "text size", "font", "a-",
    "a", "a+", "a++", "large", "medium", "small", "back to top", "top", "download", "pdf", "copy link", "listen",
    "subscribe", "more", "rss", "feedback", "report an error", "like", "follow us", "enlarge", "zoom", "read more",
    "skip to main content", "skip to content", "skip navigation", "toggle navigation", "navigation", "search",
    "menu", "main menu", "open menu", "close menu", "login", "log in", "sign in", "register", "sign up",
    "accessibility", "sitemap", "site map", "contact us", "about us", "e-paper", "epaper", "print edition",
    "newsletter", "newsletters", "breaking news", "live", "trending", "advertisement", "sponsored", "ad",
    "scroll to continue with content", "continue reading", "next", "previous", "prev", "next article",
    "previous article", "home",
})
FURNITURE_SPLIT_RE = re.compile(r"[\[\]<>|()•·:/【】]+|\s{2,}")


def is_page_furniture(line: str) -> bool:
    """Share, print, font and site-navigation widgets that a copy-paste keeps.

    Example: "[Print] [Close]" -> True; "<Suggest To A Friend>" -> True; "Font size: A A A" -> True
    """
    if len(line) > 120:
        return False
    parts = [p.strip().casefold() for p in FURNITURE_SPLIT_RE.split(line)]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in FURNITURE_WORDS or all(w in FURNITURE_WORDS for w in p.split()) for p in parts)


PROMO_RE = re.compile(
    r"^(?:follow\s+(?:us|\w+)\s+on\b|download\s+(?:our|the)\s+\w*\s*app\b|subscribe\s+to\b|sign\s+up\s+for\b|"
    r"click\s+here\b|get\s+the\s+latest\b|join\s+our\b|also\s+watch\b|watch\s*:|welcome\s+to\b|"
    r"our\s+standards\s*:|(?:tags?|keywords?|categories|category|filed\s+under)\s*[:：]|"
    r"(?:views?|hits|reads|reading\s+time|read\s+time)\s*[:：]?\s*\d|\d+\s*min(?:ute)?s?\s+read$|"
    r"page\s+\d+(?:\s+of\s+\d+)?$|(?:\d+\s+){1,9}(?:next|»|>)?$|"
    r"(?:related|read\s+more|also\s+read|read\s+also|see\s+also|more)\s*[:|]\s*\S)",
    re.I,
)


def is_promo_line(line: str) -> bool:
    """Site promotion, tags, counters, pagination and inline related-story links.

    Example: "Follow us on Twitter for the latest news" -> True; "Tags: BRICS, Wang Yi" -> True;
    "Related: China, Brazil sign trade deals" -> True
    """
    return len(line) <= 160 and bool(PROMO_RE.match(line)) and not _long_sentence(line)


def _long_sentence(line: str) -> bool:
    """Running text of more than a dozen words ending like a sentence: content even if it starts like a promo."""
    return bool(SENTENCE_END_RE.search(line)) and len(WORD_RE.findall(line)) > 12


COPYRIGHT_RE = re.compile(
    r"^(?:copyright\b|\(c\)\s*\d{4})|©|all rights reserved|\bICP\s*(?:prepared|备|證|No\b)|trust principles|"
    r"(?:material|content|article|story)\s+may\s+not\s+be\s+(?:published|reproduced|redistributed|copied)",
    re.I,
)
EDITOR_RE = re.compile(
    r"^[(\[]?\s*(?:(?:web|responsible|chief|executive|copy|news|duty)\s+)?editors?\s*[:：]"
    r"|^[(\[]?\s*(?:edited|reported|reporting|writing|editing|compiled|translated|produced|written|updated)\s+by\b"
    r"|^[(\[]?\s*(?:contributors?|reporters?|authors?|writers?|translators?|photographers?|photo\s+editor|"
    r"video\s+editor|producers?|designers?|graphics?|source)\s*[:：]",
    re.I,
)
CONTRIBUTED_RE = re.compile(r"\bcontributed\s+to\s+(?:this|the)\s+(?:story|report|article)\b", re.I)
BYLINE_RE = re.compile(r"^By\s+(?:the\s+)?[A-Z]")
STAFF_BYLINE_RE = re.compile(
    r"^(?:special|staff|our|senior|foreign|chief|diplomatic|political)?\s*(?:correspondents?|reporters?|writers?|"
    r"staff writers?|news desk|web desk|desk)\b"
    r"|^(?:the\s+)?[\w'’ ]{2,30}\s(?:bureau|news\s+desk|correspondent|staff\s+reporter)$",
    re.I,
)


def is_credit_line(line: str) -> bool:
    """Byline, editor, contributor or source credit: who wrote, edited or supplied the story.

    Example: "Editor: Hu Yue" -> True; "(CGTN's Liu Yang also contributed to the story.)" -> True
    """
    if len(line) > 200:
        return False
    if EDITOR_RE.search(line):
        return True
    if CONTRIBUTED_RE.search(line) and len(line) < 160:
        return True
    words = len(WORD_RE.findall(line))
    if BYLINE_RE.match(line) and ("|" in line or words <= 8) and (not SENTENCE_END_RE.search(line) or words <= 5):
        return True
    return bool(STAFF_BYLINE_RE.match(line)) and words <= 12 and not SENTENCE_END_RE.search(line)


STAMP_LABEL_RE = re.compile(
    r"\b(?:last\s+)?(?:updated|update|published|posted(?:\s+on)?|release\s+date|date\s+posted|publication\s+date|"
    r"release\s+time|time|date|source|editor|by|on|at|ago|local)\b\s*[:：]?",
    re.I,
)


STAMP_START_RE = re.compile(r"^(?:last\s+)?(?:updated|published|posted|release\s+date|date|time)\b", re.I)


def residual_words(line: str) -> int:
    """Words left in a line once dates, times, weekdays, stamp labels and outlet names are taken out.

    Example: residual_words("Posted On: 09 AUG 2021 10:41PM by PIB Delhi") -> 1
    """
    rest = line
    for start, end, _ in reversed(find_dates(rest)):
        rest = rest[:start] + " " + rest[end:]
    rest = SLASH_DATE_RE.sub(" ", rest)
    rest = TIME_RE.sub(" ", rest)
    rest = RELATIVE_AGE_RE.sub(" ", rest)
    rest = WEEKDAY_RE.sub(" ", rest)
    rest = strip_publishers(rest)
    rest = STAMP_LABEL_RE.sub(" ", rest)
    return len(WORD_RE.findall(rest))


def is_time_stamp(line: str) -> bool:
    """A publication/update stamp: a date or time with at most a label, byline or place beside it.

    Example: "Updated 21:30, 16-Jul-2020" -> True; "NEW DELHI, JUNE 23, 2020 21:40 IST" -> True;
    "Regular Press Conference on March 28, 2022" -> False
    """
    if len(line) > 160 or (SENTENCE_END_RE.search(line) and not re.search(r"[ap]\.m\.$", line, re.I)):
        return False
    if not (find_dates(line) or SLASH_DATE_RE.search(line) or TIME_RE.search(line) or RELATIVE_AGE_RE.search(line)):
        return False
    if residual_words(line) <= 3:
        return True
    # "17. 2. 2024 | Ministry of Foreign and European Affairs": a stamp beside the issuing body's name
    first, *rest = [segment.strip() for segment in line.split("|")]
    return bool(rest) and residual_words(first) <= 3 and all(is_institution_line(s) or find_publisher(s) for s in rest)


RELEASE_ID_RE = re.compile(
    r"^[(\[]?\s*(?:release\s+id|press\s+release\s+(?:no|number)|document\s+(?:no|number)|doc(?:ument)?\s+id|"
    r"story\s+id|article\s+id|ref(?:erence)?\.?\s*(?:no|number)?)\s*[:.]?\s*[\w/-]+\s*[)\]]?$"
    r"|^[\d][\d/ .-]{5,}$",
    re.I,
)


def is_release_id(line: str) -> bool:
    """A release, story or document number line.

    Example: "(Release ID: 1744212)" -> True; "631-30-03-2022" -> True
    """
    return bool(RELEASE_ID_RE.match(line))


PHOTO_LEAD_RE = re.compile(
    r"^[(\[]?\s*(?:photo|file photo|photos|picture|image|caption|graphic|infographic|video|screenshot)\s*"
    r"(?:[:：|]|\bby\b|\btaken\b|\bshows\b|\bprovided\b|\bcourtesy\b|\bcredit\b)",
    re.I,
)
CREDIT_TAIL_RE = re.compile(r"[.!?\"']\s*[(\[](?P<credit>[^()\[\]]{2,60})[)\]]\s*$")
# "(Xinhua/Li Xiang)" alone on a line, under a photo that did not survive the copy
STANDALONE_CREDIT_RE = re.compile(r"[(\[][^()\[\]\s/]{2,25}(?:\s[^()\[\]\s/]{1,20}){0,2}/[^()\[\]]{2,40}[)\]]")
# China Daily and others end captions with "[Photo/Xinhua]" or "(Photo: VNA)", final stop or not
PHOTO_CREDIT_TAIL_RE = re.compile(r"[(\[](?:photo|photos|file photo|image|pic)\s*(?:[/:]|by\b)[^()\[\]]{1,50}[)\]]\s*$", re.I)
CREDIT_WORDS_RE = re.compile(r"\b(?:photo|photos|photograph|file|courtesy|handout|screenshot|image|pic|credit)\b", re.I)


def is_photo_caption(line: str) -> bool:
    """A photo caption: led by 'Photo:' and the like, or ending in a photo credit in brackets.

    Example: "Wang Yi attends the meeting via video link in Beijing, Dec. 17, 2024. (Xinhua/Gao Jie)" -> True
    """
    if len(line) > 700:
        return False
    if PHOTO_LEAD_RE.match(line):
        return True
    if STANDALONE_CREDIT_RE.fullmatch(line):
        return True
    photo_tail = PHOTO_CREDIT_TAIL_RE.search(line)
    if photo_tail is not None:
        return True
    tail = CREDIT_TAIL_RE.search(line)
    if tail is None:
        return False
    credit = tail.group("credit")
    return "/" in credit or bool(CREDIT_WORDS_RE.search(credit)) or find_publisher(credit) is not None and (
        len(SEPARATORS_RE.sub("", strip_publishers(credit))) == 0
    )


RELATED_HEAD_RE = re.compile(
    r"^[\[(<]?\s*(?:related(?:\s+(?:news|stories|story|links?|articles?|reading|content|coverage|topics|posts|"
    r"reports?|items?))?|more\s+(?:news|stories|on\s+this(?:\s+topic)?|from\s+[\w ]{1,30}|to\s+read)|"
    r"read\s+(?:more|also)|see\s+also|also\s+read|further\s+reading|you\s+may\s+(?:also\s+)?like|"
    r"recommended(?:\s+(?:stories|for\s+you|reading))?|latest(?:\s+news)?|most\s+(?:read|popular|viewed)|"
    r"trending(?:\s+now)?|top\s+stories|editor'?s\s+picks?|in\s+case\s+you\s+missed\s+it)\s*[\])>]?\s*:?\s*$",
    re.I,
)


def is_related_heading(line: str) -> bool:
    """The heading of a related-links block.

    Example: "RELATED STORIES" -> True; "[Related]" -> True; "Related news:" -> True
    """
    return bool(RELATED_HEAD_RE.match(line))


SIGN_OFF_RE = re.compile(
    r"^[-–—=*#~\s]*(?:[A-Za-z]{2,12}(?:\s*/\s*[A-Za-z]{1,8})*|end(?:item)?|ends)[-–—=*#~\s.]*$"
    r"|^[-–—=*#~\s]+$",
    re.I,
)


def is_decorated_sign_off(line: str) -> bool:
    """An end mark or agency sign-off set off by dashes or stars.

    Example: "--AKP--" -> True; "-- Petra" -> True; "***" -> True; "- Wang Yi said" -> False
    """
    return len(line) <= 24 and bool(SIGN_OFF_RE.match(line)) and bool(re.search(r"[-–—=*#~]", line))


def is_sign_off(line: str) -> bool:
    """A short sign-off after the story: agency initials, desk codes, end marks.

    Example: "APP/ztb" -> True; "DS/AK" -> True; "VNA" -> True
    """
    return len(line) <= 24 and bool(SIGN_OFF_RE.match(line)) and len(WORD_RE.findall(line)) <= 2


SCRAPER_PREFIX_RE = re.compile(
    r"^(?:date|published|pubdate|publish_date|time|datetime)\s*[:=]?\s*"
    rf"(?P<stamp>{YEAR}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?Z?)?)(?:\s+|$)",
    re.I,
)
TRAILING_STAMP_RE = re.compile(
    rf"^(?P<head>.*?\S)\s+(?P<stamp>{YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)$"
)
EVENT_LABEL_RE = re.compile(
    r"^(?:event|date|time|venue|location|place|chair|chaired by|host|hosts|co-chairs?|participants|attendees|"
    r"theme|topic|format|organi[sz]er)\s*[:：]\s*\S",
    re.I,
)
INSTITUTION_LINE_RE = re.compile(
    r"^(?:The\s+)?(?:Government|Ministry|Department|Office|Embassy|Consulate|Permanent Mission|Mission|Secretariat|"
    r"Prime Minister's Office|President's Office|Presidential Administration|Press Service|Information Office|"
    r"State Council|Cabinet)\b[\w\s,'’&().-]*$"
)
INSTITUTION_WORD_RE = re.compile(r"^(?:[A-Z][\w'’.-]*|of|the|and|for|in|to|on|&|[(),-]+)$")


def is_institution_line(line: str) -> bool:
    """A government body's name on its own, as a site shows above its releases.

    Example: "Prime Minister's Office" -> True; "Ministry of Commerce Holds Briefing on Trade" -> True (only names)
    """
    return bool(INSTITUTION_LINE_RE.match(line)) and all(INSTITUTION_WORD_RE.match(w) for w in line.split())


# a news agency naming itself under its masthead: "National News Agency of Bangladesh", "Middle East News Agency"
AGENCY_NAME_RE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}(?:News|Press|Telegraph|Information)\s+Agency"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?$"
)


# an outlet's slogan under its masthead: "Malaysia's Largest English Daily", "Your Source of Credible News"
TAGLINE_RE = re.compile(
    r"(?i)^(?:the\s+|your\s+|[\w'’]+['’]s\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:largest|leading|premier|first|number one|most (?:trusted|read)|source of|voice of|national)\b[\w\s'’-]{0,40}"
    r"\b(?:daily|newspaper|news|news agency|english daily|media|portal|information)$"
)


def is_masthead(line: str) -> bool:
    """An outlet's name as a masthead: the outlet plus at most a short qualifier, or a news agency naming itself.

    Example: "CHINA DAILY | Global Edition" -> True; "National News Agency of Bangladesh" -> True;
    "Xinhua reports on BRICS ministers' meeting" -> False
    """
    if AGENCY_NAME_RE.match(line) or (len(line) <= 60 and TAGLINE_RE.match(line)):
        return True
    if len(line) > 140 or find_publisher(line) is None:
        return False
    residual = strip_publishers(line)
    # "The Star | Malaysia's Largest English Daily": the outlet and its slogan
    return len(WORD_RE.findall(residual)) <= 2 or bool(TAGLINE_RE.match(residual.strip(" |-–—:·•")))


# ---------------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------------

PLACE = r"(?:[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|of|la|el|al|es|du|di|da|do|and)){0,4})"
# Gulf agencies (SPA, WAM, KUNA, QNA) put the Hijri date before the Gregorian one: "Riyadh, Jumada Al-Awwal 15,
# 1444, December 9, 2022, SPA --"; several Hijri month names are two words
HIJRI_MONTH = (
    r"(?i:muharram|safar|rajab|sha[’']?ban|ramadh?an|shawwal"
    r"|(?:rabi[’']?|jumad[ae])(?:[ -](?:al|ul|el))?[ -](?:awwal|awal|ula|oula|thani|thania|sani|akhir|akhirah|akhira|akhar)"
    r"|dhu[’']?l?[ -]?(?:al[ -])?(?:qa[’']?dah|qi[’']?dah|qa[’']?da|hijjah|hijja)|zul[ -]?(?:qadah|hijjah))"
)
DATE_PART = (
    rf"(?:,\s*(?:(?:{HIJRI_MONTH}\s+\d{{1,2}}{ORD}|\d{{1,2}}{ORD}\s+{HIJRI_MONTH})(?:,?\s+\d{{4}}(?:\s*A\.?H\.?)?)?|[A-Z][\w'’]*\.?\s+\d{{1,2}}{ORD}(?:/\d{{4}})?"
    rf"|\d{{1,2}}{ORD}\s+[A-Z][a-z]+\.?|\d{{4}}(?:\s*A\.?H\.?)?|[A-Z][a-z]+\.?\s+\d{{4}}))"
)
DATELINE_RE = re.compile(
    rf"^(?P<dateline>"
    rf"(?P<place>{PLACE})?(?P<date>{DATE_PART}{{0,5}})"
    rf"(?:\s*\((?P<agency>[^()\n]{{2,60}})\)|,?\s+(?P<agency2>[A-Z]{{2,6}}))?"
    rf")\s*(?P<sep>--?|–|—|:)(?=\s|$)"
)
# words that open stamp lines the way a place opens a dateline
NOT_A_PLACE_RE = re.compile(rf"(?:{WEEKDAY_RE.pattern}|{MONTH}|{STAMP_LABEL_RE.pattern}|home|news|photo|video|file)", re.I)
DATELINE_NO_SEP_RE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){{0,3}}){DATE_PART}{{0,5}}"
    rf"\s*\((?P<agency>[^()\n]{{2,60}})\))\s+(?=[A-Z\"'])"
)
# a title-case place needs a date before the agency: "Addis Ababa, April 17/2024 (ENA) Foreign Minister ..."
DATELINE_TITLE_PLACE_RE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){{0,3}}){DATE_PART}{{1,5}}"
    rf"\s*\((?P<agency>[A-Z][^()\n]{{1,40}})\))\s+(?=[A-Z\"'])"
)


def find_dateline(paragraph: str) -> re.Match[str] | None:
    """The dateline at the start of a paragraph, if any (its `dateline` group excludes the dash).

    Example: find_dateline("BEIJING, Dec. 17 (Xinhua) -- Wang Yi said ...")["dateline"] -> "BEIJING, Dec. 17 (Xinhua)"
    """
    match = DATELINE_RE.match(paragraph)
    if match is not None and match.group("place") and is_masthead(match.group("place")):
        return None  # "AKP - Agence Kampuchea Presse" is a masthead, not a place
    if match is not None:
        place, agency, date = match.group("place"), match.group("agency") or match.group("agency2"), match.group("date")
        if not match.group("dateline").strip() or len(match.group("dateline")) > 90:
            return None
        if place and (len(place) > 45 or NOT_A_PLACE_RE.fullmatch(place)):
            return None
        if re.match(r"\s*\d", paragraph[match.end():]):
            return None  # "Thursday, February 20, 2020 - 19:40" is a time stamp
        upper_place = bool(place) and place == place.upper() and len(place) >= 3
        if match.group("sep") == ":" and not (agency or upper_place):
            return None
        if not (agency or upper_place or (place and date)):
            return None
        if match.group("sep") == "-" and not (agency or date):
            return None
        if match.group("agency") and not (find_publisher(agency) or re.fullmatch(r"[A-Z][A-Za-z]{1,10}", agency)):
            return None
        return match
    match = DATELINE_NO_SEP_RE.match(paragraph)
    if match is not None and find_publisher(match.group("agency")):
        return match
    match = DATELINE_TITLE_PLACE_RE.match(paragraph)
    if match is not None and (find_publisher(match.group("agency")) or re.fullmatch(r"[A-Z]{2,6}", match.group("agency"))):
        return match
    return None


# ---------------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------------

TRAILING_MARK_RE = re.compile(r"\s*(?:\bEnditem\b|\bENDITEM\b|\((?:End|END)\)|\[(?:End|END)\]|\s-?ENDS?-?)\s*$")
VNA_END_RE = re.compile(r"(?<=[.!?\"'])\s*/\.$")
# a line cut mid-sentence ends in a lower-case word or a comma
WRAPPED_END_RE = re.compile(r"(?:\b[a-z][a-z'-]*|,)$")
# no headline ends in a function word, so a line that does was cut mid-sentence
FUNCTION_WORD_END_RE = re.compile(r"\b(?:and|or|the|a|an|of|to|in|on|at|by|for|with|from|as|that|its|their|his|her)$")


def _is_prose(line: str) -> bool:
    """A line of running text: ends like a sentence and is long enough not to be a headline."""
    if len(line) < 40:
        return False
    if SENTENCE_END_RE.search(line) and (not line.rstrip("\"')]").endswith(("?", "!")) or len(line) > 150):
        return True
    return len(line) > 250 and bool(re.search(r"[.!?]\s+[A-Z]", line))


def _boilerplate_kind(line: str) -> str | None:
    """Which kind of furniture a line is, or None for content."""
    if is_language_bar(line):
        return "language_bar"
    if is_page_furniture(line):
        return "furniture"
    if COPYRIGHT_RE.search(line) and len(line) <= 250:
        return "copyright"
    if is_photo_caption(line):
        return "caption"
    if is_credit_line(line):
        return "credit"
    if is_breadcrumb(line):
        return "breadcrumb"
    if is_nav_bar(line):
        return "nav_bar"
    if is_time_stamp(line):
        return "stamp"
    if is_release_id(line):
        return "release_id"
    if is_decorated_sign_off(line):
        return "sign_off"
    if is_promo_line(line):
        return "promo"
    return None


def _title_key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def _word_count(line: str) -> int:
    return len(WORD_RE.findall(line))


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs: a long line cut mid-sentence, continued in lower case."""
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if (len(previous) >= 55 and WRAPPED_END_RE.search(previous) and not is_language_bar(line)
                and (re.match(r"[a-z][a-z'-]*\s", line) or FUNCTION_WORD_END_RE.search(previous) and line[:1].isalpha())):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


@dataclass
class _Found:
    """What the cleaning pass learnt about the page while dropping lines."""

    stamps: list[dt.datetime]
    tail_stamps: list[dt.datetime]
    publishers: list[tuple[int, str]]  # (priority, canonical); lower wins
    # stamps whose DD/MM vs MM/DD order only the dateline can settle: every reading, with its clock time
    ambiguous: list[dt.datetime] = field(default_factory=list)


def _note_publisher(found: _Found, line: str, priority: int) -> None:
    named = find_publisher(line)
    if named is not None:
        found.publishers.append((priority, named[0]))


def _choose_title(candidates: list[tuple[int, str]]) -> int | None:
    """Index (into candidates) of the headline: the first line of four or more words that is not a masthead."""
    def plain(line: str) -> bool:
        return not is_masthead(line) and not is_institution_line(line) and not is_section_label(line)

    for i, (_, line) in enumerate(candidates):
        if _word_count(line) >= 4 and plain(line):
            return i
    for i, (_, line) in enumerate(candidates):
        if _word_count(line) >= 2 and plain(line) and line != line.upper():
            return i
    return None


def clean_document(text: str) -> CleanedDocument:
    """Clean one article: drop site furniture, keep headline + body, and read publisher, stamp and dateline.

    Example: clean_document("Home > News\\nWang Yi meets Lavrov\\nUpdated 21:30, 16-Jul-2020\\n\\n"
    "MOSCOW, July 16 (Xinhua) -- Wang Yi met Sergey Lavrov on Thursday.\\n\\nPrint | Email | Share")
    -> clean_text "Wang Yi meets Lavrov\\n\\nMOSCOW, July 16 (Xinhua) -- Wang Yi met Sergey Lavrov on Thursday.",
    title "Wang Yi meets Lavrov", publisher "Xinhua", published_at 2020-07-16 21:30, dateline "MOSCOW, July 16 (Xinhua)"
    """
    found = _Found(stamps=[], tail_stamps=[], publishers=[])
    lines = [line for line in _unwrap(normalise_unicode(text).split("\n")) if line]

    if lines:
        prefix = SCRAPER_PREFIX_RE.match(lines[0])
        if prefix is not None:
            found.stamps.append(stamp_datetime(prefix.group("stamp").replace("T", " ")) or dt.datetime.min)
            lines[0] = lines[0][prefix.end():].strip()
            lines = [line for line in lines if line]

    body_start = next((i for i, line in enumerate(lines)
                       if (_is_prose(line) and _boilerplate_kind(line) is None) or find_dateline(line)), len(lines))

    # header: site chrome, headline, stamps, an event box
    candidates: list[tuple[int, str]] = []
    header_kept: list[tuple[int, str]] = []
    # a site's menu ends its masthead block (outlet, tagline, "Republic of the Philippines"): the headline follows it
    chrome_end = next((i for i, line in enumerate(lines[:body_start]) if _boilerplate_kind(line) in ("nav_bar", "breadcrumb")),
                      -1)
    for i, line in enumerate(lines[:body_start]):
        if EVENT_LABEL_RE.match(line) and _is_event_box(lines, i, body_start):
            header_kept.append((i, line))
            continue
        kind = _boilerplate_kind(line)
        if kind is None and (is_masthead(line) or is_institution_line(line) or is_section_label(line)):
            _note_publisher(found, line, 2)
            candidates.append((i, line))
            continue
        if kind is None:
            trailing = TRAILING_STAMP_RE.match(line)
            if trailing is not None and _word_count(trailing.group("head")) >= 3:
                found.stamps.append(stamp_datetime(trailing.group("stamp")) or dt.datetime.min)
                line = trailing.group("head")
            candidates.append((i, line))
            continue
        if kind == "stamp" or EVENT_LABEL_RE.match(line) is None and find_dates(line) and kind in {"credit", "nav_bar"}:
            stamp = stamp_datetime(line)
            if stamp is not None:
                found.stamps.append(stamp)
            else:
                found.ambiguous.extend(_stamp_readings(line))
        _note_publisher(found, line, 1 if line.lower().startswith("source") else 3)

    after_chrome = [c for c in candidates if c[0] > chrome_end]  # every candidate on a page without a menu
    title_index = _choose_title(after_chrome)
    if title_index is not None:
        title_index += len(candidates) - len(after_chrome)
    if title_index is None and body_start < len(lines) and _is_headline_with_stop(lines, body_start):
        candidates.append((body_start, lines[body_start]))
        title_index = len(candidates) - 1
        body_start += 1
    if title_index is None and chrome_end >= 0:
        title_index = _choose_title(candidates)
    title = candidates[title_index][1] if title_index is not None else None
    head_lines: list[tuple[int, str]] = []
    if title_index is not None:
        title_line = candidates[title_index][0]
        head_lines.append((title_line, title))
        for i, line in candidates[title_index + 1:]:
            if _title_key(line) == _title_key(title) or is_masthead(line) or is_institution_line(line):
                continue
            if _is_name_line(line):
                continue  # a bare byline or place under the headline ("Suhasini Haidar", "NEW DELHI")
            head_lines.append((i, line))
        head_lines.extend((i, line) for i, line in header_kept if i > title_line)
    else:
        head_lines.extend(header_kept)
    head_lines.sort()

    # body: drop furniture, related-link blocks and the sign-off tail
    body: list[str] = []
    in_related = False
    for line in lines[body_start:]:
        if in_related:
            if _is_prose(line) and not re.match(r"^[-•*·]\s", line):
                in_related = False
            else:
                continue
        if is_related_heading(line):
            in_related = True
            continue
        if title is not None and abs(len(line) - len(title)) < 8 and _title_key(line) == _title_key(title):
            continue
        kind = None if find_dateline(line) else _boilerplate_kind(line)
        if kind == "stamp" and not _is_clear_stamp(line):
            kind = None  # inside the story a dated short line may be content; the tail is trimmed below
        if kind is not None:
            if kind == "stamp":
                stamp = stamp_datetime(line)
                if stamp is not None:
                    found.tail_stamps.append(stamp)
            _note_publisher(found, line, 4 if kind in {"credit", "sign_off", "copyright"} else 6)
            continue
        body.append(line)
    while body and (is_sign_off(body[-1]) or _is_place_line(body[-1]) or is_time_stamp(body[-1])):
        stamp = stamp_datetime(body[-1])
        if stamp is not None:
            found.tail_stamps.append(stamp)
        _note_publisher(found, body[-1], 4)
        body.pop()
    body = [_strip_end_marks(line) for line in body]
    body = [line for line in body if line]

    dateline = None
    for line in body[:3]:
        match = find_dateline(line)
        if match is not None:
            dateline = match.group("dateline").strip().rstrip(",")
            agency = match.group("agency") or match.group("agency2")
            if agency:
                _note_publisher(found, agency, 0)
            dated = find_dates(dateline)
            if dated and not found.stamps:
                found.stamps.append(dt.datetime.combine(dated[0][2], dt.time(0, 0)))
            if not found.stamps and found.ambiguous:
                found.stamps.extend(_readings_matching_dateline(found.ambiguous, dateline))
            break

    paragraphs = [line for _, line in head_lines] + body
    published = [s for s in found.stamps if s != dt.datetime.min] or found.tail_stamps
    publisher = min(found.publishers)[1] if found.publishers else None
    return CleanedDocument(
        clean_text="\n\n".join(paragraphs),
        title=title,
        publisher=publisher,
        published_at=published[0] if published else None,
        dateline=dateline,
    )


DATELINE_DAY_RE = re.compile(rf"\b(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}){ORD}\b|\b(?P<d2>\d{{1,2}}){ORD}\s+(?P<mon2>{MONTH})(?![a-z])", re.I)


def _stamp_readings(line: str) -> list[dt.datetime]:
    """Every reading of an ambiguous DD/MM/YYYY stamp, with the line's clock time."""
    clock = find_time(line) or dt.time(0, 0)
    return [dt.datetime.combine(day, clock) for _, _, readings in slash_date_readings(line)[:1] for day in readings]


def _readings_matching_dateline(readings: list[dt.datetime], dateline: str) -> list[dt.datetime]:
    """The stamp reading the dateline's day confirms ("05/07/2024" under "VIENTIANE, July 5" is 5 July), else none.

    A stamp may run a day ahead of the dateline (filed late in another time zone), so one day either way counts.
    """
    match = DATELINE_DAY_RE.search(dateline)
    if match is None:
        return []
    month = MONTHS.get((match.group("mon") or match.group("mon2")).lower().rstrip("."), 0)
    day = int(match.group("d") or match.group("d2"))
    fitting = []
    for reading in readings:
        try:
            written = dt.date(reading.year, month, day)
        except ValueError:
            continue
        if abs((reading.date() - written).days) <= 1:
            fitting.append(reading)
    return fitting[:1] if len(fitting) == 1 else []


def _is_event_box(lines: list[str], index: int, stop: int) -> bool:
    """A labelled line belongs to an event box when a neighbour is labelled too ("Event:", "Venue:")."""
    neighbours = [lines[j] for j in (index - 1, index + 1) if 0 <= j < stop]
    return any(EVENT_LABEL_RE.match(n) for n in neighbours)


def _is_headline_with_stop(lines: list[str], index: int) -> bool:
    """A one-sentence headline that ends with a full stop, recognised by what follows it.

    Headlines rarely end with a stop, so it takes a stamp, byline or dateline right under the line:
    "China, Pakistan agree to deepen cooperation." followed by "Updated: 2023-05-06 18:20".
    """
    line = lines[index]
    if len(line) > 150 or find_dateline(line) or re.search(r"[.!?][\"')\]]*\s+\S", line):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(following) and (_boilerplate_kind(following) in {"stamp", "credit"} or find_dateline(following) is not None)


def _is_name_line(line: str) -> bool:
    """Up to four capitalised words and nothing else: a byline name or a place, not a headline."""
    words = line.split()
    return 0 < len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’.-]*,?", w) for w in words) and not find_dateline(line)


def _is_clear_stamp(line: str) -> bool:
    """A stamp beyond doubt: it has a clock time, a stamp label, or nothing but the date."""
    return bool(TIME_RE.search(line) or STAMP_START_RE.match(line) or residual_words(line) <= 1)


def _is_place_line(line: str) -> bool:
    """A bare place name closing a release ("New Delhi" above the date line)."""
    words = line.split()
    return 0 < len(words) <= 3 and all(re.fullmatch(r"[A-Z][\w'’.-]*,?", w) for w in words) and not find_publisher(line)


def _strip_end_marks(line: str) -> str:
    """Remove wire end marks from a paragraph's end ("... in November. Enditem", "... Commission./.")."""
    tail_start = max(0, len(line) - 16)  # marks are short: search only the tail, not the whole paragraph
    tail = VNA_END_RE.sub("", line[tail_start:])
    return (line[:tail_start] + TRAILING_MARK_RE.sub("", tail)).strip()

"""Date phrases in news copy: formats, same-day weekdays, missing years, month and year boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.dates import (
    closest_year, document_anchor, find_date_mentions, infer_year, previous_weekday, resolve_dates, resolve_mention,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were held on Dec. 17, 2024 in Beijing.", D(2024, 12, 17)),
        ("The talks were held on December 17, 2024 in Beijing.", D(2024, 12, 17)),
        ("The talks were held on 17 December 2024 in Beijing.", D(2024, 12, 17)),
        ("Updated 21:30, 16-Jul-2020", D(2020, 7, 16)),
        ("Date: 2021-10-12", D(2021, 10, 12)),
        ("Stamp 2021/10/12 and nothing else", D(2021, 10, 12)),
        ("MOSCOW (News - 18th March, 2021) Ministers met.", D(2021, 3, 18)),
        ("Posted On: 09 AUG 2021 10:41PM", D(2021, 8, 9)),
        ("NEW DELHI, JUNE 23, 2020 21:40 IST", D(2020, 6, 23)),
        ("Thursday, February 20, 2020 - 19:40", D(2020, 2, 20)),
    ],
)
def test_full_dates_are_explicit(text: str, expected: dt.date) -> None:
    resolved = [r for r in resolve_dates(text, anchor=None, default_year=1999) if r.source == "explicit"]
    assert resolved and resolved[0].date == expected


def test_weekday_next_to_a_full_date_is_one_mention() -> None:
    mentions = find_date_mentions("Thursday, February 20, 2020 - 19:40")
    assert len(mentions) == 1 and mentions[0].weekday == 3


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_date_mentions("Countries may 5 times reconsider.") == []


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("on Tuesday", D(2024, 12, 17), D(2024, 12, 17)),   # same day, never a week earlier
        ("on Thursday", D(2020, 7, 16), D(2020, 7, 16)),
        ("on Monday", D(2024, 6, 12), D(2024, 6, 10)),      # closest past Monday
        ("on Thursday", D(2024, 1, 2), D(2023, 12, 28)),    # across the year boundary
        ("on Sunday", D(2021, 3, 2), D(2021, 2, 28)),       # across a month boundary
        ("last Thursday", D(2021, 5, 24), D(2021, 5, 20)),
        ("last Thursday", D(2021, 5, 20), D(2021, 5, 13)),  # "last" is strictly before
    ],
)
def test_weekdays_resolve_to_the_closest_past_day(phrase: str, anchor: dt.date, expected: dt.date) -> None:
    mention = find_date_mentions(phrase)[0]
    resolved = resolve_mention(mention, anchor)
    assert (resolved.date, resolved.source) == (expected, "relative_weekday")


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("yesterday", D(2021, 3, 1), D(2021, 2, 28)),
        ("this afternoon", D(2022, 5, 30), D(2022, 5, 30)),
        ("today", D(2021, 8, 9), D(2021, 8, 9)),
    ],
)
def test_relative_days_count_from_the_anchor(phrase: str, anchor: dt.date, expected: dt.date) -> None:
    assert resolve_mention(find_date_mentions(phrase)[0], anchor).date == expected


def test_todays_is_not_a_date() -> None:
    assert find_date_mentions("in today's international arena") == []


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("on 13 May", D(2020, 5, 14), D(2020, 5, 13)),
        ("on December 30", D(2021, 1, 3), D(2020, 12, 30)),  # the year before when this year's lands in the future
        ("on January 2", D(2020, 12, 30), D(2021, 1, 2)),    # a few days ahead stays in the next year
    ],
)
def test_day_and_month_take_the_closest_year(phrase: str, anchor: dt.date, expected: dt.date) -> None:
    resolved = resolve_mention(find_date_mentions(phrase)[0], anchor)
    assert (resolved.date, resolved.source) == (expected, "year_inferred")


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("On the 5th local time, the minister spoke.", D(2022, 8, 6), D(2022, 8, 5)),
        ("opened on the 28th, and", D(2022, 3, 2), D(2022, 2, 28)),  # previous month when the day is still ahead
    ],
)
def test_day_only_dates_take_month_and_year_from_the_anchor(phrase: str, anchor: dt.date, expected: dt.date) -> None:
    assert resolve_mention(find_date_mentions(phrase)[0], anchor).date == expected


def test_ordinals_of_sessions_are_not_days() -> None:
    assert find_date_mentions("on the 45th session of the Council") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The conference was chaired by Russia, SCO chair for year 2020; it recalled the 2018 summit.", 2020),
        ("The minister noted that 2021 marks the 30th anniversary of independence, unlike 2019.", 2021),
        ("No year appears here.", None),
    ],
)
def test_year_is_inferred_from_the_text(text: str, expected: int | None) -> None:
    assert infer_year(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The conference reviewed the Comprehensive Plan of Action for 2021-2025.",
        "The ministers reviewed the plan for 2016 to 2020 and its successor.",
        "The council adopted its programme for 2023–2027.",
    ],
)
def test_a_year_range_never_supplies_the_year(text: str) -> None:
    assert infer_year(text) is None


def test_a_year_range_does_not_outvote_a_single_year() -> None:
    assert infer_year("The Plan of Action for 2021-2025 was reviewed; in 2024 the ministers met twice.") == 2024


def test_weekday_picks_the_year_among_candidates() -> None:
    text = "Amman, July 6 (Agency) -- The ministers on Monday adopted the plan for 2020-2022; the forum began in 2004."
    assert document_anchor(text) == D(2020, 7, 6)  # 6 July 2020 was a Monday, 2022 and 2004 were not


def test_missing_year_without_anchor_uses_inferred_year() -> None:
    resolved = resolve_dates("On 12 May, the ministers met in Xi'an. 2021 marks the 30th anniversary.")
    assert resolved[0].date == D(2021, 5, 12) and resolved[0].source == "year_inferred"


def test_dateline_wins_over_a_later_stamp() -> None:
    text = "(Agency) 08:56, December 18, 2024\n\nBEIJING, Dec. 17 (Agency) -- The minister attended on Tuesday."
    assert document_anchor(text) == D(2024, 12, 17)


def test_publication_date_is_the_anchor_without_dateline() -> None:
    assert document_anchor("The ministers met on Monday.", published_at=dt.datetime(2024, 6, 12, 8, 15)) == D(2024, 6, 12)


def test_helpers() -> None:
    assert previous_weekday(0, D(2024, 6, 10)) == D(2024, 6, 10)
    assert closest_year(2, 29, D(2021, 3, 1)) == D(2020, 2, 29)

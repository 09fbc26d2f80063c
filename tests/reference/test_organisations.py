"""Organisation gazetteer: aliases to canonical short forms and dated member lists."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.reference.organisations import canonical, find_organisations, full_name, meeting_organisation, member_states


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("the Mekong-Lancang Cooperation (MLC) mechanism", "LMC"),
        ("a China + Central Asia video conference", "C+C5"),
        ("the neighbouring countries of Afghanistan", "Neighboring Countries of Afghanistan"),
        ("a meeting of the extended Troika in Moscow", "Extended Troika"),
        ("the Shanghai Cooperation Organisation", "SCO"),
        ("the Organization of Islamic Cooperation", "OIC"),
        ("between China and the Pacific Island countries", "China-PIC"),
        ("the first Riyadh Arab-China Summit for Cooperation and Development", "China-Arab States Summit"),
        ("the second China-Arab States Summit in 2026", "China-Arab States Summit"),
        ("the ASEAN-Russia Post Ministerial Conference", "ASEAN-Russia"),
        ("the Japan-ASEAN commemorative summit", "ASEAN-Japan"),
    ],
)
def test_aliases_find_the_canonical_body(text: str, short: str) -> None:
    assert [s for _, _, s in find_organisations(text)][0] == short


def test_longest_alias_wins() -> None:
    assert find_organisations("the 29th ASEAN Regional Forum meeting")[0][2] == "ARF"


def test_acronyms_are_case_sensitive() -> None:
    assert find_organisations("an un-named official") == []


def test_hyphenated_compounds_do_not_match_a_body() -> None:
    assert find_organisations("the UN-centered international system") == []


def test_a_summit_series_leaves_the_word_summit_to_the_meeting_name() -> None:
    text = "chaired the first Riyadh Arab-China Summit for Cooperation and Development"
    (start, end, short), = find_organisations(text)
    assert (text[start:end], short) == ("Arab-China", "China-Arab States Summit")


def test_china_arab_friendship_and_the_forum_are_not_the_summit() -> None:
    found = [s for _, _, s in find_organisations("China-Arab friendship and the China-Arab States Cooperation Forum")]
    assert found == ["CASCF"]


def test_mechanisms_file_meetings_under_their_parent() -> None:
    assert meeting_organisation("ASEAN-Russia") == "ASEAN"
    assert meeting_organisation("ARF") == "ASEAN"
    assert meeting_organisation("UNSC") == "UN"
    assert meeting_organisation("SCO") == "SCO"


def test_names() -> None:
    assert canonical("Mekong-Lancang Cooperation") == "LMC"
    assert full_name("CICA") == "Conference on Interaction and Confidence Building Measures in Asia"


@pytest.mark.parametrize(
    ("org", "day", "present", "absent"),
    [
        ("SCO", dt.date(2016, 1, 1), "CHN", "IND"),
        ("SCO", dt.date(2020, 9, 10), "IND", "IRN"),
        ("BRICS", dt.date(2023, 12, 31), "ZAF", "EGY"),
        ("BRICS", dt.date(2024, 6, 10), "EGY", "SAU"),
        ("EU", dt.date(2021, 1, 1), "DEU", "GBR"),
        ("Neighboring Countries of Afghanistan", dt.date(2021, 9, 8), "PAK", "RUS"),
        ("Neighboring Countries of Afghanistan", dt.date(2022, 3, 31), "RUS", "AFG"),
    ],
)
def test_members_on_a_date(org: str, day: dt.date, present: str, absent: str) -> None:
    members = member_states(org, day)
    assert present in members and absent not in members


def test_summit_series_members_join_at_the_first_summit() -> None:
    assert member_states("China-Arab States Summit", dt.date(2021, 1, 1)) == []
    members = member_states("China-Arab States Summit", dt.date(2024, 6, 1))
    assert "CHN" in members and "SAU" in members and len(members) == 23


def test_suspension_and_return() -> None:
    assert "SYR" not in member_states("Arab League", dt.date(2015, 1, 1))
    assert "SYR" in member_states("Arab League", dt.date(2024, 1, 1))


def test_member_list_sizes() -> None:
    assert len(member_states("UN")) == 193
    assert len(member_states("OIC")) == 57
    assert len(member_states("SCO", dt.date(2020, 9, 10))) == 8
    assert member_states("No Such Body") == []

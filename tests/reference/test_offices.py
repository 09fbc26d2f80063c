"""Office titles as patterns and dated office holders."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.reference.offices import (
    find_titles, holder_of, is_organisation_office, office_kinds, organisation_code, person_country, same_person,
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("State Councilor and Foreign Minister Wang Yi said", "State Councilor and Foreign Minister"),
        ("Deputy Prime Minister and Minister of Foreign Affairs Ana Lima", "Deputy Prime Minister and Minister of Foreign Affairs"),
        ("Minister of Foreign Affairs of the Russian Federation", "Minister of Foreign Affairs"),
        ("the Minister Responsible for Foreign Affairs arrived", "Minister Responsible for Foreign Affairs"),
        ("Ivan Petrov, foreign minister of Serbia", "foreign minister"),
        ("Union Minister for International Cooperation Than Aung", "Union Minister for International Cooperation"),
        ("Vice Foreign Minister Le Van", "Vice Foreign Minister"),
        ("EAM said", "EAM"),
    ],
)
def test_title_span_covers_compound_office_but_not_country(text: str, title: str) -> None:
    assert [text[s:e] for s, e in find_titles(text)][0] == title


def test_plain_text_has_no_title() -> None:
    assert find_titles("The meeting adopted a joint statement on trade.") == []


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        ("Foreign Minister", {"foreign_minister"}),
        ("External Affairs Minister", {"foreign_minister"}),
        ("Secretary of State", {"foreign_minister"}),
        ("Deputy Secretary of State", {"deputy_foreign_minister"}),
        ("Vice Foreign Minister", {"deputy_foreign_minister"}),
        ("Prime Minister", {"head_of_government"}),
        ("Secretary-General", {"secretary_general"}),
    ],
)
def test_office_kinds(title: str, kinds: set[str]) -> None:
    assert office_kinds(title) == kinds


def test_holder_depends_on_date() -> None:
    assert holder_of("foreign_minister", country="CHN", on=dt.date(2021, 5, 1)).name == "Wang Yi"
    assert holder_of("foreign_minister", country="CHN", on=dt.date(2023, 5, 5)).name == "Qin Gang"
    assert holder_of("secretary_general", organization="SCO", on=dt.date(2020, 5, 13)).name == "Vladimir Norov"


def test_person_resolves_to_country_or_body() -> None:
    assert person_country("Sergei Lavrov", dt.date(2020, 5, 13)) == ("RUS", None)
    assert person_country("S. Jaishankar") == ("IND", None)
    assert person_country("Antonio Guterres") == (None, "UN")
    assert person_country("Nobody Known") == (None, None)


def test_same_person_allows_spelling_variants_and_initials_only() -> None:
    assert same_person("Sergei Lavrov", "Sergey Lavrov")
    assert same_person("M.V. Ivanov", "Mikhail Ivanov")
    assert not same_person("Wang Yi", "Wang Wenbin")


def test_organisation_offices() -> None:
    assert organisation_code("the League of Arab States") == "LAS"
    assert is_organisation_office("Secretary-General")
    assert not is_organisation_office("Foreign Minister")


@pytest.mark.parametrize(
    ("text", "title"),
    [("Permanent Representative to the United Nations Zhang Jun", "Permanent Representative to the United Nations"),
     ("Ambassador to the UN Linda Thomas-Greenfield", "Ambassador to the UN"),
     ("Minister for Europe and Foreign Affairs Catherine Colonna", "Minister for Europe and Foreign Affairs"),
     # negative: "to" + a verb is not an accreditation
     ("the Foreign Minister to attend the talks", "Foreign Minister")],
)
def test_accreditation_belongs_to_the_title(text: str, title: str) -> None:
    assert [text[s:e] for s, e in find_titles(text)] == [title]


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [("Mohammed bin Salman bin Abdulaziz Al Saud", dt.date(2022, 12, 9), ("SAU", None)),
     ("Yoko Kamikawa", dt.date(2024, 7, 29), ("JPN", None)),
     ("Linda Thomas-Greenfield", dt.date(2023, 4, 24), ("USA", None)),
     ("Ngozi Okonjo-Iweala", dt.date(2024, 2, 12), (None, "WTO")),
     ("Nobody Unknownson", dt.date(2024, 2, 12), (None, None))],
)
def test_holder_table_covers_leaders_and_envoys_of_the_genre(name: str, on: dt.date, expected: tuple) -> None:
    assert person_country(name, on) == expected

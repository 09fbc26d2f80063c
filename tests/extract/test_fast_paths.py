"""Shortcuts taken for speed give the answers of the plain scans they stand in for."""

from __future__ import annotations

import re

import pytest

from pipeline.extract import people, proposals, topics
from pipeline.reference import offices

SENTENCES = [
    "State Councilor and Foreign Minister Wang Yi met Sergey Lavrov, Russia's Minister of Foreign Affairs.",
    "EAM Dr. S. Jaishankar and the FM of Nepal held talks on Tuesday.",
    "PRESIDENT of the Council Ahmed Aboul Gheit, Secretary-General of the League of Arab States, spoke.",
    "the deputy prime minister said the meeting would resume; foreign ministers of ASEAN attended.",
    "The two sides agreed to deepen trade and investment, and called for an early ceasefire.",
    "It was a sunny day in Vientiane and nothing else happened.",
    "Miniſter of Foreign Affairs Ahmad (a long s), Prıme Mınıster Khan (dotless i).",
    "Ambassadors, envoys, spokesperson and chairs of the working groups gathered.",
    "Mr Lavrov proposed a free trade zone; Lavrov's aides said the proposal was free-trade friendly.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_find_titles_equals_the_title_pattern(text: str) -> None:
    assert offices.find_titles(text) == [m.span() for m in offices.TITLE_PATTERN.finditer(text)]


def test_find_titles_sees_titles_behind_ignorecase_twins() -> None:
    assert offices.find_titles("Miniſter of Foreign Affairs") == [(0, 27)]


@pytest.mark.parametrize("text", SENTENCES)
def test_topic_hits_equal_one_findall_per_topic(text: str) -> None:
    lowered = f" {text.lower()} "
    expected = {
        topic: len(re.findall("|".join(r"(?<![a-z0-9])" + re.escape(k) for k in words), lowered))
        for topic, words in topics.TOPIC_KEYWORDS.items()
    }
    assert topics.topic_hits(text) == expected


def test_topic_hits_do_not_count_a_keyword_inside_an_earlier_one() -> None:
    assert topics.topic_hits("free trade and trade")["trade"] == 2


@pytest.mark.parametrize("keys", [["Lavrov"], ["Wang", "Yi", "Lavrov"], ["Jr.", "Lavrov"], ["Amir-Abdollahian", "O'Brien"]])
def test_short_reference_matches_equal_the_word_regex(keys: list[str]) -> None:
    text = "Lavrov said; Mr Lavrov's aide, Wang Yi and Yi-ling, O'Brien and Amir-Abdollahian, Jr. and xLavrov."
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    expected = [m.span() for m in re.finditer(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", text)]
    found = [m.span() for m in people._short_reference_matches(text, {k: [] for k in keys})]
    assert found == expected


def test_known_names_equal_a_scan_of_the_whole_table() -> None:
    holders = offices.office_holders()
    text = f"Talks with {holders[0].name}. Later, x{holders[0].name} and {holders[-1].name}-led talks; {holders[5].name}"
    expected = [
        (m.start(), m.end(), form)
        for holder in holders for form in {holder.name, *holder.aliases}
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)
    ]
    found = [(m.start, m.end, m.name) for m in people._mentions_known(text, None)]
    assert found == expected and found


@pytest.mark.parametrize("text", SENTENCES)
def test_combined_trigger_scan_agrees_with_the_triggers(text: str) -> None:
    any_trigger = any(p.search(text) for p, _, _ in proposals._TRIGGERS)
    assert bool(proposals._ANY_TRIGGER.search(text)) == any_trigger
    any_agreement = any(p.search(text) for p, _ in proposals._AGREEMENTS)
    assert bool(proposals._ANY_AGREEMENT.search(text)) == any_agreement


def test_person_terms_are_the_same_on_every_call() -> None:
    first = offices.person_terms("Sergey Lavrov")
    assert first and offices.person_terms("Sergei Lavrov") == first
    first.clear()  # a caller changing its list must not change the next answer
    assert offices.person_terms("Sergey Lavrov")

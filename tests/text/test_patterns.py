"""Fast paths must find exactly what the plain regex they replace finds."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.patterns import literal_alternation

WORDS = ["Niger", "Nigeria", "Nigerian", "US", "USSR", "UK", "Chad", "Chadian", "Korea", "North Korea", "N"]


def _plain(words: list[str], not_after: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{not_after})(?:{'|'.join(re.escape(w) for w in words)})")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_longest_listed_first_wins_and_word_start_is_required() -> None:
    fast = re.compile(literal_alternation(sorted(WORDS, key=len, reverse=True), r"[\w-]") + r"(?![\w-])")
    text = "Nigeria and Niger, not xNiger or Niger-based; the USSR, the US and North Korea's N"
    assert [text[s:e] for s, e in _spans(fast, text)] == ["Nigeria", "Niger", "USSR", "US", "North Korea", "N"]


def test_order_of_words_is_kept_within_a_first_letter() -> None:
    # listed shortest first, the short word wins, as in a plain alternation
    fast = re.compile(literal_alternation(["Niger", "Nigeria"], r"[\w-]"))
    assert [m.group(0) for m in fast.finditer("Nigeria")] == ["Niger"]


def test_match_at_the_very_start_of_the_text() -> None:
    fast = re.compile(literal_alternation(["Chad"], r"[\w-]"))
    assert _spans(fast, "Chad") == [(0, 4)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("NigeraUSRKoChd -'x\n")), max_size=60),
       st.lists(st.sampled_from(WORDS), min_size=1, max_size=6, unique=True))
def test_same_matches_as_the_plain_alternation(text: str, words: list[str]) -> None:
    for not_after in (r"[\w-]", r"[a-z0-9]"):
        fast = re.compile(literal_alternation(words, not_after))
        assert _spans(fast, text) == _spans(_plain(words, not_after), text)


def test_the_pattern_starts_with_literal_characters() -> None:
    # what makes it fast: the regex engine can skip to a listed first character without a match attempt
    compiled = literal_alternation(["Chad", "Niger"], r"[\w-]")
    assert compiled.startswith("(?:C") and "|N" in compiled


def test_ignorecase_twins_of_ascii_letters_are_the_known_four() -> None:
    """offices.find_titles folds these four before its office-noun check; a new twin would need adding there."""
    from pipeline.reference.offices import _IGNORECASE_TWINS

    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    twins = {chr(cp) for cp in range(128, sys.maxunicode + 1) if ascii_letter.fullmatch(chr(cp))}
    assert twins == {chr(cp) for cp in _IGNORECASE_TWINS}

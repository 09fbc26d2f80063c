"""Properties that must hold for any input: cleaning never raises, offsets always slice the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.clean import clean_document
from pipeline.text.decode import decode_source
from pipeline.text.segment import sentence_spans, split_segments

# pieces of the genre mixed with arbitrary text, so that the rules actually fire
GENRE_PIECES = st.sampled_from([
    "Home > News", "BEIJING, Dec. 17 (Xinhua) -- ", "Updated 21:30, 16-Jul-2020", "Print | Email | Share",
    "Mr. ", "Dr. S. Jaishankar ", "U.S. ", "No. 5 ", " date 2021-03-18 ", "RELATED STORIES", "- ", "(Xinhua/Li)",
    "Editor: Li", "\n", "\n\n", "\r\n", ". ", '," he said. ', "First, ", "中文 | English", "\u00a0", "â€œ", "--AKP--",
])
TEXTS = st.lists(st.one_of(GENRE_PIECES, st.text(max_size=40)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_clean_document_never_raises_and_keeps_its_promises(text: str) -> None:
    cleaned = clean_document(text)
    assert isinstance(cleaned.clean_text, str)
    if cleaned.title is not None:
        assert cleaned.clean_text.split("\n", 1)[0] == cleaned.title


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_segment_offsets_always_slice_the_clean_text(text: str) -> None:
    clean_text = clean_document(text).clean_text
    for row in split_segments("doc", clean_text):
        assert clean_text[row["start"]:row["end"]] == row["text"]
        assert row["text"].strip() == row["text"] and row["text"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_segments_of_raw_text_slice_it_and_are_ordered(text: str) -> None:
    spans = sentence_spans(text)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decode_source_never_raises(raw: bytes) -> None:
    decoded = decode_source(raw)
    assert (decoded.text is None) == (decoded.reason is not None)

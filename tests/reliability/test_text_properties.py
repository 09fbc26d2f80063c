"""Property tests over cleaning, segmentation, date resolution and extraction: arbitrary Unicode and mutated seed articles.

Every property: no exception, every offset slices its text exactly, and the same document gives the same ids
(alone, twice, or among other documents). Examples are derandomized so a CI failure reproduces locally; the
atheris targets in fuzz/ explore further (`make fuzz`).
"""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.stages import EXTRACTION_DTYPES, document_context, extract_documents
from pipeline.text.clean import clean_document
from pipeline.text.dates import DATE_SOURCES, resolve_dates
from pipeline.text.decode import decode_source
from pipeline.text.segment import paragraph_spans, sentence_spans, split_segments

from .support import ARTICLE, NO_MEETING_ARTICLE, SEEDS, UNDATED_MEETING_ARTICLE

SEED_TEXTS = [text for text in (decode_source(p.read_bytes()).text for p in sorted(SEEDS.iterdir())) if text] + [
    ARTICLE, NO_MEETING_ARTICLE, UNDATED_MEETING_ARTICLE]
BOILERPLATE = ["Share this article", "Copyright 2024 Xinhua. All rights reserved.", "Related:", "Editor: Li Ming",
               "Print | Email | Facebook | Twitter", "[Photo/Xinhua]", "(Source: CGTN)", "Read more", "12:45, 2024-03-17",
               "Home > World > Asia", "Follow us on WeChat", "  ", "\u3000\u00a0", "-- ", "1/5"]
FAST = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

any_text = st.text(st.characters(codec="utf-8"), max_size=600)
prose_like = st.text(st.sampled_from(list("Wang Yi met Lavrov on Tuesday, May 13. \n\n\"“”—-'’.?!0123456789()ÉéüÇ中国 ")),
                     max_size=600)


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """A real article with its paragraphs shuffled, lines duplicated, boilerplate inserted and characters dropped."""
    lines = draw(st.sampled_from(SEED_TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["shuffle", "duplicate", "boilerplate", "drop", "insert", "join"]))
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        if action == "shuffle":
            lines = draw(st.permutations(lines))
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "boilerplate":
            lines.insert(at, draw(st.sampled_from(BOILERPLATE)))
        elif action == "drop" and lines[at]:
            cut = draw(st.integers(0, len(lines[at]) - 1))
            lines[at] = lines[at][:cut] + lines[at][cut + draw(st.integers(1, 40)):]
        elif action == "insert":
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + draw(st.text(st.characters(codec="utf-8"), min_size=1, max_size=5)) + lines[at][cut:]
        elif action == "join" and at + 1 < len(lines):
            lines[at:at + 2] = [lines[at] + " " + lines[at + 1]]
    return "\n".join(lines)


texts = st.one_of(any_text, prose_like, mutated_article())


def _check_segments(doc_id: str, clean_text: str) -> None:
    rows = split_segments(doc_id, clean_text)
    assert len({r["segment_id"] for r in rows}) == len(rows)
    for row in rows:
        assert 0 <= row["start"] <= row["end"] <= len(clean_text)
        assert clean_text[row["start"]:row["end"]] == row["text"]
        assert row["segment_id"].startswith(f"{doc_id}:p{row['paragraph_index']}")
    for start, end in [*paragraph_spans(clean_text), *sentence_spans(clean_text)]:
        assert 0 <= start <= end <= len(clean_text)
    assert split_segments(doc_id, clean_text) == rows  # same text, same ids


@FAST
@given(texts)
def test_cleaning_never_fails_and_gives_text(raw: str) -> None:
    cleaned = clean_document(raw)
    assert isinstance(cleaned.clean_text, str)
    assert cleaned.title is None or isinstance(cleaned.title, str)
    assert cleaned.published_at is None or isinstance(cleaned.published_at, dt.datetime)
    assert clean_document(raw) == cleaned


@FAST
@given(texts)
def test_segments_slice_the_text_they_come_from(raw: str) -> None:
    _check_segments("0123456789abcdef", raw)
    _check_segments("0123456789abcdef", clean_document(raw).clean_text)


@FAST
@given(texts, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))))
def test_dates_resolve_within_the_text(raw: str, anchor: dt.date | None) -> None:
    resolved = resolve_dates(raw, anchor)
    for mention in resolved:
        assert 0 <= mention.start < mention.end <= len(raw)
        assert mention.source in DATE_SOURCES
        assert (mention.date is None) == (mention.source == "unknown")
    assert resolve_dates(raw, anchor) == resolved


def _document(doc_id: str, raw: str) -> dict[str, object]:
    cleaned = clean_document(raw)
    return {"doc_id": doc_id, "clean_text": cleaned.clean_text, "title": cleaned.title,
            "published_at": cleaned.published_at, "dateline": cleaned.dateline}


def _extract(*documents: dict[str, object]) -> pl.DataFrame:
    frame = pl.DataFrame(list(documents), schema={"doc_id": pl.String, "clean_text": pl.String, "title": pl.String,
                                                  "published_at": pl.Datetime("us"), "dateline": pl.String})
    return extract_documents(frame)


@SLOW
@given(texts)
def test_extraction_offsets_slice_the_text(raw: str) -> None:
    document = _document("00000000000000aa", raw)
    text = str(document["clean_text"])
    context = document_context(document)
    for start, end in (*context.paragraphs, *context.sentences):
        assert 0 <= start <= end <= len(text)
    [row] = _extract(document).iter_rows(named=True)
    assert set(row) == set(EXTRACTION_DTYPES)
    payload = json.loads(row["payload"])
    spans = [(s["start"], s["end"]) for group in ("meetings", "attendees", "proposals")
             for item in payload.get(group, []) for s in item.get("evidence", [])]
    spans += [(p["start"], p["end"]) for p in payload.get("proposals", [])]
    for start, end in spans:
        assert 0 <= start <= end <= len(text)


@SLOW
@given(mutated_article(), mutated_article())
def test_extraction_of_a_document_does_not_depend_on_its_neighbours(first: str, second: str) -> None:
    a, b = _document("00000000000000aa", first), _document("00000000000000bb", second)
    alone = _extract(a).row(0, named=True)
    together = {row["doc_id"]: row for row in _extract(b, a).iter_rows(named=True)}
    assert together["00000000000000aa"] == alone

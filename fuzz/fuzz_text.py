"""Coverage-guided fuzzing of the text functions: cleaning, segmentation, dates and extraction on any Unicode text.

Each input is decoded as UTF-8 (invalid bytes replaced). Checked: no exception, every offset slices its text,
the same text gives the same ids twice.
Run: python fuzz/fuzz_text.py -max_total_time=60 fuzz/corpus/text   (or `make fuzz FUZZ_SECONDS=60`)
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    from pipeline.extract.document import extract_document
    from pipeline.extract.serialize import extraction_to_json
    from pipeline.stages import document_context
    from pipeline.text.clean import clean_document
    from pipeline.text.dates import resolve_dates
    from pipeline.text.segment import split_segments

DOC_ID = "0123456789abcdef"
MAX_CHARS = 20_000  # the fuzzer looks for crashes, not for slow inputs; ingest bounds line length separately


def _check_offsets(text: str, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        assert 0 <= start <= end <= len(text), (start, end, len(text))


def test_one_input(data: bytes) -> None:
    raw = data[:MAX_CHARS].decode("utf-8", "replace")
    cleaned = clean_document(raw)
    text = cleaned.clean_text
    rows = split_segments(DOC_ID, text)
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
    assert len({row["segment_id"] for row in rows}) == len(rows)
    _check_offsets(raw, [(m.start, m.end) for m in resolve_dates(raw)])
    document = {"doc_id": DOC_ID, "clean_text": text, "title": cleaned.title, "published_at": cleaned.published_at,
                "dateline": cleaned.dateline}
    payload = extraction_to_json(extract_document(document_context(document)))
    parsed = json.loads(payload)
    _check_offsets(text, [(s["start"], s["end"]) for group in ("meetings", "attendees", "proposals")
                          for item in parsed[group] for s in item["evidence"]])
    assert extraction_to_json(extract_document(document_context(document))) == payload


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Paragraph and sentence segmentation: offsets, kinds, and the abbreviations of diplomatic copy."""

from __future__ import annotations

import pytest

from pipeline.text.segment import is_heading, paragraph_spans, sentence_spans, split_segments


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASTANA, Dec. 17 (Xinhua) -- Wang Yi met Tileuberdi on Friday. They agreed.",
         ["ASTANA, Dec. 17 (Xinhua) -- Wang Yi met Tileuberdi on Friday.", "They agreed."]),
        ("MOSCOW, Sept. 10, 2020 (Xinhua) -- Talks were held. Both sides spoke.",
         ["MOSCOW, Sept. 10, 2020 (Xinhua) -- Talks were held.", "Both sides spoke."]),
        ("External Affairs Minister Dr. S. Jaishankar spoke first. Then others spoke.",
         ["External Affairs Minister Dr. S. Jaishankar spoke first.", "Then others spoke."]),
        ("Deputy Minister M.V. Ivanov and Secretary Antony J. Blinken attended. Mr. Lavrov chaired.",
         ["Deputy Minister M.V. Ivanov and Secretary Antony J. Blinken attended.", "Mr. Lavrov chaired."]),
        ("China urged the U.S. Deputy Secretary to act. The U.S. side listened.",
         ["China urged the U.S. Deputy Secretary to act.", "The U.S. side listened."]),
        ("Sanctions on the U.S. The talks then ended.", ["Sanctions on the U.S.", "The talks then ended."]),
        ("Resolution No. 2532 was cited. It passed.", ["Resolution No. 2532 was cited.", "It passed."]),
        ('"We must act now," he said. Next, the ministers met.', ['"We must act now," he said.', "Next, the ministers met."]),
        ('He said: "Unity matters." The ministers agreed.', ['He said: "Unity matters."', "The ministers agreed."]),
        ("Why now? Nobody knew! They left.", ["Why now?", "Nobody knew!", "They left."]),
        ("The talks ended at 5 p.m. local time.", ["The talks ended at 5 p.m. local time."]),
        ("2. The Ministers agreed on five points.", ["2. The Ministers agreed on five points."]),
        ("Growth reached 3.5 percent. Trade rose.", ["Growth reached 3.5 percent.", "Trade rose."]),
        ("Teodoro Locsin Jr., the co-chair, spoke.", ["Teodoro Locsin Jr., the co-chair, spoke."]),
        ("It was held in 2020. 2021 marks an anniversary.", ["It was held in 2020.", "2021 marks an anniversary."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_are_non_blank_lines_without_surrounding_space() -> None:
    text = "Headline here\n\n  First paragraph.  \n\nSecond paragraph.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Headline here", "First paragraph.", "Second paragraph."]


def test_sentences_never_cross_paragraphs() -> None:
    text = "Talks in Astana\n\nWang Yi met Tileuberdi. They agreed\n\nFirst, connectivity."
    assert sentences(text) == ["Talks in Astana", "Wang Yi met Tileuberdi.", "They agreed", "First, connectivity."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Upholding multilateralism", True),
        ("Wang Yi Attends the 12th Mekong Foreign Ministers' Meeting", True),
        ("Talks with Lavrov", True),
        ("The third is to", False),
        ("First, we need to come together.", False),
        ("Event: Ministerial meeting on connectivity", True),
        ("the ministers agreed", False),
    ],
)
def test_headings(line: str, expected: bool) -> None:
    assert is_heading(line) is expected


def test_split_segments_rows() -> None:
    text = "Ministers meet in Astana\n\nWang Yi met Tileuberdi. They agreed."
    rows = split_segments("d9", text)
    assert [(r["segment_id"], r["kind"], r["paragraph_index"], r["sentence_index"]) for r in rows] == [
        ("d9:p0", "heading", 0, None),
        ("d9:p0:s0", "sentence", 0, 0),
        ("d9:p1", "paragraph", 1, None),
        ("d9:p1:s0", "sentence", 1, 0),
        ("d9:p1:s1", "sentence", 1, 1),
    ]
    assert all(set(r) == {"doc_id", "segment_id", "kind", "paragraph_index", "sentence_index", "start", "end", "text"}
               for r in rows)
    assert all(text[r["start"]:r["end"]] == r["text"] and r["doc_id"] == "d9" for r in rows)


def test_sentence_rows_match_sentence_spans() -> None:
    text = "Headline\n\nOne. Two.\n\nThree? Four!"
    rows = split_segments("x", text)
    assert [(r["start"], r["end"]) for r in rows if r["kind"] == "sentence"] == sentence_spans(text)


def test_empty_text_has_no_segments() -> None:
    assert split_segments("x", "") == []
    assert sentence_spans("\n\n  \n") == []

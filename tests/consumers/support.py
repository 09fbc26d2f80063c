"""Hand-made data and assertions shared by the consumer tests."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polars as pl

from schemas import TABLES, polars_dtypes

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
SEEDS_GOLD = PROJECT_ROOT / "tests" / "gold" / "seeds.gold.json"

TEXT = ("BEIJING, July 16 -- Wang Yi chaired a China + Central Asia video conference on Thursday.\n\n"
        "Wang called for establishing green channels & expanding cross-border e-commerce <fast>.")


def _span(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    start = text.index(quote, after)
    return start, start + len(quote)


def tiny_tables() -> dict[str, pl.DataFrame]:
    """One document, one meeting, one attendee, two proposals; evidence spans nest (the chair's name in the
    meeting's sentence) and repeat (the same name for the chair and the attendee)."""
    doc = "0123456789abcdef"
    chair = _span(TEXT, "Wang Yi")
    sentence = _span(TEXT, "Wang Yi chaired a China + Central Asia video conference on Thursday.")
    date = _span(TEXT, "on Thursday")
    first = _span(TEXT, "establishing green channels")
    second = _span(TEXT, "expanding cross-border e-commerce <fast>")
    evidence = [
        ("meetings", "m1", "*", sentence), ("meetings", "m1", "date", date), ("meetings", "m1", "chair_name", chair),
        ("attendees", "a1", "name", chair), ("proposals", "p1", "text", first), ("proposals", "p2", "text", second),
    ]
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows["documents"] = [{"doc_id": doc, "source_path": "d1.txt", "title": "Wang Yi chairs C+C5", "publisher": "CGTN",
                          "published_at": dt.datetime(2020, 7, 16, 21, 30), "dateline": "BEIJING, July 16",
                          "clean_text": TEXT, "content_sha256": "0" * 64}]
    rows["meetings"] = [{"meeting_id": "m1", "name": "China-Central Asia Foreign Ministers' Meeting", "organization": "C+C5",
                         "organization_name": None, "level": "ministerial", "date": dt.date(2020, 7, 16),
                         "date_source": "relative_weekday", "edition": 1, "format": "virtual", "chair_name": "Wang Yi",
                         "chair_country": "CHN", "outcome_documents": [], "source_doc_ids": [doc]}]
    rows["attendees"] = [{"meeting_id": "m1", "attendee_id": "a1", "name": "Wang Yi", "title": "Foreign Minister",
                          "country": "CHN", "organization": None, "role": "chair", "attendance": "virtual",
                          "source_doc_ids": [doc]}]
    rows["proposals"] = [
        {"meeting_id": "m1", "proposal_id": pid, "proposer_name": "Wang Yi", "proposer_country": "CHN", "ordinal": None,
         "text": TEXT[start:end], "kind": "call", "topics": [topic], "source_doc_id": doc, "start": start, "end": end}
        for pid, (start, end), topic in (("p1", first, "connectivity"), ("p2", second, "trade"))]
    rows["evidence"] = [{"table": t, "record_id": r, "field": f, "doc_id": doc, "start": s, "end": e, "quote": TEXT[s:e]}
                        for t, r, f, (s, e) in evidence]
    return {name: pl.DataFrame(rows.get(name, []), schema=polars_dtypes(name)) for name in TABLES}


def assert_highlights_are_evidence(marks: list[dict[str, str]], evidence: list[dict[str, Any]], doc_id: str) -> None:
    """Every highlight on a page is a piece of one evidence row of that document, the pieces of a row read in
    order give its quote, and every evidence row of the document is highlighted.

    `marks` are the page's `mark.ev` elements in document order: their data attributes and own text."""
    rows = {(e["table"], e["record_id"], e["field"], e["start"], e["end"]): e["quote"]
            for e in evidence if e["doc_id"] == doc_id}
    pieces: dict[str, list[str]] = defaultdict(list)
    keys: dict[str, tuple[str, str, str, int, int]] = {}
    for mark in marks:
        key = (mark["table"], mark["record"], mark["field"], int(mark["start"]), int(mark["end"]))
        assert key in rows, f"highlight {key} is no evidence row of {doc_id}"
        assert keys.setdefault(mark["ev"], key) == key, f"highlight {mark['ev']} mixes two evidence rows"
        pieces[mark["ev"]].append(mark["text"])
    quotes = {keys[ev]: "".join(texts) for ev, texts in pieces.items()}
    assert quotes == rows


class PageParser(HTMLParser):
    """The parts of a review page the tests check: highlights (with their own text), ids, and local links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.record_cards: dict[str, dict[str, str]] = {}
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        for name in ("src", "href"):
            if tag in ("img", "script", "link", "iframe") and name in attributes:
                self.resources.append(attributes[name])
        if tag == "div" and "rec" in attributes.get("class", "").split():
            self.record_cards[attributes["id"]] = attributes
        if tag == "mark":
            mark = {k.removeprefix("data-"): v for k, v in attributes.items()} | {"text": ""}
            self.marks.append(mark)
            self._open.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for mark in self._open:  # a mark's text includes the text of the marks nested in it
            mark["text"] += data


def parse_page(page: bytes | str) -> PageParser:
    parser = PageParser()
    parser.feed(page.decode("utf-8") if isinstance(page, bytes) else page)
    parser.close()
    return parser

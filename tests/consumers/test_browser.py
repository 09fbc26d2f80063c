"""The review site in headless Chromium: a screenshot of a document page, and every highlight on it is an
evidence row of that document, coloured by kind and linked to its row."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import polars as pl
import pytest
from PIL import Image

from .browser import HeadlessChromium, chromium_binary, require_system_tests
from .conftest import SeedsRun
from .support import assert_highlights_are_evidence

# the highlight colours of the page's style sheet, as the screenshot shows them
KIND_COLOURS = {"meeting": (0xF6, 0xD8, 0x7A), "date": (0xF4, 0xA6, 0xA6), "attendee": (0x9F, 0xD5, 0xA8), "proposal": (0xA9, 0xC7, 0xF2)}

MARKS_SCRIPT = """Array.from(document.querySelectorAll('mark.ev')).map(m => ({
  ev: m.dataset.ev, table: m.dataset.table, record: m.dataset.record, field: m.dataset.field,
  start: m.dataset.start, end: m.dataset.end, text: m.textContent, kind: m.className.replace('ev k-', ''),
  background: getComputedStyle(m).backgroundColor, shown: m.getClientRects().length > 0,
  row: document.getElementById('rec-' + m.dataset.record) !== null}))"""
LINKS_SCRIPT = """Array.from(document.querySelectorAll('a.ev-link')).map(a => {
  const target = document.getElementById(a.getAttribute('href').slice(1));
  return {ev: a.dataset.ev, target_ev: target ? target.dataset.ev : null,
          row: a.closest('.rec') ? a.closest('.rec').dataset.record : null,
          target_record: target ? target.dataset.record : null};
})"""
RESOURCES_SCRIPT = "performance.getEntriesByType('resource').map(e => e.name).concat([location.href])"


@pytest.fixture(scope="session")  # session scope: decided before the (session) materialization starts
def chromium() -> str:
    binary = chromium_binary()
    if binary is None:
        if require_system_tests():
            pytest.fail("REQUIRE_SYSTEM_TESTS=1 but no chromium is installed (Debian package 'chromium')")
        pytest.skip("chromium is not installed (apt-get install chromium); set REQUIRE_SYSTEM_TESTS=1 to make this a failure")
    return binary


def _busiest_document(data_root: Path) -> str:
    evidence = pl.read_parquet(data_root / "curated" / "evidence.parquet")
    return evidence.group_by("doc_id").len().sort(["len", "doc_id"], descending=[True, False])["doc_id"][0]


def test_document_page_in_chromium(chromium: str, seeds_run: SeedsRun, tmp_path: Path) -> None:
    doc_id = _busiest_document(seeds_run.data_root)
    page = seeds_run.data_root / "review" / "docs" / f"{doc_id}.html"
    evidence = pl.read_parquet(seeds_run.data_root / "curated" / "evidence.parquet").to_dicts()
    with HeadlessChromium(chromium) as browser:
        browser.open(page)
        marks = browser.evaluate(MARKS_SCRIPT)
        links = browser.evaluate(LINKS_SCRIPT)
        resources = browser.evaluate(RESOURCES_SCRIPT)
        screenshot = browser.screenshot(tmp_path / f"{doc_id}.png")
        first = marks[0]
        browser.evaluate(f"document.querySelector('mark.ev[data-ev=\"{first['ev']}\"]').click()")
        selected_row = browser.evaluate("Array.from(document.querySelectorAll('.rec.active')).map(e => e.dataset.record)")

    assert_highlights_are_evidence(marks, evidence, doc_id)
    assert all(m["shown"] for m in marks), "a highlight is not rendered"
    assert all(m["row"] for m in marks), "a highlight has no row beside the text"
    colours = {m["kind"]: m["background"] for m in marks}
    assert len(set(colours.values())) == len(colours) and "rgba(0, 0, 0, 0)" not in colours.values()
    assert {"meeting", "attendee", "proposal"} <= set(colours)
    # rows → text: every evidence link of a row jumps to a highlight of that same row
    assert links and all(link["target_ev"] == link["ev"] and link["target_record"] == link["row"] for link in links)
    assert selected_row == [first["record"]]
    assert all(url.startswith("file://") for url in resources), "the page loaded something from the network"

    image = Image.open(io.BytesIO(screenshot.read_bytes())).convert("RGB")
    assert image.width >= 1000 and image.height >= 800
    pixels = Counter(image.getdata())
    for kind in colours:
        assert pixels[KIND_COLOURS[kind]] > 100, f"no {kind} highlight visible in the screenshot"

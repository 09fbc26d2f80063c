"""The review site: every evidence span highlighted once per piece, rows linked both ways, gold marks, offline."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.review.gold import gold_review
from pipeline.review.highlight import Highlight, highlighted_text
from pipeline.review.plots import meetings_per_year_by_body, meetings_per_year_png, proposals_per_topic
from pipeline.review.site import ReviewInputs, review_site, write_site

from .conftest import SeedsRun
from .support import TEXT, assert_highlights_are_evidence, parse_page


def _inputs(tables: dict[str, pl.DataFrame], gold: dict | None = None) -> ReviewInputs:
    return ReviewInputs(tables["documents"], tables["meetings"], tables["attendees"], tables["proposals"],
                        tables["evidence"], "v1", gold_review(gold, tables) if gold else None)


@pytest.mark.parametrize("spans", [
    [(0, 5), (2, 9)],            # crossing
    [(0, 20), (3, 8), (3, 8)],   # nested, and two rows on the same span
    [(4, 4), (0, 1000)],         # empty and out of range: not highlighted
    [],
])
def test_pieces_of_a_highlight_give_back_its_quote(spans: list[tuple[int, int]]) -> None:
    text = "a <b> & c d e f g h i j k"
    highlights = [Highlight(i, "proposals", f"p{i}", "text", s, e) for i, (s, e) in enumerate(spans)]
    page = parse_page(f"<p>{highlighted_text(text, highlights)}</p>")
    evidence = [{"table": "proposals", "record_id": f"p{i}", "field": "text", "doc_id": "d", "start": s, "end": e,
                 "quote": text[s:e]} for i, (s, e) in enumerate(spans) if 0 <= s < e <= len(text)]
    assert_highlights_are_evidence(page.marks, evidence, "d")


def test_highlighted_text_keeps_the_text_and_escapes_it() -> None:
    html = highlighted_text(TEXT, [Highlight(0, "meetings", "m1", "*", 0, 10)])
    assert "&lt;fast&gt;" in html and "<fast>" not in html
    assert "".join(parse_page(html).marks[0]["text"]) == TEXT[:10]


def test_every_evidence_row_is_highlighted_and_linked_both_ways(tiny: dict[str, pl.DataFrame]) -> None:
    files = review_site(_inputs(tiny), {})
    doc_id = tiny["documents"]["doc_id"][0]
    page = parse_page(files[f"docs/{doc_id}.html"])
    assert_highlights_are_evidence(page.marks, tiny["evidence"].to_dicts(), doc_id)
    kinds = {m["ev"]: m["class"] for m in page.marks}
    assert sorted(set(kinds.values())) == ["ev k-attendee", "ev k-date", "ev k-meeting", "ev k-proposal"]
    # highlight → row: each highlight names a record whose card is on the page
    assert {f"rec-{m['record']}" for m in page.marks} <= set(page.record_cards)
    # row → highlight: every card's evidence link points at a highlight of the same evidence row
    ev_links = [link for link in page.links if link.startswith("#ev-")]
    assert len(ev_links) == tiny["evidence"].height
    assert {link[1:] for link in ev_links} <= page.ids
    assert set(page.record_cards) == {"rec-m1", "rec-a1", "rec-p1", "rec-p2"}


def test_site_is_self_contained(tiny: dict[str, pl.DataFrame], tmp_path: Path) -> None:
    files = review_site(_inputs(tiny), {"plot.png": b"\x89PNG"})
    write_site(files, tmp_path / "review")
    for path in (tmp_path / "review").rglob("*.html"):
        page = parse_page(path.read_bytes())
        for target in page.resources + page.links:
            assert "://" not in target and not target.startswith("//"), (path.name, target)
            local = target.split("#")[0]
            if local:
                assert (path.parent / local).exists(), (path.name, target)


def test_write_site_replaces_the_previous_site_whole(tmp_path: Path) -> None:
    write_site({"index.html": b"one", "docs/a.html": b"a"}, tmp_path / "review")
    write_site({"index.html": b"two"}, tmp_path / "review")
    assert sorted(p.name for p in (tmp_path / "review").rglob("*") if p.is_file()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review"]


def test_gold_marks_false_positives_and_misses(tiny: dict[str, pl.DataFrame]) -> None:
    gold = {
        "documents": [{"file": "d1.txt", "title": None, "publisher": None, "published_date": None, "meetings": ["k"]}],
        "meetings": [{"key": "k", "date": "2020-07-16", "organization": "C+C5", "name": "China-Central Asia", "sources": ["d1.txt"]}],
        "attendees": [{"meeting": "k", "name": "Wang Yi", "country": "CHN"},
                      {"meeting": "k", "name": "Mukhtar Tileuberdi", "country": "KAZ"}],
        "proposals": [{"meeting": "k", "keywords": "green channels"}],
    }
    files = review_site(_inputs(tiny, gold), {})
    page = files["docs/0123456789abcdef.html"].decode()
    assert "Mukhtar Tileuberdi" in page  # the gold attendee no row matches is listed as a miss
    fp_cards = [card for card in page.split('<div class="rec ')[1:] if 'class="gold fp"' in card]
    assert [card.split('id="')[1].split('"')[0] for card in fp_cards] == ["rec-p2"]  # e-commerce: not in gold
    assert '<span class="gold ok"' in page


def test_plot_counts() -> None:
    meetings = pl.DataFrame({"date": [None, "2020-01-02", "2020-03-04", "2021-01-01"], "organization": ["SCO", "SCO", None, "SCO"]},
                            schema={"date": pl.String, "organization": pl.String}).with_columns(pl.col("date").str.to_date())
    assert meetings_per_year_by_body(meetings).rows() == [(2020, "SCO", 1), (2020, "bilateral / unnamed", 1), (2021, "SCO", 1)]
    assert meetings_per_year_png(meetings).startswith(b"\x89PNG")
    proposals = pl.DataFrame({"topics": [["health", "trade"], ["health"], []]})
    counts = dict(proposals_per_topic(proposals).rows())
    assert counts["health"] == 2 and counts["trade"] == 1 and counts["climate"] == 0


def test_seeds_review_site(seeds_run: SeedsRun) -> None:
    review = seeds_run.data_root / "review"
    curated = seeds_run.data_root / "curated"
    documents = pl.read_parquet(curated / "documents.parquet")
    evidence = pl.read_parquet(curated / "evidence.parquet").to_dicts()
    index = parse_page((review / "index.html").read_bytes())
    meeting_ids = pl.read_parquet(curated / "meetings.parquet")["meeting_id"].to_list()
    assert {f"m-{m}" for m in meeting_ids} <= index.ids
    assert {f"docs/{d}.html" for d in documents["doc_id"]} <= {link.split("#")[0] for link in index.links}
    assert all((review / "plots" / name).read_bytes().startswith(b"\x89PNG")
               for name in ("meetings_per_year.png", "proposals_by_topic.png"))
    for doc_id in documents["doc_id"]:
        page = parse_page((review / "docs" / f"{doc_id}.html").read_bytes())
        assert_highlights_are_evidence(page.marks, evidence, doc_id)
    assert "Against the gold file" in (review / "index.html").read_text()  # the run has PIPELINE_GOLD set


def test_review_asset_shows_plots_in_its_metadata(seeds_run: SeedsRun) -> None:
    events = seeds_run.result.get_asset_materialization_events()
    metadata = next(e.materialization.metadata for e in events if e.asset_key.to_user_string() == "review")
    for name in ("meetings_per_year_by_body", "proposals_by_topic"):
        assert metadata[name].value.startswith("![") and "data:image/png;base64," in metadata[name].value


def test_a_page_key_changes_with_its_blocks_and_fields_only(tiny: dict[str, pl.DataFrame]) -> None:
    from pipeline.review.cache import page_keys

    documents, meetings = tiny["documents"], tiny["meetings"]
    doc_id = documents["doc_id"][0]
    index = pl.DataFrame({"block": ["2024-12-17"], "fingerprint": ["f1"], "meeting_id": [meetings["meeting_id"][0]]})
    key = page_keys(documents, meetings, index)[doc_id]
    assert page_keys(documents, meetings, index)[doc_id] == key
    assert page_keys(documents, meetings, index.with_columns(fingerprint=pl.lit("f2")))[doc_id] != key
    renamed = documents.with_columns(source_path=pl.lit("renamed.txt"))
    assert page_keys(renamed, meetings, index)[doc_id] != key
    # a meeting the index does not know: no key, so the page is always rendered
    assert doc_id not in page_keys(documents, meetings, index.head(0))


def test_kept_pages_are_carried_over_and_only_the_others_rendered(tiny: dict[str, pl.DataFrame], tmp_path: Path) -> None:
    inputs = _inputs(tiny)
    doc_id = tiny["documents"]["doc_id"][0]
    site = tmp_path / "review"
    write_site(review_site(inputs, {}), site)
    page = (site / f"docs/{doc_id}.html").read_bytes()
    files = review_site(inputs, {}, frozenset({doc_id}))
    assert f"docs/{doc_id}.html" not in files and "index.html" in files
    write_site(files, site, kept=[f"docs/{doc_id}.html"])
    assert (site / f"docs/{doc_id}.html").read_bytes() == page

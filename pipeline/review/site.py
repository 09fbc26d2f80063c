"""The static review site: an index of meetings and documents, and one page per document whose clean text shows
every evidence span highlighted by kind beside the rows extracted from it, linked both ways.

Everything is inline (styles, the few lines of script) or a relative link to a file of the site, so the site
works from a folder, offline. `review_site` returns the files; `write_site` swaps them in as a whole.
"""

from __future__ import annotations

import html
import os
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.review.gold import GoldReview
from pipeline.review.highlight import KINDS, Highlight, highlighted_text

INDEX = "index.html"
DOCS_FOLDER = "docs"
PLOTS_FOLDER = "plots"
MEETING_FIELDS = ("name", "organization", "organization_name", "level", "date", "date_source", "edition", "format",
                  "chair_name", "chair_country", "outcome_documents")
ATTENDEE_FIELDS = ("name", "title", "country", "organization", "role", "attendance")
PROPOSAL_FIELDS = ("text", "proposer_name", "proposer_country", "ordinal", "kind", "topics")
RECORD_KINDS = {"meetings": "meeting", "attendees": "attendee", "proposals": "proposal"}
ID_COLUMNS = {"meetings": "meeting_id", "attendees": "attendee_id", "proposals": "proposal_id"}

STYLE = """
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; }
header { padding: .75rem 1.5rem; background: #24344d; color: #fff; } header a { color: #cfe0ff; }
header h1 { font-size: 1.2rem; margin: 0 0 .25rem; } header p { margin: 0; font-size: .9rem; }
main { padding: 1rem 1.5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; } th, td { border: 1px solid #d7dbe3;
padding: .25rem .5rem; text-align: left; vertical-align: top; } th { background: #eef0f5; }
.split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
.clean-text { white-space: pre-wrap; background: #fff; border: 1px solid #d7dbe3; padding: 1rem; line-height: 1.9; }
.rows { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
mark.ev { padding: 2px 0; border-radius: 2px; cursor: pointer; color: inherit; }
mark.ev mark.ev { padding: 0; }
.k-meeting { --kind: #f6d87a; } .k-date { --kind: #f4a6a6; } .k-attendee { --kind: #9fd5a8; } .k-proposal { --kind: #a9c7f2; }
mark.ev { background: var(--kind); box-shadow: 0 2px 0 0 rgba(0,0,0,.25); }
mark.ev.active { outline: 2px solid #1d2330; }
.rec { background: #fff; border: 1px solid #d7dbe3; border-left: 6px solid var(--kind); margin: 0 0 .6rem; padding: .4rem .6rem; }
.rec:target, .rec.active { outline: 3px solid #1d2330; }
.rec h3 { font-size: .95rem; margin: 0 0 .25rem; } .rec table { font-size: .85rem; } .rec td:first-child { width: 9rem; color: #555; }
.ev-link { font-size: .75rem; margin-left: .3rem; }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; border-radius: 2px; background: var(--kind); }
.gold { font-size: .75rem; font-weight: 600; padding: 0 .3rem; border-radius: 2px; margin-left: .3rem; }
.gold.fp { background: #c62828; color: #fff; } .gold.ok { background: #2e7d32; color: #fff; }
.misses { border: 2px dashed #c62828; background: #fff5f5; padding: .5rem 1rem; margin: 0 0 1rem; }
.plots img { max-width: 48%; border: 1px solid #d7dbe3; background: #fff; margin-right: 1%; }
"""

# a click on a highlight selects its row; a click on a row's evidence link selects the span (the href scrolls)
SCRIPT = """
function activate(selector) {
  document.querySelectorAll('.active').forEach(e => e.classList.remove('active'));
  document.querySelectorAll(selector).forEach(e => e.classList.add('active'));
}
document.querySelectorAll('mark.ev').forEach(m => m.addEventListener('click', event => {
  event.stopPropagation();
  const row = document.getElementById('rec-' + m.dataset.record);
  activate('mark.ev[data-ev="' + m.dataset.ev + '"]');
  if (row) { row.classList.add('active'); row.scrollIntoView({block: 'nearest'}); }
}));
document.querySelectorAll('a.ev-link').forEach(a => a.addEventListener('click', () => {
  activate('mark.ev[data-ev="' + a.dataset.ev + '"]');
}));
"""


@dataclass(frozen=True)
class ReviewInputs:
    """The published tables the site shows, the release it shows, and the gold comparison if one is configured."""

    documents: pl.DataFrame
    meetings: pl.DataFrame
    attendees: pl.DataFrame
    proposals: pl.DataFrame
    evidence: pl.DataFrame
    release_version: str
    gold: GoldReview | None = None


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _value(value: object) -> str:
    if value is None:
        return '<span class="null">null</span>'
    if isinstance(value, list):
        return _e(", ".join(str(v) for v in value)) if value else "[]"
    return _e(value)


def _page(title: str, header: str, body: str, script: bool = False) -> bytes:
    page = (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{STYLE}</style></head>\n{header}<main>\n{body}\n</main>"
            + (f"<script>{SCRIPT}</script>" if script else "") + "</body></html>\n")
    return page.encode("utf-8")


def _gold_badge(gold: GoldReview | None, record_id: str) -> str:
    if gold is None:
        return ""
    if record_id in gold.false_positive_ids:
        return '<span class="gold fp" title="no gold row matches this row">false positive</span>'
    if record_id in gold.matched_ids:
        return '<span class="gold ok" title="matches a gold row">gold match</span>'
    return ""


def doc_page_path(doc_id: str, prefix: str = "") -> str:
    """A document's page, relative to the site (or to `prefix`)."""
    return f"{prefix}{DOCS_FOLDER}/{doc_id}.html"


def _index_page(inputs: ReviewInputs, plots: list[str]) -> bytes:
    attendee_counts = dict(inputs.attendees.group_by("meeting_id").len().iter_rows())
    proposal_counts = dict(inputs.proposals.group_by("meeting_id").len().iter_rows())
    titles = dict(inputs.documents.select("doc_id", "title").iter_rows())
    rows = []
    for m in inputs.meetings.sort("date", "meeting_id", nulls_last=True).iter_rows(named=True):
        sources = " ".join(f'<a href="{doc_page_path(d)}#rec-{m["meeting_id"]}" title="{_e(titles.get(d))}">{_e(d)}</a>'
                           for d in m["source_doc_ids"])
        rows.append(f'<tr id="m-{m["meeting_id"]}"><td>{_value(m["date"])}</td><td>{_value(m["organization"])}</td>'
                    f'<td>{_e(m["name"])}{_gold_badge(inputs.gold, m["meeting_id"])}</td><td>{_value(m["chair_name"])}</td>'
                    f'<td>{attendee_counts.get(m["meeting_id"], 0)}</td><td>{proposal_counts.get(m["meeting_id"], 0)}</td>'
                    f"<td>{sources}</td></tr>")
    meetings_table = ("<table><thead><tr><th>date</th><th>body</th><th>meeting</th><th>chair</th><th>attendees</th>"
                      f"<th>proposals</th><th>sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    evidence_counts = dict(inputs.evidence.group_by("doc_id").len().iter_rows())
    meeting_counts: dict[str, int] = defaultdict(int)
    for ids in inputs.meetings.get_column("source_doc_ids").to_list():
        for doc_id in ids:
            meeting_counts[doc_id] += 1
    doc_rows = []
    for d in inputs.documents.sort("source_path").iter_rows(named=True):
        misses = len(inputs.gold.misses_by_doc.get(d["doc_id"], [])) if inputs.gold else None
        doc_rows.append(f'<tr><td><a href="{doc_page_path(d["doc_id"])}">{_e(d["source_path"])}</a></td><td>{_value(d["title"])}</td>'
                        f'<td>{_value(d["publisher"])}</td><td>{_value(d["published_at"])}</td>'
                        f'<td>{meeting_counts.get(d["doc_id"], 0)}</td><td>{evidence_counts.get(d["doc_id"], 0)}</td>'
                        + (f"<td>{misses}</td>" if misses is not None else "") + "</tr>")
    documents_table = ("<table><thead><tr><th>file</th><th>title</th><th>publisher</th><th>published</th><th>meetings</th>"
                       "<th>evidence spans</th>" + ("<th>gold misses</th>" if inputs.gold else "")
                       + f"</tr></thead><tbody>{''.join(doc_rows)}</tbody></table>")
    gold = ""
    if inputs.gold:
        gold = _gold_summary(inputs.gold.summary)
    images = "".join(f'<img src="{PLOTS_FOLDER}/{name}" alt="{_e(name)}">' for name in plots)
    header = (f"<body><header><h1>Review of release {_e(inputs.release_version)}</h1>"
              f"<p>{inputs.meetings.height} meetings, {inputs.attendees.height} attendees, {inputs.proposals.height} "
              f"proposals from {inputs.documents.height} documents</p></header>")
    body = (f'<section class="plots">{images}</section>{gold}<h2>Meetings</h2>{meetings_table}'
            f"<h2>Documents</h2>{documents_table}")
    return _page(f"Review of release {inputs.release_version}", header, body)


def _gold_summary(summary: dict[str, float]) -> str:
    measures = ("precision", "recall", "f1")
    rows = "".join(f"<tr><td>{table}</td>" + "".join(f"<td>{summary.get(f'{table}_{m}', 0):.3f}</td>" for m in measures)
                   + "</tr>" for table in ("meetings", "attendees", "proposals"))
    return ('<h2>Against the gold file</h2><table class="gold-summary" style="width:auto"><tr><th>table</th>'
            + "".join(f"<th>{m}</th>" for m in measures) + f"</tr>{rows}</table>"
            f"<p>overall F1 {summary.get('overall_f1', 0):.3f}. Rows marked <span class=\"gold fp\">false positive</span> "
            "match no gold row; each document page lists the gold rows it misses.</p>")


def _evidence_links(spans: list[Highlight]) -> str:
    return "".join(f'<a class="ev-link" href="#ev-{s.index}" data-ev="{s.index}" title="{_e(s.field)}">'
                   f"[{s.index}]</a>" for s in spans)


def _record_card(table: str, row: dict[str, Any], fields: tuple[str, ...], spans: list[Highlight],
                 gold: GoldReview | None, heading: str) -> str:
    record_id = row[ID_COLUMNS[table]]
    by_field: dict[str, list[Highlight]] = defaultdict(list)
    for span in spans:
        by_field[span.field].append(span)
    cells = [f"<tr><td>{_e(f)}</td><td>{_value(row.get(f))}{_evidence_links(by_field.pop(f, []))}</td></tr>" for f in fields]
    whole = by_field.pop("*", [])
    cells += [f"<tr><td>{_e(f)}</td><td>{_evidence_links(s)}</td></tr>" for f, s in sorted(by_field.items())]
    return (f'<div class="rec k-{RECORD_KINDS[table]}" id="rec-{record_id}" data-table="{table}" data-record="{record_id}">'
            f"<h3>{heading}{_gold_badge(gold, record_id)}{_evidence_links(whole)}</h3>"
            f'<table>{"".join(cells)}</table><div class="rec-id">{table} · {record_id}</div></div>')


@dataclass(frozen=True)
class _DocumentRows:
    """The rows a document page shows: those with evidence on the page or reported by the document, in page order."""

    meetings: list[dict[str, Any]]
    attendees: list[dict[str, Any]]
    proposals: list[dict[str, Any]]


def _rows_by_document(inputs: ReviewInputs, highlights: dict[str, list[Highlight]], doc_ids: set[str]) -> dict[str, _DocumentRows]:
    """The rows of each page in `doc_ids`, found in one pass over each table (not one filter of every table per page)."""
    pages_of_record: dict[str, set[str]] = defaultdict(set)
    for doc_id, spans in highlights.items():
        for span in spans:
            pages_of_record[span.record_id].add(doc_id)
    pages = {doc_id: _DocumentRows([], [], []) for doc_id in doc_ids}
    wanted = list(doc_ids)
    on_pages = list(pages_of_record)
    tables = (("meetings", inputs.meetings.sort("meeting_id"), "source_doc_ids"),
              ("attendees", inputs.attendees.sort("meeting_id", "attendee_id"), "source_doc_ids"),
              ("proposals", inputs.proposals.sort("start", "proposal_id"), "source_doc_id"))
    for table, frame, sources in tables:
        id_column = ID_COLUMNS[table]
        listed = isinstance(frame.schema[sources], pl.List)
        reported_on_a_page = (pl.col(sources).list.eval(pl.element().is_in(wanted)).list.any() if listed
                              else pl.col(sources).is_in(wanted))
        for row in frame.filter(reported_on_a_page | pl.col(id_column).is_in(on_pages)).iter_rows(named=True):
            reported_by = row[sources] if listed else [row[sources]]
            for doc_id in pages_of_record.get(row[id_column], set()).union(reported_by):
                if doc_id in pages:
                    getattr(pages[doc_id], table).append(row)
    return pages


def _document_page(inputs: ReviewInputs, document: dict[str, Any], spans: list[Highlight], rows: _DocumentRows,
                   meeting_names: dict[str, str]) -> bytes:
    doc_id = document["doc_id"]
    spans_by_record: dict[str, list[Highlight]] = defaultdict(list)
    for span in spans:
        spans_by_record[span.record_id].append(span)
    cards = []
    for m in rows.meetings:
        others = " ".join(f'<a href="{d}.html">{d}</a>' for d in m["source_doc_ids"] if d != doc_id)
        heading = (f'Meeting: <a href="../{INDEX}#m-{m["meeting_id"]}">{_e(m["name"])}</a>'
                   + (f" <small>also in {others}</small>" if others else ""))
        cards.append(_record_card("meetings", m, MEETING_FIELDS, spans_by_record.get(m["meeting_id"], []), inputs.gold, heading))
    for a in rows.attendees:
        heading = f'Attendee: {_e(a["name"] or a["title"] or "unnamed")} <small>at {_e(meeting_names.get(a["meeting_id"], a["meeting_id"]))}</small>'
        cards.append(_record_card("attendees", a, ATTENDEE_FIELDS, spans_by_record.get(a["attendee_id"], []), inputs.gold, heading))
    for p in rows.proposals:
        heading = f'Proposal{" " + str(p["ordinal"]) if p["ordinal"] else ""}: {_e(p["kind"])} by {_e(p["proposer_name"] or "?")}'
        cards.append(_record_card("proposals", p, PROPOSAL_FIELDS, spans_by_record.get(p["proposal_id"], []), inputs.gold, heading))
    misses = ""
    if inputs.gold and inputs.gold.misses_by_doc.get(doc_id):
        items = "".join(f'<li class="gold-miss">{_e(label)}</li>' for label in inputs.gold.misses_by_doc[doc_id])
        misses = f'<section class="misses"><strong>Gold rows not found in this document</strong><ul>{items}</ul></section>'
    legend = '<p class="legend">' + "".join(f'<span class="k-{k}">{k}</span>' for k in KINDS) + "</p>"
    header = (f'<body data-doc-id="{doc_id}"><header><h1>{_e(document["title"] or document["source_path"])}</h1>'
              f'<p><a href="../{INDEX}">index</a> · {_e(document["source_path"])} · doc {doc_id} · publisher '
              f'{_value(document["publisher"])} · published {_value(document["published_at"])} · dateline '
              f'{_value(document["dateline"])}</p></header>')
    body = (f'{legend}{misses}<div class="split"><article class="clean-text">'
            f'{highlighted_text(document["clean_text"], spans)}</article>'
            f'<aside class="rows">{"".join(cards) or "<p>No rows were extracted from this document.</p>"}</aside></div>')
    return _page(document["title"] or document["source_path"], header, body, script=True)


def document_highlights(evidence: pl.DataFrame) -> dict[str, list[Highlight]]:
    """Each document's evidence rows in reading order, numbered from 0 on its page."""
    ordered = evidence.sort("doc_id", "start", "end", "table", "record_id", "field")
    result: dict[str, list[Highlight]] = defaultdict(list)
    for row in ordered.iter_rows(named=True):
        spans = result[row["doc_id"]]
        spans.append(Highlight(len(spans), row["table"], row["record_id"], row["field"], row["start"], row["end"]))
    return result


def review_files(inputs: ReviewInputs, plots: dict[str, bytes],
                 reused_pages: frozenset[str] = frozenset()) -> Iterator[tuple[str, bytes]]:
    """Every file of the site as (relative path, bytes), one page at a time, but the pages of the documents in
    `reused_pages`, which the previous site already has as they would be rendered now (`pipeline.review.cache`)."""
    for name, content in sorted(plots.items()):
        yield f"{PLOTS_FOLDER}/{name}", content
    yield INDEX, _index_page(inputs, sorted(plots))
    rendered = inputs.documents.filter(~pl.col("doc_id").is_in(list(reused_pages)))
    highlights = document_highlights(inputs.evidence.filter(pl.col("doc_id").is_in(rendered.get_column("doc_id").implode())))
    meeting_names = dict(inputs.meetings.select("meeting_id", "name").iter_rows())
    rows = _rows_by_document(inputs, highlights, set(rendered.get_column("doc_id").to_list()))
    for document in rendered.iter_rows(named=True):
        doc_id = document["doc_id"]
        yield doc_page_path(doc_id), _document_page(inputs, document, highlights.pop(doc_id, []), rows.pop(doc_id),
                                                    meeting_names)


def review_site(inputs: ReviewInputs, plots: dict[str, bytes], reused_pages: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """`review_files` as a mapping: relative path → bytes."""
    return dict(review_files(inputs, plots, reused_pages))


def write_site(files: dict[str, bytes] | Iterable[tuple[str, bytes]], target: Path, kept: Iterable[str] = ()) -> None:
    """Write the site into a fresh folder beside `target`, then swap it in, so readers never see half a site.

    `files` is a mapping or a stream of (relative path, bytes): a stream is written as it comes, so the pages of
    a large corpus are never all in memory.

    `kept` are relative paths of files of the current site carried into the new one as they are (hard-linked,
    or copied where the file system has no links).
    """
    incoming = target.with_name(f".{target.name}.incoming")
    previous = target.with_name(f".{target.name}.previous")
    for leftover in (incoming, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    made: set[str] = set()

    def folder_of(relative: str) -> str:
        folder = os.path.join(incoming, os.path.dirname(relative))
        if folder not in made:  # a site has a handful of folders and thousands of pages
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        return folder

    for relative in kept:
        path = os.path.join(folder_of(relative), os.path.basename(relative))
        try:
            os.link(os.path.join(target, relative), path)
        except OSError:
            shutil.copyfile(os.path.join(target, relative), path)
    for relative, content in (files.items() if isinstance(files, dict) else files):
        with open(os.path.join(folder_of(relative), os.path.basename(relative)), "wb") as handle:
            handle.write(content)
    if target.exists():
        os.replace(target, previous)
    os.replace(incoming, target)
    shutil.rmtree(previous, ignore_errors=True)

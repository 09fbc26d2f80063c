"""Gold comparison for the review pages: which extracted rows match the gold file, which are false positives, and
which gold rows each document misses. The matching itself is `pipeline.evaluation` (the contract's rules).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.evaluation import score_summary, score_tables

ID_COLUMNS = {"meetings": "meeting_id", "attendees": "attendee_id", "proposals": "proposal_id"}


@dataclass
class GoldReview:
    """What the review site marks: matched and false-positive row ids, and the gold rows missed per document."""

    matched_ids: set[str] = field(default_factory=set)
    false_positive_ids: set[str] = field(default_factory=set)
    misses_by_doc: dict[str, list[str]] = field(default_factory=dict)
    gold_doc_ids: set[str] = field(default_factory=set)
    summary: dict[str, float] = field(default_factory=dict)


def _gold_label(table: str, row: dict[str, Any]) -> str:
    if table == "meetings":
        return f"meeting: {row.get('name')} ({row.get('date')})"
    if table == "attendees":
        who = row.get("name") or row.get("title") or row.get("organization") or "unnamed"
        return f"attendee: {who} ({row.get('country') or row.get('organization') or '?'})"
    return f"proposal: {row.get('keywords')}" + (f" (by {row['proposer']})" if row.get("proposer") else "")


def _row_docs(table: str, row: dict[str, Any], meeting_docs: dict[str, list[str]]) -> list[str]:
    if table == "proposals":
        return [row["source_doc_id"]]
    if table == "meetings":
        return list(row["source_doc_ids"])
    return list(row["source_doc_ids"]) or meeting_docs.get(row["meeting_id"], [])


def gold_review(gold: dict[str, Any], tables: dict[str, pl.DataFrame]) -> GoldReview:
    """Compare the published tables with a gold file, per row and per document."""
    rows = {name: tables[name].to_dicts() for name in ("documents", "meetings", "attendees", "proposals")}
    report = score_tables(gold, rows)
    doc_by_file = {Path(str(d["source_path"])).name: d["doc_id"] for d in rows["documents"]}
    review = GoldReview(summary=score_summary(report))
    review.gold_doc_ids = {doc_by_file[d["file"]] for d in gold["documents"] if d["file"] in doc_by_file}
    meeting_docs = {m["meeting_id"]: list(m["source_doc_ids"]) for m in rows["meetings"]}
    for table, id_column in ID_COLUMNS.items():
        matched = set(report["matches"][table].values())
        for index, row in enumerate(rows[table]):
            if index in matched:
                review.matched_ids.add(row[id_column])
            elif set(_row_docs(table, row, meeting_docs)) & review.gold_doc_ids:
                # rows of documents the gold file does not cover are neither right nor wrong
                review.false_positive_ids.add(row[id_column])
    gold_meeting_files = {m["key"]: m.get("sources", []) for m in gold["meetings"]}
    for table in ID_COLUMNS:
        matched_gold = set(report["matches"][table])
        for index, row in enumerate(gold[table]):
            if index in matched_gold or row.get("optional"):
                continue
            files = gold_meeting_files.get(row["key"] if table == "meetings" else row["meeting"], [])
            for file in files:
                if file in doc_by_file:
                    review.misses_by_doc.setdefault(doc_by_file[file], []).append(_gold_label(table, row))
    return review

"""curated/CHANGES.md: what changed since the previous release, by stable id.

Meetings, attendees and proposals are compared row by row on their ids: an id only in the new release was
added, one only in the previous release was removed, one in both whose other columns differ was changed
(the note names the columns and their old and new values).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

# table → its stable id column
TRACKED_TABLES: dict[str, str] = {"meetings": "meeting_id", "attendees": "attendee_id", "proposals": "proposal_id"}
LABEL_LENGTH = 90


@dataclass
class TableChanges:
    """The ids added, removed and changed in one table, each with a short label a person recognises."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    # id, label, [(column, old, new)]
    changed: list[tuple[str, str, list[tuple[str, Any, Any]]]] = field(default_factory=list)


def row_label(table: str, row: dict[str, Any]) -> str:
    """A short description of a row: `Seventh CICA Foreign Ministers' Meeting, 2024-12-17`, `Wang Yi (CHN)`, a proposal's text."""
    if table == "meetings":
        label = f"{row.get('name')}, {row.get('date') or 'date unknown'}"
    elif table == "attendees":
        who = row.get("name") or row.get("title") or "unnamed"
        label = f"{who} ({row.get('country') or row.get('organization') or '?'}) at {row.get('meeting_id')}"
    else:
        label = str(row.get("text") or "")
    label = " ".join(label.split())
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…"


def _rows_by_id(frame: pl.DataFrame, id_column: str) -> dict[str, dict[str, Any]]:
    return {row[id_column]: row for row in frame.iter_rows(named=True)}


def _ids_to_compare(previous: pl.DataFrame, current: pl.DataFrame, id_column: str) -> pl.Series:
    """Ids that may have been added, removed or changed: everything but the ids whose row hashes equal in both.

    Hashes only narrow the rows compared value by value below (most rows of a refresh are unchanged), so a
    hash that differs for equal values costs a comparison, never a wrong note.
    """
    columns = [c for c in current.columns if c in previous.columns]
    hashed = [frame.select(pl.col(id_column), row_hash=frame.select(columns).hash_rows(seed=0)) for frame in (previous, current)]
    same = hashed[0].join(hashed[1], on=[id_column, "row_hash"], how="inner").get_column(id_column)
    everything = pl.concat([previous.get_column(id_column), current.get_column(id_column)]).unique()
    return everything.filter(~everything.is_in(same.implode()))


def table_changes(table: str, previous: pl.DataFrame | None, current: pl.DataFrame) -> TableChanges:
    """Rows of one table added, removed and changed between two releases."""
    id_column = TRACKED_TABLES[table]
    if previous is not None:
        compared = _ids_to_compare(previous, current, id_column).implode()
        previous, current = (frame.filter(pl.col(id_column).is_in(compared)) for frame in (previous, current))
    before = _rows_by_id(previous, id_column) if previous is not None else {}
    after = _rows_by_id(current, id_column)
    changes = TableChanges()
    changes.added = [(key, row_label(table, after[key])) for key in sorted(after.keys() - before.keys())]
    changes.removed = [(key, row_label(table, before[key])) for key in sorted(before.keys() - after.keys())]
    for key in sorted(after.keys() & before.keys()):
        differences = [(column, before[key].get(column), value) for column, value in after[key].items()
                       if column in before[key] and before[key][column] != value]
        if differences:
            changes.changed.append((key, row_label(table, after[key]), differences))
    return changes


def release_changes(previous_release: Path | None, tables: dict[str, pl.DataFrame]) -> dict[str, TableChanges]:
    """Changes of every tracked table against the release in `previous_release` (None: everything is new)."""
    result = {}
    for table in TRACKED_TABLES:
        previous_file = previous_release / f"{table}.parquet" if previous_release else None
        previous = pl.read_parquet(previous_file) if previous_file and previous_file.exists() else None
        result[table] = table_changes(table, previous, tables[table])
    return result


def release_version(release: Path | None) -> str | None:
    """The dataset version in a release folder's datapackage.json, if it has one."""
    package = release / "datapackage.json" if release else None
    if not package or not package.exists():
        return None
    return str(json.loads(package.read_text(encoding="utf-8")).get("version"))


def _value(value: Any) -> str:
    text = "null" if value is None else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def changes_markdown(changes: dict[str, TableChanges], version: str, previous_version: str | None) -> str:
    """The release note: a summary table, then every added, changed and removed id per table."""
    since = f"release `{previous_version}`" if previous_version else "nothing (this is the first release)"
    lines = [f"# Changes in release `{version}`", "", f"Compared with {since}. Rows are named by their stable id.", "",
             "| table | added | changed | removed |", "|---|---|---|---|"]
    lines += [f"| {t} | {len(c.added)} | {len(c.changed)} | {len(c.removed)} |" for t, c in changes.items()]
    for table, change in changes.items():
        lines += ["", f"## {table}"]
        if not (change.added or change.changed or change.removed):
            lines += ["", "No changes."]
        if change.added:
            lines += ["", f"### Added ({len(change.added)})", ""] + [f"- `{key}`: {label}" for key, label in change.added]
        if change.changed:
            lines += ["", f"### Changed ({len(change.changed)})", ""]
            for key, label, differences in change.changed:
                details = "; ".join(f"{column}: {_value(old)} → {_value(new)}" for column, old, new in differences)
                lines.append(f"- `{key}`: {label}. {details}")
        if change.removed:
            lines += ["", f"### Removed ({len(change.removed)})", ""] + [f"- `{key}`: {label}" for key, label in change.removed]
    return "\n".join(lines) + "\n"

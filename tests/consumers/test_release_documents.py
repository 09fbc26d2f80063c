"""Codebook, Croissant file and release note: generated from the schemas, shipped in every release, checked."""

from __future__ import annotations

import json
from pathlib import Path

import mlcroissant as mlc
import polars as pl
import pytest

from pipeline.publish import documents as release_docs
from pipeline.publish.changes import table_changes
from pipeline.publish.codebook import codebook_html, codebook_markdown
from pipeline.publish.croissant import croissant_issues, croissant_metadata
from pipeline.publish.decisions import DECISION_RULES
from pipeline.publish.documents import release_documents
from pipeline.publish.fields import dataset_tables
from pipeline.release import ReleaseBlocked, publish_release
from schemas import TABLES

from .conftest import SeedsRun
from .support import PROJECT_ROOT, parse_page, tiny_tables

RELEASE_FILES = {"codebook.md", "codebook.html", "croissant.json", "CHANGES.md"}


def test_repository_codebook_is_current() -> None:
    """docs/codebook.md is what the schemas and rules say now; `make codebook` regenerates it."""
    current = (PROJECT_ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert current == codebook_markdown(), "docs/codebook.md is stale: run `make codebook` and commit it"


def test_codebook_names_every_table_and_column_with_type_and_allowed_values() -> None:
    text = codebook_markdown()
    for table in dataset_tables():
        section = text.split(f"## `{table.name}`")[1].split("\n## ")[0]
        for column in table.columns:
            row = next(line for line in section.splitlines() if line.startswith(f"| `{column.name}` |"))
            assert f"| {column.arrow_type} |" in row
            assert all(f"`{value}`" in row for value in column.allowed_values)
    assert "`ministerial`" in text and "each element one of `health`" in text


@pytest.mark.parametrize("topic", ["proposal", "group mentions", "date"])
def test_codebook_has_a_decision_rule_with_a_worked_example_for(topic: str) -> None:
    rule = next(r for r in DECISION_RULES if topic in r.question.lower())
    assert rule.example_text and rule.example_rows
    assert f"### {rule.question}" in codebook_markdown() and rule.example_rows in codebook_markdown()


def test_codebook_html_is_self_contained_and_links_inside() -> None:
    page = parse_page(codebook_html(codebook_markdown()))
    assert not page.resources
    internal = [link for link in page.links if link.startswith("#")]
    assert internal and {link[1:] for link in internal} <= page.ids


def test_seeds_release_carries_the_documents_and_three_versions(seeds_run: SeedsRun) -> None:
    curated = seeds_run.data_root / "curated"
    assert RELEASE_FILES <= {p.name for p in curated.iterdir()}
    package = json.loads((curated / "datapackage.json").read_text())
    assert package["version"] and package["schema_version"] and package["code_version"]
    html = (curated / "codebook.html").read_text()
    assert package["version"] in html and package["code_version"] in html
    assert f"Changes in release `{package['version']}`" in (curated / "CHANGES.md").read_text()


def test_seeds_croissant_is_valid_and_describes_the_same_fields(seeds_run: SeedsRun) -> None:
    curated = seeds_run.data_root / "curated"
    croissant = json.loads((curated / "croissant.json").read_text())
    package = json.loads((curated / "datapackage.json").read_text())
    errors, _ = croissant_issues(croissant)
    assert errors == []
    for resource in package["resources"]:
        record_set = next(r for r in croissant["recordSet"] if r["name"] == resource["name"])
        assert [f["name"] for f in record_set["field"]] == [f["name"] for f in resource["schema"]["fields"]]
        file_object = next(d for d in croissant["distribution"] if d["contentUrl"] == resource["path"])
        assert "sha256:" + file_object["sha256"] == resource["hash"]


def test_mlcroissant_reads_the_records_it_describes(seeds_run: SeedsRun) -> None:
    curated = seeds_run.data_root / "curated"
    dataset = mlc.Dataset(jsonld=curated / "croissant.json")
    records = list(dataset.records("meetings"))
    meetings = pl.read_parquet(curated / "meetings.parquet")
    assert sorted(r["meetings/meeting_id"].decode() for r in records) == sorted(meetings["meeting_id"])


def test_invalid_croissant_is_reported() -> None:
    package = {"name": "x", "title": "x", "description": "x", "version": "v", "schema_version": "1.0.0",
               "code_version": "c", "licenses": [],
               "resources": [{"name": "meetings", "path": "meetings.parquet", "bytes": 1, "hash": "sha256:" + "0" * 64}]}
    metadata = croissant_metadata(package)
    assert croissant_issues(metadata)[0] == []
    metadata["recordSet"][0]["field"][0]["dataType"] = "sc:NoSuchType"
    assert croissant_issues(metadata)[0]


def test_an_invalid_croissant_blocks_the_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = publish_release(tiny_tables(), tmp_path, "code", companions=release_documents)
    broken = tiny_tables()
    broken["meetings"] = broken["meetings"].with_columns(pl.lit("Renamed").alias("name"))
    monkeypatch.setattr(release_docs, "croissant_issues", lambda metadata: (["broken on purpose"], []))
    with pytest.raises(ReleaseBlocked, match="Croissant"):
        publish_release(broken, tmp_path, "code", companions=release_documents)
    assert (tmp_path / "curated").resolve() == first.resolve()
    assert not (tmp_path / "releases" / ".incoming").exists()


def test_release_note_lists_added_changed_and_removed_ids(tmp_path: Path) -> None:
    first = publish_release(tiny_tables(), tmp_path, "code", companions=release_documents)
    assert "first release" in (first / "CHANGES.md").read_text()
    tables = tiny_tables()
    tables["proposals"] = tables["proposals"].filter(pl.col("proposal_id") != "p2")
    tables["evidence"] = tables["evidence"].filter(pl.col("record_id") != "p2")
    tables["attendees"] = tables["attendees"].with_columns(pl.lit("State Councilor").alias("title"))
    extra = tables["attendees"].with_columns(pl.lit("a2").alias("attendee_id"), pl.lit("KAZ").alias("country"),
                                             pl.lit("Mukhtar Tileuberdi").alias("name"))
    tables["attendees"] = pl.concat([tables["attendees"], extra])
    second = publish_release(tables, tmp_path, "code", companions=release_documents)
    note = (second / "CHANGES.md").read_text()
    assert f"Compared with release `{first.name}`" in note
    assert "| attendees | 1 | 1 | 0 |" in note and "| proposals | 0 | 0 | 1 |" in note and "| meetings | 0 | 0 | 0 |" in note
    attendees = note.split("## attendees")[1].split("## proposals")[0]
    assert "### Added (1)\n\n- `a2`: Mukhtar Tileuberdi (KAZ)" in attendees
    assert '- `a1`: Wang Yi (CHN) at m1. title: "Foreign Minister" → "State Councilor"' in attendees
    assert "### Removed (1)\n\n- `p2`: expanding cross-border e-commerce <fast>" in note.split("## proposals")[1]


def test_table_changes_compare_by_id_not_position() -> None:
    before = pl.DataFrame({"meeting_id": ["a", "b"], "name": ["A", "B"], "date": [None, None]})
    after = pl.DataFrame({"meeting_id": ["b", "a"], "name": ["B", "A2"], "date": [None, None]})
    changes = table_changes("meetings", before, after)
    assert not changes.added and not changes.removed
    assert [(key, diff) for key, _, diff in changes.changed] == [("a", [("name", "A", "A2")])]


def test_a_release_from_before_the_documents_gets_them_on_the_next_run(tmp_path: Path) -> None:
    plain = publish_release(tiny_tables(), tmp_path, "code")
    assert not RELEASE_FILES & {p.name for p in plain.iterdir()}
    again = publish_release(tiny_tables(), tmp_path, "code", companions=release_documents)
    assert again == plain and RELEASE_FILES <= {p.name for p in again.iterdir()}


def test_every_table_is_in_the_codebook_and_the_croissant_file() -> None:
    assert [t.name for t in dataset_tables()] == list(TABLES)

"""Publishing: contract Arrow types, deterministic bytes, a datapackage.json whose hashes match the files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release import publish_release
from schemas import TABLES, polars_dtypes


def _tables() -> dict[str, pl.DataFrame]:
    tables = {name: pl.DataFrame(schema=polars_dtypes(name)) for name in TABLES}
    tables["meetings"] = pl.DataFrame([
        {"meeting_id": "b", "name": "SCO Foreign Ministers' Meeting", "organization": "SCO", "organization_name": None,
         "level": "ministerial", "date": dt.date(2020, 5, 13), "date_source": "explicit", "edition": None,
         "format": "virtual", "chair_name": None, "chair_country": None, "outcome_documents": [], "source_doc_ids": ["d1"]},
        {"meeting_id": "a", "name": "CICA Meeting", "organization": "CICA", "organization_name": None, "level": "ministerial",
         "date": None, "date_source": "unknown", "edition": 7, "format": "unknown", "chair_name": None,
         "chair_country": None, "outcome_documents": ["joint statement"], "source_doc_ids": ["d2", "d3"]},
    ], schema=polars_dtypes("meetings"))
    return tables


def test_release_has_contract_types_sorted_rows_and_matching_hashes(tmp_path: Path) -> None:
    release = publish_release(_tables(), tmp_path, "code")
    curated = tmp_path / "curated"
    assert curated.resolve() == release.resolve()
    meetings = pq.read_table(curated / "meetings.parquet")
    assert str(meetings.schema.field("date").type) == "date32[day]"
    assert str(meetings.schema.field("edition").type) == "int16"
    source_ids = meetings.schema.field("source_doc_ids").type
    assert pa.types.is_list(source_ids) and pa.types.is_string(source_ids.value_type)
    assert meetings.column("meeting_id").to_pylist() == ["a", "b"]
    package = json.loads((curated / "datapackage.json").read_text())
    assert {r["name"] for r in package["resources"]} == set(TABLES)
    for resource in package["resources"]:
        data = (curated / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)
    assert next(r for r in package["resources"] if r["name"] == "meetings")["rows"] == 2


def test_same_tables_give_byte_identical_release(tmp_path: Path) -> None:
    first = publish_release(_tables(), tmp_path / "one", "code")
    second = publish_release(_tables(), tmp_path / "two", "code")
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name

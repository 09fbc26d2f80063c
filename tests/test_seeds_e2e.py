"""The whole graph on the bundled seeds, into a temporary data root."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq
import pytest

from pipeline.definitions import build_definitions
from pipeline.defs.resources import pipeline_resources
from pipeline.evaluation import score_tables
from pipeline.settings import PipelineSettings

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"
SEEDS_GOLD = PROJECT_ROOT / "tests" / "gold" / "seeds.gold.json"


def _materialize(source: Path, data: Path) -> dg.ExecuteInProcessResult:
    defs = build_definitions(pipeline_resources(PipelineSettings(source_dir=str(source), data_dir=str(data))))
    return defs.resolve_implicit_global_asset_job_def().execute_in_process()


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    data = tmp_path_factory.mktemp("data")
    return _materialize(SEEDS, data), data


def test_run_succeeds_and_every_check_passes(seeds_run: tuple[dg.ExecuteInProcessResult, Path]) -> None:
    result, _ = seeds_run
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert evaluations and all(e.passed for e in evaluations), [e.check_name for e in evaluations if not e.passed]


def test_every_seed_is_a_document(seeds_run: tuple[dg.ExecuteInProcessResult, Path]) -> None:
    _, data = seeds_run
    documents = pq.read_table(data / "curated" / "documents.parquet").to_pylist()
    assert sorted(Path(d["source_path"]).name for d in documents) == sorted(p.name for p in SEEDS.iterdir())


def test_seed_extraction_meets_the_quality_bar(seeds_run: tuple[dg.ExecuteInProcessResult, Path]) -> None:
    _, data = seeds_run
    tables = {name: pq.read_table(data / "curated" / f"{name}.parquet").to_pylist()
              for name in ("documents", "meetings", "attendees", "proposals")}
    report = score_tables(json.loads(SEEDS_GOLD.read_text()), tables)
    assert report["documents"]["title_accuracy"] == 1.0
    assert report["documents"]["published_date_accuracy"] == 1.0
    assert report["overall_f1"] >= 0.95, report
    for table in ("meetings", "attendees", "proposals"):
        assert report[table]["f1"] >= 0.90, (table, report[table])


def test_the_two_reports_of_one_meeting_are_one_row(seeds_run: tuple[dg.ExecuteInProcessResult, Path]) -> None:
    _, data = seeds_run
    meetings = pq.read_table(data / "curated" / "meetings.parquet").to_pylist()
    merged = [m for m in meetings if m["organization"] == "C+C5"]
    assert len(merged) == 1 and len(merged[0]["source_doc_ids"]) == 2


def test_rerun_leaves_every_parquet_file_byte_identical(seeds_run: tuple[dg.ExecuteInProcessResult, Path], tmp_path: Path) -> None:
    _, data = seeds_run
    second = tmp_path / "again"
    assert _materialize(SEEDS, second).success
    for path in sorted((data / "curated").iterdir()):
        assert path.read_bytes() == (second / "curated" / path.name).read_bytes(), path.name

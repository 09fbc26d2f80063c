"""Helpers shared by the operations tests: a scratch corpus, in-process runs, published tables, system software."""

from __future__ import annotations

import os
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from pipeline.definitions import build_definitions
from pipeline.defs.automation import AutomationSettings
from pipeline.defs.resources import pipeline_resources
from pipeline.settings import PipelineSettings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
CURATED_TABLES = ("documents", "segments", "meetings", "attendees", "proposals", "evidence", "rejected_documents")
PER_DOCUMENT_STAGES = {"documents": "cleaned_now", "segments": "segmented_now", "document_extractions": "extracted_now"}


def seed_files() -> list[Path]:
    """The bundled seed articles, in name order."""
    return sorted(SEEDS.glob("*.txt"))


@dataclass(frozen=True)
class Workspace:
    """A source folder and a data root of one test."""

    source: Path
    data: Path

    @property
    def settings(self) -> PipelineSettings:
        return PipelineSettings(source_dir=str(self.source), data_dir=str(self.data))

    def definitions(self, automation: AutomationSettings | None = None) -> dg.Definitions:
        return build_definitions(pipeline_resources(self.settings), automation or AutomationSettings())


def make_workspace(root: Path, files: list[Path]) -> Workspace:
    """A fresh source folder holding copies of `files` and an empty data root under `root`."""
    source = root / "source"
    source.mkdir(parents=True)
    for path in files:
        shutil.copy2(path, source / path.name)
    return Workspace(source, root / "data")


def run_job(defs: dg.Definitions, job_name: str, instance: dg.DagsterInstance,
            tags: dict[str, str] | None = None) -> dg.ExecuteInProcessResult:
    """Run a job of the code location in this process and fail the test if the run failed."""
    result = defs.resolve_job_def(job_name).execute_in_process(instance=instance, tags=tags, raise_on_error=False)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return result


def materialization_metadata(result: dg.ExecuteInProcessResult) -> dict[str, dict[str, object]]:
    """Asset name → its materialization metadata values, for one run."""
    found = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        found[materialization.asset_key.path[-1]] = {k: v.value for k, v in materialization.metadata.items()}
    return found


def work_counts(result: dg.ExecuteInProcessResult) -> dict[str, tuple[int, int]]:
    """Per-document stage → (documents computed in this run, documents reused), from materialization metadata."""
    metadata = materialization_metadata(result)
    counts = {stage: (metadata[stage][computed], metadata[stage]["reused"]) for stage, computed in PER_DOCUMENT_STAGES.items()}
    counts["source_files"] = (metadata["source_files"]["read_now"], metadata["source_files"]["reused"])
    return counts


def assert_every_check_passed(result: dg.ExecuteInProcessResult, defs: dg.Definitions) -> None:
    """Every asset check of the code location ran in this run, and passed."""
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    expected = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert set(evaluations) == expected
    assert all(evaluations.values()), evaluations


def published_release(data: Path) -> tuple[str, dict[str, pl.DataFrame]]:
    """The release folder name `curated` points at, and every published table."""
    curated = data / "curated"
    return curated.resolve().name, {name: pl.read_parquet(curated / f"{name}.parquet") for name in CURATED_TABLES}


def free_port() -> int:
    """A TCP port nothing listens on right now, on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_system(available: bool, what: str) -> None:
    """Skip (with the reason printed) when system software is missing, or fail under REQUIRE_SYSTEM_TESTS=1 (CI)."""
    if available:
        return
    message = f"{what} is not installed; .ci/run installs it from Debian packages"
    if os.environ.get("REQUIRE_SYSTEM_TESTS") == "1":
        pytest.fail(f"REQUIRE_SYSTEM_TESTS=1 but {message}")
    print(f"skipping: {message}")
    pytest.skip(message)

"""Fixtures for what consumers get: one fresh materialization of the seeds, and a tiny hand-made release."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from pipeline.definitions import build_definitions
from pipeline.defs.resources import pipeline_resources
from pipeline.settings import PipelineSettings

from .support import SEEDS, SEEDS_GOLD, tiny_tables


@dataclass(frozen=True)
class SeedsRun:
    """The data root of a `make run`-equivalent materialization of the seeds, and the run's result."""

    data_root: Path
    result: dg.ExecuteInProcessResult


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> SeedsRun:
    """Every asset and every check on the seeds, with the seeds' gold file configured, once per session."""
    root = tmp_path_factory.mktemp("consumers") / "data"
    settings = PipelineSettings(source_dir=str(SEEDS), data_dir=str(root), gold_path=str(SEEDS_GOLD))
    result = build_definitions(pipeline_resources(settings)).resolve_implicit_global_asset_job_def().execute_in_process()
    assert result.success
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert not failed, failed
    return SeedsRun(root, result)


@pytest.fixture
def tiny() -> dict[str, pl.DataFrame]:
    return tiny_tables()

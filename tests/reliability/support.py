"""Helpers for the reliability tests: a hand-written article, a folder of bad inputs, a whole-graph run."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"

ARTICLE = (
    "SCO foreign ministers hold video conference\n\n"
    "BEIJING, May 13 (Xinhua) -- Chinese State Councilor and Foreign Minister Wang Yi attended a video conference "
    "of the foreign ministers of the Shanghai Cooperation Organization (SCO) on Wednesday.\n\n"
    "Wang proposed that the member states strengthen cooperation on public health and keep supply chains open. "
    "\u201cWe must stand together,\u201d he said \u2014 and called for closer coordination at the United Nations.\n"
)
NO_MEETING_ARTICLE = (
    "Spring rains arrive early in the south\n\n"
    "GUANGZHOU, April 2 (Xinhua) -- Heavy rain fell across southern provinces on Tuesday, weeks earlier than usual, "
    "and farmers moved seedlings indoors.\n"
)
UNDATED_MEETING_ARTICLE = (
    "Foreign ministers of China and Russia hold talks\n\n"
    "Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Moscow. "
    "The two sides agreed to deepen strategic coordination.\n"
)
RUNS_AS_ROOT = os.geteuid() == 0


def run_graph(source: Path, data: Path, **settings: object) -> dg.ExecuteInProcessResult:
    """Every asset and check of the pipeline on `source` into `data`, failures returned rather than raised."""
    from pipeline.definitions import build_definitions  # imported late: the pure tests must not need the whole graph
    from pipeline.defs.resources import pipeline_resources
    from pipeline.settings import PipelineSettings

    resources = pipeline_resources(PipelineSettings(source_dir=str(source), data_dir=str(data), **settings))
    job = build_definitions(resources).resolve_implicit_global_asset_job_def()
    return job.execute_in_process(raise_on_error=False)


def failed_checks(result: dg.ExecuteInProcessResult) -> list[str]:
    return [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]

"""One measurement in a fresh process, so that each one starts cold and its peak memory is its own.

    python -m benchmarks.probe floor FOLDER
    python -m benchmarks.probe spacy FOLDER
    python -m benchmarks.probe chain FOLDER DATA_ROOT WORKERS
    python -m benchmarks.probe refresh SOURCE DATA_ROOT WORKERS REFRESHES

Prints one JSON object on the last line of stdout: seconds and counts, plus `ru_maxrss` of this process
and of its largest child (the orchestrator also samples the whole process tree).
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path


def _max_rss_mb() -> dict[str, float]:
    # Linux reports ru_maxrss in KiB
    return {"self_max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def measure_floor(folder: Path) -> dict[str, object]:
    from benchmarks.baselines import floor_pass

    started = time.perf_counter()
    counts = floor_pass(folder)
    return {"seconds": time.perf_counter() - started, **counts}


def measure_spacy(folder: Path) -> dict[str, object]:
    from benchmarks.baselines import spacy_pass, spacy_pipeline

    started = time.perf_counter()
    nlp = spacy_pipeline()
    built = time.perf_counter()
    counts = spacy_pass(folder, nlp)
    return {"seconds": time.perf_counter() - built, "init_seconds": built - started, **counts}


def measure_chain(folder: Path, data_root: Path, workers: int) -> dict[str, object]:
    from benchmarks.chain import run_chain

    if data_root.exists():
        shutil.rmtree(data_root)
    started = time.perf_counter()
    stages, rows = run_chain(folder, data_root, workers)
    return {"seconds": time.perf_counter() - started, "stages": stages, "rows": rows}


def _asset_job(source: Path, data_root: Path, workers: int):  # noqa: ANN202 - a Dagster job definition
    from pipeline.definitions import build_definitions
    from pipeline.defs.resources import pipeline_resources
    from pipeline.settings import PipelineSettings

    settings = PipelineSettings(source_dir=str(source), data_dir=str(data_root), workers=workers)
    return build_definitions(pipeline_resources(settings)).resolve_implicit_global_asset_job_def()


def _materialize(source: Path, data_root: Path, workers: int) -> float:
    """Every asset and check in this (warm) process; the ephemeral instance keeps Dagster's bookkeeping minimal."""
    import dagster as dg

    job = _asset_job(source, data_root, workers)
    started = time.perf_counter()
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral())
    seconds = time.perf_counter() - started
    failed = [e.asset_check_evaluation_data.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    if not result.success or failed:
        raise RuntimeError(f"materialization of {source} failed (checks failing: {failed})")
    return seconds


def measure_refresh(source: Path, data_root: Path, workers: int, refreshes: int) -> dict[str, object]:
    """Add one new document at a time to an already built `source` and refresh `data_root` through the real assets.

    The process first materializes the seeds elsewhere, so imports, definitions and Dagster's first-run costs
    are paid before the clock starts: what is timed is the refresh itself plus Dagster's per-step bookkeeping.
    """
    from benchmarks.corpus import PROJECT_ROOT, generate_document, load_seeds

    warm_up = _materialize(PROJECT_ROOT / "seeds", data_root.with_name(data_root.name + "-warm-up"), workers)
    seeds = load_seeds()
    before = sum(1 for _ in source.iterdir())
    refresh_seconds = []
    for extra in range(refreshes):
        # an index far beyond any corpus size: a document the corpus does not contain yet
        (source / f"added_{extra:03d}.txt").write_text(generate_document(seeds, 10_000_000 + extra), encoding="utf-8")
        refresh_seconds.append(_materialize(source, data_root, workers))
    return {"warm_up_seconds": warm_up, "refresh_seconds": refresh_seconds, "documents_before_refresh": before}


def main(argv: list[str]) -> None:
    task, *args = argv
    if task == "floor":
        result = measure_floor(Path(args[0]))
    elif task == "spacy":
        result = measure_spacy(Path(args[0]))
    elif task == "chain":
        result = measure_chain(Path(args[0]), Path(args[1]), int(args[2]))
    elif task == "refresh":
        result = measure_refresh(Path(args[0]), Path(args[1]), int(args[2]), int(args[3]))
    else:
        raise SystemExit(f"unknown task {task!r}")
    print(json.dumps({**result, **_max_rss_mb()}))


if __name__ == "__main__":
    main(sys.argv[1:])

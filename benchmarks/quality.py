"""Extraction quality next to the speed figures: speed work must leave these scores unchanged.

Seeds are scored against the bundled gold (`tests/gold/seeds.gold.json`); the dev corpus and its gold are
scored when the dev corpus and gold sit beside the project (`../shared`, or BENCH_DEV_CORPUS/BENCH_DEV_GOLD), and reported as
skipped otherwise, so the benchmark runs on a fresh clone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl

from benchmarks.chain import run_chain
from benchmarks.corpus import PROJECT_ROOT

SEEDS_GOLD = PROJECT_ROOT / "tests" / "gold" / "seeds.gold.json"
SHARED = PROJECT_ROOT.parent / "shared"
# BENCH_DEV_CORPUS / BENCH_DEV_GOLD point at a dev corpus elsewhere (for instance from a clone in another folder)
DEV_CORPUS = Path(os.environ.get("BENCH_DEV_CORPUS") or SHARED / "corpus" / "dev")
DEV_GOLD = Path(os.environ.get("BENCH_DEV_GOLD") or SHARED / "gold" / "dev.gold.json")
CONTRACT_TABLES = ("documents", "segments", "meetings", "attendees", "proposals", "evidence", "rejected_documents")


def score_corpus(source: Path, gold_path: Path, data_root: Path) -> dict[str, float]:
    """Build `source` outside Dagster and score its curated tables with the project's evaluation module."""
    from pipeline.evaluation import score_summary, score_tables

    run_chain(source, data_root, workers=1)
    tables = {name: pl.read_parquet(data_root / "curated" / f"{name}.parquet").to_dicts() for name in CONTRACT_TABLES}
    return score_summary(score_tables(json.loads(gold_path.read_text(encoding="utf-8")), tables))


def scores(scratch: Path) -> dict[str, object]:
    """Quality on seeds and (when present) dev; a corpus without gold is reported as skipped with the reason."""
    report: dict[str, object] = {}
    for name, source, gold in (("seeds", PROJECT_ROOT / "seeds", SEEDS_GOLD), ("dev", DEV_CORPUS, DEV_GOLD)):
        if source.is_dir() and gold.is_file():
            report[name] = score_corpus(source, gold, scratch / name)
        else:
            report[name] = {"skipped": f"no {source.name} corpus or gold beside the project"}
    return report

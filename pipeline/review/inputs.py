"""What the review site reads: the tables of the published release (what users get), plus the gold comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.review.gold import gold_review
from pipeline.review.site import ReviewInputs

REVIEWED_TABLES = ("documents", "meetings", "attendees", "proposals", "evidence")


def load_review_inputs(release: Path, gold: dict[str, Any] | None = None) -> ReviewInputs:
    """Read a release folder (e.g. `<data root>/curated`); with a gold file, compare it with the release too."""
    tables = {name: pl.read_parquet(release / f"{name}.parquet") for name in REVIEWED_TABLES}
    version = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))["version"]
    return ReviewInputs(**tables, release_version=version, gold=gold_review(gold, tables) if gold else None)

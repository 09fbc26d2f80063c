"""Shared fixtures: temporary source folders and data roots, the bundled seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"
SEEDS_GOLD = PROJECT_ROOT / "tests" / "gold" / "seeds.gold.json"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles that a test may change."""
    target = tmp_path / "sources"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    return tmp_path / "data"

"""Fixtures of the reliability tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """An empty source folder."""
    folder = tmp_path / "sources"
    folder.mkdir()
    return folder

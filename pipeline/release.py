"""Publishing a release: all tables and datapackage.json appear in curated/ together, or not at all.

Tables are written into a new folder `releases/<version>/`; then the `curated` link is replaced in one
atomic rename. A run that dies before the rename leaves the previous release in place and readable.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import polars as pl

from pipeline.datapackage import package_descriptor, resource_descriptor
from pipeline.parquet import to_arrow, write_parquet_atomic

RELEASES_KEPT = 3


def publish_release(tables: dict[str, pl.DataFrame], data_root: Path, code_version: str) -> Path:
    """Write every table and datapackage.json into a fresh release folder and point `curated` at it.

    Returns the release folder. The same tables give the same folder name and the same bytes.
    """
    arrows = {name: to_arrow(frame, name) for name, frame in sorted(tables.items())}
    staging = data_root / "releases" / ".incoming"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    resources = []
    for name, arrow in arrows.items():
        path = staging / f"{name}.parquet"
        write_parquet_atomic(arrow, path)
        resources.append(resource_descriptor(name, path, arrow.num_rows))
    version = hashlib.sha256(json.dumps([r["hash"] for r in resources]).encode()).hexdigest()[:12]
    descriptor = package_descriptor(resources, version, code_version)
    (staging / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    release = data_root / "releases" / version
    if release.exists():
        shutil.rmtree(staging)
    else:
        os.replace(staging, release)
    _point_curated_at(data_root, release)
    _prune_old_releases(data_root, keep=release)
    return release


def _point_curated_at(data_root: Path, release: Path) -> None:
    curated = data_root / "curated"
    if curated.exists() and not curated.is_symlink():
        # a plain folder from an older layout: move it aside rather than delete anything
        os.replace(curated, data_root / "releases" / f"legacy-{os.getpid()}")
    link = data_root / ".curated.link"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("releases") / release.name, target_is_directory=True)
    os.replace(link, curated)


def _prune_old_releases(data_root: Path, keep: Path) -> None:
    releases = sorted((p for p in (data_root / "releases").iterdir() if p.is_dir() and p != keep and not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in releases[RELEASES_KEPT - 1:]:
        shutil.rmtree(old, ignore_errors=True)

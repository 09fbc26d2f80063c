"""Publishing a release: all tables and datapackage.json appear in curated/ together, or not at all.

Every table is validated against its schema before anything is written. Tables are written into
`releases/.incoming/`, checked against the hashes in their datapackage.json, renamed to `releases/<version>/`,
and then the `curated` link is replaced in one atomic rename. A run that dies or fails at any point before
that rename leaves the previous release in place, complete and readable; the next run clears the leftovers.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pandera.errors
import polars as pl

from pipeline.datapackage import file_sha256, package_descriptor, resource_descriptor
from pipeline.lock import DataRootNotWritable, not_writable
from pipeline.parquet import to_arrow, write_parquet_atomic
from pipeline.schema_errors import summarize_failures
from schemas import TABLES

RELEASES_KEPT = 3
INCOMING = ".incoming"
TRASH_PREFIX = ".trash-"
DESCRIPTOR_NAME = "datapackage.json"


# (incoming folder with the tables and datapackage.json, previous release folder or None) → more files for the
# release, e.g. documentation built from the descriptor; they are written before the switch, so they ship with it
Companions = Callable[[Path, Path | None], dict[str, bytes]]


class ReleaseBlocked(ValueError):
    """A table failed validation (or is missing), so nothing was published; the last good release stays."""


def publish_release(tables: dict[str, pl.DataFrame], data_root: Path, code_version: str,
                    companions: Companions | None = None) -> Path:
    """Validate every table, write them and datapackage.json into a fresh release folder, and point `curated` at it.

    Returns the release folder. The same tables give the same folder name and the same bytes. Raises
    ReleaseBlocked when a table fails its schema, DataRootNotWritable when the disk refuses a write; in both
    cases `curated` still points at the previous release. `companions` adds files (named by their file name)
    to the release folder before the switch.
    """
    validated = validate_tables(tables)
    releases = data_root / "releases"
    staging = releases / INCOMING
    try:
        releases.mkdir(parents=True, exist_ok=True)
        remove_leftovers(data_root)
        release = _write_incoming(validated, staging, code_version)
        if companions is not None:
            for name, content in sorted(companions(staging, _current_release(data_root)).items()):
                _write_synced(staging / Path(name).name, content)
        _install(staging, release)
        _point_curated_at(data_root, release)
    except DataRootNotWritable:
        shutil.rmtree(staging, ignore_errors=True)  # give the space back; the previous release was never touched
        raise
    except ReleaseBlocked:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise not_writable(Path(error.filename) if error.filename else releases, error, "write") from None
    _prune_old_releases(data_root, keep=release)
    return release


def validate_tables(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Every contract table, validated and coerced; ReleaseBlocked lists what failed without printing cell contents."""
    missing = sorted(set(TABLES) - set(tables))
    if missing:
        raise ReleaseBlocked(f"release blocked: tables {', '.join(missing)} are missing; nothing was published.")
    validated: dict[str, pl.DataFrame] = {}
    problems: list[str] = []
    for name in sorted(TABLES):
        schema = TABLES[name]
        try:
            validated[name] = schema.validate(tables[name].select(list(schema.to_schema().columns)), lazy=True)
        except pandera.errors.SchemaErrors as errors:
            problems.append(f"{name}: {summarize_failures(errors)}")
        except (pandera.errors.SchemaError, pl.exceptions.PolarsError) as error:
            problems.append(f"{name}: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
    if problems:
        raise ReleaseBlocked("release blocked, nothing was published (the last good release stays in curated/): "
                             + "; ".join(problems))
    return validated


def verify_release(folder: Path) -> list[str]:
    """Problems with a published release folder; [] when datapackage.json lists every table and every file's
    size and sha256 match it.

    >>> verify_release(Path("data/curated"))  # doctest: +SKIP
    []
    """
    try:
        descriptor = json.loads((folder / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"{folder / DESCRIPTOR_NAME} cannot be read: {type(error).__name__}"]
    problems = []
    resources = {r.get("name"): r for r in descriptor.get("resources", [])}
    for name in sorted(set(TABLES) - set(resources)):
        problems.append(f"table {name} is not listed in {DESCRIPTOR_NAME}")
    for name, resource in sorted(resources.items(), key=lambda item: str(item[0])):
        path = folder / Path(str(resource.get("path", ""))).name
        if not path.is_file():
            problems.append(f"{name}: {path.name} is missing")
            continue
        if path.stat().st_size != resource.get("bytes"):
            problems.append(f"{name}: {path.name} is {path.stat().st_size} bytes, {DESCRIPTOR_NAME} says {resource.get('bytes')}")
        if f"sha256:{file_sha256(path)}" != resource.get("hash"):
            problems.append(f"{name}: sha256 of {path.name} does not match {DESCRIPTOR_NAME}")
    return problems


def remove_leftovers(data_root: Path) -> None:
    """Clear what an interrupted publish left behind: the half-written incoming folder, trash and a stray link."""
    releases = data_root / "releases"
    if releases.is_dir():
        for leftover in releases.iterdir():
            if leftover.name == INCOMING or leftover.name.startswith(TRASH_PREFIX):
                shutil.rmtree(leftover, ignore_errors=True)
    stray_link = data_root / ".curated.link"
    if stray_link.is_symlink():
        stray_link.unlink()


def _write_incoming(tables: dict[str, pl.DataFrame], staging: Path, code_version: str) -> Path:
    """All tables and the descriptor in `staging`, checked; returns the release folder they belong in."""
    staging.mkdir()
    resources = []
    for name, frame in sorted(tables.items()):
        arrow = to_arrow(frame, name)
        path = staging / f"{name}.parquet"
        write_parquet_atomic(arrow, path)
        resources.append(resource_descriptor(name, path, arrow.num_rows))
    version = hashlib.sha256(json.dumps([r["hash"] for r in resources]).encode()).hexdigest()[:12]
    descriptor = package_descriptor(resources, version, code_version)
    _write_synced(staging / DESCRIPTOR_NAME, (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    _fsync_dir(staging)
    problems = verify_release(staging)
    if problems:
        raise OSError(f"the files just written do not match their hashes ({'; '.join(problems)}); the disk may be failing")
    return staging.parent / version


def _current_release(data_root: Path) -> Path | None:
    """The release folder `curated` points at now, if any."""
    curated = data_root / "curated"
    return curated.resolve() if curated.is_dir() else None


def _install(staging: Path, release: Path) -> None:
    """Rename the checked incoming folder to its release name; an intact release of the same version that
    already has every file is kept."""
    if release.exists():
        complete = all((release / incoming.name).is_file() for incoming in staging.iterdir())
        if complete and not verify_release(release):
            shutil.rmtree(staging)
            return
        os.replace(release, release.with_name(f"{TRASH_PREFIX}{release.name}"))  # damaged or incomplete: replace it whole
    os.replace(staging, release)
    _fsync_dir(release.parent)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make renames in `folder` durable, so a power cut cannot undo a rename the link already relies on."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _point_curated_at(data_root: Path, release: Path) -> None:
    curated = data_root / "curated"
    if curated.exists() and not curated.is_symlink():
        # a plain folder from an older layout: move it aside rather than delete anything
        os.replace(curated, data_root / "releases" / f"legacy-{os.getpid()}")
    link = data_root / ".curated.link"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("releases") / release.name, target_is_directory=True)
    os.replace(link, curated)
    _fsync_dir(data_root)


def _prune_old_releases(data_root: Path, keep: Path) -> None:
    """Keep the newest RELEASES_KEPT releases; an old one is renamed away first, so none is ever seen half-deleted."""
    releases = sorted((p for p in (data_root / "releases").iterdir()
                       if p.is_dir() and not p.is_symlink() and p != keep and not p.name.startswith(".")),
                      key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    for old in releases[RELEASES_KEPT - 1:]:
        trash = old.with_name(f"{TRASH_PREFIX}{old.name}")
        try:
            os.replace(old, trash)
        except OSError:
            continue  # pruning is housekeeping: a failure must not fail a release that is already published
        shutil.rmtree(trash, ignore_errors=True)

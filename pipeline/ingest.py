"""Every file under the source folder becomes a document or a rejection with a reason a person can act on.

Pure apart from reading files: no Dagster. Unchanged files (same path, size and mtime as in the previous
manifest) are not read again, so a refresh costs a stat per file plus the work on what changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.ids import content_sha256, doc_id_for
from pipeline.text.decode import decode_source

SOURCE_FILE_DTYPES: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "size": pl.Int64(),
    "mtime_ns": pl.Int64(),
    "doc_id": pl.String(),
    "content_sha256": pl.String(),
    "encoding": pl.String(),
    "status": pl.String(),  # "document", or the rejection reason
    "detail": pl.String(),
    "text": pl.String(),
}
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileStat:
    """Where a file is and what it looked like when listed."""

    source_path: str
    absolute: Path
    size: int
    mtime_ns: int
    outside_link: bool


def list_source_files(source_dir: Path) -> list[FileStat]:
    """Every regular file below `source_dir`, sorted by relative path; symlinks are listed but never followed out.

    A symlink whose target lies outside the source folder is flagged so that it is rejected, not read: an
    input must never make the pipeline read an arbitrary path.
    """
    root = source_dir.resolve()
    found: list[FileStat] = []
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in filenames:
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            outside = False
            if path.is_symlink():
                target = path.resolve()
                outside = not target.is_relative_to(root) or not target.is_file()
            try:
                info = path.lstat() if outside else path.stat()
            except OSError:
                found.append(FileStat(relative, path, -1, -1, outside))
                continue
            found.append(FileStat(relative, path, info.st_size, info.st_mtime_ns, outside))
    return sorted(found, key=lambda f: f.source_path)


def _row(stat: FileStat, status: str, detail: str | None = None, **fields: object) -> dict[str, object]:
    return {"source_path": stat.source_path, "size": stat.size, "mtime_ns": stat.mtime_ns, "doc_id": None,
            "content_sha256": None, "encoding": None, "status": status, "detail": detail, "text": None, **fields}


def read_source_file(stat: FileStat, max_bytes: int) -> dict[str, object]:
    """Read and decode one file into a manifest row (status "document" or a rejection reason)."""
    if stat.outside_link:
        return _row(stat, "symlink_outside_source",
                    f"{stat.source_path} is a symbolic link to a file outside the source folder; copy the file into the folder instead.")
    if stat.size > max_bytes:
        return _row(stat, "too_large",
                    f"{stat.source_path} is {stat.size:,} bytes, over the {max_bytes:,}-byte limit; split it or raise PIPELINE_MAX_FILE_BYTES.")
    try:
        with open(stat.absolute, "rb") as handle:
            raw = handle.read(max_bytes + 1)
        after = stat.absolute.stat()
    except OSError as error:
        return _row(stat, "unreadable",
                    f"{stat.source_path} could not be read ({error.strerror or type(error).__name__}); check its permissions.")
    if len(raw) > max_bytes:
        return _row(stat, "too_large",
                    f"{stat.source_path} grew past the {max_bytes:,}-byte limit while being read; split it or raise PIPELINE_MAX_FILE_BYTES.")
    if after.st_size != len(raw) or after.st_mtime_ns != stat.mtime_ns:
        return _row(stat, "changed_while_reading",
                    f"{stat.source_path} changed while it was being read; it will be picked up by the next run once it is complete.")
    decoded = decode_source(raw)
    if decoded.text is None:
        return _row(stat, decoded.reason or "undecodable", f"{stat.source_path}: {decoded.detail}")
    return _row(stat, "document", None, doc_id=doc_id_for(raw), content_sha256=content_sha256(raw),
                encoding=decoded.encoding, text=decoded.text)


def scan_sources(source_dir: Path, max_bytes: int, previous: pl.DataFrame | None = None) -> pl.DataFrame:
    """Manifest of the source folder: one row per file, reusing rows of files whose path, size and mtime are unchanged.

    Identical contents under several names are one document: the first path in sort order keeps it, the
    others get status "duplicate" naming it.
    """
    if not source_dir.is_dir():
        raise FileNotFoundError(f"source folder {source_dir} does not exist; set PIPELINE_SOURCE_DIR to a folder of article files")
    reusable: dict[tuple[str, int, int], dict[str, object]] = {}
    if previous is not None and previous.height:
        for row in previous.filter(pl.col("status") != "duplicate").iter_rows(named=True):
            reusable[(row["source_path"], row["size"], row["mtime_ns"])] = row
    rows = []
    for stat in list_source_files(source_dir):
        cached = reusable.get((stat.source_path, stat.size, stat.mtime_ns))
        rows.append(dict(cached) if cached is not None and not stat.outside_link else read_source_file(stat, max_bytes))
    owner: dict[str, str] = {}
    for row in rows:
        if row["status"] == "duplicate" or row["doc_id"] is None:
            continue
        first = owner.setdefault(str(row["doc_id"]), str(row["source_path"]))
        if first != row["source_path"]:
            row.update(status="duplicate", text=None,
                       detail=f"{row['source_path']} has the same contents as {first}, which is the one ingested; delete one copy.")
    return pl.DataFrame(rows, schema=SOURCE_FILE_DTYPES)


def rejected_rows(manifest: pl.DataFrame) -> pl.DataFrame:
    """rejected_documents: every file of the manifest that did not become a document."""
    return manifest.filter(pl.col("status") != "document").select("source_path", pl.col("status").alias("reason"), "detail")


def accepted_sources(manifest: pl.DataFrame) -> pl.DataFrame:
    """doc_id, source_path, content_sha256 and decoded text of every accepted document."""
    return manifest.filter(pl.col("status") == "document").select("doc_id", "source_path", "content_sha256", "text")

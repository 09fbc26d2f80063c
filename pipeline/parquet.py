"""Deterministic, atomic Parquet writes: Arrow types of the contract, rows sorted by id, zstd, temp file + rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.lock import not_writable
from schemas import PRIMARY_KEYS, TABLES
from schemas.arrow import arrow_schema

CODE_METADATA_KEY = b"pipeline_code"
TEMP_SUFFIX = ".tmp"


def _standard_type(data_type: pa.DataType) -> pa.DataType:
    if pa.types.is_large_string(data_type) or pa.types.is_string_view(data_type):
        return pa.string()
    if pa.types.is_large_list(data_type) or pa.types.is_list(data_type):
        return pa.list_(_standard_type(data_type.value_type))
    return data_type


def to_arrow(frame: pl.DataFrame, table: str | None) -> pa.Table:
    """Arrow table in the contract's types (string, int32, date32, list<string>), rows in id order."""
    keys = PRIMARY_KEYS.get(table or "") or [c for c in ("doc_id", "source_path") if c in frame.columns][:1]
    if keys:
        frame = frame.sort(keys, nulls_last=True, maintain_order=True)
    arrow = frame.to_arrow()
    if table in TABLES:
        return arrow.select(arrow_schema(table).names).cast(arrow_schema(table))
    return arrow.cast(pa.schema([pa.field(f.name, _standard_type(f.type)) for f in arrow.schema]))


def write_parquet_atomic(arrow: pa.Table, path: Path, metadata: dict[bytes, bytes] | None = None) -> None:
    """Write zstd Parquet to a temp file beside `path`, fsync, then rename over it: readers never see half a file.

    A refused write (disk full, read-only or forbidden folder) raises DataRootNotWritable naming `path`, and
    leaves neither a temp file nor a changed `path` behind.
    """
    if metadata:
        arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), **metadata})
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        os.close(handle)
        pq.write_table(arrow, temp, compression="zstd")
        os.chmod(temp, 0o644)  # mkstemp creates 0600; published files are for every reader
        with open(temp, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
    except OSError as error:
        _discard(temp)
        raise not_writable(path, error, "write") from None
    except BaseException:
        _discard(temp)
        raise


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files an interrupted write left in `folder`; returns how many. Call only while holding the lock."""
    removed = 0
    if folder.is_dir():
        for stale in folder.glob(f".*{TEMP_SUFFIX}"):
            stale.unlink(missing_ok=True)
            removed += 1
    return removed


def _discard(temp: str | None) -> None:
    if temp is not None:
        try:
            Path(temp).unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself refuses changes; the temp file was never completed


def read_code_version(path: Path) -> str | None:
    """The code fingerprint a staging file was written with, or None."""
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return None
    value = metadata.get(CODE_METADATA_KEY)
    return value.decode() if value else None

"""UI metadata for frames that have no Pandera model (the ingest manifest, per-document extractions) and for the
release: column schemas from Polars dtypes and a per-table summary."""

from __future__ import annotations

import dagster as dg
import polars as pl

COLUMN_SCHEMA = "dagster/column_schema"


def frame_column_schema(frame: pl.DataFrame, descriptions: dict[str, str] | None = None) -> dg.TableSchema:
    """The UI's column schema of an intermediate frame: names and Polars types, with optional descriptions."""
    descriptions = descriptions or {}
    return dg.TableSchema(columns=[dg.TableColumn(name, str(dtype), description=descriptions.get(name))
                                   for name, dtype in frame.schema.items()])


def release_summary(tables: dict[str, pl.DataFrame]) -> dg.MetadataValue:
    """One line per published table: rows and columns, as the release's preview."""
    lines = ["| table | rows | columns |", "|---|---|---|"]
    lines += [f"| {name} | {frame.height} | {', '.join(frame.columns)} |" for name, frame in sorted(tables.items())]
    return dg.MetadataValue.md("\n".join(lines) + "\n")

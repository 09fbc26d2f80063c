"""validated_output: Pandera validation of a frame plus the metadata the Dagster UI shows for it."""

from __future__ import annotations

import dagster as dg
import pandera.polars as pa
import polars as pl

from pipeline.schema_errors import TableInvalid, summarize_failures

PREVIEW_ROWS = 5
PREVIEW_CHARS = 80


def column_schema(schema: type[pa.DataFrameModel]) -> dg.TableSchema:
    """The UI's column schema from a Pandera model (types and descriptions)."""
    return dg.TableSchema(columns=[
        dg.TableColumn(name, str(column.dtype), description=column.description or None)
        for name, column in schema.to_schema().columns.items()
    ])


def preview_markdown(frame: pl.DataFrame) -> str:
    """A few rows as a Markdown table, long strings cut, for the materialization page."""
    head = frame.head(PREVIEW_ROWS).with_columns(
        (pl.col(c).list.join(", ") if isinstance(dtype, pl.List) else pl.col(c).cast(pl.String)).str.slice(0, PREVIEW_CHARS).alias(c)
        for c, dtype in frame.schema.items()
    )
    header = "| " + " | ".join(head.columns) + " |\n|" + "---|" * len(head.columns) + "\n"
    body = "".join("| " + " | ".join("" if v is None else str(v).replace("|", "\\|").replace("\n", " ") for v in row) + " |\n"
                   for row in head.iter_rows())
    return header + body


def validated_frame(frame: pl.DataFrame, schema: type[pa.DataFrameModel]) -> pl.DataFrame:
    """The frame checked (all failures collected) and coerced to the schema's column order and types."""
    try:
        return schema.validate(frame.select(list(schema.to_schema().columns)), lazy=True)
    except pa.errors.SchemaErrors as errors:
        # Pandera's own message quotes whole failing rows, i.e. whole articles; this one names columns and checks
        raise TableInvalid(f"{schema.__name__}: {summarize_failures(errors)}") from None


def validated_output(frame: pl.DataFrame, schema: type[pa.DataFrameModel], output_name: str = "result",
                     **metadata: object) -> dg.Output[pl.DataFrame]:
    """Validate and wrap: row count, column schema and a preview go to the UI; a failure raises before any write."""
    validated = validated_frame(frame, schema)
    return dg.Output(validated, output_name=output_name, metadata={
        "dagster/row_count": validated.height,
        "dagster/column_schema": column_schema(schema),
        "preview": dg.MetadataValue.md(preview_markdown(validated)),
        **metadata,
    })


def frame_output(frame: pl.DataFrame, output_name: str = "result", **metadata: object) -> dg.Output[pl.DataFrame]:
    """An intermediate (non-contract) frame with row count and preview."""
    return dg.Output(frame, output_name=output_name, metadata={
        "dagster/row_count": frame.height,
        "preview": dg.MetadataValue.md(preview_markdown(frame.drop([c for c in ("text", "payload") if c in frame.columns]))),
        **metadata,
    })

"""Pandera model → pyarrow schema, for the write boundary (Polars alone writes large_string/large_list)."""

from __future__ import annotations

import polars as pl
import pyarrow as pa

from schemas import TABLES

_SCALARS: dict[type[pl.DataType], pa.DataType] = {
    pl.String: pa.string(),
    pl.Int16: pa.int16(),
    pl.Int32: pa.int32(),
    pl.Int64: pa.int64(),
    pl.Date: pa.date32(),
    pl.Boolean: pa.bool_(),
}


def arrow_type(dtype: pl.DataType | type[pl.DataType]) -> pa.DataType:
    """The contract's Arrow type for a Polars dtype: string not large_string, list<string> not large_list."""
    if isinstance(dtype, type):
        dtype = dtype()
    if isinstance(dtype, pl.List):
        return pa.list_(arrow_type(dtype.inner))
    if isinstance(dtype, pl.Datetime):
        return pa.timestamp(dtype.time_unit or "us")
    return _SCALARS[type(dtype)]


def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema of a contract table, with column descriptions as field metadata."""
    columns = TABLES[table].to_schema().columns
    return pa.schema(
        [
            pa.field(name, arrow_type(column.dtype.type), nullable=column.nullable,
                     metadata={"description": column.description or ""})
            for name, column in columns.items()
        ]
    )

"""Schema failures in a few lines that never quote a whole cell: an article must not end up in a log or an error."""

from __future__ import annotations

import pandera.errors
import polars as pl

FAILURE_EXAMPLES = 3
FAILURE_EXAMPLE_CHARS = 60


class TableInvalid(ValueError):
    """A table failed its schema; the message says which column failed which check, with shortened examples."""


def summarize_failures(errors: pandera.errors.SchemaErrors) -> str:
    """Which column failed which check how often, with a few examples cut to FAILURE_EXAMPLE_CHARS characters.

    Example: "column level failed isin([...]) in 2 rows (e.g. 'cosmic', 'galactic')"
    """
    cases = errors.failure_cases
    if not isinstance(cases, pl.DataFrame):
        cases = pl.from_pandas(cases)  # pragma: no cover - pandas backend
    lines = []
    grouped = cases.with_columns(pl.col("failure_case").cast(pl.String)).group_by("column", "check", maintain_order=True)
    for (column, check), group in grouped:
        examples = [shorten(value) for value in group.get_column("failure_case").head(FAILURE_EXAMPLES).to_list()]
        lines.append(f"column {column!s} failed {shorten(check, 120)} in {group.height} rows (e.g. {', '.join(examples)})")
    return "; ".join(lines)


def shorten(value: object, limit: int = FAILURE_EXAMPLE_CHARS) -> str:
    """repr of a value cut to `limit` characters, on one line."""
    text = "null" if value is None else str(value).replace("\n", " ")
    return repr(text if len(text) <= limit else text[:limit] + "…")

"""Per-document results are reused for unchanged documents and recomputed for new ones."""

from __future__ import annotations

import polars as pl

from pipeline.incremental import update_by_doc


def _upper(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select("doc_id", pl.col("text").str.to_uppercase().alias("result"))


def test_only_new_documents_are_computed_and_deleted_ones_leave() -> None:
    previous = pl.DataFrame({"doc_id": ["a", "b"], "result": ["CACHED A", "CACHED B"]})
    inputs = pl.DataFrame({"doc_id": ["a", "c"], "text": ["x", "new"]})
    frame, computed, reused = update_by_doc(previous, inputs, _upper)
    assert (computed, reused) == (1, 1)
    assert dict(frame.iter_rows()) == {"a": "CACHED A", "c": "NEW"}


def test_without_previous_output_everything_is_computed() -> None:
    inputs = pl.DataFrame({"doc_id": ["a"], "text": ["x"]})
    frame, computed, reused = update_by_doc(None, inputs, _upper)
    assert (computed, reused, frame.row(0)) == (1, 0, ("a", "X"))

"""Integrity checks across tables, as pure functions returning (passed, details)."""

from __future__ import annotations

import polars as pl


def offsets_slice_correctly(spans: pl.DataFrame, documents: pl.DataFrame, text_column: str) -> tuple[bool, dict[str, object]]:
    """Every span's `text_column` equals clean_text[start:end] of its document."""
    joined = spans.select("doc_id", "start", "end", pl.col(text_column).alias("_quote")).join(
        documents.select("doc_id", "clean_text"), on="doc_id", how="left")
    sliced = joined.with_columns(
        pl.col("clean_text").str.slice(pl.col("start"), pl.col("end") - pl.col("start")).alias("_slice"))
    bad = sliced.filter(pl.col("clean_text").is_null() | (pl.col("_slice") != pl.col("_quote")))
    return bad.height == 0, {"spans": spans.height, "mismatched": bad.height}


def ids_unique(frame: pl.DataFrame, column: str) -> tuple[bool, dict[str, object]]:
    """No id occurs twice."""
    duplicated = frame.height - frame.get_column(column).n_unique()
    return duplicated == 0, {"rows": frame.height, "duplicated_ids": duplicated}


def foreign_keys_resolve(frame: pl.DataFrame, column: str, target: pl.DataFrame, target_column: str) -> tuple[bool, dict[str, object]]:
    """Every value of `column` exists in `target_column`."""
    missing = frame.filter(~pl.col(column).is_in(target.get_column(target_column).implode())).height
    return missing == 0, {"rows": frame.height, "dangling": missing}


def every_input_accounted(input_paths: list[str], documents: pl.DataFrame, rejected: pl.DataFrame) -> tuple[bool, dict[str, object]]:
    """Each input file is in documents or rejected_documents, and no file is in both."""
    published = set(documents.get_column("source_path").to_list())
    refused = set(rejected.get_column("source_path").to_list())
    missing = sorted(set(input_paths) - published - refused)
    both = sorted(published & refused)
    return not missing and not both, {"inputs": len(input_paths), "documents": len(published), "rejected": len(refused),
                                      "missing": missing[:20], "in_both": both[:20]}

"""Reuse per-document results whose inputs did not change; compute only what is new.

A stage's previous output is reused for a doc_id when the document's content (its doc_id is a content hash)
and the code of the rules (`code_fingerprint`) are the same as when it was computed.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Callable

import polars as pl

PACKAGE_ROOT = Path(__file__).resolve().parent
RULE_FOLDERS = ("text", "extract", "reference")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the text, extraction and reference code and data: a change to any rule invalidates cached results."""
    digest = hashlib.sha256()
    for folder in RULE_FOLDERS:
        for path in sorted((PACKAGE_ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".csv", ".tsv", ".txt"}:
                digest.update(path.relative_to(PACKAGE_ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    digest.update((PACKAGE_ROOT / "stages.py").read_bytes())
    return digest.hexdigest()[:16]


def update_by_doc(previous: pl.DataFrame | None, inputs: pl.DataFrame,
                  compute: Callable[[pl.DataFrame], pl.DataFrame]) -> tuple[pl.DataFrame, int, int]:
    """Rows for every doc_id of `inputs`: reused from `previous` where present, computed for the rest.

    Returns (frame, computed document count, reused document count). Rows of documents that left the
    input are dropped, so a deleted file's rows leave the dataset.
    """
    wanted = inputs.get_column("doc_id")
    if previous is None or previous.height == 0:
        return compute(inputs), inputs.height, 0
    kept = previous.filter(pl.col("doc_id").is_in(wanted.implode()))
    known = kept.get_column("doc_id").unique()
    fresh = inputs.filter(~pl.col("doc_id").is_in(known.implode()))
    computed = compute(fresh)
    reused = inputs.height - fresh.height
    return pl.concat([kept.select(computed.columns).cast(computed.schema), computed], how="vertical"), fresh.height, reused

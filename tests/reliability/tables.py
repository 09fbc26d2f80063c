"""Synthetic contract tables that pass every schema, sized at will, for publishing tests."""

from __future__ import annotations

import hashlib
import random

import polars as pl

from schemas import TABLES, polars_dtypes

WORDS = ("minister", "talks", "cooperation", "summit", "trade", "health", "security", "border", "joint", "statement",
         "delegation", "bilateral", "forum", "agenda", "partnership", "dialogue", "economic", "regional", "visit", "accord")


def synthetic_tables(seed: int, documents: int) -> dict[str, pl.DataFrame]:
    """`documents` documents of ~1 KB of words each, one paragraph segment per document, every other table empty."""
    rng = random.Random(seed)
    tables = {name: pl.DataFrame(schema=polars_dtypes(name)) for name in TABLES}
    doc_rows, segment_rows = [], []
    for index in range(documents):
        text = " ".join(rng.choice(WORDS) for _ in range(120))
        digest = hashlib.sha256(f"{seed}:{index}:{text}".encode()).hexdigest()
        doc_rows.append({"doc_id": digest[:16], "source_path": f"doc{index:05d}.txt", "title": None, "publisher": None,
                         "published_at": None, "dateline": None, "clean_text": text, "content_sha256": digest})
        segment_rows.append({"doc_id": digest[:16], "segment_id": f"{digest[:16]}:p0", "kind": "paragraph",
                             "paragraph_index": 0, "sentence_index": None, "start": 0, "end": len(text), "text": text})
    tables["documents"] = pl.DataFrame(doc_rows, schema=polars_dtypes("documents"))
    tables["segments"] = pl.DataFrame(segment_rows, schema=polars_dtypes("segments"))
    return tables

"""Reuse results whose inputs did not change; compute only what is new.

A per-document stage's previous output is reused for a doc_id when the document's content (its doc_id is a
content hash) and the code of the rules (`code_fingerprint`) are the same as when it was computed. The merged
tables are reused block by block (`pipeline.extract.merge.merge_block_key`: a day, or an undated report's
document): a block's rows are reused when the same documents report it, so a refresh re-merges only the days
that a new, changed or deleted document touches.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator
from typing import Callable

import polars as pl

from pipeline.extract.merge import combine_blocks, merge_blocks
from pipeline.extract.serialize import extraction_from_json
from pipeline.ids import stable_id
from pipeline.stages import BATCHES_IN_FLIGHT_PER_WORKER, in_pool, worker_pool
from schemas import PRIMARY_KEYS, polars_dtypes

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
    for module in ("stages.py", "incremental.py"):
        digest.update((PACKAGE_ROOT / module).read_bytes())
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


MERGED_TABLES = ("meetings", "attendees", "proposals", "evidence")
MERGE_INDEX = "merge_blocks"
MERGE_INDEX_DTYPES: dict[str, pl.DataType] = {"block": pl.String(), "fingerprint": pl.String(), "meeting_id": pl.String()}
MERGE_BATCH_BLOCKS = 500


def block_fingerprints(extractions: pl.DataFrame) -> pl.DataFrame:
    """block, fingerprint and doc_ids of every merge block: the fingerprint hashes the sorted doc_ids reporting it,
    and doc_ids are content hashes, so an unchanged fingerprint means unchanged reports (under the same code)."""
    grouped = (extractions.select("doc_id", block=pl.col("merge_blocks")).explode("block").drop_nulls("block")
               .group_by("block").agg(pl.col("doc_id").unique().sort().alias("doc_ids")).sort("block"))
    fingerprints = [stable_id(*doc_ids) for doc_ids in grouped.get_column("doc_ids").to_list()]
    return grouped.with_columns(fingerprint=pl.Series(fingerprints, dtype=pl.String()))


def _reused_rows(previous: dict[str, pl.DataFrame], meeting_ids: pl.Series) -> dict[str, pl.DataFrame]:
    meetings = previous["meetings"].filter(pl.col("meeting_id").is_in(meeting_ids.implode()))
    attendees = previous["attendees"].filter(pl.col("meeting_id").is_in(meeting_ids.implode()))
    proposals = previous["proposals"].filter(pl.col("meeting_id").is_in(meeting_ids.implode()))
    records = pl.concat([meetings.select(record_id="meeting_id"), attendees.select(record_id="attendee_id"),
                         proposals.select(record_id="proposal_id")]).get_column("record_id")
    evidence = previous["evidence"].filter(pl.col("record_id").is_in(records.implode()))
    return {"meetings": meetings, "attendees": attendees, "proposals": proposals, "evidence": evidence}


def merge_batch(batch: tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The merged rows and index rows of some blocks, from (blocks: block, fingerprint, doc_ids; the extraction rows
    and the documents of their doc_ids). A batch holds everything it needs, so it can be merged in a worker."""
    blocks, extractions, documents = batch
    parsed = [extraction_from_json(payload) for payload in extractions.get_column("payload").to_list()]
    clean_texts = dict(documents.select("doc_id", "clean_text").iter_rows())
    merged = merge_blocks(parsed, clean_texts, set(blocks.get_column("block").to_list()))
    fingerprint_of = dict(blocks.select("block", "fingerprint").iter_rows())
    index = pl.DataFrame([{"block": block, "fingerprint": fingerprint_of[block], "meeting_id": row["meeting_id"]}
                          for block, rows in merged.items() for row in rows["meetings"]], schema=MERGE_INDEX_DTYPES)
    rows = combine_blocks(list(merged.values()))
    return {**{name: pl.DataFrame(rows[name], schema=polars_dtypes(name)) for name in MERGED_TABLES}, MERGE_INDEX: index}


def _merge_batches(stale: pl.DataFrame, extractions: pl.DataFrame,
                   documents: pl.DataFrame) -> Iterator[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]]:
    """Stale blocks MERGE_BATCH_BLOCKS at a time with their documents' rows, built only as they are consumed."""
    for offset in range(0, stale.height, MERGE_BATCH_BLOCKS):
        blocks = stale.slice(offset, MERGE_BATCH_BLOCKS)
        doc_ids = blocks.get_column("doc_ids").explode().unique().implode()
        yield (blocks, extractions.filter(pl.col("doc_id").is_in(doc_ids)).select("doc_id", "payload"),
               documents.filter(pl.col("doc_id").is_in(doc_ids)).select("doc_id", "clean_text"))


def update_merged(previous: dict[str, pl.DataFrame] | None, extractions: pl.DataFrame,
                  documents: pl.DataFrame, workers: int = 1) -> tuple[dict[str, pl.DataFrame], int, int]:
    """The merged tables and the merge index (`merge_blocks`: block, fingerprint, meeting_id) of `extractions`,
    reusing the rows of `previous` (the same five tables of the last run) for every block whose fingerprint is
    unchanged. Returns (tables, blocks merged now, blocks reused). Stale blocks are merged in batches, across
    `workers` processes when there are several batches.

    The result equals a merge of every block from scratch: blocks never share a meeting or an id.
    """
    current = block_fingerprints(extractions)
    reused_index = pl.DataFrame(schema=MERGE_INDEX_DTYPES)
    if previous is not None:
        reused_index = previous[MERGE_INDEX].join(current.select("block", "fingerprint"), on=["block", "fingerprint"],
                                                  how="semi")
        known = previous["meetings"].get_column("meeting_id")
        if not reused_index.get_column("meeting_id").is_in(known.implode()).all():
            reused_index = pl.DataFrame(schema=MERGE_INDEX_DTYPES)  # index and tables disagree: merge everything
    stale = current.join(reused_index.select("block").unique(), on="block", how="anti").sort("block")
    parts: dict[str, list[pl.DataFrame]] = {name: [] for name in (*MERGED_TABLES, MERGE_INDEX)}
    if previous is not None:
        for name, frame in _reused_rows(previous, reused_index.get_column("meeting_id")).items():
            parts[name].append(frame.select(list(polars_dtypes(name))).cast(polars_dtypes(name)))
        parts[MERGE_INDEX].append(reused_index)
    # a batch of blocks at a time: only the batches being merged have their mentions as Python objects
    batches = _merge_batches(stale, extractions, documents)
    if workers > 1 and stale.height > MERGE_BATCH_BLOCKS:
        merged = in_pool(merge_batch, batches, worker_pool(workers), workers * BATCHES_IN_FLIGHT_PER_WORKER)
    else:
        merged = map(merge_batch, batches)
    for result in merged:
        for name, frame in result.items():
            parts[name].append(frame)
    schemas = {**{name: polars_dtypes(name) for name in MERGED_TABLES}, MERGE_INDEX: MERGE_INDEX_DTYPES}
    tables = {name: pl.concat([pl.DataFrame(schema=schemas[name]), *parts[name]], how="vertical") for name in schemas}
    tables = {name: frame.sort(PRIMARY_KEYS.get(name, ["block", "meeting_id"])) for name, frame in tables.items()}
    return tables, stale.height, current.height - stale.height

"""Per-document stages as batch functions over Polars frames: cleaning, segmentation, extraction.

Each stage maps a frame of documents to a frame of results keyed by doc_id, so it can run on any batch,
in any process, and be cached by content hash (`pipeline.incremental`).
"""

from __future__ import annotations

import atexit
import json
import math
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from collections.abc import Iterable
from typing import Callable, TypeVar

import polars as pl

from pipeline.extract.document import extract_document
from pipeline.extract.merge import merge_block_keys
from pipeline.extract.model import DocumentContext
from pipeline.extract.serialize import extraction_to_json
from pipeline.text.clean import clean_document
from pipeline.text.segment import paragraph_spans, sentence_spans, split_segments

DOCUMENT_DTYPES: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "source_path": pl.String(),
    "title": pl.String(),
    "publisher": pl.String(),
    "published_at": pl.Datetime("us"),
    "dateline": pl.String(),
    "clean_text": pl.String(),
    "content_sha256": pl.String(),
}
SEGMENT_DTYPES: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "segment_id": pl.String(),
    "kind": pl.String(),
    "paragraph_index": pl.Int32(),
    "sentence_index": pl.Int32(),
    "start": pl.Int32(),
    "end": pl.Int32(),
    "text": pl.String(),
}
EXTRACTION_DTYPES: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "meeting_count": pl.Int32(),
    "attendee_count": pl.Int32(),
    "proposal_count": pl.Int32(),
    "merge_blocks": pl.List(pl.String()),
    "payload": pl.String(),
}
BATCH_SIZE = 500
Batch = TypeVar("Batch")
Result = TypeVar("Result")
MIN_BATCH_SIZE = 50
BATCHES_PER_WORKER = 4
BATCHES_IN_FLIGHT_PER_WORKER = 2


def clean_documents(sources: pl.DataFrame) -> pl.DataFrame:
    """documents rows from accepted sources (doc_id, source_path, content_sha256, text)."""
    rows = []
    for source in sources.iter_rows(named=True):
        cleaned = clean_document(source["text"])
        rows.append({
            "doc_id": source["doc_id"], "source_path": source["source_path"], "title": cleaned.title,
            "publisher": cleaned.publisher, "published_at": cleaned.published_at, "dateline": cleaned.dateline,
            "clean_text": cleaned.clean_text, "content_sha256": source["content_sha256"],
        })
    return pl.DataFrame(rows, schema=DOCUMENT_DTYPES)


def segment_documents(documents: pl.DataFrame) -> pl.DataFrame:
    """segments rows (headings, paragraphs, sentences with offsets) of every document."""
    rows = [
        segment
        for document in documents.select("doc_id", "clean_text").iter_rows(named=True)
        for segment in split_segments(document["doc_id"], document["clean_text"])
    ]
    return pl.DataFrame(rows, schema=SEGMENT_DTYPES)


def document_context(document: dict[str, object]) -> DocumentContext:
    """What extraction needs of one documents row."""
    text = str(document["clean_text"])
    return DocumentContext(
        doc_id=str(document["doc_id"]), clean_text=text, title=document.get("title"),  # type: ignore[arg-type]
        published_at=document.get("published_at"), dateline=document.get("dateline"),  # type: ignore[arg-type]
        paragraphs=tuple(paragraph_spans(text)), sentences=tuple(sentence_spans(text)),
    )


def extract_documents(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per document with its extraction (meetings, attendees, proposals and evidence) as JSON."""
    rows = []
    for document in documents.iter_rows(named=True):
        extraction = extract_document(document_context(document))
        rows.append({
            "doc_id": document["doc_id"], "meeting_count": len(extraction.meetings),
            "attendee_count": len(extraction.attendees), "proposal_count": len(extraction.proposals),
            "merge_blocks": merge_block_keys(extraction), "payload": extraction_to_json(extraction),
        })
    return pl.DataFrame(rows, schema=EXTRACTION_DTYPES)


def _batches(frame: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    return [frame.slice(offset, size) for offset in range(0, frame.height, size)]


def batch_size(documents: int, workers: int) -> int:
    """Documents per batch: at most BATCH_SIZE, small enough that every worker gets several batches to balance."""
    if workers <= 1:
        return BATCH_SIZE
    return max(MIN_BATCH_SIZE, min(BATCH_SIZE, math.ceil(documents / (workers * BATCHES_PER_WORKER))))


_pools: dict[int, ProcessPoolExecutor] = {}


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """One pool per worker count, kept for the life of the process so that stages after the first start no workers.

    Workers come from a fork server, not from fork(): forking a process whose Polars thread pool is running
    can deadlock the child (observed: workers idle forever on the second stage), and spawning costs an
    interpreter start per worker.
    """
    pool = _pools.get(workers)
    if pool is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipeline.stages"])  # rules imported once in the server, not per worker
        pool = _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        atexit.register(pool.shutdown, cancel_futures=True)
    return pool


def run_batched(stage: Callable[[pl.DataFrame], pl.DataFrame], frame: pl.DataFrame, workers: int,
                empty: dict[str, pl.DataType]) -> pl.DataFrame:
    """Apply a per-document stage in batches, across `workers` processes when more than one batch is waiting."""
    batches = _batches(frame, batch_size(frame.height, workers))
    if not batches:
        return pl.DataFrame(schema=empty)
    if workers <= 1 or len(batches) == 1:
        results = [stage(batch) for batch in batches]
    else:
        results = in_pool(stage, batches, worker_pool(workers), workers * BATCHES_IN_FLIGHT_PER_WORKER)
    return pl.concat(results, how="vertical")


def in_pool(stage: Callable[[Batch], Result], batches: Iterable[Batch], pool: ProcessPoolExecutor,
            in_flight: int) -> list[Result]:
    """Results of every batch in order, with at most `in_flight` batches sent to the workers at a time, so that
    a large corpus is not copied to the pool's queue all at once (and a generator of batches is built as it goes)."""
    pending: deque[Future[Result]] = deque()
    results: list[Result] = []
    for batch in batches:
        if len(pending) >= in_flight:
            results.append(pending.popleft().result())
        pending.append(pool.submit(stage, batch))
    results.extend(future.result() for future in pending)
    return results


def payload_dicts(extractions: pl.DataFrame) -> list[dict[str, object]]:
    """The JSON payloads of an extraction frame, parsed."""
    return [json.loads(payload) for payload in extractions.get_column("payload").to_list()]

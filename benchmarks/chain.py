"""The whole pipeline outside Dagster, one timed step per stage.

The steps call the same pure functions the assets call, in the same order, and write the same staging
and curated files; `tests/benchmarks/test_chain.py` checks that the curated tables equal those of a
Dagster materialization, so the benchmark cannot drift from what `make run` does.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from pipeline.incremental import MERGE_INDEX, MERGED_TABLES, code_fingerprint, update_merged
from pipeline.ingest import DEFAULT_MAX_FILE_BYTES, accepted_sources, rejected_rows, scan_sources
from pipeline.parquet import CODE_METADATA_KEY, to_arrow, write_parquet_atomic
from pipeline.release import publish_release
from pipeline.stages import (DOCUMENT_DTYPES, EXTRACTION_DTYPES, SEGMENT_DTYPES, clean_documents, extract_documents,
                             run_batched, segment_documents)
from schemas import TABLES

STAGES = ("ingest", "cleaning", "segmentation", "extraction", "merging", "validation", "parquet", "review")


class StageTimer:
    """Wall-clock seconds per named stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def validated(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """The frame after its contract schema's validation, as the assets validate it."""
    from pipeline.validation import validated_frame

    return validated_frame(frame, TABLES[table])


def write_review_site(data_root: Path) -> None:
    """The review asset's work: the static HTML site of the release just published (no gold file)."""
    from pipeline.review.build import build_review_site

    build_review_site(data_root, None, pl.read_parquet(data_root / "staging" / f"{MERGE_INDEX}.parquet"))


def run_chain(source_dir: Path, data_root: Path, workers: int) -> tuple[dict[str, float], dict[str, int]]:
    """Build the dataset of `source_dir` into `data_root` from scratch; returns seconds per stage and row counts.

    Like the assets, each table is validated and written to staging as soon as it exists, and a frame is
    dropped once no later step needs it, so that peak memory is that of the pipeline, not of the harness.
    """
    timer = StageTimer()
    fingerprint = {CODE_METADATA_KEY: code_fingerprint().encode()}

    def stage_file(name: str, frame: pl.DataFrame) -> None:
        with timer.stage("parquet"):
            write_parquet_atomic(to_arrow(frame, name), data_root / "staging" / f"{name}.parquet", fingerprint)

    with timer.stage("ingest"):
        manifest = scan_sources(source_dir, DEFAULT_MAX_FILE_BYTES, None)
        sources = accepted_sources(manifest)
        rejected = rejected_rows(manifest)
    stage_file("source_files", manifest)
    del manifest
    with timer.stage("validation"):
        rejected = validated(rejected, "rejected_documents")
    stage_file("rejected_documents", rejected)
    with timer.stage("cleaning"):
        documents = run_batched(clean_documents, sources, workers, DOCUMENT_DTYPES)
        documents = documents.drop("source_path").join(sources.select("doc_id", "source_path"), on="doc_id")
    del sources
    with timer.stage("validation"):
        documents = validated(documents, "documents")
    stage_file("documents", documents)
    with timer.stage("segmentation"):
        segments = run_batched(segment_documents, documents.select("doc_id", "clean_text"), workers, SEGMENT_DTYPES)
    with timer.stage("validation"):
        segments = validated(segments, "segments")
    stage_file("segments", segments)
    del segments  # the release reads it back from staging, as the release asset loads its inputs
    with timer.stage("extraction"):
        extractions = run_batched(extract_documents, documents, workers, EXTRACTION_DTYPES)
    stage_file("document_extractions", extractions)
    with timer.stage("merging"):
        tables, _, _ = update_merged(None, extractions, documents, workers)
        del extractions
    merge_index = tables.pop(MERGE_INDEX)
    for name in MERGED_TABLES:
        with timer.stage("validation"):
            tables[name] = validated(tables[name], name)
        stage_file(name, tables[name])
    stage_file(MERGE_INDEX, merge_index)
    with timer.stage("parquet"):
        segments = pl.read_parquet(data_root / "staging" / "segments.parquet")
    tables.update(documents=documents, segments=segments, rejected_documents=rejected)
    with timer.stage("parquet"):
        publish_release(tables, data_root, code_fingerprint())
    with timer.stage("review"):
        write_review_site(data_root)
    counts = {name: frame.height for name, frame in tables.items()}
    return timer.seconds, counts

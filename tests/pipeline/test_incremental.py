"""Per-document results are reused for unchanged documents and recomputed for new ones; merged tables are reused
block by block."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.incremental import MERGE_INDEX, MERGED_TABLES, update_by_doc, update_merged
from pipeline.ingest import DEFAULT_MAX_FILE_BYTES, accepted_sources, scan_sources
from pipeline.stages import clean_documents, extract_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


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


@pytest.fixture(scope="module")
def seed_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    documents = clean_documents(accepted_sources(scan_sources(SEEDS, DEFAULT_MAX_FILE_BYTES, None)))
    return documents, extract_documents(documents)


def _without(frame: pl.DataFrame, doc_id: str) -> pl.DataFrame:
    return frame.filter(pl.col("doc_id") != doc_id)


def _shared_block_doc(extractions: pl.DataFrame) -> str:
    """A document whose meeting another document reports too (the seeds' C+C5 meeting)."""
    blocks = extractions.select("doc_id", "merge_blocks").explode("merge_blocks")
    shared = blocks.group_by("merge_blocks").agg(pl.col("doc_id")).filter(pl.col("doc_id").list.len() > 1)
    return sorted(shared.get_column("doc_id").to_list()[0])[0]


def test_adding_a_document_re_merges_only_its_blocks_and_equals_a_full_merge(seed_frames) -> None:
    documents, extractions = seed_frames
    added = _shared_block_doc(extractions)
    before, _, _ = update_merged(None, _without(extractions, added), _without(documents, added))
    refreshed, merged_now, reused = update_merged(before, extractions, documents)
    full, all_blocks, none_reused = update_merged(None, extractions, documents)
    assert none_reused == 0 and merged_now == len(extractions.filter(pl.col("doc_id") == added).row(0, named=True)["merge_blocks"])
    assert reused == all_blocks - merged_now > 0
    for name in (*MERGED_TABLES, MERGE_INDEX):
        assert refreshed[name].equals(full[name]), name
    # the C+C5 meeting now lists both reports, as in the full merge
    assert refreshed["meetings"].get_column("source_doc_ids").list.contains(added).any()


def test_deleting_a_document_removes_its_rows_and_reuses_the_rest(seed_frames) -> None:
    documents, extractions = seed_frames
    full, _, _ = update_merged(None, extractions, documents)
    gone = _shared_block_doc(extractions)
    # mark every previous row, so that reused rows can be told from re-merged ones
    marked = {**full, "meetings": full["meetings"].with_columns(name=pl.col("name") + " (previous run)")}
    refreshed, merged_now, reused = update_merged(marked, _without(extractions, gone), _without(documents, gone))
    expected, _, _ = update_merged(None, _without(extractions, gone), _without(documents, gone))
    assert merged_now >= 1 and reused >= 1
    assert not refreshed["meetings"].get_column("source_doc_ids").list.contains(gone).any()
    assert not refreshed["evidence"].get_column("doc_id").is_in([gone]).any()
    names = refreshed["meetings"].get_column("name")
    assert names.str.ends_with("(previous run)").sum() == refreshed["meetings"].height - merged_now
    stripped = refreshed["meetings"].with_columns(name=pl.col("name").str.replace(r" \(previous run\)$", ""))
    assert stripped.equals(expected["meetings"])
    for name in ("attendees", "proposals", "evidence", MERGE_INDEX):
        assert refreshed[name].equals(expected[name]), name


def test_an_index_naming_meetings_the_tables_lack_is_not_trusted(seed_frames) -> None:
    documents, extractions = seed_frames
    full, blocks, _ = update_merged(None, extractions, documents)
    torn = {**full, "meetings": full["meetings"].head(0)}
    refreshed, merged_now, reused = update_merged(torn, extractions, documents)
    assert (merged_now, reused) == (blocks, 0)
    assert refreshed["meetings"].equals(full["meetings"])


def test_merging_in_worker_processes_gives_the_single_process_tables(seed_frames, monkeypatch) -> None:
    from pipeline import incremental

    documents, extractions = seed_frames
    monkeypatch.setattr(incremental, "MERGE_BATCH_BLOCKS", 1)  # one block per batch: several batches for the pool
    single, _, _ = update_merged(None, extractions, documents, workers=1)
    pooled, merged_now, _ = update_merged(None, extractions, documents, workers=2)
    assert merged_now > 1
    for name in (*MERGED_TABLES, MERGE_INDEX):
        assert pooled[name].equals(single[name]), name

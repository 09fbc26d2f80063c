"""The benchmark measures what `make run` does, on corpora that are the same on every machine."""

from __future__ import annotations

import statistics
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from benchmarks.baselines import floor_pass, gazetteer_phrases
from benchmarks.chain import STAGES, run_chain
from benchmarks.corpus import document_name, ensure_corpus, generate_document, load_seeds
from pipeline.definitions import build_definitions
from pipeline.defs.resources import pipeline_resources
from pipeline.settings import PipelineSettings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CONTRACT_TABLES = ("documents", "segments", "meetings", "attendees", "proposals", "evidence", "rejected_documents")


def test_documents_depend_only_on_their_index() -> None:
    seeds = load_seeds(SEEDS)
    assert generate_document(seeds, 7) == generate_document(load_seeds(SEEDS), 7)
    assert generate_document(seeds, 7) != generate_document(seeds, 8)


def test_smaller_corpus_is_a_prefix_of_a_larger_one(tmp_path: Path) -> None:
    small, large = ensure_corpus(5, tmp_path, SEEDS), ensure_corpus(12, tmp_path, SEEDS)
    assert sorted(p.name for p in small.iterdir()) == [document_name(i) for i in range(5)]
    assert all((small / name).read_bytes() == (large / name).read_bytes() for name in (document_name(i) for i in range(5)))
    assert not (tmp_path / "docs-5.partial").exists()


def test_documents_are_about_three_kilobytes_and_distinct() -> None:
    seeds = load_seeds(SEEDS)
    texts = [generate_document(seeds, index) for index in range(200)]
    assert 2_000 < statistics.mean(len(t.encode()) for t in texts) < 4_000
    assert len(set(texts)) == len(texts)


def test_floor_counts_every_document_and_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One sentence. Two sentences! A third?", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Only one", encoding="utf-8")
    assert floor_pass(tmp_path) == {"documents": 2, "sentences": 4, "characters": 45}


def test_spacy_gets_the_pipeline_gazetteers() -> None:
    phrases = gazetteer_phrases()
    assert "Kazakhstan" in phrases["GPE"] and "CICA" in phrases["ORG"]


def test_pipeline_outside_dagster_publishes_what_dagster_publishes(tmp_path: Path) -> None:
    seconds, _ = run_chain(SEEDS, tmp_path / "chain", workers=1)
    assert set(seconds) == set(STAGES)
    settings = PipelineSettings(source_dir=str(SEEDS), data_dir=str(tmp_path / "dagster"), workers=1)
    job = build_definitions(pipeline_resources(settings)).resolve_implicit_global_asset_job_def()
    assert job.execute_in_process(instance=dg.DagsterInstance.ephemeral()).success
    for table in CONTRACT_TABLES:
        chain = pl.read_parquet(tmp_path / "chain" / "curated" / f"{table}.parquet")
        dagster = pl.read_parquet(tmp_path / "dagster" / "curated" / f"{table}.parquet")
        assert chain.equals(dagster), table


@pytest.mark.parametrize("workers", [2])
def test_worker_pool_gives_the_single_process_result(tmp_path: Path, workers: int) -> None:
    from pipeline.stages import SEGMENT_DTYPES, run_batched, segment_documents

    seeds = load_seeds(SEEDS)
    # 400 documents are 8 batches: more than the pool is sent at a time, so results come back in turns
    frame = pl.DataFrame({"doc_id": [f"d{i}" for i in range(400)],
                          "clean_text": [generate_document(seeds, i) for i in range(400)]})
    single = run_batched(segment_documents, frame, 1, SEGMENT_DTYPES)
    assert run_batched(segment_documents, frame, workers, SEGMENT_DTYPES).equals(single)

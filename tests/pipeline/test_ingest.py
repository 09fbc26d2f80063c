"""Ingest: every file becomes a document or a rejection with a reason; unchanged files are not read again."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from pipeline.ingest import accepted_sources, rejected_rows, scan_sources


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_identical_contents_under_two_names_are_one_document(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", b"Wang Yi attended the meeting.")
    _write(tmp_path, "b copy.txt", b"Wang Yi attended the meeting.")
    manifest = scan_sources(tmp_path, 1_000_000)
    assert accepted_sources(manifest).get_column("source_path").to_list() == ["a.txt"]
    rejected = rejected_rows(manifest)
    assert rejected.row(0, named=True)["reason"] == "duplicate"
    assert "a.txt" in rejected.row(0, named=True)["detail"]


def test_each_file_is_a_document_or_a_rejection(tmp_path: Path) -> None:
    _write(tmp_path, "ok.txt", "Foreign ministers met on Tuesday.".encode())
    _write(tmp_path, "empty.txt", b"   \n\t ")
    _write(tmp_path, "big.txt", b"x" * 2_000)
    _write(tmp_path, "nested/über news.txt", "Ministers met.".encode())
    manifest = scan_sources(tmp_path, 1_000)
    status = dict(manifest.select("source_path", "status").iter_rows())
    assert status == {"big.txt": "too_large", "empty.txt": "empty", "nested/über news.txt": "document", "ok.txt": "document"}
    assert all(manifest.filter(pl.col("status") != "document").get_column("detail").str.len_chars() > 20)


def test_symlink_out_of_the_source_folder_is_rejected_not_read(tmp_path: Path) -> None:
    outside = _write(tmp_path, "secret.txt", b"outside text")
    sources = tmp_path / "sources"
    sources.mkdir()
    os.symlink(outside, sources / "link.txt")
    manifest = scan_sources(sources, 1_000)
    row = manifest.row(0, named=True)
    assert (row["status"], row["text"]) == ("symlink_outside_source", None)


def test_doc_id_is_the_content_hash_not_the_name(tmp_path: Path) -> None:
    _write(tmp_path, "one.txt", b"Same words.")
    first = scan_sources(tmp_path, 1_000).row(0, named=True)["doc_id"]
    (tmp_path / "one.txt").rename(tmp_path / "two.txt")
    assert scan_sources(tmp_path, 1_000).row(0, named=True)["doc_id"] == first


def test_unchanged_files_are_reused_from_the_previous_manifest(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", b"Original words.")
    previous = scan_sources(tmp_path, 1_000)
    # a different text under the same path, size and mtime can only come from the previous manifest
    forged = previous.with_columns(pl.lit("from the previous run").alias("text"))
    assert scan_sources(tmp_path, 1_000, forged).row(0, named=True)["text"] == "from the previous run"
    path.write_bytes(b"Changed words!!")
    os.utime(path, ns=(1, 1))
    assert scan_sources(tmp_path, 1_000, forged).row(0, named=True)["text"] == "Changed words!!"


def test_missing_source_folder_is_a_clear_error(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(FileNotFoundError, match="PIPELINE_SOURCE_DIR"):
        scan_sources(tmp_path / "nowhere", 1_000)

"""Bad input: every kind of file the issue lists is processed or rejected with a specific reason, and none stops the run."""

from __future__ import annotations

import os
import threading
import time
import tracemalloc
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline import ingest
from pipeline.ingest import DEFAULT_MAX_FILE_BYTES, list_source_files, read_source_file, scan_sources
from schemas.documents import RejectedDocumentsSchema

from .support import ARTICLE, NO_MEETING_ARTICLE, RUNS_AS_ROOT, UNDATED_MEETING_ARTICLE, failed_checks, run_graph

REASONS = set(RejectedDocumentsSchema.to_schema().columns["reason"].checks[0].statistics["allowed_values"])


def _status(folder: Path, name: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> dict[str, object]:
    manifest = scan_sources(folder, max_bytes)
    rows = {row["source_path"]: row for row in manifest.iter_rows(named=True)}
    return rows[name]


def _deny_reading(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make `path` unreadable: real permissions for a normal user; root ignores them, so the open is refused instead."""
    os.chmod(path, 0)
    if RUNS_AS_ROOT:
        real_open = os.open

        def refusing_open(target: object, *args: object, **kwargs: object) -> int:
            if Path(str(target)) == path:
                raise PermissionError(13, "Permission denied", str(target))
            return real_open(target, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(ingest.os, "open", refusing_open)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\r\n \xc2\xa0\n\xe3\x80\x80 ", "empty"),
    ("random.bin", bytes(range(256)) * 64, "not_text"),
    ("nul.txt", b"Wang Yi\x00met\x00Lavrov. " * 40, "not_text"),
    ("scan.pdf", b"%PDF-1.7\n" + ARTICLE.encode(), "not_text"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "not_text"),
    ("html-shell.html", b"<!DOCTYPE html><html><head><script>var a=1;</script></head><body></body></html>", "empty"),
])
def test_unusable_file_is_rejected_with_its_reason(sources: Path, name: str, data: bytes, reason: str) -> None:
    (sources / name).write_bytes(data)
    row = _status(sources, name)
    assert (row["status"], row["text"]) == (reason, None)
    assert name in str(row["detail"]) and len(str(row["detail"])) > 30


@pytest.mark.parametrize(("name", "data", "encoding"), [
    ("utf16-bom.txt", ARTICLE.encode("utf-16"), "utf-16"),
    ("utf16-be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
    ("utf8-bom.txt", ARTICLE.encode("utf-8-sig"), "utf-8-sig"),
    ("windows.txt", ARTICLE.encode("cp1252"), "cp1252"),
])
def test_text_in_other_encodings_is_decoded_exactly(sources: Path, name: str, data: bytes, encoding: str) -> None:
    (sources / name).write_bytes(data)
    row = _status(sources, name)
    assert (row["status"], row["encoding"], row["text"]) == ("document", encoding, ARTICLE)


def test_chinese_gb18030_text_is_decoded(sources: Path) -> None:
    text = "中华人民共和国外交部发言人表示，双方同意在上海合作组织框架内加强合作。\n" * 10
    (sources / "gb.txt").write_bytes(text.encode("gb18030"))
    row = _status(sources, "gb.txt")
    assert (row["status"], row["text"]) == ("document", text)


def test_english_article_in_gb18030_with_a_chinese_dateline_is_decoded(sources: Path) -> None:
    text = "北京5月13日电 " + ARTICLE.replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-")
    (sources / "gb-mixed.txt").write_bytes(text.encode("gb18030"))
    row = _status(sources, "gb-mixed.txt")
    assert (row["status"], row["text"]) == ("document", text)


def test_invalid_utf8_is_processed_or_rejected_never_fatal(sources: Path) -> None:
    raw = ARTICLE.encode()
    (sources / "broken-utf8.txt").write_bytes(raw[:60] + b"\xff\xfe\xc3" + raw[60:])
    (sources / "garbage.txt").write_bytes(b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 300)
    for name in ("broken-utf8.txt", "garbage.txt"):
        row = _status(sources, name)
        assert row["status"] in {"document", "undecodable", "not_text"}
        assert (row["text"] is None) == (row["status"] != "document")


def test_utf8_article_with_a_few_stray_bytes_keeps_its_text(sources: Path) -> None:
    raw = ARTICLE.encode()
    (sources / "broken-utf8.txt").write_bytes(raw[:60] + b"\xff" + raw[60:])
    row = _status(sources, "broken-utf8.txt")
    assert row["status"] == "document" and "\u201cWe must stand together,\u201d" in str(row["text"])
    assert str(row["text"]).replace("\ufffd", "", 1) == ARTICLE  # the stray byte is marked, nothing else changes


def test_html_page_is_reduced_to_its_article(sources: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:])
    page = (f"<!DOCTYPE html><html><head><title>SCO foreign ministers hold video conference</title></head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>SCO foreign ministers hold video "
            f"conference</h1>{paragraphs}</article><footer>Copyright 2020 Xinhua. All rights reserved.</footer></body></html>")
    (sources / "page.html").write_text(page, encoding="utf-8")
    row = _status(sources, "page.html")
    assert row["status"] == "document"
    assert "Wang Yi attended a video conference" in str(row["text"])
    assert "<p>" not in str(row["text"]) and "All rights reserved" not in str(row["text"])


def test_fifty_megabyte_file_is_rejected_without_being_read(sources: Path) -> None:
    with open(sources / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk, but a read would cost 50 MB of memory
    tracemalloc.start()
    row = _status(sources, "huge.txt")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert row["status"] == "too_large" and "PIPELINE_MAX_FILE_BYTES" in str(row["detail"])
    assert peak < 5 * 1024 * 1024


def test_single_five_megabyte_line_is_rejected_quickly(sources: Path) -> None:
    (sources / "dump.txt").write_bytes(ARTICLE.replace("\n", " ").encode() * 11_000)
    started = time.monotonic()
    row = _status(sources, "dump.txt", max_bytes=8 * 1024 * 1024)  # over the default size limit: the line rule alone
    assert row["status"] == "line_too_long" and "4,851,000 characters" in str(row["detail"])
    assert time.monotonic() - started < 30


def test_long_article_with_paragraphs_is_a_document(sources: Path) -> None:
    (sources / "long.txt").write_text("\n\n".join([ARTICLE] * 2_000), encoding="utf-8")
    assert _status(sources, "long.txt")["status"] == "document"


def test_file_growing_past_the_limit_while_read_is_rejected(sources: Path) -> None:
    path = sources / "growing.txt"
    path.write_bytes(b"x" * 100)
    [listed] = list_source_files(sources)
    path.write_bytes(b"x" * 5_000)
    assert read_source_file(listed, 1_000)["status"] == "too_large"


def test_symlink_out_of_the_folder_is_not_followed(sources: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE)
    os.symlink(secret, sources / "link.txt")
    os.symlink(tmp_path, sources / "linked-folder")
    os.symlink(sources / "missing.txt", sources / "dangling.txt")
    manifest = scan_sources(sources, DEFAULT_MAX_FILE_BYTES)
    status = dict(manifest.select("source_path", "status").iter_rows())
    assert status == {"link.txt": "symlink_outside_source", "linked-folder": "not_a_regular_file", "dangling.txt": "broken_link"}
    assert manifest.get_column("text").null_count() == 3


def test_symlink_inside_the_folder_is_a_duplicate_of_its_target(sources: Path) -> None:
    (sources / "article.txt").write_text(ARTICLE)
    os.symlink("article.txt", sources / "alias.txt")
    status = dict(scan_sources(sources, DEFAULT_MAX_FILE_BYTES).select("source_path", "status").iter_rows())
    assert status == {"alias.txt": "document", "article.txt": "duplicate"}


def test_named_pipe_is_rejected_without_blocking(sources: Path) -> None:
    os.mkfifo(sources / "pipe.txt")  # opening it for reading the usual way would wait for ever for a writer
    started = time.monotonic()
    row = _status(sources, "pipe.txt")
    assert row["status"] == "not_a_regular_file" and time.monotonic() - started < 5


def test_unreadable_file_is_rejected(sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sources / "locked.txt"
    path.write_text(ARTICLE)
    _deny_reading(monkeypatch, path)
    row = _status(sources, "locked.txt")
    assert row["status"] == "unreadable" and "permission" in str(row["detail"]).lower()


def test_file_deleted_between_listing_and_reading_is_rejected(sources: Path) -> None:
    path = sources / "gone.txt"
    path.write_text(ARTICLE)
    [listed] = list_source_files(sources)
    path.unlink()
    assert read_source_file(listed, DEFAULT_MAX_FILE_BYTES)["status"] == "unreadable"


def test_unlistable_sub_folder_is_reported_not_skipped(sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = sources / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(ARTICLE)
    os.chmod(locked, 0)
    if RUNS_AS_ROOT:  # root lists any folder; the listing is refused the way the kernel refuses it to a user
        real_scandir = os.scandir

        def refusing_scandir(target: object = ".") -> object:
            if Path(str(target)) == locked:
                raise PermissionError(13, "Permission denied", str(target))
            return real_scandir(target)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", refusing_scandir)
    try:
        row = _status(sources, "locked")
    finally:
        os.chmod(locked, 0o755)
    assert row["status"] == "unreadable"


def test_unreadable_file_is_read_again_once_fixed(sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sources / "locked.txt"
    path.write_text(ARTICLE)
    with monkeypatch.context() as patched:
        _deny_reading(patched, path)
        first = scan_sources(sources, DEFAULT_MAX_FILE_BYTES)
    os.chmod(path, 0o644)  # a chmod leaves size and mtime alone, so the cached row must not be trusted
    assert scan_sources(sources, DEFAULT_MAX_FILE_BYTES, first).row(0, named=True)["status"] == "document"


def test_raised_size_limit_admits_a_file_rejected_before(sources: Path) -> None:
    (sources / "long.txt").write_text(ARTICLE)
    first = scan_sources(sources, 100)
    assert scan_sources(sources, DEFAULT_MAX_FILE_BYTES, first).row(0, named=True)["status"] == "document"


def test_same_content_under_two_names_is_one_document(sources: Path) -> None:
    (sources / "b.txt").write_text(ARTICLE)
    (sources / "a copy.txt").write_text(ARTICLE)
    manifest = scan_sources(sources, DEFAULT_MAX_FILE_BYTES)
    assert dict(manifest.select("source_path", "status").iter_rows()) == {"a copy.txt": "document", "b.txt": "duplicate"}


def test_file_changed_between_listing_and_reading_is_rejected_then_read_next_time(sources: Path) -> None:
    path = sources / "draft.txt"
    path.write_text(ARTICLE)
    [listed] = list_source_files(sources)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("An editor is still saving this file.\n")
    os.utime(path, ns=(listed.mtime_ns + 1_000_000, listed.mtime_ns + 1_000_000))
    row = read_source_file(listed, DEFAULT_MAX_FILE_BYTES)
    assert (row["status"], row["text"]) == ("changed_while_reading", None)
    assert _status(sources, "draft.txt")["status"] == "document"


def test_file_appended_to_during_scans_never_breaks_a_scan(sources: Path) -> None:
    path = sources / "live.txt"
    path.write_text(ARTICLE * 2000)
    stop = threading.Event()

    def keep_appending() -> None:
        while not stop.is_set() and path.stat().st_size < 4_000_000:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("More words arrive.\n" * 50)

    writer = threading.Thread(target=keep_appending)
    writer.start()
    try:
        rows = [scan_sources(sources, DEFAULT_MAX_FILE_BYTES).row(0, named=True) for _ in range(20)]
    finally:
        stop.set()
        writer.join()
    final = path.read_text(encoding="utf-8")
    for row in rows:
        assert row["status"] in {"document", "changed_while_reading"}, row["detail"]
        if row["status"] == "document":  # the file as it was at one moment, never a mix of two moments
            assert final.startswith(str(row["text"]))


def test_file_names_with_spaces_non_ascii_and_invalid_bytes_are_ingested(sources: Path) -> None:
    (sources / "Ünïcödé name 北京 report.txt").write_text(ARTICLE)
    (sources / os.fsdecode(b"latin1 caf\xe9.txt")).write_text(NO_MEETING_ARTICLE)
    manifest = scan_sources(sources, DEFAULT_MAX_FILE_BYTES)
    assert dict(manifest.select("source_path", "status").iter_rows()) == {
        "latin1 caf\\xe9.txt": "document", "Ünïcödé name 北京 report.txt": "document"}


def test_crash_while_decoding_one_file_becomes_a_rejection(sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (sources / "a.txt").write_text(ARTICLE)
    (sources / "b.txt").write_text(NO_MEETING_ARTICLE)

    def fragile_decode(raw: bytes) -> object:
        if raw.startswith(b"Spring"):
            raise RecursionError("the parser gave up on " + raw.decode())
        return real_decode(raw)

    real_decode = ingest.decode_source
    monkeypatch.setattr(ingest, "decode_source", fragile_decode)
    status = dict(scan_sources(sources, DEFAULT_MAX_FILE_BYTES).select("source_path", "status").iter_rows())
    detail = _status(sources, "b.txt")["detail"]
    assert status == {"a.txt": "document", "b.txt": "undecodable"}
    assert "RecursionError" in str(detail) and "Spring rains" not in str(detail)


def _bad_input_folder(folder: Path, outside: Path) -> dict[str, str]:
    """Every bad input of the issue next to good articles; returns the expected status of each file."""
    files: dict[str, tuple[bytes, str]] = {
        "good.txt": (ARTICLE.encode(), "document"),
        "no meeting.txt": (NO_MEETING_ARTICLE.encode(), "document"),
        "undated meeting.txt": (UNDATED_MEETING_ARTICLE.encode(), "document"),
        "same as good.txt": (ARTICLE.encode(), "duplicate"),
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"\n  \t\n", "empty"),
        "binary.bin": (bytes(range(256)) * 16, "not_text"),
        "nul.txt": (b"a\x00b\x00c" * 100, "not_text"),
        "utf16.txt": (ARTICLE.replace("Wednesday", "Thursday").encode("utf-16"), "document"),
        "gb18030.txt": (("外交部发言人表示双方同意加强合作。" * 20).encode("gb18030"), "document"),
        "cp1252.txt": (ARTICLE.replace("Wednesday", "Friday").encode("cp1252"), "document"),
        "page.html": (b"<!DOCTYPE html><html><head><title>Talks</title></head><body><article><p>"
                      + UNDATED_MEETING_ARTICLE.replace("Moscow", "Minsk").encode() + b"</p></article></body></html>", "document"),
        "naïve 北京 name.txt": (ARTICLE.replace("Wednesday", "Monday").encode(), "document"),
        "one long line.txt": (ARTICLE.replace("\n", " ").encode() * 8_000, "line_too_long"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (outside / "outside.txt").write_text(ARTICLE.replace("Wednesday", "Tuesday"))
    os.symlink(outside / "outside.txt", folder / "link out.txt")
    os.mkfifo(folder / "pipe")
    expected = {name: status for name, (_, status) in files.items()}
    return {**expected, "huge.txt": "too_large", "link out.txt": "symlink_outside_source", "pipe": "not_a_regular_file"}


def test_run_on_every_bad_input_succeeds_and_accounts_for_each_file(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    expected = _bad_input_folder(sources, tmp_path)
    data = tmp_path / "data"
    started = time.monotonic()
    result = run_graph(sources, data)
    elapsed = time.monotonic() - started
    assert result.success and not failed_checks(result), failed_checks(result)
    documents = pl.from_arrow(pq.read_table(data / "curated" / "documents.parquet"))
    rejected = pl.from_arrow(pq.read_table(data / "curated" / "rejected_documents.parquet"))
    outcome = {**{p: "document" for p in documents.get_column("source_path")}, **dict(rejected.select("source_path", "reason").iter_rows())}
    assert outcome == expected
    assert set(rejected.get_column("reason")) <= REASONS
    assert rejected.get_column("detail").str.len_chars().min() > 30
    # an article without a meeting is an ordinary document; an undated meeting keeps its row with no date
    meetings = pl.from_arrow(pq.read_table(data / "curated" / "meetings.parquet"))
    doc_of = dict(documents.select("source_path", "doc_id").iter_rows())
    reported = set(meetings.get_column("source_doc_ids").explode().drop_nulls())
    assert doc_of["no meeting.txt"] not in reported
    undated = meetings.filter(pl.col("source_doc_ids").list.contains(doc_of["undated meeting.txt"]))
    assert undated.height >= 1
    assert undated.select((pl.col("date").is_null() == (pl.col("date_source") == "unknown")).all()).item()
    assert elapsed < 300, f"bounded time: {elapsed:.0f}s"

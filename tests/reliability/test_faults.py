"""Faults: a killed publish, a failed validation, a full or read-only disk and a second run never damage the last release."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline import checks, parquet
from pipeline.lock import DataRootBusy, DataRootLock, DataRootNotWritable
from pipeline.release import ReleaseBlocked, publish_release, verify_release

from .support import ARTICLE, SEEDS, failed_checks, run_graph
from .tables import synthetic_tables

CHILD = Path(__file__).with_name("publish_child.py")
KILL_ROUNDS = 12
ROWS = 3_000


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _child(data: Path, seed: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), str(data), str(seed), str(ROWS), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_publish_killed_at_random_points_leaves_a_complete_release(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = publish_release(synthetic_tables(1, ROWS), data, "code")
    expected_second = publish_release(synthetic_tables(2, ROWS), tmp_path / "reference", "code").name
    started = time.monotonic()
    child = _child(tmp_path / "timing", 2)
    assert child.communicate(timeout=120)[0].splitlines()[-1].startswith("published")
    duration = time.monotonic() - started
    rng = random.Random(4)
    outcomes = set()
    for _ in range(KILL_ROUNDS):
        child = _child(data, 2)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, duration))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        curated = (data / "curated").resolve()
        assert curated.name in {first.name, expected_second}
        assert verify_release(curated) == []
        assert pq.read_table(curated / "documents.parquet").num_rows == ROWS
        outcomes.add(curated.name)
        # the next run succeeds and gives the right result; then the first release is restored for the next round
        assert publish_release(synthetic_tables(2, ROWS), data, "code").name == expected_second
        assert verify_release(data / "curated") == []
        publish_release(synthetic_tables(1, ROWS), data, "code")
    assert not (data / "releases" / ".incoming").exists()


def test_failed_validation_publishes_nothing(tmp_path: Path) -> None:
    good = publish_release(synthetic_tables(1, 20), tmp_path, "code")
    before = _snapshot(tmp_path / "curated")
    tables = synthetic_tables(2, 20)
    long_text = "Paragraph of an article that must never be printed whole. " * 50
    tables["segments"] = tables["segments"].with_columns(pl.lit(-5).cast(pl.Int32).alias("start"), pl.lit(long_text).alias("text"))
    tables["meetings"] = pl.DataFrame([{
        "meeting_id": "m1", "name": "Talks", "organization": None, "organization_name": None, "level": "cosmic",
        "date": None, "date_source": "unknown", "edition": None, "format": "unknown", "chair_name": None,
        "chair_country": None, "outcome_documents": [], "source_doc_ids": ["x"]}], schema=tables["meetings"].schema)
    with pytest.raises(ReleaseBlocked) as blocked:
        publish_release(tables, tmp_path, "code")
    message = str(blocked.value)
    assert "meetings" in message and "level" in message and "segments" in message and "start" in message
    assert long_text[:200] not in message and len(message) < 2_000
    assert (tmp_path / "curated").resolve() == good.resolve() and _snapshot(tmp_path / "curated") == before


@pytest.fixture(scope="module")
def seeds_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data root holding a good release of the seeds."""
    data = tmp_path_factory.mktemp("seeds") / "data"
    result = run_graph(SEEDS, data)
    assert result.success and not failed_checks(result)
    return data


def _copy_data_root(seeds_release: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(seeds_release, data, symlinks=True)
    return data


def test_table_failing_validation_in_the_graph_blocks_the_whole_release(seeds_release: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.defs import curate

    data = _copy_data_root(seeds_release, tmp_path)
    before = (data / "curated").resolve(), _snapshot(data / "curated")
    real_merge = curate.update_merged

    def merge_with_a_bad_row(*args: object, **kwargs: object) -> tuple[dict[str, pl.DataFrame], int, int]:
        tables, merged_now, reused = real_merge(*args, **kwargs)
        tables["meetings"] = tables["meetings"].with_columns(level=pl.lit("not-a-level"))
        return tables, merged_now, reused

    monkeypatch.setattr(curate, "update_merged", merge_with_a_bad_row)
    result = run_graph(SEEDS, data)
    assert not result.success
    assert dg.AssetKey(["curated", "release"]) not in {m.asset_key for m in result.get_asset_materialization_events()
                                                        for m in [m.event_specific_data.materialization]}
    assert ((data / "curated").resolve(), _snapshot(data / "curated")) == before


def test_failing_blocking_check_blocks_the_release(seeds_release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _copy_data_root(seeds_release, tmp_path)
    before = (data / "curated").resolve(), _snapshot(data / "curated")
    monkeypatch.setattr(checks, "offsets_slice_correctly", lambda *args: (False, {"mismatched": 1}))
    result = run_graph(SEEDS, data)
    assert not result.success and "segment_offsets_slice_text" in failed_checks(result)
    assert ((data / "curated").resolve(), _snapshot(data / "curated")) == before


def _failing_write(monkeypatch: pytest.MonkeyPatch, code: int, after_calls: int) -> None:
    """The n-th Parquet write onwards fails the way the kernel fails it (ENOSPC, EROFS)."""
    real_write = parquet.pq.write_table
    calls = {"n": 0}

    def write_table(table: object, where: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] > after_calls:
            with open(str(where), "wb") as handle:
                handle.write(b"PAR1 half a file")
            raise OSError(code, os.strerror(code))
        real_write(table, where, **kwargs)

    monkeypatch.setattr(parquet.pq, "write_table", write_table)


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "No space left on device"), (errno.EROFS, "Read-only file system")])
def test_refused_write_names_the_path_and_keeps_the_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           code: int, words: str) -> None:
    good = publish_release(synthetic_tables(1, 50), tmp_path, "code")
    before = _snapshot(tmp_path / "curated")
    _failing_write(monkeypatch, code, after_calls=2)
    with pytest.raises(DataRootNotWritable) as refused:
        publish_release(synthetic_tables(2, 50), tmp_path, "code")
    message = str(refused.value)
    assert words in message and str(tmp_path / "releases" / ".incoming") in message and "unchanged" in message
    assert (tmp_path / "curated").resolve() == good.resolve() and _snapshot(tmp_path / "curated") == before
    assert not (tmp_path / "releases" / ".incoming").exists()
    monkeypatch.undo()
    assert verify_release(publish_release(synthetic_tables(2, 50), tmp_path, "code")) == []


def test_full_disk_during_a_run_fails_it_with_the_path_and_keeps_the_release(seeds_release: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    data = _copy_data_root(seeds_release, tmp_path)
    before = (data / "curated").resolve(), _snapshot(data / "curated")
    _failing_write(monkeypatch, errno.ENOSPC, after_calls=3)
    result = run_graph(SEEDS, data, reuse_cache=False)
    assert not result.success
    failures = [e.step_failure_data.error for e in result.all_events if e.is_step_failure]
    messages = [(error.cause or error).message if error else "" for error in failures]
    assert any("No space left on device" in m and str(data / "staging") in m for m in messages), messages
    assert ((data / "curated").resolve(), _snapshot(data / "curated")) == before
    assert not list((data / "staging").glob(".*.tmp"))


def test_file_size_limit_of_the_kernel_fails_the_publish_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = publish_release(synthetic_tables(1, ROWS), data, "code")
    before = _snapshot(data / "curated")
    child = _child(data, 2, str(64 * 1024))  # RLIMIT_FSIZE: the kernel refuses to grow any file past 64 KB
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 3, out
    assert "File too large" in out and str(data / "releases" / ".incoming") in out
    assert (data / "curated").resolve() == good.resolve() and _snapshot(data / "curated") == before


def _in_tmpfs(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run a Python snippet in a private mount namespace with a 1 MB tmpfs at tmp_path/mnt (real ENOSPC and EROFS)."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        # a kernel permission (containers often forbid user namespaces), not software CI could install: skip, never fail
        pytest.skip("unshare -rm (user and mount namespaces) is not permitted here; the injected ENOSPC/EROFS and "
                    "RLIMIT_FSIZE tests cover the same code")
    mount = tmp_path / "mnt"
    mount.mkdir()
    program = (f"import sys; sys.path[:0] = {[str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]!r}\n"
               + script)
    shell = f"mount -t tmpfs -o size=1m tmpfs {mount} && exec {sys.executable} -c \"$0\""
    return subprocess.run(["unshare", "-rm", "sh", "-c", shell, program], capture_output=True, text=True, timeout=300)


REAL_DISK_SCRIPT = """
import subprocess
from pathlib import Path
from reliability.tables import synthetic_tables
from pipeline.lock import DataRootNotWritable
from pipeline.release import publish_release, verify_release
data = Path({mount!r}) / "data"
good = publish_release(synthetic_tables(1, 20), data, "code")
before = {{p.name: p.read_bytes() for p in (data / "curated").iterdir()}}
{prepare}
try:
    publish_release(synthetic_tables(2, {rows}), data, "code")
    print("NO ERROR")
except DataRootNotWritable as error:
    print("ERROR", error)
assert (data / "curated").resolve() == good.resolve(), "curated moved"
assert {{p.name: p.read_bytes() for p in (data / "curated").iterdir()}} == before, "curated changed"
assert verify_release(data / "curated") == []
print("INTACT")
"""


def test_real_full_disk_keeps_the_release(tmp_path: Path) -> None:
    script = REAL_DISK_SCRIPT.format(mount=str(tmp_path / "mnt"), rows=4_000, prepare="")
    done = _in_tmpfs(tmp_path, script)
    assert "ERROR cannot write" in done.stdout and "No space left on device" in done.stdout, done.stdout + done.stderr
    assert "INTACT" in done.stdout, done.stderr


def test_real_read_only_data_root_keeps_the_release(tmp_path: Path) -> None:
    mount = tmp_path / "mnt"
    prepare = f"subprocess.run(['mount', '-o', 'remount,ro', {str(mount)!r}], check=True)"
    done = _in_tmpfs(tmp_path, REAL_DISK_SCRIPT.format(mount=str(mount), rows=20, prepare=prepare))
    assert "ERROR cannot" in done.stdout and "Read-only file system" in done.stdout, done.stdout + done.stderr
    assert str(mount / "data") in done.stdout and "INTACT" in done.stdout, done.stderr


def test_lock_refuses_a_second_owner_with_a_clear_message(tmp_path: Path) -> None:
    with DataRootLock(tmp_path, owner="run-a"):
        with pytest.raises(DataRootBusy, match="another run is writing to the data root") as busy:
            DataRootLock(tmp_path, owner="run-b").acquire()
        assert str(tmp_path) in str(busy.value) and "run-a" in str(busy.value)
        with DataRootLock(tmp_path, owner="run-a") as sibling:  # a step of the same run in another process joins
            assert sibling.held
    with DataRootLock(tmp_path, owner="run-b") as later:
        assert later.held


def test_lock_of_a_killed_run_is_released_by_the_kernel(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; sys.path.insert(0, sys.argv[2]); from pipeline.lock import DataRootLock; "
        "lock = DataRootLock(__import__('pathlib').Path(sys.argv[1]), owner='doomed'); lock.acquire(); "
        "print('held', flush=True); time.sleep(60)"), str(tmp_path), str(Path(__file__).resolve().parents[2])],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(DataRootBusy, match="doomed"):
        DataRootLock(tmp_path, owner="next").acquire()
    holder.kill()
    holder.wait(timeout=30)
    with DataRootLock(tmp_path, owner="next") as lock:
        assert lock.held


def test_run_on_a_locked_data_root_stops_before_writing(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(ARTICLE)
    data = tmp_path / "data"
    with DataRootLock(data, owner="other run"):
        result = run_graph(sources, data)
    assert not result.success
    assert sorted(p.name for p in data.iterdir()) == [".lock", ".lock.guard", ".lock.owner"]
    assert run_graph(sources, data).success  # the lock is free again once the holder is done


def test_two_runs_at_once_never_interleave(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for index in range(3):
        (sources / f"a{index}.txt").write_text(ARTICLE.replace("Wednesday", f"day {index}"))
    data = tmp_path / "data"
    results: list[dg.ExecuteInProcessResult] = []
    runs = [threading.Thread(target=lambda: results.append(run_graph(sources, data))) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert any(r.success for r in results)
    for failed in (r for r in results if not r.success):
        errors = [str(e.event_specific_data) for e in failed.all_events if e.event_type_value in ("RUN_FAILURE", "RESOURCE_INIT_FAILURE", "ENGINE_EVENT")]
        assert any("another run is writing to the data root" in e for e in errors)
    assert verify_release(data / "curated") == []


RUN_PROGRAM = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]); "
               "from reliability.support import run_graph; "
               "print('started', flush=True); sys.exit(0 if run_graph(Path(sys.argv[1]), Path(sys.argv[2])).success else 1)")


def test_whole_run_killed_at_random_points_then_rerun_gives_the_right_release(seeds_release: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    tests_root = str(Path(__file__).resolve().parents[1])
    rng = random.Random(7)
    for delay in (rng.uniform(2, 6), rng.uniform(6, 12)):  # import and ingest; text, extraction and publishing
        child = subprocess.Popen([sys.executable, "-c", RUN_PROGRAM, str(SEEDS), str(data), tests_root],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "started"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        if (data / "curated").exists():
            assert verify_release(data / "curated") == []
    result = run_graph(SEEDS, data)
    assert result.success and not failed_checks(result)
    reference = {p.name: p.read_bytes() for p in [*(seeds_release / "curated").glob("*.parquet"), seeds_release / "curated" / "datapackage.json"]}
    assert {name: (data / "curated" / name).read_bytes() for name in reference} == reference

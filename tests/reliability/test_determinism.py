"""Determinism and integrity: the same input gives the same bytes and ids whatever the order, time zone, machine state or cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.release import verify_release
from schemas import PRIMARY_KEYS

from .support import SEEDS, failed_checks, run_graph

TESTS_ROOT = Path(__file__).resolve().parents[1]
ID_COLUMNS = {"documents": "doc_id", "segments": "segment_id", "meetings": "meeting_id", "attendees": "attendee_id",
              "proposals": "proposal_id"}


def _files(data: Path) -> dict[str, bytes]:
    """The published tables and datapackage.json (companion documents such as a change log may differ by history)."""
    curated = data / "curated"
    return {p.name: p.read_bytes() for p in sorted([*curated.glob("*.parquet"), curated / "datapackage.json"])}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("reference") / "data"
    result = run_graph(SEEDS, data)
    assert result.success and not failed_checks(result)
    return data


def test_release_hashes_match_the_files(reference: Path) -> None:
    assert verify_release(reference / "curated") == []
    package = json.loads((reference / "curated" / "datapackage.json").read_text())
    assert {r["name"] for r in package["resources"]} == set(PRIMARY_KEYS)


def test_hash_check_finds_a_changed_or_missing_file(reference: Path, tmp_path: Path) -> None:
    copy = tmp_path / "release"
    shutil.copytree((reference / "curated").resolve(), copy)
    meetings = copy / "meetings.parquet"
    data = bytearray(meetings.read_bytes())
    data[len(data) // 2] ^= 0xFF
    meetings.write_bytes(bytes(data))
    (copy / "evidence.parquet").unlink()
    problems = verify_release(copy)
    assert any("meetings" in p and "sha256" in p for p in problems) and any("evidence" in p and "missing" in p for p in problems)


def test_second_run_in_another_process_time_zone_and_folder_gives_identical_bytes(reference: Path, tmp_path: Path) -> None:
    sources = tmp_path / "elsewhere" / "input files"
    sources.mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir(), reverse=True):  # created in the opposite order: a different directory order
        shutil.copy2(seed, sources / seed.name)
    data = tmp_path / "other data root"
    env = {**os.environ, "TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "12345"}
    program = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]); "
               "from reliability.support import run_graph; "
               "sys.exit(0 if run_graph(Path(sys.argv[1]), Path(sys.argv[2]), workers=2).success else 1)")
    done = subprocess.run([sys.executable, "-c", program, str(sources), str(data), str(TESTS_ROOT)],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert _files(data) == _files(reference)


def test_rerun_from_cache_and_full_rebuild_give_identical_bytes(reference: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(reference, data, symlinks=True)
    assert run_graph(SEEDS, data).success
    assert _files(data) == _files(reference)
    assert run_graph(SEEDS, data, reuse_cache=False).success
    assert _files(data) == _files(reference)


def test_ids_do_not_depend_on_file_names_or_order(reference: Path, tmp_path: Path) -> None:
    sources = tmp_path / "renamed"
    sources.mkdir()
    for index, seed in enumerate(sorted(SEEDS.iterdir(), reverse=True)):
        shutil.copy(seed, sources / f"{index:02d} renamed {seed.stem[::-1]}.txt")
    data = tmp_path / "data"
    assert run_graph(sources, data).success
    for table, column in ID_COLUMNS.items():
        before = pq.read_table(reference / "curated" / f"{table}.parquet").column(column).to_pylist()
        after = pq.read_table(data / "curated" / f"{table}.parquet").column(column).to_pylist()
        assert sorted(after) == sorted(before), table

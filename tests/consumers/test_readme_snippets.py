"""The README's 'Using the data' snippets run against a fresh materialization, and the four libraries agree."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import SeedsRun
from .support import PROJECT_ROOT

SECTION = "## Using the data"
QUESTIONS = ("per_body_year", "co_attendance", "topics_by_year")
LIBRARIES = ("polars", "duckdb", "pandas", "pyarrow")


def readme_snippets() -> list[str]:
    """The Python code blocks of the README's 'Using the data' section, in order."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def _rows(result: Any) -> list[tuple]:
    """Rows of a Polars/pandas frame, a DuckDB relation or an Arrow table as tuples of plain Python values."""
    if hasattr(result, "fetchall"):
        rows = result.fetchall()
    elif hasattr(result, "itertuples"):
        rows = list(result.itertuples(index=False, name=None))
    elif hasattr(result, "to_pylist"):
        rows = [tuple(row.values()) for row in result.to_pylist()]
    else:
        rows = result.rows()
    return [tuple(v.item() if hasattr(v, "item") else v for v in row) for row in rows]


@pytest.fixture(scope="module")
def snippet_results(seeds_run: SeedsRun, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Each snippet run in a folder where `data/` is the fresh materialization, as a user runs it after `make run`."""
    workdir = tmp_path_factory.mktemp("reader")
    (workdir / "data").symlink_to(seeds_run.data_root, target_is_directory=True)
    results: dict[str, dict[str, Any]] = {}
    cwd = Path.cwd()
    os.chdir(workdir)
    try:
        for number, code in enumerate(readme_snippets()):
            namespace: dict[str, Any] = {"__name__": f"readme_snippet_{number}"}
            exec(compile(code, f"README.md snippet {number}", "exec"), namespace)  # noqa: S102 - our own README
            library = next((name for name in LIBRARIES if re.search(rf"^import {name}\b", code, flags=re.M)), f"snippet {number}")
            # DuckDB relations are lazy and read relative paths when fetched: fetch while in the reader's folder
            results[library] = namespace | {f"{q}_rows": _rows(namespace[q]) for q in QUESTIONS if q in namespace}
    finally:
        os.chdir(cwd)
    return results


def test_every_library_has_a_snippet(snippet_results: dict[str, dict[str, Any]]) -> None:
    assert set(LIBRARIES) <= set(snippet_results)
    for library in LIBRARIES:
        assert set(QUESTIONS) <= set(snippet_results[library]), library


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_four_libraries_give_the_same_answer(snippet_results: dict[str, dict[str, Any]], question: str) -> None:
    answers = {library: snippet_results[library][f"{question}_rows"] for library in LIBRARIES}
    assert answers["polars"], f"{question} is empty on the seeds"
    for library in LIBRARIES[1:]:
        assert answers[library] == answers["polars"], library


def test_answers_match_a_count_by_hand(seeds_run: SeedsRun, snippet_results: dict[str, dict[str, Any]]) -> None:
    import pyarrow.parquet as pq

    curated = seeds_run.data_root / "curated"
    meetings = pq.read_table(curated / "meetings.parquet").to_pylist()
    attendees = pq.read_table(curated / "attendees.parquet").to_pylist()
    proposals = pq.read_table(curated / "proposals.parquet").to_pylist()
    years = {m["meeting_id"]: m["date"].year for m in meetings if m["date"]}
    per_body_year = Counter((m["organization"] or "(none)", years[m["meeting_id"]]) for m in meetings if m["date"])
    assert sorted(snippet_results["polars"]["per_body_year_rows"]) == sorted((b, y, n) for (b, y), n in per_body_year.items())
    people = {(a["meeting_id"], a["name"]) for a in attendees if a["name"]}
    pairs = Counter((x, y) for (m1, x) in people for (m2, y) in people if m1 == m2 and x < y)
    assert sorted(snippet_results["polars"]["co_attendance_rows"]) == sorted((x, y, n) for (x, y), n in pairs.items())
    topics = Counter((t, years[p["meeting_id"]]) for p in proposals if p["meeting_id"] in years for t in p["topics"])
    assert sorted(snippet_results["polars"]["topics_by_year_rows"]) == sorted((t, y, n) for (t, y), n in topics.items())


def test_citation_snippet_reads_the_three_versions(snippet_results: dict[str, dict[str, Any]]) -> None:
    package = next(ns["package"] for ns in snippet_results.values() if "package" in ns)
    assert {"version", "schema_version", "code_version"} <= set(package)

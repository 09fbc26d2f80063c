"""Incremental refresh: the sensor sees a folder change, the refresh computes only the affected documents,
and the published tables equal those of a full rebuild on the final folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import dagster as dg
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from operations_support import (
    CURATED_TABLES, Workspace, assert_every_check_passed, make_workspace, materialization_metadata, published_release,
    run_job, seed_files, work_counts,
)
from pipeline.defs.automation import FULL_REBUILD_JOB, REFRESH_JOB, SOURCE_SENSOR

APPENDED_PARAGRAPH = "\n\nBoth sides agreed to keep in close contact on issues of common concern.\n"


def evaluate_sensor(workspace: Workspace, defs: dg.Definitions, instance: dg.DagsterInstance) -> list[dg.RunRequest]:
    """One tick of the source-folder sensor, as the daemon would run it."""
    sensor = defs.get_sensor_def(SOURCE_SENSOR)
    context = dg.build_sensor_context(instance=instance, resources={"settings": workspace.settings}, definitions=defs)
    return list(sensor.evaluate_tick(context).run_requests or [])


def refresh_from_sensor(workspace: Workspace, instance: dg.DagsterInstance) -> tuple[dg.RunRequest, dg.ExecuteInProcessResult]:
    """Tick the sensor, expect exactly one run request, and run it."""
    defs = workspace.definitions()
    requests = evaluate_sensor(workspace, defs, instance)
    assert len(requests) == 1
    request = requests[0]
    result = run_job(defs, request.job_name or REFRESH_JOB, instance, tags=dict(request.tags))
    assert_every_check_passed(result, defs)
    return request, result


def add_held_out_file(source: Path, held_out: Path) -> str:
    target = source / held_out.name
    target.write_bytes(held_out.read_bytes())
    return "new"


def append_to_first_file(source: Path, held_out: Path) -> str:
    first = sorted(source.iterdir())[0]
    with first.open("a", encoding="utf-8") as handle:
        handle.write(APPENDED_PARAGRAPH)
    return "changed"


def delete_first_file(source: Path, held_out: Path) -> str:
    sorted(source.iterdir())[0].unlink()
    return "deleted"


# change to the folder, documents each per-document stage computes afterwards, documents it reuses, and the
# review pages rendered and kept: the held-out file reports the C+C5 meeting another seed reports too, so its
# page and its partner's are rendered; the first file's meeting is its own
FOLDER_CHANGES: list[tuple[Callable[[Path, Path], str], int, int, tuple[int, int]]] = [
    (add_held_out_file, 1, 4, (2, 3)),
    (append_to_first_file, 1, 3, (1, 3)),
    (delete_first_file, 0, 3, (0, 3)),
]


def site_files(data: Path) -> dict[str, bytes]:
    site = data / "review"
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(("change", "computed", "reused", "pages"), FOLDER_CHANGES,
                         ids=lambda v: getattr(v, "__name__", str(v)))
def test_sensor_refresh_reprocesses_only_the_change_and_equals_a_full_rebuild(
        tmp_path: Path, change: Callable[[Path, Path], str], computed: int, reused: int, pages: tuple[int, int]) -> None:
    *initial, held_out = seed_files()
    workspace = make_workspace(tmp_path / "incremental", initial)
    instance = dg.DagsterInstance.ephemeral()

    first_request, first = refresh_from_sensor(workspace, instance)
    assert first_request.tags["pipeline/new_files"] == str(len(initial))
    assert work_counts(first)["document_extractions"] == (len(initial), 0)
    assert evaluate_sensor(workspace, workspace.definitions(), instance) == [], "nothing changed, yet the sensor asked for a run"
    _, before = published_release(workspace.data)

    kind = change(workspace.source, held_out)
    request, refreshed = refresh_from_sensor(workspace, instance)
    assert request.tags[f"pipeline/{kind}_files"] == "1"
    counts = work_counts(refreshed)
    assert counts["source_files"] == (1 if kind != "deleted" else 0, reused)
    for stage in ("documents", "segments", "document_extractions"):
        assert counts[stage] == (computed, reused), stage
    review = materialization_metadata(refreshed)["review"]
    assert (review["pages_rendered_now"], review["pages_kept"]) == pages
    merged = materialization_metadata(refreshed)["meetings"]
    assert merged["blocks_merged_now"] == pages[0] // 2 + (1 if kind == "changed" else 0)

    rebuild = make_workspace(tmp_path / "rebuild", sorted(workspace.source.iterdir()))
    rebuilt = run_job(rebuild.definitions(), FULL_REBUILD_JOB, dg.DagsterInstance.ephemeral())
    assert work_counts(rebuilt)["document_extractions"] == (computed + reused, 0)
    refreshed_version, refreshed_tables = published_release(workspace.data)
    rebuilt_version, rebuilt_tables = published_release(rebuild.data)
    for name in CURATED_TABLES:
        assert_frame_equal(refreshed_tables[name], rebuilt_tables[name], check_row_order=False)
    assert refreshed_version == rebuilt_version, "same tables must give the same release"
    assert site_files(workspace.data) == site_files(rebuild.data), "the refreshed review site differs from a rebuilt one"

    gone = set(before["documents"]["doc_id"]) - set(refreshed_tables["documents"]["doc_id"])
    assert len(gone) == (0 if kind == "new" else 1)
    for name in ("segments", "evidence"):
        assert refreshed_tables[name].filter(pl.col("doc_id").is_in(list(gone))).height == 0, name
    assert refreshed_tables["proposals"].filter(pl.col("source_doc_id").is_in(list(gone))).height == 0


def test_full_rebuild_recomputes_every_document(tmp_path: Path) -> None:
    files = seed_files()
    workspace = make_workspace(tmp_path, files)
    defs = workspace.definitions()
    instance = dg.DagsterInstance.ephemeral()
    run_job(defs, REFRESH_JOB, instance)
    _, refreshed = published_release(workspace.data)

    rebuilt = run_job(defs, FULL_REBUILD_JOB, instance)
    assert_every_check_passed(rebuilt, defs)
    for stage, counts in work_counts(rebuilt).items():
        assert counts == (len(files), 0), stage
    _, after = published_release(workspace.data)
    for name in CURATED_TABLES:
        assert_frame_equal(after[name], refreshed[name], check_row_order=False)


def test_refresh_without_changes_reuses_every_document(tmp_path: Path) -> None:
    files = seed_files()
    workspace = make_workspace(tmp_path, files)
    defs = workspace.definitions()
    instance = dg.DagsterInstance.ephemeral()
    run_job(defs, REFRESH_JOB, instance)
    again = run_job(defs, REFRESH_JOB, instance)
    for stage, counts in work_counts(again).items():
        assert counts == (0, len(files)), stage

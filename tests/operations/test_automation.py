"""The jobs, sensor and schedule of the code location: what they select, when they fire, how they are configured."""

from __future__ import annotations

import uuid
from pathlib import Path

import dagster as dg
import pytest

from operations_support import make_workspace, seed_files
from pipeline.defs.automation import (
    DEFAULT_REFRESH_CRON, FULL_REBUILD_JOB, REFRESH_JOB, REFRESH_SCHEDULE, SOURCE_SENSOR, AutomationSettings,
)


def started_run(instance: dg.DagsterInstance, job_name: str) -> None:
    """Record a run of `job_name` that is still going on."""
    instance.add_run(dg.DagsterRun(job_name=job_name, run_id=str(uuid.uuid4()), status=dg.DagsterRunStatus.STARTED))


def schedule_requests(defs: dg.Definitions, instance: dg.DagsterInstance) -> list[dg.RunRequest]:
    schedule = defs.get_schedule_def(REFRESH_SCHEDULE)
    return list(schedule.evaluate_tick(dg.build_schedule_context(instance=instance)).run_requests or [])


def sensor_requests(defs: dg.Definitions, settings: object, instance: dg.DagsterInstance) -> list[dg.RunRequest]:
    sensor = defs.get_sensor_def(SOURCE_SENSOR)
    context = dg.build_sensor_context(instance=instance, resources={"settings": settings}, definitions=defs)
    return list(sensor.evaluate_tick(context).run_requests or [])


def test_both_jobs_cover_every_asset_and_check(tmp_path: Path) -> None:
    defs = make_workspace(tmp_path, seed_files()[:1]).definitions()
    graph = defs.resolve_asset_graph()
    for name in (REFRESH_JOB, FULL_REBUILD_JOB):
        job = defs.resolve_job_def(name)
        assert job.asset_layer.selected_asset_keys == set(graph.get_all_asset_keys()), name
        assert job.asset_layer.asset_graph.asset_check_keys == graph.asset_check_keys, name


def test_full_rebuild_turns_the_cache_off_and_keeps_the_other_settings(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, seed_files()[:1])
    job = workspace.definitions().resolve_job_def(FULL_REBUILD_JOB)
    settings = job.run_config["resources"]["settings"]["config"]  # type: ignore[index]
    assert settings["reuse_cache"] is False
    assert settings["source_dir"] == str(workspace.source)
    assert settings["data_dir"] == str(workspace.data)


def test_schedule_is_daily_by_default_and_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = make_workspace(tmp_path, seed_files()[:1])
    monkeypatch.delenv("PIPELINE_REFRESH_CRON", raising=False)
    default = workspace.definitions(AutomationSettings.from_environment()).get_schedule_def(REFRESH_SCHEDULE)
    assert default.cron_schedule == DEFAULT_REFRESH_CRON
    assert default.job_name == REFRESH_JOB
    assert default.default_status == dg.DefaultScheduleStatus.STOPPED
    monkeypatch.setenv("PIPELINE_REFRESH_CRON", "*/15 * * * *")
    monkeypatch.setenv("PIPELINE_REFRESH_TIMEZONE", "Asia/Shanghai")
    custom = workspace.definitions(AutomationSettings.from_environment()).get_schedule_def(REFRESH_SCHEDULE)
    assert (custom.cron_schedule, custom.execution_timezone) == ("*/15 * * * *", "Asia/Shanghai")


def test_schedule_and_sensor_wait_while_a_pipeline_run_is_in_progress(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, seed_files()[:2])
    defs = workspace.definitions()
    with dg.instance_for_test() as instance:
        assert len(schedule_requests(defs, instance)) == 1
        assert len(sensor_requests(defs, workspace.settings, instance)) == 1
        started_run(instance, FULL_REBUILD_JOB)
        assert schedule_requests(defs, instance) == []
        assert sensor_requests(defs, workspace.settings, instance) == []


def test_sensor_reports_new_files_once_per_folder_state(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, seed_files()[:2])
    defs = workspace.definitions()
    with dg.instance_for_test() as instance:
        [first] = sensor_requests(defs, workspace.settings, instance)
        [again] = sensor_requests(defs, workspace.settings, instance)
        assert first.run_key == again.run_key, "the daemon deduplicates on the run key, so one folder state is one run"
        (workspace.source / "late.txt").write_text("BEIJING, May 5 (Xinhua) -- A late article.\n", encoding="utf-8")
        [later] = sensor_requests(defs, workspace.settings, instance)
        assert later.run_key != first.run_key
        assert later.tags["pipeline/new_files"] == "3"


def test_every_materialization_shows_rows_preview_and_columns(tmp_path: Path) -> None:
    from operations_support import materialization_metadata, run_job

    workspace = make_workspace(tmp_path, seed_files()[:2])
    result = run_job(workspace.definitions(), REFRESH_JOB, dg.DagsterInstance.ephemeral())
    metadata = materialization_metadata(result)
    for asset, values in metadata.items():
        if asset == "review":
            continue  # a static site: its metadata are the site's path and plots
        assert "preview" in values, asset
        if asset == "release":
            continue  # a folder of tables: rows per table instead
        assert values["dagster/row_count"] >= 0, asset
        assert values["dagster/column_schema"].columns, asset
    assert {f"rows/{name}" for name in ("documents", "meetings", "proposals")} <= set(metadata["release"])

"""Jobs, the source-folder sensor, the daily refresh schedule and the executor runs use.

`refresh` materializes every asset and check; each per-document stage reuses the rows of documents it has
seen before (content hash + rules fingerprint), so a refresh costs the new or changed files plus the curated
tables. `full_rebuild` runs the same graph with the caches ignored. The sensor and the schedule both launch
`refresh`; both start switched off and are turned on in the UI (Automation) or with `dagster sensor start` /
`dagster schedule start`.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

import dagster as dg
import polars as pl

from pipeline.ingest import FileStat, list_source_files
from pipeline.settings import PipelineSettings

REFRESH_JOB = "refresh"
FULL_REBUILD_JOB = "full_rebuild"
SOURCE_SENSOR = "source_folder_sensor"
REFRESH_SCHEDULE = "daily_refresh"
DEFAULT_REFRESH_CRON = "0 6 * * *"
DEFAULT_SENSOR_INTERVAL_SECONDS = 30
EXECUTORS = ("in_process", "multiprocess", "k8s")


@dataclass(frozen=True)
class FolderChanges:
    """How the source folder differs from the manifest of the last ingest."""

    new: int
    changed: int
    deleted: int
    listing_fingerprint: str

    @property
    def any(self) -> bool:
        return bool(self.new or self.changed or self.deleted)

    def summary(self) -> str:
        return f"{self.new} new, {self.changed} changed, {self.deleted} deleted files"


def listing_fingerprint(listing: list[FileStat]) -> str:
    """Hash of every file's path, size and mtime: the same folder state gives the same run key."""
    digest = hashlib.sha256()
    for stat in listing:
        digest.update(f"{stat.source_path}\0{stat.size}\0{stat.mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def folder_changes(listing: list[FileStat], manifest: pl.DataFrame | None) -> FolderChanges:
    """Compare a folder listing with the last ingested manifest (source_path, size, mtime_ns).

    Comparing with what was ingested, not with the previous sensor tick, means a file that arrived while a
    run was in progress, or during a failed run, is still reported until a run has ingested it.
    """
    seen: dict[str, tuple[int, int]] = {}
    if manifest is not None:
        seen = {path: (size, mtime) for path, size, mtime in manifest.select("source_path", "size", "mtime_ns").iter_rows()}
    current = {stat.source_path: (stat.size, stat.mtime_ns) for stat in listing}
    new = sum(1 for path in current if path not in seen)
    changed = sum(1 for path, state in current.items() if path in seen and seen[path] != state)
    deleted = sum(1 for path in seen if path not in current)
    return FolderChanges(new, changed, deleted, listing_fingerprint(listing))


def last_ingested_manifest(settings: PipelineSettings) -> pl.DataFrame | None:
    """The source_files manifest written by the last run, or None before the first run."""
    path = settings.staging_path("source_files")
    if not path.exists():
        return None
    return pl.read_parquet(path, columns=["source_path", "size", "mtime_ns"])


ACTIVE_RUN_STATUSES = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
                       dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]


def pipeline_run_in_progress(instance: dg.DagsterInstance) -> bool:
    """Whether a refresh or full rebuild is queued or running: both rewrite the same staging files and release."""
    for job in (REFRESH_JOB, FULL_REBUILD_JOB):
        if instance.get_runs_count(dg.RunsFilter(job_name=job, statuses=ACTIVE_RUN_STATUSES)):
            return True
    return False


def refresh_job() -> dg.UnresolvedAssetJobDefinition:
    """Every asset and check; unchanged documents are reused from the previous run."""
    return dg.define_asset_job(
        REFRESH_JOB, selection=dg.AssetSelection.all(),
        description="Process new and changed source files, drop deleted ones, and republish the curated tables. "
                    "Per-document work of unchanged files is reused.",
        tags={"pipeline/mode": "refresh"},
    )


def full_rebuild_job(settings: PipelineSettings) -> dg.UnresolvedAssetJobDefinition:
    """Every asset and check with the per-document caches ignored: every file is read and processed again."""
    # Run config replaces a resource's whole config, so the current values are repeated with reuse_cache off.
    config = {**settings.model_dump(), "reuse_cache": False}
    return dg.define_asset_job(
        FULL_REBUILD_JOB, selection=dg.AssetSelection.all(),
        description="Recompute every stage from the raw files, ignoring cached per-document results.",
        config={"resources": {"settings": {"config": config}}},
        tags={"pipeline/mode": "full_rebuild"},
    )


def source_folder_sensor(interval_seconds: int = DEFAULT_SENSOR_INTERVAL_SECONDS) -> dg.SensorDefinition:
    """Requests a refresh when files under the source folder are new, changed or deleted since the last ingest."""

    @dg.sensor(name=SOURCE_SENSOR, job_name=REFRESH_JOB, minimum_interval_seconds=interval_seconds,
               default_status=dg.DefaultSensorStatus.STOPPED,
               description="Watches the source folder (PIPELINE_SOURCE_DIR) and launches `refresh` for new, changed "
                           "or deleted files.")
    def watch_source_folder(context: dg.SensorEvaluationContext, settings: PipelineSettings) -> dg.RunRequest | dg.SkipReason:
        if pipeline_run_in_progress(context.instance):
            return dg.SkipReason("a refresh or full rebuild is in progress; the folder is compared again after it")
        if not settings.source_root.is_dir():
            return dg.SkipReason(f"source folder {settings.source_root} does not exist")
        changes = folder_changes(list_source_files(settings.source_root), last_ingested_manifest(settings))
        if not changes.any:
            return dg.SkipReason("no new, changed or deleted files since the last ingest")
        context.log.info(f"source folder: {changes.summary()}")
        # the run key makes one folder state launch one run, however many ticks see it
        return dg.RunRequest(run_key=changes.listing_fingerprint, tags={
            "pipeline/new_files": str(changes.new), "pipeline/changed_files": str(changes.changed),
            "pipeline/deleted_files": str(changes.deleted)})

    return watch_source_folder


def refresh_schedule(cron: str, timezone: str) -> dg.ScheduleDefinition:
    """The refresh on a cron schedule (daily by default), skipped while another pipeline run is in progress."""

    @dg.schedule(name=REFRESH_SCHEDULE, job_name=REFRESH_JOB, cron_schedule=cron, execution_timezone=timezone,
                 default_status=dg.DefaultScheduleStatus.STOPPED,
                 description=f"Runs `refresh` on the cron schedule `{cron}` ({timezone}); PIPELINE_REFRESH_CRON and "
                             "PIPELINE_REFRESH_TIMEZONE change it.")
    def scheduled_refresh(context: dg.ScheduleEvaluationContext) -> dg.RunRequest | dg.SkipReason:
        if pipeline_run_in_progress(context.instance):
            return dg.SkipReason("a refresh or full rebuild is already in progress")
        return dg.RunRequest(tags={"pipeline/trigger": "schedule"})

    return scheduled_refresh


def run_executor(name: str) -> dg.ExecutorDefinition:
    """in_process (default: one process, least overhead), multiprocess (one process per step; max_concurrent in
    run config), or k8s (one pod per step; needs dagster-k8s, installed in the deployment image only)."""
    if name == "in_process":
        return dg.in_process_executor
    if name == "multiprocess":
        return dg.multiprocess_executor
    if name == "k8s":
        from dagster_k8s import k8s_job_executor  # only in the Kubernetes image: see deploy/

        return k8s_job_executor
    raise ValueError(f"PIPELINE_EXECUTOR must be one of {', '.join(EXECUTORS)}, not {name!r}")


@dataclass(frozen=True)
class AutomationSettings:
    """Executor and automation choices, from PIPELINE_EXECUTOR, PIPELINE_REFRESH_CRON, PIPELINE_REFRESH_TIMEZONE
    and PIPELINE_SENSOR_INTERVAL_SECONDS."""

    executor: str = "in_process"
    refresh_cron: str = DEFAULT_REFRESH_CRON
    timezone: str = "UTC"
    sensor_interval_seconds: int = DEFAULT_SENSOR_INTERVAL_SECONDS

    @classmethod
    def from_environment(cls) -> AutomationSettings:
        return cls(
            executor=os.environ.get("PIPELINE_EXECUTOR", "in_process"),
            refresh_cron=os.environ.get("PIPELINE_REFRESH_CRON", DEFAULT_REFRESH_CRON),
            timezone=os.environ.get("PIPELINE_REFRESH_TIMEZONE", "UTC"),
            sensor_interval_seconds=int(os.environ.get("PIPELINE_SENSOR_INTERVAL_SECONDS", DEFAULT_SENSOR_INTERVAL_SECONDS)),
        )


def automation_definitions(settings: PipelineSettings, automation: AutomationSettings) -> dg.Definitions:
    """The two jobs, the sensor, the schedule and the executor, merged into the code location."""
    return dg.Definitions(
        jobs=[refresh_job(), full_rebuild_job(settings)],
        sensors=[source_folder_sensor(automation.sensor_interval_seconds)],
        schedules=[refresh_schedule(automation.refresh_cron, automation.timezone)],
        executor=run_executor(automation.executor),
    )

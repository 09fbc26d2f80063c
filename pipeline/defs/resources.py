"""Resources: settings from the environment (overridable in the launchpad) and the Parquet IO manager."""


import os

from pipeline.ingest import DEFAULT_MAX_FILE_BYTES
from pipeline.settings import PipelineSettings
from pipeline.storage import ParquetIOManager


def default_workers() -> int:
    """Every core this process may use: batches of documents run in a worker pool only when there are several
    batches (a few hundred documents), so small runs pay nothing for it."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def settings_from_environment() -> PipelineSettings:
    """PIPELINE_SOURCE_DIR (default seeds), PIPELINE_DATA_DIR (default data), PIPELINE_MAX_FILE_BYTES,
    PIPELINE_WORKERS (default: every core), PIPELINE_GOLD."""
    return PipelineSettings(
        source_dir=os.environ.get("PIPELINE_SOURCE_DIR", "seeds"),
        data_dir=os.environ.get("PIPELINE_DATA_DIR", "data"),
        max_file_bytes=int(os.environ.get("PIPELINE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES)),
        workers=int(os.environ.get("PIPELINE_WORKERS") or default_workers()),
        gold_path=os.environ.get("PIPELINE_GOLD", ""),
    )


def pipeline_resources(settings: PipelineSettings | None = None) -> dict[str, object]:
    """The resource dictionary every job and test uses."""
    settings = settings or settings_from_environment()
    return {"settings": settings, "io_manager": ParquetIOManager(settings=settings)}

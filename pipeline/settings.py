"""Where inputs come from and where data lands: one resource, set from the environment or the launchpad."""


from pathlib import Path

import dagster as dg

from pipeline.ingest import DEFAULT_MAX_FILE_BYTES


class PipelineSettings(dg.ConfigurableResource):
    """Input folder, data root and limits. Env: PIPELINE_SOURCE_DIR, PIPELINE_DATA_DIR, PIPELINE_MAX_FILE_BYTES,
    PIPELINE_WORKERS, PIPELINE_GOLD."""

    source_dir: str = "seeds"
    data_dir: str = "data"
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    workers: int = 1
    gold_path: str = ""
    # false makes every stage recompute from the raw files: the full_rebuild job sets it
    reuse_cache: bool = True

    @property
    def source_root(self) -> Path:
        return Path(self.source_dir)

    @property
    def data_root(self) -> Path:
        return Path(self.data_dir)

    def staging_path(self, name: str) -> Path:
        return self.data_root / "staging" / f"{name}.parquet"

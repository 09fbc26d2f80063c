"""IO manager: asset key → <data root>/<key path>.parquet, written atomically in the contract's Arrow types.

It also holds the data root's writer lock for the run (`pipeline.lock`): every asset writes through it, so a
second run on the same data root stops before writing anything.
"""


from pathlib import Path

import dagster as dg
import polars as pl
from pydantic import PrivateAttr

from pipeline.defs.keys import COLUMNS_METADATA_KEY
from pipeline.incremental import code_fingerprint
from pipeline.lock import DataRootLock
from pipeline.parquet import CODE_METADATA_KEY, read_code_version, remove_stale_temp_files, to_arrow, write_parquet_atomic
from pipeline.settings import PipelineSettings


class ParquetIOManager(dg.ConfigurableIOManager):
    """Stores every frame asset as one Parquet file under the data root."""

    settings: PipelineSettings
    _lock: DataRootLock | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Take the data root's lock for this run (DataRootBusy if another run holds it); the run that takes it
        first clears temp files an interrupted run left in staging/."""
        self._lock = DataRootLock(self.settings.data_root, owner=context.run_id)
        self._lock.acquire()
        if self._lock.first_holder:
            remove_stale_temp_files(self.settings.data_root / "staging")

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock is not None:
            self._lock.release()

    def _path(self, key: dg.AssetKey) -> Path:
        return self.settings.data_root.joinpath(*key.path[:-1], f"{key.path[-1]}.parquet")

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame) -> None:
        path = self._path(context.asset_key)
        write_parquet_atomic(to_arrow(obj, context.asset_key.path[-1]), path,
                             {CODE_METADATA_KEY: code_fingerprint().encode()})
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        columns = (context.definition_metadata or {}).get(COLUMNS_METADATA_KEY)
        return pl.read_parquet(self._path(context.asset_key), columns=list(columns) if columns else None)


def previous_output(settings: PipelineSettings, name: str) -> pl.DataFrame | None:
    """A staging table from the previous run when the same code wrote it and reuse is on, else None (recompute everything)."""
    return staged_output(settings, name) if settings.reuse_cache else None


def staged_output(settings: PipelineSettings, name: str) -> pl.DataFrame | None:
    """The staging table as the last run that wrote it left it, when the same code wrote it, else None."""
    path = settings.staging_path(name)
    if not path.exists() or read_code_version(path) != code_fingerprint():
        return None
    try:
        return pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError):
        return None  # an unreadable cache only costs a recomputation

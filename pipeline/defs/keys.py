"""Asset keys: every intermediate and candidate table lives under the `staging` prefix."""

import dagster as dg

STAGING = "staging"


COLUMNS_METADATA_KEY = "columns"


def staging_ins(*names: str) -> dict[str, dg.AssetIn]:
    """Inputs named like the staging assets they load."""
    return {name: dg.AssetIn(key=[STAGING, name]) for name in names}


def staging_columns_in(name: str, *columns: str) -> dict[str, dg.AssetIn]:
    """An input that loads only some columns of a staging table (a check that needs the paths, not the texts)."""
    return {name: dg.AssetIn(key=[STAGING, name], metadata={COLUMNS_METADATA_KEY: list(columns)})}

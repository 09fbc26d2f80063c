"""Asset keys: every intermediate and candidate table lives under the `staging` prefix."""

import dagster as dg

STAGING = "staging"


def staging_ins(*names: str) -> dict[str, dg.AssetIn]:
    """Inputs named like the staging assets they load."""
    return {name: dg.AssetIn(key=[STAGING, name]) for name in names}

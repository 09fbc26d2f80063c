"""The code location: every asset, check and resource of the pipeline."""

from __future__ import annotations

import dagster as dg

from pipeline.defs import checks, curate, extract, ingest, text
from pipeline.defs.resources import pipeline_resources

ASSET_MODULES = [ingest, text, extract, curate]


def build_definitions(resources: dict[str, object] | None = None) -> dg.Definitions:
    """Definitions with the given resources (tests pass a temporary data root)."""
    return dg.Definitions(
        assets=dg.load_assets_from_modules(ASSET_MODULES),
        asset_checks=dg.load_asset_checks_from_modules([checks]),
        resources=resources or pipeline_resources(),
        executor=dg.in_process_executor,
    )


defs = build_definitions()

"""The code location: every asset, check, resource, job, sensor and schedule of the pipeline."""

from __future__ import annotations

import dagster as dg

from pipeline.defs import checks, curate, extract, ingest, review, text
from pipeline.defs.automation import AutomationSettings, automation_definitions
from pipeline.defs.resources import pipeline_resources

ASSET_MODULES = [ingest, text, extract, curate, review]


def build_definitions(resources: dict[str, object] | None = None,
                      automation: AutomationSettings | None = None) -> dg.Definitions:
    """Definitions with the given resources (tests pass a temporary data root) and automation settings
    (executor, refresh cron; default from the environment, in-process executor)."""
    resources = resources or pipeline_resources()
    graph = dg.Definitions(
        assets=dg.load_assets_from_modules(ASSET_MODULES),
        asset_checks=dg.load_asset_checks_from_modules([checks]),
        resources=resources,
    )
    return dg.Definitions.merge(graph, automation_definitions(resources["settings"],  # type: ignore[arg-type]
                                                              automation or AutomationSettings.from_environment()))


defs = build_definitions()

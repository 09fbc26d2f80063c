"""Review: the static HTML site of the published release, and plots of it in the asset's metadata."""


import base64
import json
from pathlib import Path

import dagster as dg

from pipeline.incremental import MERGE_INDEX
from pipeline.review.build import build_review_site
from pipeline.review.site import INDEX
from pipeline.settings import PipelineSettings
from pipeline.storage import staged_output


def _image_markdown(title: str, png: bytes) -> dg.MetadataValue:
    return dg.MetadataValue.md(f"![{title}](data:image/png;base64,{base64.b64encode(png).decode()})")


@dg.asset(group_name="review", kinds={"html"}, deps=[dg.AssetKey(["curated", "release"])])
def review(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    """The review site under <data root>/review/: an index of meetings, one page per document with every evidence
    span highlighted beside the extracted rows, gold misses and false positives marked when a gold file is set."""
    gold = json.loads(Path(settings.gold_path).read_text(encoding="utf-8")) if settings.gold_path else None
    # the merge index this run staged: pages of blocks it did not touch are kept from the previous site
    built = build_review_site(settings.data_root, gold, staged_output(settings, MERGE_INDEX), settings.reuse_cache)
    inputs, plots, target = built.inputs, built.plots, built.target
    context.log.info(f"review site of release {inputs.release_version}: {target / INDEX} "
                     f"({built.pages_rendered} pages rendered, {built.pages_kept} kept)")
    return dg.MaterializeResult(metadata={
        "index": dg.MetadataValue.path(str(target / INDEX)),
        "document_pages": inputs.documents.height,
        "pages_rendered_now": built.pages_rendered,
        "pages_kept": built.pages_kept,
        "meetings_per_year_by_body": _image_markdown("Meetings per year by body", plots["meetings_per_year.png"]),
        "proposals_by_topic": _image_markdown("Proposals by topic", plots["proposals_by_topic.png"]),
        **({"false_positives": len(inputs.gold.false_positive_ids),
            "gold_misses": sum(map(len, inputs.gold.misses_by_doc.values()))} if inputs.gold else {}),
    })

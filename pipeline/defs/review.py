"""Review: the static HTML site of the published release, and plots of it in the asset's metadata."""


import base64
import json
from pathlib import Path

import dagster as dg

from pipeline.review.inputs import load_review_inputs
from pipeline.review.plots import meetings_per_year_png, proposals_by_topic_png
from pipeline.review.site import INDEX, review_site, write_site
from pipeline.settings import PipelineSettings


def _image_markdown(title: str, png: bytes) -> dg.MetadataValue:
    return dg.MetadataValue.md(f"![{title}](data:image/png;base64,{base64.b64encode(png).decode()})")


@dg.asset(group_name="review", kinds={"html"}, deps=[dg.AssetKey(["curated", "release"])])
def review(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    """The review site under <data root>/review/: an index of meetings, one page per document with every evidence
    span highlighted beside the extracted rows, gold misses and false positives marked when a gold file is set."""
    gold = json.loads(Path(settings.gold_path).read_text(encoding="utf-8")) if settings.gold_path else None
    inputs = load_review_inputs(settings.data_root / "curated", gold)
    plots = {"meetings_per_year.png": meetings_per_year_png(inputs.meetings),
             "proposals_by_topic.png": proposals_by_topic_png(inputs.proposals)}
    target = settings.data_root / "review"
    write_site(review_site(inputs, plots), target)
    context.log.info(f"review site of release {inputs.release_version}: {target / INDEX}")
    return dg.MaterializeResult(metadata={
        "index": dg.MetadataValue.path(str(target / INDEX)),
        "document_pages": inputs.documents.height,
        "meetings_per_year_by_body": _image_markdown("Meetings per year by body", plots["meetings_per_year.png"]),
        "proposals_by_topic": _image_markdown("Proposals by topic", plots["proposals_by_topic.png"]),
        **({"false_positives": len(inputs.gold.false_positive_ids),
            "gold_misses": sum(map(len, inputs.gold.misses_by_doc.values()))} if inputs.gold else {}),
    })

"""The review site of a data root's published release, rendered where it changed and swapped in whole."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.review.cache import KEYS_FILE, keys_file, page_keys, reusable_pages
from pipeline.review.inputs import load_review_inputs
from pipeline.review.plots import meetings_per_year_png, proposals_by_topic_png
from pipeline.review.site import ReviewInputs, doc_page_path, review_files, write_site

REVIEW_FOLDER = "review"


@dataclass(frozen=True)
class ReviewBuild:
    """What a build wrote: its inputs, the plots, and how many document pages were rendered or kept."""

    target: Path
    inputs: ReviewInputs
    plots: dict[str, bytes]
    pages_rendered: int
    pages_kept: int


def build_review_site(data_root: Path, gold: dict[str, Any] | None, merge_index: pl.DataFrame | None,
                      reuse: bool = True) -> ReviewBuild:
    """Write `<data root>/review/` for the release in `<data root>/curated/`.

    With the merge index of the run that built the release, pages whose key is unchanged are kept from the
    previous site when `reuse` is on (`pipeline.review.cache`); with a gold file every page is rendered, since
    its marks depend on every row.
    """
    inputs = load_review_inputs(data_root / "curated", gold)
    plots = {"meetings_per_year.png": meetings_per_year_png(inputs.meetings),
             "proposals_by_topic.png": proposals_by_topic_png(inputs.proposals)}
    target = data_root / REVIEW_FOLDER
    keys = {} if inputs.gold or merge_index is None else page_keys(inputs.documents, inputs.meetings, merge_index)
    reused = frozenset(reusable_pages(target, keys, doc_page_path) if reuse else ())
    files = itertools.chain(review_files(inputs, plots, reused), [(KEYS_FILE, keys_file(keys))])
    write_site(files, target, kept=[doc_page_path(doc_id) for doc_id in sorted(reused)])
    return ReviewBuild(target, inputs, plots, inputs.documents.height - len(reused), len(reused))

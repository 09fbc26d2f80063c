"""Which document pages of the review site can be carried over from the previous site instead of rendered again.

A page shows one document and the rows of the merge blocks its meetings belong to (`pipeline.incremental`), so
its key is the document's own fields, the fingerprints of those blocks and the version of the rules and of the
site's code: a page whose key is unchanged would be rendered to the same bytes. The keys of a site are saved in
it (`page-keys.json`), so a refresh renders only the pages of the blocks it touched.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl

from pipeline.incremental import code_fingerprint

KEYS_FILE = "page-keys.json"
PAGE_FIELDS = ("doc_id", "source_path", "title", "publisher", "published_at", "dateline")
SITE_MODULES = ("site.py", "highlight.py", "cache.py")


def site_code_version() -> str:
    digest = hashlib.sha256()
    for module in SITE_MODULES:
        digest.update((Path(__file__).with_name(module)).read_bytes())
    return digest.hexdigest()[:16]


def page_keys(documents: pl.DataFrame, meetings: pl.DataFrame, merge_index: pl.DataFrame) -> dict[str, str]:
    """doc_id → key of its page; a document whose meetings the index does not know gets no key (always rendered)."""
    blocks = (meetings.select("meeting_id", doc_id=pl.col("source_doc_ids")).explode("doc_id")
              .join(merge_index.select("meeting_id", "fingerprint"), on="meeting_id", how="left")
              .group_by("doc_id").agg(pl.col("fingerprint").unique().sort(nulls_last=True)))
    unknown = blocks.filter(pl.col("fingerprint").list.eval(pl.element().is_null()).list.any()).get_column("doc_id")
    # everything a page shows, as one string per document (built column-wise), then hashed
    keyed = (documents.select(PAGE_FIELDS).filter(~pl.col("doc_id").is_in(unknown.implode()))
             .join(blocks, on="doc_id", how="left")
             .select("doc_id", text=pl.concat_str(
                 [pl.lit(site_code_version()), pl.lit(code_fingerprint()),
                  *(pl.col(field).cast(pl.String).fill_null("\x00") for field in PAGE_FIELDS),
                  pl.col("fingerprint").list.join(",").fill_null("")], separator="\x1f")))
    return {doc_id: hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            for doc_id, text in zip(keyed.get_column("doc_id").to_list(), keyed.get_column("text").to_list())}


def saved_keys(site: Path) -> dict[str, str]:
    """The page keys a previous site was written with ({} when there is no readable one)."""
    try:
        keys = json.loads((site / KEYS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def reusable_pages(site: Path, keys: dict[str, str], page_path: Callable[[str], str]) -> set[str]:
    """doc_ids whose page in `site` has the key it would have now, so it can be kept as it is."""
    previous = saved_keys(site)
    return {doc_id for doc_id, key in keys.items() if previous.get(doc_id) == key and (site / page_path(doc_id)).is_file()}


def keys_file(keys: dict[str, str]) -> bytes:
    return (json.dumps(keys, sort_keys=True, indent=0) + "\n").encode("utf-8")

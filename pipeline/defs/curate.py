"""Curated tables: mentions merged across documents, then published together as one release."""


import json
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.defs.keys import staging_ins
from pipeline.defs.metadata import COLUMN_SCHEMA, frame_column_schema, release_summary
from pipeline.evaluation import score_summary, score_tables
from pipeline.incremental import MERGE_INDEX, MERGED_TABLES, code_fingerprint, update_merged
from pipeline.publish.documents import release_documents
from pipeline.release import publish_release
from pipeline.settings import PipelineSettings
from pipeline.storage import previous_output
from pipeline.validation import frame_output, validated_output
from schemas import TABLES


MERGE_INDEX_COLUMNS = {
    "block": "a day (ISO date) or `undated:<doc_id>`: reports of different blocks are never one meeting",
    "fingerprint": "hash of the sorted doc_ids reporting the block: unchanged means the block's rows are reused",
    "meeting_id": "a meeting merged in the block",
}
MERGE_INDEX_DESCRIPTION = ("One row per meeting of a merge block (a day, or an undated report's document): the block, "
                           "the fingerprint of the documents reporting it, and the meeting's id; a refresh re-merges "
                           "only the blocks whose fingerprint changed.")


def _previous_merge(settings: PipelineSettings) -> dict[str, pl.DataFrame] | None:
    """The merged tables and merge index of the last run, or None when any of them cannot be reused."""
    previous = {name: previous_output(settings, name) for name in (*MERGED_TABLES, MERGE_INDEX)}
    return None if any(frame is None for frame in previous.values()) else previous  # type: ignore[return-value]


@dg.multi_asset(
    outs={
        **{name: dg.AssetOut(key_prefix="staging", group_name="curated", kinds={"polars", "parquet"},
                             description=(TABLES[name].__doc__ or "").strip()) for name in MERGED_TABLES},
        MERGE_INDEX: dg.AssetOut(key_prefix="staging", group_name="curated", kinds={"polars", "parquet"},
                                 description=MERGE_INDEX_DESCRIPTION),
    },
    ins=staging_ins("document_extractions", "documents"),
)
def merged_tables(context: dg.AssetExecutionContext, settings: PipelineSettings, document_extractions: pl.DataFrame,
                  documents: pl.DataFrame):  # noqa: ANN201 - yields outputs
    """Meetings reported by several documents become one row; attendees, proposals and evidence follow them."""
    tables, merged_now, reused = update_merged(_previous_merge(settings), document_extractions, documents,
                                               settings.workers)
    context.log.info(f"merged {merged_now} blocks, reused {reused}")
    for name in MERGED_TABLES:
        yield validated_output(tables[name], TABLES[name], output_name=name, blocks_merged_now=merged_now,
                               blocks_reused=reused)
    # the index last: if the run stops before it is written, the next run does not trust rows it has not seen
    yield frame_output(tables[MERGE_INDEX], output_name=MERGE_INDEX, blocks_merged_now=merged_now, blocks_reused=reused,
                       **{COLUMN_SCHEMA: frame_column_schema(tables[MERGE_INDEX], MERGE_INDEX_COLUMNS)})


@dg.asset(
    key_prefix="curated", group_name="curated", kinds={"parquet"},
    ins=staging_ins(*TABLES),
)
def release(
    context: dg.AssetExecutionContext, settings: PipelineSettings, documents: pl.DataFrame, segments: pl.DataFrame,
    meetings: pl.DataFrame, attendees: pl.DataFrame, proposals: pl.DataFrame, evidence: pl.DataFrame,
    rejected_documents: pl.DataFrame,
) -> dg.MaterializeResult:
    """The published dataset: every contract table, datapackage.json, codebook, croissant.json and CHANGES.md in
    curated/, replaced as a whole."""
    tables = {"documents": documents, "segments": segments, "meetings": meetings, "attendees": attendees,
              "proposals": proposals, "evidence": evidence, "rejected_documents": rejected_documents}
    folder = publish_release(tables, settings.data_root, code_fingerprint(), companions=release_documents)
    context.log.info(f"published release {folder.name} to {settings.data_root / 'curated'}")
    quality: dict[str, object] = {}
    if settings.gold_path:
        gold = json.loads(Path(settings.gold_path).read_text(encoding="utf-8"))
        scores = score_summary(score_tables(gold, {name: frame.to_dicts() for name, frame in tables.items()}))
        context.log.info(f"quality against {settings.gold_path}: {scores}")
        quality = {f"quality/{name}": value for name, value in scores.items()}
    return dg.MaterializeResult(metadata={
        "release": folder.name,
        "path": dg.MetadataValue.path(str(settings.data_root / "curated")),
        "codebook": dg.MetadataValue.path(str(settings.data_root / "curated" / "codebook.html")),
        "release_note": dg.MetadataValue.md((folder / "CHANGES.md").read_text(encoding="utf-8").split("\n## ")[0]),
        **{f"rows/{name}": frame.height for name, frame in sorted(tables.items())},
        "preview": release_summary(tables),
        **quality,
    })

"""Curated tables: mentions merged across documents, then published together as one release."""


import json
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.defs.keys import staging_ins
from pipeline.defs.metadata import release_summary
from pipeline.evaluation import score_summary, score_tables
from pipeline.extract.merge import merge_extractions
from pipeline.extract.serialize import extraction_from_json
from pipeline.incremental import code_fingerprint
from pipeline.publish.documents import release_documents
from pipeline.release import publish_release
from pipeline.settings import PipelineSettings
from pipeline.validation import validated_output
from schemas import TABLES, polars_dtypes

MERGED_TABLES = ("meetings", "attendees", "proposals", "evidence")


@dg.multi_asset(
    outs={name: dg.AssetOut(key_prefix="staging", group_name="curated", kinds={"polars", "parquet"},
                            description=(TABLES[name].__doc__ or "").strip()) for name in MERGED_TABLES},
    ins=staging_ins("document_extractions", "documents"),
)
def merged_tables(document_extractions: pl.DataFrame, documents: pl.DataFrame):  # noqa: ANN201 - yields outputs
    """Meetings reported by several documents become one row; attendees, proposals and evidence follow them."""
    extractions = [extraction_from_json(payload) for payload in document_extractions.get_column("payload").to_list()]
    clean_texts = dict(documents.select("doc_id", "clean_text").iter_rows())
    merged = merge_extractions(extractions, clean_texts)
    for name in MERGED_TABLES:
        frame = pl.DataFrame(merged.get(name, []), schema=polars_dtypes(name))
        yield validated_output(frame, TABLES[name], output_name=name)


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

"""Cross-table asset checks; the blocking ones stop the release when they fail."""


import dagster as dg
import polars as pl

from pipeline import checks
from pipeline.defs.keys import staging_columns_in, staging_ins
from pipeline.ingest import list_source_files
from pipeline.settings import PipelineSettings


def _result(outcome: tuple[bool, dict[str, object]]) -> dg.AssetCheckResult:
    passed, details = outcome
    return dg.AssetCheckResult(passed=passed, metadata={k: dg.MetadataValue.json(v) if isinstance(v, list) else v
                                                        for k, v in details.items()})


@dg.asset_check(asset=dg.AssetKey(["staging", "rejected_documents"]), blocking=True,
                additional_ins=staging_columns_in("documents", "source_path"))
def every_input_accounted_for(settings: PipelineSettings, rejected_documents: pl.DataFrame, documents: pl.DataFrame) -> dg.AssetCheckResult:
    """Every file under the source folder is in documents or rejected_documents."""
    paths = [f.source_path for f in list_source_files(settings.source_root)]
    return _result(checks.every_input_accounted(paths, documents, rejected_documents))


@dg.asset_check(asset=dg.AssetKey(["staging", "documents"]), blocking=True)
def document_ids_unique(documents: pl.DataFrame) -> dg.AssetCheckResult:
    """No doc_id occurs twice."""
    return _result(checks.ids_unique(documents, "doc_id"))


@dg.asset_check(asset=dg.AssetKey(["staging", "segments"]), blocking=True,
                additional_ins=staging_ins("documents"))
def segment_offsets_slice_text(segments: pl.DataFrame, documents: pl.DataFrame) -> dg.AssetCheckResult:
    """clean_text[start:end] == text for every segment."""
    return _result(checks.offsets_slice_correctly(segments, documents, "text"))


@dg.asset_check(asset=dg.AssetKey(["staging", "evidence"]), blocking=True,
                additional_ins=staging_ins("documents"))
def evidence_quotes_match_text(evidence: pl.DataFrame, documents: pl.DataFrame) -> dg.AssetCheckResult:
    """Every evidence quote equals its slice of the document's clean_text."""
    return _result(checks.offsets_slice_correctly(evidence, documents, "quote"))


@dg.asset_check(asset=dg.AssetKey(["staging", "attendees"]), blocking=True,
                additional_ins=staging_ins("meetings"))
def attendees_reference_meetings(attendees: pl.DataFrame, meetings: pl.DataFrame) -> dg.AssetCheckResult:
    """Every attendee's meeting_id exists in meetings."""
    return _result(checks.foreign_keys_resolve(attendees, "meeting_id", meetings, "meeting_id"))


@dg.asset_check(asset=dg.AssetKey(["staging", "proposals"]), blocking=True,
                additional_ins=staging_ins("meetings", "documents"))
def proposals_reference_meetings_and_text(proposals: pl.DataFrame, meetings: pl.DataFrame, documents: pl.DataFrame) -> dg.AssetCheckResult:
    """Every proposal's meeting_id exists and its source_doc_id is a document."""
    meeting_ok, meeting_details = checks.foreign_keys_resolve(proposals, "meeting_id", meetings, "meeting_id")
    doc_ok, doc_details = checks.foreign_keys_resolve(proposals, "source_doc_id", documents, "doc_id")
    return _result((meeting_ok and doc_ok, {"meetings_dangling": meeting_details["dangling"],
                                           "documents_dangling": doc_details["dangling"], "rows": proposals.height}))

"""Extraction: per-document meetings, attendees and proposals, computed only for documents not seen before."""


import dagster as dg
import polars as pl

from pipeline.defs.keys import staging_ins
from pipeline.defs.metadata import COLUMN_SCHEMA, frame_column_schema
from pipeline.incremental import update_by_doc
from pipeline.settings import PipelineSettings
from pipeline.stages import EXTRACTION_DTYPES, extract_documents, run_batched
from pipeline.storage import previous_output
from pipeline.validation import frame_output


EXTRACTION_COLUMNS = {
    "meeting_count": "meeting mentions in the document", "attendee_count": "attendee mentions",
    "proposal_count": "proposal mentions",
    "merge_blocks": "the merge blocks (days, or the document itself for undated reports) its meetings fall in",
    "payload": "the document's mentions with evidence spans, as JSON",
}


@dg.asset(key_prefix="staging", group_name="extraction", kinds={"polars", "parquet"}, ins=staging_ins("documents"))
def document_extractions(context: dg.AssetExecutionContext, settings: PipelineSettings, documents: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per document: how many meetings, attendees and proposals it reports, and the mentions with evidence (JSON)."""
    extracted, computed, reused = update_by_doc(
        previous_output(settings, "document_extractions"), documents,
        lambda batch: run_batched(extract_documents, batch, settings.workers, EXTRACTION_DTYPES))
    context.log.info(f"extracted {computed} new documents, reused {reused}")
    totals = extracted.select(pl.col("meeting_count", "attendee_count", "proposal_count").sum()).row(0, named=True)
    return frame_output(extracted, **{COLUMN_SCHEMA: frame_column_schema(extracted, EXTRACTION_COLUMNS)},
                        extracted_now=computed, reused=reused,
                        documents_without_meeting=extracted.filter(pl.col("meeting_count") == 0).height,
                        **{k: int(v or 0) for k, v in totals.items()})

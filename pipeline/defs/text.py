"""Text: cleaning and segmentation, computed only for documents not seen before."""


import dagster as dg
import polars as pl

from pipeline.defs.keys import staging_ins
from pipeline.incremental import update_by_doc
from pipeline.ingest import accepted_sources
from pipeline.settings import PipelineSettings
from pipeline.stages import DOCUMENT_DTYPES, SEGMENT_DTYPES, clean_documents, run_batched, segment_documents
from pipeline.storage import previous_output
from pipeline.validation import validated_output
from schemas.documents import DocumentsSchema, SegmentsSchema


@dg.asset(key_prefix="staging", group_name="text", kinds={"polars", "parquet"}, ins=staging_ins("source_files"))
def documents(context: dg.AssetExecutionContext, settings: PipelineSettings, source_files: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per ingested document: cleaned body text, headline, publisher, publication time and dateline."""
    sources = accepted_sources(source_files)
    cleaned, computed, reused = update_by_doc(
        previous_output(settings, "documents"), sources,
        lambda batch: run_batched(clean_documents, batch, settings.workers, DOCUMENT_DTYPES))
    # a renamed file keeps its doc_id (same content) but must show its current path
    cleaned = cleaned.drop("source_path").join(sources.select("doc_id", "source_path"), on="doc_id")
    context.log.info(f"cleaned {computed} new documents, reused {reused}")
    return validated_output(cleaned, DocumentsSchema, cleaned_now=computed, reused=reused)


@dg.asset(key_prefix="staging", group_name="text", kinds={"polars", "parquet"}, ins=staging_ins("documents"))
def segments(context: dg.AssetExecutionContext, settings: PipelineSettings, documents: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per heading, paragraph or sentence of a cleaned document, with offsets into its clean_text."""
    split, computed, reused = update_by_doc(
        previous_output(settings, "segments"), documents.select("doc_id", "clean_text"),
        lambda batch: run_batched(segment_documents, batch, settings.workers, SEGMENT_DTYPES))
    context.log.info(f"segmented {computed} new documents, reused {reused}")
    return validated_output(split, SegmentsSchema, segmented_now=computed, reused=reused)

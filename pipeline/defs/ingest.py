"""Ingest: every input file becomes a document candidate or a rejection."""


import dagster as dg
import polars as pl

from pipeline.defs.keys import staging_ins
from pipeline.defs.metadata import COLUMN_SCHEMA, frame_column_schema
from pipeline.ingest import rejected_rows, scan_sources
from pipeline.settings import PipelineSettings
from pipeline.storage import previous_output
from pipeline.validation import frame_output, validated_output
from schemas.documents import RejectedDocumentsSchema


MANIFEST_COLUMNS = {
    "source_path": "path relative to the source folder", "size": "bytes when listed",
    "mtime_ns": "modification time when listed; with path and size, decides whether the file is read again",
    "doc_id": "content hash id (null for rejected files)", "status": "document, or the rejection reason",
    "detail": "why it was rejected, in a sentence", "text": "decoded text of an accepted file",
}


@dg.asset(key_prefix="staging", group_name="ingest", kinds={"polars", "parquet"})
def source_files(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.Output[pl.DataFrame]:
    """One row per file under the source folder: its content hash, status (document or rejection reason) and decoded text."""
    previous = previous_output(settings, "source_files")
    manifest = scan_sources(settings.source_root, settings.max_file_bytes, previous)
    counts = dict(manifest.group_by("status").len().iter_rows())
    unchanged = 0 if previous is None else manifest.join(
        previous.filter(pl.col("status") != "duplicate").select("source_path", "size", "mtime_ns"),
        on=["source_path", "size", "mtime_ns"], how="semi").height
    context.log.info(f"{manifest.height} files under {settings.source_root}: {counts}; read {manifest.height - unchanged}")
    return frame_output(manifest, **{COLUMN_SCHEMA: frame_column_schema(manifest, MANIFEST_COLUMNS)},
                        files=manifest.height, documents=counts.get("document", 0),
                        rejected=manifest.height - counts.get("document", 0),
                        read_now=manifest.height - unchanged, reused=unchanged)


@dg.asset(key_prefix="staging", group_name="ingest", kinds={"polars", "parquet"}, ins=staging_ins("source_files"))
def rejected_documents(source_files: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per input file that could not be processed, with a reason code and a sentence a person can act on."""
    return validated_output(rejected_rows(source_files), RejectedDocumentsSchema)

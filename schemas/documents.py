"""documents and segments: what ingest, cleaning and segmentation publish."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

SEGMENT_KINDS = ["heading", "paragraph", "sentence"]


class DocumentsSchema(pa.DataFrameModel):
    """One row per ingested source document (identical contents collapse to one row)."""

    doc_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$", description="stable id derived from the raw content hash")
    source_path: str = pa.Field(description="path of the input, relative to the source root")
    title: str = pa.Field(nullable=True, description="headline, boilerplate removed; null when the text has none")
    publisher: str = pa.Field(nullable=True, description="outlet, canonical form (Xinhua, CGTN, People's Daily, …)")
    published_at: pl.Datetime(time_unit="us") = pa.Field(nullable=True, description="publication time where the text states one (not the meeting date)")
    dateline: str = pa.Field(nullable=True, description="e.g. BEIJING, Dec. 17 (Xinhua)")
    clean_text: str = pa.Field(description="body text after cleaning; offsets in segments index into it")
    content_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the raw bytes")

    class Config:
        strict = True
        coerce = True


class SegmentsSchema(pa.DataFrameModel):
    """One row per heading, paragraph or sentence of a cleaned document, with character offsets."""

    doc_id: str = pa.Field(description="document the segment belongs to")
    segment_id: str = pa.Field(unique=True, description="stable: <doc_id>:p<paragraph>[:s<sentence>]")
    kind: str = pa.Field(isin=SEGMENT_KINDS, description="heading, paragraph or sentence")
    paragraph_index: pl.Int32 = pa.Field(ge=0, description="position of the paragraph in the document")
    sentence_index: pl.Int32 = pa.Field(nullable=True, ge=0, description="position of the sentence in its paragraph; null for headings and paragraphs")
    start: pl.Int32 = pa.Field(ge=0, description="start offset into clean_text")
    end: pl.Int32 = pa.Field(ge=0, description="end offset into clean_text: clean_text[start:end] == text")
    text: str = pa.Field(description="the segment's text")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def end_after_start(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("end") >= pl.col("start"))


class RejectedDocumentsSchema(pa.DataFrameModel):
    """One row per input file that could not be processed, with the reason."""

    source_path: str = pa.Field(unique=True, description="path of the input, relative to the source root")
    reason: str = pa.Field(
        isin=["empty", "not_text", "undecodable", "too_large", "duplicate", "unreadable", "symlink_outside_source", "changed_while_reading",
              "not_a_regular_file", "broken_link", "line_too_long"],
        description="short machine-readable code",
    )
    detail: str = pa.Field(description="a sentence a person can act on")

    class Config:
        strict = True
        coerce = True

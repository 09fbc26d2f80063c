"""Pandera schemas of the published tables, one registry for assets, storage and datapackage.json."""

from __future__ import annotations

import pandera.polars as pa

from schemas.documents import DocumentsSchema, RejectedDocumentsSchema, SegmentsSchema
from schemas.extraction import AttendeesSchema, EvidenceSchema, MeetingsSchema, ProposalsSchema

SCHEMA_VERSION = "1.0.0"

TABLES: dict[str, type[pa.DataFrameModel]] = {
    "documents": DocumentsSchema,
    "segments": SegmentsSchema,
    "meetings": MeetingsSchema,
    "attendees": AttendeesSchema,
    "proposals": ProposalsSchema,
    "evidence": EvidenceSchema,
    "rejected_documents": RejectedDocumentsSchema,
}

# rows are sorted by these columns so that two runs on the same input write identical files
PRIMARY_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "segments": ["segment_id"],
    "meetings": ["meeting_id"],
    "attendees": ["attendee_id"],
    "proposals": ["proposal_id"],
    "evidence": ["table", "record_id", "field", "doc_id", "start", "end"],
    "rejected_documents": ["source_path"],
}

FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "segments": [("doc_id", "documents", "doc_id")],
    "attendees": [("meeting_id", "meetings", "meeting_id")],
    "proposals": [("meeting_id", "meetings", "meeting_id"), ("source_doc_id", "documents", "doc_id")],
    "evidence": [("doc_id", "documents", "doc_id")],
}


def polars_dtypes(table: str) -> dict[str, object]:
    """Column name → Polars dtype of a contract table, to build frames that have the right columns even when empty."""
    dtypes = {}
    for name, column in TABLES[table].to_schema().columns.items():
        dtype = column.dtype.type
        dtypes[name] = dtype() if isinstance(dtype, type) else dtype
    return dtypes

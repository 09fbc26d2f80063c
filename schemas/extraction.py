"""meetings, attendees, proposals and evidence: what structured extraction publishes."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from pipeline.extract.model import ATTENDANCE, DATE_SOURCES, FORMATS, LEVELS, PROPOSAL_KINDS, ROLES, TOPICS

ISO_ALPHA3 = r"^[A-Z]{3}$"
EVIDENCE_TABLES = ["meetings", "attendees", "proposals"]


class MeetingsSchema(pa.DataFrameModel):
    """One row per distinct real-world meeting, merged across every document that reports it."""

    meeting_id: str = pa.Field(unique=True, description="stable, from canonical organization/mechanism + date (+ the reporting document when the date is unknown)")
    name: str = pa.Field(str_length={"min_value": 1}, description="canonical descriptive name, e.g. Seventh CICA Foreign Ministers' Meeting")
    organization: str = pa.Field(nullable=True, description="canonical short form of the body or mechanism: CICA, SCO, C+C5, BRICS, ASEAN, UN, …")
    organization_name: str = pa.Field(nullable=True, description="full name of the body or mechanism")
    level: str = pa.Field(isin=list(LEVELS), description="leaders, ministerial, vice_ministerial, other")
    date: pl.Date = pa.Field(nullable=True, description="the day the meeting took place; null only when nothing in the text dates it")
    date_source: str = pa.Field(isin=list(DATE_SOURCES), description="how date was obtained: explicit, relative_weekday, year_inferred, publication_date, unknown")
    edition: pl.Int16 = pa.Field(nullable=True, ge=1, description="ordinal of the meeting in its series (seventh → 7, inaugural → 1)")
    format: str = pa.Field(isin=list(FORMATS), description="in_person, virtual, hybrid, unknown")
    chair_name: str = pa.Field(nullable=True, description="person who chaired/presided/hosted the meeting")
    chair_country: str = pa.Field(nullable=True, str_matches=ISO_ALPHA3, description="ISO 3166-1 alpha-3 of the chair")
    outcome_documents: pl.List(pl.String) = pa.Field(description="documents adopted/issued (e.g. a joint statement)")
    source_doc_ids: pl.List(pl.String) = pa.Field(description="every document that reports this meeting")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def date_null_only_when_unknown(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("date").is_null() == (pl.col("date_source") == "unknown"))


class AttendeesSchema(pa.DataFrameModel):
    """One row per participant of a meeting (a person, or an unnamed office holder)."""

    meeting_id: str = pa.Field(description="meeting the person took part in")
    attendee_id: str = pa.Field(unique=True, description="stable id")
    name: str = pa.Field(nullable=True, description="canonical full name; null for an unnamed office holder")
    title: str = pa.Field(nullable=True, description="office as written, e.g. State Councilor and Foreign Minister")
    country: str = pa.Field(nullable=True, str_matches=ISO_ALPHA3, description="ISO 3166-1 alpha-3 of the state the person represents")
    organization: str = pa.Field(nullable=True, description="for officials of an organization (e.g. SCO for its Secretary-General)")
    role: str = pa.Field(isin=list(ROLES), description="chair, host, participant")
    attendance: str = pa.Field(isin=list(ATTENDANCE), description="in_person, virtual, unknown")
    source_doc_ids: pl.List(pl.String) = pa.Field(description="documents that report this attendee")

    class Config:
        strict = True
        coerce = True


class ProposalsSchema(pa.DataFrameModel):
    """One row per proposal, call or suggestion put forward at a meeting."""

    meeting_id: str = pa.Field(description="meeting the proposal was put forward at")
    proposal_id: str = pa.Field(unique=True, description="stable id")
    proposer_name: str = pa.Field(nullable=True, description="canonical full name; null for collective or agreed items")
    proposer_country: str = pa.Field(nullable=True, str_matches=ISO_ALPHA3, description="ISO alpha-3 of the proposer")
    ordinal: pl.Int16 = pa.Field(nullable=True, ge=1, description="position in an explicit enumeration (First, … → 1)")
    text: str = pa.Field(str_length={"min_value": 1}, description="the proposal itself: one actionable item")
    kind: str = pa.Field(isin=list(PROPOSAL_KINDS), description="proposal, call, suggestion, initiative")
    topics: pl.List(pl.String) = pa.Field(description=f"topics from: {', '.join(TOPICS)}")
    source_doc_id: str = pa.Field(description="document the row was read from")
    start: pl.Int32 = pa.Field(ge=0, description="start offset of the evidence in that document's clean_text")
    end: pl.Int32 = pa.Field(ge=0, description="end offset of the evidence in that document's clean_text")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def topics_from_vocabulary(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("topics").list.eval(pl.element().is_in(list(TOPICS))).list.all())


class EvidenceSchema(pa.DataFrameModel):
    """One row per text span that supports a meeting, attendee or proposal (many per row after merging)."""

    table: str = pa.Field(isin=EVIDENCE_TABLES, description="meetings, attendees or proposals")
    record_id: str = pa.Field(description="the row's meeting_id, attendee_id or proposal_id")
    field: str = pa.Field(description="what the span supports: a column name or * for the row as a whole")
    doc_id: str = pa.Field(description="document the span is in")
    start: pl.Int32 = pa.Field(ge=0, description="start offset into that document's clean_text")
    end: pl.Int32 = pa.Field(ge=0, description="end offset into that document's clean_text")
    quote: str = pa.Field(description="clean_text[start:end]")

    class Config:
        strict = True
        coerce = True

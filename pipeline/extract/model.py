"""Records that the extraction rules exchange: one document in, mentions with evidence spans out.

Offsets are character offsets into the document's `clean_text`; every span must satisfy
`clean_text[start:end] == quote` (checked downstream).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LEVELS = ("leaders", "ministerial", "vice_ministerial", "other")
DATE_SOURCES = ("explicit", "relative_weekday", "year_inferred", "publication_date", "unknown")
FORMATS = ("in_person", "virtual", "hybrid", "unknown")
ROLES = ("chair", "host", "participant")
ATTENDANCE = ("in_person", "virtual", "unknown")
PROPOSAL_KINDS = ("proposal", "call", "suggestion", "initiative")
TOPICS = (
    "health", "security", "development", "connectivity", "trade", "technology",
    "multilateralism", "culture", "regional_issue", "climate", "other",
)


@dataclass(frozen=True)
class Span:
    """A piece of `clean_text` that supports one field of a record (`*` for the record as a whole)."""

    field: str
    start: int
    end: int


@dataclass(frozen=True)
class DocumentContext:
    """What extraction knows about one cleaned document."""

    doc_id: str
    clean_text: str
    title: str | None = None
    published_at: dt.datetime | None = None
    dateline: str | None = None
    # (start, end) offsets into clean_text, in reading order
    paragraphs: tuple[tuple[int, int], ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass
class MeetingMention:
    """One meeting as one document reports it; merged across documents later."""

    key: str  # local to the document: "m0", "m1", …
    name: str
    level: str
    date: dt.date | None
    date_source: str
    format: str = "unknown"
    organization: str | None = None
    organization_name: str | None = None
    edition: int | None = None
    chair_name: str | None = None
    chair_country: str | None = None
    outcome_documents: list[str] = field(default_factory=list)
    # the character range of clean_text that reports this meeting (attendees and proposals inside it belong to it)
    scope: tuple[int, int] = (0, 0)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class AttendeeMention:
    """One participant of one meeting mention."""

    meeting_key: str
    name: str | None
    title: str | None
    country: str | None
    organization: str | None
    role: str = "participant"
    attendance: str = "unknown"
    evidence: list[Span] = field(default_factory=list)


@dataclass
class ProposalMention:
    """One actionable item put forward at a meeting."""

    meeting_key: str
    text: str
    kind: str
    start: int
    end: int
    proposer_name: str | None = None
    proposer_country: str | None = None
    ordinal: int | None = None
    topics: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class DocumentExtraction:
    """Everything extracted from one document."""

    doc_id: str
    meetings: list[MeetingMention] = field(default_factory=list)
    attendees: list[AttendeeMention] = field(default_factory=list)
    proposals: list[ProposalMention] = field(default_factory=list)

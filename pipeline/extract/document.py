"""One document in, its meetings, attendees and proposals out."""

from __future__ import annotations

from pipeline.extract.attendees import find_attendees
from pipeline.extract.meetings import find_meetings
from pipeline.extract.model import DocumentContext, DocumentExtraction
from pipeline.extract.proposals import find_proposals


def extract_document(context: DocumentContext) -> DocumentExtraction:
    """Run the rule families in order: meetings scope the document, attendees name people, proposals use both."""
    meetings = find_meetings(context)
    attendees = find_attendees(context, meetings)
    proposals = find_proposals(context, meetings, attendees)
    return DocumentExtraction(context.doc_id, meetings, attendees, proposals)

"""Participants of the meetings a document reports (placeholder until the attendee rules land)."""

from __future__ import annotations

from pipeline.extract.model import AttendeeMention, DocumentContext, MeetingMention


def find_attendees(context: DocumentContext, meetings: list[MeetingMention]) -> list[AttendeeMention]:
    """Attendees of each meeting mention."""
    return []

"""Meetings a document reports (placeholder until the meeting rules land)."""

from __future__ import annotations

from pipeline.extract.model import DocumentContext, MeetingMention


def find_meetings(context: DocumentContext) -> list[MeetingMention]:
    """Meetings reported in the document, each with its scope and evidence."""
    return []

"""Proposals put forward at the meetings a document reports (placeholder until the proposal rules land)."""

from __future__ import annotations

from pipeline.extract.model import AttendeeMention, DocumentContext, MeetingMention, ProposalMention


def find_proposals(
    context: DocumentContext, meetings: list[MeetingMention], attendees: list[AttendeeMention]
) -> list[ProposalMention]:
    """Proposals of each meeting mention."""
    return []

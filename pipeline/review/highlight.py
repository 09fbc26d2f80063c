"""A document's clean text as HTML with every evidence span highlighted, overlapping spans included.

Spans may nest (a date inside a meeting's sentence) or cross. The text is cut at every span boundary; each
piece is wrapped in one `<mark>` per span covering it, the longest outermost, so every `<mark>` belongs to
exactly one evidence row and the pieces of a span, read in order, give back its quote.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

KINDS = ("meeting", "date", "attendee", "proposal")
_TABLE_KINDS = {"meetings": "meeting", "attendees": "attendee", "proposals": "proposal"}


def evidence_kind(table: str, field: str) -> str:
    """Highlight colour of an evidence row: a meeting's date has its own, otherwise the table's.

    >>> evidence_kind("meetings", "date"), evidence_kind("attendees", "name")
    ('date', 'attendee')
    """
    if table == "meetings" and field == "date":
        return "date"
    return _TABLE_KINDS[table]


@dataclass(frozen=True)
class Highlight:
    """One evidence row of the document: its index on the page and what it supports."""

    index: int
    table: str
    record_id: str
    field: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        return evidence_kind(self.table, self.field)


def _mark_open(span: Highlight, first: bool) -> str:
    anchor = f' id="ev-{span.index}"' if first else ""
    label = html.escape(f"{span.table}.{span.field} of {span.record_id}", quote=True)
    return (f'<mark{anchor} class="ev k-{span.kind}" data-ev="{span.index}" data-table="{span.table}" '
            f'data-record="{span.record_id}" data-field="{html.escape(span.field, quote=True)}" '
            f'data-start="{span.start}" data-end="{span.end}" title="{label}">')


def highlighted_text(text: str, spans: list[Highlight]) -> str:
    """`text` as escaped HTML with a `<mark class="ev k-<kind>" data-ev=…>` around every piece of every span.

    >>> highlighted_text("Wang Yi spoke", [Highlight(0, "attendees", "a1", "name", 0, 7)])[:40]
    '<mark id="ev-0" class="ev k-attendee" da'
    """
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    seen: set[int] = set()
    parts = []
    for left, right in zip(cuts, cuts[1:]):
        covering = sorted((s for s in usable if s.start <= left and right <= s.end),
                          key=lambda s: (-(s.end - s.start), s.index))
        opened = []
        for span in covering:
            opened.append(_mark_open(span, span.index not in seen))
            seen.add(span.index)
        parts.append("".join(opened) + html.escape(text[left:right]) + "</mark>" * len(covering))
    return "".join(parts)

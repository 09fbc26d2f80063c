"""DocumentExtraction ↔ JSON, so per-document results can be cached and merged in another process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from pipeline.extract.model import AttendeeMention, DocumentExtraction, MeetingMention, ProposalMention, Span


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def extraction_to_json(extraction: DocumentExtraction) -> str:
    """Canonical JSON (sorted keys) of one document's extraction."""
    def record(item: object) -> dict[str, object]:
        return {f.name: _plain(getattr(item, f.name)) if f.name != "evidence" else
                [dataclasses.asdict(span) for span in getattr(item, f.name)]
                for f in dataclasses.fields(item)}  # type: ignore[arg-type]
    return json.dumps({
        "doc_id": extraction.doc_id,
        "meetings": [record(m) for m in extraction.meetings],
        "attendees": [record(a) for a in extraction.attendees],
        "proposals": [record(p) for p in extraction.proposals],
    }, sort_keys=True, ensure_ascii=False)


def _spans(items: list[dict[str, object]]) -> list[Span]:
    return [Span(**item) for item in items]  # type: ignore[arg-type]


def extraction_from_json(payload: str) -> DocumentExtraction:
    """Inverse of `extraction_to_json`."""
    data = json.loads(payload)
    meetings = []
    for m in data["meetings"]:
        m = dict(m, evidence=_spans(m["evidence"]), scope=tuple(m["scope"]))
        m["date"] = dt.date.fromisoformat(m["date"]) if m["date"] else None
        meetings.append(MeetingMention(**m))
    attendees = [AttendeeMention(**dict(a, evidence=_spans(a["evidence"]))) for a in data["attendees"]]
    proposals = [ProposalMention(**dict(p, evidence=_spans(p["evidence"]))) for p in data["proposals"]]
    return DocumentExtraction(data["doc_id"], meetings, attendees, proposals)

"""Bodies and mechanisms: canonical short and full names, aliases, dated member lists (placeholder)."""

from __future__ import annotations

import datetime as dt


def member_states(organization: str, on: dt.date | None = None) -> list[str]:
    """ISO alpha-3 codes of the member states of `organization` (canonical short form) on a date."""
    return []

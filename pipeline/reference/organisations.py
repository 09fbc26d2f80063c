"""Bodies and mechanisms: canonical short and full names, aliases, dated member lists.

Data: `organisations.json` (sources named in its `sources` block). Each entry has a canonical `short`
form, a full `name`, `aliases` (matched as written: acronyms are case-sensitive), optional regex
`patterns` for descriptive mentions ("China and the five Central Asian countries"), an optional
`meeting_org` (the body a mechanism's meetings are filed under: an ARF meeting is an ASEAN meeting) and
`members` with ISO alpha-3 codes and join/leave dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("organisations.json")


@dataclass(frozen=True)
class Organisation:
    short: str
    name: str
    meeting_org: str
    aliases: tuple[str, ...]
    patterns: tuple[str, ...]
    members: tuple[tuple[str, dt.date | None, dt.date | None], ...]


@dataclass(frozen=True)
class OrganisationMatch:
    """One mention: `text[start:end]` names the body `short`."""

    start: int
    end: int
    short: str


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Organisation], re.Pattern[str], dict[str, str]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    orgs: dict[str, Organisation] = {}
    alias_to_short: dict[str, str] = {}
    pieces: list[tuple[int, str]] = []
    for entry in data["organisations"]:
        org = Organisation(
            short=entry["short"],
            name=entry["name"],
            meeting_org=entry.get("meeting_org") or entry["short"],
            aliases=tuple(dict.fromkeys([*entry["aliases"], entry["name"]])),
            patterns=tuple(entry.get("patterns", [])),
            members=tuple((m["iso3"], _day(m.get("from")), _day(m.get("to"))) for m in entry["members"]),
        )
        orgs[org.short] = org
        for alias in org.aliases:
            alias_to_short[alias.lower()] = org.short
            pieces.append((len(alias), _alias_regex(alias)))
        for index, pattern in enumerate(org.patterns):
            group = f"p_{len(orgs)}_{index}"
            alias_to_short[group] = org.short
            pieces.append((len(pattern), f"(?P<{group}>{pattern})"))
    # Longest alternatives first so "ASEAN Regional Forum" wins over "ASEAN".
    alternation = "|".join(p for _, p in sorted(pieces, key=lambda item: -item[0]))
    return orgs, re.compile(rf"(?<![\w+-])(?:{alternation})(?![\w+]|-\w)"), alias_to_short


def _alias_regex(alias: str) -> str:
    """Acronyms match case-sensitively ("UN", not "un"); longer names also in any case ("extended Troika")."""
    escaped = re.escape(alias)
    if alias.isupper() or len(alias) <= 5 or any(ch.isdigit() for ch in alias):
        return escaped
    return f"(?i:{escaped})"


def organisations() -> dict[str, Organisation]:
    """Every known body by canonical short form."""
    return _load()[0]


def find_organisations(text: str) -> list[tuple[int, int, str]]:
    """Mentions of known bodies, left to right, as (start, end, canonical short form).

    >>> find_organisations("the 29th ASEAN Regional Forum (ARF) Foreign Ministers' Meeting")
    [(9, 29, 'ARF'), (31, 34, 'ARF')]
    """
    _, pattern, alias_to_short = _load()
    found = []
    for match in pattern.finditer(text):
        group = next((name for name, value in match.groupdict().items() if value), None)
        short = alias_to_short.get(group) if group else alias_to_short.get(match.group(0).lower())
        if short:
            found.append((match.start(), match.end(), short))
    return found


def canonical(name: str) -> str | None:
    """Canonical short form for an alias or full name: `canonical("Mekong-Lancang Cooperation") == "LMC"`."""
    orgs, _, alias_to_short = _load()
    if name in orgs:
        return name
    short = alias_to_short.get(name.strip().lower())
    if short:
        return short
    hits = find_organisations(name)
    return hits[0][2] if hits and hits[0][1] - hits[0][0] == len(name.strip()) else None


def meeting_organisation(short: str) -> str:
    """The body a mechanism's meetings are filed under: `meeting_organisation("ARF") == "ASEAN"`."""
    org = organisations().get(short)
    return org.meeting_org if org else short


def full_name(short: str) -> str | None:
    """Full name of a body: `full_name("CICA")` is the Conference on Interaction and Confidence Building Measures in Asia."""
    org = organisations().get(short)
    return org.name if org else None


def member_states(organization: str, on: dt.date | None = None) -> list[str]:
    """ISO alpha-3 codes of the member states of `organization` (canonical short form or alias) on a date.

    Without a date, the current members. A state that left and rejoined counts on the dates it was in.

    >>> member_states("SCO", dt.date(2020, 9, 10))
    ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']
    """
    short = canonical(organization) or organization
    org = organisations().get(short)
    if org is None:
        return []
    day = on or dt.date.today()
    members = {
        code for code, joined, left in org.members
        if (joined is None or joined <= day) and (left is None or day < left)
    }
    return sorted(members)

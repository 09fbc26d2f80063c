"""Topic labels for a proposal's text, from a keyword gazetteer over the contract's topic vocabulary."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.model import TOPICS

# Word stems (matched at a word start, case-insensitive) that signal each topic in diplomatic readouts.
# A stem ending in a space must be followed by that space, which keeps "trade" from matching "tradition".
TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "health": (
        "health", "covid", "pandemic", "epidemic", "virus", "vaccin", "medic", "disease", "infect",
        "anti-epidemic", "who ", "world health", "covax", "hospital", "drug", "biosecur", "outbreak",
    ),
    "security": (
        "security", "peace", "stability", "terror", "extremis", "separatis", "military", "defen", "armed",
        "conflict", "ceasefire", "violence", "disarm", "nuclear", "troops", "border troops", "provocation",
        "sovereignty", "territorial integrity", "threat", "narcotic", "tension", "confrontation", "offensive",
        "disengage", "maritime dispute", "piracy",
    ),
    "development": (
        "development", "develop ", "prosperity", "poverty", "economic", "economy", "recovery", "growth",
        "agricultur", "food", "livelihood", "humanitarian", "reconstruction", "industrial", "investment",
        "aid ", "assistance", "revitaliz", "financ", "resources", "energy", "capacity building", "socio-economic",
    ),
    "connectivity": (
        "connectivity", "belt and road", "silk road", "corridor", "railway", "transport", "green channel",
        "green lane", "fast lane", "fast track", "logistic", "infrastructure", "interconnect", "port",
        "flow of people", "travel", "land-sea",
    ),
    "trade": (
        "trade", "trading", "tariff", "market", "e-commerce", "supply chain", "wto", "free trade",
        "commerce", "business", "protectionism", "currency", "rcep", "export", "import", "sanction",
        "investment",
    ),
    "technology": (
        "technolog", "digital", "innovation", "artificial intelligence", "5g", "big data", "internet",
        "science", "cyber", "outer space", "satellite", "juncao",
    ),
    "multilateralism": (
        "multilateral", "united nations", "un charter", "un-centered", "international order",
        "global governance", "international system", "community with a shared future", "shared future",
        "unilateralism", "bullying", "international law", "equity and justice", "fairness and justice",
        "cooperation mechanism", "organization", "organisation", "forum", "mechanism", "cica", "sco", "brics",
        "asean", "council", "solidarity", "win-win", "zero-sum", "global south", "international relations",
        "rules", "justice", "governance", "public goods", "coordination", "double standard", "exceptionalism",
        "every party", "all parties", "centrality",
    ),
    "culture": (
        "culture", "cultural", "civilization", "civilisation", "people-to-people", "exchanges", "mutual learning",
        "tourism", "education", "students", "youth", "media", "think tank", "language", "confucius", "indigenous",
    ),
    "regional_issue": (
        "afghan", "taliban", "myanmar", "rohingya", "palestin", "israel", "ukrain", "korean peninsula",
        "south china sea", "syria", "iran nuclear", "middle east", "rakhine", "kabul", "hotspot", "border area",
        "boundary", "lac ",
    ),
    "climate": (
        "climate", "emission", "carbon", "environment", "green development", "drought", "flood", "disaster",
        "biodiversity", "marine", "ocean", "plastic", "arctic", "water resources", "hydrolog", "warming",
    ),
}

# The topics a readout item is usually filed under when two compete: a named crisis beats the generic
# "security"/"development" words that describe what to do about it.
TOPIC_PRIORITY = (
    "regional_issue", "health", "climate", "technology", "connectivity", "trade", "culture",
    "security", "development", "multilateralism",
)

_TOPIC_ORDER = tuple(TOPIC_KEYWORDS)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(k) for k in words)


# One pass finds every word start where some keyword begins; there one lookahead per topic captures that
# topic's first keyword in list order (empty when none), so one scan serves all topics instead of one
# regex per topic with a lookbehind in front of every alternative, which was ~20x slower.
_KEYWORD_SCAN = re.compile(
    r"(?<![a-z0-9])(?=" + _alternation(sorted({k for words in TOPIC_KEYWORDS.values() for k in words})) + ")"
    + "".join("(?=(" + _alternation(TOPIC_KEYWORDS[topic]) + ")|)" for topic in _TOPIC_ORDER)
)

MAX_TOPICS = 2
# A meeting about one crisis files its items under it too ("support Afghanistan's reconstruction" at a
# meeting on Afghanistan is a regional issue as well as development); it is the theme when its keywords are
# frequent and a large share of all topic keywords of the report.
THEME_MIN_HITS = 5
THEME_MIN_SHARE = 0.25


def topic_hits(text: str) -> dict[str, int]:
    """How often each topic's keywords occur in `text` (non-overlapping, at word starts).

    >>> topic_hits("free trade, trade and tradition")["trade"]
    2
    """
    lowered = f" {text.lower()} "
    counts = dict.fromkeys(_TOPIC_ORDER, 0)
    resume = dict.fromkeys(_TOPIC_ORDER, 0)
    for match in _KEYWORD_SCAN.finditer(lowered):
        start = match.start()
        for topic, keyword in zip(_TOPIC_ORDER, match.groups()):
            # matches of one topic do not overlap: "free trade" counts once, not again for its "trade"
            if keyword is not None and start >= resume[topic]:
                counts[topic] += 1
                resume[topic] = start + len(keyword)
    return counts


def meeting_theme(text: str) -> str | None:
    """The crisis a meeting report is about (`regional_issue`), when its keywords recur throughout."""
    hits = topic_hits(text)
    regional, total = hits["regional_issue"], sum(hits.values())
    return "regional_issue" if regional >= THEME_MIN_HITS and regional >= THEME_MIN_SHARE * total else None


def topics_for(text: str, theme: str | None = None) -> list[str]:
    """Topics of one proposal text: its best-supported topic (two on a tie), `other` when nothing fits.

    `theme` (from `meeting_theme`) is added as the second topic of every item of a meeting about a crisis.

    >>> topics_for("jointly advance Belt and Road cooperation to promote prosperity and development")
    ['development']
    >>> topics_for("stepping up humanitarian assistance", theme="regional_issue")
    ['development', 'regional_issue']
    """
    hits = topic_hits(text)
    ranked = sorted(
        (topic for topic, n in hits.items() if n),
        key=lambda t: (-hits[t], TOPIC_PRIORITY.index(t)),
    )
    if not ranked:
        return [theme] if theme else ["other"]
    best = hits[ranked[0]]
    # a second topic only when it is as well supported as the first: readout items rarely span more
    chosen = [t for t in ranked[:MAX_TOPICS] if hits[t] == best]
    if theme and theme not in chosen:
        chosen = [ranked[0], theme]
    return [t for t in TOPICS if t in chosen]

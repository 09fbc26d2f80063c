"""Topic labels for a proposal's text, from a keyword gazetteer over the contract's topic vocabulary."""

from __future__ import annotations

import re

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
        "science", "r&d", "cyber", "space ", "satellite", "juncao",
    ),
    "multilateralism": (
        "multilateral", "united nations", "un charter", "un-centered", "international order",
        "global governance", "international system", "community with a shared future", "shared future",
        "unilateralism", "bullying", "international law", "equity and justice", "fairness and justice",
        "cooperation mechanism", "organization", "organisation", "forum", "mechanism", "cica", "sco", "brics",
        "asean", "council", "solidarity", "win-win", "zero-sum", "global south", "international relations",
        "rules",
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

_PATTERNS: dict[str, re.Pattern[str]] = {
    topic: re.compile("|".join(r"(?<![a-z0-9])" + re.escape(k) for k in words))
    for topic, words in TOPIC_KEYWORDS.items()
}

MAX_TOPICS = 2


def topics_for(text: str) -> list[str]:
    """Topics of one proposal text: the best-supported topics, at most two, `other` when nothing fits.

    >>> topics_for("jointly advance Belt and Road cooperation to promote prosperity and development")
    ['development', 'connectivity']
    """
    lowered = f" {text.lower()} "
    hits = {topic: len(pattern.findall(lowered)) for topic, pattern in _PATTERNS.items()}
    ranked = sorted(
        (topic for topic, n in hits.items() if n),
        key=lambda t: (-hits[t], TOPIC_PRIORITY.index(t)),
    )
    if not ranked:
        return ["other"]
    best = hits[ranked[0]]
    # a second topic only when it is as well supported as the first: readout items rarely span more
    chosen = [t for t in ranked[:MAX_TOPICS] if hits[t] == best]
    return [t for t in TOPICS if t in chosen]

"""Offices and titles as patterns, bodies whose officials attend meetings, and dated office holders.

`office_holders.csv` lists holders of the offices readouts mention most (foreign ministers of the
states active in SCO, BRICS, ASEAN, C+C5 and neighbouring formats, heads of state/government of the
main actors, secretaries-general of UN, SCO, ASEAN, CICA, PIF, LAS, OIC, …) with term dates. Source:
general knowledge of public records; start/end dates are exact where well known and otherwise
accurate to the month. `end` empty = still in office when the file was written. Aliases are
`;`-separated spellings (transliteration variants, forms with initials).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HOLDERS_FILE = Path(__file__).with_name("office_holders.csv")

# Words that qualify an office ("Deputy Prime Minister", "State Councilor", "Union Minister").
OFFICE_MODIFIERS = (
    "Deputy", "Vice", "First", "Acting", "Senior", "Chief", "Special", "Prime", "Foreign", "State", "Union",
    "External Affairs", "Foreign Affairs", "Federal", "Permanent", "Executive", "Assistant", "Under", "Principal", "Interim",
    "Caretaker", "Grand", "Crown",
)
# The office nouns themselves; plural forms serve group mentions ("foreign ministers of ...").
OFFICE_HEADS = (
    "Secretary-General", "Secretary General", "Secretaries-General", "Director-General", "Director General",
    "Minister", "Ministers", "Secretary", "Secretaries", "Councilor", "Councillor", "Counsellor", "Councilors",
    "President", "Presidents", "Premier", "Chancellor", "Envoy", "Envoys", "Representative", "Representatives",
    "Director", "Chairperson", "Chairman", "Chairwoman", "Chair", "Ambassador", "King", "Emir", "Prince",
    "Commissioner", "High Representative", "Spokesperson", "Spokesman", "Spokeswoman",
    # interim and transitional governments name their ministers advisers ("Foreign Affairs Adviser")
    "Adviser", "Advisers", "Advisor", "Advisors", "Undersecretary", "Under-Secretary", "Under Secretary",
)
# Words a portfolio is made of ("Minister of Foreign Affairs, International Cooperation and External Trade").
PORTFOLIO_WORDS = (
    "Foreign", "Affairs", "External", "International", "Relations", "Cooperation", "Co-operation", "Trade",
    "Expatriates", "Emigrants", "Investments", "Investment", "Justice", "Defence", "Defense", "Finance",
    "Economy", "Economic", "Commerce", "Development", "Interior", "Home", "Worldwide", "Regional",
    "Integration", "Overseas", "Culture", "Energy", "Agriculture", "Health", "Planning", "Public", "Security",
    "Industry", "National", "European", "Francophonie", "Immigration", "Tourism", "Diaspora", "Communities",
    "State", "Nationals", "Abroad", "Reconciliation", "Europe", "Bilateral", "Multilateral", "Policy", "Political",
    "Consular", "ASEAN",
)
# Where an envoy or a permanent representative is accredited: "Permanent Representative to the United Nations",
# "Ambassador to the UN". Case-sensitive, so "minister to attend" is not a title.
_ACCREDITATION = (
    r"(?:\s+(?-i:to\s+(?:the\s+)?(?:United\s+Nations|UN|U\.N\.|African\s+Union|European\s+Union|ASEAN|WTO"
    r"|Organization\s+of\s+American\s+States|(?:UN|United\s+Nations)\s+(?:Office\s+)?(?:in|at)\s+Geneva)))"
)
# Abbreviated titles used in Indian and Chinese house style.
TITLE_ABBREVIATIONS = ("EAM", "FM", "PM")

_PORTFOLIO = (
    r"(?:(?:of|for)\s+(?:the\s+)?|[Rr]esponsible\s+for\s+)"
    r"(?:{w})(?:(?:\s*,\s*|\s+and\s+|\s+&\s+|\s+)(?:{w}))*"
).format(w="|".join(re.escape(w) for w in PORTFOLIO_WORDS))
_MODIFIER = "|".join(re.escape(m) for m in OFFICE_MODIFIERS)
_HEAD = "|".join(re.escape(h) for h in sorted(OFFICE_HEADS, key=len, reverse=True))
_ONE_OFFICE = rf"(?:(?:{_MODIFIER})[\s-]+)*(?:{_HEAD})(?:\s+{_PORTFOLIO}){{0,2}}{_ACCREDITATION}?"
_ABBREVIATION = "|".join(TITLE_ABBREVIATIONS)
# Case-insensitive so that appositions ("Jeyhun Bayramov, foreign minister of Azerbaijan") match too;
# the abbreviations are matched case-sensitively below.
TITLE_PATTERN = re.compile(
    rf"(?<![\w-])(?i:{_ONE_OFFICE}(?:(?:\s*,\s*|\s+and\s+){_ONE_OFFICE})*)(?![\w-])"
    rf"|(?<![\w-])(?:{_ABBREVIATION})(?![\w-])"
)
# Every title contains an office noun (matched case-insensitively) or an abbreviation: a text with neither
# needs no scan. The four non-ASCII letters that Python's case-insensitive matching equates with ASCII
# letters are mapped first, so the check never misses a title the pattern would find.
_IGNORECASE_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})
_TITLE_NOUNS: tuple[str, ...] = ()
for _noun in sorted({head.lower() for head in OFFICE_HEADS}, key=len):
    if not any(kept in _noun for kept in _TITLE_NOUNS):  # "minister" covers "ministers"
        _TITLE_NOUNS += (_noun,)

# Bodies whose officials attend meetings: alias → canonical short form (GUIDELINES §3).
ORGANISATION_ALIASES: dict[str, str] = {
    "SCO": "SCO", "Shanghai Cooperation Organization": "SCO", "Shanghai Cooperation Organisation": "SCO",
    "Regional Anti-Terrorist Structure": "SCO", "RATS": "SCO",
    "ASEAN": "ASEAN", "Association of Southeast Asian Nations": "ASEAN",
    "UN": "UN", "U.N.": "UN", "United Nations": "UN", "UN General Assembly": "UN", "General Assembly": "UN",
    "PIF": "PIF", "Pacific Islands Forum": "PIF", "Forum": "PIF",
    "LAS": "LAS", "League of Arab States": "LAS", "Arab League": "LAS",
    "AU": "AU", "African Union": "AU", "African Union Commission": "AU",
    "OIC": "OIC", "Organization of Islamic Cooperation": "OIC", "Organisation of Islamic Cooperation": "OIC",
    "CICA": "CICA", "Conference on Interaction and Confidence Building Measures in Asia": "CICA",
    "ESCAP": "ESCAP", "EU": "EU", "European Union": "EU", "NATO": "NATO", "WHO": "WHO",
    "World Health Organization": "WHO", "GCC": "GCC", "Gulf Cooperation Council": "GCC",
    "CIS": "CIS", "CSTO": "CSTO", "Eurasian Economic Union": "EAEU", "EAEU": "EAEU", "SAARC": "SAARC",
    "BIMSTEC": "BIMSTEC", "IAEA": "IAEA", "WTO": "WTO", "IMF": "IMF", "World Bank": "World Bank",
    "Commonwealth": "Commonwealth", "OSCE": "OSCE", "ECO": "ECO", "Economic Cooperation Organization": "ECO",
    "OAS": "OAS", "Organization of American States": "OAS", "CARICOM": "CARICOM", "ECOWAS": "ECOWAS",
    "SADC": "SADC", "Mercosur": "Mercosur", "MERCOSUR": "Mercosur", "OTS": "OTS", "Organization of Turkic States": "OTS",
    "IORA": "IORA", "Indian Ocean Rim Association": "IORA", "EAC": "EAC", "East African Community": "EAC",
}
# Titles that belong to a body, not a state, when an organisation name sits next to them.
ORGANISATION_OFFICE_HEADS = (
    "secretary-general", "secretary general", "director-general", "director general", "director",
    "chairperson", "chairman", "chair", "president", "commissioner", "high representative",
    "executive secretary", "deputy secretary-general", "deputy secretary general",
)
_ORG_ALTERNATION = "|".join(re.escape(a) for a in sorted(ORGANISATION_ALIASES, key=len, reverse=True))
ORGANISATION_PATTERN = re.compile(rf"(?<![\w-])(?:{_ORG_ALTERNATION})(?![\w-])")

# Office kinds as the holder table names them, recognised from a title's words.
FOREIGN_MINISTER_PATTERN = re.compile(
    r"foreign\s+minister|minister\s+(?:of|for)\s+(?:the\s+)?foreign|external\s+affairs\s+minister|"
    r"minister\s+(?:of|for)\s+external\s+affairs|minister\s+of\s+international\s+relations|"
    r"^secretary\s+of\s+state$|secretary\s+of\s+foreign\s+affairs|minister\s+responsible\s+for\s+foreign|"
    r"^eam$|^fm$|foreign\s+affairs\s+minister|top\s+diplomat",
    re.IGNORECASE,
)
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
REGNAL_NUMERALS = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
# Letters that NFKD does not split into a base letter and an accent.
TRANSLITERATION = str.maketrans({
    "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe",
})


@dataclass(frozen=True)
class OfficeHolder:
    """One term of one person in one office."""

    name: str
    country: str | None
    organization: str | None
    office: str
    start: dt.date | None
    end: dt.date | None
    aliases: tuple[str, ...] = ()

    def holds_on(self, on: dt.date | None) -> bool:
        """Whether the term covers `on` (an unknown date is covered by every term)."""
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


def fold(text: str) -> str:
    """Lower case without accents: `fold("António") == "antonio"`."""
    text = text.translate(TRANSLITERATION)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def name_tokens(name: str) -> list[str]:
    """Folded words of a person's name without suffixes: `name_tokens("Teodoro Locsin Jr.") == ["teodoro", "locsin"]`."""
    return list(_name_tokens(name))


# Names recur across a corpus and every lookup compares one against the whole holder table: the folded
# words and surname similarities are remembered instead of recomputed per comparison.
@lru_cache(maxsize=1 << 16)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z]+", fold(name))
    if len(words) == 2 and words[1] in REGNAL_NUMERALS:
        return tuple(words)  # a regnal name ("Abdullah II"): the numeral is what tells it from other Abdullahs
    return tuple(w for w in words if w not in NAME_SUFFIXES)


@lru_cache(maxsize=1 << 16)
def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def same_person(a: str | None, b: str | None) -> bool:
    """Same surname (one-letter variants allowed) and compatible first given names or initials.

    >>> same_person("Sergei Lavrov", "Sergey Lavrov"), same_person("S. Jaishankar", "Subrahmanyam Jaishankar")
    (True, True)
    """
    if not a or not b:
        return False
    x, y = _name_tokens(a), _name_tokens(b)
    if not x or not y:
        return False
    if x[-1] != y[-1] and _similarity(x[-1], y[-1]) < 0.85:
        return False
    xf, yf = x[:-1], y[:-1]
    if not xf or not yf:
        return True
    first = xf[0]
    return any(
        first == other or (len(first) == 1 and other.startswith(first)) or (len(other) == 1 and first.startswith(other))
        or _similarity(first, other) >= 0.8
        for other in yf
    )


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def office_holders() -> tuple[OfficeHolder, ...]:
    """Every term in `office_holders.csv`."""
    with HOLDERS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            OfficeHolder(
                name=row["name"], country=row["country"] or None, organization=row["organization"] or None,
                office=row["office"], start=_date(row["start"]), end=_date(row["end"]),
                aliases=tuple(a for a in (row.get("aliases") or "").split(";") if a),
            )
            for row in csv.DictReader(handle)
        )


def find_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of every office title in `text`, compound titles as one span.

    >>> t = "State Councilor and Foreign Minister Wang Yi"; [t[s:e] for s, e in find_titles(t)]
    ['State Councilor and Foreign Minister']
    """
    folded = text.lower()
    if not text.isascii() and any(chr(twin) in text for twin in _IGNORECASE_TWINS):
        folded = text.translate(_IGNORECASE_TWINS).lower()
    if not any(noun in folded for noun in _TITLE_NOUNS) and not any(a in text for a in TITLE_ABBREVIATIONS):
        return []
    return [(m.start(), m.end()) for m in TITLE_PATTERN.finditer(text)]


def organisation_code(text: str) -> str | None:
    """Canonical short form of a body's name: `organisation_code("League of Arab States") == "LAS"`."""
    cleaned = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return ORGANISATION_ALIASES.get(cleaned)


def is_organisation_office(title: str) -> bool:
    """Whether a title is an office a body (not a state) fills: `is_organisation_office("Secretary-General")`."""
    lowered = title.lower().strip()
    return any(lowered == head or lowered.endswith(" " + head) for head in ORGANISATION_OFFICE_HEADS)


def office_kinds(title: str) -> set[str]:
    """Holder-table office kinds a (possibly compound) title names.

    >>> sorted(office_kinds("Deputy Prime Minister and Minister of Foreign Affairs"))
    ['foreign_minister']
    """
    kinds: set[str] = set()
    for part in re.split(r"\s*,\s*|\s+and\s+(?=[A-Za-z-]*\s*(?:minister|secretary|councilor|councillor|president|premier))",
                         title, flags=re.IGNORECASE):
        lowered = part.lower()
        if re.search(r"\b(?:deputy|vice|assistant|under)\b", lowered):
            if FOREIGN_MINISTER_PATTERN.search(lowered) or "secretary of state" in lowered:
                kinds.add("deputy_foreign_minister")
            continue
        if FOREIGN_MINISTER_PATTERN.search(lowered):
            kinds.add("foreign_minister")
        elif "state councilor" in lowered or "state councillor" in lowered:
            kinds.add("state_councilor")
        elif re.search(r"secretary[- ]general", lowered):
            kinds.add("secretary_general")
        elif re.search(r"\bprime minister\b|\bpremier\b", lowered):
            kinds.add("head_of_government")
        elif re.search(r"\bpresident\b", lowered):
            kinds.add("head_of_state")
        elif re.search(r"envoy|special representative", lowered):
            kinds.add("special_envoy")
    return kinds


def holder_of(office: str, country: str | None = None, organization: str | None = None,
              on: dt.date | None = None) -> OfficeHolder | None:
    """Who held `office` for a state or a body on a date (None when unknown or ambiguous).

    >>> holder_of("foreign_minister", country="CHN", on=dt.date(2023, 5, 5)).name
    'Qin Gang'
    """
    found = [
        h for h in office_holders()
        if h.office == office and h.holds_on(on)
        and (country is None or h.country == country) and (organization is None or h.organization == organization)
    ]
    names = {h.name for h in found}
    return found[0] if len(names) == 1 else None


def person_terms(name: str, on: dt.date | None = None) -> list[OfficeHolder]:
    """Terms held on `on` by the person `name` denotes (spelling variants and initials allowed).

    >>> [t.country for t in person_terms("Sergei Lavrov", dt.date(2020, 5, 13))]
    ['RUS']
    """
    return [h for h in _terms_of(name) if h.holds_on(on)]


@lru_cache(maxsize=1 << 12)
def _terms_of(name: str) -> tuple[OfficeHolder, ...]:
    """Every term of the person `name` denotes, whatever the date (a scan of the table, remembered per name)."""
    if not _name_tokens(name):
        return ()
    return tuple(
        h for h in office_holders() if any(same_person(candidate, name) for candidate in (h.name, *h.aliases))
    )


def person_country(name: str, on: dt.date | None = None) -> tuple[str | None, str | None]:
    """(country, organization) the holder table gives for a person on a date; (None, None) when unknown.

    >>> person_country("Antonio Guterres", dt.date(2022, 3, 31))
    (None, 'UN')
    """
    terms = person_terms(name, on) or person_terms(name, None)
    pairs = {(t.country, t.organization) for t in terms}
    return pairs.pop() if len(pairs) == 1 else (None, None)

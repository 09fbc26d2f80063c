"""People in a readout: name spans, honorifics, title/country around a name, short references.

Readouts name a person once in full with an office ("State Councilor and Foreign Minister Wang Yi",
"Jeyhun Bayramov, foreign minister of Azerbaijan", "Kazakhstan's Deputy Prime Minister ... Murat
Nurtleu") and then by surname ("Wang said", "Mr Lavrov"). `find_people` returns one `Person` per
individual with every mention; `resolve_person` maps a speaker phrase to an attendee.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.extract.model import AttendeeMention, DocumentContext
from pipeline.reference.countries import KIND_DEMONYM, KIND_NAME, KIND_POSSESSIVE, country_code, country_kind
from pipeline.reference.countries import find_countries, gazetteer, represented_state
from pipeline.reference.offices import (
    ORGANISATION_PATTERN, find_titles, is_organisation_office, name_tokens, office_holders, office_kinds,
    organisation_code, person_country, same_person,
)

# Dropped before a name (GUIDELINES §3): "Dr. S. Jaishankar" → "S. Jaishankar", "U Wunna Maung Lwin" → "Wunna Maung Lwin".
# Royal styles (Gulf and Brunei readouts) and Malaysian federal titles go too: "His Royal Highness Prince
# Faisal bin Farhan" → "Faisal bin Farhan", "Datuk Seri Mohamad Hasan" → "Mohamad Hasan". "Sheikh" stays: it is
# part of some names as written ("Sheikh Hasina").
HONORIFICS = (
    "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Shri", "Smt.", "Smt", "Hon.", "Hon", "H.E.",
    "His Excellency", "Her Excellency", "Prof.", "Professor", "Sir", "Dame", "Mme", "Madam", "Makhdoom",
    "Mullah", "Mulla", "Daw", "U", "Sardar", "Excellency",
    "His Royal Highness", "Her Royal Highness", "Royal Highness", "His Highness", "Her Highness", "HRH",
    "H.R.H.", "H.H.", "Prince", "Princess",
    "Tun", "Tan Sri", "Puan Sri", "Datuk Seri", "Dato' Seri", "Dato' Sri", "Dato Sri", "Datuk", "Dato'", "Dato",
    "Datin", "Pehin", "Yang Berhormat", "YB",
)
# Names of programmes, treaties and systems end a name run and are never people ("India's Unified Payments Interface").
PROGRAMME_WORDS = frozenset("""
Interface Corridor Initiative Programme Program Plan Agreement Treaty Fund Bank Partnership Strategy Vision Project
Zone Framework Platform Network System Scheme
""".split())
# A capitalised run followed by one of these names a place or an institution ("King Abdulaziz International
# Conference Center", "Indira Gandhi International Airport"), not a person.
INSTITUTION_WORDS = frozenset("""
International National Center Centre Hall Palace Airport University College School Hotel Stadium Institute
Museum Square Street Avenue Road Bridge Port Station Park Prize Award Foundation Mosque Temple Cathedral Tower
Building Auditorium Library Hospital Academy Convention Exhibition Arena Highway Expressway Canal Dam
""".split()) | PROGRAMME_WORDS
# Dropped after a name: "Teodoro Locsin Jr." → "Teodoro Locsin".
NAME_SUFFIXES = ("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV")
# A single given name followed by one of these is a regnal name, kept whole ("Abdullah II", "Harald V").
REGNAL_NUMERALS = frozenset("II III IV V VI VII VIII IX X".split())
# Lower-case words that occur inside names ("Abdullah bin Zayed Al Nahyan", "Bárður á Steig Nielsen").
NAME_PARTICLES = ("bin", "binti", "bint", "ibn", "al", "al-", "el", "de", "da", "dos", "das", "du", "van", "von",
                  "der", "den", "la", "le", "á", "di", "do", "y", "ben", "abu")
# Capitalised words that end a name run: sentence openers, calendar words, pronouns.
NON_NAME_WORDS = frozenset("""
The A An This That These Those It He She They We His Her Its Their Our On In At Of For From By With To And But Or
As After Before During Since While When Where Who Which Speaking Meanwhile Also Both All Each Among Under
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Photo Source Editor
Minister Ministers Foreign Affairs President Premier Secretary Councilor Councillor State Envoy Chair Chairman
Chairperson Director General Deputy Vice Prime Special Representative Ambassador Union External Council
Meeting Conference Summit Forum Organization Organisation Cooperation Republic Kingdom Federation Government
Ministry Office Committee Assembly Security United Nations Group Party Central Asian Asia Europe Africa
Province Municipality Region City County Capital Sea Ocean River Valley Autonomous District Island Islands
International National Center Centre Hall Palace Airport University Stadium Institute
Attends Attend Chairs Presides Meets Meet Holds Says Calls Urges Proposes Makes Offers Visits Hosts Receives
Talks Addresses Joins Arrives Stresses Co-chairs Leads Signs Pledges Vows Sets Puts Eyes Hails Slams
""".split()) | PROGRAMME_WORDS

# initials, and the abbreviations of Muhammad and Maria that South and Southeast Asian names are written with
# ("Md. Touhid Hossain", "Mohd. Shafie", "Ma. Theresa Lazaro"), which are part of the name as written
_INITIAL = r"(?:[A-Z]\.){1,3}|(?:Md|Mohd|Muhd|Ma)\.(?=\s)"
_CAP_WORD = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"
_PARTICLE = "|".join(re.escape(p) for p in NAME_PARTICLES)
NAME_TOKEN_PATTERN = re.compile(rf"{_INITIAL}|{_CAP_WORD}")
_HONORIFIC = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
HONORIFIC_PREFIX = re.compile(rf"^(?:(?:{_HONORIFIC})(?:\s+|(?<=\.)))+")
# the same, matched at a position of the whole text (slicing the text's tail per name would be quadratic)
HONORIFIC_RUN = re.compile(rf"(?:(?:{_HONORIFIC})(?:\s+|(?<=\.)))+")
_BLANKS = re.compile(r"[ \t]+")
_BODY_CHAIN = re.compile(r"(?:[A-Z][\w-]*\s+){1,5}(?:of|for)\s+(?:the\s+)?")
_COMMA_THEN = re.compile(r",\s*(?:the\s+)?")
_COMMA = re.compile(r",\s*")
_NOT_A_NAME_WORD = re.compile(r" (?:On|In|At|The|And|Also|Said|Told)\b")
SHORT_REFERENCE_TITLES = re.compile(rf"(?:{_HONORIFIC})\s+$")


@dataclass
class Mention:
    """One place the text refers to a person: the whole phrase and its parts."""

    start: int
    end: int
    name: str | None = None
    name_span: tuple[int, int] | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    country: str | None = None
    organization: str | None = None
    short: bool = False


@dataclass
class Person:
    """One individual of a document with all its mentions (full and short)."""

    name: str
    mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    country: str | None = None
    organization: str | None = None


def _is_cap(token: str) -> bool:
    return bool(token) and token[0].isupper()


def name_run(text: str, start: int) -> tuple[int, int] | None:
    """The person-name run that starts at `start` (after spaces), honorifics skipped, suffixes dropped.

    >>> t = "Foreign Minister Dr. S. Jaishankar said"; s, e = name_run(t, 16); t[s:e]
    'S. Jaishankar'
    """
    pos = start
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    honorific = HONORIFIC_RUN.match(text, pos)
    if honorific:
        rest = honorific.end()
        # "U" is an honorific only before a name; keep it when nothing name-like follows.
        if NAME_TOKEN_PATTERN.match(text, rest) and _is_cap(text[rest:rest + 1]):
            pos = rest
    begin, end, tokens = pos, pos, 0
    while pos < len(text):
        found = NAME_TOKEN_PATTERN.match(text, pos)
        if not found:
            break
        word = found.group(0)
        if tokens == 1 and word in REGNAL_NUMERALS:
            end = found.end()  # a monarch's regnal name: "King Abdullah II"
            break
        if word in NAME_SUFFIXES or word.rstrip(".") in {s.rstrip(".") for s in NAME_SUFFIXES}:
            break
        possessive = re.search(r"['’]s?$", word)
        if possessive and _is_cap(word) and word[: possessive.start()] not in NON_NAME_WORDS:
            # "Sergey Lavrov's talks": the name ends at the apostrophe
            tokens += 1
            end = found.start() + possessive.start()
            break
        if _is_cap(word) and word not in NON_NAME_WORDS and not _is_country_word(word):
            tokens += 1
            end = found.end()
        elif word in NAME_PARTICLES and tokens:
            pass
        else:
            break
        pos = found.end()
        gap = _BLANKS.match(text, pos)
        if not gap:
            break
        pos = gap.end()
    if tokens == 0:
        return None
    if _before_institution(text, end):
        return None
    return begin, end


def _before_institution(text: str, end: int) -> bool:
    """Whether the capitalised words from `end` on name a building or body ("... International Conference Center")."""
    following = re.match(r"(?:\s+[A-Z][\w'’-]*){1,4}", text[end:end + 80])
    return bool(following and set(following.group(0).split()) & INSTITUTION_WORDS)


def _is_country_word(word: str) -> bool:
    gaz = gazetteer()
    return word in gaz.names or word in gaz.demonyms


def name_run_before(text: str, end: int) -> tuple[int, int] | None:
    """The person-name run that ends at `end` (e.g. before ", foreign minister of ...").

    >>> t = "Among them were Sabri Boukadoum, foreign minister"; s, e = name_run_before(t, 31); t[s:e]
    'Sabri Boukadoum'
    """
    tokens = list(re.finditer(rf"{_INITIAL}|{_CAP_WORD}|\S+", text[max(0, end - 120):end]))
    offset = max(0, end - 120)
    begin = None
    count = 0
    for found in reversed(tokens):
        word = found.group(0)
        between = text[offset + found.end(): begin if begin is not None else end]
        if "\n" in between or (between.strip() and begin is not None):
            break
        if _is_cap(word) and word not in NON_NAME_WORDS and not _is_country_word(word) and word not in NAME_SUFFIXES:
            begin, count = offset + found.start(), count + 1
        elif word in NAME_PARTICLES and begin is not None:
            begin = offset + found.start()
        else:
            break
    if begin is None or count == 0:
        return None
    while text[begin:end].split()[0] in NAME_PARTICLES:
        begin = text.index(" ", begin) + 1
    return begin, end


def clean_name(raw: str) -> str:
    """Name as the dataset writes it: honorifics and suffixes dropped, spacing normalised.

    >>> clean_name("Mr. Teodoro Locsin Jr.")
    'Teodoro Locsin'
    """
    raw = raw.replace("\n", " ").strip()
    while (prefix := HONORIFIC_PREFIX.match(raw)) and raw[prefix.end():].strip():
        raw = raw[prefix.end():].lstrip()
    words = raw.split()
    while words and (words[0] in HONORIFICS or words[0].rstrip(".") in {h.rstrip(".") for h in HONORIFICS if " " not in h}) and len(words) > 1:
        words = words[1:]
    while words and words[-1].rstrip(",") in NAME_SUFFIXES and not (len(words) == 2 and words[1] in REGNAL_NUMERALS):
        words = words[:-1]
    return " ".join(words).strip(" ,")


def is_full_name(name: str) -> bool:
    """Two or more name words, or one word that the holder table knows as a whole name ("Sugiono")."""
    words = [w for w in name.split() if w not in NAME_PARTICLES]
    if len(words) >= 2:
        return True
    return any(name == h.name for h in office_holders())


def _country_before(text: str, start: int) -> tuple[str | None, str | None, int]:
    """Country or body written just before an office: "Kazakhstan's ", "Chinese ", "SCO ", "the UN "."""
    window_start = max(0, start - 60)
    window = text[window_start:start]
    found_country = None
    for match in find_countries(window):
        if window_start + match.end in (start - 1, start) and text[window_start + match.end:start].strip() == "":
            found_country = match
    if found_country is not None:
        return represented_state(found_country.code), None, window_start + found_country.start
    # "the Chinese side was headed by Vice Foreign Minister X", "on the Iranian side, Foreign Minister Y"
    side = SIDE_LED_BY.search(window)
    if side:
        state = side.group("state") or side.group("state2")
        for match in find_countries(state):
            if match.start == 0 and match.end == len(state):
                return represented_state(match.code), None, start
    # "Japan was represented by State Minister for Foreign Affairs Kenji Yamada"
    represented = REPRESENTED_BY.search(window)
    if represented:
        for match in find_countries(represented.group("state")):
            if match.kind == KIND_NAME and match.end == len(represented.group("state")):
                return represented_state(match.code), None, start
    for match in ORGANISATION_PATTERN.finditer(window):
        if window_start + match.end() == start - 1:
            return None, organisation_code(match.group(0)), window_start + match.start()
    return None, None, start


SIDE_LED_BY = re.compile(
    r"\b[Tt]he\s+(?P<state>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:side|delegation)\s+(?:was\s+|were\s+)?(?:headed|led)\s+by\s+$"
    r"|\b[Oo]n\s+the\s+(?P<state2>[A-Z][\w'’-]+)\s+side\s*,\s+$"
)
REPRESENTED_BY = re.compile(
    r"(?P<state>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:was|were|is|are|will\s+be)\s+represented\s+by\s+"
    r"(?:its\s+|the\s+|their\s+)?$"
)
# "of the Republic of Niger", "of the Transitional Military Council of Chad": a state's formal style or an organ of
# the state stands between the office and the state's name
_OF_TARGET = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?(?:(?:(?:Federal|Islamic|Democratic|People's|Socialist|Arab|United|Bolivarian|"
    r"Plurinational|Transitional|Military|Sovereign|Presidential|State|Supreme)\s+)*"
    r"(?:Republic|Council|Kingdom|State|Federation)\s+of\s+(?:the\s+)?)?"
)


def _of_after(text: str, end: int) -> tuple[str | None, str | None, int]:
    """Country or body in "of (the) X" right after `end`: "... of the Russian Federation", "... of the African Union"."""
    connector = _OF_TARGET.match(text, end)
    if not connector:
        return None, None, end
    pos = connector.end()
    for match in find_countries(text[pos:pos + 60]):
        if match.start == 0 and match.kind == KIND_NAME:
            return represented_state(match.code), None, pos + match.end
        break
    body = ORGANISATION_PATTERN.match(text, pos)
    if body:
        return None, organisation_code(body.group(0)), body.end()
    # "Director of the Executive Committee of the Regional Anti-Terrorist Structure": a chain of bodies.
    chain = _BODY_CHAIN.match(text, pos)
    if chain:
        inner = ORGANISATION_PATTERN.match(text, chain.end())
        if inner:
            return None, organisation_code(inner.group(0)), inner.end()
    return None, None, end


def _mentions_at_titles(text: str) -> tuple[list[Mention], list[Mention]]:
    """Mentions anchored on an office title; plural titles are returned apart as group mentions."""
    people: list[Mention] = []
    groups: list[Mention] = []
    for t_start, t_end in find_titles(text):
        title = text[t_start:t_end]
        country, org, m_start = _country_before(text, t_start)
        of_country, of_org, after = _of_after(text, t_end)
        country = country or of_country
        org = org or of_org
        plural = bool(re.search(r"(?:ministers|secretaries|representatives|envoys|councilors|presidents)$", title, re.I))
        mention = Mention(m_start, after, title=title, title_span=(t_start, after if of_org else t_end),
                          country=country, organization=org)
        if of_org:
            mention.title = text[t_start:after]
        if plural:
            groups.append(mention)
            continue
        run = name_run(text, after)
        if run and text[after:run[0]].strip(" \t") in ("", "Dr.", "Mr.", "Mr", "Dr", "Shri") or (
                run and HONORIFIC_PREFIX.match(text[after:run[0]].strip() + " ")):
            raw = text[run[0]:run[1]]
            if is_full_name(clean_name(raw)):
                mention.name, mention.name_span, mention.end = clean_name(raw), run, run[1]
                of_country2, of_org2, after2 = _of_after(text, run[1])
                if of_country2 and not mention.country:
                    mention.country, mention.end = of_country2, after2
                people.append(mention)
                continue
        # Apposition before: "Jeyhun Bayramov, foreign minister of Azerbaijan".
        # only the last comma before the title can be followed by nothing but "the" and blanks
        last_comma = text.rfind(",", 0, m_start)
        comma = _COMMA_THEN.fullmatch(text, last_comma, m_start) if last_comma >= 0 else None
        if comma:
            run = name_run_before(text, comma.start())
            if run and is_full_name(clean_name(text[run[0]:run[1]])):
                mention.start = run[0]
                mention.name, mention.name_span = clean_name(text[run[0]:run[1]]), run
                people.append(mention)
                continue
        # Apposition after: "Greenland's foreign minister, Pele Broberg".
        comma_after = _COMMA.match(text, after)
        if comma_after and m_start < t_start:
            run = name_run(text, comma_after.end())
            if run and is_full_name(clean_name(text[run[0]:run[1]])):
                mention.name, mention.name_span, mention.end = clean_name(text[run[0]:run[1]]), run, run[1]
                people.append(mention)
                continue
        if org and is_organisation_office(title.split(" of ")[0].split(" and ")[-1]):
            groups.append(mention)  # an unnamed official of a body ("SCO Secretary-General")
    return people, groups


def _mentions_after_possessive(text: str) -> list[Mention]:
    """ "Finland's Pekka Haavisto", "Russia's Zamir Kabulov": a country's possessive straight before a name."""
    found = []
    for match in find_countries(text):
        if match.kind not in (KIND_POSSESSIVE,):
            continue
        run = name_run(text, match.end)
        if run and text[match.end:run[0]].strip() == "" and is_full_name(clean_name(text[run[0]:run[1]])):
            found.append(Mention(match.start, run[1], name=clean_name(text[run[0]:run[1]]), name_span=run,
                                 country=represented_state(match.code)))
    return found


def _mentions_led_by(text: str) -> list[Mention]:
    """ "a delegation led by Abdullah Abdullah": heads of delegations named without an office."""
    found = []
    for match in re.finditer(r"\b(?:led|headed)\s+by\s+", text):
        run = name_run(text, match.end())
        if run and is_full_name(clean_name(text[run[0]:run[1]])):
            found.append(Mention(run[0], run[1], name=clean_name(text[run[0]:run[1]]), name_span=run,
                                 title="head of delegation"))
    return found


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _known_forms_by_word() -> dict[str, list[tuple[int, str, re.Pattern[str]]]]:
    """(table order, form, pattern) of every written form of every office holder, keyed by the form's first word.

    A form can only match where its first word stands as a whole word of the text, so a document checks
    the few forms whose first word it contains instead of a few hundred patterns. Forms that do not start
    with a word character are filed under "" and always checked.
    """
    index: dict[str, list[tuple[int, str, re.Pattern[str]]]] = {}
    order = 0
    for holder in office_holders():
        # longest form first: of two overlapping forms the first is kept, and a set's order changes between processes
        for form in sorted({holder.name, *holder.aliases}, key=lambda f: (-len(f), f)):
            first = _WORD_RUN.match(form)
            index.setdefault(first.group() if first else "", []).append(
                (order, form, re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")))
            order += 1
    return index


def _mentions_known(text: str, on: dt.date | None) -> list[Mention]:
    """Full names the office-holder table knows, wherever they stand (headlines, subjects)."""
    index = _known_forms_by_word()
    # table order, as a scan of the whole table would find them: of two overlapping forms the first is kept
    entries = sorted(entry for word in {"", *_WORD_RUN.findall(text)} for entry in index.get(word, ()))
    found = []
    for _, form, pattern in entries:
        for match in pattern.finditer(text):
            found.append(Mention(match.start(), match.end(), name=form, name_span=(match.start(), match.end())))
    return found


def _span(mention: Mention) -> tuple[int, int]:
    return mention.name_span or (mention.start, mention.end)


class _SpanSet:
    """Numbered spans sorted by start: which of them overlap a span, without comparing against all of them.

    Name spans are short, so only spans starting less than the longest length before the query can reach it.
    """

    def __init__(self) -> None:
        self._items: list[tuple[int, int, int]] = []
        self._longest = 0

    def add(self, span: tuple[int, int], slot: int) -> None:
        insort(self._items, (span[0], span[1], slot))
        self._longest = max(self._longest, span[1] - span[0])

    def remove(self, span: tuple[int, int], slot: int) -> None:
        del self._items[bisect_left(self._items, (span[0], span[1], slot))]

    def overlapping(self, span: tuple[int, int]) -> list[int]:
        """Slots of the spans that overlap `span` (as `_overlaps` decides), in slot order."""
        lo = bisect_left(self._items, (span[0] - self._longest,))
        hi = bisect_left(self._items, (span[1],))
        return sorted(slot for start, end, slot in self._items[lo:hi] if start < span[1] and span[0] < end)


def _covered(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open spans as disjoint (starts, ends), for a bisect per position."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _overlaps(a: Mention, b: Mention) -> bool:
    sa = a.name_span or (a.start, a.end)
    sb = b.name_span or (b.start, b.end)
    return sa[0] < sb[1] and sb[0] < sa[1]


def same_individual(a: str | None, b: str | None) -> bool:
    """Two written forms of one person in one text: `same_person`, or one form is the tail of the other.

    >>> same_individual("A.H. Mahmood Ali", "Mahmood Ali")
    True
    """
    if same_person(a, b):
        return True
    if not a or not b:
        return False
    x, y = name_tokens(a), name_tokens(b)
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 2 and long_[-len(short):] == short


def _canonical(names: list[str]) -> str:
    """Longest written form, preferring spelled-out given names over initials."""
    def rank(name: str) -> tuple[int, int]:
        words = name.split()
        return (sum(1 for w in words if not re.fullmatch(_INITIAL, w)), len(words))
    return max(names, key=rank)


# A head of state acting for a body: "... took part in his capacity as Chairperson of the African Union".
CAPACITY_PATTERN = re.compile(
    r"[^.;]*?\bin\s+(?:his|her|their)\s+capacity\s+as\s+(?:the\s+)?"
    r"(?P<office>(?:Chairperson|Chair|Chairman|President|Chairwoman)\s+of\s+(?:the\s+)?(?P<org>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))"
)


def find_people(context: DocumentContext, on: dt.date | None = None) -> list[Person]:
    """Every person the document names, grouped across full mentions and short references.

    >>> ctx = DocumentContext("d", "Foreign Minister Sergei Lavrov of Russia spoke. Lavrov said more.")
    >>> [(p.name, p.country, len(p.mentions)) for p in find_people(ctx)]
    [('Sergei Lavrov', 'RUS', 2)]
    """
    text = context.clean_text
    anchored, _ = _mentions_at_titles(text)
    candidates = anchored + _mentions_after_possessive(text) + _mentions_led_by(text)
    spans = _SpanSet()
    for slot, other in enumerate(candidates):
        spans.add(_span(other), slot)
    for known in _mentions_known(text, on):
        if not spans.overlapping(_span(known)):
            spans.add(_span(known), len(candidates))
            candidates.append(known)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    mentions: list[Mention] = []
    kept_spans = _SpanSet()
    for mention in candidates:
        clashes = kept_spans.overlapping(_span(mention))
        if clashes:
            # keep the richer of two readings of one name (title-anchored beats bare)
            for i in clashes:
                if mentions[i].title is None and mention.title is not None:
                    kept_spans.remove(_span(mentions[i]), i)
                    mentions[i] = mention
                    kept_spans.add(_span(mention), i)
            continue
        kept_spans.add(_span(mention), len(mentions))
        mentions.append(mention)
    people: list[Person] = []
    # the full names written for each person so far; a document repeats a few names many times, so each
    # pair of written forms is compared once
    written: list[dict[str, None]] = []
    same: dict[tuple[str, str], bool] = {}
    for mention in mentions:
        assert mention.name
        for person, names in zip(people, written):
            if any(same[pair] if (pair := (name, mention.name)) in same else same.setdefault(pair, same_individual(*pair))
                   for name in names):
                person.mentions.append(mention)
                if not mention.short:
                    names[mention.name] = None
                break
        else:
            people.append(Person(mention.name, [mention]))
            written.append({} if mention.short else {mention.name: None})
    for person in people:
        person.name = _canonical([m.name for m in person.mentions if m.name])
        titled = [m.title for m in person.mentions if m.title and m.title != "head of delegation"]
        person.title = max(titled, key=len) if titled else next((m.title for m in person.mentions if m.title), None)
        person.country = next((m.country for m in person.mentions if m.country), None)
        person.organization = next((m.organization for m in person.mentions if m.organization), None)
        if person.country is None and person.organization is None:
            person.country, person.organization = person_country(person.name, on)
        if person.organization and person.country and person.title and not is_organisation_office(
                person.title.split(" of ")[0]):
            person.organization = None
    for person in people:
        for mention in person.mentions:
            capacity = CAPACITY_PATTERN.match(text, mention.end, min(len(text), mention.end + 200))
            if capacity and organisation_code(capacity.group("org")):
                person.organization, person.country = organisation_code(capacity.group("org")), None
                person.title = f"{person.title}, {capacity.group('office')}" if person.title else capacity.group("office")
    _add_short_references(text, people)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    return people


def _add_short_references(text: str, people: list[Person]) -> None:
    """ "Wang said", "Mr Lavrov", "Minh proposed": one name word of a person named in full elsewhere."""
    taken_starts, taken_ends = _covered([(m.name_span or (m.start, m.end)) for p in people for m in p.mentions])
    keys: dict[str, list[Person]] = {}
    for person in people:
        words = [w for w in person.name.split() if w not in NAME_PARTICLES and not re.fullmatch(_INITIAL, w)]
        for word in {words[0], words[-1]} if words else set():
            if len(word) > 1:
                keys.setdefault(word, []).append(person)
    if not keys:
        return
    # mention starts of the people sharing a name word, sorted: the nearest one is a bisect away
    starts_of: dict[int, list[int]] = {}

    def distance(person: Person, pos: int) -> int:
        at = starts_of.get(id(person))
        if at is None:
            at = starts_of[id(person)] = sorted(m.start for m in person.mentions)
        i = bisect_left(at, pos)
        return min((abs(at[j] - pos) for j in (i - 1, i) if 0 <= j < len(at)), default=10**9)

    for match in _short_reference_matches(text, keys):
        at = bisect_right(taken_starts, match.start()) - 1
        if at >= 0 and match.start() < taken_ends[at]:
            continue
        # part of a longer capitalised run that is another name ("Wang Wenbin") is not a short reference
        after = text[match.end():match.end() + 2]
        if re.match(r" [A-Z]", after) and name_run(text, match.end()) and not _NOT_A_NAME_WORD.match(text, match.end()):
            continue
        owners = keys[match.group(0)]
        owner = owners[0] if len(owners) == 1 else min(owners, key=lambda p: distance(p, match.start()))
        owner.mentions.append(Mention(match.start(), match.end(), name=match.group(0),
                                      name_span=(match.start(), match.end()), short=True))
        if id(owner) in starts_of:
            insort(starts_of[id(owner)], match.start())


_NAME_WORD_RUN = re.compile(r"[\w'’-]+")


def _short_reference_matches(text: str, keys: dict[str, list[Person]]) -> Iterator[re.Match[str]]:
    """Whole-word occurrences of the name words `keys`, left to right.

    A word made only of word characters, apostrophes and hyphens matches exactly where a maximal run of
    them equals it, so one scan of the runs with a dict lookup replaces a regex compiled per document.
    Keys with other characters ("Jr.") take the regex (longest key first at a position).
    """
    if all(_NAME_WORD_RUN.fullmatch(key) for key in keys):
        return (run for run in _NAME_WORD_RUN.finditer(text) if run.group(0) in keys)
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.finditer(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", text)


DEMONYM_TITLE_PHRASE = re.compile(r"^(?:the\s+)?(?P<country>[\w'’-]+(?:\s[\w'’-]+)?)\s+(?P<title>.+)$", re.IGNORECASE)


def resolve_person(context: DocumentContext, attendees: list[AttendeeMention], mention_text: str) -> AttendeeMention | None:
    """The attendee a speaker phrase refers to: a full name, a surname, or "the Chinese foreign minister".

    >>> a = AttendeeMention("m0", "Wang Yi", "Foreign Minister", "CHN", None)
    >>> resolve_person(DocumentContext("d", ""), [a], "the Chinese foreign minister").name
    'Wang Yi'
    """
    phrase = clean_name(mention_text.strip())
    if not phrase:
        return None
    named = [a for a in attendees if a.name]
    for attendee in named:
        if attendee.name == phrase or same_person(attendee.name, phrase):
            return attendee
    words = phrase.split()
    if len(words) == 1:
        hits = [a for a in named if words[0] in a.name.split()]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return hits[0]
    described = DEMONYM_TITLE_PHRASE.match(mention_text.strip())
    if described:
        for size in (2, 1):
            head = " ".join(described.group(0).split()[: size + (1 if described.group(0).lower().startswith("the ") else 0)])
            head = re.sub(r"^the\s+", "", head, flags=re.IGNORECASE)
            code = country_code(head)
            if code:
                rest = described.group(0)[described.group(0).find(head) + len(head):].strip()
                kinds = office_kinds(rest)
                candidates = [a for a in attendees if a.country == code]
                if kinds:
                    typed = [a for a in candidates if a.title and office_kinds(a.title) & kinds]
                    candidates = typed or candidates
                if len(candidates) >= 1 and (len(candidates) == 1 or kinds):
                    return candidates[0]
                break
    return None


__all__ = [
    "Mention", "Person", "clean_name", "find_people", "is_full_name", "name_run", "name_run_before",
    "resolve_person", "KIND_DEMONYM", "KIND_POSSESSIVE", "country_kind",
]

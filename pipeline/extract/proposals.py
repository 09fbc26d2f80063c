"""Proposals, calls and suggestions put forward at the meetings a document reports.

Readouts put proposals in a handful of shapes, each a rule family below:

- enumerated points: "First, … Second, …", "The first is to …", numbered paragraphs after a colon,
  a counted list "four major tasks: a; b; c; and d", or inline "he proposed, first, a; second, b";
- an item introduced by a proposal verb with a named proposer: called for / called on X to / urged X to /
  asked X to / proposed / suggested / put forward / advocated / appealed for, the participle ", calling for …"
  and the noun "sought support for its proposal to …";
- a should-type statement of a named speaker ("Wang said the two sides should …");
- what the participants agreed or stated together ("The ministers agreed to …", "They called for …"),
  recorded with a null proposer.

A coordinated list is one row per item ("called for A, B and C" gives three rows); a semicolon list gives one
row per semicolon item. Row text is the item as written, `clean_text[start:end]`.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from pipeline.extract.model import AttendeeMention, DocumentContext, MeetingMention, ProposalMention, Span
from pipeline.extract.topics import meeting_theme, topics_for
from pipeline.reference.countries import find_countries

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
# Nouns that name what an enumeration or a counted list holds, with the row kind they imply.
ENUMERATION_NOUNS = {
    "proposal": "proposal", "proposals": "proposal", "point": "proposal", "points": "proposal",
    "suggestion": "suggestion", "suggestions": "suggestion", "initiative": "initiative", "initiatives": "initiative",
    "priority": "proposal", "priorities": "proposal", "task": "proposal", "tasks": "proposal",
    "principle": "proposal", "principles": "proposal", "area": "proposal", "areas": "proposal",
    "measure": "proposal", "measures": "proposal", "idea": "suggestion", "ideas": "suggestion",
    "step": "proposal", "steps": "proposal", "recommendation": "suggestion", "recommendations": "suggestion",
    "understandings": "proposal", "consensus": "proposal", "demands": "call", "requests": "call",
}
# Words that make an enumeration or statement something the participants settled together (proposer null).
AGREEMENT_WORDS = re.compile(r"\b(?:agreed|agree|consensus|understandings|joint statement|declaration)\b", re.I)

# Words for people acting together; a proposal verb with such a subject has no single proposer.
COLLECTIVE_SUBJECT = re.compile(
    r"\b(?:ministers|participants|parties|delegates|delegations|leaders|members|member states|sides|"
    r"countries|nations|neighbou?rs|they|troika|council|meeting|conference|summit|declaration|"
    r"statement|communiqu[eé]|document|group|bloc|many|all)\b",
    re.I,
)
# A topic phrase before the subject: "On the Taiwan question, …", "Turning to Afghanistan, …".
FRONTED_ADVERBIAL = re.compile(
    r"^\s*(?:On|In|At|For|Regarding|Concerning|As\s+for|As\s+to|With\s+regard\s+to|Turning\s+to|Speaking\s+(?:of|about|on))"
    r"\s[^,]{1,80},\s*"
)
PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\b", re.I)
# Tense and modality that turn a proposal verb into background or a plan ("has consistently called for",
# "had suggested", "will propose"): GUIDELINES count only what was put forward at the meeting.
NOT_AT_MEETING = re.compile(
    r"\b(?:has|have|had|will|would|shall|may|might|could|to|did|does|do|been|being|was|were|is|are|"
    r"when|once|previously|earlier|repeatedly|consistently|long|always|never|not)\s+(?:\w+ly\s+)?$",
    re.I,
)

# Adverbs that may stand between a list marker and the verb ("to jointly advance").
ADVERBS = frozenset(
    "jointly further firmly actively earnestly fully effectively better together resolutely steadily "
    "vigorously closely also not never immediately unconditionally quickly positively truly continuously "
    "constantly properly urgently swiftly collectively mutually strongly continue".split()
)
# Base verbs that head the items of readout calls ("to deepen …, expand … and uphold …").
VERB_HEADS = frozenset(
    """abide accelerate accommodate achieve act address adhere advance align avoid back be bear boost
    bridge bring build carry champion cherish collaborate combat commit complete conduct consolidate
    continue cooperate coordinate correct create cut deepen defend defeat deliver deny develop
    display draw ease encourage engage enhance ensure establish expand expedite explore extend face
    facilitate fight focus follow forge formulate foster gather give guarantee handle harness help
    hold honor honour implement improve increase inject join keep launch lay lead leave lift
    maintain make meet mobilise mobilize modernize move observe offer open oppose optimize pay pool
    practice practise prepare preserve prevent promote protect provide pull pursue push put reach
    realize reduce refrain reform reinforce reject remain remove renew resist resolve respect respond
    restore return revoke rise safeguard scale seek seize send set settle shape share shoulder
    speed stand start stay step stick stop strengthen strive support sustain synergize tackle take
    tap translate treat turn uphold unite upgrade use value withdraw work
    adopt allow apply approve assist attract broaden cancel change choose clarify close connect consider
    contribute control convene counter cover cultivate curb decide demonstrate design dismantle double
    drive eliminate embrace enable encourage end enrich enter exchange expedite fund grant grow guide halt
    host identify include integrate introduce invest involve lower manage mark mitigate monitor negotiate
    nurture organise organize plan play raise recognise recognize reduce reinvigorate release renounce
    reopen replenish resume revive review ratify scale secure serve show simplify sign solve spur
    stabilise stabilize streamline submit supply tighten train transform uplift upscale vaccinate welcome
    widen""".split()
)
# Endings that mark a base verb outside the list ("harmonize", "diversify").
VERB_SUFFIXES = ("ize", "ify")
# Words ending in -ing that do not head a gerund item.
NON_GERUNDS = frozenset(
    "including during regarding concerning according following nothing something anything everything "
    "bring thing king spring morning evening ring sing string wing being beijing notwithstanding".split()
)
# Words that open a modifier of the previous item rather than a new item of a coordinated list.
SUBORDINATORS = frozenset(
    "which who whose whom including such especially particularly notably with without while as in "
    "by through via among between from under within where when so because since if given to of on at "
    "than rather instead both either whether that neighbors neighbours plus".split()
)
# "more than a million of whom …": a relative clause after a comma, not a list item.
RELATIVE_LEAD = re.compile(r"(?:[\w'’-]+\s+){0,4}(?:of\s+)?(?:whom|which|whose|who)\b", re.I)
REPORT_VERBS = (
    "said|says|added|noted|stressed|emphasized|emphasised|underlined|told|pointed out|believed|believes|"
    "maintained|insisted|argued|reiterated|expressed|highlighted|observed|remarked|warned"
)
# Where an item ends inside its sentence: a relative clause, a reporting tail, a new finite verb.
ITEM_END = re.compile(
    r",\s+(?:which|who|whose|saying|describing|adding|noting|stressing|explaining|arguing|as|after|before|"
    r"because|since|in order to|according to|in a bid to|while|whereas)\b"
    r"|,?\s+(?:and|while)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:also\s+)?(?:said|added|noted|stressed|urged|called|"
    r"proposed|suggested|asked|appealed|put\s+forward)\b"
    r"|,\s+(?:(?:[A-Z][\w'’.-]*\s+){1,3}|(?:he|she|they)\s+)(?:" + REPORT_VERBS + r")\b"
    # a reporting tail in lower case: ", the foreign office said in a statement", ", the statement said"
    r"|,\s+(?:the|a|an|his|her|its|their)\s+(?:[\w'’.-]+\s+){0,3}?(?:said|says|added|noted|told|stated)\b"
    r"|,?\s+and\s+(?:he\s+|she\s+|they\s+|also\s+)?(?:said|added|noted|stressed|urged|called|proposed|"
    r"suggested|asked|expressed|agreed|described|announced|reiterated|opposed|supported|welcomed|"
    r"pledged|undertook|decided|briefed|praised|thanked)\b"
    r"|,\s+(?:opposed|supported|welcomed|expressed|reaffirmed|stressed|noted|announced|praised|thanked)\b"
    r"|\s+(?:in order to|so as not to)\b"
    r"|,[\"”](?=\s|$)"
)

PROPOSAL_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    # (pattern, kind, how the object is read)
    (r"\b(?:called|calls|call|calling)\s+(?:for)\b", "call", "for"),
    (r"\b(?:called|calls|call|calling)\s+(?:on|upon)\b", "call", "on"),
    (r"\b(?:urged|urges|urge|urging)\b", "call", "urge"),
    (r"\b(?:asked|asks|asking)\s+for\b", "call", "for"),
    (r"\b(?:asked|asks|asking)\b(?=\s+(?:[\w.'’-]+\s+){1,6}?to\s)", "call", "on"),
    (r"\b(?:appealed|appeals|appealing)\s+for\b", "call", "for"),
    (r"\b(?:appealed|appeals|appealing)\s+to\b", "call", "on"),
    (r"\b(?:proposed|proposes|proposing)\b", "proposal", "propose"),
    # a transcript's speaker in the first person: "We propose to speed up ...", "I suggest that ..."
    (r"(?:(?<=\b[Ww]e )|(?<=\bI ))(?:also\s+)?propose\b", "proposal", "propose"),
    (r"\b(?:suggested|suggests|suggesting)\b", "suggestion", "propose"),
    (r"(?:(?<=\b[Ww]e )|(?<=\bI ))(?:also\s+)?suggest\b", "suggestion", "propose"),
    (r"\b(?:advocated|advocates|advocating)\b", "proposal", "propose"),
    (r"\b(?:put|puts|putting)\s+forward\b", "proposal", "forward"),
    (r"\b(?:sought|seeks|seek|seeking|won|gained|garnered|requested|enlisted)\s+(?:the\s+)?support\b[^.;]{0,80}?"
     r"\bproposal\s+(?=to\s)", "proposal", "noun"),
)
_TRIGGERS = [(re.compile(p, re.I), kind, mode) for p, kind, mode in PROPOSAL_TRIGGERS]
# Most sentences hold no trigger: one scan with the alternation of all of them rules that out cheaply.
_ANY_TRIGGER = re.compile("|".join(f"(?:{p})" for p, _, _ in PROPOSAL_TRIGGERS), re.I)

# Agreements and joint calls: what the participants settled together (proposer null).
AGREEMENT_TRIGGERS: tuple[tuple[str, str], ...] = (
    (r"\b(?:agreed|agree|agrees|undertook|undertake|pledged|decided|resolved)\s+(?:on\s+the\s+need\s+)?to\b", "to"),
    (r"\b(?:agreed|agree|agrees)\s+(?:in\s+the\s+\w+\s+)?that\b", "that"),
    (r"\b(?:underlined|underscored|stressed|emphasized|emphasised|highlighted)\s+the\s+(?:need|importance)\s+(?:to|of)\b", "to"),
)
_AGREEMENTS = [(re.compile(p, re.I), mode) for p, mode in AGREEMENT_TRIGGERS]
_ANY_AGREEMENT = re.compile("|".join(f"(?:{p})" for p, _ in AGREEMENT_TRIGGERS), re.I)

# Offers and plans in the speaker's clause ("China will …", "stands ready to …").
COMMITMENT = re.compile(r"\b(?:will|would|shall|ready to|willing to|plans? to|intends? to|is to|are to)\b", re.I)
# Agreements recalled from earlier meetings are background, not this meeting's outcome.
BACKGROUND = re.compile(
    r"\brecall|\bsince then\b|\blast (?:year|month|week)\b|\b(?:in|since) (?:[A-Z]\w+ )?(?:19|20)\d\d\b"
)
MODAL = re.compile(
    r"\b(?:should|must|need to|needs to|needed to|has to|have to|had to|ought to)\b"
    r"|\b(?:the\s+)?(?:\w+\s+)?(?:task|key|priority|priorities)\s+(?:is|are|was|were|remains?)\s+to\b",
    re.I,
)
REPORT = re.compile(r"\b(?:" + REPORT_VERBS + r"|told|believe|hoped|hopes)\b", re.I)
FIRST_PERSON = re.compile(r"(?i:\b(?:we|us|our)\b)|\bI\b")

_POINT_MARKER = re.compile(
    # a point may open a quoted passage: "“Firstly, we must ...", he said
    r"[\"“‘']?(?:(?P<adv>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:ly)?\s*[,:]\s*"
    r"|The\s+(?P<the>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:one\s+)?(?:is|was|being)\s+(?:to\s+)?"
    r"|(?P<num>\d{1,2})\s*[.)-]\s+)"
)
_INLINE_ORDINAL = re.compile(
    r"(?:^|[,;:]\s*)(?:and\s+)?(?:(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:ly)?\s*,\s*|\(?(?P<num>[1-9])\)\s*)",  # "focus on: 1) A; 2) B; and 3) C"
    re.I,
)
_COUNT = r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_NOUN = r"(?P<noun>" + "|".join(sorted(ENUMERATION_NOUNS, key=len, reverse=True)) + r")"
COUNTED_LIST = re.compile(
    r"\b" + _COUNT + r"(?:[- ]point)?\s+(?:[\w-]+\s+){0,2}?" + _NOUN + r"\b[^:;.]{0,80}?(?::|,?\s+namely,?)\s+", re.I
)
COUNTED_INTRO = re.compile(
    r"\b(?:" + _COUNT + r"|several|a\s+few|the\s+following)(?:[- ]point)?\s+(?:[\w-]+\s+){0,2}?" + _NOUN + r"\b",
    re.I,
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr jr sr st no gen prof amb lt col gov sen rep hon sept sep jan feb mar apr jun jul aug oct nov "
    "dec u.s u.k u.n e.g i.e vs".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s+[\"“‘(]?[A-Z0-9])")
_CAPTION = re.compile(r"\((?:[A-Z][\w ]+)/[^)]*\)\s*$|^(?:Photo|File photo|Photo taken)\b", re.I)


@dataclass
class _Speaker:
    """A person who can propose: full name, country, and the surface forms that refer to them."""

    name: str | None
    country: str | None
    forms: list[str] = field(default_factory=list)
    title: str | None = None


@dataclass
class _Row:
    start: int
    end: int
    kind: str
    proposer: _Speaker | None
    ordinal: int | None = None
    family: str = ""


# ---------------------------------------------------------------------------------------------------------
# segmentation


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of the text, trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _is_body(paragraph: str, title: str | None) -> bool:
    """Headlines, navigation and photo captions end without sentence punctuation or carry a photo credit."""
    if title and paragraph.strip() == title.strip():
        return False
    if paragraph.startswith(("- ", "• ", "[")) or _CAPTION.search(paragraph):
        return False
    return paragraph[-1] in ".!?:;\"”’')" and len(paragraph.split()) >= 6


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end], not splitting after initials ("S. Jaishankar") or abbreviations."""
    spans, s = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = re.search(r"([\w.]+)\.?$", text[s : m.start() + 1])
        word = before.group(1).rstrip(".").lower() if before else ""
        if text[m.start()] == "." and (len(word) == 1 or word in _ABBREVIATIONS or "." in word):
            continue
        spans.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        spans.append((s, end))
    return spans


# ---------------------------------------------------------------------------------------------------------
# speakers


def _speakers(attendees: list[AttendeeMention]) -> list[_Speaker]:
    """Attendees with a name, with the surface forms by which a readout refers to them again."""
    out = []
    for a in attendees:
        if not a.name:
            continue
        parts = [p for p in re.split(r"\s+", a.name) if p]
        forms = [a.name]
        if len(parts) > 1:
            forms.append(parts[-1])
            # Chinese order: family name first ("Wang Yi" → "Wang"), the common case in these readouts
            if a.country == "CHN" or len(parts) == 2 and len(parts[1]) <= 3:
                forms.append(parts[0])
        out.append(_Speaker(a.name, a.country, sorted(set(forms), key=len, reverse=True), a.title))
    # Malay, Arab and Indonesian readouts refer to a person by the given name ("Mohamad said" for Mohamad
    # Hasan): a first name that no other speaker uses in any form names that speaker too.
    firsts: dict[str, list[_Speaker]] = {}
    for sp in out:
        parts = (sp.name or "").split()
        if len(parts) > 1 and len(parts[0]) > 3 and parts[0][0].isupper() and not parts[0].endswith("."):
            firsts.setdefault(parts[0], []).append(sp)
    used = {form for sp in out for form in sp.forms}
    for first, holders in firsts.items():
        if len(holders) == 1 and first not in used:
            holders[0].forms.append(first)
    # an office unique to one speaker also names them ("the Prime Minister", "EAM" for External Affairs Minister)
    titles: dict[str, list[_Speaker]] = {}
    for sp, a in zip(out, [a for a in attendees if a.name]):
        for form in _title_forms(a.title):
            titles.setdefault(form, []).append(sp)
    chairs = {a.name for a in attendees if a.name and a.role in ("chair", "host")}
    for form, holders in titles.items():
        names = {h.name for h in holders}
        if len(names) == 1:
            holders[0].forms.append(form)
        elif len(names & chairs) == 1:
            # "the Prime Minister" in a readout of the meeting he chaired is the chair
            next(h for h in holders if h.name in chairs).forms.append(form)
    return out


def _title_forms(title: str | None) -> list[str]:
    """Short forms of an office: the last office of a compound title and its acronym."""
    if not title:
        return []
    offices = [part.strip() for part in re.split(r"\s+and\s+|,\s*", title) if part.strip()]
    last = offices[-1]
    words = [w for w in re.findall(r"[A-Z][\w-]*", last)]
    forms = [last] if len(last.split()) >= 2 else []
    if len(words) >= 2:
        forms.append("".join(w[0] for w in words))
    # "the Crown Prince" for a "Crown Prince and Prime Minister": every two-word office of a compound title
    forms += [office for office in offices[:-1] if len(office.split()) >= 2 and office[:1].isupper()]
    return forms


# a name form counts only as a whole word: not glued to a letter, digit or hyphen on either side
_FORM_EDGE = re.compile(r"[\w-]")


@dataclass(frozen=True)
class _FormSites:
    """Every occurrence of one name form in a document, found once, so a window query is a bisect.

    A query for text[start:end] must give what a whole-word regex over that slice gives, so an
    occurrence whose neighbour is a word character still counts where the window cuts that neighbour off.
    """

    length: int
    starts: list[int]
    left_free: list[bool]
    right_free: list[bool]
    # a form with a border ("Abdullah bin Abdullah") can overlap itself; the regex then skips the later one
    self_overlapping: bool
    # occurrences that are whole words in the whole text ("Li" inside "Libya" is not): a window can add to
    # them only the occurrence at its very start and the one at its very end
    free: list[int]

    def _index(self, pos: int) -> int | None:
        i = bisect_left(self.starts, pos)
        return i if i < len(self.starts) and self.starts[i] == pos else None

    def _fits(self, i: int, start: int, end: int) -> bool:
        p = self.starts[i]
        return (p == start or self.left_free[i]) and (p + self.length == end or self.right_free[i])

    def within(self, start: int, end: int) -> list[int]:
        """Occurrence starts in text[start:end], left to right, as non-overlapping regex matches."""
        out: list[int] = []
        free_from = start
        i = bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] + self.length <= end:
            if self.starts[i] >= free_from and self._fits(i, start, end):
                out.append(self.starts[i])
                free_from = self.starts[i] + self.length
            i += 1
        return out

    def last(self, start: int, end: int) -> int | None:
        """The last occurrence start in text[start:end], or None."""
        if self.self_overlapping:
            found = self.within(start, end)
            return found[-1] if found else None
        at_end = end - self.length
        if at_end >= start and (i := self._index(at_end)) is not None and self._fits(i, start, end):
            return at_end
        j = bisect_right(self.free, at_end) - 1
        if j >= 0 and self.free[j] >= start:
            return self.free[j]
        if start + self.length <= end and (i := self._index(start)) is not None and self._fits(i, start, end):
            return start
        return None

    def first_from(self, pos: int, start: int, end: int) -> int | None:
        """The first occurrence start at or after `pos` among the matches in text[start:end], or None."""
        if self.self_overlapping:
            return next((p for p in self.within(start, end) if p >= pos), None)
        lo = max(pos, start)
        if lo == start and start + self.length <= end and (i := self._index(start)) is not None and self._fits(i, start, end):
            return start
        j = bisect_left(self.free, lo)
        if j < len(self.free) and self.free[j] + self.length <= end:
            return self.free[j]
        at_end = end - self.length
        if at_end >= lo and (i := self._index(at_end)) is not None and self._fits(i, start, end):
            return at_end
        return None


def _form_sites(text: str, form: str) -> _FormSites:
    """Occurrences of `form` in text, computed once per document and form."""
    table = _site_table(text)
    sites = table.get(form)
    if sites is None:
        starts: list[int] = []
        at = text.find(form)
        while at >= 0:
            starts.append(at)
            at = text.find(form, at + 1)
        size = len(form)
        left = [p == 0 or not _FORM_EDGE.match(text, p - 1) for p in starts]
        right = [p + size == len(text) or not _FORM_EDGE.match(text, p + size) for p in starts]
        overlapping = any(form[:k] == form[-k:] for k in range(1, size))
        free = [p for p, a, b in zip(starts, left, right) if a and b]
        sites = table[form] = _FormSites(size, starts, left, right, overlapping, free)
    return sites


@functools.lru_cache(maxsize=2)
def _site_table(text: str) -> dict[str, _FormSites]:
    """The per-document table of name-form occurrences (filled as forms are asked for)."""
    return {}


def _mentions(text: str, start: int, end: int, speakers: list[_Speaker]) -> list[tuple[int, _Speaker]]:
    """Positions in text[start:end] where a speaker is named, left to right."""
    found = []
    for sp in speakers:
        for form in sp.forms:
            if not form:
                # an empty pattern matches between characters; keep the regex's own answer for it
                found += [(start + m.start(), sp) for m in re.finditer(r"(?<![\w-])(?![\w-])", text[start:end])]
                continue
            found += [(p, sp) for p in _form_sites(text, form).within(start, end)]
    return sorted(found, key=lambda t: t[0])


def _country_speaker(code: str, speakers: list[_Speaker]) -> _Speaker | None:
    same = [sp for sp in speakers if sp.country == code]
    return same[0] if same else _Speaker(None, code)


def _resolve(zone: str, zone_start: int, text: str, speakers: list[_Speaker], last: _Speaker | None,
             nearest: bool) -> tuple[bool, _Speaker | None]:
    """Who is the subject in `zone` (text before a verb): (found, speaker); speaker None means collective.

    `nearest` picks the mention closest to the verb (finite verbs) instead of the first (participles,
    whose subject is the main clause's).
    """
    named = _mentions(text, zone_start, zone_start + len(zone), speakers)
    countries = [m for m in find_countries(zone)
                 if m.kind != "demonym" or re.match(r"\s+(?:side|minister|foreign minister|FM|envoy|delegation|"
                                                    r"government|leader|official)\b", zone[m.end:], re.I)]
    pronouns = list(PRONOUN_SUBJECT.finditer(zone))
    collective = list(COLLECTIVE_SUBJECT.finditer(zone))
    candidates: list[tuple[int, str, object]] = []
    candidates += [(pos - zone_start, "named", sp) for pos, sp in named]
    candidates += [(m.start(), "pronoun", None) for m in pronouns]
    candidates += [(m.start(), "collective", None) for m in collective]
    candidates += [(m.start, "country", m.code) for m in countries]
    if re.search(r"\bIt\b", zone):
        candidates.append((re.search(r"\bIt\b", zone).start(), "pronoun", None))
    fronted = FRONTED_ADVERBIAL.match(zone)
    if fronted:
        # "On the Taiwan question, Wang Yi said …": the topic phrase is not the subject
        candidates = [c for c in candidates if c[0] >= fronted.end()]
        countries = [m for m in countries if m.start >= fronted.end()]
    if not candidates:
        return False, None
    if len(countries) >= 2 and not named:
        return True, None  # "Russia, China, the United States and Pakistan called on …"
    candidates.sort(key=lambda c: c[0])
    pos, what, value = candidates[-1] if nearest else candidates[0]
    if what == "named":
        return True, value  # type: ignore[return-value]
    if what == "pronoun":
        return True, last
    if what == "country":
        return True, _country_speaker(str(value), speakers)
    return True, None


# ---------------------------------------------------------------------------------------------------------
# coordinated lists


def _first_word(text: str, pos: int, end: int) -> tuple[str, int]:
    m = re.compile(r"\s*([\w'’-]+)").match(text, pos, end)
    return (m.group(1), m.end()) if m else ("", pos)


def _head(text: str, pos: int, end: int) -> str:
    """The first word after optional adverbs, lower case."""
    word, after = _first_word(text, pos, end)
    guard = 0
    while word.lower() in ADVERBS and guard < 3:
        nxt, after2 = _first_word(text, after, end)
        if not nxt:
            break
        word, after = nxt, after2
        guard += 1
    return word


def _is_verb(word: str) -> bool:
    """A base verb heading an item: from the readout lexicon, or by a verb-forming ending."""
    w = word.lower()
    return w in VERB_HEADS or (word[:1].islower() and len(w) > 5 and w.endswith(VERB_SUFFIXES))


def _is_gerund(word: str) -> bool:
    return word.endswith("ing") and word[:1].islower() and word.lower() not in NON_GERUNDS and len(word) > 4


def _style(text: str, pos: int, end: int, mode: str) -> str:
    """How the items of an object are built: `inf` (to + verb), `gerund`, `for` (called for …), `np`."""
    head = _head(text, pos, end)
    if mode == "for" and _is_gerund(head):
        return "gerund"  # "called for establishing A and cooperating in B"
    if mode in ("inf", "for"):
        return mode
    if _is_gerund(head):
        return "gerund"
    return "np"


def _compatible(segment: str, style: str, marker: str | None) -> bool:
    """Whether a comma segment starts a new item of a list of this style (else it modifies the previous)."""
    seg = re.sub(r"^(?:and|or|as well as|besides)\s+", "", segment.strip(), flags=re.I)
    if not seg:
        return False
    if marker and re.match(marker + r"\b", seg, re.I):
        return True
    head = _head(seg, 0, len(seg))
    first = seg.split()[0].lower()
    if first in SUBORDINATORS or RELATIVE_LEAD.match(seg):
        return False
    if style == "inf":
        return _is_verb(head)
    if style == "gerund":
        return _is_gerund(head)
    if style == "for":
        return _is_gerund(head) or (head[:1].islower() and not head.lower().endswith("ed") and head.lower() not in VERB_HEADS)
    return not head.lower().endswith("ed") and not _is_gerund(head)


def _split_top(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """Split text[start:end] on a separator outside parentheses and quotes."""
    pieces, depth, quote, s = [], 0, False, start
    i = start
    while i < end:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in "\"“”":
            quote = not quote if ch == '"' else ch == "“"
        elif depth == 0 and not quote and text.startswith(sep, i):
            # "1,000" is a number, not a list
            if not (sep == "," and i + 1 < end and text[i + 1].isdigit() and i > start and text[i - 1].isdigit()):
                pieces.append((s, i))
                s = i + len(sep)
                i = s
                continue
        i += 1
    pieces.append((s, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, list glue ("and", "to", "besides") and trailing punctuation."""
    while True:
        while start < end and text[start] in " \t,;:":
            start += 1
        m = re.compile(r"(?:and|or|as well as|besides|also)\s+|\(?[1-9]\)\s*", re.I).match(text, start, end)
        if not m:
            break
        start = m.end()  # list glue, or the number of a numbered item ("3) developing ...")
    while end > start and text[end - 1] in " \t,;:.":
        end -= 1
    return start, end


def _and_splits(text: str, start: int, end: int, style: str, marker: str | None, listy: bool,
                last: bool = False) -> list[int]:
    """Offsets where " and " begins a new item inside one comma segment (`last`: the list's final segment)."""
    cuts = []
    for m in re.finditer(r"\s+and\s+", text[start:end]):
        pos = start + m.end()
        rest = text[pos:end]
        if marker and re.match(marker + r"\b", rest, re.I):
            cuts.append(start + m.start())
            continue
        if not listy:
            continue
        head = _head(text, pos, end)
        if style == "inf" and _is_verb(head):
            cuts.append(start + m.start())
        elif style == "gerund" and _is_gerund(head):
            cuts.append(start + m.start())
        elif last and not cuts and style not in ("inf", "gerund") and re.match(r"(?:a|an)\s", rest):
            # "called for A, B and a C": the last item of a comma list of noun phrases opens with its article
            cuts.append(start + m.start())
    return cuts


def _items(text: str, start: int, end: int, style: str, marker: str | None) -> list[tuple[int, int]]:
    """One span per coordinated item of the object text[start:end].

    >>> t = "to fight COVID-19, promote economic development and uphold international justice"
    >>> [t[s:e] for s, e in _items(t, 0, len(t), "inf", "to")]
    ['fight COVID-19', 'promote economic development', 'uphold international justice']
    """
    semis = _split_top(text, start, end, ";")
    if len(semis) > 1:
        return [span for s, e in semis if (span := _trim(text, s, e))[1] > span[0]]
    segments: list[list[int]] = []
    in_modifier = False
    for s, e in _split_top(text, start, end, ","):
        seg = text[s:e]
        restart = bool(marker and re.match(r"\s*(?:and\s+|or\s+)?" + marker + r"\b", seg, re.I))
        if segments and (not _compatible(seg, style, marker) or in_modifier and not restart):
            segments[-1][1] = e  # a modifier of the previous item ("with changes to A, B and C")
            in_modifier = True
            continue
        in_modifier = False
        if segments and segments[-1][1] - segments[-1][0] == 0:
            segments[-1][1] = e
            continue
        segments.append([s, e])
    # "besides" joins items like a comma in readout prose ("establishing A, besides ensuring B")
    expanded: list[list[int]] = []
    for s, e in segments:
        m = re.search(r"\s+besides\s+", text[s:e])
        if m and _compatible(text[s + m.end():e], style, marker):
            expanded += [[s, s + m.start()], [s + m.end(), e]]
        else:
            expanded.append([s, e])
    listy = len(expanded) > 1
    spans: list[tuple[int, int]] = []
    for index, (s, e) in enumerate(expanded):
        cuts = _and_splits(text, s, e, style, marker, listy, last=index == len(expanded) - 1)
        bounds = [s, *cuts, e]
        for a, b in zip(bounds, bounds[1:]):
            a2, b2 = _trim(text, a, b)
            if marker:
                m = re.compile(marker + r"\s+", re.I).match(text, a2, b2)
                if m:
                    a2 = m.end()
            if b2 > a2:
                spans.append((a2, b2))
    return spans


def _item_end(text: str, start: int, end: int) -> int:
    """Where the object of a proposal verb ends inside its sentence."""
    m = ITEM_END.search(text, start, end)
    return m.start() if m else end


# ---------------------------------------------------------------------------------------------------------
# rule families


def _point_markers(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, str, int]]:
    """(sentence index, ordinal, style, offset after the marker) for sentences that open an enumerated point."""
    out = []
    for i, (s, e) in enumerate(sentences):
        m = _POINT_MARKER.match(text, s, e)
        if not m:
            continue
        if m.group("adv"):
            out.append((i, ORDINAL_WORDS[m.group("adv").lower()], "adv", m.end()))
        elif m.group("the"):
            out.append((i, ORDINAL_WORDS[m.group("the").lower()], "the", m.end()))
        else:
            out.append((i, int(m.group("num")), "num", m.end()))
    return out


def _runs(markers: list[tuple[int, int, str, int]]) -> list[list[tuple[int, int, str, int]]]:
    """Consecutive ordinals of one marker style, starting at 1."""
    runs: list[list[tuple[int, int, str, int]]] = []
    for mk in markers:
        if mk[1] == 1:
            runs.append([mk])
        elif runs and runs[-1][-1][2] == mk[2] and runs[-1][-1][1] + 1 == mk[1]:
            runs[-1].append(mk)
    return runs


@dataclass
class _Scope:
    """One meeting's share of the document, prepared once for every rule family."""

    key: str
    text: str
    sentences: list[tuple[int, int]]
    paragraph_of: list[int]
    paragraphs: list[tuple[int, int]]
    speakers: list[_Speaker]
    year: int | None = None
    sentence_starts: list[int] | None = None
    starts_sorted: bool = False

    def __post_init__(self) -> None:
        self.sentence_starts = [a for a, _ in self.sentences]
        self.starts_sorted = all(a <= b for a, b in zip(self.sentence_starts, self.sentence_starts[1:]))


def _other_year(scope: _Scope, clause: str) -> bool:
    """A clause dated to another year than the meeting's ("In 2013, Xi proposed …") recalls the past."""
    if scope.year is None:
        return False
    return any(int(y) != scope.year for y in re.findall(r"\b(?i:in|since|of)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", clause))


# a speaker named by office as the subject: "the Secretary also called on ...", "The Minister proposed ..."
_THE_OFFICE = r"[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}?(?P<office>Secretary|Minister|President|Premier|Chancellor|Chair(?:man|person)?)"
OFFICE_REFERENCE = re.compile(rf"\b{_THE_OFFICE}\s+(?:also\s+|further\s+)?$")
# ... and as the subject a second predicate shares: "The Foreign Minister called for A and proposed B"
OFFICE_SUBJECT = re.compile(rf"\W*{_THE_OFFICE}\b")
# a transcript's speaker label opens a line: "President of Russia Vladimir Putin: Mr President, friends, ..."
SPEAKER_LABEL = re.compile(r"(?m)^(?P<label>[A-Z][^\n:.;]{2,80}):\s")


def _transcript_speaker(scope: _Scope, pos: int) -> _Speaker | None:
    """The speaker whose label last opened a line of a transcript before `pos`, if the label names an attendee."""
    lo = scope.sentences[0][0] if scope.sentences else 0
    labels = list(SPEAKER_LABEL.finditer(scope.text, lo, pos))
    if not labels:
        return None
    label = labels[-1]
    found, who = _resolve(label.group("label"), label.start(), scope.text, scope.speakers, None, nearest=True)
    return who if found else None


def _last_speaker_before(scope: _Scope, pos: int) -> _Speaker | None:
    """The speaker most recently named before `pos` (what "he" and "she" refer to)."""
    lo = scope.sentences[0][0] if scope.sentences else 0
    forms = [(sp, form) for sp in scope.speakers for form in sp.forms]
    if any(not form for _, form in forms):
        return _last_speaker_among(scope, lo, _mentions(scope.text, lo, pos, scope.speakers))
    # bisecting each form's occurrences keeps this independent of how far into the scope `pos` lies
    sites = [_form_sites(scope.text, form) for _, form in forms]
    lasts = [p for site in sites if (p := site.last(lo, pos)) is not None]
    if lasts:
        # the first speaker named in the latest sentence that names one: "Xie told Sherman …" → Xie
        sentence_start = _sentence_start_at(scope, max(lasts), lo)
        firsts = [(p, k) for k, site in enumerate(sites) if (p := site.first_from(sentence_start, lo, pos)) is not None]
        return forms[min(firsts)[1]][0]
    # before any attendee is found, fall back to the only speaker the meeting has
    return scope.speakers[0] if len(scope.speakers) == 1 else None


def _last_speaker_among(scope: _Scope, lo: int, found: list[tuple[int, _Speaker]]) -> _Speaker | None:
    """`_last_speaker_before` given every mention before the position."""
    if found:
        sentence_start = _sentence_start_at(scope, found[-1][0], lo)
        return next(sp for p, sp in found if p >= sentence_start)
    return scope.speakers[0] if len(scope.speakers) == 1 else None


def _sentence_start_at(scope: _Scope, pos: int, default: int) -> int:
    """Start of the last sentence of the scope that starts at or before `pos`."""
    starts = [a for a, _ in scope.sentences] if scope.sentence_starts is None else scope.sentence_starts
    if scope.sentence_starts is None or not scope.starts_sorted:
        return max((a for a in starts if a <= pos), default=default)
    i = bisect_right(starts, pos)
    return starts[i - 1] if i else default


def _enumerations(scope: _Scope) -> tuple[list[_Row], list[tuple[int, int]]]:
    """Rows for enumerated points, and the character ranges the points cover (their sub-points live there).

    "He put forward three suggestions. First, support A. Second, support B." → rows "support A" (1), "support B" (2).
    """
    text, sents = scope.text, scope.sentences
    rows: list[_Row] = []
    covered: list[tuple[int, int]] = []
    for run in _runs(_point_markers(text, sents)):
        first_idx = run[0][0]
        intro_lo = sents[max(0, first_idx - 3)][0]
        intro = text[intro_lo : sents[first_idx][0]]
        style = run[0][2]
        if style == "num":
            # numbered paragraphs count only after an introducing colon ("reached the following understandings:")
            if len(run) < 2 or not intro.rstrip().endswith(":"):
                continue
        elif len(run) < 2 and not COUNTED_INTRO.search(text[sents[0][0] : sents[first_idx][0]]):
            continue
        noun = COUNTED_INTRO.search(intro)
        kind = ENUMERATION_NOUNS.get(noun.group("noun").lower(), "proposal") if noun else "proposal"
        lead_in = text[sents[first_idx - 1][0] : sents[first_idx][0]] if first_idx else ""
        agreed = bool(AGREEMENT_WORDS.search(lead_in)) or style == "num" and bool(
            AGREEMENT_WORDS.search(text[sents[first_idx][0] : sents[first_idx][1]])
        )
        proposer = None if agreed else _last_speaker_before(scope, sents[first_idx][1])
        for j, (idx, ordinal, _, after) in enumerate(run):
            s_start, s_end = sents[idx]
            if style == "num":
                # a numbered paragraph is one point as a whole
                p_end = scope.paragraphs[scope.paragraph_of[idx]][1]
                end = p_end
            else:
                end = _item_end(text, after, s_end)
            start, end = _trim(text, after, end)
            if end > start:
                rows.append(_Row(start, end, kind, proposer, ordinal, "enumeration"))
            if j + 1 < len(run):
                cover_end = sents[run[j + 1][0]][0]
            else:
                cover_end = scope.paragraphs[scope.paragraph_of[idx]][1]
            covered.append((s_start, cover_end))
    return rows, covered


def _counted_lists(scope: _Scope, sentence: tuple[int, int]) -> list[_Row]:
    """"Lavrov put forward four major tasks: a; b; c; and d." → four rows with ordinals 1-4."""
    text = scope.text
    s, e = sentence
    m = COUNTED_LIST.search(text, s, e)
    if not m:
        return []
    count = int(m.group("count")) if m.group("count").isdigit() else COUNT_WORDS[m.group("count").lower()]
    obj_end = _item_end(text, m.end(), e)
    items = _items(text, m.end(), obj_end, _style(text, m.end(), obj_end, "np"), None)
    if len(items) != count:
        # the count decides: "eight initiatives: supporting development, food security, …" mixes gerunds and nouns
        items = [span for a, b in _split_top(text, m.end(), obj_end, ";" if ";" in text[m.end():obj_end] else ",")
                 if (span := _trim(text, a, b))[1] > span[0]]
        last_and = re.search(r"\s+and\s+", text[items[-1][0]:items[-1][1]]) if items else None
        if len(items) == count - 1 and last_and:
            # "…, green innovation and dialogue among civilizations": no comma before the last item
            a, b = items.pop()
            items += [_trim(text, a, a + last_and.start()), _trim(text, a + last_and.end(), b)]
    if len(items) != count:
        return []
    kind = ENUMERATION_NOUNS.get(m.group("noun").lower(), "proposal")
    zone = text[s : m.start()]
    agreed = bool(AGREEMENT_WORDS.search(zone))
    proposer = None
    if not agreed:
        found, who = _resolve(zone, s, text, scope.speakers, _last_speaker_before(scope, s), nearest=True)
        proposer = who if found else _last_speaker_before(scope, s)
    return [_Row(a, b, kind, proposer, k + 1, "enumeration") for k, (a, b) in enumerate(items)]


def _inline_enumeration(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """"first, a; second, b; and third, c" inside one object → (ordinal, start, end) per point."""
    def ordinal(mark: re.Match[str]) -> int:
        return ORDINAL_WORDS[mark.group("word").lower()] if mark.group("word") else int(mark.group("num"))

    marks = [m for m in _INLINE_ORDINAL.finditer(text, start, end)]
    # one style of marker, counting up from 1: "1) a; 2) b", never a stray "(2)" in a name
    marks = [m for m in marks if bool(m.group("word")) == bool(marks[0].group("word"))] if marks else []
    if len(marks) < 2 or [ordinal(m) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    out = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        a, b = _trim(text, m.end(), stop)
        if b > a:
            out.append((ordinal(m), a, b))
    return out


def _addressee_to(text: str, pos: int, end: int) -> int | None:
    """Offset of the "to" that ends an addressee ("urged the United States and NATO to assume …")."""
    # "the U.S. side", "the U.K." : dotted abbreviations belong to the addressee
    m = re.compile(r"(?:(?:(?:[A-Z]\.){2,}|[^\s,;:.]+)\s+){0,12}?(?:not\s+|never\s+)?to\s+(?=\w)").match(text, pos, end)
    if not m:
        return None
    inner = text[pos : m.end()]
    if "," in inner[:-3] and not re.search(r",\s+(?:and|the)\b", inner):
        return None
    return m.end()


def _object_rows(scope: _Scope, start: int, end: int, kind: str, mode: str,
                 proposer: _Speaker | None, family: str) -> list[_Row]:
    """Rows for the object of a proposal verb: text[start:end] begins right after the verb."""
    text = scope.text
    obj_end = _item_end(text, start, end)
    while start < obj_end and text[start] == " ":
        start += 1
    if start >= obj_end:
        return []
    lead = text[start:obj_end]
    if mode in ("propose", "forward") and COUNTED_INTRO.match(re.sub(r"^(?:a|an|the|his|her|its|their)\s+", "", lead, flags=re.I)):
        return []  # "He put forward three suggestions." introduces an enumeration
    inline = _inline_enumeration(text, start, obj_end)
    if inline:
        return [_Row(a, b, kind, proposer, k, "enumeration") for k, a, b in inline]
    if mode == "forward":
        m = re.compile(
            r"(?:(?:a|an|the|his|her|its|their|new|several|some|concrete|specific)\s+)*"
            r"(?P<noun>suggestions?|proposals?|initiatives?|ideas?|plans?)\s+(?P<link>to|on|for|that|of)\s+", re.I,
        ).match(text, start, obj_end)
        if m:
            kind = ENUMERATION_NOUNS.get(m.group("noun").lower(), kind)
            link = m.group("link").lower()
            mode = "inf" if link == "to" else "that" if link == "that" else "np"
            start = m.end()
        else:
            if re.search(r"\bInitiative\b", lead):
                kind = "initiative"
            mode = "np"
    if mode == "noun":
        m = re.compile(r"to\s+").match(text, start, obj_end)
        start, mode = (m.end() if m else start), "inf"
    if mode in ("propose", "urge"):
        if re.compile(r"that\s+").match(text, start, obj_end):
            mode = "that"
            start += 5
        elif re.compile(r"to\s+").match(text, start, obj_end):
            mode, start = "inf", start + 3
        elif mode == "urge":
            to = _addressee_to(text, start, obj_end)
            if to is not None:
                return _addressed_rows(scope, start, to, obj_end, kind, proposer, family)
            mode = "np"
        else:
            mode = "np"
    if mode == "on":
        to = _addressee_to(text, start, obj_end)
        if to is None:
            return []
        return _addressed_rows(scope, start, to, obj_end, kind, proposer, family)
    if mode == "that":
        pieces = re.split(r"(?:,\s*|\s+)and\s+that\s+|;\s*", text[start:obj_end])
        rows, pos = [], start
        for piece in pieces:
            a = text.find(piece, pos)
            a2, b2 = _trim(text, a, a + len(piece))
            pos = a + len(piece)
            if b2 > a2:
                rows.append(_Row(a2, b2, kind, proposer, None, family))
        return rows
    style = _style(text, start, obj_end, "for" if mode == "for" else mode)
    marker = "for" if mode == "for" else "to" if style == "inf" else None
    return [_Row(a, b, kind, proposer, None, family) for a, b in _items(text, start, obj_end, style, marker)]


def _addressed_rows(scope: _Scope, addressee: int, to: int, end: int, kind: str,
                    proposer: _Speaker | None, family: str) -> list[_Row]:
    """"called on X to A, B and C (and on Y to D)": the first row keeps its addressee, which gold keywords use."""
    text = scope.text
    rows: list[_Row] = []
    # a second addressee: "… to reduce violence and on the Taliban not to launch a spring offensive"
    second = re.compile(r",?\s+and\s+(?:on|upon|urged)\s+").search(text, to, end)
    first_end = second.start() if second else end
    spans = _items(text, to, first_end, "inf", "to")
    for k, (a, b) in enumerate(spans):
        rows.append(_Row(addressee if k == 0 else a, b, kind, proposer, None, family))
    if second:
        nxt = _addressee_to(text, second.end(), end)
        if nxt is not None:
            rows += _addressed_rows(scope, second.end(), nxt, end, kind, proposer, family)
    return rows


def _verb_rows(scope: _Scope, sentence: tuple[int, int], in_point: bool) -> list[_Row]:
    """Items introduced by a proposal verb (4b), and joint calls with a collective subject."""
    text = scope.text
    s, e = sentence
    rows: list[_Row] = []
    if not _ANY_TRIGGER.search(text, s, e):
        return rows
    taken_until = s
    # in reading order, whatever the trigger: an item taken by one verb is not read again by a later one
    found_triggers = sorted(((m, kind, mode) for pattern, kind, mode in _TRIGGERS for m in pattern.finditer(text, s, e)),
                            key=lambda found: (found[0].start(), -found[0].end()))
    for m, kind, mode in found_triggers:
        if m.start() < taken_until:
            continue
        before = text[s : m.start()]
        word = m.group(0).split()[0].lower()
        participle = word.endswith("ing")
        if participle and not re.search(r",\s*$", before) and before.strip():
            continue
        if not participle and NOT_AT_MEETING.search(before):
            continue
        clause = re.split(r",\s+and\s+|;\s+", before)[-1]
        if not participle and COMMITMENT.search(clause):
            continue  # "China will … put forward new initiatives": an offer, not a proposal
        if _other_year(scope, before):
            continue
        if re.search(r"\b(?:the|a|an|its|his|her|their|so)\s*-?$", before, re.I):
            continue  # "the proposed summit", "so-called"
        if re.match(r"\s+by\b", text[m.end() : m.end() + 4]):
            continue  # passive: "a proposal put forward by The Gambia"
        if in_point and not re.match(r"\s*(?:[A-Z][\w'’.-]*\s+){0,3}(?:He|She|[A-Z][\w'’-]+)\s+(?:also\s+)?$",
                                     before) and not re.search(r"\.\s*$", before):
            continue  # inside an enumerated point only the reporter's "He also proposed …" stands alone
        last = _last_speaker_before(scope, m.start())
        if participle or re.search(r"\band\s+(?:also\s+)?$", before):
            # a participle or a second predicate ("urges A and calls for B") shares the main subject
            found, who = _resolve(before, s, text, scope.speakers, last, nearest=False)
        else:
            zone_lo = max(s, before.rfind(",") + s + 1 if "," in before else s)
            found, who = _resolve(text[zone_lo : m.start()], zone_lo, text, scope.speakers, last, nearest=True)
            if not found:
                # the main subject, past any ", who addressed the meeting," aside
                found, who = _resolve(before, s, text, scope.speakers, last, nearest=False)
        shared_subject = participle or re.search(r"\band\s+(?:also\s+)?$", before)
        if not found and (office := (OFFICE_SUBJECT.match(before) if shared_subject else OFFICE_REFERENCE.search(before))):
            # "the Secretary called on ...": the one speaker who holds that office, else the last one named
            holders = [sp for sp in scope.speakers if sp.title and office.group("office").lower() in sp.title.lower()]
            found, who = True, holders[0] if len(holders) == 1 else last
        if not found:
            if not FIRST_PERSON.search(before[-12:]):
                continue
            # "We call on all governments …" in a speaker's remarks; a quote names its speaker after it
            tail = re.search(r"[\"”]\s*(?:[A-Z][\w'’.-]*\s+){0,4}?(?:" + REPORT_VERBS + r")\b", text[m.end() : e])
            who = _transcript_speaker(scope, m.start()) or last
            if tail:
                zone_lo = m.end() + tail.start()
                found_tail, who_tail = _resolve(text[zone_lo : m.end() + tail.end()], zone_lo, text,
                                                scope.speakers, last, nearest=True)
                who = who_tail if found_tail else last
        new = _object_rows(scope, m.end(), e, kind, mode, who, "verb" if who else "joint")
        if new:
            rows += new
            taken_until = max(r.end for r in new)
    return rows


def _agreement_rows(scope: _Scope, sentence: tuple[int, int]) -> list[_Row]:
    """What the participants agreed or undertook together: "The ministers agreed to A and B." (proposer null)."""
    text = scope.text
    s, e = sentence
    rows: list[_Row] = []
    if not _ANY_AGREEMENT.search(text, s, e) or BACKGROUND.search(text[s:e]) or _other_year(scope, text[s:e]):
        return []
    for pattern, mode in _AGREEMENTS:
        for m in pattern.finditer(text, s, e):
            before = text[s : m.start()]
            if NOT_AT_MEETING.search(before) or re.search(r"\b(?:had|have|has)\b[^,]*$", before):
                continue
            zone_lo = max(s, before.rfind(",") + s + 1 if "," in before else s)
            zone = text[zone_lo : m.start()]
            if not COLLECTIVE_SUBJECT.search(zone) and not re.search(r"\band\b", zone):
                continue  # one person's agreement is not a joint outcome
            if _mentions(text, zone_lo, m.start(), scope.speakers) and not COLLECTIVE_SUBJECT.search(zone):
                continue
            start = m.end()
            if mode == "that":
                rows += _modal_rows(scope, (start, e), None, require_modal=False) or [
                    _Row(*_trim(text, start, _item_end(text, start, e)), "proposal", None, None, "joint")
                ]
            else:
                end = _item_end(text, start, e)
                style = "gerund" if _is_gerund(_head(text, start, end)) else "inf"
                marker = "to" if style == "inf" else None
                rows += [_Row(a, b, "proposal", None, None, "joint") for a, b in _items(text, start, end, style, marker)]
    return rows


def _modal_rows(scope: _Scope, sentence: tuple[int, int], proposer: _Speaker | None,
                require_modal: bool = True) -> list[_Row]:
    """Should-type clauses: "the two sides should deepen A, expand B and uphold C" → one row per item."""
    text = scope.text
    s, e = sentence
    rows: list[_Row] = []
    modals = list(MODAL.finditer(text, s, e))
    if not modals:
        return []
    for k, m in enumerate(modals):
        if re.search(r"\b(?:that|which|who)\s+$", text[s : m.start()]):
            continue  # a relative clause ("wrongdoings that must stop") states no proposal
        bounds = sorted({s + b.end() for bound in (r"\bthat\s+", r",\s+", r"\bsaid\s+")
                         for b in re.finditer(bound, text[s : m.start()])} | {s}, reverse=True)
        lo = s
        for pos in bounds:
            subject = text[pos : m.start()].split()
            glue = re.match(r"(?:and|but|or)\s+", text[pos : m.start()])
            if glue and len(subject) > 1:
                subject, pos = subject[1:], pos + glue.end()
            if subject and subject[0].lower() not in ("who", "which", "whose", "and", "but", "or") and (
                len(subject) > 1 or subject[0].lower() not in ("also", "then")
            ):
                lo = pos
                break
        hi = modals[k + 1].start() if k + 1 < len(modals) else e
        hi = _item_end(text, m.end(), hi)
        if k + 1 < len(modals):
            seg = re.search(r"(?:,\s*(?:and|but)?\s*(?:that\s+)?|\s+and\s+(?:that\s+)?)(?=[^,]*$)", text[m.end() : modals[k + 1].start()])
            if seg:
                hi = min(hi, m.end() + seg.start())
        items = _items(text, m.end(), hi, "inf", "to")
        if not items:
            continue
        first_a, first_b = _trim(text, lo, items[0][1])
        kind = "suggestion"
        rows.append(_Row(first_a, first_b, kind, proposer, None, "should"))
        rows += [_Row(a, b, kind, proposer, None, "should") for a, b in items[1:]]
    return rows


def _should_rows(scope: _Scope, sentence: tuple[int, int]) -> list[_Row]:
    """A should-type statement attributed to a speaker in the same sentence ("…, Wang said")."""
    text = scope.text
    s, e = sentence
    sent = text[s:e]
    if not MODAL.search(sent):
        return []
    first_modal = MODAL.search(sent).start()
    reports = list(REPORT.finditer(sent))
    if not reports:
        return []
    earlier = [r for r in reports if r.start() < first_modal]
    rep = earlier[-1] if earlier else reports[0]
    before = sent[: rep.start()]
    if re.search(r"\b(?:had|has|have)\b[^,]*$", before):
        return []  # "Xi had … stressed that …": a recalled statement
    last = _last_speaker_before(scope, s + rep.start())
    found, who = _resolve(before, s, text, scope.speakers, last, nearest=True)
    if not found:
        tail = re.search(r",\s+(?:[A-Z][\w'’.-]*\s+){0,3}(?:He|he|She|she|[A-Z][\w'’-]+)\s+(?:" + REPORT_VERBS + r")",
                         sent)
        if tail:
            found, who = _resolve(sent[tail.start() : tail.end()], s + tail.start(), text, scope.speakers, last, True)
        if not found:
            return []
    if who is not None and who.name is None and who.country is not None:
        return []  # a state's stated position ("China believes …") rather than a speaker's proposal
    rows = _modal_rows(scope, (s + rep.end() if rep.start() < (MODAL.search(sent).start()) else s, e), who)
    return rows


# ---------------------------------------------------------------------------------------------------------
# assembly


def _scopes(context: DocumentContext, meetings: list[MeetingMention], attendees: list[AttendeeMention]) -> list[_Scope]:
    text = context.clean_text
    paragraphs = [p for p in _paragraphs(text) if _is_body(text[p[0] : p[1]], context.title)]
    out = []
    for mt in meetings:
        lo, hi = mt.scope
        if hi <= lo:
            lo, hi = 0, len(text)
        sents, para_of, paras = [], [], []
        for ps, pe in paragraphs:
            a, b = max(ps, lo), min(pe, hi)
            if b <= a:
                continue
            paras.append((a, b))
            for span in _sentences(text, a, b):
                sents.append(span)
                para_of.append(len(paras) - 1)
        speakers = _speakers([a for a in attendees if a.meeting_key == mt.key]) or _speakers(attendees)
        out.append(_Scope(mt.key, text, sents, para_of, paras, speakers, mt.date.year if mt.date else None))
    return out


def _narrowest(scope_key: str, pos: int, meetings: list[MeetingMention], length: int) -> bool:
    """A sentence belongs to the narrowest meeting scope that contains it."""
    best, best_len = None, None
    for mt in meetings:
        lo, hi = mt.scope if mt.scope[1] > mt.scope[0] else (0, length)
        if lo <= pos < hi and (best_len is None or hi - lo < best_len):
            best, best_len = mt.key, hi - lo
    return best == scope_key


def _rows_of(scope: _Scope) -> list[_Row]:
    rows, covered = _enumerations(scope)
    point_starts = {r.start for r in rows}
    for idx, (s, e) in enumerate(scope.sentences):
        in_point = any(a <= s < b for a, b in covered)
        if any(s <= p < e for p in point_starts):
            in_point = True
        counted = _counted_lists(scope, (s, e))
        if counted:
            rows += counted
            continue
        verb = _verb_rows(scope, (s, e), in_point)
        rows += verb
        if in_point:
            continue
        taken = [(r.start, r.end) for r in verb]
        for extra in _agreement_rows(scope, (s, e)) + _should_rows(scope, (s, e)):
            if not any(a < extra.end and extra.start < b for a, b in taken):
                rows.append(extra)
                taken.append((extra.start, extra.end))
    return rows


def _dedupe(rows: list[_Row]) -> list[_Row]:
    """One row per span: overlapping rows keep the one a stronger family produced."""
    rank = {"enumeration": 0, "verb": 1, "joint": 2, "should": 3}
    kept: list[_Row] = []
    # kept rows never overlap, so the non-empty ones sorted by start have sorted ends too: of those starting
    # before a row ends, the last reaches furthest, and it alone decides whether any reaches into the row
    starts: list[int] = []
    ends: list[int] = []
    points: list[int] = []  # empty kept rows, which overlap a row only strictly inside it
    inverted: list[_Row] = []  # end before start: compared one by one
    for row in sorted(rows, key=lambda r: (rank.get(r.family, 9), r.start)):
        last = bisect_left(starts, row.end) - 1
        if last >= 0 and ends[last] > row.start:
            continue
        inside = bisect_right(points, row.start)
        if inside < len(points) and points[inside] < row.end:
            continue
        if any(k.start < row.end and row.start < k.end for k in inverted):
            continue
        kept.append(row)
        if row.start < row.end:
            at = bisect_left(starts, row.start)
            starts.insert(at, row.start)
            ends.insert(at, row.end)
        elif row.start == row.end:
            insort(points, row.start)
        else:
            inverted.append(row)
    return sorted(kept, key=lambda r: r.start)


def find_proposals(
    context: DocumentContext, meetings: list[MeetingMention], attendees: list[AttendeeMention]
) -> list[ProposalMention]:
    """Proposals of each meeting mention, one row per enumerated point or coordinated item.

    "Wang called for establishing a medicine center and cooperating in vaccine R&D." gives two rows,
    "establishing a medicine center" and "cooperating in vaccine R&D", both proposed by Wang Yi.
    """
    text = context.clean_text
    out: list[ProposalMention] = []
    for scope in _scopes(context, meetings, attendees):
        rows = [r for r in _rows_of(scope) if _narrowest(scope.key, r.start, meetings, len(text))]
        theme = meeting_theme(" ".join(text[a:b] for a, b in scope.paragraphs))
        for row in _dedupe(rows):
            quote = text[row.start : row.end]
            if len(quote.split()) < 2:
                continue
            evidence = [Span("text", row.start, row.end), Span("*", row.start, row.end)]
            name = row.proposer.name if row.proposer else None
            country = row.proposer.country if row.proposer else None
            out.append(
                ProposalMention(
                    meeting_key=scope.key,
                    text=quote,
                    kind=row.kind,
                    start=row.start,
                    end=row.end,
                    proposer_name=name,
                    proposer_country=country,
                    ordinal=row.ordinal,
                    topics=topics_for(quote, theme),
                    evidence=evidence,
                )
            )
    return out

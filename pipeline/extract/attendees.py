"""Participants of the meetings a document reports (GUIDELINES §3).

A person is an attendee of a meeting when a mention of them (full or short) lies in the meeting's
scope and is not one of the genre's non-attendance contexts: the sender of a written message, the
inviter, people recalled from another occasion, people announced for later. Groups of unnamed
office holders become one row per state when the states are listed in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from pipeline.extract.model import AttendeeMention, DocumentContext, MeetingMention, Span
from pipeline.extract.people import Mention, Person, find_people
from pipeline.reference.countries import KIND_NAME, find_countries, represented_state
from pipeline.reference.offices import ORGANISATION_PATTERN, find_titles, office_kinds, organisation_code, same_person

ROLE_PRIORITY = {"chair": 0, "host": 1, "participant": 2}

# Contexts in which naming someone says nothing about their taking part (checked before the mention).
NOT_ATTENDING_BEFORE = re.compile(
    r"(?:message|letter|greetings|congratulations|note)\s+(?:\w+\s+){0,2}from\s+(?:\w+\s+){0,3}$"
    r"|at\s+the\s+invitation\s+of\s+$|(?:as\s+)?agreed\s+(?:by|between)\s+[^.;]{0,160}$|reached\s+by\s+[^.;]{0,160}$"
    r"|(?:detained|arrested|sanctioned|late|killed|extradition\s+of)\s+$",
    re.IGNORECASE,
)
# ... and after it.
NOT_ATTENDING_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,2}(?:sent|wrote|delivered|addressed)\s+(?:a\s+|an\s+|his\s+|her\s+)?(?:\w+\s+)?"
    r"(?:written\s+|congratulatory\s+)?(?:message|letter)",
    re.IGNORECASE,
)
# Sentences about another time: announced meetings, earlier encounters recalled in someone's words.
FUTURE_SENTENCE = re.compile(
    r"\b(?:is|are)\s+(?:scheduled|expected|due|set)\s+to\b|\bwill\s+(?:meet|visit|attend|chair|host|hold|pay|travel)\b"
    r"|\blater\s+(?:on|this|today|in\s+the\s+day)\b|\bhas\s+been\s+invited\b|\bnext\s+(?:week|month|year)\b",
    re.IGNORECASE,
)
RECALLED_CLAUSE = re.compile(
    r"\b(?:recalled|noted|said|stressed|added|remembered)\s+(?:that\s+)?(?:when|at|in)\b|\bhad\s+(?:met|expounded|said)\b"
    r"|\bbefore\s+the\s+(?:meeting|session)\b|\bthe\s+previous\s+(?:day|evening)\b",
    re.IGNORECASE,
)
# Mentions after these cues are commemorated, not present ("observed a minute of silence in memory of ...").
MEMORIAL_CUE = re.compile(
    r"\bin\s+(?:the\s+)?memory\s+of\b|\bminute\s+of\s+silence\b|\bcondolences?\s+(?:\w+\s+){0,3}(?:death|passing)\s+of\b"
    r"|\btribute\s+to\s+the\s+late\b",
    re.IGNORECASE,
)
# A sentence that opens on another moment and reports an encounter is a separate meeting
# ("Earlier in the day, Jaishankar met with Deputy Prime Minister Denis Manturov").
SEPARATE_ENCOUNTER = re.compile(
    r"^\W*(?:Earlier|Later|Separately|Prior\s+to\s+the\s+(?:meeting|talks|session))\b[^.;]{0,60}?,?\s+[^.;]*?"
    r"\b(?:met|meets|held|holds|had|received|receives|called\s+on)\b",
    re.IGNORECASE,
)
LINK_LINE = re.compile(r"^\s*(?:[-•*]\s|\[)")
# A spokesperson reports on a meeting ("Presidential Spokesman X said the summit discussed ..."); briefing is
# not taking part.
SPOKESPERSON_TITLE = re.compile(r"\bspokes(?:person|man|woman|people|men|women)\b", re.IGNORECASE)

# Role verbs. Active ("X chaired") applies to the subject; passive ("chaired by X") to what follows "by".
PASSIVE_ROLE = re.compile(
    r"\b(?:was|were|being|been)\s+(?:(?:co-?chaired|chaired|presided\s+over|hosted|opened|convened)"
    r"(?:\s+and\s+(?:co-?chaired|chaired|hosted|presided\s+over))?)\b[^.;]*?\bby\b",
    re.IGNORECASE,
)
ACTIVE_ROLE = re.compile(r"\b(?:co-?chaired|chaired|co-?chairing|chairing|presided\s+over|presided|presiding\s+over|hosted|hosting"
                         r"|received|opened)\b", re.IGNORECASE)
# What may stand between two coordinated participants: "A and B", "A, B", "A Jr., whose country ..., and B".
COORDINATION_GAP = re.compile(r"\s*(?:Jr\.?|Sr\.?)?\s*(?:,[^,;.]{0,120},)?\s*(?:,\s*)?(?:and\s+)?")
ROLE_OF_VERB = (("chair", re.compile(r"chair|presid", re.IGNORECASE)), ("host", re.compile(r"host|receiv|open|conven", re.IGNORECASE)))

VIRTUAL_CUE = re.compile(r"\bvia\s+video|\bby\s+video|\bthrough\s+video|video\s+(?:link|address|conference|call)"
                         r"|videoconferenc|\bvirtually\b|\bonline\b", re.IGNORECASE)
IN_PERSON_CUE = re.compile(r"\bin[\s-]person\b|\bface[\s-]to[\s-]face\b", re.IGNORECASE)

# Sentences that say who took part; only these turn a list of states into unnamed rows.
ATTENDANCE_CUE = re.compile(
    r"\b(?:attended|attending|attend|took\s+part|taking\s+part|take\s+part|participated|participating|joined\s+by"
    r"|joined\s+(?:the|his|her|their)|joined\s+(?:through|via|by)\s+video"
    r"|represented\s+by|were\s+present|co-?chaired\s+by|chaired\s+by|brought\s+together|gathered"
    r"|delivered\s+(?:speeches|statements|addresses|remarks)|made\s+(?:speeches|statements)"
    r"|addressed\s+the\s+(?:meeting|summit|session|conference|gathering))\b",
    re.IGNORECASE,
)
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")
# "five Central Asian countries: " between a group's office and its list of states.
LIST_LEAD_IN = re.compile(r"(?:of|from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:countries|states|nations)\s*:\s*", re.IGNORECASE)
# A second kind of delegate joined to a plural office: "foreign ministers and senior officials (of ...)".
GROUP_PARTNERS = re.compile(
    r"\s+(?:and|or)\s+(?:[\w-]+\s+){0,2}?(?:officials|representatives|delegates|envoys|ministers|heads\s+of\s+delegations?)"
    r"(?=\s+(?:of|from)\s)",
    re.IGNORECASE,
)
GROUP_PREPOSITION = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?", re.IGNORECASE)
# "foreign ministers of SCO member states": a body's membership stands for the list.
MEMBER_STATES_OF = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*)*)(?:'s)?\s+member\s+(?:states|countries)",
)
# "The SCO groups eight member states: China, India, ...": the text's own membership list.
MEMBERSHIP_SENTENCE = re.compile(
    r"(?P<org>[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*)*)\s+(?:groups|comprises|brings\s+together|consists\s+of|includes|"
    r"members\s+are|member\s+states\s+are)\s+(?:(?:its\s+)?[\w-]+\s+member\s+(?:states|countries)\s*:?\s*)?",
)
REPRESENTED_BY_ITS = re.compile(r"\s+was\s+represented\s+by\s+its\s+(?P<title>[\w\s-]+?)(?=[.,;])", re.IGNORECASE)
# titles too general to tell one office of a state from another ("ministers of Cambodia and Laos")
VAGUE_TITLES = frozenset({"minister", "official", "senior official", "representative", "delegate", "leader", "envoy",
                          "head of delegation", "minister and senior officials"})
# UN bodies whose meeting coverage names delegates by the state they represent
UN_BODIES = frozenset({"UN", "UNSC", "UNGA", "ECOSOC", "UNHRC"})
DELEGATE = re.compile(
    r"\b(?:[Tt]he\s+(?P<title>representatives?)\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"|(?P<poss>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?P<title2>representative))\b"
)
STATES_ATTENDED = re.compile(r"^\s*(?:also\s+)?(?:attended|took\s+part|participated)\b", re.IGNORECASE)


# Abbreviations after which a full stop does not end a sentence.
NON_FINAL_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Prof Hon St Jr Sr Gen Col Lt Sen Rep Gov No Jan Feb Mar Apr Jun Jul Aug "
                                    "Sep Sept Oct Nov Dec U.S U.K U.N H.E Smt vs".split())


def _sentences(context: DocumentContext) -> list[tuple[int, int]]:
    if context.sentences:
        return list(context.sentences)
    text = context.clean_text
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n+", text):
        word = re.search(r"([\w.]+)[.!?]$", text[start:match.start()])
        if not match.group(0).startswith("\n") and word and (
                word.group(1) in NON_FINAL_ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(context.clean_text)))
    return [(s, e) for s, e in spans if e > s]


def _sentence_starts(sentences: list[tuple[int, int]]) -> list[int] | None:
    """Starts of the sentences when they are non-empty, sorted and disjoint (then a bisect finds a position's)."""
    if all(s < e for s, e in sentences) and all(a[1] <= b[0] for a, b in zip(sentences, sentences[1:])):
        return [s for s, _ in sentences]
    return None


def _sentence_of(sentences: list[tuple[int, int]], pos: int, starts: list[int] | None = None) -> tuple[int, int]:
    if starts is not None:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < sentences[i][1]:
            return sentences[i][0], sentences[i][1]
        return pos, pos
    for start, end in sentences:
        if start <= pos < end:
            return start, end
    return pos, pos


def _scope(meeting: MeetingMention, text: str) -> tuple[int, int]:
    start, end = meeting.scope
    return (0, len(text)) if end <= start else (start, end)


def _attending(text: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """Whether this mention can stand for the person's taking part (see NOT_ATTENDING_* and friends)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if LINK_LINE.match(text[line_start:mention.start + 1]):
        return False
    before = text[sentence[0]:mention.start]
    after = text[mention.end:sentence[1]]
    if NOT_ATTENDING_BEFORE.search(before) or NOT_ATTENDING_AFTER.search(after):
        return False
    whole = text[sentence[0]:sentence[1]]
    if FUTURE_SENTENCE.search(whole) or SEPARATE_ENCOUNTER.search(whole):
        return False
    if MEMORIAL_CUE.search(before):
        return False
    recalled = RECALLED_CLAUSE.search(before)
    return not (recalled and not mention.short and mention.title is not None and recalled.start() < len(before))


def _roles(text: str, sentence: tuple[int, int], spans: list[tuple[int, int, object]]) -> dict[object, str]:
    """Roles that the sentence's verbs give to the people (or states) whose spans it contains."""
    found: dict[object, str] = {}
    s_start, s_end = sentence
    body = text[s_start:s_end]
    inside = sorted((s, e, key) for s, e, key in spans if s_start <= s < s_end)

    def give(key: object, verb: str) -> None:
        role = next((r for r, pattern in ROLE_OF_VERB if pattern.search(verb)), "participant")
        if ROLE_PRIORITY[role] < ROLE_PRIORITY[found.get(key, "participant")]:
            found[key] = role

    for passive in PASSIVE_ROLE.finditer(body):
        verb = passive.group(0)
        chain = [item for item in inside if item[0] >= s_start + passive.end()]
        previous_end = None
        for start, end, key in chain:
            if previous_end is not None and not COORDINATION_GAP.fullmatch(text[previous_end:start]):
                break
            give(key, verb)
            previous_end = end
    for active in ACTIVE_ROLE.finditer(body):
        if any(p.start() <= active.start() < p.end() for p in PASSIVE_ROLE.finditer(body)):
            continue
        verb_at = s_start + active.start()
        if re.match(r"\s+by\b", body[active.end():]):
            continue
        subjects = [(s, e, key) for s, e, key in inside if e <= verb_at]
        if not subjects:
            continue
        chosen = [subjects[-1]]
        for prev in reversed(subjects[:-1]):
            gap = text[prev[1]:chosen[-1][0]]
            if re.fullmatch(r"\s*(?:,\s*)?and\s+", gap):
                chosen.append(prev)
            else:
                break
        for _, _, key in chosen:
            give(key, active.group(0))
        if active.group(0).lower().startswith("co"):
            with_part = re.match(r"[^.;]*?\bwith\s+", body[active.end():])
            if with_part:
                partner_at = s_start + active.end() + with_part.end()
                for start, _, key in inside:
                    if start == partner_at or (partner_at <= start <= partner_at + 40 and not text[partner_at:start].count(",")):
                        give(key, "co-chaired")
                        break
    return found


def _country_list(text: str, pos: int, limit: int) -> tuple[list[tuple[int, int, str]], int]:
    """States listed from `pos` on ("Kazakhstan, Kyrgyzstan and Uzbekistan"), with their spans."""
    found: list[tuple[int, int, str]] = []
    while pos < limit:
        the = re.match(r"(?:the\s+)", text[pos:limit])
        at = pos + (the.end() if the else 0)
        matches = [m for m in find_countries(text[at:min(limit, at + 60)]) if m.start == 0 and m.kind == KIND_NAME]
        if not matches:
            break
        match = matches[0]
        found.append((at, at + match.end, represented_state(match.code) or match.code))
        pos = at + match.end
        separator = LIST_SEPARATOR.match(text, pos)
        if not separator or pos >= limit:
            break
        nxt = pos + separator.end() - pos
        the = re.match(r"(?:the\s+)", text[nxt:limit])
        probe = nxt + (the.end() if the else 0)
        if not [m for m in find_countries(text[probe:min(limit, probe + 60)]) if m.start == 0 and m.kind == KIND_NAME]:
            break
        pos = nxt
    return found, pos


def _membership_lists(text: str) -> dict[str, list[str]]:
    """Member lists the text itself gives ("The SCO groups eight member states: China, India, ...")."""
    lists: dict[str, list[str]] = {}
    for match in MEMBERSHIP_SENTENCE.finditer(text):
        org = organisation_code(match.group("org").removeprefix("The ").removeprefix("the ")) or match.group("org").split()[-1]
        states, _ = _country_list(text, match.end(), min(len(text), match.end() + 400))
        if len(states) >= 2:
            lists[org] = [code for _, _, code in states]
    return lists


def _singular(title: str) -> str:
    return re.sub(r"(?i)(minister|representative|envoy|councilor|president)s\b", r"\1", title)


def _group_rows(text: str, sentence: tuple[int, int], memberships: dict[str, list[str]]) -> list[tuple[int, int, str, str | None, Span | None]]:
    """Unnamed office holders of listed states in one attendance sentence: (start, end, country, title, title span)."""
    s_start, s_end = sentence
    body = text[s_start:s_end]
    if not ATTENDANCE_CUE.search(body):
        return []
    rows: list[tuple[int, int, str, str | None, Span | None]] = []
    covered: list[tuple[int, int]] = []
    for t_start, t_end in find_titles(body):
        title = body[t_start:t_end]
        if not re.search(r"s$", title):
            continue
        abs_end = s_start + t_end
        partners = GROUP_PARTNERS.match(text, abs_end)
        if partners:
            abs_end = partners.end()  # "foreign ministers and senior officials of ..." is one group
            title = text[s_start + t_start:abs_end]
        lead = LIST_LEAD_IN.match(text, abs_end + 1) if text[abs_end:abs_end + 1] == " " else None
        prep = GROUP_PREPOSITION.match(text, abs_end)
        title_span = Span("title", s_start + t_start, abs_end)
        if lead:
            states, _ = _country_list(text, lead.end(), s_end)
        elif prep:
            states, _ = _country_list(text, prep.end(), s_end)
            if not states:
                members = MEMBER_STATES_OF.match(text, abs_end)
                org = organisation_code(members.group("org")) if members else None
                if members and org in memberships:
                    states = [(s_start + t_start, members.end(), code) for code in memberships[org]]
        else:
            states = []
        for start, end, code in states:
            rows.append((start, end, code, _singular(title), title_span))
            covered.append((start, end))
    # "were joined by Thailand, Laos, ..." and "Qatar and Turkey attended as guests".
    for cue in re.finditer(r"\bjoined\s+by\s+|\bincluding\s+", body):
        states, _ = _country_list(text, s_start + cue.end(), s_end)
        rows += [(s, e, c, None, None) for s, e, c in states if not any(a <= s < b for a, b in covered)]
    states, end = _country_list(text, s_start + len(body) - len(body.lstrip()), s_end)
    if len(states) >= 1 and STATES_ATTENDED.match(text[end:s_end]):
        rows += [(s, e, c, None, None) for s, e, c in states]
    for match in find_countries(body):
        represented = REPRESENTED_BY_ITS.match(body, match.end)
        if represented and match.kind == KIND_NAME:
            rows.append((s_start + match.start, s_start + represented.end(), represented_state(match.code) or match.code,
                         represented.group("title").strip(), Span("title", s_start + represented.start("title"),
                                                                   s_start + represented.end("title"))))
    return rows


def _official_rows(text: str, sentence: tuple[int, int], named: list[Person]) -> list[tuple[int, int, str, str, Span]]:
    """Unnamed officials of bodies listed as attending ("SCO Secretary-General ... attended")."""
    s_start, s_end = sentence
    body = text[s_start:s_end]
    if not ATTENDANCE_CUE.search(body):
        return []
    rows = []
    for t_start, t_end in find_titles(body):
        parts = re.split(r"\s+and\s+(?=[A-Z])", body[t_start:t_end])
        offset = t_start
        for part in parts:
            p_start = body.index(part, offset)
            p_end = p_start + len(part)
            offset = p_end
            if re.search(r"s$", part) or not re.match(r"(?:Deputy\s+)?(?:Secretary[- ]General|Director|Chair|President|Executive)", part):
                continue
            if re.search(r"\bas\s+(?:the\s+)?$", body[:p_start]):
                continue  # the capacity of a named person ("in his capacity as Chairperson of ...")
            org_code = None
            prefixes = list(ORGANISATION_PATTERN.finditer(body[max(0, p_start - 40):p_start]))
            if prefixes and body[max(0, p_start - 40) + prefixes[-1].end():p_start].strip() == "":
                org_code = organisation_code(prefixes[-1].group(0))
            full_end = p_end
            chain = re.match(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)+", body[p_end:])
            if chain:
                full_end = p_end + chain.end()
                for inner in ORGANISATION_PATTERN.finditer(chain.group(0)):
                    org_code = org_code or organisation_code(inner.group(0))
                    org_code = organisation_code(inner.group(0)) or org_code
            if not org_code:
                continue
            if re.match(r"\s+[A-Z][a-z]", body[full_end:]) and not re.match(r"\s+(?:attended|also|and|were|was|took)", body[full_end:]):
                continue  # a name follows: handled as a named person
            title = body[p_start:full_end].strip()
            if any(p.organization == org_code and p.title and same_title(p.title, title) for p in named):
                continue
            rows.append((s_start + p_start, s_start + full_end, org_code, title, Span("title", s_start + p_start, s_start + full_end)))
    return rows


def _delegate_rows(text: str, sentence: tuple[int, int]) -> list[tuple[int, int, str, str | None, Span | None]]:
    """UN meeting coverage names delegates by state: "The representative of China said ...", "India's representative"."""
    s_start, s_end = sentence
    rows: list[tuple[int, int, str, str | None, Span | None]] = []
    for match in DELEGATE.finditer(text, s_start, s_end):
        state = match.group("of") or match.group("poss")
        found = [m for m in find_countries(state) if m.start == 0 and m.end == len(state) and m.kind == KIND_NAME]
        if found:
            title = "title" if match.group("title") else "title2"
            rows.append((match.start(), match.end(), represented_state(found[0].code) or found[0].code,
                         match.group(title), Span("title", match.start(title), match.end(title))))
    return rows


def same_office(a: str | None, b: str | None) -> bool:
    """Whether two titles may name one office holder: the same office kind, or a title too vague to tell.

    >>> same_office("Prime Minister", "Foreign ministers"), same_office("Foreign Minister", "foreign minister"), same_office(None, "x")
    (False, True, True)
    """
    if not a or not b or _singular(a).lower() in VAGUE_TITLES or _singular(b).lower() in VAGUE_TITLES:
        return True
    kinds_a, kinds_b = office_kinds(_singular(a)), office_kinds(_singular(b))
    if kinds_a and kinds_b:
        return bool(kinds_a & kinds_b)
    return _singular(a).lower() == _singular(b).lower()


def same_title(a: str, b: str) -> bool:
    """Whether two titles name the same office (ignoring case and the body's name)."""
    return a.lower().split(" of ")[0] == b.lower().split(" of ")[0]


def find_attendees(context: DocumentContext, meetings: list[MeetingMention]) -> list[AttendeeMention]:
    """Attendees of each meeting mention: named people, unnamed officials and listed states.

    >>> text = "Foreign Minister Sergei Lavrov of Russia chaired the meeting. Wang Yi, China's Foreign Minister, attended."
    >>> m = MeetingMention("m0", "SCO meeting", "ministerial", None, "unknown", scope=(0, len(text)))
    >>> [(a.name, a.country, a.role) for a in find_attendees(DocumentContext("d", text), [m])]
    [('Sergei Lavrov', 'RUS', 'chair'), ('Wang Yi', 'CHN', 'participant')]
    """
    text = context.clean_text
    if not meetings or not text:
        return []
    sentences = _sentences(context)
    starts = _sentence_starts(sentences)
    dates = [m.date for m in meetings if m.date]
    people = find_people(context, dates[0] if dates else None)
    # each person's mention starts, when in text order, so a meeting's share of them is a bisect
    mention_starts = [[m.start for m in person.mentions] for person in people]
    ordered = [all(a <= b for a, b in zip(at, at[1:])) for at in mention_starts]
    memberships = _membership_lists(text)
    out: list[AttendeeMention] = []
    for meeting in meetings:
        start, end = _scope(meeting, text)
        attendees: list[tuple[int, AttendeeMention]] = []
        spans: list[tuple[int, int, object]] = []
        for person, at, in_order in zip(people, mention_starts, ordered):
            if person.title and SPOKESPERSON_TITLE.search(person.title):
                continue
            if in_order:
                inside = person.mentions[bisect_left(at, start):bisect_left(at, end)]
            else:
                inside = [m for m in person.mentions if start <= m.start < end]
            good = [m for m in inside if _attending(text, m, _sentence_of(sentences, m.start, starts))]
            if not good:
                continue
            full = next((m for m in good if not m.short), good[0])
            evidence = [Span("*", full.start, full.end)]
            if full.name_span:
                evidence.append(Span("name", *full.name_span))
            if full.title_span:
                evidence.append(Span("title", *full.title_span))
            attendee = AttendeeMention(meeting.key, person.name, person.title, person.country, person.organization,
                                       evidence=evidence)
            attendees.append((full.start, attendee))
            spans += [(m.start, m.end, id(attendee)) for m in good]
        groups: list[tuple[int, AttendeeMention]] = []
        seen_sentences: set[tuple[int, int]] = set()
        for s_start, s_end in sentences:
            if not (start <= s_start < end) or (s_start, s_end) in seen_sentences:
                continue
            seen_sentences.add((s_start, s_end))
            rows_here = _group_rows(text, (s_start, s_end), memberships)
            if meeting.organization in UN_BODIES:
                rows_here += _delegate_rows(text, (s_start, s_end))
            for g_start, g_end, code, title, title_span in rows_here:
                # a state's unnamed holder of an office another row of that state already fills is that row
                if any(a.country == code and same_office(a.title, title) for _, a in attendees + groups):
                    continue
                row = AttendeeMention(meeting.key, None, title, code, None,
                                      evidence=[Span("*", g_start, g_end)] + ([title_span] if title_span else []))
                groups.append((g_start, row))
                spans.append((g_start, g_end, id(row)))
            for o_start, o_end, org, title, title_span in _official_rows(text, (s_start, s_end), [p for p in people]):
                if any(a.organization == org and a.title and same_title(a.title, title) for _, a in attendees + groups):
                    continue
                if any(a.organization == org and not a.name for _, a in groups) and "secretary" in title.lower():
                    continue
                row = AttendeeMention(meeting.key, None, title, None, org, evidence=[Span("*", o_start, o_end), title_span])
                groups.append((o_start, row))
                spans.append((o_start, o_end, id(row)))
        rows = attendees + groups
        by_id = {id(a): a for _, a in rows}
        # a sentence's verbs only give roles to the spans starting in it: hand each sentence just those
        by_start = sorted(spans)
        span_starts = [s for s, _, _ in by_start]
        for s_start, s_end in sentences:
            if start <= s_start < end:
                nearby = by_start[bisect_left(span_starts, s_start):bisect_left(span_starts, s_end)]
                for key, role in _roles(text, (s_start, s_end), nearby).items():
                    row = by_id[key]
                    if ROLE_PRIORITY[role] < ROLE_PRIORITY[row.role]:
                        row.role = role
        for _, row in rows:
            if meeting.chair_name and row.name and same_person(meeting.chair_name, row.name):
                row.role = "chair"
            row.attendance = _attendance(text, sentences, row, meeting, starts)
        out += [row for _, row in sorted(rows, key=lambda pair: pair[0])]
    return out


def _attendance(text: str, sentences: list[tuple[int, int]], row: AttendeeMention, meeting: MeetingMention,
                starts: list[int] | None = None) -> str:
    """`virtual` or `in_person` when the sentence naming the row says so, else the meeting's own format."""
    star = next((s for s in row.evidence if s.field == "*"), None)
    if star is not None:
        s_start, s_end = _sentence_of(sentences, star.start, starts)
        window = text[s_start:s_end]
        if VIRTUAL_CUE.search(window):
            return "virtual"
        if IN_PERSON_CUE.search(window):
            return "in_person"
    return meeting.format if meeting.format in ("virtual", "in_person") else "unknown"

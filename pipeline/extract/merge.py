"""Mentions from every document merged into the contract's meetings, attendees, proposals and evidence rows.

Two reports are one meeting when they give the same day and the same body, or, for talks with no body,
the same day and at least two participants or two distinctive name words in common ("China-Russia ...
Talks" from Beijing's and Moscow's readouts). Attendees merge by person (surname and given name or
initial), unnamed office holders by state and organisation; proposals by fuzzy text similarity. Every
id comes from canonical content, so the result does not depend on the order of the inputs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.extract.attendees import same_office
from pipeline.extract.model import AttendeeMention, DocumentExtraction, MeetingMention, ProposalMention, Span
from pipeline.ids import stable_id

# words every meeting name shares; they say nothing about which meeting it is
GENERIC_NAME_WORDS = {
    "foreign", "minister", "ministers", "meeting", "meetings", "conference", "video", "link", "talks", "council",
    "session", "summit", "dialogue", "virtual", "ministerial", "high", "level", "joint", "special", "held",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "inaugural",
    "annual", "extraordinary", "affairs", "state", "states", "member", "countries", "the", "of", "in", "on",
    "and", "with", "vice", "s",
}
DATE_SOURCE_RANK = {"explicit": 0, "relative_weekday": 1, "year_inferred": 2, "publication_date": 3, "unknown": 4}
ROLE_RANK = {"chair": 0, "host": 1, "participant": 2}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii"}
REGNAL_NUMERALS = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
# proposals from two reports of one meeting are one item at or above this similarity (rapidfuzz 0-100)
PROPOSAL_SIMILARITY = 80
OUTCOME_SIMILARITY = 90
MIN_SHARED_FOR_TALKS = 2
# One report words an agreed item twice: the lede sums it up ("agreed to launch a new dialogue on maritime law"),
# the body names it ("agreed to launch the Quad Maritime Legal Dialogue"). Two rows of one report are one item
# when one sits in the lede and the other after it, neither is an enumerated point, the proposer is the same
# and they share at least this many distinctive words, covering at least this share of the shorter item's.
REWORDED_MIN_SHARED = 2
REWORDED_MIN_SHARE = 0.5
# words that any two proposals may share without being the same item (verbs of doing, generic nouns)
PROPOSAL_FILLER_WORDS = {
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "at", "by", "from", "as", "is", "are", "be",
    "its", "it", "this", "that", "their", "our", "we", "both", "all", "each", "other", "into", "over", "under", "via",
    "new", "more", "further", "closer", "jointly", "side", "sides", "two", "countries", "country", "parties", "party",
    "launch", "hold", "establish", "set", "up", "create", "step", "strengthen", "promote", "enhance", "deepen",
    "expand", "support", "continue", "work", "make", "build", "advance", "boost", "increase", "improve", "ensure",
    "cooperation", "coordination", "efforts", "effort", "field", "fields", "areas", "area", "relations", "ties",
    "also", "should", "will", "would", "can", "must", "not", "s", "u",
}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _name_words(name: str | None) -> list[str]:
    words = re.findall(r"[a-z]+", _fold(name or ""))
    if len(words) == 2 and words[1] in REGNAL_NUMERALS:
        return words  # "Abdullah II" is not any Abdullah
    return [w for w in words if w not in NAME_SUFFIXES]


def same_person(a: str | None, b: str | None) -> bool:
    """Same surname and a compatible given name or initial, in either name order.

    >>> same_person("S. Jaishankar", "Subrahmanyam Jaishankar"), same_person("Wang Yi", "Wang Wenbin")
    (True, False)
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return len(wa) > 1 and len(wb) > 1 or wa[-1] == wb[-1]
    if wa[-1] != wb[-1]:
        return False
    given_a, given_b = wa[:-1], wb[:-1]
    if not given_a or not given_b:
        return True
    first = given_a[0]
    return any(first == g or (len(first) == 1 and g.startswith(first)) or (len(g) == 1 and first.startswith(g)) for g in given_b)


def canonical_person(names: list[str]) -> str:
    """The longest form whose first given name (or its initial) appears in every source's form.

    >>> canonical_person(["Anna Maria Kowalska", "Maria Kowalska"]), canonical_person(["S. Jaishankar", "Subrahmanyam Jaishankar"])
    ('Maria Kowalska', 'Subrahmanyam Jaishankar')
    """
    forms = sorted(set(names), key=lambda n: (-len(n), n))
    for form in forms:
        words = _name_words(form)
        if len(words) < 2:
            continue
        first = words[0]
        if all(any(w == first or (len(w) == 1 and first.startswith(w)) for w in _name_words(other)) for other in names):
            return form
    return forms[0]


@dataclass
class _Report:
    doc_id: str
    mention: MeetingMention
    attendees: list[AttendeeMention]
    proposals: list[ProposalMention]


def _distinct_words(mention: MeetingMention) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", _fold(mention.name)) if w not in GENERIC_NAME_WORDS and len(w) > 1}


def _people(report: _Report) -> list[str]:
    names = [a.name for a in report.attendees if a.name]
    if report.mention.chair_name:
        names.append(report.mention.chair_name)
    return names


def _same_meeting(a: _Report, b: _Report) -> bool:
    if a.doc_id == b.doc_id or a.mention.date is None or a.mention.date != b.mention.date:
        return False
    if a.mention.organization or b.mention.organization:
        return a.mention.organization == b.mention.organization
    shared_words = len(_distinct_words(a.mention) & _distinct_words(b.mention))
    people_a, people_b = _people(a), _people(b)
    shared_people = sum(1 for p in set(people_a) if any(same_person(p, q) for q in people_b))
    return shared_words >= MIN_SHARED_FOR_TALKS or shared_people >= MIN_SHARED_FOR_TALKS


def _clusters(reports: list[_Report]) -> list[list[_Report]]:
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # the reports of one merge block (one day, or one undated document): pairs are compared within the block only,
    # so the work grows with the reports of a day, not with the square of the corpus
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            if _same_meeting(reports[i], reports[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[_Report]] = {}
    for i, report in enumerate(reports):
        groups.setdefault(find(i), []).append(report)
    return [sorted(g, key=lambda r: (r.doc_id, r.mention.key)) for g in groups.values()]


def _most_common(values: list, default=None):  # noqa: ANN001, ANN202 - any hashable
    present = [v for v in values if v is not None]
    if not present:
        return default
    counts = Counter(present)
    return sorted(counts, key=lambda v: (-counts[v], str(v)))[0]


def _merge_outcomes(lists: list[list[str]]) -> list[str]:
    out: list[str] = []
    for item in (o for lst in lists for o in lst):
        folded = _fold(item)
        match = next((i for i, o in enumerate(out) if fuzz.ratio(_fold(o), folded) >= OUTCOME_SIMILARITY
                      or _fold(o).startswith(folded) or folded.startswith(_fold(o))), None)
        if match is None:
            out.append(item)
            continue
        current = out[match]
        # keep the fuller, title-cased form ("Joint Statement on ..." over "joint statement")
        if (len(item), sum(c.isupper() for c in item)) > (len(current), sum(c.isupper() for c in current)):
            out[match] = item
    return out


def _meeting_row(group: list[_Report]) -> dict:
    mentions = [r.mention for r in group]
    organization = _most_common([m.organization for m in mentions])
    date = _most_common([m.date for m in mentions])
    date_source = min((m.date_source for m in mentions if m.date == date), key=lambda s: DATE_SOURCE_RANK.get(s, 9))
    named = sorted(mentions, key=lambda m: (m.organization is None, -len(m.name), m.name))
    chairs = [m.chair_name for m in mentions if m.chair_name]
    chair = None
    chair_country = None
    if chairs:
        first = chairs[0]
        chair = canonical_person([c for c in chairs if same_person(c, first)])
        chair_country = next((m.chair_country for m in mentions if m.chair_name and same_person(m.chair_name, first) and m.chair_country), None)
    formats = [m.format for m in mentions if m.format != "unknown"]
    return {
        "name": named[0].name,
        "organization": organization,
        "organization_name": next((m.organization_name for m in mentions if m.organization == organization and m.organization_name), None),
        "level": _most_common([m.level for m in mentions], "other"),
        "date": date,
        "date_source": date_source if date else "unknown",
        "edition": _most_common([m.edition for m in mentions]),
        "format": _most_common(formats, "unknown"),
        "chair_name": chair,
        "chair_country": chair_country,
        "outcome_documents": _merge_outcomes([m.outcome_documents for m in mentions]),
        "source_doc_ids": sorted({r.doc_id for r in group}),
    }


def _office_key(title: str | None) -> str:
    """What tells two unnamed officials of one body apart: their office without the body's name or its complement.

    >>> _office_key("SCO Secretary-General"), _office_key("Director of the Executive Committee of RATS")
    ('secretary-general', 'director')
    """
    head = (title or "").lower().split(" of ")[0].split()
    return " ".join(head[-2:] if len(head) > 1 and head[-2] in ("deputy", "vice", "executive", "assistant") else head[-1:])


def _attendee_rows(meeting_id: str, group: list[_Report]) -> list[tuple[dict, list[tuple[str, AttendeeMention]]]]:
    named: list[list[tuple[str, AttendeeMention]]] = []
    unnamed: dict[tuple, list[tuple[str, AttendeeMention]]] = {}
    for report in group:
        for attendee in sorted(report.attendees, key=lambda a: (a.name or "", a.country or "", a.title or "")):
            if attendee.name:
                bucket = next((b for b in named if any(same_person(attendee.name, other.name) for _, other in b)), None)
                if bucket is None:
                    named.append([(report.doc_id, attendee)])
                else:
                    bucket.append((report.doc_id, attendee))
            else:
                office = _office_key(attendee.title) if attendee.country is None and attendee.organization else None
                unnamed.setdefault((attendee.country, attendee.organization, office), []).append((report.doc_id, attendee))
    rows = []
    named_titles: dict[tuple, list[str | None]] = {}
    for bucket in named:
        people = [a for _, a in bucket]
        name = canonical_person([a.name for a in people if a.name])
        country = _most_common([a.country for a in people])
        organization = _most_common([a.organization for a in people])
        named_titles.setdefault((country, organization), []).extend(a.title for a in people)
        rows.append((_attendee_row(meeting_id, name, people, bucket, stable_id(meeting_id, name)), bucket))
    bodies = Counter((country, organization) for country, organization, _ in unnamed)
    for (country, organization, office), bucket in sorted(unnamed.items(), key=lambda kv: tuple(map(str, kv[0]))):
        people = [a for _, a in bucket]
        title = _most_common([a.title for a in people])
        # a state's unnamed office holder in one report is the person of that office another report names
        if country is not None and any(same_office(named_title, title) for named_title in named_titles.get((country, organization), [])):
            continue
        key = stable_id(meeting_id, country, organization, None if country or organization else title)
        if bodies[(country, organization)] > 1:
            key = stable_id(meeting_id, country, organization, office)  # two officials of one body attended
        rows.append((_attendee_row(meeting_id, None, people, bucket, key), bucket))
    return rows


def _attendee_row(meeting_id: str, name: str | None, people: list[AttendeeMention], bucket: list, attendee_id: str) -> dict:
    attendance = [a.attendance for a in people if a.attendance != "unknown"]
    return {
        "meeting_id": meeting_id,
        "attendee_id": attendee_id,
        "name": name,
        "title": next((a.title for _, a in sorted(bucket, key=lambda x: x[0]) if a.title), None),
        "country": _most_common([a.country for a in people]),
        "organization": _most_common([a.organization for a in people]),
        "role": min((a.role for a in people), key=lambda r: ROLE_RANK.get(r, 9)),
        "attendance": _most_common(attendance, "unknown"),
        "source_doc_ids": sorted({doc for doc, _ in bucket}),
    }


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", _fold(text)).strip(" .;,")


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", _fold(text))
    return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words if w not in PROPOSAL_FILLER_WORDS}


def lede_end(clean_text: str) -> int:
    """End offset of the lede: the first paragraph of prose (the headline and stamp lines above it are not).

    >>> lede_end("Ministers meet\\n\\nBEIJING, May 2 (Wire) -- The ministers agreed on Monday to launch a dialogue.\\n\\nMore.")
    93
    """
    for match in re.finditer(r"[^\n]+", clean_text):
        line = match.group(0).rstrip()
        if len(line.split()) >= 12 and line[-1:] in ".!?\"”’)":
            return match.end()
    return 0


def same_item_reworded(a: ProposalMention, b: ProposalMention, lede: int) -> bool:
    """Whether two rows of one report are one item worded in the lede and again in the body.

    >>> lede = ProposalMention("m0", "launch a new dialogue on maritime law", "call", 10, 40)
    >>> body = ProposalMention("m0", "launch the Quad Maritime Legal Dialogue to support the rules-based order", "call", 200, 260)
    >>> same_item_reworded(lede, body, 100)
    True
    """
    if a.ordinal is not None or b.ordinal is not None or (a.start < lede) == (b.start < lede):
        return False
    if (a.proposer_name or b.proposer_name) and not same_person(a.proposer_name, b.proposer_name):
        return False
    words_a, words_b = _content_words(a.text), _content_words(b.text)
    shared = words_a & words_b
    return len(shared) >= REWORDED_MIN_SHARED and len(shared) >= REWORDED_MIN_SHARE * min(len(words_a), len(words_b))


def _proposal_rows(
    meeting_id: str, group: list[_Report], ledes: dict[str, int] | None = None,
) -> list[tuple[dict, list[tuple[str, ProposalMention]]]]:
    items = sorted(((r.doc_id, p) for r in group for p in r.proposals), key=lambda x: (x[0], x[1].start, x[1].end))
    ledes = ledes or {}
    buckets: list[list[tuple[str, ProposalMention]]] = []
    for doc_id, proposal in items:
        text = _normalised(proposal.text)
        target = None
        for bucket in buckets:
            same_doc = [p for d, p in bucket if d == doc_id]
            if same_doc:
                if len(same_doc) == 1 and same_item_reworded(same_doc[0], proposal, ledes.get(doc_id, 0)):
                    target = bucket
                    break
                continue  # otherwise two items of one report stay two rows
            if fuzz.token_set_ratio(text, _normalised(bucket[0][1].text)) >= PROPOSAL_SIMILARITY:
                target = bucket
                break
        if target is None:
            buckets.append([(doc_id, proposal)])
        else:
            target.append((doc_id, proposal))
    rows = []
    seen: set[str] = set()
    for bucket in buckets:
        # a lede and its body wording: the body's, which names the item (the first report's still comes first)
        first_doc = bucket[0][0]
        same = [x for x in bucket if x[0] == first_doc]
        doc_id, first = max(same, key=lambda x: (len(x[1].text), -x[1].start)) if len(same) > 1 else bucket[0]
        proposals = [p for _, p in bucket]
        proposal_id = stable_id(meeting_id, _normalised(first.text))
        if proposal_id in seen:
            proposal_id = stable_id(meeting_id, _normalised(first.text), doc_id, first.start)
        seen.add(proposal_id)
        rows.append(({
            "meeting_id": meeting_id,
            "proposal_id": proposal_id,
            "proposer_name": canonical_person([p.proposer_name for p in proposals if p.proposer_name]) if any(p.proposer_name for p in proposals) else None,
            "proposer_country": _most_common([p.proposer_country for p in proposals]),
            "ordinal": _most_common([p.ordinal for p in proposals]),
            "text": first.text,
            "kind": _most_common([p.kind for p in proposals], "proposal"),
            "topics": sorted({t for p in proposals for t in p.topics}),
            "source_doc_id": doc_id,
            "start": first.start,
            "end": first.end,
        }, bucket))
    return rows


def _evidence(table: str, record_id: str, doc_id: str, spans: list[Span], clean_texts: dict[str, str]) -> list[dict]:
    text = clean_texts.get(doc_id, "")
    return [
        {"table": table, "record_id": record_id, "field": span.field, "doc_id": doc_id, "start": span.start,
         "end": span.end, "quote": text[span.start:span.end]}
        for span in spans if 0 <= span.start <= span.end <= len(text)
    ]


def merge_block_key(doc_id: str, mention: MeetingMention) -> str:
    """The block a report is merged in: its day, or for an undated report its own document.

    Reports of different blocks are never one meeting and never share an id, so each block can be merged alone
    (and a refresh re-merges only the blocks whose documents changed).

    >>> import datetime as dt
    >>> merge_block_key("d1", MeetingMention("m0", "SCO Summit", "leaders", dt.date(2020, 11, 10), "explicit"))
    '2020-11-10'
    """
    return mention.date.isoformat() if mention.date is not None else f"undated:{doc_id}"


def merge_block_keys(extraction: DocumentExtraction) -> list[str]:
    """Every block one document's reports belong to, sorted."""
    return sorted({merge_block_key(extraction.doc_id, mention) for mention in extraction.meetings})


def _reports_by_block(extractions: list[DocumentExtraction], blocks: set[str] | None) -> dict[str, list[_Report]]:
    by_block: dict[str, list[_Report]] = {}
    for extraction in extractions:
        for mention in extraction.meetings:
            block = merge_block_key(extraction.doc_id, mention)
            if blocks is not None and block not in blocks:
                continue
            by_block.setdefault(block, []).append(_Report(
                extraction.doc_id, mention,
                [a for a in extraction.attendees if a.meeting_key == mention.key],
                [p for p in extraction.proposals if p.meeting_key == mention.key],
            ))
    return by_block


def _merge_block(reports: list[_Report], clean_texts: dict[str, str]) -> dict[str, list[dict]]:
    """Rows of one block, unsorted; evidence may repeat."""
    meetings, attendees, proposals, evidence = [], [], [], []
    used_ids: set[str] = set()
    groups = sorted(_clusters(reports), key=lambda g: (g[0].doc_id, g[0].mention.key))
    for group in groups:
        row = _meeting_row(group)
        if row["date"] is None:
            meeting_id = stable_id(row["organization"] or row["name"], None, group[0].doc_id)
        else:
            meeting_id = stable_id(row["organization"] or row["name"], row["date"].isoformat())
        if meeting_id in used_ids:
            # two meetings of one body on one day ("Foreign Ministers' Meeting" and "... Dialogue")
            meeting_id = stable_id(row["organization"] or row["name"], row["date"], row["name"])
        if meeting_id in used_ids:
            # a third, or two of the same name (talks the merge keeps apart): its first report tells it apart
            meeting_id = stable_id(row["organization"] or row["name"], row["date"], row["name"], group[0].doc_id,
                                   group[0].mention.key)
        used_ids.add(meeting_id)
        meetings.append({"meeting_id": meeting_id, **row})
        for report in group:
            evidence.extend(_evidence("meetings", meeting_id, report.doc_id, report.mention.evidence, clean_texts))
        for attendee_row, bucket in _attendee_rows(meeting_id, group):
            attendees.append(attendee_row)
            for doc_id, attendee in bucket:
                evidence.extend(_evidence("attendees", attendee_row["attendee_id"], doc_id, attendee.evidence, clean_texts))
        ledes = {r.doc_id: lede_end(clean_texts.get(r.doc_id, "")) for r in group}
        for proposal_row, bucket in _proposal_rows(meeting_id, group, ledes):
            proposals.append(proposal_row)
            for doc_id, proposal in bucket:
                spans = proposal.evidence or [Span("text", proposal.start, proposal.end)]
                evidence.extend(_evidence("proposals", proposal_row["proposal_id"], doc_id, spans, clean_texts))
    return {"meetings": meetings, "attendees": attendees, "proposals": proposals, "evidence": evidence}


def merge_blocks(extractions: list[DocumentExtraction], clean_texts: dict[str, str],
                 blocks: set[str] | None = None) -> dict[str, dict[str, list[dict]]]:
    """Rows of each block (all blocks, or those named in `blocks`), keyed by block; within a block rows are in
    merge order, across blocks unordered: `combine_blocks` gives the tables' order."""
    return {block: _merge_block(reports, clean_texts) for block, reports in _reports_by_block(extractions, blocks).items()}


def evidence_key(row: dict) -> tuple:
    return row["table"], row["record_id"], row["field"], row["doc_id"], row["start"], row["end"]


def combine_blocks(blocks: list[dict[str, list[dict]]]) -> dict[str, list[dict]]:
    """The contract tables of merged blocks, each in its id order, evidence without repeats."""
    def rows(table: str) -> list[dict]:
        return [row for block in blocks for row in block[table]]

    unique_evidence = {evidence_key(e): e for e in rows("evidence")}
    return {
        "meetings": sorted(rows("meetings"), key=lambda r: r["meeting_id"]),
        "attendees": _unique(sorted(rows("attendees"), key=lambda r: (r["attendee_id"], r["meeting_id"])), "attendee_id"),
        "proposals": sorted(rows("proposals"), key=lambda r: r["proposal_id"]),
        "evidence": [unique_evidence[k] for k in sorted(unique_evidence)],
    }


def merge_extractions(extractions: list[DocumentExtraction], clean_texts: dict[str, str]) -> dict[str, list[dict]]:
    """Contract rows for meetings, attendees, proposals and evidence, merged across documents.

    Keys are the contract's column names; values are plain Python (dates, lists of str, ints).
    """
    return combine_blocks(list(merge_blocks(extractions, clean_texts).values()))


def _unique(rows: list[dict], key: str) -> list[dict]:
    out: dict[str, dict] = {}
    for row in rows:
        out.setdefault(row[key], row)
    return list(out.values())

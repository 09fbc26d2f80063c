"""Merging mentions across documents: one row per real meeting, stable ids, provenance kept."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.merge import canonical_person, lede_end, merge_extractions, same_item_reworded, same_person
from pipeline.extract.model import AttendeeMention, DocumentExtraction, MeetingMention, ProposalMention, Span

DAY = dt.date(2031, 6, 1)
TEXT_A = "Minister S. Rao chaired the BRICS meeting. Rao called for a vaccine centre to be set up quickly."
TEXT_B = "The BRICS video conference was chaired by Sunil Rao. Rao urged a vaccine research centre to be set up quickly."


def _meeting(name: str, org: str | None, chair: str | None, outcomes: list[str], fmt: str = "virtual") -> MeetingMention:
    return MeetingMention(key="m0", name=name, level="ministerial", date=DAY, date_source="explicit", format=fmt,
                          organization=org, chair_name=chair, outcome_documents=outcomes, scope=(0, 10),
                          evidence=[Span("*", 0, 10)])


def _docs() -> list[DocumentExtraction]:
    a = DocumentExtraction(
        "doc-a",
        [_meeting("BRICS Foreign Ministers' Meeting", "BRICS", "S. Rao", ["joint statement"])],
        [AttendeeMention("m0", "S. Rao", "Minister", "IND", None, role="chair", evidence=[Span("name", 9, 15)]),
         AttendeeMention("m0", None, "Foreign Minister", "BRA", None)],
        [ProposalMention("m0", "a vaccine centre to be set up quickly", "call", TEXT_A.index("a vaccine"), TEXT_A.index(" quickly") + 8, "Rao", "IND")],
    )
    b = DocumentExtraction(
        "doc-b",
        [_meeting("BRICS video conference", "BRICS", "Sunil Rao", ["Joint Statement on Reform"])],
        [AttendeeMention("m0", "Sunil Rao", "External Affairs Minister", "IND", None, role="chair"),
         AttendeeMention("m0", "Paulo Souza", "Foreign Minister", "BRA", None)],
        [ProposalMention("m0", "a vaccine research centre to be set up quickly", "call", TEXT_B.index("a vaccine"), TEXT_B.index(" quickly") + 8, "Rao", "IND", ordinal=1)],
    )
    return [a, b]


def test_two_reports_of_one_meeting_become_one_row() -> None:
    merged = merge_extractions(_docs(), {"doc-a": TEXT_A, "doc-b": TEXT_B})
    [meeting] = merged["meetings"]
    assert meeting["source_doc_ids"] == ["doc-a", "doc-b"]
    assert meeting["chair_name"] == "Sunil Rao"
    assert meeting["outcome_documents"] == ["Joint Statement on Reform"]
    assert meeting["date"] == DAY


def test_attendees_merge_by_person_and_named_rows_replace_unnamed_ones() -> None:
    merged = merge_extractions(_docs(), {"doc-a": TEXT_A, "doc-b": TEXT_B})
    names = sorted((a["name"] or "-", a["country"]) for a in merged["attendees"])
    assert names == [("Paulo Souza", "BRA"), ("Sunil Rao", "IND")]
    rao = next(a for a in merged["attendees"] if a["name"] == "Sunil Rao")
    assert rao["role"] == "chair" and rao["source_doc_ids"] == ["doc-a", "doc-b"]


def test_proposals_merge_by_fuzzy_text_and_keep_the_ordinal() -> None:
    merged = merge_extractions(_docs(), {"doc-a": TEXT_A, "doc-b": TEXT_B})
    [proposal] = merged["proposals"]
    assert proposal["ordinal"] == 1
    assert proposal["source_doc_id"] == "doc-a" and TEXT_A[proposal["start"]:proposal["end"]] == proposal["text"]
    evidence_docs = {e["doc_id"] for e in merged["evidence"] if e["record_id"] == proposal["proposal_id"]}
    assert evidence_docs == {"doc-a", "doc-b"}


def test_evidence_quotes_slice_the_clean_text() -> None:
    texts = {"doc-a": TEXT_A, "doc-b": TEXT_B}
    for row in merge_extractions(_docs(), texts)["evidence"]:
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["quote"]


def test_ids_do_not_depend_on_input_order() -> None:
    texts = {"doc-a": TEXT_A, "doc-b": TEXT_B}
    forward = merge_extractions(_docs(), texts)
    backward = merge_extractions(list(reversed(_docs())), texts)
    assert forward == backward


def test_different_bodies_on_one_day_stay_apart() -> None:
    a, b = _docs()
    b.meetings[0].organization = "SCO"
    merged = merge_extractions([a, b], {"doc-a": TEXT_A, "doc-b": TEXT_B})
    assert len(merged["meetings"]) == 2
    assert len({m["meeting_id"] for m in merged["meetings"]}) == 2


def test_bilateral_talks_merge_only_with_two_shared_participants_or_words() -> None:
    talks = lambda doc, name, people: DocumentExtraction(  # noqa: E731
        doc, [_meeting(name, None, None, [], "in_person")],
        [AttendeeMention("m0", p, None, None, None) for p in people],
    )
    same = merge_extractions([talks("x", "China-Russia Talks", ["Li Ming", "Ivan Petrov"]),
                              talks("y", "China-Russia Talks in Tunxi", ["Ivan Petrov", "Li Ming"])], {"x": "", "y": ""})
    apart = merge_extractions([talks("x", "China-Russia Talks", ["Li Ming", "Ivan Petrov"]),
                               talks("y", "China-India Talks", ["Li Ming", "Raj Kumar"])], {"x": "", "y": ""})
    assert len(same["meetings"]) == 1 and len(apart["meetings"]) == 2


def test_person_helpers() -> None:
    assert same_person("Wang Yi", "Wang Yi") and not same_person("Wang Yi", "Wang Wenbin")
    assert canonical_person(["Carlos Alberto Franco Franca", "Carlos Franca"]) == "Carlos Alberto Franco Franca"
    assert canonical_person(["Anna Maria Kowalska", "Maria Kowalska"]) == "Maria Kowalska"


QUAD = (
    "Ministers launch maritime dialogue\n\n"
    "TOKYO, July 29 (Wire) -- The foreign ministers of the four countries on Monday agreed to launch a new dialogue "
    "on maritime law and to step up cooperation on critical technologies.\n\n"
    "In a joint statement, they agreed to launch the Quad Maritime Legal Dialogue to support the rules-based "
    "maritime order, and to step up cooperation on clean energy supply chains."
)


def _item(text: str, proposer: str | None = None, ordinal: int | None = None) -> ProposalMention:
    start = QUAD.index(text)
    return ProposalMention("m0", text, "call", start, start + len(text), proposer, None, ordinal)


def _quad(*items: ProposalMention) -> list[dict]:
    doc = DocumentExtraction("q", [_meeting("Quad Foreign Ministers' Meeting", "Quad", None, [])], [], list(items))
    return merge_extractions([doc], {"q": QUAD})["proposals"]


def test_an_item_worded_in_the_lede_and_again_in_the_body_is_one_row() -> None:
    rows = _quad(_item("launch a new dialogue on maritime law"),
                 _item("launch the Quad Maritime Legal Dialogue to support the rules-based maritime order"))
    [row] = rows
    assert row["text"] == "launch the Quad Maritime Legal Dialogue to support the rules-based maritime order"
    assert QUAD[row["start"]:row["end"]] == row["text"]


def test_distinct_items_sharing_only_generic_words_stay_apart() -> None:
    rows = _quad(_item("step up cooperation on critical technologies"),
                 _item("step up cooperation on clean energy supply chains"))
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("lede", "body"),
    [
        # both in the body: a report's own two items
        (("launch the Quad Maritime Legal Dialogue to support the rules-based maritime order", None, None),
         ("maritime order", None, None)),
        # enumerated points are distinct by construction
        (("launch a new dialogue on maritime law", None, 1),
         ("launch the Quad Maritime Legal Dialogue to support the rules-based maritime order", None, None)),
        # different proposers
        (("launch a new dialogue on maritime law", "Aiko Sato", None),
         ("launch the Quad Maritime Legal Dialogue to support the rules-based maritime order", "Ravi Kumar", None)),
    ],
)
def test_rewording_needs_lede_and_body_no_ordinal_and_one_proposer(lede: tuple, body: tuple) -> None:
    assert len(_quad(_item(*lede), _item(*body))) == 2


def test_lede_is_the_first_prose_paragraph() -> None:
    end = lede_end(QUAD)
    assert QUAD[:end].endswith("critical technologies.") and QUAD[:end].startswith("Ministers launch")
    assert lede_end("Headline only") == 0


def test_reworded_helper_is_symmetric() -> None:
    a = _item("launch a new dialogue on maritime law")
    b = _item("launch the Quad Maritime Legal Dialogue to support the rules-based maritime order")
    assert same_item_reworded(a, b, lede_end(QUAD)) and same_item_reworded(b, a, lede_end(QUAD))


def test_three_unmerged_meetings_of_one_name_and_day_get_three_ids() -> None:
    day = dt.date(2031, 3, 4)
    docs = [DocumentExtraction(f"doc-{i}", [MeetingMention("m0", "Meeting", "other", day, "explicit",
                                                           scope=(0, 10), evidence=[Span("*", 0, 4)])])
            for i in range(3)]
    merged = merge_extractions(docs, {f"doc-{i}": "text of the report" for i in range(3)})
    ids = [row["meeting_id"] for row in merged["meetings"]]
    assert len(ids) == 3 == len(set(ids))


def test_two_unnamed_officials_of_one_body_stay_two_rows_and_one_official_in_two_reports_one() -> None:
    day = dt.date(2031, 3, 4)

    def report(doc: str, titles: list[str]) -> DocumentExtraction:
        meeting = MeetingMention("m0", "SCO Council of Foreign Ministers", "ministerial", day, "explicit",
                                 organization="SCO", scope=(0, 10), evidence=[Span("*", 0, 4)])
        attendees = [AttendeeMention("m0", None, title, None, "SCO", evidence=[Span("*", 0, 4)]) for title in titles]
        return DocumentExtraction(doc, [meeting], attendees)

    merged = merge_extractions(
        [report("doc-a", ["SCO Secretary-General", "Director of the Executive Committee of RATS"]),
         report("doc-b", ["Secretary-General"])],
        {"doc-a": "text of report a", "doc-b": "text of report b"})
    rows = sorted((r["title"], tuple(r["source_doc_ids"])) for r in merged["attendees"])
    assert rows == [("Director of the Executive Committee of RATS", ("doc-a",)),
                    ("SCO Secretary-General", ("doc-a", "doc-b"))]

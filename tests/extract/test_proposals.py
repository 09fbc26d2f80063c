"""Proposal rules on hand-written sentences in the style of meeting readouts."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.model import AttendeeMention, DocumentContext, MeetingMention, ProposalMention
from pipeline.extract.proposals import find_proposals

WANG = ("Wang Yi", "CHN", "State Councilor and Foreign Minister", "participant")
KOWALSKA = ("Anna Kowalska", "POL", "Foreign Minister", "chair")
OKAFOR = ("Chidi Okafor", "NGA", "Minister of Foreign Affairs", "participant")


def run(text: str, people: tuple[tuple[str, str, str, str], ...] = (WANG, KOWALSKA, OKAFOR),
        scopes: dict[str, tuple[int, int]] | None = None) -> list[ProposalMention]:
    scopes = scopes or {"m0": (0, len(text))}
    meetings = [
        MeetingMention(key=k, name="Foreign Ministers' Meeting", level="ministerial", date=None,
                       date_source="unknown", scope=span)
        for k, span in scopes.items()
    ]
    attendees = [
        AttendeeMention(meeting_key=k, name=n, title=t, country=c, organization=None, role=r)
        for k in scopes for n, c, t, r in people
    ]
    rows = find_proposals(DocumentContext("doc", text), meetings, attendees)
    for row in rows:
        assert text[row.start : row.end] == row.text
    return rows


def texts(rows: list[ProposalMention]) -> list[str]:
    return [r.text for r in rows]


LEAD = "Foreign Minister Anna Kowalska of Poland chaired the meeting, which Wang Yi attended by video link.\n\n"


# ---- enumerated points ---------------------------------------------------------------------------------


def test_first_second_points_get_ordinals_and_the_speaker() -> None:
    text = LEAD + (
        "Wang said the two sides should seize the moment. He put forward two suggestions.\n\n"
        "First, the two sides should deepen trade cooperation. China will import more farm produce.\n\n"
        "Second, they should expand people-to-people exchanges."
    )
    points = [r for r in run(text) if r.ordinal]
    assert [(r.ordinal, r.text) for r in points] == [
        (1, "the two sides should deepen trade cooperation"),
        (2, "they should expand people-to-people exchanges"),
    ]
    assert {r.proposer_name for r in points} == {"Wang Yi"}
    assert all(r.kind == "suggestion" for r in points)


def test_commitment_inside_a_point_and_the_intro_give_no_row() -> None:
    text = LEAD + (
        "He put forward two suggestions.\n\n"
        "First, the two sides should deepen trade cooperation. China will import more farm produce.\n\n"
        "Second, they should expand people-to-people exchanges."
    )
    found = texts(run(text))
    assert not any("farm produce" in t for t in found)
    assert not any("two suggestions" in t for t in found)


def test_the_first_is_to_style() -> None:
    text = LEAD + (
        "Kowalska put forward several proposals. The first is to respect the sovereignty of every state. "
        "The second is to keep supply chains open and stable."
    )
    rows = run(text)
    assert [(r.ordinal, r.text) for r in rows] == [
        (1, "respect the sovereignty of every state"),
        (2, "keep supply chains open and stable"),
    ]
    assert rows[0].proposer_name == "Anna Kowalska"


def test_counted_semicolon_list_is_one_row_per_item() -> None:
    text = LEAD + (
        "Okafor set out three priorities for the coming year: food security in the Sahel; "
        "clean energy and climate finance; and the digital skills of young people."
    )
    rows = run(text)
    assert [(r.ordinal, r.text) for r in rows] == [
        (1, "food security in the Sahel"),
        (2, "clean energy and climate finance"),
        (3, "the digital skills of young people"),
    ]
    assert {r.proposer_country for r in rows} == {"NGA"}


def test_inline_ordinals_after_a_proposal_verb() -> None:
    text = LEAD + "Wang proposed, first, upholding common security; second, giving priority to growth; " \
                  "and third, improving global governance."
    rows = run(text)
    assert [(r.ordinal, r.text) for r in rows] == [
        (1, "upholding common security"),
        (2, "giving priority to growth"),
        (3, "improving global governance"),
    ]


def test_numbered_agreed_points_have_no_proposer() -> None:
    text = LEAD + (
        "The two ministers reached the following understandings:\n\n"
        "1. The ministers agreed that both sides would keep the border calm.\n\n"
        "2. The ministers agreed to hold the next round of talks in Warsaw."
    )
    rows = [r for r in run(text) if r.ordinal]
    assert [r.ordinal for r in rows] == [1, 2]
    assert {r.proposer_name for r in rows} == {None}


def test_numbered_paragraphs_of_a_press_release_are_not_points() -> None:
    text = LEAD + (
        "2. The meeting was attended by ministers from twelve countries and two organisations.\n\n"
        "3. The ministers exchanged views on the regional situation and on trade."
    )
    assert run(text) == []


# ---- proposal verbs ------------------------------------------------------------------------------------


def test_called_for_a_b_and_c_gives_three_rows() -> None:
    text = LEAD + ("Wang called for building a joint research centre, opening a green lane for goods "
                   "and expanding cross-border e-commerce.")
    rows = run(text)
    assert texts(rows) == [
        "building a joint research centre",
        "opening a green lane for goods",
        "expanding cross-border e-commerce",
    ]
    assert {(r.proposer_name, r.proposer_country, r.kind) for r in rows} == {("Wang Yi", "CHN", "call")}


def test_called_on_keeps_the_addressee_in_the_first_item() -> None:
    text = LEAD + ("Okafor called on the international community to cancel the debt of the poorest countries "
                   "and to double its climate finance, describing both as urgent.")
    assert texts(run(text)) == [
        "the international community to cancel the debt of the poorest countries",
        "double its climate finance",
    ]


def test_semicolon_items_are_not_split_again() -> None:
    text = LEAD + ("Wang urged member states to respect each other and seek common security; "
                   "promote exchanges and mutual learning; and practise true multilateralism.")
    assert texts(run(text)) == [
        "member states to respect each other and seek common security",
        "promote exchanges and mutual learning",
        "practise true multilateralism",
    ]


def test_two_verbs_without_a_list_stay_one_item() -> None:
    text = LEAD + "Kowalska called on the forum to stand firmly beside displaced families and protect their dignity."
    assert texts(run(text)) == ["the forum to stand firmly beside displaced families and protect their dignity"]


def test_modifier_after_a_comma_stays_with_its_item() -> None:
    text = LEAD + ("The ministers called for a reformed Security Council, with more seats for Africa, Asia "
                   "and Latin America.")
    assert texts(run(text)) == ["a reformed Security Council, with more seats for Africa, Asia and Latin America"]


def test_participle_takes_the_main_subject() -> None:
    text = LEAD + ("Vaccines must remain a global public good, Okafor said, calling for an early waiver "
                   "of patent rights.")
    rows = [r for r in run(text) if "waiver" in r.text]
    assert len(rows) == 1 and rows[0].proposer_name == "Chidi Okafor"


def test_noun_proposal_with_sought_support() -> None:
    text = LEAD + ("Kowalska sought the support of member states for Poland's proposal to make the forum's "
                   "secretariat permanent, which would help continuity.")
    assert texts(run(text)) == ["make the forum's secretariat permanent"]


def test_country_subject_resolves_to_its_official() -> None:
    text = LEAD + "China urged the other side to lift its sanctions on Chinese companies."
    rows = run(text)
    assert [(r.proposer_name, r.proposer_country) for r in rows] == [("Wang Yi", "CHN")]


def test_joint_calls_have_no_proposer() -> None:
    text = LEAD + ("In the joint statement, the ministers called on all parties to the conflict to "
                   "return to the negotiating table.")
    rows = run(text)
    assert len(rows) == 1 and rows[0].proposer_name is None


# ---- agreements and should-type statements ------------------------------------------------------------


def test_what_the_ministers_agreed_is_one_row_per_item_without_proposer() -> None:
    text = LEAD + ("The ministers agreed to set up a joint working group, hold annual consultations "
                   "and open a trade office in Lagos.")
    rows = run(text)
    assert texts(rows) == [
        "set up a joint working group",
        "hold annual consultations",
        "open a trade office in Lagos",
    ]
    assert {r.proposer_name for r in rows} == {None}


def test_should_statement_of_a_named_speaker() -> None:
    text = LEAD + "Okafor said the two regions should pool their resources, train more nurses and share data."
    rows = run(text)
    assert texts(rows) == [
        "the two regions should pool their resources",
        "train more nurses",
        "share data",
    ]
    assert {r.proposer_name for r in rows} == {"Chidi Okafor"}


# ---- what is not a proposal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland has consistently called for closer cooperation with the river commission.",
        "Three days earlier, Kowalska had suggested that the chiefs of staff resume their meetings.",
        "China will put forward new initiatives to galvanize cooperation next year.",
        "China stands ready to work with all sides to build a community of health.",
        "We oppose interference in the internal affairs of other countries, Wang said.",
        "Okafor thanked China for its support and welcomed the outcome of the meeting.",
        "Wang said China had handed over a list of wrongdoings that must stop.",
        "Wang recalled that in 2018 the two sides decided to establish a strategic partnership.",
    ],
)
def test_background_commitments_and_positions_give_no_row(sentence: str) -> None:
    assert run(LEAD + sentence) == []


def test_headlines_and_captions_give_no_row() -> None:
    text = ("Wang calls for closer cooperation on vaccines\n\n"
            "Wang Yi attends the meeting via video link in Beijing, May 13, 2021. (Xinhua/Li Ming)\n\n"
            + LEAD)
    assert run(text) == []


def test_rows_attach_to_the_meeting_whose_scope_holds_them() -> None:
    first = LEAD + "Wang called for expanding trade in farm produce.\n\n"
    second = "On Tuesday, Okafor called for debt relief for the poorest countries."
    text = first + second
    rows = run(text, scopes={"m0": (0, len(first)), "m1": (len(first), len(text))})
    assert [(r.meeting_key, r.proposer_name) for r in rows] == [("m0", "Wang Yi"), ("m1", "Chidi Okafor")]


def test_text_outside_every_scope_gives_no_row() -> None:
    body = LEAD + "Wang called for expanding trade in farm produce."
    text = body + "\n\nIn a separate event, Okafor called for debt relief for the poorest countries."
    rows = run(text, scopes={"m0": (0, len(body))})
    assert texts(rows) == ["expanding trade in farm produce"]


def test_evidence_spans_slice_the_text() -> None:
    text = LEAD + "Wang called for expanding trade in farm produce and building a joint research centre."
    for row in run(text):
        assert {s.field for s in row.evidence} >= {"text", "*"}
        assert all(text[s.start : s.end] == row.text for s in row.evidence)
        assert row.topics


def test_counted_list_introduced_by_namely() -> None:
    text = LEAD + ("Wang put forward a three-point proposal, namely, ending hostilities at once, opening "
                   "humanitarian corridors and resuming peace talks.")
    rows = run(text)
    assert [(r.ordinal, r.text) for r in rows] == [
        (1, "ending hostilities at once"),
        (2, "opening humanitarian corridors"),
        (3, "resuming peace talks"),
    ]


def test_proposal_dated_to_another_year_is_background() -> None:
    text = LEAD + "In 2013, Wang proposed building a regional trade corridor."
    meeting = MeetingMention(key="m0", name="Meeting", level="ministerial", date=dt.date(2021, 5, 12),
                             date_source="explicit", scope=(0, len(text)))
    people = [AttendeeMention("m0", "Wang Yi", None, "CHN", None)]
    assert find_proposals(DocumentContext("doc", text), [meeting], people) == []
    same_year = LEAD + "In 2021, Wang proposed building a regional trade corridor."
    meeting.scope = (0, len(same_year))
    assert len(find_proposals(DocumentContext("doc", same_year), [meeting], people)) == 1


def test_quoted_call_belongs_to_the_speaker_named_after_the_quote() -> None:
    text = LEAD + '"We call on the international community to provide more aid to the region," Kowalska said.'
    rows = run(text)
    assert [(r.text, r.proposer_name) for r in rows] == [
        ("the international community to provide more aid to the region", "Anna Kowalska"),
    ]


def test_counted_list_of_mixed_gerunds_and_nouns_gives_one_row_per_counted_item() -> None:
    rows = run(LEAD + "Wang proposed four major cooperation initiatives: supporting development, food security, "
               "green innovation and dialogue among civilizations.")
    assert [(r.ordinal, r.text) for r in rows] == [
        (1, "supporting development"), (2, "food security"), (3, "green innovation"), (4, "dialogue among civilizations")]


def test_counted_list_whose_items_do_not_add_up_gives_no_enumeration() -> None:
    # negative: three items announced, two written
    rows = run(LEAD + "Wang proposed three initiatives: food security and green innovation.")
    assert all(r.ordinal is None for r in rows)


def test_dotted_abbreviation_belongs_to_the_addressee() -> None:
    rows = run(LEAD + "Kowalska urged the U.S. side to stop interfering in internal affairs, stop imposing sanctions, "
               "and stop crossing red lines on sovereignty, security and development interests.")
    assert texts(rows) == ["the U.S. side to stop interfering in internal affairs", "stop imposing sanctions",
                           "stop crossing red lines on sovereignty, security and development interests"]


def test_a_fronted_topic_phrase_is_not_the_subject() -> None:
    rows = run(LEAD + "On the Ukraine question, Okafor said dialogue was essential, and asked the parties to "
               "resume negotiations without delay.")
    assert [(r.proposer_name, r.text) for r in rows] == [
        ("Chidi Okafor", "the parties to resume negotiations without delay")]


def test_a_second_named_subject_ends_the_first_item() -> None:
    rows = run(LEAD + "Okafor called for speeding up the construction of the railway, and Foreign Minister Kowalska "
               "proposed setting up a business council.")
    assert [(r.proposer_name, r.text) for r in rows] == [
        ("Chidi Okafor", "speeding up the construction of the railway"),
        ("Anna Kowalska", "setting up a business council")]


def test_while_clause_is_not_part_of_the_item() -> None:
    rows = run(LEAD + "Kowalska urged the parties to end the war, while Okafor told the gathering it was a farce.")
    assert texts(rows) == ["the parties to end the war"]


def test_bare_and_between_two_predicates_stays_one_item() -> None:
    # negative for the list rules: no comma list, one row (the gold convention for "to A and B")
    rows = run(LEAD + "Okafor urged the members to stand by the refugees and protect their dignity.")
    assert texts(rows) == ["the members to stand by the refugees and protect their dignity"]


def test_a_given_name_used_alone_refers_to_its_speaker() -> None:
    hasan = ("Mohamad Hasan", "MYS", "Foreign Minister", "participant")
    rows = run("Foreign Minister Mohamad Hasan attended. Mohamad also called for closer cooperation on food security.",
               people=(hasan, KOWALSKA))
    assert [(r.proposer_name, r.text) for r in rows] == [("Mohamad Hasan", "closer cooperation on food security")]


def test_every_office_of_a_compound_title_names_its_holder() -> None:
    prince = ("Karim bin Saad", "SAU", "Crown Prince and Prime Minister", "chair")
    rows = run("Crown Prince Karim bin Saad chaired the summit. In his speech, the Crown Prince said the summit "
               "marked a new phase, and called for a deeper economic partnership.", people=(prince, WANG))
    assert [(r.proposer_name, r.text) for r in rows] == [("Karim bin Saad", "a deeper economic partnership")]


def test_a_lower_case_reporting_tail_is_not_a_list_item() -> None:
    text = ("Kowalska called for respect for sovereignty, closer intelligence sharing and a standing security "
            "mechanism, the foreign office said in a statement. Okafor proposed reopening border markets, the "
            "statement said.")
    rows = run(text)
    assert [(r.text, r.proposer_name) for r in rows] == [
        ("respect for sovereignty", "Anna Kowalska"), ("closer intelligence sharing", "Anna Kowalska"),
        ("a standing security mechanism", "Anna Kowalska"), ("reopening border markets", "Chidi Okafor"),
    ]


def test_a_transcript_speakers_first_person_proposals_are_theirs() -> None:
    text = (LEAD + "Foreign Minister of Poland Anna Kowalska: Colleagues, friends,\n\n"
            "We propose to open a joint customs post on the border. I also suggest holding quarterly meetings of "
            "our ministries.\n\nState Councilor Wang Yi: Thank you.\n\nWe are ready to work together.")
    rows = run(text)
    assert [(r.text, r.proposer_name, r.kind) for r in rows] == [
        ("open a joint customs post on the border", "Anna Kowalska", "proposal"),
        ("holding quarterly meetings of our ministries", "Anna Kowalska", "suggestion"),
    ]


def test_enumerated_points_opening_a_quotation() -> None:
    text = (LEAD + "Kowalska put forward three proposals. \u201cFirstly, we must finance the standby force. Secondly, "
            "we must share intelligence. Thirdly, we must hold a summit every year,\u201d she said.")
    rows = [r for r in run(text) if r.ordinal]
    assert [(r.ordinal, r.proposer_name) for r in rows] == [(1, "Anna Kowalska"), (2, "Anna Kowalska"), (3, "Anna Kowalska")]


def test_a_speaker_named_by_office_as_subject() -> None:
    people = (("Ana Lima", "PRT", "Secretary of State", "participant"), OKAFOR)
    text = (LEAD + "On the region, the Secretary called on the military to cease violence. "
            "The Minister proposed a joint fund.")
    rows = run(text, people=people)
    assert [(r.text, r.proposer_name) for r in rows][:1] == [("the military to cease violence", "Ana Lima")]
    assert ("a joint fund", "Chidi Okafor") in [(r.text, r.proposer_name) for r in rows]


def test_an_inline_numbered_list_gives_one_point_per_number() -> None:
    rows = run(LEAD + "Kowalska proposed that the countries focus on: 1) building infrastructure; 2) managing water; and "
               "3) training people.")
    assert [(r.ordinal, r.text) for r in rows] == [(1, "building infrastructure"), (2, "managing water"),
                                                    (3, "training people")]
    rows = run(LEAD + "Kowalska called for 1) building infrastructure; 2) managing water; and 3) training people.")
    assert [r.text for r in rows] == ["building infrastructure", "managing water", "training people"]


def test_verbs_are_read_in_text_order_so_an_earlier_suggestion_is_not_lost() -> None:
    rows = run(LEAD + "Kowalska suggested that the two sides expedite work on the corridor and proposed an early treaty.")
    assert [(r.text, r.kind) for r in rows] == [("the two sides expedite work on the corridor", "suggestion"),
                                                ("an early treaty", "proposal")]


def test_a_state_as_subject_proposes_through_its_one_attendee() -> None:
    rows = run(LEAD + "BRUSSELS: Poland called on the Union to give farmers more time. China proposed a fund.")
    assert [(r.text, r.proposer_name) for r in rows] == [("the Union to give farmers more time", "Anna Kowalska"),
                                                         ("a fund", "Wang Yi")]

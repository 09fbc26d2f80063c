"""Attendee rules: who took part, in what role, and which mentions do not count."""

from __future__ import annotations

import datetime as dt

from pipeline.extract.attendees import find_attendees
from pipeline.extract.model import DocumentContext, MeetingMention


def run(text: str, **meeting: object) -> list[tuple]:
    m = MeetingMention("m0", "meeting", "ministerial", meeting.pop("date", dt.date(2021, 5, 12)), "explicit",
                       scope=(0, len(text)), **meeting)
    return [(a.name, a.country, a.organization, a.role) for a in find_attendees(DocumentContext("d", text), [m])]


def test_list_of_ministers_in_mixed_orders() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia chaired the meeting. It was attended by Ana Lima, foreign minister "
            "of Portugal, Hungarian Foreign Minister Peter Szabo and Austria's Deputy Prime Minister and Minister "
            "of Foreign Affairs Karl Huber.")
    assert run(text) == [
        ("Ivan Petrov", "SRB", None, "chair"), ("Ana Lima", "PRT", None, "participant"),
        ("Peter Szabo", "HUN", None, "participant"), ("Karl Huber", "AUT", None, "participant"),
    ]


def test_group_mention_with_listed_states_gives_one_unnamed_row_per_state() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia hosted a video conference attended by foreign ministers from "
            "three Baltic countries: Estonia, Latvia and Lithuania.")
    rows = run(text)
    assert rows[0] == ("Ivan Petrov", "SRB", None, "host")
    assert [(n, c) for n, c, _, _ in rows[1:]] == [(None, "EST"), (None, "LVA"), (None, "LTU")]


def test_group_of_member_states_is_expanded_only_when_the_text_lists_them() -> None:
    base = "Foreign Minister Ivan Petrov of Serbia joined the foreign ministers of SCO member states at the meeting."
    assert [c for _, c, _, _ in run(base)] == ["SRB"]
    listed = base + " The SCO groups three member states: Serbia, Hungary and Austria."
    assert [c for _, c, _, _ in run(listed)] == ["SRB", "HUN", "AUT"]


def test_unresolved_group_gives_no_rows() -> None:
    text = "Foreign ministers from Arab League member states took part in the meeting."
    assert run(text) == []


def test_organisation_officials_take_the_body_not_a_country() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia spoke. UN Secretary-General Antonio Guterres addressed the meeting "
            "via video link. The ASEAN Secretary-General also attended.")
    assert run(text) == [
        ("Ivan Petrov", "SRB", None, "participant"), ("Antonio Guterres", None, "UN", "participant"),
        (None, None, "ASEAN", "participant"),
    ]


def test_head_of_state_acting_for_a_body_takes_the_body() -> None:
    text = "President of Ghana Kwame Mensah took part in his capacity as Chairperson of the African Union."
    assert run(text) == [("Kwame Mensah", None, "AU", "participant")]


def test_message_senders_inviters_and_later_meetings_are_not_attendees() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia read out a congratulatory letter from President Milan Jovic. "
            "Hungarian Foreign Minister Peter Szabo attended at the invitation of Austrian Foreign Minister Karl Huber. "
            "Szabo is scheduled to meet Prime Minister Eva Kovacs of Hungary later on Monday.")
    assert [n for n, _, _, _ in run(text)] == ["Ivan Petrov", "Peter Szabo"]


def test_co_chairs_both_take_chair_role() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia co-chaired the meeting with Hungarian Foreign Minister Peter Szabo. "
            "Austria's Foreign Minister Karl Huber attended.")
    assert [r for _, _, _, r in run(text)] == ["chair", "chair", "participant"]


def test_passive_chair_applies_to_coordinated_names_only() -> None:
    text = ("The meeting was co-chaired by Hungarian Foreign Minister Peter Szabo and Serbian Foreign Minister Ivan "
            "Petrov, with Austrian Foreign Minister Karl Huber also taking part.")
    assert [r for _, _, _, r in run(text)] == ["chair", "chair", "participant"]


def test_short_reference_places_person_in_a_later_meeting_scope() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia and Hungarian Foreign Minister Peter Szabo met on Monday.\n"
            "Talks in Belgrade\nOn Tuesday, Petrov received Szabo for talks.")
    second = text.index("Talks in Belgrade")
    meetings = [
        MeetingMention("m0", "a", "ministerial", None, "unknown", scope=(0, second)),
        MeetingMention("m1", "b", "ministerial", None, "unknown", scope=(second, len(text))),
    ]
    rows = find_attendees(DocumentContext("d", text), meetings)
    assert [(a.meeting_key, a.name, a.role) for a in rows if a.meeting_key == "m1"] == [
        ("m1", "Ivan Petrov", "host"), ("m1", "Peter Szabo", "participant"),
    ]


def test_evidence_spans_slice_the_text() -> None:
    text = "Hungarian Foreign Minister Peter Szabo attended the meeting."
    m = MeetingMention("m0", "a", "ministerial", None, "unknown", scope=(0, len(text)))
    (row,) = find_attendees(DocumentContext("d", text), [m])
    quotes = {span.field: text[span.start:span.end] for span in row.evidence}
    assert quotes == {"*": "Hungarian Foreign Minister Peter Szabo", "name": "Peter Szabo", "title": "Foreign Minister"}


def test_attendance_from_the_sentence_or_meeting_format() -> None:
    text = "Foreign Minister Ivan Petrov of Serbia joined the meeting by video link. Hungary's Foreign Minister Peter Szabo spoke."
    m = MeetingMention("m0", "a", "ministerial", None, "unknown", format="in_person", scope=(0, len(text)))
    rows = find_attendees(DocumentContext("d", text), [m])
    assert [a.attendance for a in rows] == ["virtual", "in_person"]


def test_no_meeting_no_attendees() -> None:
    assert find_attendees(DocumentContext("d", "Foreign Minister Ivan Petrov of Serbia spoke."), []) == []


def test_people_commemorated_at_the_meeting_are_not_attendees() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia chaired the meeting. The participants observed a minute of silence "
            "in memory of Hungarian President Peter Szabo and Foreign Minister Karl Huber, who died last week.")
    assert [r[0] for r in run(text)] == ["Ivan Petrov"]


def test_an_encounter_earlier_in_the_day_is_another_meeting() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia and Portuguese Foreign Minister Ana Lima held talks on Tuesday. "
            "Earlier in the day, Lima met with Deputy Prime Minister Marko Jovic.")
    assert [r[0] for r in run(text)] == ["Ivan Petrov", "Ana Lima"]


def test_a_meeting_reported_from_the_same_day_still_keeps_its_participants() -> None:
    # negative: "later" alone, without an encounter verb, does not exclude anyone
    text = "Foreign Minister Ivan Petrov of Serbia chaired the meeting. Later, Petrov briefed the press on its results."
    assert [r[0] for r in run(text)] == ["Ivan Petrov"]


def test_ministers_and_senior_officials_of_listed_states_are_one_group() -> None:
    text = ("Foreign Minister Ivan Petrov of Serbia chaired the meeting. Foreign ministers and senior officials of "
            "Estonia, Latvia and Lithuania attended.")
    rows = run(text)
    assert [r[1] for r in rows if r[0] is None] == ["EST", "LVA", "LTU"]


def test_advisers_of_interim_governments_and_monarchs_with_regnal_names_attend() -> None:
    text = ("Foreign Affairs Adviser Md. Rafiq Alam of Bangladesh and King Harald V of Norway attended the meeting. "
            "Foreign Secretary Teodoro Locsin Jr. of the Philippines also took part.")
    assert run(text) == [
        ("Md. Rafiq Alam", "BGD", None, "participant"), ("Harald V", "NOR", None, "participant"),
        ("Teodoro Locsin", "PHL", None, "participant"),
    ]


def test_a_spokesperson_briefing_on_the_meeting_is_not_an_attendee() -> None:
    text = ("Prime Minister Omar Haddad of Iraq hosted the summit. Presidential Spokesman Karim Nabil said the summit "
            "discussed energy and trade.")
    assert run(text) == [("Omar Haddad", "IRQ", None, "host")]


def test_states_whose_leaders_delivered_speeches_become_unnamed_rows() -> None:
    text = ("Prime Minister Ravi Menon of India hosted the summit. The Presidents of Kazakhstan, Kyrgyzstan and "
            "Tajikistan delivered speeches.")
    assert run(text) == [
        ("Ravi Menon", "IND", None, "host"), (None, "KAZ", None, "participant"), (None, "KGZ", None, "participant"),
        (None, "TJK", None, "participant"),
    ]


def test_presidents_of_listed_states_who_only_sent_messages_give_no_rows() -> None:
    text = "Prime Minister Ravi Menon of India hosted the summit. The Presidents of Kazakhstan and Kyrgyzstan sent messages."
    assert run(text) == [("Ravi Menon", "IND", None, "host")]


def test_un_coverage_names_delegates_by_state_and_other_meetings_do_not_get_them() -> None:
    text = ("Foreign Minister Ana Lima of Portugal chaired the open debate of the Security Council. "
            "The representative of China called for restraint, while Brazil's representative said talks must go on.")
    assert run(text, organization="UN") == [
        ("Ana Lima", "PRT", None, "chair"), (None, "CHN", None, "participant"), (None, "BRA", None, "participant"),
    ]
    assert run(text, organization="ASEAN") == [("Ana Lima", "PRT", None, "chair")]


def test_foreign_ministers_of_states_whose_leaders_are_named_are_rows_of_their_own() -> None:
    text = ("The summit was chaired by President Kim Min-su of South Korea and brought together Prime Minister Hun Manet "
            "of Cambodia. Foreign ministers of Cambodia and Việt Nam also attended.")
    rows = run(text)
    assert (None, "KHM", None, "participant") in rows and (None, "VNM", None, "participant") in rows
    assert ("Hun Manet", "KHM", None, "participant") in rows


def test_a_states_formal_style_or_organ_between_office_and_state() -> None:
    text = ("Heads of state in attendance included Omar Diallo, President of the Republic of Niger; Paul Mensah, "
            "President of the Transitional Military Council of Chad; and Ivan Petrov, Foreign Minister of the Russian "
            "Federation.")
    assert run(text) == [("Omar Diallo", "NER", None, "participant"), ("Paul Mensah", "TCD", None, "participant"),
                         ("Ivan Petrov", "RUS", None, "participant")]


def test_the_side_a_delegate_heads_gives_the_country() -> None:
    text = ("The talks were attended by Undersecretary Maria Santos, and the Chinese side was headed by Vice Foreign "
            "Minister Chen Lei. On the Iranian side, Foreign Minister Reza Karimi took part.")
    assert run(text) == [("Maria Santos", None, None, "participant"), ("Chen Lei", "CHN", None, "participant"),
                         ("Reza Karimi", "IRN", None, "participant")]

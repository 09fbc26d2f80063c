"""Meeting rules on hand-written readout sentences: which meetings are reported and their fields."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.meetings import find_meetings
from pipeline.extract.model import DocumentContext


def meetings_of(text: str, published: dt.datetime | None = None):  # noqa: ANN201 - list of mentions
    return find_meetings(DocumentContext("doc", text, published_at=published))


LEDE = (
    "ASTANA, March 4, 2031 (Wire) -- Foreign Minister Li Ming on Tuesday attended the sixth foreign ministers' "
    "meeting of the Shanghai Cooperation Organisation (SCO) via video link. Li said the members should deepen "
    "cooperation on trade."
)


def test_named_multilateral_meeting() -> None:
    [meeting] = meetings_of(LEDE)
    assert meeting.organization == "SCO"
    assert meeting.organization_name == "Shanghai Cooperation Organisation"
    assert meeting.edition == 6
    assert meeting.date == dt.date(2031, 3, 4) and meeting.date_source == "relative_weekday"
    assert meeting.format == "virtual"
    assert meeting.level == "ministerial"
    assert meeting.scope == (0, len(LEDE))
    star = [span for span in meeting.evidence if span.field == "*"][0]
    assert "sixth foreign ministers'" in LEDE[star.start:star.end]


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, May 2, 2031 (Wire) -- Minister Ana Ruiz will chair the third ministerial meeting of the Arctic Council "
        "on May 20. She said the agenda is climate.",
        "GENEVA, May 2, 2031 (Wire) -- The spokesperson said the upcoming meeting of BRICS foreign ministers would "
        "focus on trade. She called for calm.",
        "LIMA, May 2, 2031 (Wire) -- The ministers last met by video link on November 30, 2030, at a meeting of the "
        "extended Troika. The commentary said peace needs deeds.",
        "SUVA, May 2, 2031 (Wire) -- The prime minister spoke at a press conference on Monday. He said talks went well.",
    ],
)
def test_future_background_and_press_conferences_are_not_reported(text: str) -> None:
    assert meetings_of(text) == []


def test_chair_from_passive_and_co_chairs_named_first() -> None:
    text = (
        "VIENTIANE, Feb. 20, 2031 (Wire) -- Lao Foreign Minister Somsak Vong and Chinese Foreign Minister Li Ming "
        "on Thursday co-chaired the seventh Lancang-Mekong Cooperation Foreign Ministers' Meeting. Li said the six "
        "countries should share hydrological data."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization == "LMC" and meeting.edition == 7
    assert meeting.chair_name == "Somsak Vong"
    assert meeting.format == "in_person"


def test_passive_chair_and_adopted_documents() -> None:
    text = (
        "BEIJING, June 3, 2031 (Wire) -- Foreign Minister Li Ming attended a video conference of BRICS foreign "
        "ministers on Monday. The conference was chaired by Foreign Minister Rahul Mehta of India. The ministers "
        "adopted a Joint Statement on Reforming the Multilateral System and a media statement."
    )
    [meeting] = meetings_of(text)
    assert meeting.chair_name == "Rahul Mehta"
    assert meeting.date == dt.date(2031, 6, 2)
    assert meeting.outcome_documents == ["Joint Statement on Reforming the Multilateral System", "media statement"]


def test_anniversary_is_not_an_edition() -> None:
    text = (
        "HANOI, June 8, 2031 (Wire) -- The Special ASEAN-China Foreign Ministers' Meeting in Celebration of the 40th "
        "Anniversary of Dialogue Relations took place in Hanoi on 7 June 2031. The ministers agreed to expand trade."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization == "ASEAN" and meeting.edition is None
    assert meeting.date == dt.date(2031, 6, 7) and meeting.date_source == "explicit"


def test_bilateral_talks_have_no_organization_and_a_descriptive_name() -> None:
    text = (
        "TIANJIN, July 26, 2031 (Wire) -- Chinese Vice Foreign Minister Zhou Ping held talks with visiting U.S. "
        "Deputy Secretary of State Mary Cole in Tianjin on Monday. Zhou urged the U.S. side to lift sanctions."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization is None
    assert meeting.level == "vice_ministerial"
    assert meeting.name.startswith("China-US")


def test_two_meetings_split_the_text_between_them() -> None:
    text = (
        "Updated: 2031-06-12 08:15\n\n"
        "The BRICS Foreign Ministers' Meeting on Monday was chaired by Foreign Minister Ivan Petrov. Petrov said "
        "the group should reform finance.\n\n"
        "On Tuesday, Li Ming attended the BRICS Foreign Ministers' Dialogue with Developing Countries. Li proposed "
        "three points."
    )
    first, second = meetings_of(text)
    assert (first.date, second.date) == (dt.date(2031, 6, 9), dt.date(2031, 6, 10))
    assert first.scope[1] == second.scope[0] == text.index("On Tuesday")
    assert first.chair_name == "Ivan Petrov" and second.chair_name is None


def test_hybrid_when_someone_joins_by_video() -> None:
    text = (
        "TUNXI, March 31, 2031 (Wire) -- Foreign Minister Li Ming on Thursday chaired the fourth Foreign Ministers' "
        "Meeting among the Neighboring Countries of Afghanistan in Tunxi. The UN Secretary-General addressed the "
        "participants via video link. Li said the neighbours should help reconstruction."
    )
    [meeting] = meetings_of(text)
    assert meeting.format == "hybrid" and meeting.edition == 4


def test_multi_day_session_is_dated_by_its_first_day() -> None:
    text = (
        "DHAKA, May 6, 2031 (Wire) -- The 50th session of the Council of Foreign Ministers of the Organization of "
        "Islamic Cooperation ended today after two days of deliberations. The ministers adopted the Dhaka "
        "Declaration and called for aid."
    )
    [meeting] = meetings_of(text)
    assert meeting.date == dt.date(2031, 5, 5) and meeting.edition == 50
    assert meeting.outcome_documents == ["Dhaka Declaration"]


def test_passing_mention_without_anything_reported_is_dropped() -> None:
    text = (
        "PARIS, Sept. 3, 2031 (Wire) -- Foreign Minister Li Ming on Wednesday attended a meeting of G20 foreign "
        "ministers in Paris.\n\nThe G20 groups nineteen countries, the European Union and the African Union."
    )
    assert meetings_of(text) == []


def test_a_body_whose_ministers_met_is_its_meeting_and_phone_talks_are_not_meetings() -> None:
    text = (
        "CAPE TOWN, June 2, 2033 (Wire) -- BRICS foreign ministers met in Cape Town on Thursday. They agreed to "
        "expand trade. Separately, Li Ming held phone talks with Ivan Petrov on Thursday and said ties matter."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization == "BRICS" and meeting.name == "BRICS Foreign Ministers' Meeting"

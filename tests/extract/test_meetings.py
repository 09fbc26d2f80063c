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


def test_remarks_placed_at_a_meeting_here_take_the_day_of_the_sentence_they_refer_to() -> None:
    text = (
        "VIENTIANE, July 26 (Wire) -- Malaysia today urged its partners to back the peace plan.\n\n"
        "Foreign Minister Amir Hassan said this at the ASEAN-Japan Post Ministerial Conference (PMC) here, which "
        "was attended by his ASEAN counterparts.\n\n"
        "The 60th ASEAN Foreign Ministers' Meeting and related meetings are being held here from July 24 to 27."
    )
    [meeting] = meetings_of(text, published=dt.datetime(2031, 7, 26, 18, 41))
    assert meeting.date == dt.date(2031, 7, 26) and meeting.date_source == "relative_weekday"
    assert meeting.organization == "ASEAN"
    assert meeting.name == "ASEAN-Japan Post Ministerial Conference"
    assert meeting.edition is None  # the 60th AMM is only placed


def test_made_the_remarks_at_an_undated_debate_takes_the_lede_day() -> None:
    text = (
        "UNITED NATIONS, April 24 (Wire) -- Ambassador Li Ming on Monday called for upholding the Charter.\n\n"
        "Li made the remarks at a Security Council open debate on multilateralism, presided over by Foreign "
        "Minister Ivan Petrov of Russia, whose country holds the presidency."
    )
    [meeting] = meetings_of(text, published=dt.datetime(2031, 4, 25, 5, 21))
    assert meeting.date == dt.date(2031, 4, 21)  # Monday before the dateline day
    assert meeting.chair_name == "Ivan Petrov"   # after "presided over by", not the sentence's subject


@pytest.mark.parametrize(
    "text",
    [
        # a past meeting dated only by its own month and year, in a report about something else
        "ABU DHABI, 12th February, 2031 (Wire) -- The minister said today the country is ready to host the talks.\n\n"
        "The 12th Ministerial Conference, held in Geneva in June 2029, adopted a package of agreements.",
        # the same with the year alone
        "DOHA, May 2, 2031 (Wire) -- The minister said on Monday the region needs calm.\n\n"
        "The Arab League summit in 2028 adopted the Doha Declaration and called for aid.",
        # a summit the sides agreed to support, dated to a later month
        "CAPE TOWN, June 1, 2031 (Wire) -- The ministers agreed on Thursday to support Brazil in hosting the 18th "
        "BRICS Summit in August. They adopted a plan.",
    ],
)
def test_a_meeting_dated_to_another_month_or_year_is_not_this_reports_meeting(text: str) -> None:
    assert meetings_of(text) == []


def test_a_meeting_in_the_reports_own_month_is_kept() -> None:
    text = (
        "CAPE TOWN, June 1, 2031 (Wire) -- The BRICS foreign ministers' meeting in June opened on Thursday. The "
        "ministers adopted a joint statement."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization == "BRICS" and meeting.date is not None


def test_royal_styles_are_not_the_chair_and_the_summit_series_is_the_body() -> None:
    text = (
        "Riyadh, December 9, 2031, SPA -- His Royal Highness Prince Faisal bin Khalid Al Saud, Crown Prince, "
        "chaired today the second Riyadh Arab-China Summit for Cooperation and Development. The summit issued "
        "the Riyadh Declaration, in which the leaders agreed to hold the third summit in China."
    )
    [meeting] = meetings_of(text)
    assert meeting.chair_name == "Faisal bin Khalid Al Saud"
    assert meeting.organization == "China-Arab States Summit"
    assert meeting.name == "Second Riyadh Arab-China Summit for Cooperation and Development"
    assert meeting.edition == 2 and meeting.level == "leaders"
    assert meeting.outcome_documents == ["Riyadh Declaration"]


def test_edition_comes_from_the_meetings_own_name_not_a_summit_named_beside_it() -> None:
    text = (
        "CAPE TOWN, June 1, 2031 (Wire) -- Vice Foreign Minister Li Ming on Thursday attended the meeting of "
        "BRICS Ministers of Foreign Affairs in Cape Town. The ministers discussed trade and agreed to support "
        "Brazil in hosting the 18th BRICS Summit. They adopted a joint statement."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization == "BRICS" and meeting.edition is None
    assert meeting.outcome_documents == ["joint statement"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers agreed to crack down on online gambling and telecom fraud.", "in_person"),
        ("Several ministers raised online scams and human trafficking.", "in_person"),
        ("The meeting was held online.", "virtual"),
        ("The ministers met online to review the plan.", "virtual"),
    ],
)
def test_online_is_a_format_only_as_a_meeting_phrase(sentence: str, expected: str) -> None:
    text = (
        "BAGAN, Dec. 7, 2031 (Wire) -- Foreign Minister Li Ming on Thursday chaired the tenth Lancang-Mekong "
        f"Cooperation Foreign Ministers' Meeting. {sentence} Li called for closer cooperation."
    )
    [meeting] = meetings_of(text)
    assert meeting.format == expected


@pytest.mark.parametrize(
    ("sentence", "outcomes"),
    [
        ("The meeting therefore concluded with a Chair's Summary and Outcome Document rather than a joint communique.",
         ["Chair's Summary and Outcome Document"]),
        ("The ministers signed an information message on the results of the meeting.",
         ["information message on the results of the meeting"]),
        ("In a joint statement issued after the talks, the ministers said they oppose coercion.", ["joint statement"]),
        ("The ministers discussed a draft declaration but did not adopt it.", []),
    ],
)
def test_outcome_documents_in_the_genres_wordings(sentence: str, outcomes: list[str]) -> None:
    text = (
        "NEW DELHI, March 2, 2031 (Wire) -- Foreign Minister Ravi Kumar on Thursday chaired the G20 Foreign "
        f"Ministers' Meeting in New Delhi. Kumar called for reform. {sentence}"
    )
    [meeting] = meetings_of(text)
    assert meeting.outcome_documents == outcomes


@pytest.mark.parametrize(
    "agreed",
    [
        "They agreed to launch the Quad Maritime Legal Dialogue to support the rules-based order.",
        "The two sides agreed to continue their consultations and to hold the first meeting of the dialogue on AI.",
    ],
)
def test_what_the_sides_agreed_to_launch_or_hold_is_not_the_meetings_name(agreed: str) -> None:
    text = (
        "TOKYO, July 29, 2031 (Wire) -- Foreign Minister Aiko Sato on Monday hosted the meeting of the Quad in "
        f"Tokyo. Sato called for unity. {agreed}"
    )
    [meeting] = meetings_of(text)
    assert "Dialogue" not in meeting.name and "dialogue" not in meeting.name
    assert meeting.organization == "Quad" and meeting.chair_name == "Aiko Sato"


def test_agreement_reached_at_a_meeting_keeps_the_meeting() -> None:
    text = (
        "VIENTIANE, Feb. 20, 2031 (Wire) -- The six countries on Thursday agreed to keep up the momentum of their "
        "cooperation at the ninth Lancang-Mekong Cooperation Foreign Ministers' Meeting. Li said trade matters."
    )
    [meeting] = meetings_of(text)
    assert meeting.organization == "LMC" and meeting.edition == 9


def test_a_dialogue_partner_is_not_a_meeting() -> None:
    text = (
        "JAKARTA, May 2, 2031 (Wire) -- Foreign Minister Ana Ruiz said on Monday that ASEAN values Chile as a "
        "dialogue partner and called for more trade."
    )
    assert meetings_of(text) == []


def test_two_mechanisms_of_one_parent_on_one_day_are_two_meetings() -> None:
    text = (
        "JAKARTA, July 13, 2031 (Wire) -- Li Ming on Thursday attended the China-ASEAN Foreign Ministers' Meeting "
        "(10+1) and the ASEAN Plus Three Foreign Ministers' Meeting (10+3) in Jakarta.\n\n"
        "At the China-ASEAN meeting, Li proposed that the two sides speed up trade talks.\n\n"
        "The meeting adopted the Guidelines for a Code of Conduct.\n\n"
        "ASEAN Plus Three\n\n"
        "Later on Thursday, Li attended the ASEAN Plus Three Foreign Ministers' Meeting, which was chaired by "
        "Foreign Minister Sari Dewi. Li called for closer financial cooperation."
    )
    first, second = meetings_of(text)
    assert first.organization == second.organization == "ASEAN"
    assert first.name.startswith("China-ASEAN") and second.name.startswith("ASEAN Plus Three")
    assert first.outcome_documents == ["Guidelines for a Code of Conduct"] and second.outcome_documents == []
    assert first.chair_name is None and second.chair_name == "Sari Dewi"
    assert second.scope[0] == text.index("ASEAN Plus Three\n")


def test_one_body_named_twice_on_one_day_stays_one_meeting() -> None:
    text = (
        "HANOI, June 8, 2031 (Wire) -- The Special ASEAN-China Foreign Ministers' Meeting took place on Tuesday. "
        "ASEAN ministers at the meeting called for vaccine cooperation."
    )
    assert len(meetings_of(text)) == 1


def test_a_meeting_with_no_date_anywhere_is_kept_undated() -> None:
    text = (
        "Foreign Minister meets Foreign Minister of Uzbekistan\n\n"
        "Pakistani Foreign Minister Ali Raza met Foreign Minister of Uzbekistan Timur Aliev in Tashkent.\n\n"
        "Raza called for early completion of the railway project."
    )
    [meeting] = meetings_of(text)
    assert meeting.date is None and meeting.date_source == "unknown"
    assert meeting.organization is None and meeting.name.endswith("Talks in Tashkent")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ali Raza met the press in Tashkent.",   # no counterpart named: not read as talks
        "Ali Raza met Monday's deadline for the report.",
    ],
)
def test_met_followed_by_no_counterpart_is_no_meeting(sentence: str) -> None:
    assert meetings_of(f"{sentence} He said ties matter.") == []


def test_chair_under_the_chairmanship_of() -> None:
    text = (
        "HIROSHIMA, May 19, 2031 (Wire) -- Leaders of the Group of Seven (G7) opened their summit on Friday under "
        "the chairmanship of Japanese Prime Minister Kenji Sato. The leaders issued the G7 Leaders' Hiroshima "
        "Vision on Nuclear Disarmament."
    )
    [meeting] = meetings_of(text)
    assert meeting.chair_name == "Kenji Sato" and meeting.level == "leaders"
    assert meeting.outcome_documents == ["G7 Leaders' Hiroshima Vision on Nuclear Disarmament"]


def test_the_nth_round_of_a_dialogue_is_its_edition_also_for_talks() -> None:
    text = (
        "SEOUL, Nov. 7, 2031 (Wire) -- The vice foreign ministers of South Korea and Japan met in Seoul on Tuesday. "
        "Vice Foreign Minister Kim Min-su held the ninth round of the Korea-Japan strategic dialogue with Vice "
        "Foreign Minister Taro Ono. Kim called for close coordination."
    )
    [meeting] = meetings_of(text)
    assert meeting.edition == 9 and meeting.level == "vice_ministerial"



def test_edition_of_a_tripartite_summit_and_not_of_the_first_one_recalled() -> None:
    text = ("BAGHDAD, June 27, 2031 (Wire) -- The leaders of Egypt, Jordan and Iraq held on Friday the fourth "
            "tripartite summit of the three countries. They agreed to speed up the electricity interconnection. "
            "The first summit of the mechanism was held in Cairo in March 2029.")
    [meeting] = meetings_of(text)
    assert meeting.edition == 4 and meeting.date == dt.date(2031, 6, 27)


def test_a_series_name_written_with_a_spaced_dash_keeps_its_ordinal() -> None:
    text = ("TASHKENT, Jan. 27, 2031 (Wire) -- The first India – Central Asia Summit was held via videoconference "
            "on Monday. The leaders adopted the Delhi Declaration.")
    [meeting] = meetings_of(text)
    assert meeting.edition == 1 and meeting.format == "virtual"
    assert meeting.organization == "India-Central Asia Summit"
    assert "India – Central Asia Summit" in meeting.name


def test_talks_at_a_reception_for_bilateral_talks_and_a_numbered_round_of_a_mechanism() -> None:
    text = ("RIYADH, Sept. 9, 2031 (Wire) -- On Sunday, Minister Ravi Menon was received by Prince Faisal at the Ministry "
            "of Foreign Affairs for bilateral talks. Menon proposed an early investment treaty.")
    [talks] = meetings_of(text)
    assert talks.date == dt.date(2031, 9, 7)
    text = ("MANILA, July 3, 2031 (Wire) -- Senior diplomats of the Philippines and China on Tuesday held the 9th round "
            "of the Bilateral Consultation Mechanism in Manila. Both sides agreed to keep talking.")
    [rounds] = meetings_of(text)
    assert rounds.edition == 9 and rounds.date == dt.date(2031, 7, 1)


def test_the_chair_keeps_a_middle_initial() -> None:
    text = ("NEW YORK, May 19, 2031 (Wire) -- The Security Council held an open debate on food security today, presided "
            "over by the President of the Council for May, Antony J. Blinken, Secretary of State of the United States. "
            "Speakers called for reopening ports.")
    [meeting] = meetings_of(text)
    assert meeting.chair_name == "Antony J. Blinken"


def test_a_transcript_is_a_report_and_a_speakers_yesterday_does_not_date_the_talks() -> None:
    text = ("Talks with the President of Iran\n\nThe President held talks with President of Iran Reza Karimi, who is in "
            "Russia on a working visit.\n\nPresident of Russia Ivan Petrov: Mr President, friends,\n\nYesterday I was in "
            "Riyadh. We propose to speed up the construction of the railway.")
    [meeting] = meetings_of(text, published=dt.datetime(2031, 12, 7, 17, 40))
    assert meeting.date == dt.date(2031, 12, 7) and meeting.date_source == "publication_date"


def test_asean_spelled_as_a_word_and_talks_met_today_with() -> None:
    text = ("JAKARTA, Feb. 2, 2031 (Wire) -- The 24th Asean Foreign Ministers' Meeting opened on Friday. The ministers "
            "agreed to expand trade.")
    [meeting] = meetings_of(text)
    assert meeting.organization == "ASEAN"
    text = ("MUNICH, Feb. 17, 2031 (Wire) -- Foreign Minister Ana Ruiz met today with Foreign Minister Omar Haddad of "
            "Egypt. She called for a ceasefire.")
    [talks] = meetings_of(text)
    assert talks.date == dt.date(2031, 2, 17)

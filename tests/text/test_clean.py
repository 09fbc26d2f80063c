"""Cleaning scraped articles: one test table per rule family, then whole pages in the genre's layouts."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.clean import (
    clean_document,
    find_dateline,
    find_dates,
    find_time,
    is_breadcrumb,
    is_credit_line,
    is_language_bar,
    is_masthead,
    is_nav_bar,
    is_page_furniture,
    is_photo_caption,
    is_promo_line,
    is_related_heading,
    is_release_id,
    is_sign_off,
    is_time_stamp,
    normalise_unicode,
)
from pipeline.text.publishers import find_publisher


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("عربي Español Русский Français 简体中文", True),
        ("中文 | English", True),
        ("Tiếng Việt | English | Français | 中文", True),
        ("हिन्दी | English | A- A A+", True),
        ("de-DE en-GB fr-FR", True),
        ("EN | FR | ES", True),
        ("English", False),
        ("English is the working language of the meeting.", False),
        ("French and Spanish ministers met in Paris", False),
    ],
)
def test_language_bars(line: str, expected: bool) -> None:
    assert is_language_bar(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home > News & Events", True),
        ("Home >> Opinion", True),
        ("Home » Politics » Diplomacy", True),
        ("Home / Press service / News", True),
        ("You are here: Home > News", True),
        ("World > Asia-Pacific", True),
        ("Wang Yi said relations > rivalry in importance.", False),
        ("Homeland security ministers met on Monday", False),
    ],
)
def test_breadcrumbs(line: str, expected: bool) -> None:
    assert is_breadcrumb(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home | News | Politics | Business | Sports", True),
        ("Print | Email | Share", True),
        ("News | Opinion", False),
        ("The talks covered trade | security | climate change and the situation in the region", False),
    ],
)
def test_nav_bars(line: str, expected: bool) -> None:
    assert is_nav_bar(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[Print] [Close]", True),
        ("<Suggest To A Friend>", True),
        ("Suggest to a friend:", True),
        ("Print version", True),
        ("Share: Facebook | Twitter | WhatsApp", True),
        ("Share", True),
        ("Font size: A A A", True),
        ("Skip to main content", True),
        ("【Large Medium Small】", True),
        ("The ministers agreed to share hydrological data.", False),
        ("A small step forward", False),
    ],
)
def test_share_and_print_widgets(line: str, expected: bool) -> None:
    assert is_page_furniture(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Editor: Zhang Wei", True),
        ("(Web editor: Chen Lu)", True),
        ("Responsible editor: Liu Min", True),
        ("By Global Times", True),
        ("By CHINA DAILY correspondent in Astana, Kazakhstan | China Daily | Updated: 2023-05-12 09:10", True),
        ("Special Correspondent", True),
        ("Staff Reporter", True),
        ("(Xinhua's Li Hua also contributed to the story.)", True),
        ("Reporting by Anna Petrova; Editing by John Smith", True),
        ("Source: Xinhua", True),
        ("By the end of the meeting, the ministers had adopted a joint statement on connectivity.", False),
        ("Reporters were told the talks would resume in Geneva.", False),
    ],
)
def test_bylines_and_credits(line: str, expected: bool) -> None:
    assert is_credit_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated 21:30, 16-Jul-2020", True),
        ("Updated: 2023-05-12 09:10", True),
        ("Published: Apr 2, 2023 08:15 PM", True),
        ("Posted On: 14 MAR 2022 6:05PM by PIB Delhi", True),
        ("2022-08-06 21:05", True),
        ("March 3, 2022", True),
        ("Friday, March 4, 2022 - 10:20", True),
        ("(Xinhua) 09:12, March 4, 2022", True),
        ("Source: Xinhua | 2022-03-04 17:02:11 | Editor: huaxia", True),
        ("Staff Reporter 3 hours ago Fri 4th March 2022 | 10:12 AM", True),
        ("NEW DELHI, MARCH 4, 2022 22:10 IST", True),
        ("Regular Press Conference of the Foreign Ministry Spokesperson on March 4, 2022", False),
        ("Wang Yi held talks with Lavrov on March 4, 2022.", False),
        ("26/07/2024 06:41 PM", True),
        ("05/07/2024", True),
        ("The ministers met on 26/07/2024 in Vientiane to review the plan.", False),
    ],
)
def test_time_stamps(line: str, expected: bool) -> None:
    assert is_time_stamp(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wang Yi attends the meeting via video link in Beijing, March 4, 2022. (Xinhua/Li Xiang)", True),
        ("Photo: Foreign ministers pose for a group photo in Astana on Friday. (AFP)", True),
        ("File photo shows the venue of the meeting in Samarkand.", True),
        ("The ministers pose for a group photo before the meeting. (Photo by Wang Qing)", True),
        ("Foreign Minister Qin Gang meets Mauro Vieira in Brasilia, May 11, 2023 [Photo/Xinhua]", True),
        ("(Xinhua/Li Xiang)", True),
        ("The meeting was chaired by Kazakhstan (the current chair).", False),
        ("Wang said the two sides had agreed to work together (Xinhua).", False),
    ],
)
def test_photo_captions(line: str, expected: bool) -> None:
    assert is_photo_caption(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("RELATED STORIES", True),
        ("[Related]", True),
        ("Related news:", True),
        ("Related links", True),
        ("Read more", True),
        ("Related issues were discussed at length.", False),
    ],
)
def test_related_link_headings(line: str, expected: bool) -> None:
    assert is_related_heading(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Follow us on Twitter for the latest news", True),
        ("Tags: BRICS, Wang Yi", True),
        ("Related: China, Brazil sign trade deals", True),
        ("Also read: India, Japan sign defence pact", True),
        ("Page 1 of 3", True),
        ("3 min read", True),
        ("Welcome to the official website of the Embassy", True),
        ("More than 20 documents were approved at the meeting, the ministry said in a statement on Friday.", False),
        ("Follow-up talks will be held in Geneva next month, the two sides said after the meeting.", False),
    ],
)
def test_promotion_tags_and_pagination(line: str, expected: bool) -> None:
    assert is_promo_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("(Release ID: 1806420)", True), ("412-04-03-2022", True), ("Release ID was not given", False)],
)
def test_release_ids(line: str, expected: bool) -> None:
    assert is_release_id(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("APP/abc", True), ("KB/RT", True), ("VNA", True), ("Enditem", True), ("The end of an era", False)],
)
def test_sign_offs(line: str, expected: bool) -> None:
    assert is_sign_off(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CGTN", True),
        ("GLOBAL TIMES", True),
        ("CHINA DAILY | Global Edition", True),
        ("APP | Associated Press of Pakistan", True),
        ("Ministry of Foreign Affairs of the People's Republic of China", True),
        ("Xinhua reports on ASEAN ministers' meeting in Jakarta", False),
        ("National News Agency of Lesotho", True),
        ("Caribbean News Agency", True),
        ("News agency says ministers will meet in Lima next week", False),
        ("The Star | Malaysia's Largest English Daily", True),
        ("Your Source of Credible News", True),
        ("Leaders discuss the largest trade deal in the region", False),
    ],
)
def test_mastheads(line: str, expected: bool) -> None:
    assert is_masthead(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("BEIJING, March 4 (Xinhua) -- Wang Yi said", "BEIJING, March 4 (Xinhua)"),
        ("ASTANA, May 12, 2023 (Xinhua) -- The meeting", "ASTANA, May 12, 2023 (Xinhua)"),
        ("Hanoi (VNA) – Deputy Prime Minister", "Hanoi (VNA)"),
        ("KARACHI, Mar 4 (APP): Foreign Minister", "KARACHI, Mar 4 (APP)"),
        ("Vientiane, May 3, 2022 KPL -- The ministers", "Vientiane, May 3, 2022 KPL"),
        ("(ECNS) -- Vice Foreign Minister", "(ECNS)"),
        ("JAKARTA – Foreign ministers of ASEAN", "JAKARTA"),
        ("TOKYO (Kyodo) Japan and China agreed", "TOKYO (Kyodo)"),
        ("Riyadh, Jumada Al-Awwal 15, 1444, December 9, 2022, SPA -- His Royal Highness",
         "Riyadh, Jumada Al-Awwal 15, 1444, December 9, 2022, SPA"),
        ("Jeddah, Rabi al-Thani 12, 1445, October 27, 2023, SPA -- The Cabinet", "Jeddah, Rabi al-Thani 12, 1445, October 27, 2023, SPA"),
        ("Makkah, 1 Ramadan 1445 AH, March 11, 2024 (SPA) -- The", "Makkah, 1 Ramadan 1445 AH, March 11, 2024 (SPA)"),
    ],
)
def test_datelines_are_found(paragraph: str, dateline: str) -> None:
    match = find_dateline(paragraph)
    assert match is not None
    assert match.group("dateline").strip() == dateline


@pytest.mark.parametrize(
    "paragraph",
    [
        "On March 4, Wang Yi met Lavrov in Moscow.",
        "Thursday, March 3, 2022 - 19:40",
        "UPDATED: MARCH 3, 2022 22:15 IST",
        "AKP - Agence Kampuchea Presse",
        "First, we need to uphold multilateralism.",
        "China, India agree to ease tensions",
    ],
)
def test_lines_that_are_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated 21:30, 16-Jul-2020", [dt.date(2020, 7, 16)]),
        ("Posted On: 09 AUG 2021", [dt.date(2021, 8, 9)]),
        ("MOSCOW, Sept. 10, 2020 (Xinhua)", [dt.date(2020, 9, 10)]),
        ("Thu 18th March 2021", [dt.date(2021, 3, 18)]),
        ("2022/8/6 and 2021-05-08", [dt.date(2022, 8, 6), dt.date(2021, 5, 8)]),
        ("18.03.2021", [dt.date(2021, 3, 18)]),
        ("26/07/2024 06:41 PM", [dt.date(2024, 7, 26)]),   # day-first: 26 is no month
        ("07/26/2024", [dt.date(2024, 7, 26)]),            # month-first: 26 is no month either way round
        ("05/05/2024", [dt.date(2024, 5, 5)]),             # both readings agree
        ("05/07/2024", []),                                # 5 July or 7 May: not read on its own
        ("31/02/2024", []),
        ("BEIJING, Dec. 17 (Xinhua)", []),
        ("2021-02-30", []),
    ],
)
def test_full_dates(text: str, expected: list[dt.date]) -> None:
    assert [d for _, _, d in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10:37 PM", dt.time(22, 37)), ("7:45 pm", dt.time(19, 45)), ("12:10 a.m.", dt.time(0, 10)),
     ("01:22:35", dt.time(1, 22)), ("6:05PM", dt.time(18, 5)), ("no time", None)],
)
def test_clock_times(text: str, expected: dt.time | None) -> None:
    assert find_time(text) == expected


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("(Xinhua)", "Xinhua"),
        ("XINHUA", "Xinhua"),
        ("People's Daily Online", "People's Daily"),
        ("THE HINDU", "The Hindu"),
        ("(CGTN's Wang Lei also contributed to the story.)", "CGTN"),
        ("Embassy of the People's Republic of China in the Republic of Fiji",
         "Embassy of the People's Republic of China in the Republic of Fiji"),
        ("The Ministry of Foreign Affairs of the Russian Federation", "Ministry of Foreign Affairs of the Russian Federation"),
        ("SPA", "Saudi Press Agency"),
        ("spa and wellness", None),
        ("President of Russia", "Kremlin"),
        ("JIJI PRESS", "Jiji Press"),
        ("Copyright © 2022 African Union. All rights reserved.", "African Union"),
        ("BusinessLine", "BusinessLine"),
        ("an app for ministers", None),
    ],
)
def test_outlet_gazetteer(text: str, publisher: str | None) -> None:
    found = find_publisher(text)
    assert (found[0] if found else None) == publisher


def test_unicode_repair_fixes_mojibake_quotes_spaces_and_line_endings() -> None:
    text = "Wang Yi said â€œwin-winâ€\x9d cooperation\u00a0 \r\nmatters\u00a0most.\r"
    assert normalise_unicode(text) == 'Wang Yi said "win-win" cooperation\nmatters most.\n'


# ---------------------------------------------------------------------------------------------------
# whole pages, written in the layouts the genre uses
# ---------------------------------------------------------------------------------------------------

WIRE_ON_PORTAL = """Home >> World
Kazakh, Chinese foreign ministers meet in Astana to boost connectivity

(Xinhua) 09:12, March 4, 2022

Chinese State Councilor and Foreign Minister Wang Yi (R) meets with Kazakh Foreign Minister Mukhtar Tileuberdi in Astana, Kazakhstan, March 3, 2022. (Xinhua/Li Xiang)

ASTANA, March 3 (Xinhua) -- Chinese State Councilor and Foreign Minister Wang Yi on Thursday held talks with Kazakh Foreign Minister Mukhtar Tileuberdi in Astana.

Wang called for closer cooperation on cross-border transport. Enditem

(Web editor: Chen Lu)
"""

MINISTRY_RELEASE = """Ministry of External Affairs
Government of India
हिन्दी | English | A- A A+

Home > Media Center > Press Releases

Visit of External Affairs Minister to Uzbekistan (March 03, 2022)

March 03, 2022

External Affairs Minister Dr. S. Jaishankar held talks with the Foreign Minister of Uzbekistan in Tashkent today.

2. The two Ministers agreed to deepen cooperation in trade and connectivity.

Tashkent
March 03, 2022

Print | Email | Share

Related links
- Joint statement on India-Uzbekistan relations
"""

NEWSPAPER_PAGE = """GLOBAL TIMES
CHINA / DIPLOMACY

Wang Yi urges Central Asian partners to deepen green energy cooperation

By Global Times
Published: Apr 2, 2023 08:15 PM

Chinese Foreign Minister Wang Yi on Saturday called on Central Asian countries to deepen cooperation on green energy, speaking at a meeting in Samarkand.

Background

The ministers have met annually since 2020.

RELATED ARTICLES
- China, Uzbekistan sign trade deals
- Explainer: the C+C5 mechanism

Copyright © 2023 Global Times. All rights reserved.
"""

SCRAPED_NO_HEADLINE = """ date 2022-06-14 Foreign ministers of the Nordic countries gathered in Bergen last Monday for their annual meeting, which was chaired by Norway's foreign minister.

The ministers called for closer cooperation on energy security.
"""

SCRAPED_WITH_DUPLICATE_HEADLINE = """ date 2022-06-14 Nordic Ministers Call For Energy Cooperation At Bergen Meeting

Staff Reporter 5 minutes ago Tue 14th June 2022 | 09:41 PM

Nordic Ministers Call for Energy Cooperation at Bergen Meeting

OSLO (UrduPoint News / Sputnik - 14th June, 2022) The foreign ministers of the Nordic countries on Monday called for closer cooperation on energy security.
"""

EMBASSY_PAGE = """Embassy of the People's Republic of China in the Republic of Fiji
中文 | English

Home > Embassy News

Wang Yi Attends Second Foreign Ministers' Meeting on Pacific Cooperation
2022-05-31 09:30

Event: Second Foreign Ministers' Meeting on Pacific Cooperation
Date: 2022-05-30
Venue: Suva

The meeting was held on Monday. State Councilor and Foreign Minister Wang Yi co-chaired the meeting.

[Print] [Close]
"""

AGENCY_FULL_DATELINE = """AKP - Agence Kampuchea Presse
Home / Politics

Cambodia, Laos foreign ministers review border demarcation

Phnom Penh, March 4, 2022 AKP --

The foreign ministers of Cambodia and Laos met in Phnom Penh on 3 March 2022 to review border demarcation.

--AKP--

Editor: Sopheap
"""

AGENCY_NO_YEAR = """Petra - Jordan News Agency
Home > Local News

Safadi, Wang discuss regional situation

Amman, March 4 (Petra) -- Minister of Foreign Affairs Ayman Safadi on Friday held talks with Chinese Foreign Minister Wang Yi.

-- Petra
"""


@pytest.mark.parametrize(
    ("page", "title", "publisher", "published", "dateline"),
    [
        (WIRE_ON_PORTAL, "Kazakh, Chinese foreign ministers meet in Astana to boost connectivity", "Xinhua",
         dt.datetime(2022, 3, 4, 9, 12), "ASTANA, March 3 (Xinhua)"),
        (MINISTRY_RELEASE, "Visit of External Affairs Minister to Uzbekistan (March 03, 2022)",
         "Ministry of External Affairs of India", dt.datetime(2022, 3, 3), None),
        (NEWSPAPER_PAGE, "Wang Yi urges Central Asian partners to deepen green energy cooperation", "Global Times",
         dt.datetime(2023, 4, 2, 20, 15), None),
        (SCRAPED_NO_HEADLINE, None, None, dt.datetime(2022, 6, 14), None),
        (SCRAPED_WITH_DUPLICATE_HEADLINE, "Nordic Ministers Call For Energy Cooperation At Bergen Meeting", "UrduPoint",
         dt.datetime(2022, 6, 14), "OSLO (UrduPoint News / Sputnik - 14th June, 2022)"),
        (EMBASSY_PAGE, "Wang Yi Attends Second Foreign Ministers' Meeting on Pacific Cooperation",
         "Embassy of the People's Republic of China in the Republic of Fiji", dt.datetime(2022, 5, 31, 9, 30), None),
        (AGENCY_FULL_DATELINE, "Cambodia, Laos foreign ministers review border demarcation", "Agence Kampuchea Presse",
         dt.datetime(2022, 3, 4), "Phnom Penh, March 4, 2022 AKP"),
        (AGENCY_NO_YEAR, "Safadi, Wang discuss regional situation", "Petra", None, "Amman, March 4 (Petra)"),
    ],
)
def test_page_fields(page: str, title: str | None, publisher: str | None, published: dt.datetime | None,
                     dateline: str | None) -> None:
    cleaned = clean_document(page)
    assert cleaned.title == title
    assert cleaned.publisher == publisher
    assert cleaned.published_at == published
    assert cleaned.dateline == dateline


@pytest.mark.parametrize(
    ("page", "gone"),
    [
        (WIRE_ON_PORTAL, ["Home >>", "(Xinhua) 09:12", "Xinhua/Li Xiang", "Web editor", "Enditem"]),
        (MINISTRY_RELEASE, ["Ministry of External Affairs", "Government of India", "English", "Media Center",
                            "March 03, 2022\n", "\nTashkent", "Print", "Related links", "Joint statement on"]),
        (NEWSPAPER_PAGE, ["GLOBAL TIMES", "CHINA / DIPLOMACY", "By Global Times", "Published:", "RELATED",
                          "China, Uzbekistan sign", "Copyright"]),
        (SCRAPED_NO_HEADLINE, [" date ", "2022-06-14"]),
        (SCRAPED_WITH_DUPLICATE_HEADLINE, ["Staff Reporter", "2022-06-14", "Call for Energy"]),
        (EMBASSY_PAGE, ["Embassy of", "中文", "Home >", "2022-05-31", "[Print]"]),
        (AGENCY_FULL_DATELINE, ["Agence Kampuchea Presse", "Home /", "--AKP--", "Editor:"]),
        (AGENCY_NO_YEAR, ["Jordan News Agency", "Home >", "-- Petra"]),
    ],
)
def test_page_furniture_is_removed(page: str, gone: list[str]) -> None:
    clean_text = clean_document(page).clean_text
    for fragment in gone:
        assert fragment not in clean_text


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        (WIRE_ON_PORTAL, ["ASTANA, March 3 (Xinhua) -- Chinese", "Wang called for closer cooperation on cross-border transport."]),
        (MINISTRY_RELEASE, ["Dr. S. Jaishankar", "2. The two Ministers agreed"]),
        (NEWSPAPER_PAGE, ["\n\nBackground\n\n", "The ministers have met annually since 2020."]),
        (SCRAPED_NO_HEADLINE, ["Foreign ministers of the Nordic countries gathered in Bergen"]),
        (EMBASSY_PAGE, ["Event: Second Foreign Ministers' Meeting", "Date: 2022-05-30", "Venue: Suva"]),
        (AGENCY_FULL_DATELINE, ["Phnom Penh, March 4, 2022 AKP --", "on 3 March 2022"]),
    ],
)
def test_headline_dateline_and_body_are_kept(page: str, kept: list[str]) -> None:
    clean_text = clean_document(page).clean_text
    for fragment in kept:
        assert fragment in clean_text


@pytest.mark.parametrize("page", [WIRE_ON_PORTAL, MINISTRY_RELEASE, NEWSPAPER_PAGE, EMBASSY_PAGE, AGENCY_NO_YEAR])
def test_headline_is_the_first_line(page: str) -> None:
    cleaned = clean_document(page)
    assert cleaned.clean_text.split("\n", 1)[0] == cleaned.title


def test_headline_with_a_trailing_stamp_loses_the_stamp() -> None:
    page = ("Home | News | Statements | About Us\nWang Yi Attends the 12th Mekong Foreign Ministers' Meeting 2022/7/5\n"
            "On the 4th local time, Wang Yi took part in the meeting in Bagan.")
    cleaned = clean_document(page)
    assert cleaned.title == "Wang Yi Attends the 12th Mekong Foreign Ministers' Meeting"
    assert cleaned.published_at == dt.datetime(2022, 7, 5)


def test_a_headline_ending_with_a_stop_is_recognised_by_the_stamp_under_it() -> None:
    page = ("Home > News\nChina, Pakistan agree to deepen strategic cooperation.\nUpdated: 2023-05-06 18:20\n"
            "ISLAMABAD, May 6 (Xinhua) -- Foreign Minister Qin Gang held talks with his Pakistani counterpart.")
    cleaned = clean_document(page)
    assert cleaned.title == "China, Pakistan agree to deepen strategic cooperation."
    assert cleaned.published_at == dt.datetime(2023, 5, 6, 18, 20)
    assert "Updated" not in cleaned.clean_text


def test_first_sentence_is_never_promoted_to_headline() -> None:
    page = "Foreign ministers of the Nordic countries met in Bergen on Monday. They called for energy cooperation."
    assert clean_document(page).title is None


def test_bare_byline_and_place_under_the_headline_are_dropped() -> None:
    page = ("THE HINDU\nIndia, Japan hold dialogue in Tokyo\nSuhasini Haidar\nNEW DELHI\n"
            "September 8, 2022 22:10 IST\n\nExternal Affairs Minister S. Jaishankar held talks in Tokyo on Thursday.")
    cleaned = clean_document(page)
    assert cleaned.clean_text == ("India, Japan hold dialogue in Tokyo\n\n"
                                  "External Affairs Minister S. Jaishankar held talks in Tokyo on Thursday.")
    assert cleaned.published_at == dt.datetime(2022, 9, 8, 22, 10)


HIJRI_DATELINE_PAGE = ("SPA - Saudi Press Agency\n\nCrown Prince chairs Riyadh summit\n\n"
                       "Riyadh, Jumada Al-Awwal 15, 1444, December 9, 2022, SPA -- The Crown Prince chaired the summit today.")


def test_a_hijri_date_before_the_gregorian_one_keeps_the_dateline_and_its_date() -> None:
    cleaned = clean_document(HIJRI_DATELINE_PAGE)
    assert cleaned.published_at == dt.datetime(2022, 12, 9)
    assert cleaned.dateline == "Riyadh, Jumada Al-Awwal 15, 1444, December 9, 2022, SPA"


def test_a_hijri_date_alone_gives_no_publication_date() -> None:
    page = HIJRI_DATELINE_PAGE.replace(", December 9, 2022", "")
    assert clean_document(page).published_at is None


SLASH_STAMP_PAGE = ("BERNAMA\nMalaysia urges Russia to back ASEAN peace plan\n\n{stamp}\n\n"
                    "VIENTIANE, {dateline} (Bernama) -- Malaysia today urged Russia to support the plan.")


@pytest.mark.parametrize(
    ("stamp", "dateline", "published"),
    [
        ("26/07/2024 06:41 PM", "July 26", dt.datetime(2024, 7, 26, 18, 41)),  # unambiguous day-first
        ("05/07/2024 06:41 PM", "July 5", dt.datetime(2024, 7, 5, 18, 41)),    # the dateline settles the order
        ("07/05/2024 06:41 PM", "July 5", dt.datetime(2024, 7, 5, 18, 41)),    # month-first outlet
        ("05/07/2024 06:41 PM", "July 9", None),                                # neither reading fits: no guess
    ],
)
def test_a_slash_date_stamp_under_the_headline_is_the_publication_time(
    stamp: str, dateline: str, published: dt.datetime | None,
) -> None:
    cleaned = clean_document(SLASH_STAMP_PAGE.format(stamp=stamp, dateline=dateline))
    assert cleaned.published_at == published
    assert stamp not in cleaned.clean_text


def test_a_numeric_date_line_is_a_stamp_not_a_release_id() -> None:
    page = "Wang Yi Meets with Foreign Minister of Nepal\n2022/03/26\nOn March 26, 2022, Wang Yi met Narayan Khadka."
    assert clean_document(page).published_at == dt.datetime(2022, 3, 26)


def test_a_quoted_outlet_in_the_body_is_not_the_publisher() -> None:
    page = ("Regular Press Conference of the Foreign Ministry Spokesperson\n\n2022-03-04 21:05\n\n"
            "Xinhua News Agency: What does China expect from the meeting?\n\n"
            "Spokesperson: We hope the meeting will send a positive signal.")
    assert clean_document(page).publisher is None


def test_hard_wrapped_lines_are_joined() -> None:
    page = ("Ministers meet in Astana\n\nThe foreign ministers of the five Central Asian countries and\n"
            "China met in Astana on Friday to discuss transport.")
    assert "countries and China met" in clean_document(page).clean_text


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Print | Email | Share", "\u00a0"])
def test_degenerate_inputs_give_an_empty_document(text: str) -> None:
    cleaned = clean_document(text)
    assert cleaned.clean_text == ""
    assert cleaned.title is None


def test_the_headline_follows_the_site_menu_not_the_masthead_tagline() -> None:
    page = ("Viet Nam News\nTHE NATIONAL ENGLISH LANGUAGE DAILY\n\nHome | Politics & Laws | Society | Economy | Sports\n\n"
            "PM puts forward four-point proposal at regional summit\n\nUpdate: November, 27/2031 - 20:15\n\n"
            "BUSAN — The Prime Minister put forward a four-point proposal at the summit on Wednesday, officials said.\n")
    cleaned = clean_document(page)
    assert cleaned.title == "PM puts forward four-point proposal at regional summit"
    assert cleaned.published_at == dt.datetime(2031, 11, 27, 20, 15)
    assert "NATIONAL ENGLISH LANGUAGE DAILY" not in cleaned.clean_text


def test_a_page_without_a_menu_keeps_its_first_headline_line() -> None:
    page = ("Ministers agree to expand trade at annual meeting\n\nBEIJING, May 2, 2031 (Wire) -- The ministers agreed on "
            "Monday to expand trade and investment between the two regions, the statement said.\n")
    assert clean_document(page).title == "Ministers agree to expand trade at annual meeting"


def test_a_title_case_dateline_with_a_date_and_an_agency_needs_no_dash() -> None:
    match = find_dateline("Addis Ababa, April 17/2031 (ENA) Foreign Minister Abebe received his counterpart.")
    assert match is not None and match.group("dateline") == "Addis Ababa, April 17/2031 (ENA)"
    assert find_dateline("Foreign Minister (ENA) received his counterpart.") is None
    assert find_dates("17. 2. 2031 | Ministry of Foreign Affairs") == [(0, 11, dt.date(2031, 2, 17))]


def test_a_stamp_beside_the_issuing_bodys_name() -> None:
    assert is_time_stamp("17. 2. 2031 | Ministry of Foreign and European Affairs")
    assert not is_time_stamp("Talks on 17 May 2031 | Ministers discuss trade and energy policy")

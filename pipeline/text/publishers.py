"""Outlets that publish diplomatic readouts, with the names and abbreviations they sign with.

A general gazetteer of wire services, newspapers, broadcasters and foreign-ministry or government press
sites that report ministerial meetings; canonical names follow the contract (`Xinhua`, `CGTN`,
`People's Daily`, `Ministry of Foreign Affairs of the PRC`, ...). Matching is done only on the lines
where a text names its own outlet (masthead, dateline credit, `Source:`, byline, sign-off), never on the
body, where an outlet can be quoted ("a Xinhua reporter asked ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

# canonical name -> aliases; aliases written in capitals only (APP, SPA, AP) are matched case-sensitively,
# because as lower-case words they are ordinary English ("app", "spa", "ap")
PUBLISHER_ALIASES: dict[str, tuple[str, ...]] = {
    # China
    "Xinhua": ("Xinhua", "Xinhua News Agency", "Xinhuanet", "news.cn", "Xinhua Net", "XINHUA"),
    "People's Daily": ("People's Daily", "People's Daily Online", "en.people.cn", "people.cn"),
    "CGTN": ("CGTN", "China Global Television Network"),
    "China Daily": ("China Daily", "chinadaily.com.cn"),
    "Global Times": ("Global Times", "globaltimes.cn"),
    "China News Service": ("China News Service", "ECNS", "ecns.cn", "Chinanews", "CNS"),
    "CCTV": ("CCTV", "China Central Television"),
    "China Radio International": ("China Radio International", "CRI", "CRI Online"),
    "China.org.cn": ("China.org.cn",),
    "Shanghai Daily": ("Shanghai Daily",),
    "South China Morning Post": ("South China Morning Post", "SCMP"),
    "Ministry of Foreign Affairs of the PRC": (
        "Ministry of Foreign Affairs of the People's Republic of China",
        "Ministry of Foreign Affairs of the PRC",
        "Foreign Ministry of the People's Republic of China",
        "Chinese Foreign Ministry",
        "fmprc.gov.cn",
    ),
    # Russia and Central Asia
    "Ministry of Foreign Affairs of the Russian Federation": (
        "Ministry of Foreign Affairs of the Russian Federation",
        "Russian Ministry of Foreign Affairs",
        "Ministry of Foreign Affairs of Russia",
        "Russian Foreign Ministry",
        "mid.ru",
    ),
    "TASS": ("TASS", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti",),
    "Sputnik": ("Sputnik", "Sputnik News"),
    "RT": ("RT", "Russia Today"),
    "Kazinform": ("Kazinform",),
    "Kabar": ("Kabar",),
    "Khovar": ("Khovar",),
    "UzA": ("UzA", "National News Agency of Uzbekistan"),
    "Trend": ("Trend News Agency",),
    "AZERTAC": ("AZERTAC", "Azertac"),
    # South Asia
    "Ministry of External Affairs of India": (
        "Ministry of External Affairs of India", "Ministry of External Affairs", "mea.gov.in",
    ),
    "Press Information Bureau": ("Press Information Bureau", "PIB"),
    "The Hindu": ("The Hindu",),
    "BusinessLine": ("BusinessLine", "The Hindu BusinessLine", "Hindu BusinessLine", "Business Line"),
    "Hindustan Times": ("Hindustan Times",),
    "The Times of India": ("The Times of India", "Times of India"),
    "The Indian Express": ("The Indian Express", "Indian Express"),
    "ANI": ("ANI", "Asian News International"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "Associated Press of Pakistan": ("Associated Press of Pakistan", "APP"),
    "Radio Pakistan": ("Radio Pakistan",),
    "Dawn": ("Dawn", "DAWN"),
    "The Express Tribune": ("The Express Tribune", "Express Tribune"),
    "The News International": ("The News International",),
    "UrduPoint": ("UrduPoint", "UrduPoint News"),
    "Ministry of Foreign Affairs of Pakistan": ("Ministry of Foreign Affairs of Pakistan", "mofa.gov.pk"),
    "Bangladesh Sangbad Sangstha": ("Bangladesh Sangbad Sangstha", "BSS"),
    "The Daily Star": ("The Daily Star",),
    "Daily Mirror": ("Daily Mirror",),
    "The Kathmandu Post": ("The Kathmandu Post", "Kathmandu Post"),
    "Khaama Press": ("Khaama Press",),
    "TOLOnews": ("TOLOnews", "TOLO News"),
    # Southeast Asia and the Pacific
    "Vietnam News Agency": ("Vietnam News Agency", "VNA", "VietnamPlus", "Vietnam Plus"),
    "Viet Nam News": ("Viet Nam News", "Vietnam News"),
    "The Star": ("The Star", "thestar.com.my", "Star Media Group"),
    "Agence Kampuchea Presse": ("Agence Kampuchea Presse", "AKP"),
    "Khmer Times": ("Khmer Times",),
    "The Phnom Penh Post": ("The Phnom Penh Post", "Phnom Penh Post"),
    "Vientiane Times": ("Vientiane Times",),
    "Lao News Agency": ("Lao News Agency", "KPL"),
    "The Global New Light of Myanmar": ("The Global New Light of Myanmar", "Global New Light of Myanmar"),
    "Bangkok Post": ("Bangkok Post",),
    "The Nation": ("The Nation Thailand", "Nation Thailand"),
    "Bernama": ("Bernama", "BERNAMA"),
    "The Star": ("The Star Malaysia",),
    "Antara": ("Antara", "ANTARA", "Antara News"),
    "The Jakarta Post": ("The Jakarta Post", "Jakarta Post"),
    "Philippine News Agency": ("Philippine News Agency", "PNA"),
    "Philippine Daily Inquirer": ("Philippine Daily Inquirer", "Inquirer.net"),
    "Manila Bulletin": ("Manila Bulletin",),
    "The Straits Times": ("The Straits Times", "Straits Times"),
    "Borneo Bulletin": ("Borneo Bulletin",),
    "FBC News": ("FBC News", "Fiji Broadcasting Corporation"),
    "Fiji Sun": ("Fiji Sun",),
    "Fiji Times": ("Fiji Times", "The Fiji Times"),
    "RNZ": ("RNZ", "Radio New Zealand"),
    "Post-Courier": ("Post-Courier", "PNG Post-Courier"),
    "Solomon Star": ("Solomon Star",),
    # Middle East and Africa
    "Saudi Press Agency": ("Saudi Press Agency", "SPA"),
    "Petra": ("Petra", "Jordan News Agency", "PETRA"),
    "Jordan Times": ("Jordan Times", "The Jordan Times"),
    "WAM": ("WAM", "Emirates News Agency"),
    "QNA": ("QNA", "Qatar News Agency"),
    "KUNA": ("KUNA", "Kuwait News Agency"),
    "MENA": ("MENA", "Middle East News Agency"),
    "Ahram Online": ("Ahram Online",),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "Tehran Times": ("Tehran Times",),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "Daily Sabah": ("Daily Sabah",),
    "Arab News": ("Arab News",),
    "Gulf News": ("Gulf News",),
    "Al Jazeera": ("Al Jazeera",),
    "Oman News Agency": ("Oman News Agency", "ONA"),
    "Bahrain News Agency": ("Bahrain News Agency", "BNA"),
    "Algeria Press Service": ("Algeria Press Service", "APS"),
    "MAP": ("Maghreb Arabe Presse",),
    "SUNA": ("SUNA", "Sudan News Agency"),
    "ENA": ("Ethiopian News Agency",),
    "Kenya News Agency": ("Kenya News Agency",),
    "SABC News": ("SABC News", "SABC"),
    "News Agency of Nigeria": ("News Agency of Nigeria",),
    # East Asia, Europe, Americas and international
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Jiji Press": ("Jiji Press", "JIJI PRESS", "Jiji Press Ltd.", "jiji.com"),
    "NHK": ("NHK", "NHK World"),
    "The Japan Times": ("The Japan Times", "Japan Times"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "The Korea Herald": ("The Korea Herald", "Korea Herald"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "Montsame": ("Montsame", "MONTSAME"),
    "Reuters": ("Reuters",),
    "AP": ("Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "EFE": ("EFE",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "BBC": ("BBC", "BBC News"),
    "CNN": ("CNN",),
    "Bloomberg": ("Bloomberg",),
    "The Diplomat": ("The Diplomat",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "Euronews": ("Euronews",),
    "Politico": ("Politico", "POLITICO"),
    "U.S. Department of State": ("U.S. Department of State", "US Department of State", "state.gov"),
    "UN News": ("UN News", "UN News Centre"),
    "Kremlin": ("President of Russia", "The Kremlin", "kremlin.ru", "en.kremlin.ru"),
    "African Union": ("African Union", "African Union Commission", "au.int"),
    "United Nations": ("Meetings Coverage and Press Releases", "UN Meetings Coverage and Press Releases",
                       "United Nations Meetings Coverage and Press Releases", "press.un.org"),
    "Prensa Latina": ("Prensa Latina",),
    "Agencia Brasil": ("Agencia Brasil", "Agência Brasil"),
    "Telam": ("Telam", "Télam"),
}

# sites that sign with their institution's name: kept as written, these are the publisher
INSTITUTION_PUBLISHER_RE = re.compile(
    r"\b(?:The\s+)?(?:Embassy|Consulate[- ]General|Consulate|Permanent\s+Mission|Mission)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+(?:of|the|and|[A-Z][\w'’.-]*))*?\s+(?:in|to)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:of|the|and|[A-Z][\w'’.-]*))*"
)


# outlet names are word sequences; a name may hold dots and hyphens ("news.cn", "ITAR-TASS"); a possessive
# "'s" is its own token so that "CGTN's" names CGTN and "People's Daily" still matches as three tokens
TOKEN_RE = re.compile(r"['’]s\b|\w+(?:[.-]\w+)*(?:['’](?!s\b)\w+)*")


def _fold(token: str) -> str:
    return token.casefold().replace("’", "'")


@lru_cache(maxsize=1)
def alias_table() -> dict[str, list[tuple[tuple[str, ...], bool, str]]]:
    """Aliases indexed by their first token (case-folded): [(tokens, exact_case, canonical)], longest first.

    All-capitals abbreviations (APP, SPA, AP) are matched exactly, because in lower case they are
    ordinary English words ("app", "spa").
    """
    table: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    for name, names in PUBLISHER_ALIASES.items():
        for alias in names:
            tokens = tuple(TOKEN_RE.findall(alias))
            exact = bool(re.fullmatch(r"[A-Z]{2,6}", alias))
            key = tokens if exact else tuple(_fold(t) for t in tokens)
            table.setdefault(_fold(tokens[0]), []).append((key, exact, name))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return table


def _alias_matches(text: str) -> list[tuple[str, int, int]]:
    """Every outlet alias in `text`, longest first at each position, without overlaps, in reading order."""
    table = alias_table()
    tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        entries = table.get(_fold(tokens[i][0]))
        matched = 0
        for key, exact, name in entries or ():
            n = len(key)
            window = tokens[i:i + n]
            if len(window) == n and key == (tuple(t for t, _, _ in window) if exact else tuple(_fold(t) for t, _, _ in window)):
                found.append((name, tokens[i][1], tokens[i + n - 1][2]))
                matched = n
                break
        i += matched or 1
    return found


def find_publisher(text: str) -> tuple[str, int, int] | None:
    """First outlet named in `text`: (canonical name, start, end), or None.

    Example: find_publisher("APP | Associated Press of Pakistan") -> ("Associated Press of Pakistan", 0, 3)
    """
    institution = INSTITUTION_PUBLISHER_RE.search(text) if "Embassy" in text or "Mission" in text or "Consulate" in text else None
    matches = _alias_matches(text)
    if matches and (institution is None or matches[0][1] < institution.start()):
        return matches[0]
    if institution is not None:
        return institution.group(0).strip(), institution.start(), institution.end()
    return None


def strip_publishers(text: str) -> str:
    """`text` with every outlet name removed, to see what else a line holds.

    Example: strip_publishers("CHINA DAILY | Global Edition") -> " | Global Edition"
    """
    if "Embassy" in text or "Mission" in text or "Consulate" in text:
        text = INSTITUTION_PUBLISHER_RE.sub(" ", text)
    for _, start, end in reversed(_alias_matches(text)):
        text = text[:start] + " " + text[end:]
    return text

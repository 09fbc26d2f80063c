"""Regenerate `countries.json`: ISO 3166-1 names from pycountry plus a curated supplement.

    python -m pipeline.reference.build_countries

The base (every alpha-3 code, its ISO short name, official name and common name, and the
"Korea, Republic of" → "Republic of Korea" inversions) comes from pycountry, not typed by hand.
pycountry has no demonyms and misses several names the genre uses ("Laos", "Turkey", "the UAE",
"Kyrgyz Republic" is there but "Kyrgyz" is not); those come from `SUPPLEMENT` below, which is
curated general knowledge and is marked as such in the generated file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

OUTPUT = Path(__file__).with_name("countries.json")

# Curated supplement (general knowledge, not in pycountry): extra names and demonyms per alpha-3 code.
# Demonyms are the adjectives readouts put before an office ("Kyrgyz Foreign Minister").
SUPPLEMENT: dict[str, dict[str, list[str]]] = {
    "AFG": {"demonyms": ["Afghan"]},
    "ALB": {"demonyms": ["Albanian"]},
    "DZA": {"demonyms": ["Algerian"]},
    "AGO": {"demonyms": ["Angolan"]},
    "ARG": {"demonyms": ["Argentine", "Argentinian"]},
    "ARM": {"demonyms": ["Armenian"]},
    "AUS": {"demonyms": ["Australian"]},
    "AUT": {"demonyms": ["Austrian"]},
    "AZE": {"demonyms": ["Azerbaijani", "Azeri"]},
    "BHR": {"demonyms": ["Bahraini"]},
    "BGD": {"demonyms": ["Bangladeshi"]},
    "BLR": {"demonyms": ["Belarusian"]},
    "BEL": {"demonyms": ["Belgian"]},
    "BTN": {"demonyms": ["Bhutanese"]},
    "BOL": {"demonyms": ["Bolivian"]},
    "BRA": {"demonyms": ["Brazilian"]},
    "BRN": {"names": ["Brunei"], "demonyms": ["Bruneian"]},
    "BGR": {"demonyms": ["Bulgarian"]},
    "KHM": {"demonyms": ["Cambodian"]},
    "CMR": {"demonyms": ["Cameroonian"]},
    "CAN": {"demonyms": ["Canadian"]},
    "CHL": {"demonyms": ["Chilean"]},
    "CHN": {"names": ["People's Republic of China", "PRC"], "demonyms": ["Chinese"]},
    "COL": {"demonyms": ["Colombian"]},
    "COD": {"names": ["Democratic Republic of the Congo", "DR Congo", "DRC"]},
    "COG": {"names": ["Republic of the Congo"]},
    "CIV": {"names": ["Cote d'Ivoire", "Ivory Coast"], "demonyms": ["Ivorian"]},
    "HRV": {"demonyms": ["Croatian"]},
    "CUB": {"demonyms": ["Cuban"]},
    "CYP": {"demonyms": ["Cypriot"]},
    "CZE": {"names": ["Czech Republic"], "demonyms": ["Czech"]},
    "DNK": {"demonyms": ["Danish"]},
    "DJI": {"demonyms": ["Djiboutian"]},
    "ECU": {"demonyms": ["Ecuadorian"]},
    "EGY": {"demonyms": ["Egyptian"]},
    "ERI": {"demonyms": ["Eritrean"]},
    "EST": {"demonyms": ["Estonian"]},
    "ETH": {"demonyms": ["Ethiopian"]},
    "FJI": {"demonyms": ["Fijian"]},
    "FIN": {"demonyms": ["Finnish"]},
    "FRA": {"demonyms": ["French"]},
    "FRO": {"names": ["Faroes", "Faroe"], "demonyms": ["Faroese"]},
    "GAB": {"demonyms": ["Gabonese"]},
    "GMB": {"names": ["The Gambia", "Gambia"], "demonyms": ["Gambian"]},
    "GEO": {"demonyms": ["Georgian"]},
    "DEU": {"demonyms": ["German"]},
    "GHA": {"demonyms": ["Ghanaian"]},
    "GRC": {"demonyms": ["Greek"]},
    "GRL": {"demonyms": ["Greenlandic"]},
    "HUN": {"demonyms": ["Hungarian"]},
    "ISL": {"demonyms": ["Icelandic"]},
    "IND": {"demonyms": ["Indian"]},
    "IDN": {"demonyms": ["Indonesian"]},
    "IRN": {"demonyms": ["Iranian"]},
    "IRQ": {"demonyms": ["Iraqi"]},
    "IRL": {"demonyms": ["Irish"]},
    "ISR": {"demonyms": ["Israeli"]},
    "ITA": {"demonyms": ["Italian"]},
    "JPN": {"demonyms": ["Japanese"]},
    "JOR": {"demonyms": ["Jordanian"]},
    "KAZ": {"demonyms": ["Kazakh", "Kazakhstani"]},
    "KEN": {"demonyms": ["Kenyan"]},
    "KOR": {"names": ["South Korea", "Republic of Korea", "ROK"], "demonyms": ["South Korean"]},
    "PRK": {"names": ["North Korea", "DPRK"], "demonyms": ["North Korean"]},
    "KWT": {"demonyms": ["Kuwaiti"]},
    "KGZ": {"names": ["Kyrgyz Republic"], "demonyms": ["Kyrgyz", "Kirghiz"]},
    "LAO": {"names": ["Lao PDR", "Laos"], "demonyms": ["Lao", "Laotian"]},
    "LVA": {"demonyms": ["Latvian"]},
    "LBN": {"demonyms": ["Lebanese"]},
    "LBY": {"demonyms": ["Libyan"]},
    "LTU": {"demonyms": ["Lithuanian"]},
    "MYS": {"demonyms": ["Malaysian"]},
    "MDV": {"demonyms": ["Maldivian"]},
    "MLI": {"demonyms": ["Malian"]},
    "MRT": {"demonyms": ["Mauritanian"]},
    "MUS": {"demonyms": ["Mauritian"]},
    "MEX": {"demonyms": ["Mexican"]},
    "FSM": {"names": ["Micronesia"], "demonyms": ["Micronesian"]},
    "MNG": {"demonyms": ["Mongolian"]},
    "MAR": {"demonyms": ["Moroccan"]},
    "MOZ": {"demonyms": ["Mozambican"]},
    "MMR": {"names": ["Burma"], "demonyms": ["Myanmar", "Burmese"]},
    "NPL": {"demonyms": ["Nepali", "Nepalese"]},
    "NLD": {"names": ["The Netherlands"], "demonyms": ["Dutch"]},
    "NZL": {"demonyms": ["New Zealand"]},
    "NER": {"demonyms": ["Nigerien"]},
    "NGA": {"demonyms": ["Nigerian"]},
    "NIU": {"demonyms": ["Niuean"]},
    "NOR": {"demonyms": ["Norwegian"]},
    "OMN": {"demonyms": ["Omani"]},
    "PAK": {"demonyms": ["Pakistani"]},
    "PSE": {"demonyms": ["Palestinian"]},
    "PNG": {"names": ["PNG"], "demonyms": ["Papua New Guinean"]},
    "PER": {"demonyms": ["Peruvian"]},
    "PHL": {"names": ["The Philippines"], "demonyms": ["Philippine", "Filipino"]},
    "POL": {"demonyms": ["Polish"]},
    "PRT": {"demonyms": ["Portuguese"]},
    "QAT": {"demonyms": ["Qatari"]},
    "ROU": {"demonyms": ["Romanian"]},
    "RUS": {"names": ["Russia"], "demonyms": ["Russian"]},
    "RWA": {"demonyms": ["Rwandan"]},
    "WSM": {"demonyms": ["Samoan"]},
    "SAU": {"names": ["Saudi Arabia", "Kingdom of Saudi Arabia"], "demonyms": ["Saudi"]},
    "SEN": {"demonyms": ["Senegalese"]},
    "SRB": {"demonyms": ["Serbian"]},
    "SGP": {"demonyms": ["Singaporean"]},
    "SVK": {"demonyms": ["Slovak"]},
    "SVN": {"demonyms": ["Slovenian"]},
    "SLB": {"demonyms": ["Solomon Islands"]},
    "SOM": {"demonyms": ["Somali"]},
    "ZAF": {"demonyms": ["South African"]},
    "SSD": {"demonyms": ["South Sudanese"]},
    "ESP": {"demonyms": ["Spanish"]},
    "LKA": {"demonyms": ["Sri Lankan"]},
    "SDN": {"demonyms": ["Sudanese"]},
    "SWE": {"demonyms": ["Swedish"]},
    "CHE": {"demonyms": ["Swiss"]},
    "SYR": {"demonyms": ["Syrian"]},
    "TJK": {"demonyms": ["Tajik", "Tajikistani"]},
    "TZA": {"demonyms": ["Tanzanian"]},
    "THA": {"demonyms": ["Thai"]},
    "TLS": {"names": ["East Timor"], "demonyms": ["Timorese"]},
    "TON": {"demonyms": ["Tongan"]},
    "TUN": {"demonyms": ["Tunisian"]},
    "TUR": {"names": ["Turkey", "Turkiye"], "demonyms": ["Turkish"]},
    "TKM": {"demonyms": ["Turkmen"]},
    "UGA": {"demonyms": ["Ugandan"]},
    "UKR": {"demonyms": ["Ukrainian"]},
    "ARE": {"names": ["UAE", "the Emirates"], "demonyms": ["Emirati"]},
    "GBR": {"names": ["UK", "U.K.", "Britain", "Great Britain"], "demonyms": ["British"]},
    "USA": {"names": ["US", "U.S.", "USA", "U.S.A.", "America"], "demonyms": ["American"]},
    "URY": {"demonyms": ["Uruguayan"]},
    "UZB": {"demonyms": ["Uzbek", "Uzbekistani"]},
    "VUT": {"demonyms": ["Vanuatuan", "Ni-Vanuatu"]},
    "VEN": {"demonyms": ["Venezuelan"]},
    "VNM": {"names": ["Vietnam", "Viet Nam", "Việt Nam"], "demonyms": ["Vietnamese"]},
    "YEM": {"demonyms": ["Yemeni"]},
    "ZMB": {"demonyms": ["Zambian"]},
    "ZWE": {"demonyms": ["Zimbabwean"]},
}

# Territories whose foreign affairs are conducted by another state: their officials represent that state
# (a Faroese or Greenlandic minister sits in the Danish delegation).
REPRESENTED_BY: dict[str, str] = {
    "FRO": "DNK", "GRL": "DNK", "HKG": "CHN", "MAC": "CHN", "ABW": "NLD", "CUW": "NLD", "SXM": "NLD",
    "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA",
}


def iso_names(country: object) -> list[str]:
    """Names pycountry gives for one country, with "X, Y of" inverted to "Y of X" and a leading "the" dropped.

    "Korea, Republic of" → ["Korea, Republic of", "Republic of Korea"]
    """
    raw = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    names: list[str] = []
    for name in raw:
        if not name:
            continue
        variants = [name]
        if ", " in name:
            head, tail = name.split(", ", 1)
            variants.append(f"{tail} {head}")
        for variant in variants:
            if variant.lower().startswith("the "):
                variant = variant[4:]
            if variant not in names:
                names.append(variant)
    return names


def build() -> dict:
    """The JSON document: one entry per ISO country, base names from pycountry and supplement marked apart."""
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        extra = SUPPLEMENT.get(country.alpha_3, {})
        entries.append({
            "alpha3": country.alpha_3,
            "name": getattr(country, "common_name", None) or country.name,
            "iso_names": iso_names(country),
            "supplement_names": extra.get("names", []),
            "demonyms": extra.get("demonyms", []),
        })
    return {
        "sources": {
            "iso_names": f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".strip()
            + " (ISO 3166-1)",
            "supplement_names, demonyms, represented_by": "curated general knowledge in build_countries.SUPPLEMENT",
        },
        "countries": entries,
        "represented_by": REPRESENTED_BY,
    }


def main() -> None:
    OUTPUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

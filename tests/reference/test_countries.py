"""Country gazetteer: names, short names, demonyms and possessives resolve to ISO alpha-3."""

from __future__ import annotations

import pytest

from pipeline.reference.countries import country_code, country_kind, find_countries, represented_state


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"), ("the Russian Federation", "RUS"), ("Russian", "RUS"), ("Russia's", "RUS"),
        ("Lao PDR", "LAO"), ("Laos", "LAO"), ("Lao", "LAO"), ("Kyrgyz", "KGZ"), ("the Kyrgyz Republic", "KGZ"),
        ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Viet Nam", "VNM"), ("Vietnam", "VNM"), ("Vietnamese", "VNM"),
        ("the United States of America", "USA"), ("U.S.", "USA"), ("the UAE", "ARE"),
        ("Republic of Korea", "KOR"), ("Saint Vincent and the Grenadines", "VCT"), ("Côte d'Ivoire", "CIV"),
        ("the Federated States of Micronesia", "FSM"), ("People's Republic of China", "CHN"), ("Chinese", "CHN"),
    ],
)
def test_alias_resolves_to_iso_code(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Korea", "Asian", "Central Asia", "chad", "Foreign Minister"])
def test_non_state_or_ambiguous_text_gives_none(text: str) -> None:
    assert country_code(text) is None


def test_kinds_distinguish_name_demonym_and_possessive() -> None:
    assert [country_kind(t) for t in ("Kazakhstan", "Kazakh", "Kazakhstan's")] == ["name", "demonym", "possessive"]


def test_find_countries_prefers_longest_alias_and_respects_word_boundaries() -> None:
    text = "ministers of Papua New Guinea, Nigeria and Niger met Guinea's envoy"
    assert [(text[m.start:m.end], m.code) for m in find_countries(text)] == [
        ("Papua New Guinea", "PNG"), ("Nigeria", "NGA"), ("Niger", "NER"), ("Guinea's", "GIN"),
    ]


def test_territory_official_represents_sovereign_state() -> None:
    assert represented_state(country_code("Faroese")) == "DNK"
    assert represented_state("KAZ") == "KAZ"

"""Topic gazetteer: one proposal text in, topic labels from the contract's vocabulary out."""

from __future__ import annotations

import pytest

from pipeline.extract.model import TOPICS
from pipeline.extract.topics import meeting_theme, topics_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("set up a joint centre for vaccine research and epidemic prevention", ["health"]),
        ("fight terrorism, separatism and extremism along the border", ["security"]),
        ("expand cross-border e-commerce and open markets for farm produce", ["trade"]),
        ("accelerate the construction of a land-sea transport corridor", ["connectivity"]),
        ("cooperate in artificial intelligence, big data and 5G", ["technology"]),
        ("uphold the UN-centred international system and oppose unilateralism", ["multilateralism"]),
        ("promote people-to-people exchanges and mutual learning among civilizations", ["culture"]),
        ("cut emissions and protect the marine environment", ["climate"]),
        ("help the Afghan people through a difficult winter", ["regional_issue"]),
        ("lift poverty and promote economic recovery", ["development"]),
    ],
)
def test_keyword_gives_topic(text: str, expected: list[str]) -> None:
    assert topics_for(text) == expected


def test_nothing_recognisable_is_other() -> None:
    assert topics_for("revoke the registration of the outlets") == ["other"]


def test_tie_gives_two_topics_in_vocabulary_order() -> None:
    assert topics_for("carry out joint projects to protect livelihoods from climate change") == [
        "development", "climate",
    ]


def test_every_label_is_in_the_contract_vocabulary() -> None:
    samples = ["anything at all", "health and trade and security", "Afghan refugees and drought"]
    assert all(set(topics_for(s)) <= set(TOPICS) for s in samples)


def test_crisis_theme_is_added_to_each_item() -> None:
    report = ("The neighbours of Afghanistan met on the Afghan crisis. They discussed Afghanistan's "
              "reconstruction, aid to the Afghan people and the Taliban's interim government in Kabul.")
    theme = meeting_theme(report)
    assert theme == "regional_issue"
    assert topics_for("step up humanitarian assistance", theme) == ["development", "regional_issue"]


def test_passing_crisis_mention_is_no_theme() -> None:
    report = ("The ministers discussed trade, investment, health cooperation, vaccines, connectivity, "
              "climate change, digital economy and, briefly, Afghanistan.")
    assert meeting_theme(report) is None

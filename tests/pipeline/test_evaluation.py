"""The project's own scorer: a perfect prediction scores 1, misses and wrong dates cost what they should."""

from __future__ import annotations

import json

from pipeline.evaluation import same_person, score_tables, tokens
from pathlib import Path

SEEDS_GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds.gold.json"


def _perfect_prediction(gold: dict) -> dict[str, list[dict]]:
    meetings = [{"meeting_id": g["key"], "date": g["date"], "organization": g["organization"], "name": g["name"]}
                for g in gold["meetings"]]
    attendees = [{"meeting_id": a["meeting"], "name": a.get("name"), "country": a.get("country"), "title": a.get("title"),
                  "organization": a.get("organization")} for a in gold["attendees"] if not a.get("optional")]
    proposals = [{"meeting_id": p["meeting"], "text": p["keywords"]} for p in gold["proposals"] if not p.get("optional")]
    return {"meetings": meetings, "attendees": attendees, "proposals": proposals}


def test_perfect_prediction_scores_one() -> None:
    gold = json.loads(SEEDS_GOLD.read_text())
    report = score_tables(gold, _perfect_prediction(gold))
    assert report["overall_f1"] == 1.0


def test_a_meeting_on_the_wrong_day_matches_nothing_and_takes_its_rows_with_it() -> None:
    gold = json.loads(SEEDS_GOLD.read_text())
    tables = _perfect_prediction(gold)
    tables["meetings"][0]["date"] = "1999-01-01"
    report = score_tables(gold, tables)
    assert report["meetings"]["fn"] == 1 and report["meetings"]["fp"] == 1
    assert report["attendees"]["f1"] < 1.0


def test_name_matching_allows_initials_and_accents() -> None:
    assert same_person("Subrahmanyam Jaishankar", "S. Jaishankar")
    assert same_person("António Guterres", "Antonio Guterres")
    assert not same_person("Wang Yi", "Sergei Lavrov")


def test_tokens_drop_stop_words_and_stem() -> None:
    assert tokens("the establishment of green channels") == ["establishment", "green", "channel"]

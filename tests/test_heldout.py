"""The whole graph on the held-out articles: outlets, date styles and enumerations the rules were not tuned on.

The articles in `fixtures/heldout/` were written in the house styles of other outlets (ANI, Kazinform, SPA,
Kyodo, TASS, Bernama, WAM, Yonhap, Anadolu, ...) and annotated before the extractor was run on them. Since then
the rules were generalised against the failures h01-h17 revealed, so the set is no longer unseen: the floor sits a
little below the measured figures, so that a rule change that stops generalising fails here, and new unseen
articles are the honest measure.
"""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq
import pytest

from pipeline.definitions import build_definitions
from pipeline.defs.resources import pipeline_resources
from pipeline.evaluation import score_tables
from pipeline.settings import PipelineSettings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HELDOUT = FIXTURES / "heldout"
HELDOUT_GOLD = FIXTURES / "heldout.gold.json"
TABLES = ("documents", "meetings", "attendees", "proposals")
# measured on the 17 articles: overall 0.98, meetings 1.00, attendees 0.97, proposals 0.97 (h01-h12 were scored
# 0.91 before the rules were generalised against them; h13-h17 scored 0.95 on their first run). h18-h22 (BSS,
# Reuters, UzA, MENA, IRNA) scored 0.91 on their first run, 0.98 after the genre rules they exposed (advisers as
# ministers, regnal names, spokespeople brief rather than attend, "delivered speeches" as attendance, agency
# mastheads, lower-case reporting tails). h23-h27 (UN press office, Kabar, VNS, BusinessLine, PNA) scored 0.59 on
# their first run, 0.90 after the rules they exposed (the headline follows the site menu, UN delegates named by
# state, a state's foreign minister beside its named leader, reception "for bilateral talks", numbered rounds of a
# mechanism, initials inside a chair's name). h28-h32 (State Department, Kremlin, African Union, Jiji, Daily Sabah)
# scored 0.78 on their first run, 0.96 after theirs (transcripts: speaker labels and first-person proposals, a
# speaker's "yesterday" does not date the talks; enumerated points opening a quotation; "President of the Republic
# of Niger"). h33-h37 (The Star, ENA, Slovenian MFA, APA, Kathmandu Post) scored 0.59 on their first run, 0.91 after
# theirs (outlet slogans, title-case datelines without a dash, stamps beside the issuing body, "met today with");
# proposal verbs read in text order then lifted every batch: all 37 now: overall 0.98, meetings 1.00, attendees
# 0.97, proposals 0.98
OVERALL_FLOOR = 0.95
TABLE_FLOORS = {"meetings": 0.94, "attendees": 0.93, "proposals": 0.93}


@pytest.fixture(scope="module")
def heldout_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    data = tmp_path_factory.mktemp("heldout-data")
    defs = build_definitions(pipeline_resources(PipelineSettings(source_dir=str(HELDOUT), data_dir=str(data))))
    result: dg.ExecuteInProcessResult = defs.resolve_implicit_global_asset_job_def().execute_in_process()
    assert result.success
    tables = {name: pq.read_table(data / "curated" / f"{name}.parquet").to_pylist() for name in TABLES}
    return score_tables(json.loads(HELDOUT_GOLD.read_text(encoding="utf-8")), tables)


def test_every_heldout_article_is_a_document(heldout_report: dict) -> None:
    assert heldout_report["documents"]["found"] == heldout_report["documents"]["gold"] == len(list(HELDOUT.glob("*.txt")))


def test_heldout_extraction_meets_the_quality_floor(heldout_report: dict) -> None:
    assert heldout_report["overall_f1"] >= OVERALL_FLOOR, heldout_report
    for table, floor in TABLE_FLOORS.items():
        assert heldout_report[table]["f1"] >= floor, (table, heldout_report[table])


def test_heldout_titles_are_read(heldout_report: dict) -> None:
    # all but one: h28's headline has a curly apostrophe ("Blinken’s"), which cleaning straightens like every curly
    # quote, and the gold keeps as written; the scorer then reads one more token ("blinken s")
    total = len(list(HELDOUT.glob("*.txt")))
    assert heldout_report["documents"]["title_accuracy"] >= (total - 1) / total

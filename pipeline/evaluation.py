"""Score published tables against gold annotations (the contract's gold format and matching rules).

Matching, in short: a meeting matches a gold meeting on the same date that shares the body, a distinctive
name word or a named participant; attendees match within matched meetings on country and name; proposals
match within matched meetings when ≥ 60% of the gold keywords occur in the text; optional gold rows count
neither as misses nor as false positives. One-to-one, best first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path
from typing import Any

STOP_WORDS = frozenset(
    "a an the of to in on for and or with at by from as is are be was were its it this that "
    "their our we both all each other into over under via".split()
)
GENERIC_NAME_WORDS = frozenset(
    "foreign minister ministers meeting meetings conference video link talks council session summit dialogue "
    "virtual ministerial high level joint special held first second third fourth fifth sixth seventh eighth "
    "ninth tenth eleventh twelfth inaugural annual extraordinary affairs state states member countries".split()
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
KEYWORD_COVER = 0.6
# letters that NFKD does not split into a base letter and an accent
TRANSLITERATION = str.maketrans({"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
                                 "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe"})
Row = dict[str, Any]


def fold(text: str) -> str:
    """Lower case without accents: 'António' → 'antonio'."""
    text = text.translate(TRANSLITERATION)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ing", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: object) -> list[str]:
    """Content tokens: folded, stop words dropped, crudely stemmed."""
    if not text:
        return []
    words = re.findall(r"[a-z0-9]+", fold(str(text)).replace("&", " and "))
    return [stem(w) for w in words if w not in STOP_WORDS]


def _as_list(value: object) -> list[object]:
    if value is None:
        return [None]
    return value if isinstance(value, list) else [value]


def _day(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def same_person(gold_name: str | None, name: str | None) -> bool:
    """Same surname (one-letter variants allowed) and compatible given names or initials."""
    if not gold_name or not name:
        return False
    gold = [w for w in re.findall(r"[a-z]+", fold(gold_name)) if w not in NAME_SUFFIXES]
    pred = [w for w in re.findall(r"[a-z]+", fold(name)) if w not in NAME_SUFFIXES]
    if not gold or not pred:
        return False
    if gold[-1] != pred[-1] and difflib.SequenceMatcher(None, gold[-1], pred[-1]).ratio() < 0.85:
        return False
    if not gold[:-1] or not pred[:-1]:
        return True
    first = gold[0]
    return any(first == other or (len(first) == 1 and other.startswith(first)) or (len(other) == 1 and first.startswith(other))
               or difflib.SequenceMatcher(None, first, other).ratio() >= 0.8 for other in pred[:-1])


def _one_to_one(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    used_gold, used_pred, matched = set(), set(), {}
    for _, gi, pi in sorted(pairs, key=lambda t: -t[0]):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            matched[gi] = pi
    return matched


def _table_scores(matched: dict[int, int], gold: list[Row], predicted: int) -> dict[str, float | int]:
    optional = {i for i, g in enumerate(gold) if g.get("optional")}
    tp = sum(1 for gi in matched if gi not in optional)
    fn = sum(1 for gi in range(len(gold)) if gi not in optional and gi not in matched)
    fp = predicted - len(matched)
    precision, recall, f1 = prf(tp, fp, fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def match_meetings(gold: dict[str, Any], meetings: list[Row], attendees: list[Row]) -> dict[int, int]:
    """Gold meeting index → predicted meeting index."""
    people: dict[str, list[str]] = {}
    for row in attendees:
        if row.get("name"):
            people.setdefault(row["meeting_id"], []).append(row["name"])
    gold_people: dict[str, list[str]] = {}
    for row in gold["attendees"]:
        if row.get("name"):
            gold_people.setdefault(row["meeting"], []).append(row["name"])
    generic = {stem(w) for w in GENERIC_NAME_WORDS}

    def distinctive(*parts: object) -> set[str]:
        return {t for part in parts for t in tokens(part)} - generic

    pairs = []
    for gi, g in enumerate(gold["meetings"]):
        gold_words = distinctive(g.get("organization"), g.get("name"))
        for pi, p in enumerate(meetings):
            if _day(p.get("date")) != g["date"]:
                continue
            same_body = bool(g.get("organization")) and fold(str(g["organization"])) == fold(str(p.get("organization") or ""))
            shared_words = len(gold_words & distinctive(p.get("organization"), p.get("organization_name"), p.get("name")))
            shared_people = sum(any(same_person(gn, pn) for pn in people.get(p["meeting_id"], []))
                                for gn in gold_people.get(g["key"], []))
            if same_body or shared_words or shared_people:
                pairs.append((3 * same_body + shared_words + shared_people, gi, pi))
    return _one_to_one(pairs)


def score_tables(gold: dict[str, Any], tables: dict[str, list[Row]]) -> dict[str, Any]:
    """Precision, recall, F1 per table, document field accuracies and the overall F1 (mean of the three tables)."""
    documents, meetings = tables.get("documents", []), tables.get("meetings", [])
    attendees, proposals = tables.get("attendees", []), tables.get("proposals", [])
    by_file = {Path(str(d.get("source_path") or "")).name: d for d in documents}
    gold_docs = gold["documents"]
    title_ok = sum(tokens(by_file[g["file"]].get("title")) == tokens(g["title"]) for g in gold_docs if g["file"] in by_file)
    date_ok = sum(_day(by_file[g["file"]].get("published_at")) == g.get("published_date") for g in gold_docs if g["file"] in by_file)
    report: dict[str, Any] = {"documents": {
        "found": sum(g["file"] in by_file for g in gold_docs), "gold": len(gold_docs),
        "title_accuracy": title_ok / len(gold_docs) if gold_docs else None,
        "published_date_accuracy": date_ok / len(gold_docs) if gold_docs else None,
    }}
    meeting_map = match_meetings(gold, meetings, attendees)
    report["meetings"] = _table_scores(meeting_map, gold["meetings"], len(meetings))
    gold_key_of = {meetings[pi]["meeting_id"]: gold["meetings"][gi]["key"] for gi, pi in meeting_map.items()}

    pairs = []
    for gi, g in enumerate(gold["attendees"]):
        for pi, p in enumerate(attendees):
            if gold_key_of.get(p.get("meeting_id")) != g["meeting"]:
                continue
            if g.get("name"):
                if same_person(g["name"], p.get("name")) and g.get("country") in (None, p.get("country")):
                    pairs.append((2.0, gi, pi))
            elif g.get("country"):
                if p.get("country") == g["country"]:
                    pairs.append((1.5 if not p.get("name") else 1.0, gi, pi))
            else:
                overlap = len(set(tokens(g.get("title"))) & set(tokens(p.get("title"))))
                if (g.get("organization") or "").lower() == (p.get("organization") or "").lower() and overlap:
                    pairs.append((1.0 + overlap / 10, gi, pi))
    attendee_map = _one_to_one(pairs)
    report["attendees"] = _table_scores(attendee_map, gold["attendees"], len(attendees))

    pairs = []
    for gi, g in enumerate(gold["proposals"]):
        keywords = set(tokens(g["keywords"]))
        for pi, p in enumerate(proposals):
            if gold_key_of.get(p.get("meeting_id")) != g["meeting"] or not keywords:
                continue
            cover = len(keywords & set(tokens(p.get("text")))) / len(keywords)
            if cover >= KEYWORD_COVER:
                pairs.append((cover, gi, pi))
    proposal_map = _one_to_one(pairs)
    report["proposals"] = _table_scores(proposal_map, gold["proposals"], len(proposals))
    report["overall_f1"] = sum(report[t]["f1"] for t in ("meetings", "attendees", "proposals")) / 3
    report["matches"] = {"meetings": meeting_map, "attendees": attendee_map, "proposals": proposal_map}
    return report


def score_summary(report: dict[str, Any]) -> dict[str, float]:
    """Flat figures for metadata and logs."""
    summary = {"overall_f1": round(report["overall_f1"], 4)}
    for table in ("meetings", "attendees", "proposals"):
        for measure in ("precision", "recall", "f1"):
            summary[f"{table}_{measure}"] = round(report[table][measure], 4)
    for field in ("title_accuracy", "published_date_accuracy"):
        value = report["documents"][field]
        if value is not None:
            summary[f"documents_{field}"] = round(value, 4)
    return summary

"""Deterministic synthetic corpora built from the bundled seed articles.

Every document is a seed article rewritten: boilerplate varied, body paragraphs shuffled and borrowed from
other seeds until a target length (~3 KB on average), people, bodies, countries, ordinals and dates
substituted from lists, a few words swapped for synonyms and sentences with random figures appended, so
that the text is varied enough that no cache or compressor sees the same paragraph over and over.

Document `i` depends only on the seeds, `i` and `GENERATOR_VERSION`: the 1k corpus is the first 1,000
documents of the 10k corpus, and a re-run writes the same bytes.

    python -m benchmarks.corpus 10000        # writes benchmarks/corpora/docs-10000/
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
CORPORA_DIR = PROJECT_ROOT / "benchmarks" / "corpora"
GENERATOR_VERSION = "1"
LONG_LINE = 150  # a seed line this long is body text; shorter lines before the body are the header

PEOPLE = {
    "Wang Yi": ["Sergey Lavrov", "Subrahmanyam Jaishankar", "Retno Marsudi", "Mauro Vieira", "Naledi Pandor",
                "Mukhtar Tileuberdi", "Jeenbek Kulubaev", "Sirojiddin Muhriddin", "Rashid Meredov", "Bakhtiyor Saidov",
                "Penny Wong", "Vivian Balakrishnan", "Hakan Fidan", "Ahmed Attaf", "Marcelo Ebrard"],
    "Sergei Lavrov": ["Wang Yi", "Murat Nurtleu", "Jeenbek Kulubaev", "Vladimir Norov", "Bilawal Bhutto Zardari"],
    "Murat Nurtleu": ["Ararat Mirzoyan", "Jeyhun Bayramov", "Sergei Aleinik", "Hossein Amir-Abdollahian"],
    "Liu Yang": ["Zhang Wei", "Anna Petrova", "Ravi Kumar", "Maria Santos"],
}
BODIES = [
    ("CICA", "Conference on Interaction and Confidence Building Measures in Asia"),
    ("SCO", "Shanghai Cooperation Organization"),
    ("BRICS", "BRICS"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("APEC", "Asia-Pacific Economic Cooperation"),
    ("G20", "Group of Twenty"),
    ("LMC", "Lancang-Mekong Cooperation"),
    ("CSTO", "Collective Security Treaty Organization"),
    ("OIC", "Organisation of Islamic Cooperation"),
    ("GCC", "Gulf Cooperation Council"),
]
SEED_BODIES = {"CICA": BODIES[0], "SCO": BODIES[1]}
COUNTRIES = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia", "Afghanistan",
             "India", "Pakistan", "Iran", "Mongolia", "Viet Nam", "Thailand", "Indonesia", "Malaysia", "Brazil",
             "South Africa", "Egypt", "Türkiye", "Azerbaijan", "Belarus", "Cambodia", "Laos", "Myanmar", "Qatar"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "11th", "12th", "15th", "20th", "23rd", "29th"]
SYNONYMS = {
    "important": "significant", "promote": "advance", "strengthen": "enhance", "cooperation": "collaboration",
    "stressed": "underlined", "noted": "pointed out", "jointly": "together", "firmly": "resolutely",
    "deepen": "broaden", "common": "shared", "support": "back", "countries": "nations", "region": "area",
    "development": "growth", "should": "ought to", "continue": "keep", "build": "forge", "great": "high",
}
HEADERS = ["Home > News & Events", "Home > Headlines", "Home > Foreign Affairs > Activities",
           "عربي Español Русский Français 简体中文", "Print | Text Size: A A A", "", "", ""]
FOOTERS = ["<Suggest To A Friend>", "Suggest to a friend:", "Editor: {editor}", "[Print] [Close]",
           "Share this article", "(Web editor: {editor})", "", ""]
EDITORS = ["Zhang Kaiwei", "Liang Jun", "Wu Chengliang", "Du Mingming", "Bianji"]
FIGURE_SENTENCES = [
    " Trade between the two sides reached {a}.{b} billion U.S. dollars in {year}, up {p} percent year on year.",
    " More than {n} projects worth about {a} billion dollars were signed during the visit.",
    " The two sides held {n} rounds of consultations at the vice-ministerial level since {year}.",
    " About {n},{b}00 students and {p} cultural delegations took part in exchanges last year.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBREVIATIONS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_WORD = "|".join(MONTHS)
_MONTH_ABBREVIATION = r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\."
# date formats the seeds use; each match is re-rendered in the same format from the document's date
DATE_PATTERN = re.compile(
    rf"(?P<dmy>\b\d{{1,2}}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{{4}}\b)"
    rf"|(?P<mdy>\b(?:{_MONTH_WORD}|{_MONTH_ABBREVIATION}) \d{{1,2}}(?:, \d{{4}})?(?!\d))"
    rf"|(?P<dm>\b\d{{1,2}} (?:{_MONTH_WORD})\b)"
    rf"|(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b)"
)


@dataclass(frozen=True)
class SeedArticle:
    """A seed split into header lines, body paragraphs and footer lines."""

    header: list[str]
    body: list[str]
    footer: list[str]


def split_seed(text: str) -> SeedArticle:
    """Header = short lines before the first long one; footer = short lines after the last long one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    long_rows = [i for i, line in enumerate(lines) if len(line) >= LONG_LINE]
    first, last = long_rows[0], long_rows[-1]
    return SeedArticle(lines[:first], lines[first:last + 1], lines[last + 1:])


def load_seeds(seeds_dir: Path = SEEDS_DIR) -> list[SeedArticle]:
    """The seed articles in file-name order."""
    return [split_seed(path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.txt"))]


def _render_date(kind: str, original: str, day: dt.date) -> str:
    if kind == "dmy":
        return f"{day.day}-{day.strftime('%b')}-{day.year}"
    if kind == "dm":
        return f"{day.day} {MONTHS[day.month - 1]}"
    if kind == "weekday":
        return WEEKDAYS[day.weekday()]
    month = MONTH_ABBREVIATIONS[day.month - 1] if "." in original.split(" ")[0] else MONTHS[day.month - 1]
    return f"{month} {day.day}, {day.year}" if "," in original else f"{month} {day.day}"


def _with_dates(text: str, day: dt.date) -> str:
    return DATE_PATTERN.sub(lambda m: _render_date(m.lastgroup or "", m.group(0), day), text)


def _substitute(text: str, replacements: dict[str, str]) -> str:
    if not replacements:
        return text
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: replacements[m.group(0)], text)


def _replacements(rng: random.Random) -> dict[str, str]:
    """One consistent set of substitutions for a whole document."""
    table: dict[str, str] = {}
    for person, others in PEOPLE.items():
        new = rng.choice(others + [person])
        table[person] = new
        table[person.split()[0] if person == "Wang Yi" else person.split()[-1]] = new.split()[-1]
    for short, (original_short, original_full) in SEED_BODIES.items():
        new_short, new_full = rng.choice(BODIES)
        table[original_short] = new_short
        table[original_full] = new_full
    for country in rng.sample(COUNTRIES[:7], 3):
        table[country] = rng.choice(COUNTRIES)
    table["seventh"] = rng.choice(ORDINALS)
    for word, synonym in SYNONYMS.items():
        if rng.random() < 0.4:
            table[word] = synonym
    return table


def _figures(rng: random.Random) -> str:
    template = rng.choice(FIGURE_SENTENCES)
    return template.format(a=rng.randint(2, 950), b=rng.randint(1, 9), p=rng.randint(2, 40), n=rng.randint(2, 90),
                           year=rng.randint(2012, 2024))


def generate_document(seeds: list[SeedArticle], index: int) -> str:
    """Document number `index` of every corpus: same seeds and index, same text."""
    rng = random.Random(f"bench-{GENERATOR_VERSION}-{index}")
    base = rng.randrange(len(seeds))
    seed = seeds[base]
    meeting_day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
    published = meeting_day + dt.timedelta(days=rng.choice((0, 0, 1)))
    target = int(rng.triangular(900, 4800, 1700))
    lead, rest = seed.body[0], seed.body[1:]
    rng.shuffle(rest)
    if len(rest) > 2 and rng.random() < 0.3:
        rest.pop()
    body = [lead] + rest
    while sum(len(p) for p in body) < target:
        donor = seeds[rng.randrange(len(seeds))]
        body.append(rng.choice(donor.body[1:] or donor.body))
    while len(body) > 1 and sum(len(p) for p in body) > target * 1.15:
        body.pop()
    body = [p + _figures(rng) if rng.random() < 0.45 else p for p in body]
    replacements = _replacements(rng)
    header = [h for h in [rng.choice(HEADERS)] if h] + [_with_dates(line, published) for line in seed.header
                                                         if not line.startswith(("Home >", "عربي"))]
    footer = [f.format(editor=rng.choice(EDITORS)) for f in [rng.choice(FOOTERS)] if f]
    paragraphs = header + [_with_dates(p, meeting_day) for p in body] + footer
    return _substitute("\n\n".join(paragraphs), replacements) + "\n"


def corpus_dir(size: int, root: Path = CORPORA_DIR) -> Path:
    """Where the corpus of `size` documents lives."""
    return root / f"docs-{size}"


def generator_fingerprint(seeds_dir: Path = SEEDS_DIR) -> str:
    """Changes when the generator or a seed changes, so a stale corpus is rebuilt."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(seeds_dir.glob("*.txt")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_name(index: int) -> str:
    """File name of document `index` (sorted names follow the index)."""
    return f"doc_{index:06d}.txt"


def ensure_corpus(size: int, root: Path = CORPORA_DIR, seeds_dir: Path = SEEDS_DIR) -> Path:
    """The corpus of `size` documents, generated unless an up-to-date copy exists; returns its folder."""
    folder = corpus_dir(size, root)
    stamp = folder.with_suffix(".stamp")  # outside the folder: the pipeline would ingest it
    fingerprint = generator_fingerprint(seeds_dir)
    if folder.is_dir() and stamp.exists() and stamp.read_text() == fingerprint:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    stamp.unlink(missing_ok=True)
    partial = folder.with_name(folder.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    seeds = load_seeds(seeds_dir)
    for index in range(size):
        (partial / document_name(index)).write_text(generate_document(seeds, index), encoding="utf-8")
    os.replace(partial, folder)
    stamp.write_text(fingerprint)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Write synthetic corpora under benchmarks/corpora/.")
    parser.add_argument("sizes", type=int, nargs="+", help="numbers of documents, e.g. 1000 10000")
    for size in parser.parse_args().sizes:
        print(ensure_corpus(size))


if __name__ == "__main__":
    main()

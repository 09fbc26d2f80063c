"""The two yardsticks every pipeline figure is divided by.

- the floor: read every file and split all text into sentences with one compiled regex; nothing a
  rules pipeline does can be cheaper than reading its input and scanning it once;
- spaCy: what a user would otherwise reach for, a `blank("en")` pipeline with the sentencizer and an
  EntityRuler over the same gazetteers the pipeline uses (countries, demonyms, bodies, office holders,
  office titles), run with `nlp.pipe`.

Both read the same files the pipeline reads, in one process.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
SPACY_BATCH_SIZE = 256


def source_paths(folder: Path) -> list[Path]:
    """Every file of a corpus folder, sorted."""
    return sorted(Path(entry.path) for entry in os.scandir(folder) if entry.is_file())


def read_texts(folder: Path) -> list[str]:
    """The decoded text of every file."""
    return [path.read_bytes().decode("utf-8", errors="replace") for path in source_paths(folder)]


def floor_pass(folder: Path) -> dict[str, int]:
    """Read every file and split its text into sentence spans with one regex: the least work a pipeline can do."""
    documents = sentences = characters = 0
    for path in source_paths(folder):
        text = path.read_bytes().decode("utf-8", errors="replace")
        start = 0
        spans = []
        for boundary in SENTENCE_END.finditer(text):
            spans.append((start, boundary.start() + 1))
            start = boundary.end()
        if start < len(text):
            spans.append((start, len(text)))
        documents += 1
        sentences += len(spans)
        characters += len(text)
    return {"documents": documents, "sentences": sentences, "characters": characters}


def gazetteer_phrases() -> dict[str, list[str]]:
    """The pipeline's own gazetteers as phrase lists by label, for the spaCy EntityRuler."""
    from pipeline.reference import countries, offices, organisations

    gazetteer = countries.gazetteer()
    titles = {f"{modifier} {head}" for modifier in offices.OFFICE_MODIFIERS for head in offices.OFFICE_HEADS}
    people = {alias for holder in offices.office_holders() for alias in (holder.name, *holder.aliases)}
    return {
        "GPE": sorted(set(gazetteer.names)),
        "NORP": sorted(set(gazetteer.demonyms)),
        "ORG": sorted({alias for org in organisations.organisations().values() for alias in (org.short, org.name, *org.aliases)}
                      | set(offices.ORGANISATION_ALIASES)),
        "PERSON": sorted(people),
        "TITLE": sorted(titles | set(offices.OFFICE_HEADS)),
    }


def spacy_pipeline():  # noqa: ANN201 - spacy.Language, imported lazily so the module loads without spaCy
    """blank("en") + sentencizer + EntityRuler with every gazetteer phrase as an exact-text pattern."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    patterns = [{"label": label, "pattern": phrase} for label, phrases in gazetteer_phrases().items() for phrase in phrases]
    ruler.add_patterns(patterns)
    return nlp


def spacy_pass(folder: Path, nlp=None) -> dict[str, int]:  # noqa: ANN001
    """Read every file and run the spaCy pipeline over it: sentence spans and gazetteer entities with offsets."""
    nlp = nlp or spacy_pipeline()
    documents = sentences = entities = characters = 0
    texts = (path.read_bytes().decode("utf-8", errors="replace") for path in source_paths(folder))
    for doc in nlp.pipe(texts, batch_size=SPACY_BATCH_SIZE):
        sentence_spans = [(s.start_char, s.end_char) for s in doc.sents]
        entity_spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        documents += 1
        sentences += len(sentence_spans)
        entities += len(entity_spans)
        characters += len(doc.text)
    return {"documents": documents, "sentences": sentences, "entities": entities, "characters": characters}

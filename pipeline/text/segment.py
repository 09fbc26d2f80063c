"""Paragraphs and sentences of a cleaned article, as character offsets into its `clean_text`.

A paragraph is a non-blank line (cleaning writes one paragraph per line). Sentences are found with one
compiled regex for candidate boundaries (end punctuation, closing quotes, space, capital or digit) and
a small decision over the token before the boundary: titles (`Mr.`), initials (`S. Jaishankar`,
`M.V. Ivanov`), month abbreviations before a day (`Dec. 17`), `No. 5`, dotted acronyms (`U.S.`) and
paragraph numbers (`2. The Ministers ...`) do not end a sentence.
"""

from __future__ import annotations

import re

SEGMENT_KINDS = ("heading", "paragraph", "sentence")

PARAGRAPH_RE = re.compile(r"[^\n]+")
# end punctuation, closing quotes/brackets, space; the next word starts upper-case, a digit or a quote (the token
# before the punctuation is read by position, which is much faster than capturing it in the pattern)
BOUNDARY_RE = re.compile(
    r"(?P<punct>[.!?]+)(?P<close>[\"'”’»)\]]*)(?P<space>\s+)"
    r"(?=[\"'“‘«(\[]?(?P<next>[A-Z0-9][\w'’-]*))"
)
# never end a sentence: they stand before a name
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    "mr mrs ms mx dr prof gen lt col maj capt cmdr cdr adm sgt cpl brig rep sen gov pres amb ambs st rev hon "
    "messrs mme mlle sr jr fr sheikh dep sec asst supt insp det".split()
)
# end a sentence only when a function word follows ("... in Dec. The talks ...")
MONTH_ABBREVIATIONS: frozenset[str] = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# before a number they are labels ("No. 5", "Art. 51", "para. 3")
NUMBER_LABELS: frozenset[str] = frozenset("no nos vol art para paras p pp fig ch sec op res ref tel".split())
# words that start a new sentence after an abbreviation that could also end one ("... the U.S. The ...")
SENTENCE_STARTERS: frozenset[str] = frozenset(
    "The A An He She It They We I You This That These Those There Here In On At But And However Meanwhile Also "
    "As After Before Since While When His Her Their Its Our My According Both Earlier Later Last Next For From "
    "To With By If Although Though Such Some Many Most All Other Another Each Every No Not Yet So Then Still "
    "Further Furthermore Moreover Besides Nevertheless Instead Thus Therefore Under Over During Despite Among "
    "Speaking Noting Addressing What Why How Who Where One Two Three First Second Third Finally".split()
)
ENUMERATOR_RE = re.compile(r"[(\[]?(?:\d{1,3}|[ivxlc]{1,5}|[IVXLC]{1,5}|[a-zA-Z])[)\]]?")
INITIALS_RE = re.compile(r"(?:[A-Z]\.)*[A-Z]")
DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
HEADING_STOPWORDS: frozenset[str] = frozenset("to the of and a an in is for with on at by or as that from".split())
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _ends_sentence(tok: str, punct: str, next_word: str, at_paragraph_start: bool) -> bool:
    """Whether the full stop after `tok` ends a sentence, given the word that follows.

    Example: _ends_sentence("Dec", ".", "17", False) -> False; _ends_sentence("said", ".", "Next", False) -> True
    """
    if "!" in punct or "?" in punct or len(punct) > 1:
        return True
    core = tok.lstrip("\"'“‘([«")
    lower = core.lower()
    if at_paragraph_start and ENUMERATOR_RE.fullmatch(tok):
        return False
    if lower in TITLE_ABBREVIATIONS:
        return False
    if lower in NUMBER_LABELS and next_word[:1].isdigit():
        return False
    if lower in MONTH_ABBREVIATIONS:
        return not next_word[:1].isdigit() and next_word in SENTENCE_STARTERS
    if INITIALS_RE.fullmatch(core) or DOTTED_ACRONYM_RE.fullmatch(core):
        return next_word in SENTENCE_STARTERS
    return True


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (a paragraph without leading or trailing space)."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in BOUNDARY_RE.finditer(text, start, end):
        if match.end() >= end:
            break
        tok_start = max(text.rfind(" ", start, match.start()), text.rfind("\t", start, match.start())) + 1
        tok_start = max(tok_start, start)
        tok = text[tok_start:match.start()]
        if _ends_sentence(tok, match.group("punct"), match.group("next"), tok_start == start):
            spans.append((sentence_start, match.start("space")))
            sentence_start = match.end()
    spans.append((sentence_start, end))
    return spans


def paragraph_spans(clean_text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding spaces.

    Example: paragraph_spans("Title\\n\\nBody one. Two.") -> [(0, 5), (7, 21)]
    """
    spans: list[tuple[int, int]] = []
    for match in PARAGRAPH_RE.finditer(clean_text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def sentence_spans(clean_text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in reading order; a heading counts as one sentence.

    Example: sentence_spans("BEIJING, Dec. 17 (Xinhua) -- Wang met Lavrov. He said so.")
    -> [(0, 46), (47, 58)]
    """
    return [span for start, end in paragraph_spans(clean_text) for span in _split_paragraph(clean_text, start, end)]


def is_heading(paragraph: str) -> bool:
    """A short title-like line without final punctuation (a headline or a sub-heading).

    Example: is_heading("Upholding multilateralism") -> True; is_heading("The third is to") -> False
    """
    words = WORD_RE.findall(paragraph)
    if not words or len(words) > 25 or len(paragraph) > 200:
        return False
    if paragraph.rstrip("\"'”’)]").endswith((".", "!", "?", ":", ";", ",", "--", "-", "–", "—")):
        return False
    first = paragraph.lstrip("\"'“‘([")[:1]
    return first.isupper() and words[-1].lower() not in HEADING_STOPWORDS


def split_segments(doc_id: str, clean_text: str) -> list[dict]:
    """One row per paragraph (kind "heading" or "paragraph") followed by one row per sentence in it.

    Example: split_segments("d1", "Talks held\\n\\nWang met Lavrov. They agreed.") ->
    [{"segment_id": "d1:p0", "kind": "heading", ...}, {"segment_id": "d1:p0:s0", "kind": "sentence", ...},
     {"segment_id": "d1:p1", "kind": "paragraph", ...}, {"segment_id": "d1:p1:s0", ...}, {"segment_id": "d1:p1:s1", ...}]
    """
    rows: list[dict] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(clean_text)):
        paragraph = clean_text[p_start:p_end]
        rows.append({
            "doc_id": doc_id, "segment_id": f"{doc_id}:p{p_index}",
            "kind": "heading" if is_heading(paragraph) else "paragraph",
            "paragraph_index": p_index, "sentence_index": None, "start": p_start, "end": p_end, "text": paragraph,
        })
        for s_index, (s_start, s_end) in enumerate(_split_paragraph(clean_text, p_start, p_end)):
            rows.append({
                "doc_id": doc_id, "segment_id": f"{doc_id}:p{p_index}:s{s_index}", "kind": "sentence",
                "paragraph_index": p_index, "sentence_index": s_index, "start": s_start, "end": s_end,
                "text": clean_text[s_start:s_end],
            })
    return rows

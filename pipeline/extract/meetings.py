"""Meetings a document reports: which ones, when, who chaired, in what format, what they adopted.

Genre conventions the rules encode:
- a readout names its meeting with a noun phrase ("the seventh foreign ministers' meeting of the CICA",
  "a China + Central Asia (C+C5) video conference") or reports bilateral talks ("X met with Y",
  "held talks with", "during talks in Tianjin"); later "the meeting", "the video conference" refer back;
- the meeting's day sits in the same sentence ("on Tuesday", "On 12 May", "today"), resolved against
  the dateline or stamp; a headline or stamp line never dates a meeting;
- meetings that are only placed in time are not reported: future ones ("will chair", "upcoming", "to be
  hosted"), ones recalled as background ("since the first meeting ... last July", "last met on
  November 30, 2020", "following a video conference in May"), ones a trip was made for ("to attend",
  "on the sidelines of"), and press conferences, receptions and domestic party meetings;
- a second meeting in one report gets its own paragraph (often under a short heading); attendees and
  proposals after that point belong to it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pipeline.extract.model import DocumentContext, MeetingMention, Span
from pipeline.extract.people import HONORIFIC_PREFIX, clean_name
from pipeline.reference.countries import country_name, find_countries
from pipeline.reference.offices import person_country
from pipeline.reference.organisations import find_organisations, full_name, meeting_organisation
from pipeline.text.dates import DATELINE_PREFIX, DateMention, document_anchor, find_date_mentions, infer_year, resolve_mention

# --- rule data -------------------------------------------------------------------------------------------

MEETING_HEAD = re.compile(
    r"(?<![\w-])(?P<head>(?i:video[- ]?conference|videoconference|meeting|conference|session|summit|talks|dialogue|"
    r"open debate|debate|consultations|gathering)|PMC)(?![\w-])"
)
# words that may stand between the determiner and the head of a meeting's name
NP_MODIFIERS = {
    "foreign", "ministers'", "ministers’", "minister's", "ministerial", "special", "high-level", "standalone",
    "virtual", "video", "online", "informal", "extraordinary", "annual", "regular", "emergency", "council",
    "trilateral", "bilateral", "joint", "leaders'", "leaders’", "level", "plus", "in-person", "face-to-face",
    "of", "and", "ministers", "affairs", "inaugural", "multilateral", "first-ever", "+", "-", "–", "—", "&",
    "strategic", "vice-ministerial", "political", "security", "economic", "tripartite", "quadrilateral",
    "quadripartite", "three-way", "four-way", "consultative",
}
DETERMINERS = {"the", "a", "an", "their", "its", "this", "his", "her", "our"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "inaugural": 1,
}
ROUND_OF = re.compile(r"(?i)\b(?P<ord>[\w'’]+)\s+(?:round|edition|iteration)\s+of\s+$")
ORDINAL_TOKEN = re.compile(r"^(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>[A-Za-z]+))$")
NOT_MEETINGS = re.compile(
    r"(?i)\b(?:press|news) (?:conference|briefing)|\breception\b|\bbanquet\b|\bdinner\b|\bluncheon\b|\bceremony\b|"
    r"\bpolitical bureau\b|\bpolitburo\b|\bcentral committee\b|\bnational people's congress\b|\bcppcc\b|"
    r"\bstate council executive\b|\bcabinet meeting\b|\bmeeting mechanism\b|\bmeetings? and events\b|"
    r"\b(?:phone|telephone) (?:call|talks|conversation)"
)
# the NP is not this document's meeting when these come right before it (same clause)
FUTURE_BEFORE = re.compile(
    r"(?i)\b(?:will|shall|would|is to|are to|is due to|are due to|plans? to|planned|is scheduled to|are scheduled to|"
    r"scheduled|upcoming|forthcoming|next|ready to|expected to|preparations? for|invited to|set to)\b[^.;]*$"
    # what the sides agreed to launch, hold or set up is a future item, never the meeting reported; the venue
    # of the agreement ("agreed to keep up the momentum at the fifth ... Meeting") is not the object
    r"|\b(?:agreed|agree|decided|decide|resolved|pledged|vowed|proposed|announced|plan|plans) (?:to|on)\b"
    r"(?:[^.;]*\b(?:to|and))?\s+(?:\w+ly\s+)?"
    r"(?:launch|launching|hold|holding|establish|establishing|set up|setting up|create|creating|convene|convening|host|"
    r"hosting|institutionali[sz]e|start|starting|organi[sz]e|organi[sz]ing|resume|resuming)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:support|help|assist)\w*\s+[^.;]{0,40}\bin hosting\s+$"
)
FUTURE_AFTER = re.compile(r"(?i)^[^.;]{0,80}?\b(?:to be (?:held|hosted|convened|chaired)|will be (?:held|hosted|convened)|is planned|later this|next (?:year|month|week))\b")
PURPOSE_BEFORE = re.compile(
    r"(?i)(?:\bto (?:attend|join|take part in|participate in)|\bon the (?:sidelines|margins) of|\bahead of|"
    r"\bin preparation for|\barriv(?:ed|es|ing)\b[^.;]{0,40}\bfor|\b(?:was|were|is|are) in\b[^.;]{0,40}\bfor)\s+(?:the |a |an )?[^.;]{0,40}$"
)
BACKGROUND_BEFORE = re.compile(
    r"(?i)(?:\bsince\b|\bfollowing\b|\bfollowed\b|\bearlier\b|\bprevious\b|\blast (?:met|held|hosted)\b|\bfirst met\b|"
    r"\bhad (?:been )?(?:held|chaired|hosted|attended|met)\b|\brecalled\b|\ba day (?:after|before|earlier)\b|"
    r"\bthe day (?:after|before)\b|\bwhen\b[^.;,]{0,40}\bmet\b)[^.;]*$"
)
COPULAR_BEFORE = re.compile(r"(?i)\b(?:it|this|that|the \w+) (?:was|is|became|marked) (?:also )?$")
# "Mohamad said this at the ASEAN-Russia PMC here", "Zhang made the remarks at a Security Council open debate":
# the meeting is where the previous sentence's remarks were made, so it takes that sentence's day ("today")
REMARKS_AT = re.compile(
    r"(?i)\b(?:said|stated|made|delivered|expressed|was speaking|were speaking|spoke)\s+(?:this|these|so|that|it|"
    r"the (?:remarks?|statement|comments?|call|proposals?|speech|points?)|(?:his|her) (?:remarks?|statement|comments?))\s+"
    r"(?:at|during|in|when addressing|while addressing|on the sidelines of)\s+[^.;]*$"
)
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
# a meeting's own clause dated to a month or year ("The 12th Ministerial Conference, held in Geneva in June 2022,
# adopted ...", "the summit in August", "the 2018 summit last year"): a day is never given, so it is background
# (or a future meeting) unless the period is the report's own month
OWN_PERIOD = re.compile(
    r"\b(?:in|during|of|since)\s+(?:(?:early|late|mid)[- ])?(?:(?P<month>" + _MONTH_NAMES + r")(?:,?\s+(?P<my>(?:19|20)\d\d))?"
    r"|(?P<year>(?:19|20)\d\d))\b(?![-–/]\d)|\b(?P<last>last|next) (?P<unit>year|month)\b"
)
# the stretch after a meeting's noun phrase that still belongs to it: ", held in Geneva in June 2022,", "in June" or
# " was held in Cairo in March 2019"
OWN_CLAUSE_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,20}\))?(?:,\s*(?:which was |that was )?(?:held|convened|hosted|organi[sz]ed|which took place|"
    r"that took place)\b[^,.;]{0,80}(?:,|$)|\s+(?:held\s+)?(?:in|during)\s+[^,.;]{0,40}"
    r"|\s+(?:was|were)\s+(?:held|convened|hosted|organi[sz]ed)\b[^,.;]{0,80})"
)
MODAL_OR_NEG = re.compile(r"(?i)\b(?:will|would|shall|plans? to|is to|did not|not|without)\b")
# bilateral talks: "X met with Y", "held talks with", "during talks in", "X and Y met in Moscow"
BILATERAL_PATTERNS = (
    re.compile(r"(?<![\w-])(?P<verb>met|meets)(?: (?:today|yesterday|separately|briefly|also|later))? with\b"),
    # "Bilawal Bhutto Zardari met Foreign Minister of Uzbekistan Bakhtiyor Saidov", "met his Turkish counterpart"
    re.compile(r"(?<![\w-])(?P<verb>met|meets) (?=(?:visiting |his |her |the visiting )?(?:[A-Z][a-z]|[a-z]+ counterparts?\b))"
               r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
               r"August|September|October|November|December|The|A|An|In|On|At)\b)"),
    re.compile(r"(?<![\w-])(?P<verb>held|holds) (?:\w+ ){0,3}?talks\b"),
    re.compile(r"(?<![\w-])(?P<verb>held|holds) (?:their|a|an) (?:[\w-]+ ){0,3}?meeting\b"),
    re.compile(r"(?<![\w-])during (?P<verb>talks)\b"),
    # "X was received by Y at the Ministry for bilateral talks"; "held the 9th round of the Consultation Mechanism"
    re.compile(r"(?<![\w-])(?:was|were) (?P<verb>received) by\b[^.;]{0,100}?\bfor (?:[\w-]+ ){0,2}?talks\b"),
    re.compile(r"(?<![\w-])(?P<verb>held|holds) the (?:[\w-]+ ){1,2}round of\b"),
    re.compile(r"(?<![\w-])(?P<verb>met) (?:in|at|here|on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday)\b"),
)
EVENT_VERBS = re.compile(
    r"(?i)\b(?:attended|attends|attending|chaired|chairs|chairing|co-chaired|co-chairs|presided|presides|presiding|"
    r"hosted|hosts|took part|takes part|taking part|participated|joined|addressed|addressing|held|was held|were held|"
    r"took place|met|meets|gathered|opened|convened|ended|closed|concluded|agreed|speaking at|spoke at)\b"
)
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us)\b")
REPORTING_VERBS = re.compile(
    # first-person forms are a transcript's ("We propose to speed up ...")
    r"(?i)\b(?:(?:we|i) (?:propose|suggest|call on|call for|urge)|"
    r"said|says|stressed|noted|proposed|put forward|called|calling|urged|urging|suggested|agreed|adopted|"
    r"issued|released|discussed|exchanged views|briefed|expressed|reviewed|told|pointed out|reaffirmed|signed|"
    r"emphasi[sz]ed|highlighted|underlined|welcomed|set out|outlined|described|praised|announced|warned|recalled)\b"
)
VIRTUAL_CUES = re.compile(
    r"(?i)\b(?:via video(?: link| conference|conference)?|by video(?: link| conference|conference)?|video[- ]?conferenc\w*|"
    r"videoconferenc\w*|virtual(?:ly)?|through video(?: link| conferencing)?|video link)\b"
    # "online" alone is a topic ("online gambling", "online scams"); it is a format only after a meeting verb
    # or before a meeting noun
    r"|(?i:\b(?:held|met|meet|meets|convened|gathered|conducted|took place|taking place|joined|participated|"
    r"attended|spoke|connected) online\b|\bonline (?:meeting|conference|video|summit|session|format|dialogue|"
    r"talks|consultations?|platform|link)\b)"
)
PARTIAL_VIRTUAL = re.compile(
    r"(?i)\b(?:joined|addressed|took part|participated|followed|spoke|attended)\b[^.;]{0,60}\b(?:(?:via|by|through) video|online(?! [a-z]))\b"
    r"|\bfollowed the proceedings online\b|\bvideo address\b|\bwhile [^.;]{0,80}\b(?:joined|took part)\b[^.;]{0,40}\b(?:video|online)"
)
FORMAT_BACKGROUND = re.compile(r"(?i)\b(?:last met|since|following|previously|earlier|had been|had met|last (?:year|month|week)|will|would)\b")
IN_PERSON_CUES = re.compile(r"(?i)\bin[- ]person\b|\bface[- ]to[- ]face\b|\bsat together\b|\bgathered at\b")
MULTI_DAY = re.compile(r"(?i)\b(?:ended|closed|concluded|wrapped up)\b[^.;]{0,80}\bafter (?P<n>two|three|four|five|\d) days\b")
DAY_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}
CHAIR_VERBS = r"(?:co-chaired|chaired|presided over|hosted and chaired|hosted|co-hosted)"
# "was chaired by X", and the participle ", presided over by X, whose country holds the presidency"
CHAIR_PASSIVE = re.compile(
    r"(?i)(?:(?:\b(?:was|were|being|is)\s+|,\s*|\b)(?:jointly\s+)?" + CHAIR_VERBS + r"\s+by"
    # the full stop of an initial does not end the phrase ("presided over by ... Antony J. Blinken")
    r"|\bunder the (?:co-)?(?:chairmanship|chairpersonship|presidency) of)\s+(?P<who>(?:[^.;]|(?<=[\s.][A-Z])\.){3,160})"
)
CHAIR_ACTIVE = re.compile(r"\b(?P<verb>" + CHAIR_VERBS + r"|(?:while|when) (?:co-)?chairing|(?:while|when) presiding over)\b(?!\s+by\b)(?P<obj>[^.;]{0,80})")
CHAIR_WHO = re.compile(r"(?P<name>[A-Z][^,;]{2,60}),\s+who\s+(?:[^.;]{0,120}?\s)?(?:presided over|chaired|co-chaired|hosted|received the)\b")
CHAIR_FIELD = re.compile(r"(?m)^(?:Chair|Chaired by|Host)\s*:\s*(?P<who>[^\n]+)$")
NOT_CHAIRED_OBJECTS = re.compile(r"(?i)^\s*(?:a |the )?(?:welcome )?(?:reception|banquet|dinner|luncheon|press conference|news conference|ceremony)")
# words of office, honorifics and particles that are not part of a person's name
TITLE_WORDS = {
    "minister", "ministers", "foreign", "affairs", "state", "councilor", "councillor", "secretary", "general",
    "secretary-general", "prime", "deputy", "vice", "president", "premier", "chairman", "chair", "chairperson",
    "external", "expatriates", "international", "relations", "cooperation", "trade", "investments", "justice",
    "union", "executive", "director", "special", "representative", "envoy", "ambassador", "federal", "chancellor",
    "king", "emir", "crown", "prince", "the", "of", "and", "for", "in", "eam", "pm", "fm", "dr", "dr.", "mr",
    "mr.", "mrs", "mrs.", "ms", "ms.", "shri", "smt", "hon", "hon.", "h.e.", "his", "her", "excellency",
    "responsible", "republic", "people's", "federation", "kingdom", "member", "political", "bureau", "standing",
    "committee", "councillor,", "counselor", "commissioner", "spokesperson", "spokeswoman", "spokesman", "senior",
    "official", "officials", "head", "leader", "delegation", "counterpart", "colleague", "host", "co-chair",
    "co-chairs", "meeting", "conference", "council", "talks", "chinese", "russian", "indian", "makhdoom",
    "sheikh", "mullah", "lao", "development", "economy", "finance", "defence", "defense", "interior", "home",
    "on", "at", "by", "with", "today", "this", "afternoon", "morning", "evening", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "also", "who", "after", "when", "while",
    "high", "policy", "adviser", "advisor", "undersecretary", "under-secretary", "cabinet", "chief",
}
HONORIFICS = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "shri", "smt", "hon", "hon.", "h.e.", "u", "makhdoom", "sheikh"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii"}
NAME_TOKEN = re.compile(r"(?:[^\W\d_][\w'’.-]*|(?:[A-Z]\.){1,3}|bin|bint|ibn|al|el|de|da|van|von|der|le|la|á|y)")
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
OUTCOME_HEADS = (
    r"(?:joint |co-chairs['’] |chairman['’]s |chair['’]s |presidential |media |press |ministerial |final )?"
    r"(?:statements?|declarations?|communiqu[eé]s?|communiques?|action plans?|plans? of action|action execution plans?|"
    r"memorand(?:um|a) of understanding|initiative|strategic plan|press release|joint press release|resolution|work plan|"
    r"roadmap|road map|agreement|programme|program|plan|"
    # a chair's summary when no communique is agreed (G20), an SCO "information message" on the results
    r"summary|outcome documents?|information message|vision|guidelines)"
)
OUTCOME_VERBS = re.compile(
    r"(?i)\b(?P<verb>adopted|issued|released|signed|passed|approved|endorsed|published|the adoption of|"
    r"(?:concluded|ended|closed) with)\b\s+(?P<obj>[^.;]{3,300})"
)
OUTCOME_VERB_ONLY = re.compile(
    r"(?i)\b(?:adopted|issued|released|signed|passed|approved|endorsed|published|the adoption of|(?:concluded|ended|closed) with)\b"
)
OUTCOME_PASSIVE = re.compile(
    r"(?P<obj>\b(?:A|An|The|a|an|the)\s+[^.;]{3,200}?)\s+(?:was|were)\s+(?:also\s+|unanimously\s+)?(?:adopted|issued|released|signed|passed|approved)\b"
)
OUTCOME_IN = re.compile(
    r"\b(?:In|in) (?:their|the|its|a|an) (?P<obj>(?:joint statement|Joint Statement|declaration|Declaration|communiqu[eé]))\b"
    r"(?! (?:of|by|from) (?:the )?(?:last|previous|earlier))"
)
OUTCOME_HEAD_RE = re.compile(r"(?i)\b" + OUTCOME_HEADS + r"\b")
LEVEL_RULES = (
    ("vice_ministerial", re.compile(r"(?i)\b(?:vice[- ](?:foreign )?minister|deputy (?:foreign )?minister|deputy secretary of state|vice[- ]ministerial)")),
    ("leaders", re.compile(r"(?i)\b(?:summit|leaders['’]?|heads of state|heads of government)\b")),
    ("ministerial", re.compile(r"(?i)\b(?:foreign ministers?|ministerial|ministers? of foreign affairs|council of foreign ministers|ministers)\b")),
    ("other", re.compile(r"(?i)\b(?:senior officials|special envoys?|special representatives?|envoys)\b")),
)
HEAD_OF_GOVERNMENT = re.compile(r"\b(?:Prime Minister|President|Premier|Chancellor)\b(?! and (?:Minister|Foreign))")
PLACE_AFTER_IN = re.compile(
    r"\bin (?:the (?:city|capital) of |(?:north|south|east|west|northern|southern|eastern|western|central) )?(?:[A-Z][\w'’]+['’]s )?"
    r"(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)
BILATERAL_NAME_TITLE = {"vice_ministerial": "Vice Foreign Ministers' Talks", "leaders": "Leaders' Talks",
                        "ministerial": "Foreign Ministers' Talks", "other": "Talks"}
SHORT_COUNTRY = {"USA": "US", "GBR": "UK", "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran",
                 "SYR": "Syria", "VNM": "Vietnam", "LAO": "Laos", "TWN": "Taiwan", "ARE": "UAE"}
# an Indian readout names its minister by office alone
TITLE_COUNTRY = {"External Affairs Minister": "IND", "EAM": "IND"}
MONTHS_BY_NAME = {m: i for i, m in enumerate(_MONTH_NAMES.lower().split("|"), start=1)}
WINDOW_BEFORE_DAYS = 10
WINDOW_AFTER_DAYS = 1
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")
ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gen|Lt|Col|Sept|Sep|Dec|Nov|Oct|Aug|Jan|Feb|Mar|Apr|Jun|Jul|U\.S|U\.N|U\.K)|\b[A-Z])\.$")


@dataclass
class _Candidate:
    sentence: int
    start: int  # NP / pattern span in clean_text
    end: int
    kind: str  # named, anaphor, bilateral
    org: str | None = None
    org_span: tuple[int, int] | None = None
    date: dt.date | None = None
    date_source: str = "unknown"
    date_span: tuple[int, int] | None = None
    excluded: str | None = None
    indefinite: bool = False
    head: str = ""
    edition: int | None = None
    edition_span: tuple[int, int] | None = None
    series_round: bool = False  # edition read from "the ninth round of ..." (a series of talks has one too)
    header: bool = False


@dataclass
class _Meeting:
    candidates: list[_Candidate] = field(default_factory=list)
    date: dt.date | None = None
    date_source: str = "unknown"
    org: str | None = None
    bilateral: bool = False

    @property
    def first(self) -> _Candidate:
        """The sentence that introduces the meeting: the first mention outside the headline and stamp lines."""
        return next((c for c in self.candidates if not c.header), self.candidates[0])


# --- sentences and header --------------------------------------------------------------------------------

def _sentences(context: DocumentContext) -> list[tuple[int, int]]:
    if context.sentences:
        return list(context.sentences)
    text = context.clean_text
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_SPLIT.finditer(text):
        piece = text[start:match.start() + 1].rstrip()
        if ABBREVIATIONS.search(piece) and "\n" not in match.group(0):
            continue
        _append_span(text, start, match.start() + (0 if "\n" in match.group(0) else 1), spans)
        start = match.end()
    _append_span(text, start, len(text), spans)
    return spans


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_header(text: str, span: tuple[int, int]) -> bool:
    """Headlines, stamps, nav and event-box lines carry no terminal punctuation; their dates are publication stamps."""
    piece = text[span[0]:span[1]].rstrip()
    return not piece or piece[-1] not in ".!?\"”’)" or len(piece.split()) < 4


# --- candidates ------------------------------------------------------------------------------------------

def _np_start(text: str, sent_start: int, head_start: int) -> tuple[int, bool]:
    """Walk left from the head over name-like words; returns the NP start and whether it is indefinite."""
    pos = head_start
    tokens = list(re.finditer(r"\"|“|”|\(|\)|[^\s\"“”()]+", text[sent_start:head_start]))
    indefinite = False
    for token in reversed(tokens):
        word = token.group(0)
        low = word.lower().strip(",")
        if word.endswith(","):
            break
        if low in DETERMINERS:
            pos = sent_start + token.start()
            indefinite = low in ("a", "an")
            break
        if (word[0].isupper() or word[0].isdigit() or low in NP_MODIFIERS or low in ORDINALS or word in "()\"“”"
                or re.fullmatch(r"[\w'’-]+['’]s", word) or low.endswith("-level")):
            pos = sent_start + token.start()
            continue
        break
    return pos, indefinite


def _sorted_starts(spans: list[tuple[int, int, str]]) -> list[int] | None:
    """Starts of spans listed in text order (then the ones starting in a range are a slice), else None."""
    starts = [span[0] for span in spans]
    return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None


def _starting_in(spans: list[tuple[int, int, str]], starts: list[int] | None, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The spans that start in [lo, hi), in their listed order."""
    if starts is None:
        return [span for span in spans if lo <= span[0] < hi]
    return spans[bisect_left(starts, lo):bisect_left(starts, hi)]


def _cover(spans: list[tuple[int, int, str]]) -> tuple[list[int], list[int]]:
    """The union of the spans as disjoint sorted (starts, ends): a position inside any span is one bisect away."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end, _ in sorted(spans):
        if start >= end:
            continue
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _covers(cover: tuple[list[int], list[int]], pos: int) -> bool:
    at = bisect_right(cover[0], pos) - 1
    return at >= 0 and pos < cover[1][at]


# a head word that modifies another noun: "a dialogue partner", "the meeting mechanism"
HEAD_AS_MODIFIER = re.compile(r"\s+(?:mechanisms?|partners?|partnerships?|relations|process|platform)\b")


def _np_end(text: str, head_end: int, sent_end: int, org_spans: list[tuple[int, int, str]],
            cover: tuple[list[int], list[int]] | None = None) -> int:
    """The NP's complement after the head ("of the Arctic Council", "among the Neighboring Countries of Afghanistan").

    `cover` is `_cover(org_spans)`, passed by callers that ask for many NPs of one document.
    """
    rest = text[head_end:sent_end]
    if not re.match(r"\s+(?:of|among|between|on|in celebration of|with|for|under)\b", rest):
        return head_end
    stop = re.compile(
        r"[,.;:(]|\s(?:which|that|where|who|held|was|were|is|are|took|via|by|through|when|while|after|before|amid|as|"
        r"to|from|under|during|since|following|in|on|at|and)\s"
    )
    for match in stop.finditer(rest, 1):
        absolute = head_end + match.start()
        if _covers(cover, absolute) if cover is not None else any(s <= absolute < e for s, e, _ in org_spans):
            continue
        word = match.group(0).strip()
        if word in ("on", "in", "and") and not _date_or_place_follows(rest[match.end():], word):
            continue
        return absolute
    return sent_end


def _date_or_place_follows(rest: str, word: str) -> bool:
    if word == "and":
        return bool(re.match(r"(?:[a-z]|the\s+[a-z])", rest)) and not re.match(r"the (?:[A-Z]|\w+ of)", rest)
    if word == "in":
        return not re.match(r"(?:celebration|support|honou?r)\b", rest)
    return bool(re.match(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d|January|February|March|April|May|June|July|August|September|October|November|December)", rest))


def _edition(text: str, start: int, head_start: int) -> tuple[int | None, tuple[int, int] | None]:
    for match in re.finditer(r"[\w'’]+", text[start:head_start]):
        token = ORDINAL_TOKEN.match(match.group(0))
        if not token:
            continue
        after = text[start + match.end():start + match.end() + 30].lower()
        if after.lstrip().startswith(("anniversary", "time")):
            continue
        value = int(token.group("num")) if token.group("num") else ORDINALS.get(token.group("word").lower())
        if value:
            return value, (start + match.start(), start + match.end())
    return None, None


def _clause_before(text: str, sent_start: int, pos: int) -> str:
    before = text[sent_start:pos]
    cut = max(before.rfind(";"), before.rfind(" but "))
    return before[cut + 1:] if cut >= 0 else before


def _classify(text: str, sent: tuple[int, int], start: int, end: int, head: str, lookback: int | None = None) -> str | None:
    before = _clause_before(text, sent[0], lookback if lookback is not None else start)
    after = text[end:sent[1]]
    np_text = text[start:end]
    if NOT_MEETINGS.search(np_text) or NOT_MEETINGS.search(text[start:min(sent[1], end + 12)]):
        return "not_meeting"
    if FUTURE_BEFORE.search(before) or FUTURE_AFTER.search(after):
        return "future"
    if PURPOSE_BEFORE.search(before) and not re.search(r"(?i)\b(?:gathered|met|assembled|convened|came together)\b[^,;]*$", before):
        return "purpose"
    if BACKGROUND_BEFORE.search(before):
        return "background"
    if re.search(r"(?i)\b(?:via|by|through)\s+(?:a\s+)?$", before):
        return "format_cue"
    return None


def _find_candidates(
    context: DocumentContext, sentences: list[tuple[int, int]], orgs: list[tuple[int, int, str]],
    anchor: dt.date | None, default_year: int | None,
) -> list[_Candidate]:
    text = context.clean_text
    mentions = find_date_mentions(text)
    # organisation spans indexed once: per-sentence and per-candidate scans of all of them are quadratic
    org_starts, org_cover = _sorted_starts(orgs), _cover(orgs)
    out: list[_Candidate] = []
    for index, sent in enumerate(sentences):
        header = _is_header(text, sent)
        sent_orgs = _starting_in(orgs, org_starts, sent[0], sent[1])
        found: list[_Candidate] = []
        for match in MEETING_HEAD.finditer(text, sent[0], sent[1]):
            head = match.group("head").lower()
            if _covers(org_cover, match.start()):
                continue  # "Conference on Interaction ...", "East Asia Summit" name a body, not a meeting
            if text[max(0, match.start() - 1):match.start()] == "(" and any(
                    re.fullmatch(r"\s*\(", text[c.end:match.start()]) for c in found):
                continue  # "the ASEAN-Russia Post Ministerial Conference (PMC)": the acronym repeats the name
            if HEAD_AS_MODIFIER.match(text, match.end()):
                continue  # "a dialogue partner", "the meeting mechanism": the head word modifies another noun
            start, indefinite = _np_start(text, sent[0], match.start())
            end = _np_end(text, match.end(), sent[1], orgs, org_cover)
            np_lower = text[start:match.start()].lower()
            if re.search(r"(?i)\b(?:statement|declaration|communiqu[eé]|memorandum|plan)\b", text[start:match.start()]):
                continue  # "the Joint Statement of ... Foreign Ministers' Meeting" names a document
            plural_generic = head in ("meeting", "session") and text[match.start():match.end() + 1].lower().endswith("s")
            has_det = bool(re.match(r"(?i)(?:the|a|an|their|its|this)\b", text[start:match.start()]))
            if plural_generic and not has_det:
                continue
            cand = _Candidate(index, start, end, "named", head=head, indefinite=indefinite, header=header)
            cand.excluded = _classify(text, sent, start, end, head)
            inner = _starting_in(orgs, org_starts, start, end)
            modifiers = re.sub(r"(?i)^(?:the|a|an|their|its|this)\s+", "", text[start:match.start()]).strip()
            cand.edition, cand.edition_span = _edition(text, start, match.start())
            round_of = ROUND_OF.search(text, max(sent[0], start - 40), start)
            if cand.edition is None and round_of:
                token = ORDINAL_TOKEN.match(round_of.group("ord"))
                value = token and (int(token.group("num")) if token.group("num") else ORDINALS.get(token.group("word").lower()))
                if value:
                    cand.edition, cand.edition_span, cand.series_round = value, round_of.span("ord"), True
            if inner:
                cand.org, cand.org_span = inner[0][2], (inner[0][0], inner[0][1])
            if not inner and cand.edition is None and not re.search(r"[A-Z]", modifiers) and not (
                indefinite or re.search(r"(?i)\b(?:foreign|ministers|ministerial|council|video|virtual|summit|leaders)", np_lower + head)
            ):
                cand.kind = "anaphor"
            elif not inner and cand.edition is None and not re.search(r"[A-Z]", modifiers) and np_lower.strip() in ("the", "this", "the special", "the ministerial", "the virtual", "the video"):
                cand.kind = "anaphor"
            if COPULAR_BEFORE.search(text[sent[0]:start]):
                cand.kind = "anaphor"
            elif head == "talks" and not inner and cand.kind == "named":
                cand.kind = "bilateral"
            found.append(cand)
        for pattern in BILATERAL_PATTERNS:
            for match in pattern.finditer(text, sent[0], sent[1]):
                if any(c.start <= match.start() < c.end for c in found):
                    continue
                cand = _Candidate(index, match.start(), match.end(), "bilateral", head="talks", header=header)
                cand.excluded = _classify(text, sent, match.start(), match.end(), "talks", lookback=match.end())
                round_of = ROUND_OF.search(text, match.start(), match.end() + 1)
                if round_of:  # "held the 9th round of the Consultation Mechanism"
                    token = ORDINAL_TOKEN.match(round_of.group("ord"))
                    value = token and (int(token.group("num")) if token.group("num") else ORDINALS.get(token.group("word").lower()))
                    if value:
                        cand.edition, cand.edition_span, cand.series_round = value, round_of.span("ord"), True
                if NOT_MEETINGS.search(text[match.start():min(sent[1], match.end() + 20)]) or re.search(
                        r"(?i)\b(?:phone|telephone)\b", text[max(sent[0], match.start() - 20):match.end()]):
                    cand.excluded = "not_meeting"
                subject_orgs = [o for o in sent_orgs if o[1] <= match.start() and not _inside_excluded(o, found)
                                and not re.search(r"\b(?:with|talks)\b", match.group(0))]
                if subject_orgs:
                    # "BRICS foreign ministers met in Cape Town": the body's meeting, not bilateral talks
                    cand.kind, cand.org, cand.org_span = "named", subject_orgs[-1][2], subject_orgs[-1][:2]
                found.append(cand)
        for cand in found:
            if cand.kind == "named" and cand.org is None and cand.excluded is None:
                usable = [o for o in sent_orgs if not _inside_excluded(o, found)]
                if usable:
                    cand.org, cand.org_span = usable[0][2], (usable[0][0], usable[0][1])
            if not header:
                _date_for(cand, text, sent, mentions, found, anchor, default_year)
                if cand.excluded is None and cand.kind != "anaphor":
                    cand.excluded = _own_period_excludes(text, cand, sent, anchor)
                if cand.date is None and cand.excluded is None and index > 0 and REMARKS_AT.search(text[sent[0]:cand.start]):
                    _date_from_previous(cand, text, sentences[index - 1], mentions, anchor, default_year)
            if cand.date and anchor and not (
                anchor - dt.timedelta(days=WINDOW_BEFORE_DAYS) <= cand.date <= anchor + dt.timedelta(days=WINDOW_AFTER_DAYS)
            ) and cand.excluded is None:
                cand.excluded = "background" if cand.date < anchor else "future"
            if cand.excluded is None and re.search(r"\b(?:19|20)\d\d\b", text[cand.start:cand.end]):
                years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text[cand.start:cand.end])}
                reference = (cand.date or anchor)
                if reference and reference.year not in years:
                    cand.excluded = "background"
        out.extend(sorted(found, key=lambda c: c.start))
    return out


def _own_period_excludes(text: str, cand: _Candidate, sent: tuple[int, int], anchor: dt.date | None) -> str | None:
    """'background' or 'future' when the meeting's own phrase is dated to a month or year other than the report's.

    "The 12th Ministerial Conference, held in Geneva in June 2022, adopted ..." (report of February 2024) → background.
    """
    if anchor is None:
        return None
    after = OWN_CLAUSE_AFTER.match(text[cand.end:sent[1]])
    own = text[cand.start:cand.end + (after.end() if after else 0)]
    for match in OWN_PERIOD.finditer(own):
        if match.group("last"):
            return "background" if match.group("last") == "last" else "future"
        year = int(match.group("year") or match.group("my") or anchor.year)
        month = list(MONTHS_BY_NAME).index(match.group("month").lower()) + 1 if match.group("month") else None
        if year != anchor.year:
            return "background" if year < anchor.year else "future"
        if month is not None and month != anchor.month:
            return "background" if month < anchor.month else "future"
    return None


def _date_from_previous(
    cand: _Candidate, text: str, previous: tuple[int, int], mentions: list[DateMention], anchor: dt.date | None,
    default_year: int | None,
) -> None:
    """The day of the sentence whose remarks the candidate's sentence places ("... said this at the PMC here")."""
    if _is_header(text, previous):
        return
    own = [m for m in mentions if previous[0] <= m.start < previous[1]]
    # the dateline's day is the anchor itself; the sentence's own "today" / "on Monday" says more
    own.sort(key=lambda m: bool(DATELINE_PREFIX.fullmatch(text[text.rfind("\n", 0, m.start) + 1:m.start])))
    for mention in own:
        resolved = resolve_mention(mention, anchor, default_year)
        if resolved.date is not None:
            cand.date, cand.date_source, cand.date_span = resolved.date, resolved.source, (mention.start, mention.end)
            return


def _inside_excluded(org: tuple[int, int, str], found: list[_Candidate]) -> bool:
    return any(c.excluded and c.start <= org[0] < c.end for c in found)


def _date_for(
    cand: _Candidate, text: str, sent: tuple[int, int], mentions: list[DateMention], found: list[_Candidate],
    anchor: dt.date | None, default_year: int | None,
) -> None:
    """The date phrase of the candidate's sentence: nearest to the NP, outside other meetings' NPs."""
    own = [m for m in mentions if sent[0] <= m.start < sent[1]]
    own = [m for m in own if not any(o is not cand and o.start <= m.start < o.end and o.excluded for o in found)]
    if cand.excluded is None:
        # a date inside an excluded clause ("last met ... on November 30, 2020") belongs to that clause
        own = [m for m in own if not BACKGROUND_BEFORE.search(_clause_before(text, sent[0], m.start)) or m.start > cand.start]
    if not own:
        return
    best = min(own, key=lambda m: abs(m.start - cand.start) + (0 if m.kind != "full" else 5))
    resolved = resolve_mention(best, anchor, default_year)
    if resolved.date is None:
        return
    day = resolved.date
    multi = MULTI_DAY.search(text, sent[0], sent[1])
    if multi:
        n = multi.group("n")
        days = int(n) if n.isdigit() else DAY_WORDS.get(n, 1)
        day -= dt.timedelta(days=days - 1)
    cand.date, cand.date_source, cand.date_span = day, resolved.source, (best.start, best.end)


# --- grouping candidates into meetings -------------------------------------------------------------------

def _group(candidates: list[_Candidate], text: str) -> list[_Meeting]:
    meetings: list[_Meeting] = []
    live = [c for c in candidates if c.excluded is None]
    for cand in live:
        if cand.kind == "anaphor" or cand.date is None:
            continue
        target = _same_meeting(meetings, cand, text)
        if target is None:
            meeting = _Meeting([cand], cand.date, cand.date_source, cand.org, cand.kind == "bilateral")
            meetings.append(meeting)
        else:
            target.candidates.append(cand)
            if target.org is None and cand.org and not target.bilateral:
                target.org = cand.org
    if not meetings:
        # an undated named report ("Speaking at the fifth MLC Foreign Ministers' Meeting ..."): the document's day
        named = [c for c in live if c.kind in ("named", "bilateral") and not c.header]
        if named:
            first = named[0]
            meetings.append(_Meeting([first], None, "unknown", first.org, first.kind == "bilateral"))
    # each meeting's candidates by start: an equal candidate has the same start, so membership is a short look-up
    by_start: dict[int, dict[int, list[_Candidate]]] = {}
    for cand in live:
        if cand.date is None or cand.kind == "anaphor":
            target = _attach_undated(meetings, cand)
            if target is None:
                continue
            if id(target) not in by_start:
                by_start[id(target)] = {}
                for c in target.candidates:
                    by_start[id(target)].setdefault(c.start, []).append(c)
            same_start = by_start[id(target)].setdefault(cand.start, [])
            if not any(c is cand or c == cand for c in same_start):
                same_start.append(cand)
                target.candidates.append(cand)
                if target.org is None and cand.org and not target.bilateral and cand.kind == "named":
                    target.org = cand.org
    for meeting in meetings:
        meeting.candidates.sort(key=lambda c: c.start)
    return meetings


def _same_meeting(meetings: list[_Meeting], cand: _Candidate, text: str) -> _Meeting | None:
    for meeting in meetings:
        same_org = cand.org is not None and meeting.org is not None and meeting_organisation(cand.org) == meeting_organisation(meeting.org)
        if meeting.date == cand.date:
            if same_org or cand.org is None or meeting.org is None:
                if cand.kind == "bilateral" and not meeting.bilateral and meeting.org is not None:
                    continue
                if same_org and (_distinct_name(cand, meeting, text) or _distinct_mechanisms(cand.org, meeting.org)):
                    continue
                return meeting
        elif same_org and meeting.date and cand.date and 0 < (cand.date - meeting.date).days <= 2 and (
            cand.indefinite or cand.head in ("session", "sitting")
        ):
            return meeting
    return None


def _distinct_name(cand: _Candidate, meeting: _Meeting, text: str) -> bool:
    """Two meetings of one body on one day only when the heads differ ("Meeting" and "Dialogue with ...")."""
    heads = {c.head for c in meeting.candidates if c.kind == "named"}
    return cand.kind == "named" and not cand.indefinite and bool(heads) and cand.head not in heads and cand.head in ("dialogue", "summit")


def _distinct_mechanisms(a: str | None, b: str | None) -> bool:
    """Two mechanisms of one parent meet separately on one day (ASEAN-China "10+1" and ASEAN Plus Three "10+3").

    >>> _distinct_mechanisms("ASEAN-China", "ASEAN+3"), _distinct_mechanisms("ASEAN-China", "ASEAN")
    (True, False)
    """
    if not a or not b or a == b:
        return False
    parent = meeting_organisation(a)
    return parent == meeting_organisation(b) and a != parent and b != parent


def _attach_undated(meetings: list[_Meeting], cand: _Candidate) -> _Meeting | None:
    if cand.org is not None:
        # "At the China-ASEAN meeting, ..." goes to the 10+1 even when the 10+3 was named after it
        same = [m for m in meetings if any(c.org == cand.org for c in m.candidates)]
        if len(same) == 1:
            return same[0]
    # "the meeting" refers back to the meeting mentioned last before it, not merely the last one introduced
    latest = max(((max((c.start for c in m.candidates if c.start <= cand.start), default=-1), -i) for i, m in enumerate(meetings)),
                 default=(-1, 0))
    if latest[0] >= 0:
        return meetings[-latest[1]]
    return meetings[0] if meetings else None


# --- fields ----------------------------------------------------------------------------------------------

def _scopes(meetings: list[_Meeting], text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = []
    for i, meeting in enumerate(meetings):
        if i == 0:
            starts.append(0)
            continue
        intro = _own_intro(meeting, meetings[:i]).start
        para = next((p for p in paragraphs if p[0] <= intro < p[1] + 1), None)
        start = para[0] if para else intro
        previous = [p for p in paragraphs if p[1] <= start]
        if previous:
            heading = previous[-1]
            piece = text[heading[0]:heading[1]].strip()
            if piece and len(piece) < 60 and piece[-1] not in ".!?:":
                start = heading[0]
        starts.append(start)
    return [(s, starts[i + 1] if i + 1 < len(starts) else len(text)) for i, s in enumerate(starts)]


def _own_intro(meeting: _Meeting, earlier: list[_Meeting]) -> _Candidate:
    """Where a later meeting's own part begins: its first mention outside a sentence that names earlier ones too.

    A lede may name two meetings ("attended the 10+1 and the 10+3 meetings"); the second one's part of the
    report starts where it is taken up alone ("Later on Thursday, Wang attended the 10+3 meeting").
    """
    shared = {c.sentence for m in earlier for c in m.candidates}
    return next((c for c in meeting.candidates if not c.header and c.sentence not in shared), meeting.first)


def _paragraphs(context: DocumentContext) -> list[tuple[int, int]]:
    if context.paragraphs:
        return list(context.paragraphs)
    spans = []
    for match in re.finditer(r"[^\n]+", context.clean_text):
        spans.append((match.start(), match.end()))
    return spans


def _reported(meeting: _Meeting, scope: tuple[int, int], text: str, sentences: list[tuple[int, int]]) -> bool:
    intro = sentences[meeting.first.sentence]
    for sent in sentences:
        if not (scope[0] <= sent[0] < scope[1]) or _is_header(text, sent):
            continue
        piece = text[sent[0]:sent[1]]
        if sent == intro:
            rest = REPORTING_VERBS.findall(piece)
            if rest and not all(r.lower() in ("called",) for r in rest):
                return True
            continue
        if REPORTING_VERBS.search(piece):
            return True
    return False


def _names_in(span_text: str, offset: int) -> list[tuple[str, int, int]]:
    """Person names in a stretch of text: runs of capitalised tokens that are neither office words nor places."""
    names = []
    countries = [(m.start, m.end) for m in find_countries(span_text)]
    orgs = [(s, e) for s, e, _ in find_organisations(span_text)]
    blocked = countries + orgs
    tokens = list(re.finditer(r"[^\s,;:()\"“”]+", span_text))
    run: list[re.Match[str]] = []

    def flush() -> None:
        words = [t.group(0) for t in run]
        while words and (words[0].lower() in HONORIFICS or words[0].lower().rstrip(".") in HONORIFICS):
            words.pop(0)
            run.pop(0)
        while words and words[-1].lower() in NAME_SUFFIXES:
            words.pop()
            run.pop()
        style = HONORIFIC_PREFIX.match(" ".join(words) + " ")
        if style and style.end() >= len(" ".join(words)):
            return  # "His Royal Highness" before "Prince Mohammed bin Salman": a style, not a name
        if len(words) >= 2 or (len(words) == 1 and len(words[0]) > 2 and not words[0].endswith("'s")):
            names.append((" ".join(words), offset + run[0].start(), offset + run[-1].end()))

    for token in tokens:
        word = token.group(0)
        clean = word.rstrip(".").lower() if not re.fullmatch(r"(?:[A-Z]\.){1,3}", word) else word.lower()
        is_blocked = any(s <= token.start() < e for s, e in blocked)
        particle = word in ("bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "le", "la", "y", "á")
        if (NAME_TOKEN.fullmatch(word) and (word[0].isupper() or particle) and clean not in TITLE_WORDS
                and word.lower() not in TITLE_WORDS and clean not in MONTH_WORDS
                and not (len(word) > 3 and word.isupper() and word.isalpha())
                and not is_blocked and not word.endswith(("'s", "’s"))):
            if word in ("bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "le", "la", "y", "á") and not run:
                continue
            run.append(token)
            continue
        if run:
            flush()
        run = []
    if run:
        flush()
    return names


def _full_name(name: str, text: str) -> str:
    """A surname-only reference ("Wang", "Xie") takes the full form used elsewhere in the text ("Wang Yi")."""
    if " " in name:
        return name
    best = name
    for match in re.finditer(rf"\b{re.escape(name)}\b", text):
        for candidate, _, _ in _names_in(text[max(0, match.start() - 40):match.end() + 40], 0):
            words = candidate.split()
            if name in words and len(candidate) > len(best) and len(words) <= 4:
                best = candidate
        if best != name:
            break
    return best


def _chair(scope_text: str, offset: int, text: str) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """Who chaired, presided over or hosted, with the span and the office text next to the name."""
    for pattern in (CHAIR_FIELD, CHAIR_PASSIVE):
        for match in pattern.finditer(scope_text):
            who = match.group("who")
            if re.match(r"(?i)\s*(?:the )?(?:foreign ministers|ministers|representatives|delegations)\b", who):
                continue
            names = _names_in(who, offset + match.start("who"))
            if names:
                name, start, end = names[0]
                title = who[: start - offset - match.start("who")]
                return clean_name(_full_name(name, text)), (start, end), title
    for match in CHAIR_WHO.finditer(scope_text):
        piece = match.group("name")
        if re.search(r"(?i)\bhad\b", scope_text[match.end("name"):match.end()]):
            continue
        names = _names_in(piece, offset + match.start("name"))
        if names:
            name, start, end = names[-1]
            return clean_name(_full_name(name, text)), (start, end), piece
    for match in CHAIR_ACTIVE.finditer(scope_text):
        if NOT_CHAIRED_OBJECTS.match(match.group("obj")):
            continue
        sent_start = max(scope_text.rfind(". ", 0, match.start()), scope_text.rfind("\n", 0, match.start())) + 1
        subject = scope_text[sent_start:match.start()]
        separator = max(subject.rfind("--"), subject.rfind("–"), subject.rfind("—"), subject.rfind("):"))
        if separator >= 0:
            sent_start += separator + 2
            subject = scope_text[sent_start:match.start()]
        if re.search(r"(?i)\bhad\s*$|\bwho had\b", subject):
            continue
        if re.search(r"(?i)\b(?:country|countries|side|nation|government)\s*$", subject):
            continue
        # first conjunct of co-chairs, name before an appositive ("Wang Yi, China's State Councilor ..., co-chaired")
        names = _names_in(subject, offset + sent_start)
        if names:
            name, start, end = names[0]
            return clean_name(_full_name(name, text)), (start, end), subject
    return None, None, None


def _person_country(title_text: str | None, name: str | None) -> str | None:
    if not title_text:
        return None
    for office, code in TITLE_COUNTRY.items():
        if office in title_text:
            return code
    found = find_countries(title_text)
    return found[-1].code if found else None


def _format(meeting: _Meeting, scope: tuple[int, int], text: str, sentences: list[tuple[int, int]],
            excluded_sentences: set[int]) -> tuple[str, tuple[int, int] | None]:
    virtual = partial = in_person = None
    # sentences naming the meeting itself, found once rather than per sentence (a report can name it often)
    naming = {c.sentence for c in meeting.candidates if c.kind != "bilateral"}
    for index, sent in enumerate(sentences):
        if not (scope[0] <= sent[0] < scope[1]) or index in excluded_sentences:
            continue
        piece = text[sent[0]:sent[1]]
        if FORMAT_BACKGROUND.search(piece):
            continue
        has_meeting = index in naming
        if partial is None and not has_meeting and (m := PARTIAL_VIRTUAL.search(piece)):
            partial = (sent[0] + m.start(), sent[0] + m.end())
        if in_person is None and (m := IN_PERSON_CUES.search(piece)):
            in_person = (sent[0] + m.start(), sent[0] + m.end())
        if virtual is None and (m := VIRTUAL_CUES.search(piece)) and (has_meeting or not PARTIAL_VIRTUAL.search(piece)):
            virtual = (sent[0] + m.start(), sent[0] + m.end())
    if virtual and not in_person and not partial:
        return "virtual", virtual
    if (virtual or partial) and (in_person or partial):
        return "hybrid", partial or virtual
    if virtual:
        return "virtual", virtual
    return "in_person", in_person


def _outcomes(scope_text: str, offset: int) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for verb in OUTCOME_VERB_ONLY.finditer(scope_text):
        match = OUTCOME_VERBS.match(scope_text, verb.start())
        if match is None or not re.match(r"(?:(?:a|an|the|its|their|joint|two|three|four|several)\b|[A-Z])", match.group("obj")):
            continue
        before = scope_text[max(0, match.start() - 60):match.start()]
        if MODAL_OR_NEG.search(before[-25:]) or re.search(r"(?i)according to\b[^.;]*$", before) or re.search(r"(?i)\bhad been\s*$", before):
            continue
        if re.match(r"(?i)by\b", match.group("obj")):
            continue
        found.extend(_split_outcomes(match.group("obj"), offset + match.start("obj")))
    for match in OUTCOME_PASSIVE.finditer(scope_text):
        before = scope_text[max(0, match.start() - 40):match.start()]
        if re.search(r"(?i)according to\s*$", before):
            continue
        obj = match.group("obj")
        found.extend(_split_outcomes(obj, offset + match.start("obj")))
    for match in OUTCOME_IN.finditer(scope_text):
        found.append((match.group("obj"), offset + match.start("obj"), offset + match.end("obj")))
    return _dedupe_outcomes(found)


def _split_outcomes(obj: str, offset: int) -> list[tuple[str, int, int]]:
    """'the Amman Declaration, the Action Plan ..., and a joint statement of China and the Arab states on ...' → items."""
    # stop at the clause that follows the object list
    cut = re.search(r"(?i),\s*(?:(?:in|under|by|through|with) which|which|whereby|saying|and said|where|while|after|as|covering)\b"
                    r"|\s(?:after|at the end of|following|to mark|covering|rather than|instead of)\b|\s+and,?\s+(?:[a-z]+ed|said|urged|called)\b|\s+and,", obj)
    if cut:
        obj = obj[:cut.start()]
    pieces: list[tuple[int, int]] = []
    start = 0
    for sep in re.finditer(r",\s*(?:and\s+)?|\s+and\s+(?=(?:a|an|the|its|their)\s)|\s+as well as\s+", obj):
        pieces.append((start, sep.start()))
        start = sep.end()
    pieces.append((start, len(obj)))
    items: list[tuple[int, int]] = []
    for s, e in pieces:
        if items and not OUTCOME_HEAD_RE.search(obj[s:e]):
            items[-1] = (items[-1][0], e)  # "... of China and the Arab states on solidarity" continues the previous item
        else:
            items.append((s, e))
    out = []
    for s, e in items:
        piece = obj[s:e]
        head = OUTCOME_HEAD_RE.search(piece)
        if not head or re.search(r"(?i)\b(?:draft|documents|resolutions|proposal|package|position paper|more than|over \d)\b", piece[:head.end()]):
            continue
        lead = re.match(r"(?i)\s*(?:a|an|the|its|their|also|first|new)\s+", piece)
        s2 = s + (lead.end() if lead else 0)
        lead = re.match(r"(?i)(?:a|an|the|its|their|also|first|new)\s+", obj[s2:e])
        if lead:
            s2 += lead.end()
        e2 = e
        while e2 > s2 and obj[e2 - 1] in " ,":
            e2 -= 1
        if obj[s2:e2].endswith(" and"):
            e2 -= 4
        item = obj[s2:e2]
        plural = re.match(r"(?i)(joint statements|declarations|statements) (on .+)", item)
        if plural:
            # "joint statements on A, on B and on C" → one document per "on" phrase
            noun = plural.group(1)[:-1]
            for part in re.finditer(r"on [^,]+?(?=,? and on |, on |$)", plural.group(2)):
                doc_start = offset + s2 + plural.start(2) + part.start()
                out.append((f"{noun} {part.group(0)}", doc_start, offset + s2 + plural.start(2) + part.end()))
            continue
        if len(item) > 3:
            out.append((item, offset + s2, offset + e2))
    return out


def _dedupe_outcomes(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for item in found:
        key = item[0].lower()
        if any(o[0].lower() == key for o in out):
            continue
        # a generic "joint statement" adds nothing next to "Joint Statement on ..."
        if any(o[0].lower().startswith(key) for o in out):
            continue
        out = [o for o in out if not key.startswith(o[0].lower())]
        out.append(item)
    return out


def _level(meeting: _Meeting, text: str, chair_title: str | None, scope_text: str, intro: str) -> str:
    names = " ".join(text[c.start:c.end] for c in meeting.candidates if c.kind in ("named", "bilateral") and not c.header)
    for level in ("vice_ministerial", "ministerial", "leaders"):
        if dict(LEVEL_RULES)[level].search(names):
            return level
    for source in (chair_title or "", intro):
        if LEVEL_RULES[0][1].search(source):
            return "vice_ministerial"
        if re.search(r"(?i)\bforeign minister|\bminister\b|\bsecretary of state\b", source) and not HEAD_OF_GOVERNMENT.search(source):
            return "ministerial"
        if HEAD_OF_GOVERNMENT.search(source):
            return "leaders"
    if LEVEL_RULES[3][1].search(scope_text):
        return "other"
    return "ministerial"


def _meeting_name(meeting: _Meeting, text: str, org: str | None, edition: int | None, level: str,
                  countries: list[str], place: str | None) -> tuple[str, tuple[int, int] | None]:
    if meeting.bilateral or org is None:
        if len(countries) >= 2:
            title = BILATERAL_NAME_TITLE.get(level, "Talks")
            name = "-".join(SHORT_COUNTRY.get(c, country_name(c) or c) for c in countries[:3]) + " " + title
            return (name + (f" in {place}" if place else "")), None
    named = [c for c in meeting.candidates if c.kind == "named" and MEETING_HEAD.search(text, c.start, c.end)]
    best = max(named, key=lambda c: (not c.header, c.org is not None and c.org_span is not None and c.start <= c.org_span[0] < c.end,
                                     len(re.findall(r"\b[A-Z]", text[c.start:c.end])), -c.start), default=None)
    if best is not None:
        raw = re.sub(r"(?i)^(?:the|a|an|their|its|this)\s+", "", text[best.start:best.end]).strip(" ,\"“”")
        raw = re.sub(r"\s*\([^)]*\)", "", raw)
        raw = raw.replace("\"", "").replace("“", "").replace("”", "")
        if org and org not in raw and (full_name(org) or "") not in raw and not any(
            text[s:e] in raw for s, e, short in find_organisations(raw + " ") if short == org
        ) and not find_organisations(raw):
            raw = f"{org} {raw[0].upper()}{raw[1:]}"
        name = raw[0].upper() + raw[1:] if raw else raw
        return name, (best.start, best.end)
    if org:
        return org + (" Summit" if level == "leaders" else " Foreign Ministers' Meeting"), None
    return "Talks", None


def _bilateral_countries(meeting: _Meeting, text: str, sentences: list[tuple[int, int]], people: dict[str, str]) -> list[str]:
    codes: list[str] = []
    sent = sentences[meeting.first.sentence]
    piece = text[sent[0]:sent[1]]
    for office, code in TITLE_COUNTRY.items():
        for match in re.finditer(re.escape(office), piece):
            codes.append((match.start(), code))  # type: ignore[arg-type]
    org_spans = [(s, e) for s, e, _ in find_organisations(piece)]
    for match in find_countries(piece):
        if any(s <= match.start < e for s, e in org_spans):
            continue
        before = piece[max(0, match.start - 25):match.start]
        if re.search(r"\b(?:in|to|from|at)\s+(?:the\s+)?(?:\w+\s+)?$", before) and match.kind != "possessive":
            continue
        codes.append((match.start, match.code))  # type: ignore[arg-type]
    for name, start, _ in _names_in(piece, 0):
        if name not in people and " " in name:
            code, _ = person_country(name, meeting.date)
            if code:
                codes.append((start, code))  # type: ignore[arg-type]
    for name, code in people.items():
        for token in (w for w in name.split() if len(w) > 2):
            for match in re.finditer(rf"\b{re.escape(token)}\b", piece):
                codes.append((match.start(), code))  # type: ignore[arg-type]
    ordered: list[str] = []
    for _, code in sorted(codes):  # type: ignore[misc]
        if code not in ordered:
            ordered.append(code)
    if "CHN" in ordered:
        ordered.remove("CHN")
        ordered.insert(0, "CHN")
    return ordered


def _people_countries(text: str) -> dict[str, str]:
    """Person → state from "Russian Foreign Minister Sergey Lavrov" / "Kazakhstan's Deputy Prime Minister ..."."""
    people: dict[str, str] = {}
    for match in find_countries(text):
        if match.kind not in ("demonym", "possessive"):
            continue
        tail = text[match.end:match.end + 120]
        office = re.match(r"\s+((?:[A-Z][\w'-]*|and|of|for)\s+){1,8}", tail)
        if not office:
            continue
        names = _names_in(office.group(0), match.end)
        if names:
            people.setdefault(names[0][0], match.code)
    return people


def _place(piece: str) -> str | None:
    for match in PLACE_AFTER_IN.finditer(piece):
        place = match.group("place")
        if find_countries(place) or place.split()[0] in ("The", "A", "Celebration", "March", "May", "June"):
            continue
        return place.split()[0] if place.split()[-1] in ("Municipality", "Province", "City") else place
    return None


def find_meetings(context: DocumentContext) -> list[MeetingMention]:
    """Meetings reported in the document, each with its scope and evidence.

    >>> ctx = DocumentContext("d", "BEIJING, Dec. 17, 2024 (Xinhua) -- Wang Yi attended the seventh foreign ministers' "
    ...                       "meeting of the Conference on Interaction and Confidence Building Measures in Asia (CICA) "
    ...                       "via video link on Tuesday. Wang called on CICA to play a unique role.")
    >>> [(m.organization, m.edition, m.format, str(m.date)) for m in find_meetings(ctx)]
    [('CICA', 7, 'virtual', '2024-12-17')]
    """
    text = context.clean_text
    if not text.strip():
        return []
    sentences = _sentences(context)
    paragraphs = _paragraphs(context)
    anchor = document_anchor(text, context.published_at, context.dateline)
    default_year = None if anchor else infer_year(text)
    orgs = find_organisations(text)
    candidates = _find_candidates(context, sentences, orgs, anchor, default_year)
    meetings = _group(candidates, text)
    if not meetings:
        return []
    fallback_date, fallback_source, fallback_span = _document_date(context, sentences, candidates, anchor, default_year)
    for meeting in meetings:
        if meeting.date is None:
            meeting.date, meeting.date_source = fallback_date, fallback_source
            if fallback_span:
                meeting.first.date_span = fallback_span
    scopes = _scopes(meetings, text, paragraphs)
    kept = [(m, s) for m, s in zip(meetings, scopes) if _reported(m, s, text, sentences)]
    if not kept:
        return []
    meetings = [m for m, _ in kept]
    scopes = _scopes(meetings, text, paragraphs)
    excluded_sentences = {c.sentence for c in candidates if c.excluded in ("background", "future", "purpose")}
    people = _people_countries(text)
    out: list[MeetingMention] = []
    for index, (meeting, scope) in enumerate(zip(meetings, scopes)):
        out.append(_mention(index, meeting, scope, context, sentences, excluded_sentences, people))
    return out


def _document_date(
    context: DocumentContext, sentences: list[tuple[int, int]], candidates: list[_Candidate],
    anchor: dt.date | None, default_year: int | None,
) -> tuple[dt.date | None, str, tuple[int, int] | None]:
    """For a meeting named without a date: the first in-window date of the body, else the anchor."""
    text = context.clean_text
    excluded = {c.sentence for c in candidates if c.excluded}
    for index, sent in enumerate(sentences):
        if index in excluded or _is_header(text, sent) or FIRST_PERSON.search(text, sent[0], sent[1]):
            continue  # a quoted speaker's "yesterday" is the speaker's own day, not the meeting's
        for mention in find_date_mentions(text[sent[0]:sent[1]]):
            resolved = resolve_mention(mention, anchor, default_year)
            if resolved.date and (anchor is None or anchor - dt.timedelta(days=WINDOW_BEFORE_DAYS) <= resolved.date <= anchor):
                return resolved.date, resolved.source, (sent[0] + mention.start, sent[0] + mention.end)
    if anchor is not None:
        return anchor, "publication_date", None
    return None, "unknown", None


def _mention(
    index: int, meeting: _Meeting, scope: tuple[int, int], context: DocumentContext, sentences: list[tuple[int, int]],
    excluded_sentences: set[int], people: dict[str, str],
) -> MeetingMention:
    text = context.clean_text
    scope_text = text[scope[0]:scope[1]]
    intro_span = sentences[meeting.first.sentence]
    intro = text[intro_span[0]:intro_span[1]]
    evidence = [Span("*", intro_span[0], intro_span[1])]
    org = None if meeting.bilateral else meeting.org
    org_cand = next((c for c in meeting.candidates if c.org and c.org_span and not meeting.bilateral), None)
    if org_cand and org_cand.org_span:
        evidence.append(Span("organization", *org_cand.org_span))
    canonical_org = meeting_organisation(org) if org else None
    edition = None
    if not meeting.bilateral:
        # the ordinal of the meeting's own name phrase, never of another meeting named near it ("support South
        # Africa in hosting the 15th BRICS Summit"): a named mention with the same head as the first one
        heads = [c.head for c in meeting.candidates if c.kind == "named" and not c.header]
        for cand in meeting.candidates:
            if cand.kind == "named" and cand.edition is not None and cand.edition_span and (not heads or cand.head == heads[0]):
                edition = cand.edition
                evidence.append(Span("edition", *cand.edition_span))
                break
    else:
        rounds = [c for c in meeting.candidates if c.series_round and c.edition_span and c.excluded is None]
        if rounds:
            edition = rounds[0].edition
            evidence.append(Span("edition", *rounds[0].edition_span))  # type: ignore[misc]
    chair, chair_span, chair_title = _chair(scope_text, scope[0], text)
    if chair_span:
        evidence.append(Span("chair_name", *chair_span))
    chair_country = None
    if chair:
        chair_country = people.get(chair) or _person_country(chair_title, chair)
    fmt, fmt_span = _format(meeting, scope, text, sentences, excluded_sentences)
    if fmt_span:
        evidence.append(Span("format", *fmt_span))
    level = _level(meeting, text, chair_title, scope_text, intro)
    countries = _bilateral_countries(meeting, text, sentences, people) if (meeting.bilateral or org is None) else []
    place = _place(intro)
    name, name_span = _meeting_name(meeting, text, canonical_org, edition, level, countries, place)
    if name_span:
        evidence.append(Span("name", *name_span))
    date_span = next((c.date_span for c in meeting.candidates if c.date_span and c.date == meeting.date), meeting.first.date_span)
    if date_span:
        evidence.append(Span("date", *date_span))
    outcomes = _outcomes(scope_text, scope[0])
    for _, start, end in outcomes:
        evidence.append(Span("outcome_documents", start, end))
    return MeetingMention(
        key=f"m{index}",
        name=name,
        level=level,
        date=meeting.date,
        date_source=meeting.date_source if meeting.date else "unknown",
        format=fmt,
        organization=canonical_org,
        organization_name=full_name(canonical_org) if canonical_org else None,
        edition=edition,
        chair_name=chair,
        chair_country=chair_country,
        outcome_documents=[o[0] for o in outcomes],
        scope=scope,
        evidence=evidence,
    )

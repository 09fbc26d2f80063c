"""The decision rules for ambiguous cases, each with one worked example: the part of the codebook no schema holds.

They restate the dataset contract and the annotation guideline in a reader's terms. Every example is a
sentence of the kind the sources contain and the rows the rules make of it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DecisionRule:
    """One rule: the question it settles, the tables it shapes, the rule itself and one worked example."""

    question: str
    tables: tuple[str, ...]
    rule: str
    example_text: str
    example_rows: str


DECISION_RULES: tuple[DecisionRule, ...] = (
    DecisionRule(
        question="What counts as a meeting?",
        tables=("meetings",),
        rule="A meeting gets a row when the text reports it as news: what was discussed, said, proposed, agreed or "
             "adopted there. A meeting only placed (date, place, purpose) or recalled as background, a future meeting, "
             "a press conference, a reception or a domestic meeting gets no row. Bilateral talks count. The same "
             "meeting reported by several documents is one row whose `source_doc_ids` lists all of them; its "
             "`meeting_id` comes from the canonical body and the date, so it is the same in every release.",
        example_text="Wang made the remarks while chairing a China + Central Asia (C+C5) video conference [...] "
                     "(reported again by a second article on the same day)",
        example_rows="one `meetings` row: organization `C+C5`, level `ministerial`, format `virtual`, chair_name "
                     "`Wang Yi`, source_doc_ids = both documents",
    ),
    DecisionRule(
        question="How is a meeting date resolved?",
        tables=("meetings",),
        rule="`date` is the day the meeting took place, never the publication day unless nothing else dates it. A "
             "full date in the text is `explicit`. A weekday (\"on Tuesday\") is resolved against the dateline or the "
             "publication stamp to the latest such weekday on or before it (`relative_weekday`). A day and month "
             "without a year take the year from elsewhere in the text (`year_inferred`). Failing all of these the "
             "publication date is used (`publication_date`); with no date at all `date` is null and `date_source` is "
             "`unknown`.",
        example_text="BEIJING, Dec. 17 (Xinhua) -- Chinese Foreign Minister Wang Yi attended the seventh foreign "
                     "ministers' meeting of the [...] (CICA) via video link on Tuesday.  (stamp: December 18, 2024)",
        example_rows="date `2024-12-17` (Tuesday, the dateline's day; the year from the stamp), date_source "
                     "`relative_weekday`, edition 7",
    ),
    DecisionRule(
        question="How do group mentions expand into attendees?",
        tables=("attendees",),
        rule="A group (\"foreign ministers of the five Central Asian countries\") becomes one `attendees` row per "
             "state when the states are listed or can be resolved from the same text (a body's member list at the "
             "meeting date); those rows have `name` null, the office as written in `title` and the state's ISO code "
             "in `country`. A group that cannot be resolved (\"other BRICS foreign ministers\") gives no rows. A "
             "person named later in the same text replaces the unnamed row for that state.",
        example_text="[...] which was also attended by foreign ministers from five Central Asian countries: "
                     "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.",
        example_rows="five `attendees` rows, name null, title `foreign minister`, country `KAZ`, `KGZ`, `TJK`, `TKM`, "
                     "`UZB`, role `participant`",
    ),
    DecisionRule(
        question="Who is an attendee, and under which name?",
        tables=("attendees",),
        rule="People who took part, chaired, addressed the meeting (also by video) or are listed as attending. Not "
             "senders of written messages, nor people met before or after. `name` is the full name as written "
             "(initials and accents kept, honorifics dropped); a surname alone is completed from the same text. "
             "Officials of an organisation have `country` null and `organization` set. `role` is `chair` for who "
             "chaired or presided, `host` for a host who did not chair, else `participant`.",
        example_text="Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs Murat Nurtleu described the "
                     "work done in the past two years as the rotating chair of CICA",
        example_rows="one `attendees` row: name `Murat Nurtleu`, title `Deputy Prime Minister and Minister of Foreign "
                     "Affairs`, country `KAZ`, role `participant`",
    ),
    DecisionRule(
        question="What counts as a proposal?",
        tables=("proposals",),
        rule="A row is one actionable item put forward at the meeting by a named speaker: an explicitly enumerated "
             "point (\"First, ...\", \"a four-point proposal\") with its `ordinal`, or an item introduced by a "
             "proposal verb (proposed, suggested, called for, called on X to, urged, put forward, advocated). "
             "`kind` follows the verb: `proposal`, `call`, `suggestion`, `initiative` (a named initiative put "
             "forward). Descriptions of what was discussed, positions (supports, opposes, welcomes), praise, and "
             "commitments (\"China will ...\") are not proposals.",
        example_text="First, we need to come together to defeat COVID-19.",
        example_rows="one `proposals` row: ordinal 1, kind `proposal`, text `we need to come together to defeat "
                     "COVID-19`, topics [`health`], proposer `Wang Yi` (`CHN`)",
    ),
    DecisionRule(
        question="How are coordinated lists of proposals split?",
        tables=("proposals",),
        rule="\"Called for A, B and C\" is three rows, one per coordinated item, each with the same proposer and "
             "kind and its own evidence offsets; in a semicolon list every semicolon item is a row. The row's "
             "`text` is the item itself, not the whole sentence.",
        example_text="Wang called on CICA member countries to adhere to peaceful coexistence and seek common "
                     "security; jointly advance Belt and Road cooperation to promote prosperity and development; [...]",
        example_rows="one `proposals` row per semicolon item, kind `call`, proposer `Wang Yi`: `adhere to peaceful "
                     "coexistence and seek common security`, `jointly advance Belt and Road cooperation to promote "
                     "prosperity and development`, ... (five rows)",
    ),
    DecisionRule(
        question="How are topics assigned?",
        tables=("proposals",),
        rule="Each proposal gets the best-supported topics of the fixed vocabulary, counted by topic keywords in its "
             "text (health: epidemic, vaccine, medicine; trade: tariff, market, e-commerce; ...): at most two, a second "
             "only when it is as well supported as the first, listed in vocabulary order; an item that matches no "
             "keyword is [`other`]. Topics describe the item, not the meeting.",
        example_text="Wang called for [...] expanding the scale of cross-border e-commerce [...]",
        example_rows="the row `expanding the scale of cross-border e-commerce` has topics [`trade`]",
    ),
    DecisionRule(
        question="What does an evidence row prove?",
        tables=("evidence",),
        rule="Every meeting, attendee and proposal keeps the text spans it was read from: `field` names the column "
             "the span supports (`date`, `name`, `chair_name`, `text`, ...) or `*` for the row as a whole, and "
             "`quote` always equals the document's `clean_text[start:end]`. Merging keeps the spans of every "
             "document, so a meeting reported twice has evidence in both.",
        example_text="[...] via video link on Tuesday.",
        example_rows="one `evidence` row: table `meetings`, field `date`, quote `on Tuesday`, start/end its offsets "
                     "in that document's clean_text",
    ),
    DecisionRule(
        question="When is an input rejected rather than a document?",
        tables=("documents", "rejected_documents"),
        rule="Every input file is either a `documents` row or a `rejected_documents` row with a reason code and a "
             "sentence a person can act on. Identical contents collapse to one document; the other copies are "
             "rejected as `duplicate`. A document that reports no meeting is still a document.",
        example_text="a second copy of an article under another file name",
        example_rows="one `rejected_documents` row: reason `duplicate`, detail naming the file it duplicates",
    ),
)

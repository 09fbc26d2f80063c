"""Regex building blocks shared by the gazetteers: fast alternations of literal words."""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal_alternation(words: Iterable[str], not_after: str) -> str:
    r"""Regex for one of `words` (tried in the given order) where the previous character is not in `not_after`.

    Matches exactly what `(?<!not_after)(?:w1|w2|...)` matches, but the alternatives are filed under their
    first character and the look-behind comes after it. The regex then starts with a set of literal
    characters, so the engine skips in C to positions holding one of them instead of trying a few hundred
    alternatives at every position of the text (20x faster on the country gazetteer). `not_after` is one
    character class (e.g. `[\w-]`); words must be non-empty.

    >>> re.findall(literal_alternation(["Nigeria", "Niger", "Chad"], r"[\w-]"), "Nigeria, Niger, xNiger, Chad")
    ['Nigeria', 'Niger', 'Chad']
    """
    rests_by_first: dict[str, list[str]] = {}
    for word in words:
        rests_by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in rests_by_first.items():
        head = re.escape(first)
        # same test as a look-behind before `first`: the character two back from here is not in `not_after`
        branches.append(f"{head}(?<!{not_after}{head})(?:{'|'.join(re.escape(rest) for rest in rests)})")
    return "(?:" + "|".join(branches) + ")"

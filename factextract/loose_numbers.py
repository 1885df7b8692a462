"""Numbers a reader reckons loosely, from the word before a bare "dozen" or scale: "a couple dozen" is about 24 and
"a couple of hundred" about 200 ("a couple" is two, loosely). "a few dozen" and "several dozen" say how many only
roughly and are no figure, as "several hundred" is (word_filters.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from factextract.data.number_words import DOZENS, SCALES
from factextract.numbers import Number

_COUPLE = re.compile(r"\ba\s+couple\s+(?:of\s+)?$", re.IGNORECASE)
_BARE = frozenset({*DOZENS, *SCALES})


def couple_of(number: Number, text: str) -> Number:
    """'a couple dozen' is 24 and starts at "a couple"; other numbers stay as they are."""
    couple = _COUPLE.search(text, max(0, number.start - 16), number.start) if _bare(number, text) else None
    return replace(number, start=couple.start(), value=2 * number.value) if couple else number


def couple_hedge(text: str, start: int) -> str | None:
    """The hedge of a number reckoned from "a couple": "about"."""
    return "about" if re.match(r"a\s+couple\b", text[start:start + 12], re.IGNORECASE) else None


def _bare(number: Number, text: str) -> bool:
    """A dozen or scale with no number of its own before it: "dozen", "hundred thousand"."""
    return not number.ordinal and not number.fraction and text[number.start:number.end].split()[0].lower() in _BARE

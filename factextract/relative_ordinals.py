"""Ordinals that count from the end of a series or from the item in hand: "the second-to-last debate",
"the penultimate round", "the last but one", "the next one".

Their value is a position, not a number, written as Recognizers-Text writes it: "end-1" for the one before the
last, "end+0" for the last one, "current+1" for the next one. "second-to-last" read word by word would be the
ordinal 2, a value a reader would take for "the second". "Last", "next" and "previous" as adjectives place an item
in a series as "first" does ("the next president", "his last book", "came in last"), so they are relative ordinals
too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factextract.data.number_words import ORDINALS
from factextract.data.units import TIME_UNITS

_STEPS = "next|" + "|".join(word for word, value in ORDINALS.items() if 2 <= value <= 10) + r"|[2-9](?:nd|rd|th)"
# "the second-to-last", "next to last", "third from last", "the penultimate", "the last but one"
_FROM_END = re.compile(
    rf"\b(?P<step>{_STEPS})(?:\s+|-)(?:to|from)(?:\s+|-)(?:the\s+)?last\b"
    r"|\b(?P<ante>ante)?penultimate\b"
    r"|\bthe\s+last\s+but\s+(?P<but>one|two)\b"
    r"|\bthe\s+one\s+before\s+(?:the\s+)?last(?:\s+one)?\b",
    re.IGNORECASE,
)
# "the next one", "the previous one": "one" standing for a noun, not a number ("the last one hundred days")
_PRONOUN = re.compile(
    r"\b(?P<which>last|next|previous|current)\s+one\b(?!\s*(?:-|\d|hundred|thousand|million|billion|percent|of\b))",
    re.IGNORECASE,
)
_ONE_PRONOUN_POSITION = {"last": "end+0", "next": "current+1", "previous": "current-1", "current": "current+0"}
# "current" is left out: "the current moment", "the current shortage" mean the present, not a place in a series
_ADJECTIVES = ("last", "next", "previous")
_PERIOD_PARTS = ("half", "quarter")
# "next door" places a house, "a last-minute deal" and "next-generation chips" qualify a noun with a compound
_NOT_POSITIONS = re.compile(r"-|\s+door\b|\s+but\s+not\s+least\b", re.IGNORECASE)


@dataclass(frozen=True)
class RelativeOrdinal:
    """A position counted from the end of a series or from the current item."""

    start: int
    end: int
    position: str


def relative_ordinals(doc: Doc) -> list[RelativeOrdinal]:
    """Every relative ordinal in the Doc's text, in text order, without overlaps."""
    text = doc.text
    found = [RelativeOrdinal(m.start(), m.end(), _from_end(m)) for m in _FROM_END.finditer(text)]
    found += [RelativeOrdinal(m.start(), m.end(), _ONE_PRONOUN_POSITION[m.group("which").lower()])
              for m in _PRONOUN.finditer(text)]
    found += [RelativeOrdinal(t.idx, t.idx + len(t), _ONE_PRONOUN_POSITION[t.lower_]) for t in doc
              if t.lower_ in _ADJECTIVES and t.tag_ == "JJ" and _places_in_series(t)]
    kept: list[RelativeOrdinal] = []
    for ordinal in sorted(found, key=lambda o: (o.start, -o.end)):
        if not kept or ordinal.start >= kept[-1].end:
            kept.append(ordinal)
    return kept


def _places_in_series(adjective: Token) -> bool:
    doc = adjective.doc
    if _NOT_POSITIONS.match(doc.text, adjective.idx + len(adjective)) or (
            adjective.i and doc[adjective.i - 1].lower_ == "at"):  # "at last"
        return False
    if not (adjective.is_lower or adjective.is_sent_start):  # "The Last Jedi": a capital inside a sentence, a name
        return False
    # "from previous asset sales": before a plural, "previous" means earlier ones, not the one before this
    if adjective.lower_ == "previous" and adjective.head.tag_ in ("NNS", "NNPS"):
        return False
    # "over the next couple of years", "the last half of the decade", "the current fiscal year": a stretch of time,
    # which the date rules read or leave, not an item of a series
    phrase = doc[adjective.i + 1 : max(adjective.head.i, adjective.i + 1) + 3]
    return not any(t.lower_ in TIME_UNITS or t.lower_ in _PERIOD_PARTS for t in phrase[:6])


def _from_end(match: re.Match[str]) -> str:
    step = match.group("step")
    if step is not None:
        word = step.lower()
        back = 1 if word == "next" else int(ORDINALS.get(word) or re.match(r"\d", word).group()) - 1
    elif match.group("but") is not None:
        back = 1 if match.group("but").lower() == "one" else 2
    else:
        back = 2 if match.group("ante") else 1
    return f"end-{back}"

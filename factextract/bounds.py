"""The words and symbols that bound or hedge one figure: "more than 70", "about $8 million", "<= 45",
"60 or more", "greater than or equal to 12", "must not exceed 90 days".

`read_qualifier` returns the canonical qualifier of data/qualifiers.py ("more than", "at least", "about"...)
for the figure written at text[start:end]; the figure's offsets stay those of the number itself.
"""

from __future__ import annotations

import re

from factextract.data.qualifiers import (
    HEDGES,
    NEGATED,
    NEGATIONS,
    OR_EQUAL,
    QUALIFIER_SYMBOLS,
    QUALIFIERS,
    QUALIFIERS_AFTER,
)
from factextract.doc_view import DocView
from factextract.numbers import alternation

# "n't" is glued to its verb ("doesn't exceed"), the other negations are words; "not to exceed" is a legal form;
# one verb may stand between ("never spoke longer than 30 minutes", "didn't pay more than $5": at most)
_NEGATION = rf"(?P<neg>\b(?:{alternation(NEGATIONS)})|n['’]t)\s+(?:[a-z]+\s+)?"
_BEFORE = re.compile(rf"(?:{_NEGATION})?\b(?P<q>{alternation(QUALIFIERS)})\s+$", re.IGNORECASE)
# "<>45" is "not equal", "=>" no symbol of English copy; "<=  -12" may be spaced
_SYMBOL = re.compile(rf"(?<![<>=])(?P<q>{alternation(QUALIFIER_SYMBOLS)})\s{{0,2}}$")
# where a clause ends: a comparison with nothing after it ("75 or greater than.") is over
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)\]\n]|$))"
# "60 or more people", "75 or greater than.", but not "75 or greater than 70": a new comparison starts there
_AFTER = re.compile(
    rf"\s+(?P<q>{alternation(QUALIFIERS_AFTER)})(?:\s+than{_CLAUSE_END})?\b(?!\s+(?:than|\d))", re.IGNORECASE
)
# "less than 80 or equal", "more than 250 or equal to it"; "or equal to 300" compares with another number
_OR_EQUAL = re.compile(rf"\s+or\s+equal(?:\s+(?:to|than)(?:\s+(?:it|that|this))?)?{_CLAUSE_END}", re.IGNORECASE)
_LEADING_BOUND = re.compile(rf"(?:{alternation(QUALIFIERS_AFTER)})\s+", re.IGNORECASE)
_WINDOW = 40  # characters before the figure: "greater than or equal to" with a negation before it fits
# "$374 billion over 10 years", "grew 5% over two years": "over" right after another figure spans a period
_OVER_AFTER_FIGURE = re.compile(
    r"(?:\d|%|\b(?:hundred|thousand|million|billion|trillion|percent|points?|cents?|dollars?|bn|mn))\s+over\s+$",
    re.IGNORECASE,
)
# verbs whose object is a length of time: "over" before it bounds the length
_LASTING = frozenset({"last", "take", "stay", "remain", "wait", "live", "serve", "work", "spend"})
_OVER_BEFORE = re.compile(r"\bover\s+$", re.IGNORECASE)
# "a comment about 47 percent of the country", "learn more about 529 plans": "about" after a word of talk or thought
# is its preposition, no hedge ("said about 500 people came" hedges: a verb of saying takes a clause)
_ABOUT_GOVERNED = re.compile(
    r"\b(?:comments?|remarks?|questions?|stor(?:y|ies)|articles?|worr(?:y|ies|ied|ying)|debates?|jok(?:es?|ed|ing)"
    r"|talk(?:s|ed|ing)?|learn(?:s|ed|ing)?|cares?|cared|caring|complain(?:s|ed|ing)?|more|much|anything|nothing)"
    r"\s+about\s+$", re.IGNORECASE)
# the words before a qualifier that make it a preposition, bounding and hedging nothing
_PREPOSITION_CONTEXT = {"over": _OVER_AFTER_FIGURE, "about": _ABOUT_GOVERNED}
_MARGIN = re.compile(r"(?:\bplus\s+or\s+minus|±|\+/[-−])\s{0,2}$", re.IGNORECASE)


def read_qualifier(text: str, start: int, end: int) -> str | None:
    """The qualifier of the figure at text[start:end], from the words or symbol before it and the bound after it.

    Args:
        text: the whole text.
        start, end: the figure's offsets (a currency symbol or unit included).

    Returns:
        A canonical qualifier ("more than", "at least", "at most", "exactly", "about"...) or None.
    """
    before = _before(text, start)
    if before in OR_EQUAL and _OR_EQUAL.match(text, end):
        return OR_EQUAL[before]
    after = _AFTER.match(text, end)
    return prefer_bound(before, QUALIFIERS_AFTER[after.group("q").lower()] if after else None)


def prefer_bound(before: str | None, after: str | None) -> str | None:
    """A bound written after a figure wins over a hedge before it: "about 300 or more" is at least 300."""
    if after is not None and (before is None or before in HEDGES):
        return after
    return before


def margin_start(text: str, start: int) -> int:
    """Where the margin of "plus or minus 3 points" or "± 3%" starts: the figure's span takes it in, since the
    number alone ("3 points") says something else."""
    margin = _MARGIN.search(text, max(0, start - 20), start)
    return margin.start() if margin else start


def without_bound(words: str) -> str:
    """What a number counts, without the bound written between them: "60 or more people" counts "people"."""
    bound = _LEADING_BOUND.match(words)
    return words[bound.end():] if bound else words


def _before(text: str, start: int) -> str | None:
    words = _BEFORE.search(text, max(0, start - _WINDOW), start)
    preposition = _PREPOSITION_CONTEXT.get(words.group("q").lower()) if words else None
    if preposition is not None and preposition.search(text, max(0, start - _WINDOW), start):
        return None
    if words:
        qualifier = QUALIFIERS[words.group("q").lower()]
        return NEGATED.get(qualifier, qualifier) if words.group("neg") else qualifier
    symbol = _SYMBOL.search(text, max(0, start - 5), start)
    return QUALIFIER_SYMBOLS[symbol.group("q")] if symbol else None


def duration_bound(view: DocView, start: int, end: int) -> str | None:
    """The bound of a length of time at text[start:end]: none where "over" runs across the period."""
    return None if _over_spans_the_period(view, start) else read_qualifier(view.text, start, end)


def _over_spans_the_period(view: DocView, start: int) -> bool:
    """'a hole in the budget over a decade', 'prices rose over three months': "over" heading the period as a
    preposition runs across it, where "for over a decade" and "over two weeks ago" bound the number (the parser
    makes that "over" a modifier of the number, not a preposition with the period as its object)."""
    over = _OVER_BEFORE.search(view.text, max(0, start - 6), start)
    token = view.token_at(over.start()) if over else None
    return token is not None and token.dep_ == "prep" and any(child.idx >= start for child in token.children) \
        and token.head.lemma_ not in _LASTING  # "likely to last over a week", "served over a decade": more than

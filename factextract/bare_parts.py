"""Part words standing alone: "half", "quarter", "third". Bare, they name a part or a period of a game or a year
("the first half", "the third quarter"), not a share; a share needs "of", an article or a bound ("half of them",
"half a million", "more than half"). Two readings of English override that: an ordinal before a noun that is no
part or period ranks it ("the third time", "a third straight win": 3), and "another" before a bare part that is
the subject or object of its clause is one more share of a whole ("put another quarter into savings": 0.25).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from factextract.data.number_words import ORDINALS
from factextract.numbers import Number

_BARE_PARTS = frozenset({"half", "quarter", "quarters", "third", "thirds"})
_PART_AFTER = re.compile(r"\s+(?:of|a|an|million|billion)\b", re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"\b(?:than|about|nearly|almost|over|some|around)\s+$", re.IGNORECASE)
# The parts and periods an ordinal divides a game or a year into: "the third quarter", "the second half"
_PERIODS = frozenset({"quarter", "quarters", "half", "halves", "period", "periods"})
# "the bottom fifth of incomes", "the richest third": a slice of a whole counted from one end
_SLICE_WORDS = frozenset({"top", "bottom", "middle", "lowest", "highest", "poorest", "richest", "wealthiest", "upper",
                          "lower"})
_ARTICLE_ORDINAL = re.compile(r"an?\s+(?P<ordinal>[a-z]+)", re.IGNORECASE)


def bare_part(number: Number, text: str, token: Token | None) -> bool:
    """Whether the part word at number is a part or a period ('the first half'), no figure."""
    written = text[number.start:number.end].lower()
    if written not in _BARE_PARTS or _PART_AFTER.match(text, number.end) \
            or _APPROX_BEFORE.search(text, max(0, number.start - 12), number.start):
        return False
    if token is None:
        return True
    # "the third time", "the third meeting": an ordinal that ranks the noun it modifies
    if number.ordinal and _ranks_noun(token):
        return False
    # "put another quarter into savings", "another third went to rent": one more share
    return not _another_share(token)


def _another_share(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i else None
    return (before is not None and before.lower_ == "another" and token.lower_ in _BARE_PARTS
            and token.dep_ in ("nsubj", "nsubjpass", "dobj"))


def ranked_part(number: Number, text: str, token: Token | None) -> Number:
    """'a third straight win', 'a fifth term': the ordinal after "a" ranks the noun it modifies, it is no fraction
    (1/3) as in 'a third of voters' or 'cut by a third'; 'another third went to rent' is one more share, 1/3."""
    if number.ordinal and token is not None and (_another_share(token) or _slice(token, number)):
        return replace(number, value=1 / number.value, ordinal=False, fraction=True)
    article = _ARTICLE_ORDINAL.fullmatch(text, number.start, number.end) if number.fraction else None
    word = article.group("ordinal").lower() if article else ""
    if article is None or word not in ORDINALS or token is None:
        return number
    ordinal = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if ordinal is None or not _ranks_noun(ordinal):
        return number
    return replace(number, start=article.start("ordinal"), value=float(ORDINALS[word]), ordinal=True, fraction=False)


def _slice(token: Token, number: Number) -> bool:
    """'the bottom fifth of earners': a share (1/5) ranked from one end, not the fifth of something."""
    before = token.doc[token.i - 1] if token.i else None
    return (before is not None and before.lower_ in _SLICE_WORDS and number.value >= 3 and not _ranks_noun(token))


def _ranks_noun(token: Token) -> bool:
    head = token.head
    # "the third largest lender", "the third-biggest bank": an ordinal before a superlative ranks, as "fourth" does
    nxt = token.doc[token.i + 2 if token.nbor(1).text == "-" and token.i + 2 < len(token.doc) else token.i + 1] \
        if token.i + 1 < len(token.doc) else None
    return (token.dep_ == "amod" and head.i > token.i and head.pos_ in ("NOUN", "PROPN")
            and head.lower_ not in _PERIODS) or (nxt is not None and nxt.tag_ in ("JJS", "RBS"))

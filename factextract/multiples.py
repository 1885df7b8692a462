"""Multiples: "three times the rate", "twice as large", "double the size", "sales tripled", "rents could double",
"a threefold rise", "a 10-fold increase", "halved", "cut in half".

A multiple compares one amount with another; a fact-checker checks it as a figure, a quantity in unit "times".
figures.py reads "N times" and "N-fold" after a number (`TIMES_AFTER`, `FOLD_AFTER`, `fold_multiplies`);
`word_multiples` finds those written as one word. A word of doubling is a multiple where the parse makes it a verb
of growth ("costs may triple") or a word of change follows it ("a threefold rise"); "a double room", "a double
standard", "a triple play" and "double-digit" name a kind of thing, they multiply nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from factextract.data.number_words import CARDINALS
from factextract.doc_view import DocView
from factextract.numbers import alternation

# "three times the rate", "10 times larger", "1.65 times book value"; "called five times that day" counts occasions
_COMPARED = (r"(?:the|as|more|less|higher|lower|larger|greater|bigger|smaller|faster|that\s+of|what|book|its|their"
             r"|his|her|our|your)")
TIMES_AFTER = re.compile(rf"\s+(?P<times>times)\s+{_COMPARED}\b", re.IGNORECASE)
# "a 10-fold increase", "rose three-fold": the number and "fold" make one multiple
FOLD_AFTER = re.compile(r"(?:-|\s)?fold\b", re.IGNORECASE)
_STEMS = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "quintupl": 5, "halv": 0.5}
_FACTORS = {"twice": 2, "thrice": 3, **{stem + "e": factor for stem, factor in _STEMS.items()}}
# "twice as large", "double the size"
_COMPARED_WORD = re.compile(rf"\b(?P<word>{alternation(_FACTORS)})(?=\s+{_COMPARED}\b)", re.IGNORECASE)
# "sales doubled", "costs may triple", "a doubling of fees"; "double-digit", "triple-check" are compounds
_VERB_FORM = re.compile(rf"\b(?P<stem>{alternation(_STEMS)})(?:e|es|ed|ing)\b(?!-)", re.IGNORECASE)
# "threefold", "tenfold", "hundredfold"
_FOLD_WORD = re.compile(rf"\b(?P<n>{alternation([*CARDINALS, 'hundred', 'thousand'])})fold\b", re.IGNORECASE)
_FOLD_NUMBERS = {**CARDINALS, "hundred": 100, "thousand": 1000}
# "doubled as an office", "doubled down", "doubled back": a role or a posture, no growth
_NOT_GROWTH = frozenset({"as", "down", "up", "back"})
# "doubled over in pain" is a posture; "doubled over the last decade" grows over a period
_BENT_OVER = re.compile(r"\s+over(?!\s+(?:the|a|an|\d|\w+\s+(?:years|months|decades)))", re.IGNORECASE)
# "cut fees in half", "slashed in half": a verb of reduction and "in half" halve; "split the apple in half" divides
_IN_HALF = re.compile(r"\bin\s+half\b", re.IGNORECASE)
_REDUCING = frozenset({"cut", "slash", "reduce", "trim", "chop", "shrink", "fall", "drop", "decline"})
# Nouns of change and of likelihood a multiple sizes: "a threefold rise", "a tenfold risk"
_CHANGE_NOUNS = frozenset({
    "increase", "rise", "growth", "jump", "gain", "surge", "climb", "expansion", "boost", "hike", "spike", "leap",
    "decrease", "decline", "drop", "fall", "reduction", "cut", "difference", "risk", "chance", "odds", "likelihood",
})


@dataclass(frozen=True)
class Multiple:
    start: int
    end: int
    factor: float


def word_multiples(text: str, view: DocView) -> list[Multiple]:
    """Multiples written as one word, in text order."""
    found = {m.start(): Multiple(m.start(), m.end(), float(_FACTORS[m.group("word").lower()]))
             for m in _COMPARED_WORD.finditer(text)}
    for m in _VERB_FORM.finditer(text):
        if m.start() not in found and _grows(view.token_at(m.start()), m.group().lower()):
            found[m.start()] = Multiple(m.start(), m.end(), float(_STEMS[m.group("stem").lower()]))
    for m in _IN_HALF.finditer(text):
        token = view.token_at(m.start())
        if token is not None and token.dep_ == "prep" and token.head.lemma_.lower() in _REDUCING:
            found[m.start()] = Multiple(m.start(), m.end(), 0.5)
    for m in _FOLD_WORD.finditer(text):
        token = view.token_at(m.start())
        if token is not None and fold_multiplies(token):
            found[m.start()] = Multiple(m.start(), m.end(), float(_FOLD_NUMBERS[m.group("n").lower()]))
    return sorted(found.values(), key=lambda m: m.start)


def _grows(token: Token | None, word: str) -> bool:
    """'rents doubled', 'costs may triple', 'will more than quadruple', 'a doubling of fees', 'a double increase'."""
    if token is None:
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and (after.lower_ in _NOT_GROWTH or _BENT_OVER.match(doc.text, token.idx + len(token))):
        return False
    if word.endswith("ed") or token.pos_ == "VERB":  # "doubled" grows wherever it stands, as it always read
        return True
    # "will more than triple": a word with a subject or an auxiliary is a verb, whatever its tag
    if any(child.dep_ in ("nsubj", "aux") for child in token.children):
        return True
    if word.endswith("ing") and after is not None and after.lower_ == "of":  # "a doubling of fees"
        return True
    return token.head.i > token.i and token.head.lemma_.lower() in _CHANGE_NOUNS


def fold_multiplies(token: Token | None) -> bool:
    """'a threefold rise', 'rose 10-fold', 'a tenfold higher risk'; not 'the aims are twofold', 'a twofold plan'."""
    if token is None:
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.tag_ in ("JJR", "RBR"):
        return True
    head = token.head
    return (head.pos_ == "VERB" and head.i < token.i) or (head.i > token.i and head.lemma_.lower() in _CHANGE_NOUNS)

"""Amounts told by how many digits they have: "a six-figure salary", "still owes five figures", "bids ran into
seven figures". A reader takes N figures of money as at least 10^(N-1) and at most 10^N - 1, so the figure is a
range with that min and max, as "$500 to $2,000" is, with the money noun as what it sizes (the currency is
unwritten, so none is given). "N-figure" before a noun that is no money ("a five-figure crowd") is no figure, and
"N figures" with no money around it counts figures ("five figures stood in the hall").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from factextract.numbers import Number

_FIGURES_AFTER = re.compile(r"(?P<hyphen>-|\s)figures?\b", re.IGNORECASE)
# Nouns of money a digit count sizes, and verbs of money or of reaching an amount whose object or goal the digit
# count is ("owes five figures", "ran into six figures", "topped seven figures")
_MONEY_NOUNS = frozenset({
    "salary", "pay", "wage", "income", "sum", "deal", "debt", "fee", "payout", "settlement", "price", "bonus",
    "donation", "contract", "payment", "check", "cheque", "loan", "budget", "bill", "fine", "award", "offer",
    "paycheck", "compensation", "gift", "grant", "advance", "investment", "fortune", "bid", "damages", "severance",
    "revenue", "profit", "earnings", "jackpot", "prize", "ransom", "bail", "fundraising", "amount", "balance",
})
_MONEY_VERBS = frozenset({
    "owe", "earn", "make", "pay", "cost", "fetch", "raise", "spend", "command", "charge", "receive", "sell",
    "donate", "lose", "win", "collect", "bring", "net", "gross", "bid", "offer", "run", "reach", "hit", "top",
    "climb", "exceed", "save", "lop", "shave", "knock", "borrow", "invest", "steal",
})
_MONEY_WORDS = _MONEY_NOUNS | _MONEY_VERBS


@dataclass(frozen=True)
class DigitSize:
    end: int
    low: float
    high: float
    counted: str | None
    money: bool  # False: "a five-figure crowd", no figure at all


def digit_size(number: Number, text: str, token: Token | None) -> DigitSize | None:
    """The range of 'a six-figure salary' (100,000 to 999,999); None where the number counts no digits of money."""
    after = _FIGURES_AFTER.match(text, number.end)
    if after is None or token is None or number.ordinal or number.fraction or not 2 <= number.value <= 12 \
            or not float(number.value).is_integer():
        return None
    figure = token.doc[min(token.i + (2 if after.group("hyphen") == "-" else 1), len(token.doc) - 1)]
    if figure.lower_ not in ("figure", "figures"):
        return None
    money = _money_around(figure)
    if money is None and after.group("hyphen") != "-":
        return None  # "five figures stood in the hall" counts figures
    digits = int(number.value)
    return DigitSize(after.end(), 10.0 ** (digits - 1), 10.0**digits - 1, money.text if money is not None and
                     money.pos_ == "NOUN" else None, money is not None)


def _money_around(figure: Token) -> Token | None:
    """The noun of money the digit count sizes ("salary") or the verb of money it is the amount of ("owes")."""
    # "prices start at six figures": a starting point of an amount ("starts with two figures on stage" is none)
    if figure.head.lower_ == "at" and figure.head.head.lemma_.lower() in ("start", "begin"):
        return figure.head.head
    word, steps = figure.head, 0
    while steps < 3 and word.i != word.head.i and word.lemma_.lower() not in _MONEY_WORDS \
            and word.pos_ in ("ADP", "NOUN") and word.lemma_.lower() not in ("figure", "digit"):
        word, steps = word.head, steps + 1
    return word if word.lemma_.lower() in _MONEY_WORDS else None

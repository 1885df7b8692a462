"""Money around a number: currency symbols, ISO codes and names before or after it, minor units, sterling.

figures.py asks these when it reads a number ("£1.2bn", "200 EUR", "1p a pint", "30c"); the word lists are in
data/currencies.py.
"""

from __future__ import annotations

import re

from factextract.data import currencies
from factextract.numbers import START_WORDS, Number, alternation

_CODES = alternation(currencies.CODES | set(currencies.MILLION_CODES))
# ISO codes are capitals ("USD 200"; "pen 7" is a pen) unless glued to a dollar sign ("usd$ 15").
CURRENCY_BEFORE = re.compile(
    rf"(?:(?P<code>\b(?:(?-i:{_CODES})|(?:{_CODES})\$))|(?P<sym>(?<![a-z])"
    rf"(?:{alternation(currencies.PREFIX_SYMBOLS)}))|\b(?P<word>dollars?|euros?|dlrs\.?))\s?$",
    re.IGNORECASE,
)
CURRENCY_AFTER = re.compile(
    rf"(?:\s?(?P<sym>{alternation(currencies.SUFFIX_SYMBOLS)})|\s?(?P<code>(?-i:{_CODES})\b)"
    rf"|[\s-](?P<name>(?:{alternation(currencies.NAMES)}))\b)",
    re.IGNORECASE,
)
# "1p a pint", "30c", "45¢": a minor unit written as its abbreviation, glued to the amount (UK and Irish news,
# price tables); "4pm", "3cm" and "4p.m." are not, nor is "5 p" spaced (a page, a point).
MINOR_AFTER = re.compile(r"(?P<minor>p|c)(?!\w|%|\.[a-z])|\s?(?P<cent>¢)")
AMOUNT_BEFORE_WORD = re.compile(rf"(?:\d|\b(?:{alternation(START_WORDS)}))\s+(?:dollars?|euros?)\s?$", re.IGNORECASE)
# Money words nearby make "pounds" sterling rather than weight.
_MONEY_CONTEXT = re.compile(
    r"\b(?:pa(?:y|id|ys)|cost|costs|price|worth|fined?|spen[dt]|sold|bought|salary|earn\w*|budget|profit\w*|"
    r"revenue|sales|fund\w*|invest\w*|deal|bid|loan|debt|tax|wage|bonus|compensation|damages)\b",
    re.IGNORECASE,
)


def currency_code(symbol: str | None) -> str | None:
    if not symbol:
        return None
    key = symbol.lower()
    if key in currencies.PREFIX_SYMBOLS:
        return currencies.PREFIX_SYMBOLS[key]
    upper = symbol.upper().rstrip("$").strip()
    if upper in currencies.MILLION_CODES:
        return currencies.MILLION_CODES[upper]
    if upper in currencies.CODES:
        return currencies.CODE_ALIASES.get(upper, upper)
    # "dlrs 1.2 billion": wire copy's abbreviation of dollars
    if key.rstrip("s") in ("dollar", "euro") or key.rstrip(".") == "dlrs":
        return "EUR" if key.startswith("euro") else "USD"
    return None


def cents_currency(text: str, start: int) -> str:
    """Whose cents: the euro where the text wrote euros before ("€2.50 ... 30c"), else the dollar."""
    before = text[:start]
    euro, dollar = max(before.rfind("€"), before.lower().rfind("euro")), before.rfind("$")
    return "EUR" if euro > dollar else "USD"


def is_sterling(number: Number, text: str, end: int) -> bool:
    span = text[number.start:end].lower()
    if any(scale in span for scale in ("million", "billion", "thousand", "bn", "m ")):
        return True
    window = text[max(0, number.start - 80):end + 40]
    return bool(_MONEY_CONTEXT.search(window))

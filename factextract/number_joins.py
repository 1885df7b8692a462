"""Figures written as two numbers: proportions ("one in three", "2 out of 5", "eight of 10 voters") and exchange
ratios ("a 3-for-1 split"), a fraction of a percent ("half of 1 percent"), powers ("1.3x10^6"), imperial measures
in two units ("5 ft 2 in") and ranges ("between 12 and 18", "300–800", "$10-15 million").

figures.py reads each number on its own; these joins run on its drafts afterwards, in text order,
so a proportion is only made of two plain counts (not "5 over 10 years", not "$3 in 2 days").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol, TypeVar

from factextract.bounds import prefer_bound
from factextract.data.number_words import CARDINALS, SCALE_SUFFIXES, SCALES
from factextract.data.units import SUBDIVIDED


class _Draft(Protocol):
    start: int
    end: int
    kind: str
    value: float | str | None
    confidence: float
    number_start: int
    number_end: int
    unit: str | None
    currency: str | None
    qualifier: str | None
    counted: str | None
    minimum: float | str | None
    maximum: float | str | None


D = TypeVar("D", bound=_Draft)
T = TypeVar("T")

# "1 over 3", "two out of five hundred tvs", "one in three voters", "eight of 10 voters"
# "one in every nine", "one of every five": "every" makes any whole a proportion's
_RATIO_JOIN = re.compile(r"\s+(?P<word>over|out\s+of|in|of)(?P<every>\s+every)?\s+", re.IGNORECASE)
# "one of 10 voters", "one of a hundred", "one of every nine": "one of" before a round whole or "every" is the part
# of a proportion, no pronoun
ONE_OF_ROUND = re.compile(r"\s+of\s+(?:10|100|1,000|ten|a\s+hundred|a\s+thousand|every\s+\w+)\s+[a-z]",
                          re.IGNORECASE)
_ROUND_WHOLES = (10.0, 100.0, 1000.0)
# "1.1^23", "2.5^-1", "-1.1^--23" (signs after the caret multiply), "1.3x10^6", "6.23 × 10^-4"
_POWER = re.compile(r"(?P<ten>\s?[x×*]\s?10)?\s?\^\s?(?P<sign>[+-]*)(?P<exp>\d+)(?![\d.])")


def join_powers(drafts: list[D], text: str) -> list[D]:
    """'6.23x10^-4' is 0.000623: one figure, not 6.23, 10 and 4."""
    joined: list[D] = []
    for draft in drafts:
        if joined and draft.start < joined[-1].end:
            continue  # the exponent, already part of the power before it
        power = _POWER.match(text, draft.end) if draft.kind == "count" and isinstance(draft.value, float) else None
        if power is not None:
            exponent = int(power.group("exp")) * (-1 if power.group("sign").count("-") % 2 else 1)
            base = draft.value
            if power.group("ten"):
                value = base * 10.0**exponent
            else:  # "-2.5^-1" is -(2.5^-1): the sign stays outside the power
                value = (-1 if base < 0 else 1) * abs(base) ** exponent if base or exponent >= 0 else None
            if value is not None:
                draft = replace(draft, end=power.end(), number_end=power.end(), value=float(value), counted=None)
        joined.append(draft)
    return joined


def join_pairs(drafts: list[T], join: Callable[[T, T], T | None]) -> list[T]:
    """Walks neighbours in text order; where `join` makes one figure (or date) of two, both give way to it."""
    joined: list[T] = []
    i = 0
    while i < len(drafts):
        pair = join(drafts[i], drafts[i + 1]) if i + 1 < len(drafts) else None
        joined.append(pair if pair is not None else drafts[i])
        i += 2 if pair is not None else 1
    return joined


def join_ratios(drafts: list[D], text: str) -> list[D]:
    """'one in three voters' is a proportion, 1/3, as a reader takes it: a quantity with unit fraction; so is the
    exchange ratio of 'a 3-for-1 split'."""
    return _join_exchanges(join_pairs(drafts, lambda first, second: _proportion(first, second, text)), text)


def _proportion(first: D, second: D, text: str) -> D | None:
    link = _RATIO_JOIN.fullmatch(text, first.end, second.start)
    if link is None or not _is_proportion(first, second, "in" if link.group("every") else link.group("word").lower()):
        return None
    return replace(
        first, end=second.end, number_end=second.number_end, kind="quantity", unit="fraction",
        value=first.value / second.value, counted=second.counted, confidence=min(first.confidence, second.confidence),
        qualifier=prefer_bound(first.qualifier, second.qualifier),  # "3 in 10 or more": the bound follows the whole
    )


# "a 3-for-1 split", "a two-for-one offer", "1-for-10 reverse split": the exchange ratio of a split, swap or offer
_FOR = re.compile(r"-for-(?P<whole>\d+(?:\.\d+)?|[a-z]+)\b(?!-\d|\.\d)", re.IGNORECASE)


def _join_exchanges(drafts: list[D], text: str) -> list[D]:
    """'a 3-for-1 stock split' is one ratio, 3/1, read as a proportion is: not a count of 'for-1 stock split'
    and a count 1."""
    joined: list[D] = []
    for draft in drafts:
        last = joined[-1] if joined else None
        if last is not None and last.unit == "fraction" and draft.start < last.end:
            continue  # the whole of the ratio before it
        exchange = _FOR.match(text, draft.end) if draft.kind == "count" and isinstance(draft.value, float) else None
        written = exchange.group("whole").lower() if exchange else ""
        whole = float(written) if written[:1].isdigit() else float(CARDINALS.get(written, 0))
        if exchange is not None and whole > 0:
            draft = replace(draft, end=exchange.end(), number_end=exchange.end(), kind="quantity", unit="fraction",
                            value=draft.value / whole, counted=None)
        joined.append(draft)
    return joined


def _is_proportion(first: _Draft, second: _Draft, word: str) -> bool:
    if first.kind != "count" or second.kind != "count":
        return False  # "$5 over 10 years", "3 in 10 minutes": a measure then its period
    if not isinstance(first.value, float) or not isinstance(second.value, float) or second.value <= 0:
        return False
    if word == "over":  # "one over three": spoken division
        return True
    # "eight of 10 voters": a share of a round whole before a noun ("three of 7 seats", "two of the aides" count)
    if word == "of" and (second.value not in _ROUND_WHOLES or second.counted is None or first.value >= second.value):
        return False
    # "one in three", "two out of five": the part is at most the whole ("3 in 2" is no share)
    return 0 <= first.value <= second.value


_OF = re.compile(r"\s+of\s+")


def join_parts(drafts: list[D], text: str) -> list[D]:
    """'less than half of 1 percent' is one percent, 0.5: the fraction takes its share of the percent after it, and
    the bound before the fraction bounds the whole."""
    return join_pairs(drafts, lambda first, second: _part_of_percent(first, second, text))


def _part_of_percent(first: D, second: D, text: str) -> D | None:
    if not (first.kind == "quantity" and first.unit == "fraction" and second.kind == "percent"
            and isinstance(first.value, float) and isinstance(second.value, float) and 0 < first.value < 1
            and _OF.fullmatch(text, first.end, second.start)):
        return None
    return replace(second, start=first.start, number_start=first.number_start, value=first.value * second.value,
                   qualifier=prefer_bound(first.qualifier, second.qualifier),
                   confidence=min(first.confidence, second.confidence))


# "5 feet 2 inches", "5 feet and 2 inches", "12 ft 2 in" (a spaced "in" is no unit on its own: "2 in the morning")
_PARTS_JOIN = re.compile(r"\s+(?:and\s+)?")
_INCHES_AFTER = re.compile(r"\s?in\b\.?")


def join_subdivided(drafts: list[D], text: str) -> list[D]:
    """'5 ft 2 in' is one height, 5.1667 feet, as '3 dollars 50 cents' is one amount."""
    joined: list[D] = []
    for draft in drafts:
        last = joined[-1] if joined else None
        whole = SUBDIVIDED.get(last.unit or "") if last is not None and last.kind == "quantity" else None
        if whole is not None and isinstance(last.value, float) and isinstance(draft.value, float) \
                and 0 <= draft.value < whole[1] and _PARTS_JOIN.fullmatch(text, last.end, draft.start):
            end = draft.end if draft.kind == "quantity" and draft.unit == whole[0] else None
            inches = _INCHES_AFTER.match(text, draft.end) if draft.kind == "count" and whole[0] == "inch" else None
            end = inches.end() if inches is not None else end
            if end is not None:
                value = last.value + draft.value / whole[1]
                joined[-1] = replace(last, end=end, number_end=draft.number_end, value=value)
                continue
        joined.append(draft)
    return joined


# What joins the two ends of a range: a dash or tilde between numerals ("300–800", "15~40"), "to" and
# "through" ("grades 9 through 12"), "and" after "between"
# "18- to 24-year-olds": a hyphen left hanging before "to" shares the second number's compound
_RANGE_JOIN = re.compile(r"\s*(?:-\s+(?=to\b))?(?P<word>-|–|—|~|to|through|thru|and|or)\s*", re.IGNORECASE)
_DASHES = frozenset({"-", "–", "—", "~"})
# "between the ages of 17 and 20": up to three words between the opener and the first number
_OPENER = re.compile(r"\b(between|from)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_LAST_WORD = re.compile(r"[A-Za-z]+$")


def join_ranges(drafts: list[D], text: str) -> list[D]:
    """'between 12 and 18', '10-15 miles', 'from $5 to $10', '300–800': one range figure with min and max."""
    return join_pairs(drafts, lambda first, second: _range(first, second, text))


def _range(first: D, second: D, text: str) -> D | None:
    if first.kind in ("date", "time", "ordinal") or second.kind in ("date", "time", "ordinal") \
            or not isinstance(first.value, float) or not isinstance(second.value, float):
        return None
    join = _RANGE_JOIN.fullmatch(text, first.end, second.start)
    if join is None:
        return None
    word = join.group("word").lower()
    opener = _OPENER.search(text, max(0, first.start - 30), first.start)
    digits = text[first.number_start].isdigit() and text[second.number_start].isdigit()
    # "2 to 3 percent", "2 or 3 percent": a bare number before "to" or "or" takes the unit after the second
    bare_to = word in ("to", "or") and first.kind == "count" and first.counted is None and second.kind != "count"
    # "aged 5 to 7", "50% to 75%", "$148 million to $153 million": two numbers of one unit, the second larger
    same_unit = word == "to" and first.kind == second.kind and first.kind in ("quantity", "percent", "money") \
        and (first.unit, first.currency) == (second.unit, second.currency) \
        and first.counted in (None, second.counted)  # "15% to 20% of the business": the noun follows the second
    # "two or three things", "10 or 12 people": a reckoning between close numbers, not a choice of two counts
    guess = word == "or" and first.kind == second.kind == "count" and second.value <= 2 * first.value
    between = opener is not None and (word == "and") == (opener.group(1).lower() == "between")
    if not ((word in _DASHES and digits) or word in ("through", "thru") or bare_to or same_unit or guess or between):
        return None
    low = _shared_scale(first.value, second.value, text[first.number_start:first.number_end],
                        text[second.number_start:second.number_end])
    if not low < second.value:
        return None
    return replace(
        first, end=second.end, kind="range", value=None, confidence=min(first.confidence, second.confidence),
        number_end=second.number_end, unit=second.unit or first.unit, currency=second.currency or first.currency,
        counted=second.counted, minimum=low, maximum=second.value,
    )


def _scale(written: str) -> float:
    word = _LAST_WORD.search(written)
    if word is None:
        return 1.0
    return SCALES.get(word.group().lower()) or SCALE_SUFFIXES.get(word.group()) or 1.0


def _shared_scale(low: float, high: float, low_written: str, high_written: str) -> float:
    """The low end of "$10-15 million" and "between 2 and 3 billion": the scale written once serves both
    ("between 500 and 2 million" stays 500: scaled, it would pass the high end)."""
    scale = _scale(high_written)
    return low * scale if scale > 1 and _scale(low_written) == 1 and low * scale < high else low


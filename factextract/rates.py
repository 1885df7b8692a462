"""Rates written with an article: "$30 a share", "13 cents a share", "$60 a ton", "2,000 tons a day",
"a $19-a-share offer", "a $200-million-a-year unit", "two ferries a week", "$9 per head".

News copy gives a price, a wage or a pace as an amount "a", "an", "per" or "each" one unit of something; without
the unit the figure says the wrong thing ("$30" is no price of a company). figures.py reads "50 km per hour" and
"/h" after a unit (`_PER_AFTER`); this pass reads the rest once the figures are drafted, so the dates are known:
"a year ago", "a week later" and "a year-earlier" are dates or words of comparison, never a denominator.

The unit says the denominator after the figure's own unit, as the units of data/units.py do ("kilometer per
hour"): money with no unit is "per share", cents are "cent per share", tons a day "ton per day", and a count of
ferries a week "per week" (its counted noun stays "ferries"). The figure's span takes in the rate's words, and for
a count the noun between ("two ferries a week").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, TypeVar

from factextract.bounds import read_qualifier
from factextract.data import units
from factextract.doc_view import DocView
from factextract.numbers import alternation

_Draft = TypeVar("_Draft", bound=Any)

# the nouns a rate is counted in, singular as "a" and "per" take them, and the unit each is named by
_TIMES = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "night", "week": "week",
          "month": "month", "quarter": "quarter", "year": "year", "annum": "year", "season": "season"}
_THINGS = {"share": "share", "head": "head", "person": "person", "capita": "capita", "unit": "unit",
           "seat": "seat", "ticket": "ticket", "game": "game", **{w: units.WORDS[w] for w in (
               "ton", "tonne", "barrel", "ounce", "pound", "gallon", "liter", "litre", "kilo", "kilogram", "gram",
               "bushel", "acre", "hectare", "mile", "kilometer", "kilometre", "foot", "square foot", "square meter")}}
# "a share of the market", "a year-earlier profit", "a year ago", "a day off", "a year's pay": no denominator
_RATE = re.compile(
    rf"(?:\s+|-)(?P<art>a|an|per|each)(?:\s+|-)(?P<den>{alternation([*_TIMES, *_THINGS])})"
    r"\b(?![-'’]\w|\s+(?:of|off|ago|earlier|later|before|after|prior|from\s+now|or\s+(?:so|two))\b)"
    r"|\s+(?P<adverb>annually|yearly|monthly|weekly|daily|hourly)\b")  # "earning $6,000 annually"
_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
            "hourly": "hour"}
# units a denominator would garble: a rate already, a share of one, a multiple, a temperature or an age
_NO_RATE_UNITS = frozenset({"fraction", "times", *units.TEMPERATURE_UNITS})


def with_rates(drafts: list[_Draft], view: DocView) -> list[_Draft]:
    """Each money, count, quantity or range draft followed by a rate's words, with its unit and span taking them in."""
    text, out, dropped = view.text, list(drafts), set()
    for i, draft in enumerate(drafts):
        found = _rate(draft, text, view)
        if found is None or i in dropped:
            continue
        end, unit = found
        inside = {j for j, d in enumerate(drafts) if j != i and draft.end < d.end and d.start < end}
        # "$5 a year ago": the date's words are not the rate's; "a quarter" inside a rate is no fraction of one
        if any(drafts[j].kind in ("date", "time", "duration") or drafts[j].end > end for j in inside):
            continue
        qualifier = draft.qualifier or read_qualifier(text, draft.start, end)
        out[i], dropped = replace(draft, end=end, unit=unit, qualifier=qualifier), dropped | inside
    return [d for j, d in enumerate(out) if j not in dropped]


def _rate(draft: _Draft, text: str, view: DocView) -> tuple[int, str] | None:
    """Where the rate after a draft ends and the unit it makes, or None when no rate follows."""
    measured = draft.kind == "quantity" or (draft.kind == "range" and draft.unit is not None)
    if not (draft.kind in ("money", "count") or measured or (draft.kind == "range" and draft.currency)):
        return None
    if draft.unit is not None and (" per " in draft.unit or draft.unit in _NO_RATE_UNITS or draft.counted == "age"):
        return None
    counts = draft.kind == "count"
    at = _after_counted(draft, text) if counts else draft.end
    rate = _RATE.match(text, at) if at is not None else None
    if rate is None:
        return None
    if rate.group("adverb"):
        den = _ADVERBS[rate.group("adverb").lower()]
    # "gave 10 workers a share": a count takes a rate of time only, hung on its noun ("two ferries a week")
    elif counts and (rate.group("den") not in _TIMES or not _rate_of(view, draft, rate)):
        return None
    else:
        den = rate.group("den")
    per = f"per {_TIMES.get(den) or _THINGS[den]}"
    return rate.end(), f"{draft.unit} {per}" if draft.unit else per


def _after_counted(draft: _Draft, text: str) -> int | None:
    """Where a count's noun ends when it follows the number ("two ferries"), else where the number ends."""
    if not draft.counted:
        return draft.end
    at = text.find(draft.counted, draft.end)
    return at + len(draft.counted) if at >= 0 and not text[draft.end:at].strip(" -") else None


def _rate_of(view: DocView, draft: _Draft, rate: re.Match[str]) -> bool:
    """'two ferries a week': the parse hangs the period on the counted noun or the number, not on a verb
    ("gave two lawyers a week to reply")."""
    token = view.token_at(rate.start("den"))
    if token is None:
        return False
    head = token.head if rate.group("art") != "per" else token.head.head
    return draft.start <= head.idx < rate.start("art")

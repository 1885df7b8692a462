"""Times English gives loosely: "a year or two", "weeks from now", "at month's end", "the latest period".

A length hedged by "or two" ("in a year or two", "within a week or two") is a range of lengths, written as figures
write "two to three years": kind range, min and max the two counts, in the unit. A vague count of units from now
("many years from now", "decades from now") is the future as "soon" is, FUTURE_REF. A company's "period" in a
results story is the quarter it reports on, read back to the quarter named as "the quarter" is (date_anaphora.py).
"""

from __future__ import annotations

import calendar
import re

from factextract.date_arithmetic import in_calendar, shift_month
from factextract.date_context import PAST
from factextract.date_resolvers import Anchor, Resolved

# "in a year or two", "within a week or two", "a day or two later": one unit, maybe two
UNIT_OR_TWO = re.compile(r"\ban?\s+(?P<unit>day|week|month|year|decade)\s+or\s+two\b(?!\s+(?:ago|earlier)\b)",
                         re.IGNORECASE)
# "waited several weeks", "a few months later", "for years", "the first time in decades": a length the text leaves
# open, a duration with no count as "in recent weeks" is; "years of service" counts years, "several weeks ago" is a
# time ("ago" rule), and "years ago" with no count the past
VAGUE_LENGTH = re.compile(
    r"\b(?:(?:several|a\s+few|a\s+couple\s+of|many)\s+(?P<unit>days|weeks|months|years|decades)"
    r"|(?<=\bfor\s)(?P<bare>weeks|months|years|decades)|(?<=\bin\s)(?P<in>years|decades))\b"
    r"(?!\s+(?:ago|earlier|before|from\s+now|of)\b)", re.IGNORECASE)
YEARS_AGO = re.compile(r"(?<!\w\s)\b(?:weeks|months|years|decades)\s+ago\b", re.IGNORECASE)
# "many years from now", "decades from now": a count the text leaves open, ahead of the time of writing
VAGUE_FROM_NOW = re.compile(r"\b(?:(?:many|a\s+few|some|several)\s+)?(?:days|weeks|months|years|decades|centuries"
                            r"|generations)\s+from\s+now\b", re.IGNORECASE)
# "by month-end", as "by year-end": the month's last day ("month-end figures" name a kind of figure)
MONTH_END = re.compile(r"\b(?:the\s+)?month[- ]end\b"
                       r"(?=\s*(?:[.,;:)]|$|\s+(?:and|or|to|for|of|in|on|at|when|as|with)\b))", re.IGNORECASE)
# "by year's end", "at month's end": "the end of the year" written as a possessive, and read as it is
POSSESSIVE_END = re.compile(r"\b(?P<unit>year|month)['’]s\s+end\b", re.IGNORECASE)
# "the latest period", "the year-earlier period": a results story's quarter, and the same quarter a year back
# "the year-ago quarter" is the year-earlier period of a results story, named by its length
PERIOD = re.compile(r"\bthe\s+(?:(?P<rel>latest|most\s+recent|just-ended|just-completed)\s+period"
                    r"|(?P<back>year-earlier|year-ago|year\s+earlier|comparable\s+year-ago)\s+(?:period|quarter))\b",
                    re.IGNORECASE)


def unit_or_two(m: re.Match[str], at: Anchor) -> Resolved | None:
    return Resolved("range", None, 0.7, m.group("unit").lower(), 1.0, 2.0)


def vague_length(m: re.Match[str], at: Anchor) -> Resolved | None:
    unit = (m.group("unit") or m.group("bare") or m.group("in")).lower().rstrip("s")
    return Resolved("duration", None, 0.6, unit)


def years_ago(m: re.Match[str], at: Anchor) -> Resolved | None:
    return Resolved("date", "PAST_REF", 0.6)


def vague_from_now(m: re.Match[str], at: Anchor) -> Resolved | None:
    return Resolved("date", "FUTURE_REF", 0.6)


def month_end(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'at month's end' is the last day of the month it is in; under a past verb, of the month before."""
    if at.published is None:
        return Resolved("date", None, 0.6)
    year, month = at.published.year, at.published.month
    last = calendar.monthrange(year, month)[1]
    if at.tense == PAST and at.published.day != last:
        year, month = shift_month(year, month, -1)
    if not in_calendar(year):
        return Resolved("date", None, 0.6)
    return Resolved("date", f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}", 0.7)


def possessive_end(m: re.Match[str], at: Anchor) -> Resolved | None:
    if at.published is None:
        return Resolved("date", None, 0.6)
    year, month = at.published.year, at.published.month
    return Resolved("date", f"{year:04d}" if m.group("unit").lower() == "year" else f"{year:04d}-{month:02d}", 0.7)


def period(m: re.Match[str], at: Anchor) -> Resolved | None:
    """A value only where the story names or implies its quarter: date_anaphora rereads it, a year back when the
    period is the year-earlier one (without a quarter that is the year before, as "a year earlier" reads)."""
    if m.group("back") and at.published is not None and in_calendar(at.published.year - 1):
        return Resolved("date", str(at.published.year - 1), 0.6)
    return Resolved("date", None, 0.6)

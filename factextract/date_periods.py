"""Stretches of time counted from now, or of one unit: "the past year", "the next three years", "in recent
weeks", "nearly a week"; halves of a year; runs of days in one month ("September 16-19").

A period that ends or starts at publication is a duration with its count and unit and, where the text gives its
length, its first and last day ("the past year" in a June 2011 story is June 2010 to June 2011, not 2010).
"""

from __future__ import annotations

import datetime as dt
import re

from factextract.date_arithmetic import days_after, months_before, year_value
from factextract.date_resolvers import Anchor, Resolved, count_word, full_date


def period_around_now(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'the past year', 'the last 12 months', 'in recent weeks', 'the next three years', 'in coming weeks': a
    stretch of time that ends or starts now, not a calendar period ("the past year" in a June 2011 story is June
    2010 to June 2011, not 2010)."""
    unit = re.sub(r"ies$", "y", m.group("unit").lower()).rstrip("s")
    # "in the last century" is most often the calendar's previous one (relative_period reads it so)
    if unit == "century" and (m.group("rel") or "").lower() != "past":
        return None
    ahead = (m.group("rel") or m.group("vague")).lower() in ("next", "coming", "upcoming")
    plural = m.group("unit").lower().endswith("s")
    count = None if m.group("vague") else count_word(m.group("n")) if m.group("n") else None if plural else 1
    return _stretch(unit, count, ahead, at)


def periods_ahead(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'in the weeks ahead', 'the year ahead': the stretch that starts now, as 'the coming weeks', 'the next year'."""
    unit = m.group("unit").lower()
    return _stretch(unit.rstrip("s"), None if unit.endswith("s") else 1, True, at)


def _stretch(unit: str, count: int | None, ahead: bool, at: Anchor) -> Resolved:
    """count units from or to publication; no count is a stretch of a length the text does not give."""
    now = at.published.isoformat() if at.published else None
    if count is None:
        # "in recent weeks", "the past few years", "the coming months": a stretch of a length the text does not give
        return Resolved("duration", None, 0.6, unit, now if ahead else None, None if ahead else now)
    if at.published is None:
        return Resolved("duration", count, 0.75, unit)
    months = count * _MONTHS_IN[unit] if unit in _MONTHS_IN else None
    days = count * 7 if unit == "week" else -(-count // 24) if unit == "hour" else count  # "the past 24 hours": a day
    step = (1 if ahead else -1) * days
    other = months_before(at.published, -months if ahead else months) if months else days_after(at.published, step)
    other_iso = other.isoformat() if other else None
    return Resolved("duration", count, 0.8, unit, now if ahead else other_iso, other_iso if ahead else now)


_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def one_unit(m: re.Match[str], at: Anchor) -> Resolved | None:
    return Resolved("duration", 1, 0.7, m.group("unit").lower())


def unit_and_a_half(m: re.Match[str], at: Anchor) -> Resolved | None:
    return Resolved("duration", 1.5, 0.75, m.group("unit").lower())


def half_year(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'the second half of 2008', 'the first half of the year': a half of a calendar year (TIMEX3 "2008-H2")."""
    half = 1 if m.group("half").lower() == "first" else 2
    if m.group("year"):
        year = int(m.group("year"))
    elif at.published is None:
        return Resolved("date", None, 0.6)
    else:
        owner = re.sub(r"\s+", " ", m.group("owner").lower())
        year = at.published.year + (-1 if owner == "last year" else 1 if owner == "next year" else 0)
    return Resolved("date", year_value(year, f"{year:04d}-H{half}"), 0.85)


def day_range(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'September 16-19', 'October 3 to 6': a run of days of one month is one date, its first day, spanning to its
    last; a later day that is no day of that month, or no later day, makes no range."""
    first = full_date(m, at)
    if first is None:
        return None
    last_day = int(re.match(r"\d+", m.group("day2")).group())
    if last_day <= int(re.match(r"\d+", m.group("day")).group()):
        return None
    if not isinstance(first.value, str):
        return first
    try:
        last = dt.date.fromisoformat(first.value).replace(day=last_day)
    except ValueError:
        return None
    return Resolved("date", first.value, first.confidence, earliest=first.value, latest=last.isoformat())

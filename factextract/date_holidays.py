"""Holidays and the year's end named instead of a date: "on Election Day", "by Christmas", "since year-end".

A holiday without its year is underspecified like "March 6": the tense of its verb and the story's narrative time
pick the year (date_resolvers.underspecified_year), and a moving holiday is then counted in that year ("Election
Day" 2016 is November 8, 2012's November 6).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from factextract.data.holidays import EVENT_DAYS, EVENT_NOUNS, FIXED, MOVING, Moving
from factextract.date_arithmetic import in_calendar
from factextract.date_context import PAST
from factextract.date_resolvers import Anchor, Resolved, underspecified_year
from factextract.numbers import alternation

NAMES = (*FIXED, *MOVING)


def holiday(m: re.Match[str], at: Anchor) -> Resolved | None:
    name = m.group("holiday")
    year = int(m.group("hyear")) if m.group("hyear") else None
    if year is None and at.published is not None:
        month, day = FIXED[name] if name in FIXED else (MOVING[name].month, 15)
        year = underspecified_year(at, m.start(), month, day)
    if year is None or not in_calendar(year):
        return Resolved("date", None, 0.6)
    day = dt.date(year, *FIXED[name]) if name in FIXED else _moving_day(MOVING[name], year)
    return Resolved("date", day.isoformat(), 0.85)


# "Sept. 11 conspiracy theories", "the 9/11 attacks", "September 11 hijackers": a day naming a past event
_MONTH_DAY = r"(?P<month>Sept?\.?|September|9/)\s*(?P<day>11)"
EVENT_DAY = re.compile(rf"\b{_MONTH_DAY}(?=\s+(?:{alternation(EVENT_NOUNS)})\b)", re.IGNORECASE)


def event_day(m: re.Match[str], at: Anchor) -> Resolved | None:
    """The date of the event a day names as a modifier, whatever the publication year."""
    return Resolved("date", EVENT_DAYS.get((9, int(m.group("day")))), 0.85)


def year_end(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'by year-end' is the end of the year it is in; 'since year-end', or under a past verb, the last one passed."""
    if at.published is None:
        return Resolved("date", None, 0.6)
    since = re.search(r"\bsince\s+(?:the\s+)?$", at.text[max(0, m.start() - 12):m.start()], re.IGNORECASE)
    past = since is not None or at.tense == PAST
    year = at.published.year - 1 if past and (at.published.month, at.published.day) != (12, 31) else at.published.year
    return Resolved("date", f"{year}-12-31", 0.7) if in_calendar(year) else Resolved("date", None, 0.6)


def _moving_day(rule: Moving, year: int) -> dt.date:
    weeks = calendar.monthcalendar(year, rule.month)
    days = [week[rule.weekday] for week in weeks if week[rule.weekday]]
    day = days[rule.nth - 1] if rule.nth > 0 else days[rule.nth]
    return dt.date(year, rule.month, day) + dt.timedelta(days=rule.offset)

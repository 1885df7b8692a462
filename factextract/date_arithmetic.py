"""Calendar arithmetic for the date resolvers, kept inside the calendar Python can represent (years 1 to 9999).

A date counted past either edge ("tomorrow" in a story dated 9999-12-31, "last year" in one dated 0001-01-01) is
no date: these return None, and the resolver gives that expression no value, never an OverflowError.
"""

from __future__ import annotations

import datetime as dt
import re


def days_after(day: dt.date, days: int) -> dt.date | None:
    """day + days, or None past the calendar's edges: "tomorrow" in a story dated 9999-12-31 is no date, and
    never an OverflowError (a 500 through the API)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def in_calendar(year: int) -> bool:
    return dt.MINYEAR <= year <= dt.MAXYEAR


def year_value(year: int, text: str) -> str | None:
    """text (a value naming year) when the calendar holds that year: "next year" from 9999 is no date."""
    return text if in_calendar(year) else None


def iso_day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def iso_week(day: dt.date | None) -> str | None:
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def months_before(day: dt.date, months: int) -> dt.date | None:
    year, month = shift_month(day.year, day.month, -months)
    if not in_calendar(year):
        return None
    for last in (day.day, 30, 29, 28):  # "a month before March 31" is the last day of February
        try:
            return dt.date(year, month, last)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def every(value: str | float | None) -> str | float | None:
    """The value of a recurring time, as TimeML writes a set: every Thursday "XXXX-WXX-4", every July "XXXX-07",
    every summer "XXXX-SU", Tuesday nights "XXXX-WXX-2TNI"."""
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\w+)?", text):
        day = dt.date.fromisoformat(text[:10])
        return f"XXXX-WXX-{day.isoweekday()}{text[10:]}"
    return f"XXXX{text[4:]}" if re.fullmatch(r"\d{4}-\w+", text) else value

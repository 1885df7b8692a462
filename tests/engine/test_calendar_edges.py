"""Dates at the calendar's edges: a publication on 9999-12-31 or 0001-01-01 with a relative expression that
counts past the edge gives that date no value (None), never an error."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factextract.dates import find_dates
from factextract.models import Article
from factextract.pipeline import Extractor

LAST_DAY = dt.date(9999, 12, 31)
FIRST_DAY = dt.date(1, 1, 1)
# Relative expressions of every resolver that counts from publication: days, weeks, months, quarters, years,
# decades, centuries, seasons, weekdays, months by name, durations to now.
RELATIVE = (
    "tomorrow", "yesterday", "today", "tonight", "tomorrow morning", "next week", "last week", "next weekend",
    "next month", "last month", "next quarter", "last quarter", "next year", "last year", "next decade",
    "last decade", "next century", "last century", "next summer", "last winter", "this summer",
    "two years from now", "in two years", "two years ago", "a decade ago", "two decades from now",
    "three days ago", "two weeks from now", "five months ago", "next Friday", "last Monday", "Friday",
    "will meet on Thursday", "next March", "last December", "in March", "on March 6", "December 31",
    "the past year", "the last 12 months", "the past three weeks", "the year-ago quarter", "next year's third quarter",
    "last year's second quarter", "the following year", "March of next year", "January last year",
    "June 16 of next year", "June 16 last year",
)


def _value_at(published: dt.date, phrase: str) -> list[str | float | None]:
    text = f"The council met, and {phrase} it said so."
    return [span.value for span in find_dates(text, published)]


def _years_in_calendar(value: str | float | None) -> bool:
    """A value that names a year (every ISO form starts with a four-digit year) names one the calendar holds."""
    if not isinstance(value, str) or value.endswith("_REF") or value.startswith("T"):
        return True
    year = value.split("-")[0]
    return not year.startswith("-") and (len(year) < 4 or (len(year) == 4 and year != "0000"))


@pytest.mark.parametrize(("published", "phrase"), [(LAST_DAY, "tomorrow"), (FIRST_DAY, "yesterday"),
                                                    (LAST_DAY, "next week"), (FIRST_DAY, "last Friday"),
                                                    (LAST_DAY, "next year"), (FIRST_DAY, "a decade ago"),
                                                    (LAST_DAY, "next century"), (FIRST_DAY, "last quarter")])
def test_a_date_counted_past_the_calendars_edge_has_no_value(published: dt.date, phrase: str) -> None:
    assert _value_at(published, phrase) == [None]


def test_dates_inside_the_calendar_at_its_edges_keep_their_values() -> None:
    assert _value_at(LAST_DAY, "yesterday") == ["9999-12-30"]
    assert _value_at(FIRST_DAY, "tomorrow") == ["0001-01-02"]
    assert _value_at(LAST_DAY, "last year") == ["9998"]


def test_the_past_year_from_the_first_day_is_a_duration_without_a_first_day() -> None:
    [span] = find_dates("Prices rose over the past year.", FIRST_DAY)
    assert (span.kind, span.value, span.earliest, span.latest) == ("duration", 1, None, "0001-01-01")


@pytest.mark.parametrize(("published_at", "phrase"), [("9999-12-31", "tomorrow"), ("0001-01-01", "yesterday"),
                                                      ("9999-12-31T23:59:59-12:00", "next week")])
def test_an_article_published_at_the_edge_extracts_with_the_date_unvalued(published_at: str, phrase: str) -> None:
    text = f'The mayor said the bridge would open {phrase}. "It is ready," she said.'
    extraction = Extractor().extract(Article(id="edge", text=text, published_at=published_at))
    [date] = [f for f in extraction.figures if f.kind in ("date", "time") and phrase in f.text]
    assert date.value is None


NEAR_END = st.dates(min_value=dt.date(9990, 1, 1), max_value=LAST_DAY)
NEAR_START = st.dates(min_value=FIRST_DAY, max_value=dt.date(10, 12, 31))


@settings(max_examples=300, deadline=None)
@given(published=st.one_of(NEAR_END, NEAR_START), phrase=st.sampled_from(RELATIVE))
def test_relative_dates_near_either_edge_resolve_or_have_no_value(published: dt.date, phrase: str) -> None:
    for value in _value_at(published, phrase):
        assert _years_in_calendar(value), (published, phrase, value)

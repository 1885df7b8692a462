"""Times English gives loosely or figuratively: hedged counts ("a week or so ago", "in a year or two"), possessive
ends ("by year's end"), decades with the apostrophe before the s, figurative days, a results story's "period", a
weekday owning a coming event, and vague counts from now. Each text is written for its test."""

from __future__ import annotations

import datetime as dt

import pytest

from factextract.dates import find_dates
from factextract.doc_view import DocView
from factextract.figures import find_figures
from factextract.models import Figure
from factextract.nlp import load_pipeline

THURSDAY = dt.date(1989, 11, 2)


def figures(text: str, published: dt.date = THURSDAY) -> dict[str, Figure]:
    return {f.text: f for f in find_figures(DocView.of(load_pipeline()(text)), published)}


@pytest.mark.parametrize("text", [
    "They promise a brighter tomorrow.", "The trains of tomorrow will float.", "In today's world, few write letters.",
    "Today's phones are small.", "By today's standards, the car was slow.",
])
def test_a_figurative_today_or_tomorrow_is_no_date(text: str) -> None:
    assert not any(f.kind in ("date", "time") for f in figures(text).values())


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Today's hearing ran late.", "Today", "1989-11-02"),
    ("Tomorrow's vote is close.", "Tomorrow", "1989-11-03"),
    ("We will meet tomorrow.", "tomorrow", "1989-11-03"),
    ("The rate holds as of today.", "today", "1989-11-02"),
])
def test_a_day_that_owns_an_event_stays_that_day(text: str, span: str, value: str) -> None:
    assert figures(text)[span].value == value


@pytest.mark.parametrize(("text", "value"), [
    ("Analysts expect the senator to win Monday's debate.", "2016-09-26"),
    ("The senator will lose Tuesday's vote.", "2016-09-27"),
    ("The senator won Monday's vote.", "2016-09-19"),
])
def test_a_weekday_owning_an_event_follows_its_verb(text: str, value: str) -> None:
    found = figures(text, dt.date(2016, 9, 25))  # a Sunday
    assert next(f for f in found.values() if f.kind == "date").value == value



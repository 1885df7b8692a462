"""Dates found in raw text and resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from factextract.dates import find_dates
from factextract.doc_view import DocView
from factextract.figures import find_figures
from factextract.models import Figure
from factextract.nlp import load_pipeline

THURSDAY = dt.date(2011, 6, 9)


def dates(text: str, published: dt.date | None = THURSDAY) -> dict[str, str | None]:
    return {text[d.start:d.end]: d.value for d in find_dates(text, published)}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The council met on Thursday.", "Thursday", "2011-06-09"),  # publication day itself
        ("Talks failed on Wednesday.", "Wednesday", "2011-06-08"),
        ("They voted last Friday.", "last Friday", "2011-06-03"),
        ("The envoy will arrive Monday.", "Monday", "2011-06-13"),  # future cue looks ahead
        ("Prices fell yesterday.", "yesterday", "2011-06-08"),
        ("Sales rose last month.", "last month", "2011-05"),
        ("Protests began in mid-March.", "mid-March", "2011-03"),
        ("They met in March to talk.", "March", "2011-03"),
        ("The deal closes next week.", "next week", "2011-W24"),
        ("Results for the third quarter were weak.", "the third quarter", "2011-Q3"),
        ("It was founded in 2010.", "2010", "2010"),
        ("The law passed on Aug. 2, 1990.", "Aug. 2, 1990", "1990-08-02"),
        ("The vote is set for 5 March 2012.", "5 March 2012", "2012-03-05"),
        ("It happened two years ago.", "two years ago", "2009"),
        ("He left in June last year.", "June last year", "2010-06"),
        ("Inflation peaked in the 1990s.", "1990s", "199"),
    ],
)
def test_expressions_resolve_against_publication(text: str, span: str, value: str) -> None:
    assert dates(text)[span] == value


def test_bare_month_resolves_to_the_most_recent_one_before_publication() -> None:
    assert dates("Elections were held in September.")["September"] == "2010-09"


def test_month_after_a_future_cue_resolves_forward() -> None:
    assert dates("A new vote is expected in September.")["September"] == "2011-09"


def test_without_publication_relative_dates_have_no_value_but_absolute_ones_do() -> None:
    found = dates("On Thursday, a year after the March 3, 2009 vote, the 2010 budget passed.", None)
    assert found["Thursday"] is None
    assert found["March 3, 2009"] == "2009-03-03"
    assert found["2010"] == "2010"


def test_present_and_past_references_use_timex_values() -> None:
    found = dates("Prices are now higher than they were recently.")
    assert found["now"] == "PRESENT_REF"
    assert found["recently"] == "PAST_REF"


def test_may_the_verb_is_not_a_month() -> None:
    assert "May" not in dates("May we come in? It may rain.")


def test_clock_times_are_times() -> None:
    found = [(d.kind, d.value) for d in find_dates("The polls closed at 8 p.m. Monday.", THURSDAY)]
    assert found == [("time", "2011-06-06T20:00")]
    found = [(d.kind, d.value) for d in find_dates("The polls close at 8 p.m.", THURSDAY)]
    assert found == [("time", "T20:00")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The polls close at 8 p.m. tonight.", "8 p.m. tonight", "2011-06-09T20:00"),
        ("The vote is at 7 o'clock this evening.", "7 o'clock this evening", "2011-06-09T19:00"),
        ("She speaks at 6 o'clock this afternoon.", "6 o'clock this afternoon", "2011-06-09T18:00"),
        ("The show starts tonight at 8 o'clock.", "tonight at 8 o'clock", "2011-06-09T20:00"),
        ("They met at 9 o'clock this morning.", "9 o'clock this morning", "2011-06-09T09:00"),
    ],
)
def test_a_clock_time_and_its_part_of_the_day_are_one_time(text: str, span: str, value: str) -> None:
    # the hour of "7 o'clock this evening" is an evening hour: 19:00 of the day "this evening" names
    assert dates(text)[span] == value


def test_offsets_match_the_text() -> None:
    text = "On Wednesday, two years ago, and last month."
    for d in find_dates(text, THURSDAY):
        assert text[d.start:d.end].strip() == text[d.start:d.end]
        assert d.end > d.start


NOV_2_1989 = dt.date(1989, 11, 2)  # a Thursday in the fourth quarter


def read(text: str, published: dt.date | None = NOV_2_1989) -> dict[str, Figure]:
    """Figures by their text, read with the parse (tense and names), as the engine reads an article."""
    return {f.text: f for f in find_figures(DocView.of(load_pipeline()(text)), published)}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Profit in the quarter fell to $3 million, the firm said.", "the quarter", "1989-Q3"),
        ("Net income in the latest quarter rose 8%.", "the latest quarter", "1989-Q3"),
        ("Sales in the most recent quarter rose 2%.", "the most recent quarter", "1989-Q3"),
        ("The firm expects profit in the quarter to rise.", "the quarter", "1989-Q4"),
        ("First-quarter sales slid. Costs in the quarter rose.", "the quarter", "1989-Q1"),
        ("It expects a fourth-quarter charge. Sales in the quarter fell.", "the quarter", "1989-Q3"),
    ],
)
def test_the_quarter_is_the_one_named_or_else_the_last_one_ended_under_a_past_verb(text: str, span: str,
                                                                                  value: str) -> None:
    assert read(text)[span].value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mill shut in 1981, and the town lost its school that year.", "that year", "1981"),
        ("The mill shut in 1981. The school closed the same year.", "the same year", "1981"),
        ("The mill shut in 1981. Later that year the school closed.", "Later that year", "1981"),
        ("The mill shut in May 1981. The school closed that month.", "that month", "1981-05"),
        ("The mill shut in March. The following month the school closed.", "The following month", "1989-04"),
        ("The mill shut in 1981. The school closed the following year.", "the following year", "1982"),
        ("The mill shut in 1981. The school closed the next year.", "the next year", "1982"),
    ],
)
def test_that_year_and_the_following_month_read_back_to_the_date_named_before(text: str, span: str,
                                                                             value: str) -> None:
    assert read(text)[span].value == value


def test_that_year_without_a_date_before_it_has_no_value() -> None:
    assert read("The school closed that year.")["that year"].value is None


def test_over_the_next_year_stays_a_stretch_even_in_a_past_story() -> None:
    assert read("The mill shut in 1981. Over the next year, the town shrank.")["the next year"].kind == "duration"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dam opened on June 16th of last year.", "June 16th of last year", "1988-06-16"),
        ("The dam opened June 16 last year.", "June 16 last year", "1988-06-16"),
        ("The dam will open March 3 of next year.", "March 3 of next year", "1990-03-03"),
    ],
)
def test_a_day_of_last_or_next_year_is_one_date_in_that_year(text: str, span: str, value: str) -> None:
    assert read(text)[span].value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales will rise in the second half of 2008.", "the second half of 2008", "2008-H2"),
        ("Sales rose in the first half of the year.", "the first half of the year", "1989-H1"),
        ("Sales rose in the last half of 1989.", "the last half of 1989", "1989-H2"),
        ("Rents may fall in the first half of next year.", "the first half of next year", "1990-H1"),
    ],
)
def test_a_half_of_a_year_is_one_half_year_date_and_no_fraction(text: str, span: str, value: str) -> None:
    found = read(text)
    assert (found[span].kind, found[span].value) == ("date", value)
    assert all(f.unit != "fraction" for f in found.values())


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Fares may rise in the weeks ahead.", "the weeks ahead", "week"),
        ("The mill will hire in the months ahead.", "the months ahead", "month"),
        ("Talks go on in the days ahead.", "the days ahead", "day"),
    ],
)
def test_the_weeks_ahead_read_as_the_coming_weeks(text: str, span: str, unit: str) -> None:
    period = read(text)[span]
    assert (period.kind, period.value, period.unit, period.min, period.max) == (
        "duration", None, unit, "1989-11-02", None)
    assert "the days" not in read("Crowds gathered in the days ahead of the vote.")


@pytest.mark.parametrize("text", ["Turnout rose in the past nine elections.", "He won the past 3 races."])
def test_the_past_before_a_count_of_things_is_no_date(text: str) -> None:
    assert [f.kind for f in read(text).values()] == ["count"]


def test_the_past_alone_or_before_a_count_of_periods_stays_the_past() -> None:
    assert read("In the past one could vote.")["the past"].value == "PAST_REF"
    assert read("Rain fell in the past three summers.")["the past"].value == "PAST_REF"


@pytest.mark.parametrize(
    ("text", "span", "first", "last"),
    [
        ("The poll was taken September 16-19.", "September 16-19", "1989-09-16", "1989-09-19"),
        ("The poll was taken October 3 to 6.", "October 3 to 6", "1989-10-03", "1989-10-06"),
        ("The fair ran 16 to 19 June, 1988.", "16 to 19 June, 1988", "1988-06-16", "1988-06-19"),
    ],
)
def test_a_run_of_days_in_one_month_is_one_date_from_the_first_day_to_the_last(text: str, span: str, first: str,
                                                                               last: str) -> None:
    found = read(text)
    assert list(found) == [span]  # the last day is no count
    assert (found[span].kind, found[span].value, found[span].min, found[span].max) == ("date", first, first, last)


def test_a_day_then_a_later_number_that_counts_is_no_run_of_days() -> None:
    found = read("Rates rose from 5% on October 3 to 6%.")
    assert found["October 3"].max is None and found["6%"].kind == "percent"

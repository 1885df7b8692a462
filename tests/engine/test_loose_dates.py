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


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Then, a week or so ago, the mayor picked a site.", "a week or so ago", "1989-10-26"),
    ("A month or two ago the shop closed.", "A month or two ago", "1989-10"),
    ("A year or so ago the shop closed.", "A year or so ago", "1988"),
])
def test_a_hedged_count_ago_is_that_far_back_about(text: str, span: str, value: str) -> None:
    found = figures(text)
    assert (found[span].kind, found[span].value, found[span].qualifier) == ("date", value, "about")
    assert not any(f.kind == "count" for f in found.values())
    spans = find_dates(text, THURSDAY, DocView.of(load_pipeline()(text)))
    assert [s.qualifier for s in spans] == ["about"]


@pytest.mark.parametrize(("text", "span", "unit"), [
    ("You could, in a year or two, pay less.", "a year or two", "year"),
    ("Within a week or two the board will vote.", "a week or two", "week"),
    ("A day or two later the dam broke.", "A day or two", "day"),
])
def test_one_unit_or_two_is_a_range_of_lengths_not_a_count(text: str, span: str, unit: str) -> None:
    found = figures(text)
    assert (found[span].kind, found[span].min, found[span].max, found[span].unit) == ("range", 1.0, 2.0, unit)
    assert not any(f.kind == "count" for f in found.values())


def test_the_next_year_or_so_is_the_next_year_hedged() -> None:
    text = "Over the next year or so, rents will rise."
    found = figures(text)
    plain = figures("Over the next year, rents will rise.")["the next year"]
    hedged = found["the next year or so"]
    assert (hedged.kind, hedged.value, hedged.min, hedged.max) == (plain.kind, plain.value, plain.min, plain.max)
    assert [s.qualifier for s in find_dates(text, THURSDAY, DocView.of(load_pipeline()(text)))] == ["about"]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The fence should be built by year's end.", "year's end", "1989"),
    ("The fee falls due at month's end.", "month's end", "1989-11"),
    ("The fee falls due by month-end.", "month-end", "1989-11-30"),
])
def test_a_possessive_end_reads_as_the_end_of_the_period(text: str, span: str, value: str) -> None:
    assert figures(text)[span].value == value


@pytest.mark.parametrize(("text", "span"), [
    ("Rents soared during the 80's.", "the 80's"),
    ("Rents soared in the 80’s.", "the 80’s"),
])
def test_a_decade_with_the_apostrophe_before_the_s(text: str, span: str) -> None:
    found = figures(text)
    assert found[span].value == figures("Rents soared in the '80s.")["'80s"].value == "198"
    assert not any(f.kind == "count" for f in found.values())


def test_degrees_in_the_80s_are_no_decade() -> None:
    assert "the 80's" not in figures("Highs in the 80's are likely.")


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


def test_the_latest_period_is_the_quarter_and_the_year_earlier_period_a_year_back() -> None:
    text = "Profit rose in the latest period. Sales fell from the year-earlier period."
    found = figures(text)
    assert found["the latest period"].value == "1989-Q3"
    assert found["the year-earlier period"].value == "1988-Q3"


def test_the_year_ago_quarter_is_the_quarter_reported_a_year_back() -> None:
    found = figures("Third-quarter sales rose. Costs fell from the year-ago quarter.")
    assert found["the year-ago quarter"].value == "1988-Q3"


def test_a_year_earlier_beside_a_quarter_is_that_quarter_a_year_back() -> None:
    found = figures("Third-quarter profit rose to $5 million from $4 million a year earlier.")
    assert found["a year earlier"].value == "1988-Q3"
    # in the next sentence the comparison may be with the whole year
    assert figures("Third-quarter sales rose. A year earlier, the plant closed.")["A year earlier"].value == "1988"


def test_the_year_ago_period_is_the_quarter_reported_not_one_named_after_it() -> None:
    text = ("Profit rose in the third quarter after a weak second quarter. Costs fell from the year-ago period. "
            "Analysts expect a loss in the fourth quarter.")
    assert figures(text)["the year-ago period"].value == "1988-Q3"


@pytest.mark.parametrize(("text", "value"), [
    ("Analysts expect the senator to win Monday's debate.", "2016-09-26"),
    ("The senator will lose Tuesday's vote.", "2016-09-27"),
    ("The senator won Monday's vote.", "2016-09-19"),
])
def test_a_weekday_owning_an_event_follows_its_verb(text: str, value: str) -> None:
    found = figures(text, dt.date(2016, 9, 25))  # a Sunday
    assert next(f for f in found.values() if f.kind == "date").value == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Many years from now, we may laugh.", "Many years from now", "FUTURE_REF"),
    ("Decades from now, the pier will rot.", "Decades from now", "FUTURE_REF"),
    ("Two years from now, the pier will rot.", "Two years from now", "1991"),
])
def test_a_count_from_now_is_the_future(text: str, span: str, value: str) -> None:
    found = figures(text)
    assert found[span].value == value
    assert "now" not in found


@pytest.mark.parametrize(("text", "span"), [
    ("A month later, the plant closed.", "A month"),  # one unit counted on, as "two years later" is
    ("He served for a decade before he quit.", "a decade"),  # "for" and one unit: a length
])
def test_one_unit_later_or_for_a_unit_is_a_length_of_one(text: str, span: str) -> None:
    found = figures(text)
    assert (found[span].kind, found[span].value) == ("duration", 1)


@pytest.mark.parametrize(("text", "span"), [
    ("Critics pushed Sept. 11 conspiracy theories.", "Sept. 11"),  # a day naming a past event by its nouns
    ("The 9/11 attacks shaped his career.", "9/11"),
])
def test_a_day_that_names_a_past_event_is_that_event_s_date(text: str, span: str) -> None:
    assert figures(text)[span].value == "2001-09-11"


def test_the_same_day_named_for_a_ceremony_is_this_year_s() -> None:
    assert figures("A Sept. 11 memorial service was held.")["Sept. 11"].value == "1989-09-11"


@pytest.mark.parametrize(("text", "span", "unit"), [
    ("He waited several weeks for a reply.", "several weeks", "week"),  # a length the text leaves open
    ("A few days later the bridge reopened.", "A few days", "day"),
    ("The feud has simmered for years.", "years", "year"),
    ("It was the first frost in decades.", "decades", "decade"),
])
def test_a_vague_count_of_units_is_a_length_with_no_count(text: str, span: str, unit: str) -> None:
    figure = figures(text)[span]
    assert (figure.kind, figure.value, figure.unit) == ("duration", None, unit)


@pytest.mark.parametrize("text", ["He was paid for years of service.", "Several weeks ago the mayor quit."])
def test_years_of_something_and_a_vague_time_ago_are_no_vague_length(text: str) -> None:
    assert not any(f.kind == "duration" for f in figures(text).values())


def test_years_ago_and_the_recent_past_lie_behind() -> None:
    found = figures("Years ago, in the recent past, it was cheap.")
    assert (found["Years ago"].value, found["the recent past"].value) == ("PAST_REF", "PAST_REF")


@pytest.mark.parametrize(("text", "found"), [
    ("In a May interview, she said so.", ["1989-05"]),  # the article of a month that dates the noun after it
    ("Crowds joined a March on the capital.", []),  # a march, not the month
])
def test_may_or_march_after_an_article_dates_the_noun_after_it(text: str, found: list[str]) -> None:
    in_july = dt.date(1989, 7, 3)
    assert [f.value for f in figures(text, in_july).values() if f.kind == "date"] == found


def test_the_first_end_of_a_stretch_lies_no_later_than_the_second() -> None:
    found = figures("Police logged 900 thefts between January 1 and September 18.", dt.date(2016, 9, 29))
    assert (found["January 1"].value, found["September 18"].value) == ("2016-01-01", "2016-09-18")


def test_a_decade_with_a_curly_apostrophe_is_the_decade() -> None:
    assert figures("Prices peaked in the 1980’s.")["1980’s"].value == "198"


def test_fiscal_as_an_adjective_is_no_year() -> None:
    assert figures("It would not make the fiscal problems worse.") == {}

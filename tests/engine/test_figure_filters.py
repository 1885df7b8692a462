"""Numbers written in digits that count nothing: score and vote tallies, house numbers, telephone numbers and codes.
Each text is written for its test, with the structure of a case news copy has."""

from __future__ import annotations

import datetime as dt

import pytest

from factextract.doc_view import DocView
from factextract.figures import find_figures
from factextract.models import Figure
from factextract.nlp import load_pipeline

PUBLISHED = dt.date(2016, 10, 4)


def figures(text: str) -> list[Figure]:
    return find_figures(DocView.of(load_pipeline()(text)), PUBLISHED)


def numeric(text: str) -> list[Figure]:
    return [f for f in figures(text) if f.kind not in ("date", "time")]


@pytest.mark.parametrize(
    "text",
    [
        "The Rangers won 6-3 at home.",
        "The justices handed down a 7-2 ruling.",
        "United lost 3–1 away.",
        "The visitors beat them 2-0.",
        "The chamber voted 61-38 to pass the bill.",
        "The board split 3 to 2 in favour.",
        "Residents backed the plan by a 4 to 1 majority.",
        "Rovers lost 0-1 at home.",  # the smaller number first, beside a contest's verb
        "A 4-4 tie would send it back.",
    ],
)
def test_a_score_or_vote_tally_is_no_count(text: str) -> None:
    assert numeric(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("About 15-20 people came.", 15, 20),
        ("Volunteers planted 30-40 trees.", 30, 40),
        ("The party won 2-3 seats.", 2, 3),  # a contest's verb, but the numbers count seats
    ],
)
def test_ranges_stay_ranges(text: str, low: float, high: float) -> None:
    (found,) = numeric(text)
    assert (found.kind, found.min, found.max) == ("range", low, high)


def test_a_change_from_one_number_to_another_keeps_both() -> None:
    assert [f.value for f in numeric("Turnout fell from 9 to 6 percent.")] == [9, 6]


@pytest.mark.parametrize(
    "text",
    [
        "They lived at 22 Acacia Avenue.",
        "The meeting was held at 30 Elm.",  # no street word: "at", a number, a proper noun
        "Donors gathered at 740 Fifth.",
        "At 12 Orchard, the police found the van.",
    ],
)
def test_house_numbers_are_not_figures(text: str) -> None:
    assert numeric(text) == []


@pytest.mark.parametrize(
    "text", ["Marchers reached 1600 Pennsylvania Avenue.", "The shop at 1900 Elm closed."]
)
def test_a_house_number_is_no_year(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Inflation held at 2 Percent.", 2),  # a measure word after "at" is no street
        ("Stocks Close at 2100 Level", 2100),  # a headline in title case: a capital names nothing
    ],
)
def test_a_measure_after_at_is_still_a_figure(text: str, value: float) -> None:
    assert [f.value for f in numeric(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Her mobile number is 612 448 907.",  # a telephone noun introduces it
        "Tel: 612 448 907",
        "The depot's code is 04417.",  # a leading zero: a code, no quantity
    ],
)
def test_telephone_numbers_and_codes_are_not_figures(text: str) -> None:
    assert numeric(text) == []


def test_digits_grouped_by_spaces_without_a_telephone_noun_are_a_number() -> None:
    assert [f.value for f in numeric("The census counted 1 234 567 residents.")] == [1234567]


def test_a_range_before_a_verb_of_voting_stays_a_range() -> None:
    found = figures("Residents aged 30-45 voted for the levy.")
    assert [(f.kind, f.min, f.max) for f in found] == [("range", 30.0, 45.0)]

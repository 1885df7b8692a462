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



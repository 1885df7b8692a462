"""Attribution edges (issue #19, second pass): short texts written for each case, reproducing the structure of
an error seen on the PolNeAR dev split, not its words."""

import pytest

from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.models import Quote
from factextract.nlp import load_pipeline
from factextract.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def quotes_of(nlp, text: str) -> list[Quote]:
    view = DocView.of(nlp(text))
    return find_quotes(view, resolve_entities(view))


def quote_saying(quotes: list[Quote], words: str) -> Quote:
    return next(q for q in quotes if words in q.text)


def test_dash_written_against_the_closing_mark_names_the_speaker(nlp):
    # Given reader comments, each closed by a dash glued to the quote mark and the reader's name
    text = (
        "Readers wrote in about the storm.\n"
        "“The river rose faster than anyone in our street had ever seen it rise.”― Maria Lopez\n"
        "“We lost the whole harvest and nobody from the county came to help us.”― Peter Holm\n"
    )
    quotes = quotes_of(nlp, text)
    first, second = quote_saying(quotes, "river rose"), quote_saying(quotes, "whole harvest")
    # Then each comment is its own reader's, and the cue is the dash alone
    assert first.speaker is not None and first.speaker.name == "Maria Lopez"
    assert second.speaker is not None and second.speaker.name == "Peter Holm"
    assert first.cue is not None and first.cue.text == "―"


def test_coordinated_clause_with_its_own_subject_stays_reported(nlp):
    # Given a that-clause whose second half has a subject of its own and a verb that is also a cue
    text = (
        "The economists agreed that the plan would raise taxes on large firms but that it would add "
        "so many new rules that lawyers would gain most."
    )
    quotes = [q for q in quotes_of(nlp, text) if q.type == "indirect"]
    # Then the reported content runs through the second half
    assert any("raise taxes" in q.text and "lawyers would gain most" in q.text for q in quotes)


def test_a_cue_object_keeps_what_follows_it(nlp):
    # Given a verb that reports through its object, then a reason after the object
    text = "Senate Republicans slammed Governor Ana Ortiz for her work defending the new tax on fuel."
    quotes = [q for q in quotes_of(nlp, text) if q.type == "indirect"]
    # Then the reason is part of what was reported
    assert any("Ana Ortiz" in q.text and "tax on fuel" in q.text for q in quotes)

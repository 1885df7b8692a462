"""Quoted fragments: coordinated fragments under one verb, a one-word opening half of a split quote, and a
fragment in a clause of time that belongs to another event than the main clause's saying."""

import pytest

from factextract.nlp import load_pipeline
from tests.engine.test_quotes import assert_offsets_match, only, quotes_of


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_coordinated_fragments_are_one_partial_quote(nlp):
    text = "The minister called the deal “a betrayal” and “a disgrace,” aides said."
    quotes = quotes_of(nlp, text)
    (partial,) = only(quotes, "partial")
    assert [text[s:e] for s, e in partial.spans] == ["a betrayal", "a disgrace,"]
    assert partial.speaker.text == "The minister"
    assert_offsets_match(text, quotes)


def test_listed_fragments_with_commas_are_one_partial_quote(nlp):
    text = "The mayor described the plan as “reckless,” “costly” and “doomed.”"
    (partial,) = only(quotes_of(nlp, text), "partial")
    assert len(partial.spans) == 3


def test_fragments_of_two_verbs_stay_two_quotes(nlp):
    text = "The mayor called the plan “reckless.” The council called it “overdue.”"
    partials = only(quotes_of(nlp, text), "partial")
    assert [len(q.spans) for q in partials] == [1, 1]


def test_one_word_opening_half_of_a_split_quote_is_direct(nlp):
    text = "“Hopefully,” the mayor said, “the bridge will open by spring and the ferries can stop.”"
    (quote,) = quotes_of(nlp, text)
    assert quote.type == "direct"
    halves = [text[s:e] for s, e in quote.spans]
    assert halves == ["Hopefully,", "the bridge will open by spring and the ferries can stop."]
    assert quote.speaker.text == "the mayor"


def test_one_quoted_word_alone_is_still_a_term(nlp):
    text = "Critics use the word “boondoggle” for the bridge."
    assert only(quotes_of(nlp, text), "direct") == []


def test_fragment_in_a_clause_of_time_is_not_the_main_speakers(nlp):
    text = "While the governor went on about “a rigged system,” Ms. Lee said yes, over and over again."
    quotes = quotes_of(nlp, text)
    assert not any(q.speaker and "Lee" in q.speaker.text and "rigged" in q.text for q in quotes)


def test_a_joint_subject_speaks_as_the_group_it_names(nlp):
    text = "“We will not back down,” the mayor and the governor said in a joint statement."
    (quote,) = quotes_of(nlp, text)
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.entity_id) == (
        "the mayor and the governor", "the mayor and the governor", None)


def test_two_named_people_as_one_subject_are_both_the_speaker(nlp):
    text = "Ana Ortiz met Tomas Varga on Monday. Ortiz and Varga said the bridge would reopen in May."
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.speaker.text == "Ortiz and Varga"


def test_a_title_after_the_noun_of_a_work_is_no_quote(nlp):
    text = "In her memoir, “Rivers of Salt and Stone,” Ms. Ortiz argued that parents should save early for college."
    quotes = quotes_of(nlp, text)
    assert [q.type for q in quotes] == ["indirect"]
    assert "Rivers" not in quotes[0].text

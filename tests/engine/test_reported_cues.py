"""Reported speech: the cues beyond verbs of saying (wishes, messages, criticism, regard, stance adjectives)."""

import pytest

from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.models import Quote
from factextract.nlp import load_pipeline
from factextract.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def reported(nlp, text: str) -> list[Quote]:
    view = DocView.of(nlp(text))
    return [q for q in find_quotes(view, resolve_entities(view)) if q.type == "indirect"]


def only_one(nlp, text: str) -> tuple[str, str, str]:
    """The single indirect quote of text as (quoted text, cue lemma, speaker as written)."""
    (quote,) = reported(nlp, text)
    assert quote.cue is not None and quote.speaker is not None
    return quote.text, quote.cue.lemma, quote.speaker.text


# (text, what is reported, cue lemma, speaker as written), one kind of cue each.
CUES = {
    "a_wish_is_the_subjects_stated_aim": (
        "The governor wants to double the number of nurses in rural clinics.",
        "to double the number of nurses in rural clinics", "want", "The governor",
    ),
    "the_object_of_a_verb_of_message_is_what_was_said": (
        "The ministry offered no evidence for the claim.", "no evidence for the claim", "offer", "The ministry",
    ),
    "the_target_of_criticism_and_its_reason_are_reported": (
        "The candidate attacked his rival for skipping the debate.",
        "his rival for skipping the debate", "attack", "The candidate",
    ),
    "the_object_of_a_preposition_cue_is_the_topic": (
        "The senator asked the minister about the missing funds.", "the missing funds", "ask", "The senator",
    ),
    "a_stance_adjective_reports_the_object_of_its_preposition": (
        "The senator was critical of the new airport plan.", "the new airport plan", "critical", "The senator",
    ),
    "a_stance_adjective_reports_its_infinitive": (
        "The mayor is determined to finish the tunnel before the election.",
        "to finish the tunnel before the election", "determined", "The mayor",
    ),
    "a_stance_adjective_reports_its_that_clause": (
        "Many farmers are afraid that the new rules will ruin them.",
        "that the new rules will ruin them", "afraid", "Many farmers",
    ),
    "a_decision_is_the_bodys_stated_aim": (
        "The council voted to close the old library.", "to close the old library", "vote", "The council",
    ),
    "linking_two_things_is_claiming_a_connection": (
        "The senator linked the outage to the storm.", "the outage to the storm", "link", "The senator",
    ),
    "a_series_of_posts_is_a_message": (
        "The senator unleashed a series of posts attacking the mayor.",
        "a series of posts attacking the mayor", "unleash", "The senator",
    ),
    "a_belief_noun_reports_its_owners_clause": (
        "The mayor's admission that the audit was late came as no surprise.",
        "that the audit was late", "admission", "The mayor",
    ),
    "a_relative_pronoun_can_be_the_whole_object": (
        "Practices, which the bank detailed in a letter, were never approved.", "which", "detail", "the bank",
    ),
    "as_much_stands_for_what_was_said": (
        "Her campaign manager said as much on Sunday.", "as much", "say", "Her campaign manager",
    ),
    "so_stands_for_what_is_thought": ("He does not think so.", "so", "think", "He"),
    "the_same_stands_for_what_was_said": (
        "Most voters said the same of the governor.", "the same of the governor", "say", "Most voters",
    ),
    "hopes_is_a_cue_though_the_lemmatizer_reads_hop": (
        "The mayor hopes to reopen the pier by June.", "to reopen the pier by June", "hope", "The mayor",
    ),
    "a_verb_of_imagining_reports_its_clause_without_that": (
        "I cannot fathom how the council approved the budget.", "how the council approved the budget", "fathom", "I",
    ),
    "a_stance_inside_a_report_is_part_of_that_report": (
        "Mr. Lee said he was worried about the cost of the tunnel.",
        "he was worried about the cost of the tunnel", "say", "Lee",
    ),
}


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), CUES.values(), ids=CUES.keys())
def test_reported_cue(nlp, text, content, cue, speaker):
    assert only_one(nlp, text) == (content, cue, speaker)


def test_a_verb_of_regard_reports_only_with_what_the_object_is_taken_for(nlp):
    text = "Critics see the stadium as a gift to the team owners."
    assert only_one(nlp, text) == ("the stadium as a gift to the team owners", "see", "Critics")
    assert reported(nlp, "Residents saw the stadium from the river.") == []


def test_a_name_alone_can_be_what_was_endorsed_but_a_date_cannot(nlp):
    assert only_one(nlp, "The union endorsed Garcia.") == ("Garcia", "endorse", "The union")
    assert reported(nlp, "The union endorsed Friday.") == []


def test_a_stance_adjective_needs_someone_who_holds_it(nlp):
    assert reported(nlp, "The air campaign was critical of the new airport plan.") == []


def test_a_belief_noun_object_is_held_by_the_verbs_subject(nlp):
    text = "Residents expressed concern that the new dam would flood their farms."
    beliefs = [q for q in reported(nlp, text) if q.cue is not None and q.cue.lemma == "concern"]
    assert [(q.text, q.speaker and q.speaker.text) for q in beliefs] == [
        ("that the new dam would flood their farms", "Residents")
    ]


def test_a_belief_noun_with_nobody_who_holds_it_reports_nothing(nlp):
    assert reported(nlp, "There is a growing recognition that the old dam is unsafe.") == []

"""Reported speech: who can be the source of an indirect quote, and where the headline and comma forms find one."""

import pytest

from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.nlp import load_pipeline
from factextract.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def reported(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    """The indirect quotes of text as (quoted text, cue lemma, speaker as written)."""
    view = DocView.of(nlp(text))
    return [
        (q.text, q.cue and q.cue.lemma, q.speaker and q.speaker.text)
        for q in find_quotes(view, resolve_entities(view))
        if q.type == "indirect"
    ]


# (text, the one indirect quote expected), one kind of source or form each.
FOUND = {
    "a_share_of_those_polled_speaks": (
        "Another 30 percent said they would not vote at all.",
        ("they would not vote at all", "say", "Another 30 percent"),
    ),
    "a_part_of_a_group_speaks_for_the_group": (
        "A number of council members echoed her concerns.", ("her concerns", "echo", "A number"),
    ),
    "a_slide_shows_figures": (
        "A slide from the presentation shows that exports fell by a third.",
        ("that exports fell by a third", "show", "A slide"),
    ),
    "a_fund_speaks_as_a_body": (
        "The fund warned that the exit would slow growth.", ("that the exit would slow growth", "warn", "The fund"),
    ),
    "a_document_mentions_what_it_reports": (
        "The audit mentions the missing funds.", ("the missing funds", "mention", "The audit"),
    ),
    "people_a_participle_follows_report_its_object": (
        "Neighbors signed a petition from residents opposing the closure of the school.",
        ("the closure of the school", "oppose", "residents"),
    ),
    "who_makes_its_noun_a_person": (
        "It was a builder who said the hall was unsafe.", ("the hall was unsafe", "say", "a builder"),
    ),
    "an_as_clause_of_saying_reports_the_clause_it_is_attached_to": (
        "As several economists have pointed out, the tariff would raise prices for farmers.",
        ("the tariff would raise prices for farmers", "point", "several economists"),
    ),
    "an_aim_after_seek_is_reported": (
        "The council seeks to sell the old depot.", ("to sell the old depot", "seek", "The council"),
    ),
    "what_someone_did_not_respond_to_is_reported": (
        "The ministry did not respond to requests for comment.", ("requests for comment", "respond", "The ministry"),
    ),
    "a_headline_verb_in_title_case_reports_the_rest_of_the_line": (
        "Mayor Ortiz Vows To Rebuild The Harbor Bridge\n\nThe mayor spoke on Monday.",
        ("To Rebuild The Harbor Bridge", "vow", "Mayor Ortiz"),
    ),
    "a_headline_after_a_newsroom_label_keeps_its_own_subject": (
        "The Latest: Mayor Ortiz urges residents to leave the coast\n\nThe storm is expected tonight.",
        ("residents to leave the coast", "urge", "Ortiz"),
    ),
    "a_concession_after_a_parenthetical_attribution_is_the_writers": (
        "The election, officials said, was the quietest in years, although turnout figures are not final.",
        ("The election was the quietest in years", "say", "officials"),
    ),
}


@pytest.mark.parametrize(("text", "quote"), FOUND.values(), ids=FOUND.keys())
def test_reported_source_found(nlp, text, quote):
    assert reported(nlp, text) == [quote]


# Texts with no indirect quote at all.
NONE = {
    "a_headline_verb_that_reports_nothing": "Fans Cheer As Rovers Win Cup\n\nThe match ended late.",
    "a_headline_verb_whose_object_is_whom_not_what": "Singer Ana Vela Sings To Flood Victims\n\nThe show sold out.",
    "an_as_clause_of_comparison_reports_nothing": "The mayor is someone as careful as her critics say.",
    "a_correction_is_not_a_speaker": "Correction: An earlier version of this story misstated the date of the vote.",
    "someone_a_wish_follows_reports_nothing": "Anyone wanting to learn more about the plan can call the office.",
}


@pytest.mark.parametrize("text", NONE.values(), ids=NONE.keys())
def test_no_reported_source(nlp, text):
    assert reported(nlp, text) == []

"""Reported speech: where the content of an indirect quote starts and stops."""

import pytest

from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.nlp import load_pipeline
from factextract.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def reported(nlp, text: str) -> dict[str, str]:
    """The indirect quotes of text, as {cue lemma: quoted text}."""
    view = DocView.of(nlp(text))
    return {q.cue.lemma: q.text for q in find_quotes(view, resolve_entities(view)) if q.type == "indirect" and q.cue}


# (text, cue lemma, what the cue reports), one construction each.
EDGES = {
    "relative_clause_after_a_comma_is_the_writers_aside": (
        "Senator Ruiz likened the new tax to a toll road, which drivers in the state have long resented.",
        "liken", "the new tax to a toll road",
    ),
    "appositive_after_a_reported_object_is_left_out": (
        "The governor praised the port workers, who unloaded ships through the storm.",
        "praise", "the port workers",
    ),
    "concession_after_a_reported_clause_is_left_out": (
        "The mayor claimed that the budget was balanced, although she refused to release the accounts.",
        "claim", "that the budget was balanced",
    ),
    "a_second_report_after_a_comma_is_not_part_of_the_first": (
        "Farmers said the drought had cut yields, citing the driest spring on record.",
        "say", "the drought had cut yields",
    ),
    "a_reported_clause_keeps_an_appositive_inside_it": (
        "Analysts say the harbor will need dredging, the costliest project in the plan.",
        "say", "the harbor will need dredging, the costliest project in the plan",
    ),
    "the_occasion_of_the_saying_is_not_what_was_said": (
        "The senator rejected that argument in a speech on Tuesday.", "reject", "that argument",
    ),
    "the_place_of_the_saying_is_not_what_was_said": (
        "The mayor cited the flood at a meeting on Monday.", "cite", "the flood",
    ),
    "what_the_object_is_compared_to_stays_in_the_content": (
        "Senator Ruiz likened the new tax to a toll road.", "liken", "the new tax to a toll road",
    ),
    "a_coordinated_infinitive_parsed_on_the_cue_continues_the_intention": (
        "The council agreed to repair the pier and reopen the market by June.",
        "agree", "to repair the pier and reopen the market by June",
    ),
    "a_second_infinitive_after_then_continues_the_intention": (
        "The coach planned to rebuild the team, then hand the job to his assistant.",
        "plan", "to rebuild the team, then hand the job to his assistant",
    ),
    "a_clause_after_so_continues_what_was_pointed_out": (
        "Ms. Kato pointed out that the river had flooded twice, so the town would need a new levee.",
        "point", "that the river had flooded twice, so the town would need a new levee",
    ),
    "a_semicolon_ends_the_reported_clause": (
        "Officials said the timing was a coincidence; the report was finished weeks earlier.",
        "say", "the timing was a coincidence",
    ),
    "the_time_of_the_telling_is_not_what_was_told": (
        "The mayor told city workers this weekend he would consider it an insult if they left.",
        "tell", "he would consider it an insult if they left",
    ),
    "a_second_object_parsed_on_the_verb_is_still_what_was_stressed": (
        "She stressed economic growth, and a need to cut the deficit.",
        "stress", "economic growth, and a need to cut the deficit",
    ),
    "a_dash_after_a_reported_object_opens_an_aside": (
        "The union announced its support -- a reversal after months of talks.", "announce", "its support",
    ),
}


@pytest.mark.parametrize(("text", "cue", "content"), EDGES.values(), ids=EDGES.keys())
def test_reported_content_edges(nlp, text, cue, content):
    assert reported(nlp, text)[cue] == content


def test_content_that_opens_a_quotation_runs_on_to_its_closing_mark(nlp):
    text = "The senator called the levy “a tax on work” and “a gift to landlords,” her office said."
    assert reported(nlp, text)["call"] == "the levy “a tax on work” and “a gift to landlords,”"

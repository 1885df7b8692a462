"""Claims: check-worthy sentences at or above the threshold, typed and linked to the other items."""

import pytest

from factextract.checkworthiness.model import load_model
from factextract.doc_view import DocView
from factextract.models import Extraction
from factextract.nlp import load_pipeline
from factextract.pipeline import Extractor, extract
from factextract.settings import Settings

CHECKWORTHY = "The city spent $4 million on road repairs in 2019, twice what it spent in 2018."
NOT_CHECKWORTHY = "Thank you all for coming, and good night."


def at_threshold(threshold: float) -> Extractor:
    return Extractor(Settings(claim_threshold=threshold))


def every_sentence(text: str) -> Extraction:
    """The extraction with every sentence a claim (threshold 0), to test what a claim carries."""
    return at_threshold(0).extract(text)


def _offsets_match(text: str, extraction) -> None:
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end


def test_one_checkworthy_sentence_yields_exactly_one_claim_with_exact_offsets():
    result = extract(CHECKWORTHY)
    assert len(result.claims) == 1
    claim = result.claims[0]
    assert claim.text == CHECKWORTHY
    assert (claim.start, claim.end) == (0, len(CHECKWORTHY))
    assert claim.checkworthiness >= load_model().threshold
    assert claim.id == "c1"
    assert result.stats.claims == 1


def test_pleasantry_yields_no_claim():
    assert extract(NOT_CHECKWORTHY).claims == []


def test_one_sentence_yields_a_claim_exactly_when_its_score_reaches_the_threshold():
    score = extract(CHECKWORTHY).claims[0].checkworthiness
    assert at_threshold(min(score + 0.001, 1.0)).extract(CHECKWORTHY).claims == []
    assert len(at_threshold(score).extract(CHECKWORTHY).claims) == 1


def test_threshold_zero_makes_every_sentence_a_claim():
    text = f"{CHECKWORTHY} {NOT_CHECKWORTHY}"
    result = every_sentence(text)
    assert [c.text for c in result.claims] == [CHECKWORTHY, NOT_CHECKWORTHY]
    _offsets_match(text, result)


def test_figures_make_a_statistical_claim_and_are_linked():
    claim = extract(CHECKWORTHY).claims[0]
    assert "statistical" in claim.kinds
    assert claim.figure_ids, "the $4 million figure is inside the claim"


def test_figures_are_linked_by_their_ids():
    result = extract(CHECKWORTHY)
    linked = {f.id: f for f in result.figures}
    claim = result.claims[0]
    assert all(fid in linked for fid in claim.figure_ids)
    assert any("4 million" in linked[fid].text for fid in claim.figure_ids)


def test_a_position_in_a_series_links_its_figure_but_states_no_statistic():
    claim = every_sentence("Voters will choose the next president in a tight race.").claims[0]
    assert claim.figure_ids, "'next' is an ordinal figure inside the claim"
    assert "statistical" not in claim.kinds
    assert "statistical" in every_sentence("Voters will choose the second president in a tight race.").claims[0].kinds


def test_more_than_a_number_is_a_qualifier_not_a_comparison():
    claim = every_sentence("More than 200 workers at the plant lost their jobs in March.").claims[0]
    assert "statistical" in claim.kinds
    assert "comparison" not in claim.kinds


def test_comparative_makes_a_comparison_claim():
    claim = every_sentence("Crime in the county is lower than in any other county in the state.").claims[0]
    assert "comparison" in claim.kinds


def test_future_modal_makes_a_prediction_claim():
    claim = every_sentence("The new bridge will cost taxpayers $300 million over ten years.").claims[0]
    assert "prediction" in claim.kinds


@pytest.mark.parametrize(
    ("text", "predicts"),
    [
        ("The county is going to raise the sales tax by one percent next year.", True),
        ("The mayor was going to the council meeting when the vote was called.", False),
    ],
)
def test_going_to_with_a_bare_verb_makes_a_prediction_claim(text, predicts):
    claim = every_sentence(text).claims[0]
    assert ("prediction" in claim.kinds) is predicts


def test_law_words_make_a_rules_claim():
    claim = every_sentence("The court ruled that the ban on street vendors was unconstitutional.").claims[0]
    assert "rules" in claim.kinds


def test_first_person_singular_makes_a_personal_claim():
    claim = every_sentence("I worked in that factory for twenty years before it closed.").claims[0]
    assert "personal" in claim.kinds


def test_reported_claim_names_the_speaker_as_claimant():
    text = "Health officials said more than 300 people had been infected since March."
    claim = every_sentence(text).claims[0]
    assert claim.claimant == "Health officials"
    assert "attributed" in claim.kinds
    assert claim.quote_ids


def test_direct_quote_claim_is_the_quoted_words_with_the_speaker_as_claimant():
    text = 'The council met on Monday.\n\n"Crime fell by 12 percent in the last year," Mayor Ana Ruiz said.'
    result = every_sentence(text)
    claim = next(c for c in result.claims if "Crime fell" in c.text)
    assert claim.text.startswith("Crime fell by 12 percent in the last year")
    assert not claim.text.startswith('"')
    quote = next(q for q in result.quotes if q.id in claim.quote_ids)
    # The claimant is whatever name the quote extractor resolved for the speaker.
    assert claim.claimant == quote.speaker.name
    assert "Ana Ruiz" in claim.claimant
    _offsets_match(text, result)


def test_unattributed_claim_has_no_claimant():
    assert every_sentence(CHECKWORTHY).claims[0].claimant is None


def test_entities_inside_the_claim_are_linked():
    result = every_sentence("Germany exported more cars to China than France did in 2022.")
    claim = result.claims[0]
    names = {e.id: e.name for e in result.entities}
    assert {"Germany", "China"} <= {names[eid] for eid in claim.entity_ids}


def test_sentences_never_run_across_a_line_break():
    doc = load_pipeline()("Taxes Rise Again\nThe council raised property taxes by 5 percent on Tuesday.")
    units = [s.text.strip() for s in DocView.of(doc).sentences(cut_at_line_breaks=True)]
    assert units == ["Taxes Rise Again", "The council raised property taxes by 5 percent on Tuesday."]


def test_sentences_leave_out_edge_whitespace_and_pieces_without_a_letter():
    doc = load_pipeline()("  Taxes Rise Again  \n\n 2019 \n\nThe council  raised taxes.\n")
    pieces = DocView.of(doc).sentences(cut_at_line_breaks=True)
    assert [s.text for s in pieces] == ["Taxes Rise Again", "The council  raised taxes."]


@pytest.mark.parametrize("text", ["...", "12345", "!!! ??", "--\n\n--"])
def test_text_without_words_yields_no_claim(text):
    assert every_sentence(text).claims == []

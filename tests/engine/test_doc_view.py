"""DocView: one view of a parsed Doc that every extractor reads (offsets, sentences, quoted spans)."""

import pytest

from factextract.doc_view import DocView
from factextract.nlp import load_pipeline

TEXT = 'Taxes Rise Again\nThe council raised taxes.  "It had no choice," the mayor said.\n\nVoters were angry.'


@pytest.fixture(scope="module")
def view() -> DocView:
    return DocView.of(load_pipeline()(TEXT))


def test_token_at_finds_the_token_holding_an_offset(view):
    offset = TEXT.index("council") + 3
    assert view.token_at(offset).text == "council"
    assert view.token_index(offset) == view.token_at(offset).i


def test_sentence_at_ends_before_the_whitespace_that_follows_the_sentence(view):
    start = TEXT.index('"It had')
    sentence = view.sentence_at(start)
    assert TEXT[sentence.start:sentence.end].endswith("the mayor said.")
    assert not TEXT[sentence.end - 1].isspace()


def test_sentence_at_spans_every_sentence_a_range_touches(view):
    start, end = TEXT.index("The council"), TEXT.index("Voters") + 3
    sentence = view.sentence_at(start, end)
    assert TEXT[sentence.start:sentence.end].endswith("Voters were angry.")


def test_in_quote_holds_the_marks_and_what_is_between_them(view):
    opening = TEXT.index('"It')
    closing = TEXT.index('," the') + 1
    assert view.in_quote(opening) is view.in_quote(closing) is view.quoted[0]
    assert view.in_quote(TEXT.index("mayor")) is None


def test_a_blank_line_always_starts_a_sentence(view):
    assert TEXT.index("Voters") in view.sentence_starts


def test_sentences_cut_at_line_breaks_only_when_asked(view):
    whole = [span.text for span in view.sentences()]
    cut = [span.text for span in view.sentences(cut_at_line_breaks=True)]
    assert "Taxes Rise Again" in cut
    assert len(cut) >= len(whole)
    assert all("\n" not in text for text in cut)


def test_an_empty_doc_has_no_sentences_and_one_whole_text_reference():
    empty = DocView.of(load_pipeline()(""))
    assert empty.sentences() == []
    assert (empty.sentence_at(0).start, empty.sentence_at(0).end) == (0, 0)

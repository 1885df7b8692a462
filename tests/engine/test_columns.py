"""Token attribute columns: offsets, sentence starts and word membership read without Token objects."""

import pytest
from spacy.attrs import LEMMA, LOWER

from factextract.columns import among, sentence_starts, token_starts
from factextract.nlp import load_pipeline


@pytest.fixture(scope="module")
def doc():
    return load_pipeline()("The mayor spoke. She said the Mayor would stay.")


def test_among_marks_the_tokens_that_are_one_of_the_words(doc):
    lowered = doc.to_array([LOWER])
    hits = among(lowered, {"mayor", "she", "governor"}, doc.vocab.strings)
    assert [token.text for token, hit in zip(doc, hits, strict=True) if hit] == ["mayor", "She", "Mayor"]


def test_among_reads_several_columns_at_once(doc):
    rows = doc.to_array([LOWER, LEMMA])
    hits = among(rows, {"say"}, doc.vocab.strings)
    assert hits.shape == rows.shape
    assert [token.text for token, hit in zip(doc, hits.any(axis=1), strict=True) if hit] == ["said"]


def test_among_no_words_marks_nothing(doc):
    assert not among(doc.to_array([LOWER]), set(), doc.vocab.strings).any()


def test_token_and_sentence_starts(doc):
    assert token_starts(doc)[:3] == [0, 4, 10]
    assert sentence_starts(doc) == [0, 4]

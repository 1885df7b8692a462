import pytest
import spacy
from spacy.lookups import Lookups

from factextract.lemma_index import INDEX_TABLE, LEMMATIZER, KnownForms, index_known_forms
from factextract.nlp import load_pipeline

TEXT = (
    "The councillors were voting on budgets, and the ferries kept crossing while analysts argued. "
    "Her best-known studies cited the heaviest losses; he'd gone, and the mice hid under wolves' dens."
)


def test_known_forms_answer_in_as_their_list_does_and_stay_a_list():
    forms = KnownForms(["vote", "ferry", "mouse"])
    assert isinstance(forms, list) and forms == ["vote", "ferry", "mouse"]
    assert "ferry" in forms and "ferries" not in forms and 3 not in forms


def test_the_engine_pipeline_lemmatizes_as_with_the_models_lists():
    nlp = load_pipeline()
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    table = lemmatizer.lookups.get_table(INDEX_TABLE)
    assert table and all(type(forms) is KnownForms for forms in table.values())
    lemmatizer.cache = {}
    with_sets = [token.lemma_ for token in nlp(TEXT)]
    indexed = dict(table.items())
    try:
        for key, forms in indexed.items():
            table[key] = list(forms)
        lemmatizer.cache = {}
        with_lists = [token.lemma_ for token in nlp(TEXT)]
    finally:
        for key, forms in indexed.items():
            table[key] = forms
        lemmatizer.cache = {}
    assert with_sets == with_lists
    assert {"councillor", "vote", "ferry", "mouse", "wolf", "heavy"} <= set(with_sets)


def test_the_indexed_lemmatizer_serializes_as_before():
    lemmatizer = load_pipeline().get_pipe(LEMMATIZER)
    restored = Lookups().from_bytes(lemmatizer.lookups.to_bytes())
    assert dict(restored.get_table(INDEX_TABLE).items()) == dict(lemmatizer.lookups.get_table(INDEX_TABLE).items())


@pytest.mark.parametrize("tables", [{}, {INDEX_TABLE: {"noun": [["unhashable"]]}}])
def test_a_pipeline_without_indexable_lists_is_left_as_it_is(tables):
    nlp = spacy.blank("en")
    index_known_forms(nlp)  # no lemmatizer at all
    lemmatizer = nlp.add_pipe(LEMMATIZER, config={"mode": "rule"})
    for name, data in tables.items():
        lemmatizer.lookups.add_table(name, data)
    index_known_forms(nlp)
    if tables:
        assert type(lemmatizer.lookups.get_table(INDEX_TABLE).get("noun")) is list

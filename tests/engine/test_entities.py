"""Entities: names clustered across the article, roles, descriptors and pronouns."""

import pytest

from factextract.doc_view import DocView
from factextract.entities import EntityIndex, resolve_entities
from factextract.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def entities_of(nlp, text: str) -> EntityIndex:
    return resolve_entities(DocView.of(nlp(text)))


def person(index: EntityIndex, name: str):
    return next(e for e in index.entities if e.type == "person" and e.name == name)


def test_surname_joins_the_full_name_and_the_longest_name_is_canonical(nlp):
    index = entities_of(nlp, "Marta Kowalski opened the plant on Monday. Later, Kowalski toured the site.")
    marta = person(index, "Marta Kowalski")
    assert [m.text for m in marta.mentions] == ["Marta Kowalski", "Kowalski"]


def test_role_before_the_name_is_kept_and_a_later_descriptor_joins_the_person(nlp):
    text = (
        "Foreign ministry spokesman Piet Vandermeer told reporters the talks had failed. "
        "The spokesman acknowledged that the mood was tense."
    )
    piet = person(entities_of(nlp, text), "Piet Vandermeer")
    assert "spokesman" in (piet.role or "")
    assert "The spokesman" in [m.text for m in piet.mentions]


def test_appositive_gives_the_role(nlp):
    index = entities_of(nlp, "Tom Reyes, a county engineer, inspected the levee on Friday.")
    assert person(index, "Tom Reyes").role == "county engineer"


def test_pronoun_joins_the_previous_person(nlp):
    index = entities_of(nlp, "Leila Haddad runs the only clinic in the valley. She opens it every day at six.")
    assert [m.text for m in person(index, "Leila Haddad").mentions] == ["Leila Haddad", "She"]


def test_pronoun_prefers_the_subject_of_the_previous_sentence(nlp):
    index = entities_of(nlp, "Senator Price met Governor Lane on Tuesday. She said the meeting went well.")
    assert "She" in [m.text for m in person(index, "Price").mentions]
    assert "She" not in [m.text for m in person(index, "Lane").mentions]


def test_pronoun_skips_a_person_of_the_other_gender(nlp):
    index = entities_of(nlp, "Hillary Clinton debated Donald Trump on Monday. He said she was wrong.")
    assert "He" in [m.text for m in person(index, "Donald Trump").mentions]
    assert "she" in [m.text for m in person(index, "Hillary Clinton").mentions]


def test_names_inside_quotes_are_not_pronoun_antecedents(nlp):
    text = "Ana Ortiz spoke first. “I called Peter Novak yesterday,” she said."
    assert "she" in [m.text for m in person(entities_of(nlp, text), "Ana Ortiz").mentions]


def test_entity_at_finds_the_entity_behind_any_mention(nlp):
    text = "Acme Corp hired Lena Park. Park said the deal closed."
    index = entities_of(nlp, text)
    start = text.index("Park said")
    found = index.entity_at(start, start + 4)
    assert found is not None and found.name == "Lena Park"
    assert index.entity_at(0, 0) is None


def test_every_mention_matches_the_text_at_its_offsets(nlp):
    text = "Mayor Jo Kim met the U.N. envoy in Geneva. Kim said he was late."
    for entity in entities_of(nlp, text).entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_a_shared_surname_alone_is_the_person_the_article_names_most(nlp):
    text = (
        "Tomas Varga toured the plant on Monday. Varga praised the workers and thanked the crowd. "
        "The speech ended early. Ilona Varga, a doctor, spoke next. Varga then left for the airport."
    )
    index = entities_of(nlp, text)
    last = text.rindex("Varga")
    assert any(m.start == last for m in person(index, "Tomas Varga").mentions)
    assert not any(m.start == last for m in person(index, "Ilona Varga").mentions)

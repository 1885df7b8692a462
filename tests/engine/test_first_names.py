"""First-name gender from the derived name list (factextract/data/first_names.tsv): "he"/"she" skip a person
whose given name is almost always of the other gender, and an ambiguous given name blocks neither."""

import pytest

from factextract.data.people import FEMALE_NAMES, FIRST_NAMES_FILE, MALE_NAMES
from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.models import Quote
from factextract.nlp import load_pipeline
from factextract.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def speaker_of(nlp, text: str) -> str | None:
    """The resolved name of the speaker of the text's one direct quote."""
    view = DocView.of(nlp(text))
    quotes: list[Quote] = find_quotes(view, resolve_entities(view), False)
    (quote,) = [q for q in quotes if q.type == "direct"]
    return quote.speaker.name if quote.speaker else None


def meeting(first: str, second: str, pronoun: str) -> str:
    """Two people named in one sentence, then a quote of "he" or "she": position alone favours the first."""
    return f"{first} met {second} at the station on Monday. “We agreed on nothing,” {pronoun} said."


def test_the_list_knows_given_names_from_beyond_us_politics():
    assert {"siobhan", "aisling", "priya", "niamh"} <= FEMALE_NAMES
    assert {"cillian", "oluwafemi", "tariq", "siddharth"} <= MALE_NAMES


def test_ambiguous_given_names_are_neither_male_nor_female():
    for name in ("jordan", "robin", "jean", "andrea", "oluwaseun"):
        assert name not in MALE_NAMES and name not in FEMALE_NAMES


def test_the_derived_file_names_its_source_and_licence():
    header = [line for line in FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("nomquamgender 0.1.4" in line for line in header)
    assert any("MIT" in line for line in header) and any("sha256" in line for line in header)
    assert FIRST_NAMES_FILE.with_suffix(".LICENSE").is_file()


def test_she_said_skips_a_man_the_list_names_male(nlp):
    assert speaker_of(nlp, meeting("Cillian Walsh", "Aisling Byrne", "she")) == "Aisling Byrne"


def test_he_said_skips_a_woman_the_list_names_female(nlp):
    assert speaker_of(nlp, meeting("Priya Raman", "Oluwafemi Adeyemi", "he")) == "Oluwafemi Adeyemi"


def test_she_said_is_left_unresolved_rather_than_given_to_the_only_man_named(nlp):
    text = (
        "Police arrested Cillian Walsh on Friday after a fight outside a bar. Walsh denied the charge. "
        "“He was shouting at everyone,” she said."
    )
    assert speaker_of(nlp, text) is None


def test_a_given_name_with_an_accent_is_read_without_it(nlp):
    assert speaker_of(nlp, meeting("Zoë Lane", "Tariq Mansour", "he")) == "Tariq Mansour"


def test_a_hyphenated_given_name_the_list_lacks_is_read_by_its_first_part(nlp):
    assert speaker_of(nlp, meeting("Priya-Anne Shah", "Tariq Mansour", "he")) == "Tariq Mansour"


@pytest.mark.parametrize("pronoun", ["he", "she"])
def test_an_ambiguous_given_name_is_compatible_with_either_pronoun(nlp, pronoun: str):
    assert speaker_of(nlp, meeting("Robin Ellis", "Niamh Byrne", pronoun)) == "Robin Ellis"


def test_a_one_word_name_is_a_surname_even_when_the_list_has_it_as_a_given_name(nlp):
    # "grant" is a male given name in the list; "Senator Grant" is a surname and says nothing of gender.
    assert speaker_of(nlp, meeting("Senator Grant", "Governor Lane", "she")) == "Grant"


def test_a_courtesy_title_outweighs_the_usual_gender_of_the_given_name(nlp):
    assert speaker_of(nlp, meeting("Ms. Alex Morgan", "Cillian Walsh", "he")) == "Cillian Walsh"

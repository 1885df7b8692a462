"""Texts that would cost far more than their length suggests: bounded before the parser (runs merged, dense
words merged, sentences cut) or refused with text_too_costly; counted in tokens and sentences, never timed.
The CPU and memory ratios these bounds give are measured by devtools/costly_texts.py (docs/costly-texts.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from devtools.costly_texts import NEWS, TEXTS
from factextract import tokenizer as bounded
from factextract.errors import TextTooCostly
from factextract.nlp import MAX_WORDS_PER_CHAR, check_cost, load_pipeline
from factextract.pipeline import extract
from tests.engine.test_properties import assert_offsets_match

CHARS = 12_000
BOUNDED = ["url_slashes", "curly_quotes", "open_parens", "emoji", "a_dash", "straight_quotes", "quoted_words"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _realistic_tokens(nlp: Language) -> int:
    return len(nlp.tokenizer(TEXTS["realistic"](CHARS)))


@pytest.mark.parametrize("name", BOUNDED)
def test_a_pathological_text_reaches_the_parser_with_about_an_articles_tokens(nlp: Language, name: str) -> None:
    text = TEXTS[name](CHARS)
    doc = nlp.tokenizer(text)
    assert doc.text == text
    # '"a" ' is one word in four characters, news one in six: the bar is the parser's work, well under 2x
    assert len(doc) <= 1.5 * _realistic_tokens(nlp)


def test_a_run_of_symbols_is_one_token_however_long(nlp: Language) -> None:
    for chars in (2_000, 20_000):
        assert len(nlp.tokenizer("(" * chars)) == 1
        assert len(nlp.tokenizer(("http://" + "a/" * chars)[:chars])) == 1


def test_a_run_of_news_length_keeps_spacys_tokens(nlp: Language) -> None:
    assert [t.text for t in nlp.tokenizer('(“U.S.-based,” she said).')] == [
        "(", "“", "U.S.-based", ",", "”", "she", "said", ")", "."]


def test_dense_quoted_words_are_one_token_each_and_sentences_are_bounded(nlp: Language) -> None:
    text = TEXTS["quoted_words"](CHARS)
    doc = nlp(text)
    assert len(doc) == len(text.split())
    assert max(len(sentence) for sentence in doc.sents) <= bounded.MAX_SENTENCE_TOKENS


def test_news_is_not_merged_however_long(nlp: Language) -> None:
    text = NEWS * 40
    assert len(nlp.tokenizer(text)) == len(nlp.tokenizer(NEWS)) * 40


@pytest.mark.parametrize("text", [TEXTS["dollar_ones"](CHARS), "a " * (CHARS // 2), "( " * (CHARS // 2)])
def test_more_words_per_character_than_prose_is_refused_before_parsing(text: str) -> None:
    assert len(text.split()) > MAX_WORDS_PER_CHAR * len(text)
    with pytest.raises(TextTooCostly) as refused:
        extract({"text": text})
    assert (refused.value.code, refused.value.field) == ("text_too_costly", "text")


def test_a_short_dense_text_is_not_refused() -> None:
    check_cost("$1 " * 1_000)  # 3,000 characters cost little whatever their density


@pytest.mark.parametrize("name", BOUNDED)
def test_a_bounded_text_extracts_with_offsets_into_the_callers_text(name: str) -> None:
    text = "The mayor said it.\n" + TEXTS[name](6_000) + '\n"It works," she said.'
    result = extract({"text": text})
    assert result.stats.characters == len(text)
    assert_offsets_match(text, result)
    assert [q.text for q in result.quotes if q.text == "It works,"] or any("It works" in q.text for q in result.quotes)

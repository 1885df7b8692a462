"""Long runs without whitespace: spaCy's tokens wherever it is fast, bounded work where it was quadratic,
and extraction that completes with every offset into the original text."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language, create_tokenizer
from spacy.tokenizer import Tokenizer

from factextract import tokenizer as bounded
from factextract.nlp import load_pipeline
from factextract.pipeline import extract
from tests.engine.test_properties import assert_offsets_match

ORDINARY = [
    'Mayor Dana Whitfield said: "We\'ll spend $12.5m (about 4%) on parks..." U.S. officials didn\'t agree!!',
    "See https://example.com/a/b?c=d&e=f.  Then\n\nnew para... O'Neil's 3km² plot; 10°C. (Really?)",
    "Figures: 1,100 people — up 12% — in 2011–12; e-mail press@city.gov or call +1 (555) 010-2030.\t«Non»",
    "A dot run........ and a dash run——— and 'quotes''' and \u201ccurly\u201d\u2019s end.",
]
SUFFIX_ALPHABET = ".…!?\"'”’)]%$€km²s-—–0123456789aA "
URL = ("https://example.com/" + "/".join(f"seg{i}?q={i}&r=x.y" for i in range(800)))[:10_000]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def stock(nlp: Language) -> Tokenizer:
    """spaCy's own tokenizer over the same vocabulary and language rules."""
    return create_tokenizer()(nlp)


def tokens(doc: object) -> list[tuple[int, str, str]]:
    return [(token.idx, token.text, token.whitespace_) for token in doc]


def test_engine_tokenizer_is_the_bounded_one(nlp: Language) -> None:
    assert isinstance(nlp.tokenizer, bounded.BoundedTokenizer)
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": bounded.NAME}


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_gets_spacys_tokens(nlp: Language, stock: Tokenizer, text: str) -> None:
    assert tokens(nlp.tokenizer(text)) == tokens(stock(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=SUFFIX_ALPHABET, min_size=0, max_size=80))
def test_windowed_suffix_search_finds_spacys_suffix(nlp: Language, stock: Tokenizer, run: str) -> None:
    assert nlp.tokenizer.find_suffix(run) == stock.find_suffix(run)


def test_a_long_dot_run_past_the_window_is_searched_whole(nlp: Language, stock: Tokenizer) -> None:
    run = "end" + "." * 100
    assert nlp.tokenizer.find_suffix(run) == stock.find_suffix(run) == 100


@pytest.mark.parametrize("text", [URL, "x" * 50_000, '"yes"' * 2_000, '"' * 10 + "a" * 5_000 + '"' * 10])
def test_a_long_run_shedding_few_affixes_stays_spacys(nlp: Language, stock: Tokenizer, text: str) -> None:
    assert tokens(nlp.tokenizer(text)) == tokens(stock(text))


@pytest.mark.parametrize(
    "run", ['"' * 10_000, "\u2014" * 6_000, "'s" * 3_000, "US$" * 2_000, "(" * 2_500 + "a" + ")" * 2_500]
)
def test_a_run_shedding_many_affixes_is_one_token_and_keeps_the_text_and_offsets(nlp: Language, run: str) -> None:
    text = f"Before it.  {run} after\n{run}"
    doc = nlp.tokenizer(text)
    assert doc.text == text
    assert all(text[token.idx : token.idx + len(token.text)] == token.text for token in doc)
    assert [token.idx for token in doc if token.text == run] == [text.index(run), text.rindex(run)]
    # Around the run, the tokens are those spaCy gives the same words.
    assert [token.text for token in doc[:4]] == ["Before", "it", ".", " "]
    after = text.index(" after") + 1
    assert [(t.idx, t.text, t.whitespace_) for t in doc if after <= t.idx < after + 5] == [(after, "after", "")]


def test_parts_join_to_the_text_with_one_space_kept_on_the_run() -> None:
    run = "." * (bounded.MAX_RUN_CHARS + 5)
    text = f"a {run} b\n{run}"
    parts = list(bounded.parts(text, lambda _: True))
    assert "".join(parts) == text
    assert parts[0] == "a " and parts[2] == "....." + " " and parts[3] == "b\n"
    assert [len(part) for part in parts] == [2, bounded.MAX_RUN_CHARS, 6, 2, bounded.MAX_RUN_CHARS, 5]


@pytest.mark.parametrize(
    "text",
    [
        '"' * 2_500,
        '"yes"' * 10_000,
        " ".join(['"yes"'] * 500),
        "a" * 200_000,
        URL,
        "\u2014" * 2_500,
        'The mayor said "' + "!" * 2_100 + '" on Monday. ' + "(" * 1_100 + "12%" + ")" * 1_100,
        string.punctuation * 70,
    ],
    ids=["quotes", "yes-unspaced", "yes-spaced", "200k-a", "url", "em-dashes", "mixed", "punctuation"],
)
def test_pathological_runs_extract_with_offsets_in_the_text(text: str) -> None:
    result = extract({"text": text})
    assert result.stats.characters == len(text)
    assert_offsets_match(text, result)

import pytest

from factextract.checkworthiness.model import load_model
from factextract.errors import InvalidArticle, InvalidSetting, ModelNotFound, TextTooLong, UnsupportedLanguage
from factextract.pipeline import Extractor, article_id, as_article, extract
from factextract.settings import Settings


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_or_whitespace_text_is_an_invalid_article(text):
    with pytest.raises(InvalidArticle) as raised:
        extract({"text": text})
    assert raised.value.code == "invalid_article"
    assert raised.value.field == "text"


def test_non_english_is_refused_with_its_own_code():
    with pytest.raises(UnsupportedLanguage) as raised:
        extract({"text": "Le ministre a parlé.", "language": "fr"})
    assert raised.value.code == "unsupported_language"


def test_unknown_fields_are_refused():
    with pytest.raises(InvalidArticle, match="body"):
        extract({"text": "Hello.", "body": "x"})


def test_text_over_the_limit_is_refused():
    with pytest.raises(TextTooLong):
        Extractor(Settings(max_chars=100)).extract("word " * 30)


def test_settings_are_read_from_the_environment_once_when_the_extractor_is_made(monkeypatch):
    monkeypatch.setenv("FACTEXTRACT_MAX_CHARS", "100")
    extractor = Extractor()
    monkeypatch.setenv("FACTEXTRACT_MAX_CHARS", "1000000")
    with pytest.raises(TextTooLong):
        extractor.extract("word " * 30)


def test_a_setting_that_is_not_a_number_is_refused_with_its_name():
    with pytest.raises(InvalidSetting, match="FACTEXTRACT_MAX_CHARS") as raised:
        Settings.from_env({"FACTEXTRACT_MAX_CHARS": "lots"})
    assert raised.value.code == "invalid_setting"


def test_an_extraction_leaves_the_shared_pipeline_as_it_was():
    extractor = Extractor(Settings(max_chars=100))
    before = (extractor.nlp.max_length, extractor.nlp.pipe_names)
    extractor.extract("Rain fell on Monday.")
    assert (extractor.nlp.max_length, extractor.nlp.pipe_names) == before


def test_same_text_and_date_give_the_same_id():
    first = as_article({"text": "Rain fell.", "published_at": "2020-01-02"})
    again = as_article({"text": "Rain fell.", "published_at": "2020-01-02"})
    other_day = as_article({"text": "Rain fell.", "published_at": "2020-01-03"})
    assert article_id(first) == article_id(again) != article_id(other_day)


def test_the_quote_convention_is_part_of_a_derived_id_and_of_the_result():
    text = "“Housing comes first,” Chen said. “We have to build more homes.”"
    separate = extract({"text": text})
    joined = extract({"text": text, "follow_up_quotes": "joined"})
    assert separate.id != joined.id
    assert (separate.follow_up_quotes, joined.follow_up_quotes) == ("separate", "joined")
    assert (len(separate.quotes), len(joined.quotes)) == (2, 1)


def test_an_unknown_quote_convention_is_refused():
    with pytest.raises(InvalidArticle) as raised:
        extract({"text": "Rain fell.", "follow_up_quotes": "merged"})
    assert raised.value.field == "follow_up_quotes"


def test_callers_id_is_kept():
    assert extract({"id": "story-42", "text": "Rain fell on Monday."}).id == "story-42"


def test_binary_junk_text_does_not_crash():
    junk = bytes(range(256)).decode("latin-1") * 20
    result = extract(junk)
    assert result.stats.characters == len(junk)


@pytest.fixture
def models_unloaded():
    load_model.cache_clear()
    yield
    load_model.cache_clear()


def test_an_extractor_loads_the_check_worthiness_model_and_fails_without_it(models_unloaded, tmp_path):
    Extractor()
    assert load_model.cache_info().currsize == 1
    with pytest.raises(ModelNotFound):
        Extractor(Settings(checkworthiness_model=tmp_path / "missing.json"))

import spacy

from factextract.nlp import UNUSED_COMPONENTS, load_pipeline, model_name


def test_engine_tokenizer_is_the_models_saved_tokenizer():
    shipped = spacy.load(model_name(), exclude=list(UNUSED_COMPONENTS))
    ours = load_pipeline()
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == shipped.tokenizer.to_bytes(exclude=["vocab"])
    assert ours.tokenizer.vocab is ours.vocab


def test_engine_pipeline_runs_the_components_the_extractors_read():
    assert load_pipeline().pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_a_model_with_its_own_tokenizer_rules_keeps_them(tmp_path):
    custom = spacy.blank("en")
    custom.tokenizer.add_special_case("factbox", [{"ORTH": "fact"}, {"ORTH": "box"}])
    custom.to_disk(tmp_path)
    loaded = load_pipeline.__wrapped__(str(tmp_path))
    assert [token.text for token in loaded("see the factbox")] == ["see", "the", "fact", "box"]

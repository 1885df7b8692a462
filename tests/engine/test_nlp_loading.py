import spacy

from factextract import nlp as nlp_module
from factextract.nlp import UNUSED_COMPONENTS, build_pipeline, load_pipeline, model_name, parse, parse_many, pieces


def test_engine_tokenizer_is_the_models_saved_tokenizer():
    shipped = spacy.load(model_name(), exclude=list(UNUSED_COMPONENTS))
    ours = load_pipeline()
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == shipped.tokenizer.to_bytes(exclude=["vocab"])
    assert ours.tokenizer.vocab is ours.vocab


def test_engine_pipeline_runs_the_components_the_extractors_read():
    assert load_pipeline().pipe_names == [
        "tok2vec", "tagger", "paragraph_sentences", "parser", "attribute_ruler", "lemmatizer", "ner"
    ]


def test_the_pipeline_without_the_models_stored_strings_annotates_as_with_them(monkeypatch):
    text = (
        "Zyxquil Ørsted-Nakamura, 41, told Reuters on Tuesday: \"We can't won't shan't :-) 😀 pay $4.5bn.\"\n\n"
        "Die Regierung sagte, dass https://example.org/a?b=1 nicht erreichbar war; l'État a refusé. "
        "The cobbler's fourteen-year-old apprentice re-re-checked No. 7's cañón measurements (3.2 km²)."
    )
    # A fresh load: the process's shared pipeline gains a string for every word the tests before this one read.
    ours = build_pipeline(model_name())
    monkeypatch.setattr(nlp_module, "UNUSED_DATA", ())
    with_strings = build_pipeline(model_name())
    assert len(ours.vocab.strings) < len(with_strings.vocab.strings) / 10

    def annotations(doc):
        return [
            (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.norm_, t.shape_, t.prefix_, t.suffix_,
             t.ent_type_, t.ent_iob_, str(t.morph), t.is_sent_start, t.lang_)
            for t in doc
        ]

    assert annotations(ours(text)) == annotations(with_strings(text))
    for component, labels in ours.pipe_labels.items():
        assert all(label in ours.vocab.strings for label in labels), component


def test_a_model_with_its_own_tokenizer_rules_keeps_them(tmp_path):
    custom = spacy.blank("en")
    custom.tokenizer.add_special_case("factbox", [{"ORTH": "fact"}, {"ORTH": "box"}])
    custom.to_disk(tmp_path)
    loaded = build_pipeline(str(tmp_path))
    assert [token.text for token in loaded("see the factbox")] == ["see", "the", "fact", "box"]


def test_pieces_cut_after_line_breaks_and_keep_every_character():
    text = "First line here.\n\nSecond line.\nThird, a longer line of text.\n"
    parts = pieces(text, 20)
    assert parts == ["First line here.\n\n", "Second line.\n", "Third, a longer line of text.\n"]
    assert "".join(parts) == text


def test_a_line_longer_than_the_limit_stays_whole():
    text = "One long sentence without any line break at all."
    assert pieces(text, 10) == [text]


def test_long_text_parsed_in_pieces_keeps_tokens_and_offsets(monkeypatch):
    nlp = load_pipeline()
    text = (
        "Mayor Lena Park said the council met on Monday.\n\n"
        "The budget grew by 4 percent, officials in Denver said.\n\n"
        'Park told reporters: "We will vote in June."\n'
    )
    whole = nlp(text)
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 60)
    joined = parse(nlp, text)
    assert joined.text == text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    # Entities near a cut may differ from the whole parse (less context); their offsets stay exact.
    assert ("Lena Park", "PERSON") in [(e.text, e.label_) for e in joined.ents]
    assert all(text[e.start_char : e.end_char] == e.text for e in joined.ents)
    starts = [sentence.start_char for sentence in joined.sents]
    assert text.index("The budget") in starts and text.index("Park told") in starts


def test_parse_many_yields_one_doc_per_text_in_order(monkeypatch):
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 30)
    texts = ["Short one.", "A first line here.\nAnd a second line there.\n", "Last."]
    results = list(parse_many(load_pipeline(), [(text, number) for number, text in enumerate(texts)], batch_size=2))
    assert [(doc.text, number) for doc, number in results] == [(text, number) for number, text in enumerate(texts)]


def test_batches_hold_at_most_the_piece_budget_of_characters(monkeypatch):
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 25)
    items = [("ten chars.", 1), ("ten chars.", 2), ("ten chars.", 3), ("a line of 20 chars.\nanother of 19 chars", 4)]
    batches = list(nlp_module._batches(items, batch_size=16))
    assert [[(part, context) for part, context, _ in batch] for batch in batches] == [
        [("ten chars.", 1), ("ten chars.", 2)],
        [("ten chars.", 3)],
        [("a line of 20 chars.\n", 4)],
        [("another of 19 chars", 4)],
    ]

from factextract.nlp import load_pipeline
from factextract.pipeline import _counts


def test_counts_skip_punctuation_and_spaces_and_follow_the_parsed_sentences():
    doc = load_pipeline()("Rain fell on Monday. It stopped!\n\nThe town, relieved, reopened.")
    assert _counts(doc) == {
        "words": sum(1 for token in doc if not (token.is_punct or token.is_space)),
        "sentences": len(list(doc.sents)),
    }
    assert _counts(doc)["words"] == 10


def test_counts_of_an_empty_doc_are_zero():
    assert _counts(load_pipeline().make_doc("")) == {"words": 0, "sentences": 0}

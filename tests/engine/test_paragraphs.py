from factextract.doc_view import DocView
from factextract.entities import resolve_entities
from factextract.nlp import load_pipeline
from factextract.paragraphs import COMPONENT
from factextract.quotes import find_quotes

HEADLINE = "Council Backs Harbor Plan After Long Night\n\nCouncilwoman Rita Osei said the vote was overdue."


def sentences(text: str) -> list[str]:
    return [sent.text.strip() for sent in load_pipeline()(text).sents]


def test_the_component_runs_before_the_parser():
    names = load_pipeline().pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_a_headline_without_a_full_stop_is_its_own_sentence():
    assert sentences(HEADLINE) == [
        "Council Backs Harbor Plan After Long Night",
        "Councilwoman Rita Osei said the vote was overdue.",
    ]


def test_a_single_line_break_is_left_to_the_parser():
    wrapped = "The harbor board said on Monday that the\nvote would be held in March."
    assert sentences(wrapped) == [wrapped]


def test_the_lede_keeps_its_own_speaker():
    doc = load_pipeline()(HEADLINE)
    view = DocView.of(doc)
    quotes = find_quotes(view, resolve_entities(view))
    assert [(q.type, q.speaker.text if q.speaker else None) for q in quotes] == [("indirect", "Councilwoman Rita Osei")]


def test_the_text_and_offsets_are_unchanged():
    doc = load_pipeline()(HEADLINE)
    assert doc.text == HEADLINE

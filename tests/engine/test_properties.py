"""Property-based tests: for any text, extraction never raises and every offset points at what it reports."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factextract.errors import InvalidArticle
from factextract.models import Extraction
from factextract.pipeline import extract

# Characters that stress the extractors: quote marks of every kind, digits and separators,
# currency and percent signs, dashes, newlines, RTL and emoji, control characters.
TRICKY = "\"'“”‘’«»„‹›—–-:;,.%$€£0123456789\n\t \u200f\u202e\u0000😀"
WORDS = [
    "said", "told", "he", "she", "according", "to", "million", "percent", "Monday", "March", "last",
    "more", "than", "The", "spokesman", "Anna", "Berg", "Acme", "Corp", "about", "1,100", "$2.5bn", "\u201c", "\u201d",
]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.text(alphabet=string.ascii_letters + TRICKY, min_size=1, max_size=400),
    st.lists(st.sampled_from(WORDS + list(TRICKY)), min_size=1, max_size=120).map(" ".join),
)


def assert_offsets_match(text: str, result: Extraction) -> None:
    def inside(start: int, end: int) -> None:
        assert 0 <= start <= end <= len(text)

    for item in [*result.figures, *result.claims]:
        inside(item.start, item.end)
        assert text[item.start:item.end] == item.text
        inside(item.sentence.start, item.sentence.end)
    for quote in result.quotes:
        inside(quote.start, quote.end)
        assert quote.spans, "a quote has at least one span"
        for start, end in quote.spans:
            inside(start, end)
        assert quote.text == " ".join(text[s:e] for s, e in quote.spans)
        for part in (quote.speaker, quote.cue, quote.content):
            if part is not None:
                inside(part.start, part.end)
                assert text[part.start:part.end] == part.text
    for entity in result.entities:
        for mention in entity.mentions:
            inside(mention.start, mention.end)
            assert text[mention.start:mention.end] == mention.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_extracts_without_error_and_offsets_match(text):
    try:
        result = extract({"text": text, "published_at": "2020-02-29"})
    except InvalidArticle:
        assert not text.strip(), "only blank text may be refused"
        return
    assert_offsets_match(text, result)
    assert all(0.0 <= item.confidence <= 1.0 for item in [*result.quotes, *result.figures, *result.claims])

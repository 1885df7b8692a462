"""spaCy's tokenizer made safe on long runs without whitespace, with the same tokens on ordinary text.

spaCy peels prefixes and suffixes off a whitespace-free run one at a time, and each step searches the whole
rest of the run: the suffix regex ends in `$` and is tried from every position, and the rest is copied and
hashed again. A run of n quote marks or dashes costs O(n^2): 10,000 '"' took 20 s, 50,000 '—' over 10 min.
Two bounds, both invisible on text where no run is longer than MAX_RUN_CHARS:
- the suffix search reads the run's last SUFFIX_WINDOW characters, giving spaCy's own answer (checked
  against the full search whenever the match could reach past the window);
- a run longer than MAX_RUN_CHARS is tokenized in pieces of that size, joined into one Doc whose text is
  the input unchanged, so every offset still points into the caller's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

NAME = "factextract.BoundedTokenizer.v1"
# The longest whitespace-free run of news text tokenized whole. URLs are the longest real runs (the eval
# articles' longest run is 39 characters; 2,000 is the common practical limit on URL length), and a run of
# this size costs spaCy at most tens of milliseconds with the suffix window below.
MAX_RUN_CHARS = 2_000
# The English suffix rules match at most 5 characters ("اكواب") with lookbehinds of at most 2, except
# `\.\.+$`, a run of dots. A match in the last SUFFIX_WINDOW characters that starts at least SUFFIX_MARGIN
# into the window is the full search's match; one that starts nearer the window's edge (a long dot run,
# or another model's longer rule) is searched again on the whole string.
SUFFIX_WINDOW = 24
SUFFIX_MARGIN = 8
# A run's start (no non-space before it) followed by more than MAX_RUN_CHARS non-spaces; the lookbehind
# keeps the search linear by trying the counted repeat only where a run begins. Python's \s is
# str.isspace, the test spaCy splits on.
LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")


class BoundedTokenizer(Tokenizer):
    """spaCy's Tokenizer with the suffix search bounded to a window and long runs tokenized in pieces."""

    def __call__(self, text: str) -> Doc:
        if LONG_RUN.search(text) is None:
            return super().__call__(text)
        tokenize = super().__call__
        return Doc.from_docs([tokenize(part) for part in parts(text)], ensure_whitespace=False)

    def find_suffix(self, string: str) -> int:
        if len(string) <= SUFFIX_WINDOW:
            return super().find_suffix(string)
        length = super().find_suffix(string[-SUFFIX_WINDOW:])
        if length > SUFFIX_WINDOW - SUFFIX_MARGIN:
            return super().find_suffix(string)
        return length


def parts(text: str) -> Iterator[str]:
    """The text cut before and inside every run longer than MAX_RUN_CHARS; the pieces join to the text.

    A run's last piece keeps the one space after it, which spaCy stores as that token's trailing
    whitespace: the text around a run is cut after whitespace and tokenizes exactly as in place."""
    position = 0
    for run in LONG_RUN.finditer(text):
        if run.start() > position:
            yield text[position : run.start()]
        end = run.end() + text.startswith(" ", run.end())
        for start in range(run.start(), run.end(), MAX_RUN_CHARS):
            stop = start + MAX_RUN_CHARS
            yield text[start : stop if stop < run.end() else end]
        position = end
    if position < len(text):
        yield text[position:]


@util.registry.tokenizers(NAME)
def create_bounded_tokenizer() -> Callable[[Language], BoundedTokenizer]:
    """spaCy's default tokenizer factory (spacy.Tokenizer.v1) building a BoundedTokenizer."""

    def make(nlp: Language) -> BoundedTokenizer:
        defaults = nlp.Defaults
        return BoundedTokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=util.compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=util.compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make

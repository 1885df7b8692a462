"""spaCy's tokenizer made safe on long runs without whitespace, with the same tokens on ordinary text.

spaCy peels prefixes and suffixes off a whitespace-free run one at a time, and each step searches the whole
rest of the run: the suffix regex ends in `$` and is tried from every position, and the rest is copied and
hashed again. A run of n quote marks or dashes costs O(n^2): 10,000 '"' took 14 s, 50,000 '—' over 14 min.
Two bounds; spaCy's tokens change only on a run longer than MAX_RUN_CHARS that sheds more than MAX_PEELS
affixes, which no prose has:
- the suffix search reads the run's last SUFFIX_WINDOW characters, giving spaCy's own answer (checked
  against the full search whenever the match could reach past the window);
- such a run is tokenized in pieces of MAX_RUN_CHARS, joined into one Doc whose text is the input
  unchanged, so every offset still points into the caller's text. A long run with few affixes (a URL,
  a long word) costs spaCy a few passes over it and stays whole.
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
# this size costs spaCy about 0.1 s at worst (2,000 em dashes) with the suffix window below.
MAX_RUN_CHARS = 2_000
# Each affix spaCy peels off a run copies and hashes the rest of it: this many cost 100 passes over the run
# (measured 0.18 s on 100,000 characters, 1.1 s on 1,000,000); more, and the run is cut into pieces.
MAX_PEELS = 100
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
        docs = [tokenize(part) for part in parts(text, self.sheds_many_affixes)]
        return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)

    def find_suffix(self, string: str) -> int:
        if len(string) <= SUFFIX_WINDOW:
            return super().find_suffix(string)
        length = super().find_suffix(string[-SUFFIX_WINDOW:])
        if length > SUFFIX_WINDOW - SUFFIX_MARGIN:
            return super().find_suffix(string)
        return length

    def sheds_many_affixes(self, run: str) -> bool:
        """Whether spaCy would peel more than MAX_PEELS prefixes and suffixes off the run, counted on windows
        at its two ends (an estimate: spaCy stops earlier at a special case, never later)."""
        start, end = 0, len(run)
        for _ in range(MAX_PEELS + 1):
            prefix = self.find_prefix(run[start : start + SUFFIX_WINDOW])
            suffix = self.find_suffix(run[max(start + prefix, end - SUFFIX_WINDOW) : end])
            if not prefix and not suffix:
                return False
            start, end = start + prefix, end - suffix
            if start >= end:
                return False
        return True


def parts(text: str, cut: Callable[[str], bool]) -> Iterator[str]:
    """The text cut before and inside every run longer than MAX_RUN_CHARS for which cut(run) holds; the
    parts join to the text.

    A run's last piece keeps the one space after it, which spaCy stores as that token's trailing
    whitespace: the text around a run is cut after whitespace and tokenizes exactly as in place."""
    position = 0
    for run in LONG_RUN.finditer(text):
        if not cut(run.group()):
            continue
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

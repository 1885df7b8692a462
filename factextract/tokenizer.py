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
# The most tokens one whitespace-free run keeps (merge_long_runs), and the longest stretch without a full stop
# or line break read as one sentence (bound_sentences): PolNeAR's dev texts have at most 9 and 95.
MAX_RUN_TOKENS = 32
MAX_SENTENCE_TOKENS = 250
SENTENCE_ENDS = frozenset(".!?")
# News has 0.18 to 0.23 tokens per character (PolNeAR dev; a repeated news paragraph 0.20); a text (or a piece
# of one, nlp.PIECE_CHARS) of at least DENSE_FLOOR_CHARS above this many has each whitespace-free run merged.
MAX_TOKENS_PER_CHAR = 0.35
DENSE_FLOOR_CHARS = 5_000
LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")


class BoundedTokenizer(Tokenizer):
    """spaCy's Tokenizer with the suffix search bounded to a window and long runs tokenized in pieces."""

    def __call__(self, text: str) -> Doc:
        if LONG_RUN.search(text) is None:
            doc = super().__call__(text)
        else:
            tokenize = super().__call__
            docs = [tokenize(part) for part in parts(text, self.sheds_many_affixes)]
            doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        doc = merge_long_runs(doc)
        if len(text) >= DENSE_FLOOR_CHARS and len(doc) > MAX_TOKENS_PER_CHAR * len(text):
            doc = merge_long_runs(doc, longest=1)
        return bound_sentences(doc)

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


def merge_long_runs(doc: Doc, longest: int = MAX_RUN_TOKENS) -> Doc:
    """Each whitespace-free run of more than longest tokens as one token: the tagger and parser cost grows
    with tokens, and "((((", "“““", "a-a-a-", "http://a/a/a/" give one per character, five times a news
    text's density. News has no such run (the longest in the PolNeAR dev texts is 9 tokens); a token's text
    is the run's, so offsets are unchanged. A text denser than MAX_TOKENS_PER_CHAR over all ('"a" "a" ',
    "$1 $1 ") has every run merged, longest=1: one token per word."""
    runs: list[tuple[int, int]] = []
    start = 0
    for token in doc:
        if token.is_space:
            end = token.i
        elif token.whitespace_ or token.i == len(doc) - 1:
            end = token.i + 1
        else:
            continue
        if end - start > longest:
            runs.append((start, end))
        start = token.i + 1
    return _joined(doc, runs) if runs else doc


def _joined(doc: Doc, runs: list[tuple[int, int]]) -> Doc:
    """doc with each run as one token, built anew: the retokenizer's merges cost a pass over the Doc each."""
    words: list[str] = []
    spaces: list[bool] = []
    norms: dict[int, str] = {}  # the tokenizer's special-case norms ("n't": "not") of the tokens kept
    position = 0
    for first, end in [*runs, (len(doc), len(doc))]:
        for token in doc[position:first]:
            if token.norm != token.lex.norm:
                norms[len(words)] = token.norm_
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        if first < end:
            words.append(doc[first:end].text)
            spaces.append(bool(doc[end - 1].whitespace_))
        position = end
    joined = Doc(doc.vocab, words=words, spaces=spaces)
    for index, norm in norms.items():
        joined[index].norm_ = norm
    return joined


def bound_sentences(doc: Doc) -> Doc:
    """A sentence start after every MAX_SENTENCE_TOKENS tokens with no full stop or line break: quote stages
    walk a sentence's tokens for each quote in it, so 25,000 '"a" ' in one "sentence" cost 2,500 times as much
    as 10 in a sentence of news length. The parser keeps starts set before it."""
    since = 0
    for token in doc:
        if since >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            since = 0
        since = 0 if token.text[-1:] in SENTENCE_ENDS or "\n" in token.text else since + 1
    return doc


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

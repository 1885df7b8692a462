"""One view of a parsed Doc, built once per article and passed to every extractor.

It holds what each extractor would otherwise work out again from the Doc: the text (Doc.text joins every
token each time it is read), each token's character offset, one definition of a sentence, and the quoted
stretches with an index to find the one around an offset.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from spacy.attrs import IS_ALPHA, IS_SPACE
from spacy.tokens import Doc, Span, Token

from factextract.columns import sentence_starts, token_starts
from factextract.models import SentenceRef
from factextract.text import QuotedSpan, find_quoted


@dataclass(frozen=True)
class DocView:
    """Offsets are characters of the caller's text; token and sentence numbers count from 0."""

    doc: Doc
    text: str
    token_starts: list[int]
    # A sentence starts where the pipeline set SENT_START: the parser's boundaries, plus one after every blank
    # line (factextract.paragraphs). A sentence runs to the next one's start; sentence_at() trims the space.
    sentence_tokens: list[int]
    sentence_starts: list[int]
    sentence_ends: list[int]
    quoted: list[QuotedSpan]
    quote_opens: list[int] = field(repr=False)

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        text = doc.text
        starts = token_starts(doc)
        first_tokens = sentence_starts(doc)
        sent_starts = [starts[i] for i in first_tokens]
        sent_ends = [*sent_starts[1:], len(text)]
        quoted = find_quoted(text)
        return cls(doc, text, starts, first_tokens, sent_starts, sent_ends, quoted, [q.open_mark for q in quoted])

    def token_index(self, offset: int) -> int:
        """The index of the token that holds offset (the first token for an offset before it)."""
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    def token_at(self, offset: int) -> Token | None:
        """The token that holds offset, or None in an empty Doc or before its first token."""
        i = bisect.bisect_right(self.token_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def sentence_at(self, start: int, end: int | None = None) -> SentenceRef:
        """The sentence holding start, or the run of sentences from start's to the one holding end - 1."""
        if not self.sentence_starts:
            return SentenceRef(start=0, end=len(self.text))
        first = self.sentence_index(start)
        last = max(first, self.sentence_index(max(start, (end if end is not None else start + 1) - 1)))
        begin, end = self.sentence_starts[first], self.sentence_ends[last]
        while end > begin and self.text[end - 1].isspace():
            end -= 1
        return SentenceRef(start=begin, end=end)

    def sentences(self, cut_at_line_breaks: bool = False) -> list[Span]:
        """Each sentence as a Span without the whitespace tokens at its ends; one without a letter is left out.

        With cut_at_line_breaks, a sentence is also cut where a line ends: claims never run a headline or a
        list item into the next line, while the parser (and so every other extractor) lets wire copy wrap a
        sentence across lines."""
        if not len(self.doc):
            return []
        # Read from the Doc's arrays: a Token object per token, made only to test two flags, costs more.
        space, alpha = self.doc.to_array([IS_SPACE, IS_ALPHA]).T.tolist()
        bounds = set(self.sentence_tokens)
        if cut_at_line_breaks:
            bounds.update(i for i, is_space in enumerate(space) if is_space and "\n" in self.doc[i].text)
        spans = []
        for first, end in itertools.pairwise(sorted(bounds | {0, len(self.doc)})):
            last = end - 1
            while first <= last and space[first]:
                first += 1
            while last >= first and space[last]:
                last -= 1
            if last >= first and any(alpha[first:last + 1]):
                spans.append(self.doc[first:last + 1])
        return spans

    def in_quote(self, offset: int) -> QuotedSpan | None:
        """The quoted stretch whose marks enclose offset (the marks included)."""
        i = bisect.bisect_right(self.quote_opens, offset) - 1
        if i >= 0 and self.quoted[i].open_mark <= offset <= self.quoted[i].close_mark:
            return self.quoted[i]
        return None


"""News layout: the segments of an article that are furniture, not statements about the world.

Photo captions and credits, bylines and "contributed to this report" lines, datelines and section
labels alone on a line, promo and "read more" links, share and navigation lines, questions, short
lines that end no sentence (list items, link titles) and a headline that only restates the lede are
never claims, whatever the check-worthiness model says of their words: the model was trained on
debate sentences and has never seen page furniture. They are told apart by structure -- where the
segment lies (its line, the first line), its length, its final mark, and the forms of English news
layout in data/news_layout.py -- never by an article's own words.
"""

from __future__ import annotations

import bisect
from typing import Literal

from spacy.tokens import Span, Token

from factextract.data.news_layout import (
    BYLINE,
    DATELINE_ALONE,
    HEADLINE_LEDE_SENTENCES,
    HEADLINE_RESTATED_SHARE,
    NAVIGATION,
    PHOTO_CREDIT,
    PROMO,
    QUESTION_END,
    SECTION_LABEL,
    SENTENCE_END,
    TITLE_LINE_MAX_WORDS,
)

Furniture = Literal["caption", "byline", "dateline", "promo", "navigation", "question", "title line", "headline"]
# A first line longer than this is a lede paragraph, not a headline.
HEADLINE_MAX_WORDS = 25
LEDE_MIN_TOKENS = 6


def _forms(token: Token) -> set[str]:
    """A word's lowercase form, its lemma, and both without a plural "s" ("Rates" restates "rate")."""
    forms = {token.lower_, token.lemma_.lower()}
    return forms | {form.removesuffix("s") for form in forms}


class Layout:
    """The lines of one text and its headline; says which sentences are furniture."""

    def __init__(self, text: str, sentences: list[Span]) -> None:
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        lines = [self._line(start) for start in self.line_starts]
        self.multiline = sum(1 for line in lines if line.strip()) > 1
        self.headline = self._headline_sentences(sentences)

    def _line(self, start: int) -> str:
        end = self.text.find("\n", start)
        return self.text[start : len(self.text) if end < 0 else end]

    def line_of(self, offset: int) -> tuple[int, str]:
        """The number of the line holding offset and the line's text."""
        number = bisect.bisect_right(self.line_starts, offset) - 1
        return number, self._line(self.line_starts[number])

    def _headline_sentences(self, sentences: list[Span]) -> set[int]:
        """Starts of the first line's sentences when that line is a headline restating the lede."""
        if not self.multiline or not sentences:
            return set()
        first_line, _ = self.line_of(sentences[0].start_char)
        head = [s for s in sentences if self.line_of(s.start_char)[0] == first_line]
        # The lede: the first sentences of the body long enough to be one (not a dateline or a byline).
        body = [s for s in sentences[len(head) :] if len(s) >= LEDE_MIN_TOKENS][:HEADLINE_LEDE_SENTENCES]
        if not body or sum(len(s) for s in head) > HEADLINE_MAX_WORDS:
            return set()
        # A headline's capitals make the tagger call its words proper nouns and leave them unlemmatized:
        # a word counts as restated when one of its forms recurs in the lede.
        content = [_forms(t) for s in head for t in s if t.is_alpha and not t.is_stop]
        lede = set().union(*(_forms(t) for s in body for t in s if t.is_alpha))
        restated = sum(1 for forms in content if forms & lede)
        if content and restated / len(content) >= HEADLINE_RESTATED_SHARE:
            return {s.start_char for s in head}
        return set()

    def furniture(self, sentence: Span) -> Furniture | None:
        """What kind of non-claim the sentence is by its layout, or None when it may be a claim."""
        text = sentence.text
        if QUESTION_END.search(text):
            return "question"
        if sentence.start_char in self.headline:
            return "headline"
        number, line = self.line_of(sentence.start_char)
        stripped = line.strip()
        if PHOTO_CREDIT.search(stripped):
            return "caption"
        if BYLINE.search(text) or BYLINE.search(stripped):
            return "byline"
        if PROMO.search(text):
            return "promo"
        if NAVIGATION.search(stripped):
            return "navigation"
        alone = stripped == text.strip()
        if alone and (DATELINE_ALONE.match(stripped) or SECTION_LABEL.match(stripped)):
            return "dateline"
        if alone and self._title_line(number, stripped):
            return "title line"
        return None

    def _title_line(self, number: int, line: str) -> bool:
        """A short line that ends no sentence and stands on its own: a list item, a link, a label.

        Hard-wrapped copy also has lines without a final mark; they are told apart by their
        neighbours: a wrapped line follows one that ends no sentence, or runs on into a lowercase word."""
        if not self.multiline or SENTENCE_END.search(line) or len(line.split()) > TITLE_LINE_MAX_WORDS:
            return False
        before = self._line(self.line_starts[number - 1]).strip() if number else ""
        after = self._line(self.line_starts[number + 1]).strip() if number + 1 < len(self.line_starts) else ""
        opens = not before or bool(SENTENCE_END.search(before)) or before.endswith(":")
        closes = not after or not after[0].islower()
        return opens and closes

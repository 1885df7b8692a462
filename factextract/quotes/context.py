"""Where a quoted stretch sits: the clause before its opening mark, the words after its closing mark, and
whether it stands as a clause of its own (a direct quote) or inside one (a partial quote)."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.cues import ATTRIBUTION_DASHES
from factextract.data.quote_limits import AFTER_WINDOW, BEFORE_WINDOW
from factextract.doc_view import DocView
from factextract.quotes.grammar import SENTENCE_END, is_reporting
from factextract.text import QuotedSpan

# Lead-in tokens after which a quote starts its own clause rather than continuing one.
CLAUSE_OPENERS = frozenset({",", ":", ";", "(", "—", "―", "–", "-", "--", "..."})


def lead(view: DocView, quote: QuotedSpan) -> list[Token]:
    """The tokens of the clause before the opening mark, back to a sentence end, a previous
    quote or a paragraph break."""
    doc = view.doc
    i = view.token_index(quote.open_mark) - 1
    tokens: list[Token] = []
    while i >= 0 and len(tokens) < BEFORE_WINDOW:
        token = doc[i]
        if "\n" in token.text_with_ws or token.text in SENTENCE_END or view.in_quote(token.idx):
            break
        if not token.is_space:
            tokens.append(token)
        i -= 1
    tokens.reverse()
    return tokens


def trail(view: DocView, quote: QuotedSpan) -> list[Token]:
    """The tokens after the closing mark, up to a sentence end, a quote or a paragraph break."""
    doc = view.doc
    i = view.token_index(quote.close_mark) + 1
    tokens: list[Token] = []
    if "\n" in view.text[quote.close_mark:quote.close_mark + 2]:
        return tokens
    while i < len(doc) and len(tokens) < AFTER_WINDOW:
        token = doc[i]
        if token.text in SENTENCE_END or view.in_quote(token.idx):
            break
        if not token.is_space:
            tokens.append(token)
        if "\n" in token.whitespace_ or "\n" in token.text:
            break
        i += 1
    return tokens


def stands_alone(view: DocView, quote: QuotedSpan, before: list[Token]) -> bool:
    """A quote that opens its sentence, follows a comma or colon, or directly follows a
    reporting verb ("He says “…”") is a direct quote; otherwise it continues a clause."""
    words = quote.text(view.text).split()
    if len(words) < 2:
        return False  # one quoted word is a term, not a statement
    if not before:
        return True
    last = before[-1]
    if is_reporting(last):
        return words[0][:1].isupper()  # "says “Working …”" vs. "reported “2,521 incidents”"
    return last.text in CLAUSE_OPENERS or last.text in ATTRIBUTION_DASHES

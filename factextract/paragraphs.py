"""A pipeline component that starts a sentence at every paragraph: the parser alone runs a headline
without a full stop into the lede ("Mayor Wins Vote\n\nThe mayor said ..."), which gives the lede's
verb the headline's words as subject and hides the lede's own attribution."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "paragraph_sentences"


def _is_paragraph_break(text: str) -> bool:
    # A single line break is left to the parser: wire copy and plain-text feeds wrap sentences across lines.
    return text.count("\n") >= 2


@Language.component(COMPONENT)
def paragraph_sentences(doc: Doc) -> Doc:
    """Marks the first token after a blank line as a sentence start; the parser keeps marks set before it."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or _is_paragraph_break(token.text)
        elif after_break:
            token.is_sent_start = True
            after_break = False
    return doc

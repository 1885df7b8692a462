"""Quotes: direct, partial and indirect, with their speakers and cues.

Stages, one module each, in the order find_quotes() runs them:
- direct.py: each quoted stretch (text.find_quoted) that stands as its own clause, attributed by the cues
  around it (direct_cues.py) or carried over from the quote before it (follow_ups.py); a stretch inside a
  clause is a partial quote (partial.py);
- reported_forms.py and reported.py: reported speech without quote marks;
- speakers.py, used by all of them: the subject of a cue, the speaker's mention, and what it resolves to.
"""

from __future__ import annotations

from factextract.data.people import PERSONAL_PRONOUNS
from factextract.data.quote_limits import (
    CONFIDENCE,
    DEFAULT_CONFIDENCE,
    NO_SPEAKER_FACTOR,
    PRONOUN_SPEAKER_FACTOR,
    UNNAMED_SPEAKER_FACTOR,
)
from factextract.doc_view import DocView
from factextract.entities import EntityIndex
from factextract.models import Quote
from factextract.quotes.direct import DirectQuotes
from factextract.quotes.draft import DraftQuote
from factextract.quotes.reported_forms import find_reported
from factextract.quotes.speakers import Speakers

__all__ = ["find_quotes"]

# Quotes starting at the same offset are listed direct first, then partial, then indirect.
KIND_ORDER = {"direct": 0, "partial": 1, "indirect": 2}


def find_quotes(view: DocView, entities: EntityIndex, join_follow_ups: bool = False) -> list[Quote]:
    """The article's quotes in text order.

    Args:
        view: the article's DocView.
        entities: its resolved entities, which speakers are resolved through.
        join_follow_ups: '"A," she said. "B."' gives B as a further span of A's quote, not a quote of its own.
    Returns:
        Quotes numbered q1, q2, … in the order of their first span.
    """
    speakers = Speakers(view, entities)
    quoted = DirectQuotes(speakers, join_follow_ups).find()
    drafts = quoted + find_reported(speakers, quoted)
    drafts.sort(key=lambda draft: (draft.start, KIND_ORDER[draft.kind]))
    return [_quote(f"q{n}", draft, view) for n, draft in enumerate(drafts, start=1)]


def _quote(quote_id: str, draft: DraftQuote, view: DocView) -> Quote:
    found = draft.attribution
    confidence = CONFIDENCE["partial"] if draft.kind == "partial" else CONFIDENCE.get(found.how, DEFAULT_CONFIDENCE)
    if found.speaker is None:
        confidence *= NO_SPEAKER_FACTOR
    elif found.speaker.name is None:
        confidence *= UNNAMED_SPEAKER_FACTOR
    elif found.speaker.text.lower() in PERSONAL_PRONOUNS:
        confidence *= PRONOUN_SPEAKER_FACTOR  # resolved through the entity index, which can be wrong
    return Quote(
        id=quote_id,
        type=draft.kind,
        start=draft.start,
        end=draft.end,
        text=" ".join(view.text[s:e] for s, e in draft.spans),
        spans=list(draft.spans),
        content=draft.content,
        speaker=found.speaker,
        cue=found.cue,
        sentence=view.sentence_at(draft.start, draft.end),
        confidence=round(confidence, 3),
    )

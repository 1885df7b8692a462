"""Claims: the check-worthy statements, scored, typed and linked to quotes, figures and entities.

Every sentence is scored by the shipped check-worthiness model (checkworthiness/model.py); the
ones at or above the claim threshold are claims, so a one-sentence text yields a claim exactly
when that sentence is check-worthy. When the sentence is a direct quote with its attribution
('"...," he said'), the claim's text is the quoted words -- what a fact-checker would check;
an attributed claim's claimant is the quote's speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import get_args

from spacy.tokens import Doc, Span, Token

from factextract.checkworthiness.features import SentenceFeaturizer
from factextract.checkworthiness.model import claim_threshold, load_model
from factextract.data.claim_words import (
    CAUSAL_MARKERS,
    CAUSAL_PHRASES,
    FIRST_PERSON_SINGULAR,
    FUTURE_MODALS,
    LEGAL_WORDS,
    PREDICTION_VERBS,
    SPEECH_VERBS,
)
from factextract.entities import EntityIndex
from factextract.models import Claim, ClaimKind, Figure, Quote, SentenceRef

# Figures that make a statement statistical; dates and times only place it.
STATISTICAL_FIGURES = frozenset({"count", "money", "percent", "quantity", "ordinal", "range"})
STATISTICAL_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Kinds are listed in the order the schema names them.
KIND_ORDER: tuple[ClaimKind, ...] = get_args(ClaimKind)
# A reported clause shorter than this is a fragment (a name, a scare quote), not a statement.
MIN_CLAUSE_WORDS = 4


def sentences(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, cut again at line breaks: a headline or a list item never runs
    into the next paragraph, and surrounding whitespace is left out."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    yield doc[start : token.i]
                start = token.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def _trimmed(span: Span) -> Span | None:
    tokens = [t for t in span if not t.is_space]
    if not any(t.is_alpha for t in tokens):
        return None
    return span.doc[tokens[0].i : tokens[-1].i + 1]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


class _Located:
    """Quotes and figures found by where they lie, with a binary search over their starts: each claim
    would otherwise scan every quote and figure of the article. Results keep the lists' own order."""

    def __init__(self, quotes: list[Quote], figures: list[Figure]) -> None:
        self.quotes = sorted(enumerate(quotes), key=lambda pair: pair[1].start)
        self.quote_starts = [q.start for _, q in self.quotes]
        # A quote overlapping [start, end) starts after start - (the longest quote's length).
        self.longest_quote = max((q.end - q.start for q in quotes), default=0)
        self.figures = sorted(enumerate(figures), key=lambda pair: pair[1].start)
        self.figure_starts = [f.start for _, f in self.figures]

    def quotes_overlapping(self, start: int, end: int) -> list[Quote]:
        lo = bisect.bisect_right(self.quote_starts, start - self.longest_quote)
        hi = bisect.bisect_left(self.quote_starts, end)
        return [q for _, q in sorted(pair for pair in self.quotes[lo:hi] if pair[1].end > start)]

    def figures_within(self, start: int, end: int) -> list[Figure]:
        lo, hi = bisect.bisect_left(self.figure_starts, start), bisect.bisect_right(self.figure_starts, end)
        return [f for _, f in sorted(pair for pair in self.figures[lo:hi] if pair[1].end <= end)]


def _reported_clause(sentence: Span, quotes: list[Quote]) -> Quote | None:
    """The longest direct quote inside the sentence, when it is a statement of its own.

    Indirect quotes keep the whole sentence: their clause boundary comes from the parse, and a
    wrong reporting verb ("a resolution which demands that ...") would cut the claim's subject off.
    """
    inside = [
        q
        for q in quotes
        if q.type == "direct"
        and len(q.spans) == 1
        and sentence.start_char <= q.start
        and q.end <= sentence.end_char
        and len(q.text.split()) >= MIN_CLAUSE_WORDS
    ]
    return max(inside, key=lambda q: q.end - q.start, default=None)


def _claimant(start: int, end: int, overlapping: list[Quote]) -> str | None:
    """The speaker of the quote that shares the most text with the claim (one containing it counts)."""
    spoken = [q for q in overlapping if q.speaker is not None]
    best = max(spoken, key=lambda q: _overlap(start, end, q.start, q.end), default=None)
    if best is None or best.speaker is None:
        return None
    return best.speaker.name or best.speaker.text


def _is_quantity_qualifier(token: Token) -> bool:
    # "more than 1,100" qualifies a number; it compares nothing.
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    return len(following) == 2 and following[0].lower_ == "than" and following[1].like_num


def _predicts(token: Token) -> bool:
    if token.tag_ == "MD" and token.lower_ in FUTURE_MODALS:
        return True
    doc = token.doc
    if token.lower_ == "going" and token.i + 2 < len(doc):
        # "going to" + a bare verb, not "going to the store".
        return doc[token.i + 1].lower_ == "to" and doc[token.i + 2].tag_ == "VB"
    return token.pos_ == "VERB" and token.lemma_ in PREDICTION_VERBS


def _kinds(span: Span, figures: list[Figure], attributed: bool) -> list[ClaimKind]:
    found: set[ClaimKind] = set()
    if attributed:
        found.add("attributed")
    if any(f.kind in STATISTICAL_FIGURES for f in figures):
        found.add("statistical")
    lemmas: set[str] = set()
    lowers: list[str] = []
    # One pass over the tokens: each attribute read builds a Token, and a sentence has dozens.
    for token in span:
        raw_lemma, lower, pos, ent_type = token.lemma_, token.lower_, token.pos_, token.ent_type_
        lemmas.add(raw_lemma.lower())
        lowers.append(lower)
        if ent_type in STATISTICAL_ENTITIES:
            found.add("statistical")
        elif ent_type == "LAW":
            found.add("legal")
        if token.tag_ in ("JJR", "JJS", "RBR", "RBS") and not _is_quantity_qualifier(token):
            found.add("comparison")
        if _predicts(token):
            found.add("prediction")
        if pos == "VERB" and raw_lemma in SPEECH_VERBS:
            found.add("attributed")
        if pos == "PRON" and lower in FIRST_PERSON_SINGULAR:
            found.add("personal")
    text = " " + " ".join(lowers) + " "
    if lemmas & CAUSAL_MARKERS or any(f" {phrase} " in text for phrase in CAUSAL_PHRASES):
        found.add("causal")
    if lemmas & LEGAL_WORDS:
        found.add("legal")
    return [kind for kind in KIND_ORDER if kind in found] or ["other"]


def find_claims(doc: Doc, quotes: list[Quote], figures: list[Figure], entities: EntityIndex) -> list[Claim]:
    model = load_model()
    threshold = claim_threshold(model)
    # Doc.text rebuilds the string from every token on each access: read it once.
    text = doc.text
    located = _Located(quotes, figures)
    featurize = SentenceFeaturizer(doc)
    claims: list[Claim] = []
    for unit in sentences(doc):
        sentence = _trimmed(unit)
        if sentence is None:
            continue
        # Rounded before the comparison, so a claim is kept exactly when its reported score reaches the threshold.
        score = round(model.score(featurize(sentence)), 4)
        if score < threshold:
            continue
        in_sentence = located.quotes_overlapping(sentence.start_char, sentence.end_char)
        clause = _reported_clause(sentence, in_sentence)
        start, end = (clause.start, clause.end) if clause else (sentence.start_char, sentence.end_char)
        span = doc.char_span(start, end, alignment_mode="expand") or sentence
        near = located.quotes_overlapping(start, end) if clause else in_sentence
        claimant = _claimant(start, end, near)
        inside_figures = located.figures_within(start, end)
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                text=text[start:end],
                start=start,
                end=end,
                checkworthiness=score,
                kinds=_kinds(span, inside_figures, attributed=claimant is not None),
                claimant=claimant,
                figure_ids=[f.id for f in inside_figures],
                quote_ids=[q.id for q in near],
                entity_ids=[entity.id for entity in entities.entities_within(start, end)],
                sentence=SentenceRef(start=sentence.start_char, end=sentence.end_char),
                # The calibrated score is the probability that the statement is check-worthy,
                # which is what this claim's confidence expresses.
                confidence=score,
            )
        )
    return claims

"""Claims: the check-worthy statements, scored, typed and linked to quotes, figures and entities.

Every sentence is scored by the shipped check-worthiness model (checkworthiness/model.py); the
ones at or above the claim threshold are claims, so a one-sentence text yields a claim exactly
when that sentence is check-worthy. When the sentence is a direct quote with its attribution
('"...," he said'), the claim's text is the quoted words -- what a fact-checker would check;
an attributed claim's claimant is the quote's speaker.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

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


def _claimant(start: int, end: int, quotes: list[Quote]) -> str | None:
    """The speaker of the quote that shares the most text with the claim (one containing it counts)."""
    spoken = [q for q in quotes if q.speaker is not None and _overlap(start, end, q.start, q.end) > 0]
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
    lemmas = {t.lemma_.lower() for t in span}
    text = " " + " ".join(t.lower_ for t in span) + " "
    kinds: list[ClaimKind] = []
    if any(f.kind in STATISTICAL_FIGURES for f in figures) or any(t.ent_type_ in STATISTICAL_ENTITIES for t in span):
        kinds.append("statistical")
    if lemmas & CAUSAL_MARKERS or any(f" {phrase} " in text for phrase in CAUSAL_PHRASES):
        kinds.append("causal")
    if any(t.tag_ in ("JJR", "JJS", "RBR", "RBS") and not _is_quantity_qualifier(t) for t in span):
        kinds.append("comparison")
    if any(_predicts(t) for t in span):
        kinds.append("prediction")
    if attributed or any(t.pos_ == "VERB" and t.lemma_ in SPEECH_VERBS for t in span):
        kinds.append("attributed")
    if lemmas & LEGAL_WORDS or any(t.ent_type_ == "LAW" for t in span):
        kinds.append("legal")
    if any(t.lower_ in FIRST_PERSON_SINGULAR and t.pos_ == "PRON" for t in span):
        kinds.append("personal")
    return kinds or ["other"]


def find_claims(doc: Doc, quotes: list[Quote], figures: list[Figure], entities: EntityIndex) -> list[Claim]:
    model = load_model()
    threshold = claim_threshold(model)
    # Doc.text rebuilds the string from every token on each access: read it once.
    text = doc.text
    claims: list[Claim] = []
    for unit in sentences(doc):
        sentence = _trimmed(unit)
        if sentence is None:
            continue
        # Rounded before the comparison, so a claim is kept exactly when its reported score reaches the threshold.
        score = round(model.score(sentence), 4)
        if score < threshold:
            continue
        clause = _reported_clause(sentence, quotes)
        start, end = (clause.start, clause.end) if clause else (sentence.start_char, sentence.end_char)
        span = doc.char_span(start, end, alignment_mode="expand") or sentence
        claimant = _claimant(start, end, quotes)
        inside_figures = [f for f in figures if start <= f.start and f.end <= end]
        entity_ids = [
            entity.id for entity in entities.entities if any(start <= m.start and m.end <= end for m in entity.mentions)
        ]
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
                quote_ids=[q.id for q in quotes if _overlap(start, end, q.start, q.end) > 0],
                entity_ids=entity_ids,
                sentence=SentenceRef(start=sentence.start_char, end=sentence.end_char),
                # The calibrated score is the probability that the statement is check-worthy,
                # which is what this claim's confidence expresses.
                confidence=score,
            )
        )
    return claims

"""Claims: the check-worthy statements, scored, typed and linked to quotes, figures and entities.

News furniture (captions, bylines, promos, questions, a headline restating the lede: news_layout.py)
is never a claim. Every other sentence is scored by the shipped check-worthiness model
(checkworthiness/model.py); the ones at or above the claim threshold are claims, so a one-sentence
text yields a claim exactly when that sentence is check-worthy. Claims stay in text order, each
ranked by score (rank 1 = the article's most check-worthy). When the sentence is a direct quote with
its attribution ('"...," he said'), the claim's text is the quoted words -- what a fact-checker would
check; an attributed claim's claimant is the quote's speaker. Kinds follow Full Fact's claim types.
"""

from __future__ import annotations

import bisect
from typing import get_args

from spacy.attrs import ENT_TYPE, LEMMA, LIKE_NUM, LOWER, POS, TAG
from spacy.tokens import Doc, Span

from factextract.checkworthiness.features import SentenceFeaturizer
from factextract.checkworthiness.model import CheckworthinessModel
from factextract.data.claim_words import (
    AMOUNT_COMPARATIVES,
    CAUSAL_MARKERS,
    CAUSAL_PHRASES,
    CAUSAL_PHRASES_MORE,
    CHANGE_VERBS,
    FIRST_PERSON_SINGULAR,
    FUTURE_MODALS,
    OPINION_VERBS,
    PREDICTION_VERBS,
    QUANTITY_WORDS,
    REPORTED_FUTURE,
    RULE_WORDS,
    SPEECH_VERBS,
)
from factextract.doc_view import DocView
from factextract.entities import EntityIndex
from factextract.models import Claim, ClaimKind, Figure, Quote, SentenceRef
from factextract.news_layout import Layout

# Figures that make a statement statistical; dates and times only place it.
STATISTICAL_FIGURES = frozenset({"count", "money", "percent", "quantity", "ordinal", "range"})
STATISTICAL_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Kinds are listed in the order the schema names them: Full Fact's types, then our detail.
KIND_ORDER: tuple[ClaimKind, ...] = get_args(ClaimKind)
FULL_FACT_TYPES = frozenset(KIND_ORDER[: KIND_ORDER.index("other") + 1])
# A reported clause shorter than this is a fragment (a name, a scare quote), not a statement.
MIN_CLAUSE_WORDS = 4


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


class _Words:
    """The token attributes claim kinds read, as one array for the Doc; strings are looked up for the claims'
    tokens alone. Read through Token objects, every attribute of every token built one."""

    def __init__(self, doc: Doc) -> None:
        self.strings = doc.vocab.strings
        self.rows = doc.to_array([LEMMA, LOWER, POS, TAG, ENT_TYPE, LIKE_NUM])

    def kinds(self, span: Span, figures: list[Figure], attributed: bool) -> list[ClaimKind]:
        found: set[ClaimKind] = set()
        if attributed:
            found.add("attributed")
        # "the next president" places an item in a series ("current+1"); it states no statistic
        if any(f.kind in STATISTICAL_FIGURES and not isinstance(f.value, str) for f in figures):
            found.update(("statistical", "quantity"))
        # The two tokens after the span decide "more than 5" and "going to rise" at its end.
        *names, like_num = self.rows[span.start : span.end + 2].T.tolist()
        lemmas, lowers, pos, tags, ent_types = ([self.strings[key] for key in column] for column in names)
        following, reported = len(lowers), False
        for i in range(len(span)):
            if ent_types[i] in STATISTICAL_ENTITIES:
                found.update(("statistical", "quantity"))
            elif ent_types[i] == "LAW":
                found.add("rules")
            after = lowers[i + 1] if i + 1 < following else ""
            # "more than 1,100" qualifies a number; it compares nothing.
            qualifies = i + 2 < following and after == "than" and like_num[i + 2]
            if tags[i] in ("JJR", "JJS", "RBR", "RBS") and not qualifies:
                found.add("comparison")
                quality = lemmas[i].lower() in ("more", "most", "less", "least") and i + 1 < following and (
                    tags[i + 1] in ("JJ", "RB")
                )
                if lemmas[i].lower() in AMOUNT_COMPARATIVES and not quality:
                    found.add("quantity")
            if tags[i] == "MD" and lowers[i] in FUTURE_MODALS:
                found.add("prediction")
            elif tags[i] == "MD" and lowers[i] in REPORTED_FUTURE and reported:
                # "said he would": the future seen from the time of speaking.
                found.add("prediction")
            elif lowers[i] == "going" and i + 2 < following:
                # "going to" + a bare verb, not "going to the store".
                if after == "to" and tags[i + 2] == "VB":
                    found.add("prediction")
            elif (pos[i] == "VERB" and lemmas[i] in PREDICTION_VERBS) or (lowers[i] == "likely" and after == "to"):
                found.add("prediction")
            if pos[i] == "VERB" and lemmas[i] in SPEECH_VERBS:
                found.add("attributed")
                reported = True
            if pos[i] == "PRON" and lowers[i] in FIRST_PERSON_SINGULAR and lemmas[min(i + 1, following - 1)] not in (
                OPINION_VERBS
            ):
                found.add("personal")
            if (pos[i] == "VERB" and lemmas[i] in CHANGE_VERBS) or lemmas[i].lower() in QUANTITY_WORDS:
                found.add("quantity")
        words = {lemma.lower() for lemma in lemmas[: len(span)]}
        text = " " + " ".join(lowers[: len(span)]) + " "
        causal = (*CAUSAL_PHRASES, *CAUSAL_PHRASES_MORE)
        if words & CAUSAL_MARKERS or any(f" {phrase} " in text for phrase in causal):
            found.add("causation")
        if words & RULE_WORDS:
            found.add("rules")
        if not found & FULL_FACT_TYPES:
            found.add("other")
        return [kind for kind in KIND_ORDER if kind in found]


def find_claims(
    view: DocView, quotes: list[Quote], figures: list[Figure], entities: EntityIndex, model: CheckworthinessModel,
    threshold: float,
) -> list[Claim]:
    """The sentences the model scores at or above threshold, each typed and linked to what lies in it."""
    doc, text = view.doc, view.text
    located = _Located(quotes, figures)
    featurize = SentenceFeaturizer(doc)
    words = _Words(doc)
    sentences = view.sentences(cut_at_line_breaks=True)
    layout = Layout(text, sentences)
    claims: list[Claim] = []
    for sentence in sentences:
        # Captions, bylines, promos and the like are never claims: the model has never seen page furniture.
        if layout.furniture(sentence) is not None:
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
                rank=1,
                kinds=words.kinds(span, inside_figures, attributed=claimant is not None),
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
    return _ranked(claims)


def _ranked(claims: list[Claim]) -> list[Claim]:
    """The claims in text order, each ranked by score (1 = most check-worthy; ties go to the earlier claim)."""
    order = sorted(range(len(claims)), key=lambda i: (-claims[i].checkworthiness, i))
    for rank, i in enumerate(order, start=1):
        claims[i].rank = rank
    return claims

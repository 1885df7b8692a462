"""Partial quotes: a quoted stretch inside a clause, attributed by the reporting verb that governs the clause
or by a verb that states a position through what it takes ("likened the plan to “a tax”")."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.cues import NAMING_DETERMINERS, NAMING_PHRASES
from factextract.models import TextSpan
from factextract.quotes.draft import Attribution, DraftQuote
from factextract.quotes.grammar import QUOTING, REPORTING, SUBJECTS, clause_end, is_reporting, looks_like_title
from factextract.quotes.speakers import Speakers
from factextract.text import QuotedSpan

# Subordinators of a clause of time, which reports an event of its own.
TIME_MARKERS = frozenset({"as", "while", "whilst", "when", "whenever", "until", "till", "after", "before", "since"})
# How many heads up from the quote the governing verb may be.
MAX_CLIMB = 10


class PartialQuotes:
    def __init__(self, speakers: Speakers) -> None:
        self.speakers = speakers
        self.view = speakers.view
        self.text = speakers.text

    def find(self, quote: QuotedSpan) -> DraftQuote | None:
        """The quote as a partial quote of whoever governs its clause, or None (a title, a name, no verb)."""
        if looks_like_title(quote.text(self.text)) and not self._title_case_line(quote):
            return None  # a work or show title in quotes: “Morning at the Harbor”, “Bargain with the River”
        if self._named(quote):
            return None
        found = self._governing(quote)
        if found is None:
            return None
        verb, clause = found
        subject = self.speakers.subject(verb)
        if subject is not None and quote.open_mark <= subject.idx <= quote.close_mark and verb.head.i != verb.i:
            subject = self.speakers.subject(verb.head)  # a mention inside the quote is never its speaker
        if subject is None or clause.dep_ in SUBJECTS or quote.open_mark <= subject.idx <= quote.close_mark:
            return None
        speaker = self.speakers.speaker(subject)
        start = min(clause.left_edge.idx, quote.open_mark)
        right = clause_end(clause)
        end = max(right.idx + len(right), quote.close_mark + 1)
        while end > start and (self.text[end - 1] in ",.;: " and end - 1 != quote.close_mark):
            end -= 1
        content = TextSpan(start=start, end=end, text=self.text[start:end])
        attribution = Attribution(speaker, self.speakers.cue(verb), verb.idx + len(verb), "partial")
        return DraftQuote("partial", quote.segments, attribution, content)

    def _governing(self, quote: QuotedSpan) -> tuple[Token, Token] | None:
        """The reporting verb whose clause holds the quote, and that clause's top token."""
        doc = self.view.doc
        first, last = self.view.token_index(quote.start), self.view.token_index(quote.end - 1)
        roots = [t for t in doc[first:last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
        if not roots:
            return None
        below, token = roots[0], roots[0]
        for _ in range(MAX_CLIMB):
            if token.dep_ == "ROOT" and token.i == roots[0].i and is_reporting(token, REPORTING):
                return None  # the quote is itself the reporting clause: not embedded
            if token.i != roots[0].i and is_reporting(token, QUOTING):
                # "as Ruiz went on about “X”, Ana said yes": words in a clause of time with a subject of its
                # own belong to another event than the main clause's saying.
                return None if _time_clause(below) else (token, below)
            if token.pos_ == "VERB" and below.dep_ == "prep" and below.lower_ == "as" and _labels(token, below):
                return token, below  # "admires the governor as a 'true reformer'": the label is the subject's
            if token.head.i == token.i:
                # "Local bakers, the mayor said, are 'working around the clock'": the attribution hangs from
                # the sentence it reports, as parataxis.
                aside = next((c for c in token.children if c.dep_ == "parataxis" and is_reporting(c)), None)
                return (aside, token) if aside is not None else None
            below, token = token, token.head
        return None

    def _named(self, quote: QuotedSpan) -> bool:
        """The quoted term is introduced as a name ("so-called", "known as the"), not as someone's words."""
        words = self.text[max(0, quote.open_mark - 40):quote.open_mark].lower().split()
        if words and words[-1] in NAMING_DETERMINERS:
            words.pop()
        return " ".join(words).endswith(NAMING_PHRASES)

    def _title_case_line(self, quote: QuotedSpan) -> bool:
        """Headlines capitalise every word, so a capitalised quote there says nothing."""
        start = self.text.rfind("\n", 0, quote.open_mark) + 1
        end = self.text.find("\n", quote.close_mark)
        outside = self.text[start:quote.open_mark] + " " + self.text[quote.close_mark + 1:end if end > 0 else None]
        return looks_like_title(outside)


def _labels(verb: Token, as_phrase: Token) -> bool:
    """The verb has something before its "as" phrase to apply the label to ("dismissed the plan as",
    "went after the mayor as"); "served as 'acting director'" has not, and gives a title, not a label."""
    return any(
        child.dep_ in ("dobj", "prep") and child.i < as_phrase.i for child in verb.children if child.i != as_phrase.i
    )


def _time_clause(verb: Token) -> bool:
    """An adverbial clause of time ("as", "while", "when" ...) with its own subject."""
    children = list(verb.children)
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKERS for c in children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in children)

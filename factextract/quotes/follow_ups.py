"""Follow-up quotes: a quote with no attribution of its own that opens a sentence right after another
quote keeps that quote's speaker when nobody new was introduced in between ("“A,” she said. “B.”"), and
one right after a sentence that reports someone speaking is theirs ("…, Ortiz said. “B.”")."""

from __future__ import annotations

import bisect

from factextract.quotes.draft import Attribution, FollowUp
from factextract.quotes.grammar import content_words, is_reporting
from factextract.quotes.speakers import Speakers
from factextract.text import QuotedSpan


class FollowUps:
    def __init__(self, speakers: Speakers) -> None:
        self.speakers = speakers
        self.view = speakers.view
        self.text = speakers.text

    def floating(self, quote: QuotedSpan, state: FollowUp) -> Attribution | None:
        """The previous attribution carried over to quote, unless someone new is named or reported in between."""
        previous = state.attribution
        if previous is None or previous.speaker is None or state.ends_at < 0:
            return None
        gap = self.text[state.ends_at:quote.open_mark]
        if gap.count("\n\n") > 1 or len([p for p in gap.split("\n") if p.strip()]) > 1:
            return None
        if content_words(quote.text(self.text)) < 2:
            return None
        # The rest of the attribution's own sentence describes the speaker or the occasion ("said Tom
        # Reyes, who works with Ms. Vance"; "he said after meeting the governor"): the people it names are not
        # new speakers.
        told = self.view.sentence_at(previous.cue.start, previous.cue.end).end if previous.cue else state.ends_at
        between = self.view.doc[self.view.token_index(state.ends_at):self.view.token_index(quote.open_mark)]
        for token in between:
            if token.idx < max(state.ends_at, told) or self.view.in_quote(token.idx):
                continue
            if is_reporting(token):
                return None
            if token.ent_type_ in ("PERSON", "ORG"):
                entity = self.speakers.entities.entity_at(token.idx, token.idx + len(token))
                if entity is None or entity.id != previous.speaker.entity_id:
                    return None
        return Attribution(previous.speaker, previous.cue, quote.close_mark, "floating")

    def reported_before(self, quote: QuotedSpan) -> Attribution | None:
        """The speaker of the sentence before quote: its last reporting verb outside quote marks, and its subject."""
        starts = self.view.sentence_starts
        k = bisect.bisect_right(starts, quote.open_mark) - 1
        if k < 1 or self.text[starts[k]:quote.open_mark].strip() or content_words(quote.text(self.text)) < 2:
            return None
        sentence = self.view.doc[self.view.token_index(starts[k - 1]):self.view.token_index(starts[k])]
        for verb in reversed(sentence):
            if is_reporting(verb) and not self.view.in_quote(verb.idx):
                subject = self.speakers.subject(verb)
                if subject is None or self.view.in_quote(subject.idx):
                    return None
                speaker = self.speakers.speaker(subject)
                return Attribution(speaker, self.speakers.cue(verb), quote.close_mark, "floating")
        return None

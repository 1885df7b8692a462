"""Direct quotes: each quoted stretch that stands as its own clause, with the attribution around it; a
stretch inside a clause goes to the partial quotes, and one with no attribution of its own may be a
follow-up of the quote before it."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.cues import QUOTE_MARKS, WORK_NOUNS
from factextract.data.quote_limits import CONTINUATION_CHARS
from factextract.quotes.context import lead, stands_alone, trail
from factextract.quotes.direct_cues import DirectCues
from factextract.quotes.draft import Attribution, DraftQuote, FollowUp
from factextract.quotes.follow_ups import FollowUps
from factextract.quotes.grammar import is_reporting, looks_like_title
from factextract.quotes.partial import PartialQuotes
from factextract.quotes.speakers import Speakers
from factextract.text import QuotedSpan

# What may stand between two quoted fragments of one attribution: a comma (stripped) or a coordinator.
COORDINATORS = frozenset({"", "and", "or", "nor"})
_BETWEEN_FRAGMENTS = " ," + "".join(QUOTE_MARKS)


class DirectQuotes:
    """Reads the quoted stretches in order; yields direct and partial drafts in the order they are found."""

    def __init__(self, speakers: Speakers, join_follow_ups: bool = False) -> None:
        self.view = speakers.view
        self.text = speakers.text
        self.cues = DirectCues(speakers)
        self.partials = PartialQuotes(speakers)
        self.follow_ups = FollowUps(speakers)
        self.join_follow_ups = join_follow_ups

    def find(self) -> list[DraftQuote]:
        quoted = self.view.quoted
        drafts: list[DraftQuote] = []
        state = FollowUp()
        i = 0
        while i < len(quoted):
            quote = quoted[i]
            before = lead(self.view, quote)
            if not stands_alone(self.view, quote, before) and not self._opens_split(quote, before, i):
                partial = self.partials.find(quote)
                if partial is not None:
                    if drafts and _coordinated(drafts[-1], partial, self.text):
                        drafts[-1] = drafts[-1].joined(partial.spans)
                    else:
                        drafts.append(partial)
                    self._after_partial(partial.attribution, i, state)
                i += 1
                continue
            if self._names_a_work(quote, before):
                i += 1
                continue
            spans = quote.segments
            found = self.cues.after(quote, trail(self.view, quote)) if quote.text(self.text)[-1:] != ":" else None
            if found is not None and i + 1 < len(quoted) and self._continues(found, quoted[i + 1]):
                i += 1
                spans += quoted[i].segments
            found = found or self.cues.before(before) or self.cues.speaker_line(quote)
            if found is None and not before:
                found = self.follow_ups.floating(quote, state)
                if found is None:
                    found = self.follow_ups.reported_before(quote)
                    if found is not None:
                        state.joins = None  # nothing quoted to join it to
            if found is not None and not (found.how != "verb" and looks_like_title(quote.text(self.text))):
                if found.how == "floating" and self.join_follow_ups and state.joins is not None:
                    drafts[state.joins] = drafts[state.joins].joined(spans)
                else:
                    state.joins = len(drafts)
                    drafts.append(DraftQuote("direct", spans, found))
                state.attribution, state.ends_at = found, max(found.end, quoted[i].close_mark)
            i += 1
        return drafts

    def _after_partial(self, told: Attribution, i: int, state: FollowUp) -> None:
        """A partial quote's speaker goes on in a quote that opens the very next sentence ("… “a shortcut,” she
        said. “We have …”"); that quote is direct, never a further span of the partial one."""
        if state.attribution is not None and told.cue == state.attribution.cue:
            return
        quoted = self.view.quoted
        quote = quoted[i]
        sentence_end = self.view.sentence_at(quote.open_mark, quote.close_mark + 1).end
        following = quoted[i + 1].open_mark if i + 1 < len(quoted) else len(self.text)
        if self.text[sentence_end:following].strip():
            state.forget()
        else:
            state.attribution, state.ends_at, state.joins = told, sentence_end, None

    def _names_a_work(self, quote: QuotedSpan, before: list[Token]) -> bool:
        """“In his book, “Save Early, Save Often,” Mr. Lee suggested …”: a title in apposition to a work's noun."""
        words = [t for t in before if t.text != ","]
        return bool(words) and words[-1].lower_ in WORK_NOUNS and looks_like_title(quote.text(self.text))

    def _opens_split(self, quote: QuotedSpan, before: list[Token], i: int) -> bool:
        """“Hopefully,” the president said, “this season …”: a one-word opening half of a split quote is
        the start of a direct quote, not a quoted term."""
        if before or i + 1 >= len(self.view.quoted):
            return False
        found = self.cues.after(quote, trail(self.view, quote))
        return found is not None and self._continues(found, self.view.quoted[i + 1])

    def _continues(self, found: Attribution, following: QuotedSpan) -> bool:
        """“A,” the farmer said, “b.”: the attribution sits between two halves of one quote. It may run
        on (“A,” he said during a rally in Millbrook, Ore., “but b.”) when the second half opens in
        lower case and nobody else is reported speaking in between."""
        between = self.text[found.end:following.open_mark]
        if "\n" in between:
            return False
        rest = between.strip()
        if rest == ",":
            return True
        first_letter = next((ch for ch in following.text(self.text) if ch.isalpha()), "")
        if len(rest) > CONTINUATION_CHARS or not first_letter.islower() or not rest.endswith((",", ", but", ", and")):
            return False
        tokens = self.view.doc[self.view.token_index(found.end):self.view.token_index(following.open_mark)]
        return not any(is_reporting(t) for t in tokens if t.idx >= found.end)


def _coordinated(previous: DraftQuote, partial: DraftQuote, text: str) -> bool:
    """“how the contest is fixed,” and “tired commuters”: quoted fragments coordinated under one reporting
    verb are one attribution with several spans, as a reader takes them."""
    if previous.kind != "partial" or previous.attribution.cue != partial.attribution.cue:
        return False
    between = text[previous.end:partial.start].strip(_BETWEEN_FRAGMENTS).lower()
    return between in COORDINATORS

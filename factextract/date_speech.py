"""Deictic words inside a direct quote, read from the moment the words were spoken.

"Today", "tonight", "last week" in a speaker's words count from when the speaker said them, not from when the
article came out: in "At Tuesday's hearing the mayor said, 'the pumps fail tonight'", tonight is Tuesday night. When
the reporting clause around a quote (its words outside the quotation marks, in the sentences the quote spans)
names one calendar day, that day is the speech time of the quote's deictic words; a clause that names no day
("she said") leaves them counted from publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from factextract.date_context import tense_at
from factextract.date_joins import ISO_DAY
from factextract.date_resolvers import Anchor, Resolved
from factextract.doc_view import DocView
from factextract.quotes.grammar import REPORTING, is_reporting
from factextract.text import QuotedSpan

if TYPE_CHECKING:
    from factextract.dates import DateSpan

# Rules whose value counts from the moment of speaking ("yesterday", "this morning", "two weeks ago")
_SPEECH_RULES = frozenset({"day_word", "this_part", "ago"})
# ... and, for these rules, the relation words that make them count from it ("last week", "next March"), where
# "the following week" or "that year" count from a time the text named
_SPEECH_RELATIONS = {
    "relative_period": frozenset({"last", "next", "this", "this past", "this coming", "the past", "the coming",
                                  "the next", "the last", "the current"}),
    "bare_month": frozenset({"last", "next", "this", "this past", "this coming"}),
}


# Verbs of an occasion of speaking that are no reporting verbs: "Speaking on May 2, she said ..."
_SPEAKING = frozenset({"speak", "talk", "address"})


class _Rule(Protocol):
    name: str
    resolve: Callable[[re.Match[str], Anchor], Resolved | None]


def at_speech_time(spans: list[DateSpan], chosen: Sequence[tuple[int, int, _Rule, re.Match[str], Resolved]],
                   plain: Anchor, view: DocView) -> list[DateSpan]:
    """spans (one per chosen match, in the same order) with each quoted deictic re-read from the day its
    reporting clause names, when it names one day before publication."""
    if plain.published is None or not view.quoted or not view.sentence_starts:
        return spans
    days = [(span.start, dt.date.fromisoformat(span.value[:10])) for span in spans
            if span.kind != "duration" and isinstance(span.value, str) and ISO_DAY.match(span.value)
            and view.in_quote(span.start) is None and _dates_the_telling(view, span.start)]
    if not days:
        return spans
    out = list(spans)
    for n, (start, _, rule, match, _) in enumerate(chosen):
        quote = view.in_quote(start)
        if quote is None or not _counts_from_speech(rule.name, match):
            continue
        spoken = _speech_day(quote, days, view)
        if spoken is None or spoken >= plain.published:
            continue
        resolved = rule.resolve(match, replace(plain, published=spoken, tense=tense_at(view, start)))
        if resolved is not None and resolved.value is not None:
            out[n] = replace(out[n], kind=resolved.kind, value=resolved.value, unit=resolved.unit,
                             earliest=resolved.earliest, latest=resolved.latest)
    return out


def _counts_from_speech(rule: str, match: re.Match[str]) -> bool:
    if rule in _SPEECH_RULES:
        return True
    relations = _SPEECH_RELATIONS.get(rule)
    if relations is None:
        return False
    groups = match.groupdict()
    relation = groups.get("rel") or groups.get("mrel") or ""
    return re.sub(r"\s+", " ", relation.lower()) in relations


def _speech_day(quote: QuotedSpan, days: list[tuple[int, dt.date]], view: DocView) -> dt.date | None:
    """The one day named outside quotation marks in the sentences the quote spans, or None (no day, or two).

    A quote that is a whole sentence of its own, right after a sentence with a quote in the same paragraph, goes
    on with that quote: "“We start tomorrow,” she said on May 2. “Last week was quiet.”" was said on May 2."""
    first, last = view.sentence_index(quote.open_mark), view.sentence_index(quote.close_mark)
    begin, end = view.sentence_starts[first], view.sentence_ends[last]
    if first > 0 and _only_quoted(quote, begin, end, view):
        before = view.in_quote(view.sentence_starts[first] - 1) or _last_quote(view, first - 1)
        if before is not None and before is not quote and "\n\n" not in view.text[before.close_mark:quote.open_mark]:
            return _speech_day(before, days, view)
    named = {day for at, day in days if begin <= at < end}
    return named.pop() if len(named) == 1 else None


def _only_quoted(quote: QuotedSpan, begin: int, end: int, view: DocView) -> bool:
    """Whether the sentences from begin to end hold no word outside quote's marks."""
    text = view.text
    return not any(ch.isalnum() for ch in text[begin:quote.open_mark] + text[quote.close_mark + 1:end])


def _last_quote(view: DocView, sentence: int) -> QuotedSpan | None:
    """The last quote that closes inside the given sentence, or None."""
    begin, end = view.sentence_starts[sentence], view.sentence_ends[sentence]
    inside = [q for q in view.quoted if begin <= q.close_mark < end]
    return inside[-1] if inside else None


def _dates_the_telling(view: DocView, start: int) -> bool:
    """Whether the day at start dates a reporting verb ("said Tuesday", "told the rally on May 2"), not an event
    told of in the same sentence ("said the ruling on May 2 was a setback")."""
    node = view.token_at(start)
    for _ in range(8):
        if node is None or node.head is node:
            return False
        owned = node.dep_ == "poss"
        node = node.head
        # "at Tuesday's hearing": what a day owns is a noun, though the parser may tag the gerund a verb
        if node.pos_ in ("VERB", "AUX") and not owned:
            return is_reporting(node, REPORTING) or node.lemma_.lower() in _SPEAKING
    return False

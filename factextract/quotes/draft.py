"""The small records the quote stages pass along: an attribution, a draft quote, the follow-up state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from factextract.models import Cue, Speaker, TextSpan

QuoteKind = Literal["direct", "partial", "indirect"]
# How the speaker was found: a reporting verb, a colon, a dash, a speaker line before the quote, carried over
# from the previous quote (floating), a verb governing a partial quote, a verb of saying or of belief.
How = Literal["verb", "colon", "dash", "speaker_line", "floating", "partial", "indirect", "belief"]


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None
    cue: Cue | None
    end: int  # where the attribution ends in the text (characters)
    how: How

    def ending_at(self, end: int) -> Attribution:
        return replace(self, end=end)


@dataclass(frozen=True)
class DraftQuote:
    """A quote before it is numbered: its spans in the text (one per paragraph or half), and who said it."""

    kind: QuoteKind
    spans: tuple[tuple[int, int], ...]
    attribution: Attribution
    content: TextSpan | None = None

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def joined(self, spans: tuple[tuple[int, int], ...]) -> DraftQuote:
        """The quote with a follow-up's spans added ("A," she said. "B." as one quote of two spans)."""
        return replace(self, spans=self.spans + spans)


@dataclass
class FollowUp:
    """What a quote with no attribution of its own may inherit: the last attribution, where it ended, and
    which draft a floating quote joins when follow-ups are joined (None: nothing to join)."""

    attribution: Attribution | None = None
    ends_at: int = -1
    joins: int | None = None

    def forget(self) -> None:
        self.attribution, self.ends_at, self.joins = None, -1, None

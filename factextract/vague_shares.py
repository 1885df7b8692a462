"""Proportions sized by a word, not a number: "only a small percentage of voters", "a large proportion of the
budget", "a higher percent of them".

Such a phrase is the vague statistic a fact-checker looks for ("a tiny percentage of refugees..."): a percent with
no value, whose size word is kept as its qualifier. Only a size or degree adjective counts: "a fixed percentage of
income" names a rule, and "the percentage of voters" names a quantity without claiming its size.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_SHARE_NOUNS = ("percent", "percentage", "proportion")
_SIZES = frozenset({
    "small", "smaller", "large", "larger", "high", "higher", "low", "lower", "big", "bigger", "tiny", "great",
    "greater", "huge", "vast", "significant", "substantial", "sizable", "sizeable", "considerable", "modest",
    "growing", "shrinking", "rising", "disproportionate", "minuscule", "negligible",
})


@dataclass(frozen=True)
class VagueShare:
    """'a small percentage': where the phrase lies and its size word."""

    start: int
    end: int
    size: str


def vague_shares(doc: Doc) -> list[VagueShare]:
    """Every proportion sized by an adjective after "a" or "an", in text order."""
    found = []
    for noun in doc:
        if noun.lower_ not in _SHARE_NOUNS or noun.i < 2:
            continue
        size, before = doc[noun.i - 1], noun.i - 2
        while before > 0 and doc[before].pos_ == "ADV":  # "a very small percentage"
            before -= 1
        article = doc[before]
        if size.lower_ in _SIZES and size.dep_ == "amod" and article.lower_ in ("a", "an"):
            found.append(VagueShare(article.idx, noun.idx + len(noun), size.lower_))
    return found

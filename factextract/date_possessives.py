"""Day words in noun phrases: a figurative day ("a brighter tomorrow", "today's computers") and a weekday that
names a scheduled event ("Monday's debate").

"Today" and "tomorrow" name the present and the future at large when English treats them as nouns with a
determiner or adjective ("a better tomorrow"), as the complement of "of" ("the cities of tomorrow"), or as the owner
of a generic noun ("today's world", "tomorrow's leaders"): TimeBank leaves these unannotated, and a fact-checker has
no day to check, so they give no date. A day that owns an event ("today's meeting", "tomorrow's vote") stays that day.
"""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.date_words import FUTURE_HEADS
from factextract.date_context import FUTURE, clause_tense
from factextract.doc_view import DocView

# Owned nouns that speak of an age, not a day: "in today's world", "by today's standards"
_GENERIC = frozenset({"world", "society", "economy", "standard", "generation", "youth", "culture", "age", "era",
                      "market", "marketplace", "climate", "environment", "reality", "life", "workplace", "family"})
# Plurals a day's news owns: "today's talks", "tomorrow's elections", "today's results" are that day's
_EVENT_PLURALS = frozenset({"talk", "result", "election", "game", "event", "figure", "number", "headline", "vote",
                            "hearing", "meeting", "negotiation", "match", "race", "primary", "caucus", "session",
                            "proceeding", "protest", "demonstration", "attack", "strike", "price", "gain", "loss",
                            "comment", "remark", "statement", "announcement", "finding", "paper", "story", "edition"})
# Comparatives the parser may read as nouns before "tomorrow": "a brighter tomorrow"
_COMPARATIVES = frozenset({"brighter", "better", "greener", "safer", "happier", "healthier", "fairer", "cleaner"})
# Nouns of scheduled events a weekday may own: "Monday's debate", "Tuesday's vote"
_EVENTS = frozenset({"debate", "vote", "election", "meeting", "game", "match", "race", "hearing", "summit", "session",
                     "speech", "talk", "primary", "deadline", "launch", "ceremony", "rally", "final", "opener",
                     "showdown", "referendum", "poll", "caucus", "concert", "parade", "funeral", "trial", "sentencing",
                     "auction", "briefing", "conference", "address", "contest", "fight", "bout", "kickoff", "event",
                     "premiere", "inauguration", "runoff", "walkout", "strike", "march", "vigil", "meet", "showcase"})


def figurative_day(view: DocView, start: int) -> bool:
    """Whether the "today" or "tomorrow" at start names no day: "a brighter tomorrow", "the people of tomorrow",
    "today's computers"."""
    token = view.token_at(start)
    if token is None or token.lower_ not in ("today", "tomorrow"):
        return False
    doc = token.doc
    # "a brighter tomorrow", "our tomorrow": a determiner or adjective makes the day word a common noun (the parser
    # may take "brighter" for the noun, so the words before are read too)
    if any(c.dep_ in ("det", "amod", "poss") and c.i < token.i for c in token.children) or (
            token.i >= 2 and doc[token.i - 2].lower_ in ("a", "an") and (
                doc[token.i - 1].tag_ in ("JJ", "JJR", "JJS") or doc[token.i - 1].lower_ in _COMPARATIVES)):
        return True
    # "the cities of tomorrow" ("as of today" is that day)
    if token.i >= 2 and doc[token.i - 1].lower_ == "of" and doc[token.i - 2].pos_ == "NOUN":
        return True
    return _owns(token) is not None and _generic(_owns(token))


def _expected(view: DocView, start: int) -> bool:
    """'expect Clinton to win Monday's debate': the to-infinitive under an expectation verb looks ahead."""
    node = view.token_at(start)
    steps = 0
    while node is not None and node.pos_ not in ("VERB", "AUX") and node.head is not node and steps < 6:
        node, steps = node.head, steps + 1
    if node is None or node.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and node.head.lemma_ in FUTURE_HEADS


def event_tense(view: DocView, start: int) -> str | None:
    """FUTURE for a weekday owning a scheduled event under a future or expectation verb ("expect Clinton to win
    Monday's debate" is the coming Monday); None leaves the weekday to its own tense."""
    token = view.token_at(start)
    owned = _owns(token) if token is not None else None
    if owned is None or owned.lemma_.lower() not in _EVENTS:
        return None
    return FUTURE if clause_tense(view, start) == FUTURE or _expected(view, start) else None


def _owns(token: Token) -> Token | None:
    """The noun a day word owns through "'s" ("today's world"), or None."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].tag_ != "POS":
        return None
    head = token.head
    return head if head.i > token.i and head.pos_ in ("NOUN", "PROPN") else None


def _generic(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in _GENERIC or (noun.tag_ == "NNS" and lemma not in _EVENT_PLURALS)

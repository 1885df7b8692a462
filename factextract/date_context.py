"""What a date expression is read against: the tense of its verb, the story's narrative time, names that are not dates.

HeidelTime and SUTime resolve an underspecified date ("March 6", "in May", "Friday") by the tense of the verb
that governs it (past: the latest such date on or before the reference; future: the earliest on or after;
otherwise the nearest), and against a reference time the text itself establishes ("in 1986 ... on March 6"),
not always against the publication date. This module reads both from the parse (a DocView).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Token

from factextract.data.date_words import (
    APPOINTING_VERBS,
    DEADLINE_PREPOSITIONS,
    FUTURE_AUXILIARIES,
    FUTURE_HEADS,
    NAME_ENTITY_TYPES,
)
from factextract.doc_view import DocView

PAST, FUTURE, PRESENT, NO_VERB = "past", "future", "present", "none"
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})


@dataclass(frozen=True)
class Narrative:
    """The time the story has moved to: a day, or only a year ("in 1986")."""

    day: dt.date
    year_only: bool


def tense_at(view: DocView, start: int) -> str:
    """The tense of the verb that governs the expression at start: past, future, present, or none when the
    expression hangs from a noun ("a cutback in September", "the April 9 pact") or no verb governs it."""
    token = view.token_at(start)
    if token is None:
        return NO_VERB
    node, steps, timed, prepped = token, 0, False, False
    while node.pos_ not in ("VERB", "AUX") and node.head is not node and steps < 6:
        node = node.head
        steps += 1
        timed = timed or (node.dep_ == "prep" and node.lower_ in ("on", "in", "at", "during"))
        prepped = prepped or node.dep_ == "prep"
        # "extended to Aug. 14", "respond by Jan. 9": a deadline, not the time of the (past) event
        if node.dep_ == "prep" and node.lower_ in DEADLINE_PREPOSITIONS:
            return NO_VERB
        # "has risen since February": the start of a stretch that runs to now lies behind it
        if node.dep_ == "prep" and node.lower_ == "since":
            return PAST
        # "the April 9 pact", "a cutback in September", "payable June 15": a date that dates a thing, not an
        # event; the clause's tense says nothing of when the thing is
        if node.pos_ in ("NOUN", "PROPN", "ADJ") and node.ent_type_ not in ("DATE", "TIME"):
            return _before_a_past_event(node, timed, prepped)
    if node.pos_ not in ("VERB", "AUX"):
        return NO_VERB
    # "has set Nov. 10 as the deadline": the date appointed, whose time the verb's tense does not tell; "a record
    # set on Aug. 6" is when the setting happened
    if node.lemma_ in APPOINTING_VERBS and not timed:
        return NO_VERB
    return _verb_tense(node)


def _before_a_past_event(noun: Token, timed: bool, prepped: bool) -> str:
    """'After a test in January, the council imposed sanctions': a thing that came after or since which a past
    event happened came before it, so it is past too; so is the doer of a past deed ('the March 3 blast destroyed
    the depot'); any other dated thing keeps no tense."""
    prep = noun.head
    if timed and noun.dep_ == "pobj" and prep.lower_ in ("after", "following") and prep.head.pos_ in ("VERB", "AUX") \
            and _verb_tense(prep.head) == PAST:
        return PAST
    # the date written before its noun, not through a preposition ("assets as of Sept. 30 fell" is a balance date)
    if not prepped and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and _verb_tense(noun.head) == PAST:
        return PAST
    return NO_VERB


def clause_tense(view: DocView, start: int) -> str:
    """The tense of the clause an expression sits in, through the nouns it hangs from: "profit in the quarter fell"
    is past, where tense_at stops at "profit" and reads the phrase as dating a thing."""
    token = view.token_at(start)
    if token is None:
        return NO_VERB
    node, steps = token, 0
    while node.pos_ not in ("VERB", "AUX") and node.head is not node and steps < 8:
        node, steps = node.head, steps + 1
    return _verb_tense(node) if node.pos_ in ("VERB", "AUX") else NO_VERB


def _verb_tense(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    # "will meet", "would be paid", "'ll see": the event lies ahead of the time of speaking
    if words & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
        return FUTURE
    # "is due in March", "is expected to meet on Friday", "plans to vote in May"
    if any(c.dep_ in ("acomp", "xcomp") and c.lemma_ in FUTURE_HEADS for c in verb.children):
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head is not verb:
        # "are to resume trading Tuesday": be + to-infinitive is a plan, as "is due to" is; "if she were to win in
        # May" supposes a coming event, though "were" is a past form
        supposed = verb.head.lower_ == "were" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                                      for c in verb.head.children)
        be_to = verb.head.lemma_ == "be" and (verb.head.tag_ in ("VBZ", "VBP") or supposed) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.head.lemma_ in FUTURE_HEADS or be_to:
            return FUTURE
        return _verb_tense(verb.head)
    # "has fluctuated, rising to a high in June from a low in March": a participle clause takes its verb's tense
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(verb.head)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    # "has gone", "the accord signed in May": a perfect or a participle without auxiliary tells of the past
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return PAST
    # "Weakness hurt the index on Friday": a base form after a singular noun is a past form the tagger misread
    # ("hurt", "cut", "set" are both), as the present would be "hurts"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.tag_ == "VBP" and not auxes and subject is not None and subject.tag_ in ("NN", "NNP") \
            and not any(c.dep_ == "conj" for c in subject.children):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return PRESENT
    return NO_VERB


def is_name(view: DocView, start: int, end: int) -> bool:
    """'BBC Radio 4's Today programme', 'the Sunday Times': a date word inside a name is not a date."""
    token = view.token_at(start)
    if token is None or not token.text[:1].isupper():
        return False
    if token.ent_type_ in NAME_ENTITY_TYPES:
        return True
    # the show "Next Week": words that are each capitalized after an opening quotation mark are a title
    words = view.text[start:end].split()
    if len(words) > 1 and all(word[:1].isupper() for word in words) and view.text[start - 1:start] in _OPENING_QUOTES:
        return True
    # "on Radio 4's Today programme": "today" is written small inside a sentence; capitalized there it is a title
    before = token.doc[token.i - 1] if token.i > 0 and not token.is_sent_start else None
    if token.lower_ in ("today", "tonight") and before is not None and (before.is_alpha or before.tag_ == "POS"):
        return True
    # "CBS This Morning": a capitalized "This Morning" after a capitalized name (not "said This Morning") is a show
    if token.lower_ == "this" and words[-1][:1].isupper() and before is not None and (
            before.tag_ == "POS" or (before.is_alpha and before.text[:1].isupper())):
        return True
    # "Today programme", "Sunday Times": the date word modifies a capitalized name that is no date word itself
    head = token.head
    return (token.dep_ == "compound" and head.i > token.i and head.pos_ == "PROPN" and head.is_title
            and head.idx >= end and head.ent_type_ not in ("DATE", "TIME", "CARDINAL"))


def modifies_a_noun(view: DocView, start: int, end: int) -> bool:
    """'a summer associate', 'winter coats', 'a Christmas tree': a bare season or holiday word that modifies a noun
    names a kind of thing or job, not a time ("last summer's drought" says when, and keeps its relation word)."""
    token = view.token_at(start)
    if token is None or view.text[start:end].lower() != token.lower_:
        return False
    head = token.head
    return token.dep_ in ("compound", "amod", "nmod") and head.i > token.i and head.pos_ == "NOUN"

"""Ages written as a bare number: "Ann Kerr, 52, said", "who at 81 still climbs", "Being 40 is no bar",
"Ed and Jo Pratt, 31 and 34 years old".

figures.py asks `bare_age` of a number it would otherwise count with no unit; an age is a quantity of years
counted "age", as "five years old" is. Each rule names a structure of English that sets a number beside a person
with nothing for it to count: an appositive after a name, "at N" before a person's verb, a person "being N" or
"is N", and a number coordinated with one that "years old" follows.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from factextract.data.people import GROUP_NOUNS, ORGANIZATION_NOUNS
from factextract.doc_view import DocView
from factextract.numbers import Number

_OLDEST = 120
# "31 and 34 years old", "5, 7 and 9 months old": the unit written once, after the last of the numbers
_COORDINATED_AGE = re.compile(
    r"(?:\s*,\s*\d{1,3})*,?\s+(?:and|or)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]"
    r"(?P<unit>year|month|week|day)s?[\s-]old\b",
    re.IGNORECASE,
)
# "at age 16", "aged 65", "the age of 60", "ages 18 to 24": a number that "age" introduces
_AGE_BEFORE = re.compile(r"\b(?:ages?(?:\s+of)?|aged)\s+(?:\d{1,3}\s*(?:to|and|or|-|–)\s*)?$", re.IGNORECASE)
_ASIDE_ENDS = frozenset({",", "—", "―", "–", "--"})
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "—", "―", "–", "--"})
_PERSON_SUBJECTS = frozenset({"he", "she", "i", "who"})
_PEOPLE = (GROUP_NOUNS - ORGANIZATION_NOUNS) | {"adult", "student", "youth"}


def bare_age(number: Number, text: str, view: DocView) -> str | None:
    """The unit of the age a number with no unit of its own gives ("year"), or None when it is no age."""
    coordinated = _COORDINATED_AGE.match(text, number.end)
    if coordinated and not number.ordinal and not number.fraction and number.value <= _OLDEST:
        return coordinated.group("unit").lower()
    written = text[number.start:number.end]
    if not written.isdigit() or not 1 <= number.value <= _OLDEST:
        return None
    if _AGE_BEFORE.search(text, max(0, number.start - 24), number.start):
        return "year"
    token = view.token_at(number.start)
    if token is None or token.text != written:
        return None
    return "year" if _appositive(token) or _predicate(token) or _bounded_people(token) else None


def _appositive(token: Token) -> bool:
    """'Ann Kerr, 52, said', 'a visit by Lee Hart, 61.': a number set off by commas right after a person's name."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != ",":
        return False
    name = doc[token.i - 2]
    # the parser often takes a surname alone for an organization ("Kerr, 52,"), never for a place
    if not (name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and name.ent_type_ in ("", "ORG"))) \
            or not name.text[:1].isupper():
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.text in _ASIDE_ENDS or (after.is_sent_end and after.text in (".", "!", "?"))


def _predicate(token: Token) -> bool:
    """'who at 81 still climbs', 'At 40, she left', 'Being 40 is no bar', 'Kim, who is 70,': a number that is the
    object of "at" before a person's verb, or what a person is."""
    if any(True for _ in token.children):
        return False  # "at 40 percent", "is 6 feet": the number heads words of its own
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "at" and head.i == token.i - 1:
        verb = head.head
        return verb.pos_ in ("VERB", "AUX") and head.i < verb.i and _person_subject(verb)
    if token.dep_ not in ("attr", "acomp") or head.lemma_ != "be" or head.i != token.i - 1:
        return False
    if head.lower_ == "being":
        # "Being 40 is no bar" has no subject of its own; "the price being 40" has one, and it is no person
        return _person_subject(head) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    # "Kim, who is 70,": only the clause's end follows the age ("he is 6'3\"" measures, "is 12 when" may not be one)
    return (after is None or after.text in _CLAUSE_ENDS) and _person_subject(head)


def _bounded_people(token: Token) -> bool:
    """'voters under 30', 'those over 65': a bare number bounding the people just named is their age ("people over
    6 feet" has a unit, "sales over 30" are no people). Read from the words, as the parser links these loosely."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ not in ("under", "over", "above", "below"):
        return False
    people, after = doc[token.i - 2], doc[token.i + 1] if token.i + 1 < len(doc) else None
    named = people.pos_ in ("NOUN", "PROPN") and people.lemma_.lower() in _PEOPLE  # not "one over 3", a division
    return (after is None or after.pos_ not in ("NOUN", "PROPN")) and (named or people.lower_ == "those")


def _person_subject(verb: Token) -> bool:
    """A subject that can only be a person: he, she, I, who, or a person's name."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child.lower_ in _PERSON_SUBJECTS or child.ent_type_ == "PERSON"
    return False

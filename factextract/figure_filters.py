"""Numbers written in digits that count or measure nothing: house numbers, score and vote tallies, telephone
numbers, ids, links and codes.

figures.py asks `not_a_figure` before it reads a number and masks `phones_and_links` before it reads any; dates.py
asks `house_number` before a four-digit number becomes a year ("1600 Pennsylvania Avenue" is no date). Each rule
names a structure of English: an address (a number before a street name, or after "at" before a proper noun), a
tally (two numbers joined by a dash, larger first, or beside a contest's verb or noun), a number a telephone noun
introduces, a digit run grouped as no number is, a link, a digit run led by a zero.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from factextract.data import currencies, units
from factextract.data.addresses import STREET_TYPES
from factextract.data.non_figures import (
    ADDRESS_PREPOSITIONS,
    EMERGENCY_NOUNS,
    EMERGENCY_NUMBERS,
    INTENSIFIED_PARTICIPLES,
    NUMBERED_INSTITUTIONS,
    TALLY_NOUNS,
    TALLY_VERBS,
    TELEPHONE_WORDS,
)
from factextract.doc_view import DocView
from factextract.numbers import alternation

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# "10 Downing Street", "1600 Pennsylvania Ave.": a house number, not a count of streets
# ("131 West 23rd Street": a numbered street's ordinal is part of its name)
_STREET_AFTER = re.compile(rf"(?:\s+(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))){{1,3}}\s+(?i:{alternation(STREET_TYPES)})\b")
# Words after "at" and a number that make it a measure, not an address: "at 5 Percent", "at 20 Euros"
# "at 10 Mbps", "at 40 MPH": a unit after the number, not a street's name
_MEASURE_WORDS = frozenset({*units.WORDS, *units.TIME_UNITS, *currencies.NAMES, *(s.lower() for s in units.SYMBOLS),
                            "percent", "pct", "cent"})
# "won 7-2", "a 5-4 decision", "split 3 to 2", "a 2-to-1 vote": two numbers of a tally, no part of a longer
# number, code or amount
_TALLY = re.compile(
    r"(?<![\w.,/$£€¥#-])(?P<a>\d{1,3})(?:-to-|(?P<dash>[-–—])|\s+to\s+)(?P<b>\d{1,3})(?![\w%/]|[.,]\d|[-–—]\d)"
)
# "Her mobile number is 612 448 907", "Tel: 020 7946 0000"
_TELEPHONE_BEFORE = re.compile(
    rf"\b(?:{alternation(TELEPHONE_WORDS)})\b\.?(?:\s+(?:numbers?|no\.?))?(?:\s+(?:is|was))?\s*[:#]?\s*$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")
_DIAL_BEFORE = re.compile(r"\b(?:dial(?:l?ed|s|ing)?|call(?:ed|s|ing)?)\s+$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|our|my|your)\s+$", re.IGNORECASE)
# "04417", "0645": English writes no quantity with a leading zero; such a run is a code, a telephone number or a time
_CODE = re.compile(r"0\d{3,}")
# "mine No. 4", "the No. 3 official": the abbreviation of "number" before digits
# wire copy writes "team no. 225"; "the number one issue", "is number 5 on the list": the word ranks as "No." does
_NO_BEFORE = re.compile(r"\b(?:[Nn]o\.|[Nn]umber)\s?$")
_HUNDRED_PERCENT = re.compile(r"(?:100|(?:a|one)\s+hundred)\s?(?:%|percent|per\s?cent)", re.IGNORECASE)
# "the 5th I think": a capitalized pronoun, article or verb after an ordinal begins no name
_FUNCTION_WORDS = frozenset({"PRON", "DET", "ADP", "AUX", "VERB", "CCONJ", "SCONJ"})


def not_a_figure(text: str, start: int, view: DocView | None) -> bool:
    """Whether the number whose digits start at start is a house number, one side of a tally, a telephone number,
    a code, or (in digits or words) an intensifying "100 percent"."""
    if _intensifying_percent(text, start, view):
        return True
    digits = _DIGITS.match(text, start)
    if digits is None:
        return False
    # "0 . 0125", a decimal written with spaces, is no code
    code = _CODE.fullmatch(digits.group()) is not None and not re.search(r"[.,]\s?$", text[max(0, start - 2):start])
    # "mine No. 4": "No." and its number end a name, unless they rank
    named = _NO_BEFORE.search(text, max(0, start - 8), start) is not None and rank_start(text, start, view) is None
    return (code or named or house_number(text, start, digits.end(), view) or _in_tally(text, start, view)
            or _TELEPHONE_BEFORE.search(text, max(0, start - 40), start) is not None
            or _emergency_number(digits.group(), text, digits.end()))


def _intensifying_percent(text: str, start: int, view: DocView | None) -> bool:
    """'100 percent sure', 'a hundred percent behind him', '100% committed': "100 percent" before the adjective,
    adverb or participle of conviction it modifies means "wholly" and measures nothing ("100 percent higher" does,
    as do "rose 100 percent" and "100 percent of voters")."""
    token = view.token_at(start) if view is not None else None
    if token is None:
        return False
    doc = token.doc
    sign = next((t for t in doc[token.i:token.i + 4] if t.lower_ in ("percent", "%", "cent")), None)
    if sign is None or sign.i + 1 >= len(doc) or not _HUNDRED_PERCENT.fullmatch(text, start, sign.idx + len(sign)):
        return False
    word = doc[sign.i + 1]
    modified = sign.head.i == word.i or (sign.head.i == word.head.i and word.dep_ == "acomp")
    return modified and (word.tag_ in ("JJ", "RB") or word.lower_ == "behind" or (
        word.tag_ == "VBN" and word.lemma_.lower() in INTENSIFIED_PARTICIPLES))


def _emergency_number(digits: str, text: str, end: int) -> bool:
    """'a 911 call', 'the 999 operator', 'dialed 911': the number to call, not a count of calls."""
    if digits not in EMERGENCY_NUMBERS:
        return False
    start = end - len(digits)
    if _DIAL_BEFORE.search(text, max(0, start - 12), start):
        return True
    after = _WORD_AFTER.match(text, end)
    noun = after.group(1).lower() if after else ""
    # "took 999 calls" counts them; "a 911 call", "the 911 calls" name the number called
    return noun in EMERGENCY_NOUNS and (not noun.endswith("s") or _DETERMINER_BEFORE.search(
        text, max(0, start - 8), start) is not None)


def rank_start(text: str, start: int, view: DocView | None) -> int | None:
    """Where "No." starts when it and the digits at start are a rank ("the No. 3 official", "is No. 1"); None when
    no "No." is there, or when it follows a noun whose name it ends ("county mine No. 4", "Proposition No. 5")."""
    no = _NO_BEFORE.search(text, max(0, start - 8), start)
    if no is None:
        return None
    token = view.token_at(no.start()) if view is not None else None
    if token is None or token.i == 0:
        return no.start()
    before = token.doc[token.i - 1]
    return None if before.pos_ in ("NOUN", "PROPN") else no.start()


def ordinal_in_name(token: Token, spelled: bool) -> bool:
    """'the 5th Amendment', '1st Nationwide Bank', 'West 23rd Street', 'the First Amendment': an ordinal before a
    capitalized noun is part of a name (lowercase, "the 20th century", "its 50th anniversary", it ranks), unless
    every word of the sentence is capitalized, as in a headline, or the ordinal opens the sentence; before a noun of
    numbered law or jurisdiction ("the 13th amendment") it is one whatever the case."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    name = doc[token.i + 1]
    # "the 13th amendment", "the 9th circuit": a numbered article of law or jurisdiction in small letters ("the
    # first district to report" ranks, so a spelled ordinal names only an amendment)
    if name.lower_ in NUMBERED_INSTITUTIONS and (not spelled or name.lower_.startswith("amendment")):
        return True
    if spelled and (not token.text[:1].isupper() or token.i == token.sent.start):
        return False
    return (name.text[:1].isupper() and name.is_alpha and name.pos_ not in _FUNCTION_WORDS
            and name.ent_type_ not in ("NORP", "DATE") and not title_case(token.sent))


def numbered_name(token: Token, start: int) -> bool:
    """'Apollo 11', 'Windows 10', 'Chapter 11': a capitalized name followed by its number."""
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    # "iPhone 6", "PlayStation 4": a product name in camel case counts as capitalized
    named = prev.is_title or re.search(r"[a-z][A-Z]", prev.text) is not None
    # "Rs 500": a currency written as a capitalized abbreviation is no name
    named = named and prev.lower_ not in currencies.PREFIX_SYMBOLS
    if not named or prev.idx + len(prev.text) >= start or prev.ent_type_ in ("DATE", "MONEY"):
        return False
    follows = prev.pos_ == "PROPN" and token.head.i <= prev.i
    # "a Chapter 11 plan": the name and its number modify the noun after them
    return (follows and token.dep_ in ("nummod", "appos", "compound", "npadvmod")) or name_modifies_noun(prev, token)


def name_modifies_noun(prev: Token, token: Token) -> bool:
    """'a Chapter 11 plan', 'the Soyuz 9 capsule', 'Fortune 500 companies': a capitalized name and its number
    together modify the lowercase noun after them (which the number does not count)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or prev.i == prev.sent.start:
        return False
    noun = doc[token.i + 1]
    # both lean forward, on each other or on the noun ("gave Lee 3 votes": "Lee" is the verb's)
    together = token.head.i in (prev.i, noun.i) and (prev.head.i == token.i or prev.head.i > token.i)
    return together and noun.pos_ == "NOUN" and noun.text.islower() and noun.lower_ not in _MEASURE_WORDS


def house_number(text: str, start: int, end: int, view: DocView | None) -> bool:
    """'10 Downing Street', '1600 Pennsylvania Avenue', and without a street word 'lives at 42 Elm', 'the party at
    350 Fifth': the number before a street's name."""
    if _STREET_AFTER.match(text, end):
        return True
    token = view.token_at(start) if view is not None else None
    if token is None or token.i == 0 or not token.text.isdigit() or len(token.text) > 5:
        return False
    preposition, name = token.doc[token.i - 1], token.head
    return (preposition.lower_ in ADDRESS_PREPOSITIONS and name.i == token.i + 1 and name.tag_ == "NNP"
            and name.is_title and name.head.i == preposition.i and name.lower_ not in _MEASURE_WORDS
            and not title_case(token.sent))


def title_case(sentence: Span) -> bool:
    """A headline in title case ("Index Closes at 2100 Level"), where a capital says nothing of a name."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return bool(words) and all(t.is_title for t in words)


def _in_tally(text: str, start: int, view: DocView | None) -> bool:
    """'won 7-2', 'a 5-4 decision', 'lost 1-2 at home', 'voted 52 to 48': a score or a vote is one result, not two
    counts. A dash between a larger and a smaller number is a tally wherever it stands (a range runs upwards);
    a smaller number first ("1-2"), or "to", is one only beside a contest's verb or noun ("won 2-3 seats" is a
    range, "fell from 9 to 6" a change)."""
    for match in _TALLY.finditer(text, max(0, start - 10), start + 16):
        if start not in (match.start("a"), match.start("b")):
            continue
        first, second = int(match.group("a")), int(match.group("b"))
        if match.group("dash") and first >= second:
            return True
        if not match.group("dash") and first < second:
            return False
        return view is not None and _beside_contest(view, match.start("a"), match.end("b"))
    return False


def _beside_contest(view: DocView, start: int, end: int) -> bool:
    first, last = view.token_at(start), view.token_at(end - 1)
    if first is None or last is None:
        return False
    doc = first.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # the noun, not the verb: "voters aged 18-24 voted" is an age range
    if after is not None and after.pos_ == "NOUN" and after.lemma_.lower() in TALLY_NOUNS:
        return True
    if after is not None and after.pos_ == "NOUN":  # "won 2-3 seats": the numbers count the noun
        return False
    before = doc[max(first.sent.start, first.i - 4):first.i]
    if len(before) and before[-1].lower_ == "from":
        return False
    return any(t.lemma_.lower() in TALLY_VERBS for t in before)


# Digit runs that may be a phone number or an id; _looks_like_phone decides.
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+|\(\s?\+?)?\d[\d ./()-]*\d\)?(?:\s?(?:x|ext\.?)\s?\d+)?(?![\w,]|\.\d)", re.IGNORECASE
)
# Links and addresses: their digits and percent-escapes are not figures. An address is tried only where a
# whitespace-free run starts, up to its first "@" (possessive): `\S+@` tried at every position backtracked
# over the rest of the run each time: 6 s on a 50,000-character run, unfinished after 5 min on 1,000,000.
# The matches are those of `\S+@\S+\.\w+`: a match from inside a run is also one from the run's start.
_URL = re.compile(r"\b(?:https?://|www\.)\S+|(?<!\S)\S[^\s@]*+@\S+\.\w+", re.IGNORECASE)


def phones_and_links(text: str) -> list[tuple[int, int]]:
    """The spans of telephone numbers, ids, links and e-mail addresses: no number inside one is a figure."""
    spans = [(m.start(), m.end()) for m in _PHONE.finditer(text) if _looks_like_phone(m.group())]
    return spans + [(m.start(), m.end()) for m in _URL.finditer(text)]


def _looks_like_phone(run: str) -> bool:
    """Phone numbers and ids: seven digits or more written as groups no number uses
    (a leading +, 0 or bracket, dashes, dots or slashes between groups, spaced groups that are
    not thousands), or eight digits and more with no separator at all (numbers get commas)."""
    run = re.split(r"\s?(?:x|ext)", run, flags=re.IGNORECASE)[0]
    digits = sum(ch.isdigit() for ch in run)
    if digits < 7 or re.fullmatch(r"\d{4}\s?[-/]\s?\d{2,4}", run) or re.fullmatch(r"\d+\.\d+", run):
        return False
    if run[0] in "+(" or run[0] == "0":
        return True
    if any(ch in "-./()" for ch in run):
        return True
    groups = run.split()
    if len(groups) > 1:
        return not all(len(group) == 3 for group in groups[1:])
    return digits >= 8

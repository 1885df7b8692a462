"""Numbers written in words that count or rank nothing: the pronoun "one", idioms, and ordinals that are titles,
terms or adverbs of time.

figures.py asks `word_not_a_figure` before it reads a spelled number. Each rule names a structure of English, read
from spaCy's parse where it can be: a determiner before a "one" that heads its own phrase ("the one who", "a lucky
one"), "one" as the article of a reporting subject ("one aide said"), a number hyphened after a word that is no
number ("high-five", "hole-in-one"), an ordinal fixed into a term ("the first lady"), joined into a verb
("second-guess") or standing as an adverb before its verb ("first met"), and "at" before a bare ordinal ("at first").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from factextract.data.cues import SPEECH_VERBS, THOUGHT_VERBS
from factextract.data.non_figures import (
    COUNT_PREFIXES,
    DECADE_PREFIXES,
    DISCOURSE_NOUNS,
    NUMBER_IDIOMS,
    ORDINAL_TERMS,
)
from factextract.data.number_words import CARDINALS, DENOMINATORS, DOZENS, ORDINALS, SCALES
from factextract.figure_filters import title_case
from factextract.numbers import Number

_NUMBER_WORDS = frozenset({*CARDINALS, *SCALES, *DOZENS, *DENOMINATORS, *ORDINALS})
_IDIOMS = tuple(
    re.compile(r"\b" + r"[\s-]+".join(f"({w})" if w in _NUMBER_WORDS else re.escape(w) for w in idiom.split()) + r"\b",
               re.IGNORECASE)
    for idiom in NUMBER_IDIOMS
)
_HYPHENED_AFTER = re.compile(r"(?:(?P<first>[\w]+)-)?(?P<word>[A-Za-z]+)-$")
# "two-to-one", "six-to-eight": a preposition between two numbers joins a ratio or a range
_JOINERS = frozenset({"to", "in", "out", "of", "or", "and", "by"})
# "one sort or another", "one way or the other", "one school over another", "from one state to another": "one"
# set against "another" picks out no number
_OR_ANOTHER = re.compile(r"(?:\s+[\w-]+){0,3}\s+(?:or|over|than|to)\s+(?:another|the\s+other)\b", re.IGNORECASE)
# "no one came", "there is no one single cause": "no one" is "nobody" or "no single", never a count of 1
_NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
# "For one, the plan costs too much", "I, for one, agree": "for one" set off by a comma picks out an example
_FOR_BEFORE, _COMMA_AFTER = re.compile(r"\bfor\s+$", re.IGNORECASE), re.compile(r"\s*,")
_REPORTING = SPEECH_VERBS | THOUGHT_VERBS
_SMALL_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_VAGUE_BEFORE = re.compile(r"\b(?:several|a\s+few|few|many)\s+$", re.IGNORECASE)
_ARTICLE_ORDINAL = re.compile(r"(?:a|an)\s+(?P<ordinal>[A-Za-z]+)$", re.IGNORECASE)


def word_not_a_figure(number: Number, text: str, token: Token | None) -> bool:
    """Whether a number written in words is a pronoun, part of an idiom or an ordinal that ranks nothing."""
    written = text[number.start:number.end].lower()
    if _in_idiom(text, number.start) or _hyphened_to_word(text, number.start, written):
        return True
    # "several hundred guests", "a few thousand", "a few dozen": a scale or dozen with no number before it says how
    # many only roughly
    if (written in SCALES or written in DOZENS) and _VAGUE_BEFORE.search(text, max(0, number.start - 12),
                                                                         number.start):
        return True
    if token is None:
        return False
    if not number.ordinal and _capitalized_in_name(token):
        return True
    if written == "one" and (_NO_BEFORE.search(text, max(0, number.start - 4), number.start) or (
            _FOR_BEFORE.search(text, max(0, number.start - 5), number.start) and _COMMA_AFTER.match(text, number.end))):
        return True
    if written == "one":
        return _pronoun_one(token) or _indefinite_one(token) or _OR_ANOTHER.match(text, number.end) is not None
    if number.ordinal:
        return _ordinal_term(token) or _ordinal_adverb(token) or _ordinal_verb(token, text, number.end)
    return _anaphoric(token)


def _counts_a_noun_after(token: Token) -> bool:
    """'the one hospital', 'the two men': the number modifies the noun after it."""
    return token.dep_ in ("nummod", "compound") and token.head.i > token.i


def _anaphoric(token: Token) -> bool:
    """'The two raised $350 million', 'she sees those two as equal': a number with a determiner and no noun of its
    own stands for people or things counted before; "the two men" and "two of them" count."""
    if _counts_a_noun_after(token):
        return False
    return token.lower_ in _SMALL_NUMBERS and not any(c.lower_ == "of" for c in token.children) and any(
        c.dep_ in ("det", "poss") and c.i < token.i and c.lower_ in ("the", "those", "these") for c in token.children)


def hyphened_ordinal(number: Number, text: str) -> Number:
    """'a sixth-grader': the ordinal of a compound, which the article introduces, is no fraction (1/6) but a rank."""
    article = _ARTICLE_ORDINAL.fullmatch(text, number.start, number.end) if number.fraction else None
    if article is None or not re.match(r"-[A-Za-z]", text[number.end:number.end + 2]):
        return number
    word = article.group("ordinal").lower()
    if word not in ORDINALS:
        return number
    return replace(number, start=article.start("ordinal"), value=float(ORDINALS[word]), ordinal=True, fraction=False)


def _in_idiom(text: str, start: int) -> bool:
    """'at one point', 'one by one', 'first and foremost'."""
    window = max(0, start - 30), start + 40
    return any(m.start(1) == start for idiom in _IDIOMS for m in idiom.finditer(text, *window))


def _hyphened_to_word(text: str, start: int, written: str) -> bool:
    """'high-five', 'hole-in-one', 'one-on-one': a number hyphened after a word that is no number is part of a
    compound word; not after a word that bounds a count ("top-five", "mid-forties") nor in "two-to-one"."""
    joined = _HYPHENED_AFTER.search(text, max(0, start - 30), start)
    if joined is None:
        return False
    word, first = joined.group("word").lower(), (joined.group("first") or "").lower()
    if word in _NUMBER_WORDS or word in COUNT_PREFIXES or (word in DECADE_PREFIXES and written.endswith("s")):
        return False
    return not (word in _JOINERS and (first.isdigit() or first in _NUMBER_WORDS))


def _pronoun_one(token: Token) -> bool:
    """'the one who', 'the only one', 'this one:', 'a lucky one.': a determiner before a "one" that counts no noun
    after it makes it a pronoun ("the one hospital in town" counts), as does a relative clause or a bare object."""
    if _counts_a_noun_after(token):
        return False
    # "a war, one he waged", "the message is one that divides": a relative clause describes the "one" itself;
    # "they might get one.": an object "one" with no word of its own stands for a noun said before
    described = any(child.dep_ == "relcl" for child in token.children)
    bare_object = token.dep_ in ("dobj", "attr") and not any(True for _ in token.children)
    return described or bare_object or any(child.dep_ in ("det", "poss") and child.i < token.i
                                           for child in token.children)


def _indefinite_one(token: Token) -> bool:
    """'one aide said', 'said one official', 'one study found': "one" as the article of a reporting subject, and
    'one reason turnout fell' before a noun of argument; not "one person died", nor "only one aide said" or "at
    least one", which count."""
    noun = token.head
    if token.dep_ != "nummod" or noun.i < token.i or any(True for _ in token.children):
        return False
    before = token.doc[token.i - 1].lower_ if token.i else ""
    if before in ("only", "just", "least", "than", "exactly"):
        return False
    return noun.lemma_.lower() in DISCOURSE_NOUNS or (noun.dep_ in ("nsubj", "nsubjpass")
                                                       and noun.head.lemma_.lower() in _REPORTING)


def _capitalized_in_name(token: Token) -> bool:
    """'the site Zero Hedge', 'before Round Two', 'the Big Ten': a capitalized number word inside a sentence, beside
    a capitalized word, is part of a name, unless every word is capitalized, as in a headline."""
    doc = token.doc
    if not token.text[:1].isupper() or token.i == token.sent.start or title_case(token.sent):
        return False
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and i != token.sent.start]
    return any(word.is_alpha and word.text[:1].isupper() and word.pos_ in ("PROPN", "NOUN") for word in beside)


def _ordinal_term(token: Token) -> bool:
    """'the first lady', 'first responders', 'second nature': an ordinal fixed into a title or a term."""
    doc = token.doc
    following = token.i + (2 if token.i + 1 < len(doc) and doc[token.i + 1].text == "-" else 1)
    return following < len(doc) and doc[following].lower_ in ORDINAL_TERMS.get(token.lower_, ())


def _ordinal_adverb(token: Token) -> bool:
    """'they first met', 'was first reported', 'At first,', 'at first glance': an ordinal of time, as an adverb
    before the verb it modifies or after a bare "at"; "finished second", after its verb, is a rank, but "fix the
    roads first", after a verb's object, orders the deed before the next one."""
    if token.i and token.doc[token.i - 1].lower_ == "at":
        return True
    head = token.head
    if token.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX"):
        return False
    return token.i < head.i or (token.lower_ == "first" and any(c.dep_ == "dobj" for c in head.children))


def _ordinal_verb(token: Token, text: str, end: int) -> bool:
    """'second-guess the coach': an ordinal hyphened into a verb."""
    doc = token.doc
    if text[end:end + 1] != "-" or token.i + 2 >= len(doc) or doc[token.i + 1].text != "-":
        return False
    return doc[token.i + 2].pos_ == "VERB"


def spelled_rank(token: Token) -> bool:
    """Whether a spelled ordinal ranks: where the parser's entities say so, or after a possessive and before the
    word it ranks ("the city’s first library", "its second plant"), where the entities miss after a curly ’s."""
    doc = token.doc
    if token.ent_type_ == "ORDINAL":
        return True
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return before.tag_ in ("POS", "PRP$") and after.pos_ in ("ADJ", "NOUN", "PROPN")

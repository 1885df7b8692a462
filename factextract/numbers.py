"""Numbers written in digits or words, found in raw text and normalized to a value.

`find_numbers(text)` returns every number phrase with its character offsets: numerals with
thousands and decimal separators ("1,234,567.89", "12,34,567", "40 000", ".25", "1.3e6"),
glued scales ("2.5bn", "10k"), spoken numbers ("a hundred twenty million", "twenty-six",
"three dozen"), fractions ("three quarters", "1/2", "2 1/4", "½", "one and a half") and
ordinals ("21st", "twenty-fifth"). Context (currencies, units, qualifiers) is figures.py's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factextract.data.number_words import (
    CARDINALS,
    DENOMINATORS,
    DOZENS,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALES,
    SLASH_DENOMINATORS,
    UNICODE_FRACTIONS,
)
from factextract.number_builder import SCALE_ORDINALS, Builder, Token


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    ordinal: bool = False
    fraction: bool = False
    spelled: bool = False  # written (at least partly) in words


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so "per cent" wins over "per", then in alphabetical
    order: from a set, the same pattern in every process."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


_NUMERAL = r"""
    (?:\d{1,3}(?:,\d{2})+,\d{3}(?!\d)(?:\.\d+)?            # Indian grouping: 12,34,567.89
     |\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?                   # 1,234,567.89
     |\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:\.\d+)?(?![\d,])     # 40 000, 1 414 021 100
     |\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![\d]))?                 # 192, 4.800, 1.3e6
     |\.\d+)                                                 # .25
"""
_ORDINAL_DIGITS = r"\d+(?:st|nd|rd|th)\b"
_FRACTION_DIGITS = r"\d+\s?/\s?\d+(?![\d/])"
_WORD = alternation([*CARDINALS, *SCALES, *DOZENS, *DENOMINATORS, *ORDINALS])
_UNICODE = "[" + "".join(UNICODE_FRACTIONS) + "]"
_SUFFIX = alternation([s for s in SCALE_SUFFIXES if s.isalpha() and len(s) <= 3])
# "$1billion", "$45.1million": a scale word written without its space rides on the numeral as a suffix does
_GLUED_WORD = alternation([s for s in SCALE_SUFFIXES if s.isalpha() and len(s) > 3])

# One atom of a number phrase. Words need word boundaries; a glued scale suffix ("2.5bn") rides on
# the numeral only when no other letter follows, so "10km" leaves "km" to the unit reader.
_ATOM = rf"""
    (?:(?<![\w.,/]){_FRACTION_DIGITS}
     |(?<![\w.,]){_ORDINAL_DIGITS}
     |(?<![\w.,]){_NUMERAL}(?:(?:\s?(?:{_SUFFIX})|{_GLUED_WORD})(?![\w]))?
     |\b(?:{_WORD})\b
     |{_UNICODE})
"""
# What may join atoms: hyphens ("twenty-six", "ninety - five", "four-and-a-half"), spaces, "and" ("one hundred
# and six"), "a"/"of a" before a fraction or scale ("one and a half", "half a dozen", "two thirds of a million"),
# "point" for spoken decimals ("two hundred point zero three").
_JOIN = r"(?:-and-an?-|\s*-\s*|\s+(?:and\s+)?(?:(?:of\s+)?an?\s+)?|\s+point\s+)"
_LEAD = rf"(?:\ban?\s+(?=(?:{alternation([*SCALES, *DOZENS, *DENOMINATORS])})\b))?"
PHRASE = re.compile(rf"{_LEAD}{_ATOM}(?:{_JOIN}{_ATOM})*", re.IGNORECASE | re.VERBOSE)

_TOKEN = re.compile(
    rf"(?P<frac>{_FRACTION_DIGITS})|(?P<ord>{_ORDINAL_DIGITS})|(?P<num>{_NUMERAL})(?:(?:\s?(?P<suf>{_SUFFIX})|(?P<glued>{_GLUED_WORD}))(?!\w))?"
    rf"|(?P<uni>{_UNICODE})|(?P<word>[a-z]+)",
    re.IGNORECASE | re.VERBOSE,
)


def _tokens(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        if match.group("frac"):
            top, bottom = (int(part) for part in re.split(r"\s?/\s?", match.group("frac")))
            # "9/11", "24/7", "5/17": a slash is a fraction only over the denominators measures use
            if bottom in SLASH_DENOMINATORS and top < bottom * 10:
                out.append(Token(s, e, "frac", top / bottom))
        elif match.group("ord"):
            out.append(Token(s, e, "ordinal", float(re.match(r"\d+", match.group("ord")).group())))
        elif match.group("num") is not None:
            value = parse_numeral(match.group("num"))
            suffix = match.group("suf") or match.group("glued")
            if suffix:
                value *= SCALE_SUFFIXES.get(suffix, SCALE_SUFFIXES.get(suffix.lower(), 1))
            out.append(Token(s, e, "num", value, match.group("num")))
        elif match.group("uni"):
            out.append(Token(s, e, "frac", UNICODE_FRACTIONS[match.group("uni")]))
        else:
            word = match.group("word").lower()
            if word in CARDINALS:
                out.append(Token(s, e, "card", CARDINALS[word], word))
            elif word in SCALES:
                out.append(Token(s, e, "scale", SCALES[word], word))
            elif word in DOZENS:
                out.append(Token(s, e, "dozen", 12, word))
            elif word in ORDINALS and word not in ("half", "quarter"):
                out.append(Token(s, e, "ordinal", ORDINALS[word], word))
                if word in DENOMINATORS:
                    out[-1].text = word
            elif word in DENOMINATORS:
                out.append(Token(s, e, "denom", DENOMINATORS[word], word))
            elif word in ("and", "a", "an", "of", "point"):
                out.append(Token(s, e, word if word != "an" else "a"))
    return out


def parse_numeral(text: str) -> float:
    """A numeral as written in English copy: thousands separators are commas or (thin) spaces."""
    cleaned = re.sub(r"[,\u202f\u00a0 ]", "", text)
    return float(cleaned)


def _restarts_scale(tokens: list[Token], i: int, largest: float) -> bool:
    """After "3 hundred and": does a new number with a scale as large start ("2 hundred")?"""
    while i < len(tokens) and tokens[i].kind in ("card", "num"):
        i += 1
    return i < len(tokens) and tokens[i].kind == "scale" and tokens[i].value == largest


_PART_WORDS = frozenset({"half", "halves", "quarter", "quarters"})


def _is_denominator(token: Token) -> bool:
    return token.kind == "denom" or _ordinal_as_denominator(token)


def _fraction_ahead(tokens: list[Token], i: int) -> Token | None:
    """The denominator of a fraction starting at i ("two fifths", "a half"), with no "and" before it."""
    for token in tokens[i:i + 4]:
        if _is_denominator(token):
            return token
        if token.kind not in ("a", "card", "num"):
            return None
    return None


def _spelled_value(tokens: list[Token], ordinal: Token | None = None) -> float | None:
    """The value of words that make one cardinal (or, with `ordinal` last, one ordinal); None if they do not."""
    if not tokens and ordinal is not None:
        return ordinal.value
    if not tokens or tokens[0].kind != "card":
        return None
    builder = Builder()
    for n, token in enumerate(tokens):
        if token.kind == "and":
            following = tokens[n + 1] if n + 1 < len(tokens) else ordinal
            if builder.last != "scale" or following is None or following.kind == "and":
                return None
            continue
        if token.kind not in ("card", "scale") or not builder.accepts(token):
            return None
        builder.add(token)
    if ordinal is not None:
        step = Token(ordinal.start, ordinal.end, "ordinal", ordinal.value)
        if not builder.accepts(step):
            return None
        builder.add(step)
    return builder.value()


def _compound_fraction(text: str, tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A spoken fraction over a compound ordinal, split where the numerator first makes a whole number:
    "one twenty-fifth" is 1/25, "one hundred thirty fifths" 100/35, "one one hundred and fifth" 1/105."""
    k = i
    while k < len(tokens) and tokens[k].kind in ("card", "scale", "and"):
        k += 1
    if k >= len(tokens) or k - i < 2 or not _is_denominator(tokens[k]) or tokens[k].text in _PART_WORDS:
        return None
    plural = tokens[k].text.endswith("s")
    for j in range(i + 1, k):  # the denominator has words of its own: a simple "two fifths" reads as before
        if "-" in text[tokens[j - 1].end:tokens[j].start]:
            continue  # "ninety - five hundred fifths" is 9500/5: a hyphen binds the numerator's words
        numerator, denominator = _spelled_value(tokens[i:j]), _spelled_value(tokens[j:k], tokens[k])
        # a singular ordinal is a denominator only under one: "one twenty-fifth", not "one hundred fifth"
        if numerator is not None and denominator and (plural or numerator == 1):
            return numerator / denominator, k + 1
    return None


def _fraction_value(numerator: Builder, denom: Token) -> float:
    return (numerator.value() if not numerator.empty else 1.0) / denom.value


def _ordinal_as_denominator(token: Token) -> bool:
    return token.kind == "ordinal" and token.text in DENOMINATORS


_WORD_KINDS = frozenset({"card", "scale", "dozen", "denom"})
# Every word a number phrase may start with (lowercase), for callers that pick start offsets.
START_WORDS = frozenset({*CARDINALS, *SCALES, *DOZENS, *DENOMINATORS, *ORDINALS, "a", "an"})


def parse_phrase(text: str, start: int, end: int) -> list[Number]:
    """Splits one matched phrase into numbers and computes each value."""
    tokens = _tokens(text, start, end)
    numbers: list[Number] = []
    i = 0
    while i < len(tokens):
        builder = Builder()
        whole: float | None = None  # the "one" of "one and a half"
        whole_scale = 1.0
        first = i
        # leading "a"/"an" before a scale, dozen or fraction: "a hundred", "a dozen", "a half"
        if tokens[i].kind == "a":
            i += 1
            if i >= len(tokens):
                break
            lead_a = True
        else:
            lead_a = False
        if tokens[i].kind in ("and", "of", "point"):
            i += 1
            continue
        value: float | None = None
        fraction = ordinal = False
        compound = _compound_fraction(text, tokens, i) if not lead_a else None
        if compound is not None:
            value, i = compound
            numbers.append(Number(tokens[first].start, tokens[i - 1].end, value, fraction=True, spelled=True))
            continue
        while i < len(tokens):
            token = tokens[i]
            if token.kind == "point" and not builder.empty and builder.decimals is None and i + 1 < len(tokens) \
                    and tokens[i + 1].kind in ("card", "num"):
                builder.decimals = ""
                builder.tokens.append(token)
                builder.last = "point"
                i += 1
                continue
            if builder.ordinal and (token.kind == "denom" or _ordinal_as_denominator(token)):
                break  # "the first half": an ordinal part, not a fraction
            if token.kind in ("denom",) or (
                _ordinal_as_denominator(token) and (lead_a or (not builder.empty and builder.last in ("card", "num")
                                                                and not builder.accepts(token)))
            ) or (_ordinal_as_denominator(token) and token.text.endswith("s")):
                # a spoken fraction: "two thirds", "a quarter", "five eighths", "one twenty-fifth"
                if token.kind == "denom" and token.value == 2 and builder.empty and not lead_a and whole is None:
                    value = 0.5  # bare "half"
                elif lead_a and not builder.empty and token.text in SCALE_ORDINALS:
                    value = 1 / (builder.value() * token.value)  # "a hundred-thousandth": one part of the compound
                else:
                    value = _fraction_value(builder, token)
                fraction = True
                builder.tokens.append(token)
                builder.last = "denom"
                i += 1
                # "half a dozen", "three quarters billion", "half million", "two thirds of a million"
                j = i
                while j < len(tokens) and tokens[j].kind in ("a", "of"):
                    j += 1
                if j < len(tokens) and tokens[j].kind in ("dozen", "scale"):
                    value *= tokens[j].value
                    if whole is not None and whole_scale == 1.0:  # "five and a half million"
                        whole *= tokens[j].value
                    whole_scale = 1.0  # "one billion and three quarters million": the scale is stated
                    builder.tokens.append(tokens[j])
                    i = j + 1
                break
            if token.kind == "and":
                # "one hundred and six", "one and a half", "twenty and three fifths"; "the second and fourth
                # Tuesday" are two ordinals, an ordinal ends its number
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt is None or builder.ordinal:
                    break
                continues = builder.last == "scale" and nxt.kind in ("card", "num") and builder.decimals is None \
                    and not _restarts_scale(tokens, i + 1, builder.largest_scale)
                part = _fraction_ahead(tokens, i + 1)
                # "one hundred and thirty and two fifths" is 130 + 2/5, "one hundred and three quarters" 100 + 3/4,
                # but "one hundred and thirty fifths" is 130/5: after "hundred", only a half or quarter stands apart
                multiplier = builder.last == "scale" and builder.tokens[-1].value > 100
                if part is not None and whole is None and (not continues or multiplier or part.text in _PART_WORDS):
                    whole = builder.value()
                    # "3 million and a half" is 3.5 million: the fraction is of the last scale
                    whole_scale = builder.tokens[-1].value if multiplier else 1.0
                    builder = Builder()
                    i += 1
                    if i < len(tokens) and tokens[i].kind == "a":
                        lead_a = True
                        i += 1
                    continue
                if continues:
                    i += 1
                    continue
                break
            if token.kind in ("a", "of"):
                break
            # "$4 million one-time charge": a figure in digits is not finished in words without "and" (4,000,001)
            if token.kind == "card" and tokens[i - 1].kind == "scale" and any(t.kind == "num" for t in builder.tokens):
                break
            if not builder.accepts(token):
                break
            builder.add(token)
            i += 1
        if value is None:
            if builder.empty:
                i = max(i, first + 1)
                continue
            value = builder.value()
            fraction = builder.fraction
            ordinal = builder.ordinal
        if whole is not None:
            value = whole + value * whole_scale
        last_token = builder.tokens[-1] if builder.tokens else tokens[i - 1]
        spelled = any(t.kind in _WORD_KINDS or (t.kind == "ordinal" and t.text) for t in tokens[first:i])
        numbers.append(Number(tokens[first].start, last_token.end, value, ordinal, fraction, spelled))
        if i == first:
            i += 1
    return numbers


# A sign right before the number: "-4/5", "- 1 4/5", "minus five", "negative one" (not "10-4" or "a-1").
# A spaced hyphen is a dash in news copy ("the toll - 25 dead"), so it signs only at the very start.
# After a comparison symbol the hyphen is a sign too: "<-12".
_SIGN = re.compile(r"(?:(?:^|(?<=[\s(\[<>=≤≥]))-|^-\s|\b(?:minus|negative)\s+)$", re.IGNORECASE)
# "plus or minus 3 points": a margin either side, no negative number (bounds.py reads it as the qualifier)
_PLUS_OR = re.compile(r"\bplus\s+or\s+$", re.IGNORECASE)
# "300–800", "$5-$10", "5%-10%", "15~40": a range written without spaces is one token, so the number after its
# dash or tilde starts no token of its own; "1981–82" is a span of years, its "82" no number (find_numbers)
_PAIRED = re.compile(r"%?[-–—~][^\w\s]?(?=\d)")
_YEAR_SPAN = re.compile(r"(?<!\d)\d{4}[-–—]\d{2}(?!\d)")


def _matches(text: str, starts: Iterable[int] | None) -> Iterator[re.Match[str]]:
    if starts is None:
        yield from PHRASE.finditer(text)
        return
    # Anchored matches at the given offsets only: scanning every position of an article with the
    # phrase pattern costs more than the rest of the figure extractor together.
    reached = 0
    for start in starts:
        if start < reached:
            continue
        match = PHRASE.match(text, start)
        while match and match.end() > match.start():
            reached = match.end()
            yield match
            dash = _PAIRED.match(text, reached)
            match = PHRASE.match(text, dash.end()) if dash else None


def find_numbers(text: str, starts: Iterable[int] | None = None) -> list[Number]:
    """Every number phrase in text; `starts` (ascending offsets, e.g. of tokens that look like
    numbers) limits where a phrase may begin."""
    numbers: list[Number] = []
    years = range(0)  # after the first year of a span of years ("2010-11", "1990–91"): its second is no number
    for match in _matches(text, starts):
        if span := _YEAR_SPAN.match(text, match.start()):
            years = range(span.start() + 1, span.end())
        for number in parse_phrase(text, match.start(), match.end()):
            if number.start in years:
                continue
            sign = _SIGN.search(text, max(0, number.start - 10), number.start)
            if sign and not _PLUS_OR.search(text, max(0, sign.start() - 10), sign.start()):
                number = Number(sign.start(), number.end, -number.value, number.ordinal, number.fraction,
                                number.spelled)
            numbers.append(number)
    return numbers

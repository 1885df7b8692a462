"""English number words: cardinals, ordinals, fraction denominators and scale words.

Written for factextract from English grammar (the cardinal and ordinal series, the short and
Indian scales) and the abbreviations financial news uses for scales ("2.5bn", "10k", "$3mln").
"""

from __future__ import annotations

CARDINALS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

# Multipliers that close a group ("three hundred", "two million"); lakh and crore are the Indian scale.
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7,
    "billion": 1e9, "trillion": 1e12,
}

# Scale abbreviations glued to or just after a numeral ("2.5bn", "10k", "$75m", "10 bln", "US$ 1MM").
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thousand": 1e3,
    "m": 1e6, "M": 1e6, "mm": 1e6, "MM": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "G": 1e9,
    "t": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12, "trillion": 1e12,
}

# "a dozen", "three dozens", "dzs"
DOZENS = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "nineth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
    "billionth": 1_000_000_000, "trillionth": 1_000_000_000_000,
}

# Denominators of spoken fractions: "two thirds", "a quarter", "five eighths", "a hundredth".
# "second" never names a fraction in English ("half" does).
DENOMINATORS: dict[str, int] = {
    **{word: value for word, value in ORDINALS.items() if word not in {"first", "second"}},
    **{word + "s": value for word, value in ORDINALS.items() if word not in {"first", "second"}},
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4, "firsts": 1,
}

UNICODE_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}

NEGATIVE_WORDS = frozenset({"minus", "negative"})

# Denominators written with a slash in measures and shares ("1/2 cup", "3/4 inch", "1/16", "3/100");
# other slashed pairs are dates, scores or names ("9/11", "24/7", "5/17").
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})

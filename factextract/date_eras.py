"""Centuries and decades named without their full year: "the 20th century", "the nineteenth century", "the '80s",
"the nineties".

Values follow TIMEX3: a century is its first two digits ("the 20th century" is 19, the years 1900-1999), a decade
its first three ("the '80s" is 198).
"""

from __future__ import annotations

import re

from factextract.data.number_words import ORDINALS
from factextract.date_resolvers import Anchor, Resolved

# Ordinals up to the twenty-first: English dates name no later century.
SPELLED_ORDINALS = {word: value for word, value in ORDINALS.items() if value <= 20} | {
    f"twenty{joint}{word}": 20 + value for word, value in ORDINALS.items() if value < 10 for joint in ("-", " ")
}

# "the nineties": the decades a word names, by their tens digit
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
# "temperatures in the nineties", "highs in the eighties": a decade word in a sentence about heat is degrees
_TEMPERATURE_BEFORE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|heat)\b|°", re.IGNORECASE)


def century(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'the 20th century', 'nineteenth-century', 'the 21st century'."""
    written = m.group("cent").lower()
    number = int(written[:-2]) if written[:1].isdigit() else SPELLED_ORDINALS.get(written)
    if number is None or not 1 <= number <= 21:
        return None
    return Resolved("date", f"{number - 1:02d}", 0.85)


def decade(m: re.Match[str], at: Anchor) -> Resolved | None:
    """'the '80s', 'the mid-'90s', 'the nineties': the latest such decade begun by publication (the 1920s in a
    2016 story, not the 2020s); the 1900s without a publication date."""
    if m.group("tens_word"):
        if _TEMPERATURE_BEFORE.search(re.split(r"[.!?]\s", at.text[max(0, m.start() - 80):m.start()])[-1]):
            return None
        tens = DECADE_WORDS[m.group("tens_word").lower()]
    else:
        tens = int(m.group("tens"))
    latest = at.published.year if at.published is not None else 1999
    century_start = latest // 100 * 100
    if century_start + tens * 10 > latest:
        century_start -= 100
    if century_start < 0:  # the '80s read before the year 80: the calendar holds no such decade
        return Resolved("date", None, 0.8)
    return Resolved("date", str((century_start + tens * 10) // 10), 0.8)

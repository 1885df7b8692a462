"""Years, and centuries and decades named without their full year: "2010-2012", "the 20th century", "the
nineteenth century", "the '80s", "the nineties".

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
    # "highs in the nineties", "temperatures in the 80's": degrees, not a decade
    if (m.group("tens_word") or m.group("tens_apos")) and _TEMPERATURE_BEFORE.search(
            re.split(r"[.!?]\s", at.text[max(0, m.start() - 80):m.start()])[-1]):
        return None
    if m.group("tens_word"):
        tens = DECADE_WORDS[m.group("tens_word").lower()]
    else:
        tens = int(m.group("tens") or m.group("tens_apos"))
    latest = at.published.year if at.published is not None else 1999
    century_start = latest // 100 * 100
    if century_start + tens * 10 > latest:
        century_start -= 100
    if century_start < 0:  # the '80s read before the year 80: the calendar holds no such decade
        return Resolved("date", None, 0.8)
    return Resolved("date", str((century_start + tens * 10) // 10), 0.8)


# "2010-2012", "1981–82": a span of years, each side a later year than the one before the dash
_SPAN_AFTER = re.compile(r"[-–—](?P<next>\d{4}|\d{2})(?![\d–—-])")
# "pre-2010", "post-2008": a prefix written small before the year
_PREFIXED = re.compile(r"(?<![\w-])[a-z]+-$")
_SPAN_BEFORE = re.compile(r"(?<![\d–—-])(?P<prev>\d{4})[-–—]$")


def calendar_year(m: re.Match[str], at: Anchor) -> Resolved | None:
    year = m.group("year")
    text, start, end = m.string, m.start("year"), m.end()
    prefixed = _PREFIXED.search(text, max(0, start - 30), start) is not None
    if text[start - 1:start] in ("-", "–", "—") and m.start() == start and not prefixed:
        # "A320-2000", "2014-2010": after digits or a name, a year only as the second of a span of years
        before = _SPAN_BEFORE.search(text, max(0, start - 5), start)
        if before is None or int(before.group("prev")) >= int(year):
            return None
    if re.match(r"[-–—]\d", text[end:end + 2]):
        after = _SPAN_AFTER.match(text, end)
        if after is None or not _later(year, after.group("next")):
            return None  # "2012-3456": an order or a case number, no year
    if m.group("decade"):
        return Resolved("date", year[:3], 0.85)
    return Resolved("date", year, 0.9)


def _later(year: str, written: str) -> bool:
    """Whether written (four digits, or the last two of a year: "82" after "1981") is a year after year."""
    if len(written) == 2:  # "1999-00" is 1999 to 2000; a span of over ten years is written in full
        return 1 <= (int(written) - int(year) % 100) % 100 <= 10
    return int(year) < int(written) <= int(year) + 100

"""Multiples: "three times the rate", "twice as large", "double the size", "sales tripled".

A multiple compares one amount with another; a fact-checker checks it as a figure, a quantity in unit "times".
figures.py reads "N times" after a number (`TIMES_AFTER`); `word_multiples` finds those written as one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "three times the rate", "10 times larger", "1.65 times book value"; "called five times that day" counts occasions
_COMPARED = (r"(?:the|as|more|less|higher|lower|larger|greater|bigger|smaller|faster|that\s+of|what|book|its|their"
             r"|his|her|our|your)")
TIMES_AFTER = re.compile(rf"\s+(?P<times>times)\s+{_COMPARED}\b", re.IGNORECASE)
_FACTORS = {"twice": 2, "thrice": 3, "double": 2, "triple": 3, "treble": 3, "quadruple": 4,
            "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}
# "twice as large", "double the size"; "sales doubled", "costs quadrupled in a year" (not "doubled as", a role)
_WORD = re.compile(
    rf"\b(?P<word>(?:twice|thrice|double|triple|treble|quadruple)(?=\s+{_COMPARED}\b)"
    r"|(?:doubled|tripled|trebled|quadrupled)(?!\s+as\b))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Multiple:
    start: int
    end: int
    factor: float


def word_multiples(text: str) -> list[Multiple]:
    """Multiples written as one word, in text order."""
    return [Multiple(m.start(), m.end(), float(_FACTORS[m.group("word").lower()])) for m in _WORD.finditer(text)]

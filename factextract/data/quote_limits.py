"""How far the quote extractors look, and the confidence each way of finding a speaker earns.

Windows are in tokens unless named otherwise; they were set on the PolNeAR dev split (docs/ has the figures).
"""

from __future__ import annotations

# How far after a quote's closing mark, and before its opening mark, its attribution may be.
AFTER_WINDOW = 24
BEFORE_WINDOW = 40
# How much of an attribution, in characters, may stand between two halves of one quote
# ("said during a rally in ...,").
CONTINUATION_CHARS = 80
# Reported content of one word ("caution", "so") names a topic, not what was said.
MIN_REPORTED_WORDS = 2
# The longest reported clause in the PolNeAR dev gold has 171 words. A parse that chains hundreds of
# "X said that ..." clauses in one sentence would otherwise make every cue scan, and report, the rest
# of the sentence: quadratic time and output on one pathological sentence.
MAX_REPORTED_TOKENS = 250

# A quote's confidence by how its attribution was found; partial quotes have one of their own.
CONFIDENCE = {
    "verb": 0.9,
    "colon": 0.8,
    "dash": 0.8,
    "speaker_line": 0.7,
    "floating": 0.65,
    "partial": 0.75,
    "indirect": 0.6,
    "belief": 0.5,
}
DEFAULT_CONFIDENCE = 0.6
# Scaled down when no speaker was found, or when the one found (an unresolved "he") names nobody.
NO_SPEAKER_FACTOR = 0.7
UNNAMED_SPEAKER_FACTOR = 0.85
# A pronoun resolved to a name ranks below a name written at the cue: a client filtering on confidence
# keeps the named ones first (speaker accuracy per band is printed by `python -m devtools eval quotes`).
PRONOUN_SPEAKER_FACTOR = 0.9

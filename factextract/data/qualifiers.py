"""Qualifiers that bound or hedge a figure ("more than 1,100 people", "about $5 million").

Written for factextract from the approximators and comparative quantifiers of English news
style (AP usage of "more than"/"over", "about", "nearly", "at least", "up to").
Keys are matched case-insensitively right before the figure; values are the canonical form.
"""

from __future__ import annotations

QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "just over": "more than", "well over": "more than",
    "upwards of": "more than", "in excess of": "more than", "greater than": "more than",
    "larger than": "more than", "higher than": "more than", "above": "more than", "exceeding": "more than",
    "fewer than": "less than", "less than": "less than", "under": "less than", "just under": "less than",
    "below": "less than", "lower than": "less than",
    "at least": "at least", "no less than": "at least", "no fewer than": "at least", "a minimum of": "at least",
    "at most": "at most", "no more than": "at most", "a maximum of": "at most", "not more than": "at most",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as high as": "up to",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "approx.": "about", "about some": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just shy of": "nearly", "not quite": "nearly",
    "exactly": "exactly", "precisely": "exactly", "only": "only", "just": "only",
}

# Comparisons written as symbols before the figure ("<5%", "x>10", ">= 30"); matched right before it.
QUALIFIER_SYMBOLS: dict[str, str] = {
    ">": "more than", "<": "less than", ">=": "at least", "<=": "at most", "≥": "at least", "≤": "at most",
    "> =": "at least", "< =": "at most",
}

# Open bounds written after the figure ("40 or more people", "aged 65 and over", "500 or fewer").
QUALIFIERS_AFTER: dict[str, str] = {
    "or more": "at least", "and more": "at least", "or greater": "at least", "or higher": "at least",
    "or above": "at least", "and above": "at least", "or over": "at least", "and over": "at least",
    "or less": "at most", "or fewer": "at most", "or lower": "at most", "or below": "at most",
    "and under": "at most", "or under": "at most", "and below": "at most",
}

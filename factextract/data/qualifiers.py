"""Qualifiers that bound or hedge a figure ("more than 1,100 people", "about $5 million").

Written for factextract from the approximators and comparative quantifiers of English news
style (AP usage of "more than"/"over", "about", "nearly", "at least", "up to").
Keys are matched case-insensitively right before the figure; values are the canonical form.
"""

from __future__ import annotations

# Comparatives of English that take "or equal" ("greater than or equal to 12", "bigger or equal than 40",
# "equal to or less than 75"): the bound is included, so they read as "at least" and "at most".
_MORE = ("more", "greater", "larger", "bigger", "higher")
_LESS = ("less", "fewer", "smaller", "lower")
_INCLUSIVE_FORMS = (
    "{} than or equal to", "{} than or equal", "{} or equal to", "{} or equal than", "equal to or {} than",
    "equal or {} than",
)
_INCLUSIVE: dict[str, str] = {
    form.format(word): bound
    for words, bound in ((_MORE, "at least"), (_LESS, "at most"))
    for word in words
    for form in _INCLUSIVE_FORMS
}

# Verbs of exceeding ("sales exceeded $4 billion", "surpassed 1,200"): the figure is a lower bound.
EXCEED_VERBS = frozenset({
    "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing",
})

QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "just over": "more than", "well over": "more than",
    "upwards of": "more than", "in excess of": "more than", "greater than": "more than",
    "larger than": "more than", "bigger than": "more than", "higher than": "more than", "above": "more than",
    **dict.fromkeys(EXCEED_VERBS, "more than"),
    "fewer than": "less than", "less than": "less than", "under": "less than", "just under": "less than",
    "below": "less than", "lower than": "less than", "smaller than": "less than",
    "at least": "at least", "no less than": "at least", "no fewer than": "at least", "a minimum of": "at least",
    "at least or equal to": "at least", "the minimum": "at least",  # "the minimum $20 million"
    "at most": "at most", "no more than": "at most", "a maximum of": "at most", "not more than": "at most",
    "the maximum": "at most",
    "at most or equal to": "at most", "within": "at most",  # "within 30 days", "within a mile"
    **_INCLUSIVE,
    "up to": "up to", "up to an additional": "up to", "up to another": "up to",
    # "for as long as 18 years": a length bounded from above
    "as many as": "up to", "as long as": "up to", "as much as": "up to", "as high as": "up to",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "approx.": "about", "about some": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just shy of": "nearly", "not quite": "nearly",
    # "the debt is nearing $20 trillion", "unemployment approaches 9%"
    "nearing": "nearly", "approaching": "nearly", "approaches": "nearly", "approached": "nearly", "nears": "nearly",
    "neared": "nearly",
    # "spoke longer than 30 minutes", "waited longer than a year": a comparison of length
    "longer than": "more than", "shorter than": "less than",
    # "plus or minus 3 points": a margin of error, the figure on either side of an estimate
    "plus or minus": "plus or minus",
    "exactly": "exactly", "precisely": "exactly", "only": "only", "just": "only",
    # "a sum equal to 8% of output", "the bill equals 45": a comparison of equality, the figure itself
    "equal to": "exactly", "equals": "exactly", "equals to": "exactly", "equaling": "exactly",
    "equaling to": "exactly", "equalling": "exactly", "equalling to": "exactly", "equaled": "exactly",
    "equalled": "exactly",
}

# Hedges: they say how precise a figure is, not where it is bounded, so a bound written after the figure
# ("about 300 or more", "equal to 90 or less") says more than they do.
HEDGES = frozenset({"about", "nearly", "exactly", "only"})

# A negation before a strict comparison turns it around: "must not exceed 90 days" is at most 90,
# "not under 21" at least 21 ("n't", glued to its verb, is bounds.py's to match).
NEGATIONS = frozenset({"not", "never", "cannot"})
NEGATED: dict[str, str] = {"more than": "at most", "less than": "at least"}

# A strict comparison followed by "or equal (to)" includes its bound: "less than 80 or equal" is at most 80.
OR_EQUAL: dict[str, str] = {"more than": "at least", "less than": "at most"}

# Comparisons written as symbols before the figure ("<5%", "x>10", ">= 30"); matched right before it.
QUALIFIER_SYMBOLS: dict[str, str] = {
    ">": "more than", "<": "less than", ">=": "at least", "<=": "at most", "≥": "at least", "≤": "at most",
    "> =": "at least", "< =": "at most", "±": "plus or minus", "+/-": "plus or minus", "+/−": "plus or minus",
}

# Open bounds written after the figure ("40 or more people", "aged 65 and over", "500 or fewer").
QUALIFIERS_AFTER: dict[str, str] = {
    "or more": "at least", "and more": "at least", "or greater": "at least", "or higher": "at least",
    "or above": "at least", "and above": "at least", "or over": "at least", "and over": "at least",
    "or less": "at most", "or fewer": "at most", "or lower": "at most", "or below": "at most",
    "and under": "at most", "or under": "at most", "and below": "at most",
}

"""Words that mark a number as something other than a figure: a score or vote tally, a telephone number, an address,
an idiom or a term.

Written for factextract from English news usage: the verbs and nouns of contests and votes that a tally
("won 7-2", "a 5-4 decision", "split 3 to 2") stands beside, the nouns that introduce a telephone number, and the
preposition that introduces an address ("lives at 42 Elm"); idioms with "one", ordinals fixed into terms, the words a
number may be hyphened to, and the nouns a year sets a level for. Verbs and nouns are lemmas, as spaCy gives them.
"""

from __future__ import annotations

# "won 7-2", "lost 1-2", "voted 52 to 48", "the court split 3 to 2": a contest's or a vote's result follows these
TALLY_VERBS = frozenset({
    "win", "lose", "beat", "defeat", "edge", "rout", "thrash", "down", "top", "draw", "tie", "lead", "trail",
    "vote", "split", "pass", "approve", "reject", "confirm", "rule", "uphold", "overturn",
})
# "a 5-4 decision", "a 4 to 1 majority", "a 6-1 vote": nouns a tally qualifies
TALLY_NOUNS = frozenset({
    "vote", "decision", "ruling", "verdict", "majority", "margin", "win", "victory", "loss", "defeat", "lead",
    "draw", "tie", "score", "scoreline", "record", "split", "advantage", "deficit", "rout", "triumph", "ratio",
    "tally",
})
# "Her mobile number is 612 448 907", "Tel: 020 7946 0000": nouns that introduce a telephone number
# "a 911 call", "dialed 999": emergency numbers, and the nouns and verbs that name them as numbers to call
EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "000"})
EMERGENCY_NOUNS = frozenset({"call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator",
                             "operators", "system", "center", "centre", "line", "service", "services", "recording",
                             "tape", "tapes"})
TELEPHONE_WORDS = ("tel", "phone", "telephone", "fax", "mobile", "cell", "cellphone", "landline", "hotline")
# "lives at 42 Elm", "the party at 350 Fifth": the preposition of an address
ADDRESS_PREPOSITIONS = frozenset({"at"})
# "at one point", "one by one", "first and foremost": idioms in which a number counts nothing (written as spelled here)
NUMBER_IDIOMS = (
    "at one point", "at one time", "one after another", "one after the other", "one by one", "one another",
    "by one estimate", "by one count", "by one measure", "by one account", "for one thing", "one hell of",
    "first and foremost", "in the first place", "one among", "for naught", "first of its kind",
)
# "one reason turnout fell", "one example is...": "one" before a noun of argument is the article "a", unless a
# bound makes it a count ("only one reason")
DISCOURSE_NOUNS = frozenset({"reason", "example", "thing", "way", "sign", "factor", "explanation", "instance",
                             "possibility", "hint", "indication", "question", "feature", "aspect", "lesson", "concern",
                             "problem", "issue"})
# "the first lady", "first aid", "second nature", "a third party": an ordinal fixed with the noun after it into a
# title or a term
ORDINAL_TERMS = {
    "first": frozenset({"lady", "ladies", "gentleman", "responder", "responders", "aid", "lieutenant", "sergeant",
                        "cousin", "cousins", "rate", "refusal"}),
    "second": frozenset({"lady", "gentleman", "nature", "thoughts", "lieutenant", "cousin", "cousins", "fiddle",
                         "rate"}),
    "third": frozenset({"party", "parties", "world", "rate"}),
}
# "top-five", "under-five", "over-fifties": words a number may be hyphened to and still count; the decade words
# only before a plural ("mid-forties", "high-fifties", not "high-five")
COUNT_PREFIXES = frozenset({"top", "under", "over", "bottom"})
DECADE_PREFIXES = frozenset({"mid", "low", "high", "upper", "early", "late"})
# "fell to 1990 levels", "in 2010 prices": a year before these nouns names the level of that year, not a count
YEAR_STATE_NOUNS = frozenset({"levels", "prices", "rates", "figures", "values"})
# "a hundred percent committed", "100 percent convinced": participles of conviction that "100 percent" intensifies,
# as it does an adjective ("100 percent sure"); "100 percent owned", "100 percent funded" tell a share (lemmas)
INTENSIFIED_PARTICIPLES = frozenset({"commit", "convince", "dedicate", "devote", "persuade", "satisfy", "focus",
                                     "determine", "invest", "engage"})
# "the 13th amendment", "the 9th circuit", "the 5th district": nouns of numbered articles of law and jurisdictions,
# whose ordinal names one of them whatever the case it is written in
NUMBERED_INSTITUTIONS = frozenset({"amendment", "amendments", "circuit", "district", "precinct", "ward"})

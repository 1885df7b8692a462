"""Word lists behind check-worthiness features and claim kinds.

Where they come from: the cue categories fact-checkers use to triage claims (Full Fact's claim
types: quantity, correlation/causation, prediction, rules/laws, personal experience; the
ClaimBuster papers' feature analysis of which words mark check-worthy debate sentences), filled
in with common English reporting verbs and hedges. Lowercase lemmas unless noted.
"""

from __future__ import annotations

# Reporting verbs: a sentence built on one attributes its content to someone.
SPEECH_VERBS = frozenset(
    [
        "say", "tell", "state", "claim", "report", "announce", "add", "insist", "warn", "argue", "assert", "note",
        "acknowledge", "admit", "deny", "confirm", "suggest", "explain", "testify", "allege", "maintain", "declare",
        "estimate", "predict", "reveal", "write"
    ]
)

# Hedges and opinion markers: they mark a view rather than a checkable statement.
HEDGES = frozenset(
    [
        "think", "believe", "feel", "guess", "hope", "wish", "suppose", "seem", "appear", "perhaps", "maybe",
        "probably", "possibly", "might", "could", "likely", "opinion"
    ]
)

# Causal connectives and verbs (Full Fact's "correlation or causation" claims).
CAUSAL_WORDS = frozenset(
    [
        "because", "cause", "lead", "result", "due", "therefore", "consequently", "thanks", "blame", "trigger", "spark",
        "fuel", "drive", "contribute", "responsible", "effect"
    ]
)

# Rules, laws and official decisions (Full Fact's "rules" claims).
LEGAL_WORDS = frozenset(
    [
        "law", "legal", "illegal", "bill", "act", "statute", "regulation", "rule", "ruling", "court", "constitution",
        "constitutional", "vote", "veto", "resolution", "treaty", "sanction", "embargo", "ban", "authorize",
        "legislation", "amendment", "judge", "sentence", "convict", "sue", "lawsuit", "unlawful", "legislate", "ratify"
    ]
)

# Verbs of change in amount: with a number or comparison they make a statistical claim.
CHANGE_VERBS = frozenset(
    [
        "increase", "decrease", "rise", "fall", "grow", "drop", "double", "triple", "halve", "cut", "raise", "lower",
        "reduce", "gain", "lose", "climb", "decline", "jump", "soar", "plunge", "shrink", "expand"
    ]
)

# Modal lemmas and words that put a statement in the future.
FUTURE_WORDS = frozenset(
    [
        "will", "shall", "going", "forecast", "predict", "expect", "project", "tomorrow", "future", "next"
    ]
)

FIRST_PERSON_SINGULAR = frozenset(["i", "me", "my", "mine", "myself"])

FIRST_PERSON_PLURAL = frozenset(["we", "us", "our", "ours", "ourselves"])

SECOND_PERSON = frozenset(["you", "your", "yours", "yourself", "yourselves"])

NEGATIONS = frozenset(["not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"])

# Sentence openers that mark an exchange rather than a statement in debate transcripts.
DISCOURSE_OPENERS = frozenset(["well", "thank", "thanks", "yes", "no", "oh", "okay", "ok", "look", "listen"])

# Claim kinds (claims.py) need unambiguous markers: "lead" or "drive" alone are rarely causal.
CAUSAL_MARKERS = frozenset(["because", "cause", "therefore", "consequently", "blame", "trigger"])
CAUSAL_PHRASES = (
    "lead to", "leads to", "led to", "leading to", "result in", "results in", "resulted in", "due to",
    "thanks to", "because of", "responsible for", "as a result", "contributed to", "contributes to",
)  # fmt: skip
PREDICTION_VERBS = frozenset(["predict", "forecast", "expect", "project", "anticipate", "foresee"])
FUTURE_MODALS = frozenset(["will", "'ll", "shall", "wo"])  # "wo" is how spaCy splits "won't"

# Kinds only (claims.py), after Full Fact's claim types. More causal phrasings: "driven by", "enables".
CAUSAL_PHRASES_MORE = (
    "driven by", "caused by", "enable", "enables", "enabled", "effective in", "because", "so that",
)  # fmt: skip
# "Current laws or rules of operation": what the rules are, not a court's record of deciding (that is "other").
RULE_WORDS = frozenset(
    [
        "law", "legal", "illegal", "unlawful", "statute", "regulation", "rule", "constitution", "unconstitutional",
        "require", "requirement", "eligible", "eligibility", "ban", "prohibit", "mandate", "mandatory", "permit",
        "legislation", "loophole", "exempt", "entitle", "expire", "off-limits"
    ]
)
# Quantity words without a number: "rare", "the majority", a lead "eroding" (Full Fact: quantity in the past
# or present covers amounts, rates and changes stated in words).
QUANTITY_WORDS = frozenset(
    [
        "rare", "common", "majority", "minority", "half", "quarter", "average", "rate", "percent", "percentage",
        "exceed", "erode", "surpass", "outnumber", "widen", "narrow", "tie", "record", "trillion", "billion", "million"
    ]
)
# Comparatives of amount; "more" or "most" before an adjective compares a quality ("more serious"), not an amount.
AMOUNT_COMPARATIVES = frozenset(
    [
        "more", "less", "few", "many", "much", "most", "least", "high", "low", "large", "small", "big", "great",
        "fast", "slow", "cheap", "expensive", "rich", "poor", "long", "short", "old", "young", "bad", "good"
    ]
)
# A first person with these verbs gives a view ("I think"), not an experience.
OPINION_VERBS = frozenset(["think", "believe", "feel", "guess", "hope", "want", "know", "say", "mean", "suppose"])
# Future in reported speech: "said he would", "is likely to".
REPORTED_FUTURE = frozenset(["would"])

"""What the quote stages read off the parse and the words alike: reporting verbs, clause ends, titles."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factextract.data.cues import DIRECTIVE_VERBS, OBJECT_VERBS, SPEECH_VERBS, THOUGHT_VERBS

REPORTING = SPEECH_VERBS | THOUGHT_VERBS
# A quoted fragment inside the object of these verbs is the subject's words: "likened the new tax to a
# “slow poison”", "exhorted delegates to “follow your heart”".
QUOTING = REPORTING | OBJECT_VERBS | DIRECTIVE_VERBS
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SENTENCE_END = frozenset({".", "?", "!"})
# Title case leaves short prepositions and conjunctions in lower case: "Bargain with the River".
TITLE_LOWERCASE = frozenset({"with", "from", "into", "onto", "over", "upon", "than"})


def is_reporting(token: Token, words: frozenset[str] = SPEECH_VERBS) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    # "As Ms. Ortiz put it, “…”": putting it is saying it; "put" alone is too common to be a cue.
    return lemma in words or (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children))


def clause_end(clause: Token) -> Token:
    """The last token of a reported clause, stopping before a coordinated report of its own
    ("… would create X and denied that …")."""
    for child in clause.rights:
        # A conjunct with a subject of its own ("… would raise fares but that it would add …") is more
        # of the reported clause, whatever its verb.
        own_subject = any(c.dep_ in SUBJECTS for c in child.children)
        if child.dep_ == "conj" and is_reporting(child, REPORTING) and not own_subject:
            ends = [t for t in clause.subtree if t.i < child.i and not (t.dep_ == "cc" and t.head.i == clause.i)]
            return ends[-1] if ends else clause
    return clause.right_edge


def content_words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def looks_like_title(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() or len(w) <= 3 or w in TITLE_LOWERCASE for w in words)


def without_edge_punctuation(doc: Doc, first: int, last: int, keep_last: str = "") -> tuple[int, int]:
    """The token range first..last without punctuation and whitespace at its ends; a last token found in
    keep_last stays."""
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in keep_last:
        last -= 1
    return first, last

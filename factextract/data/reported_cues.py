"""Cues of reported speech without quote marks, beyond the verb lists of factextract.data.cues.

Written for factextract from the attribution cue types of the PARC/PolNeAR annotation guidelines (verbs of
communication, of evaluation and of intention, whose object or infinitive is what the source said, thinks or
wants); a verb is listed only when its object is, in news prose, more often a statement than a thing
(docs/quotes-accuracy.md has the figures). Lemmas, as spaCy's English lemmatizer gives them.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of communication whose object is the message or its topic: "discussed his plan", "offered no details",
# "detailed the charges", "expressed reservations", "unleashed a stream of posts", "outlined a plan", "the film
# examines …", "linked the attack to …". Left out: "raise" (money), "disclose", "publish" and "release"
# (documents), "address" (an audience), "share" and "send", whose objects are more often things.
MESSAGE_VERBS = _words(
    """
    discuss report detail indicate declare invoke reference express offer stress emphasize lament echo repeat voice
    unleash outline pitch examine link
    """
)
# Verbs of public evaluation whose object is the target of what was said: "attacked the referee", "accused the
# audience of …", "downplayed the threat". Left out: "support" and "back" (votes and money as often as words).
CRITICISM_VERBS = _words("attack accuse ignore downplay")
# Verbs of wish and decision whose infinitive is the stated aim: "wants to double the size of the fleet",
# "would like to see", "the panel voted to hold him in contempt", "decided to appeal".
WISH_VERBS = _words("want seek like vote decide")
# Verbs of regard report a view only with what the object is taken for: "sees the program as an easy way
# in", "viewed the rebels as heroes"; "saw him" and "considered the bill" report nothing.
REGARD_VERBS = _words("see view regard consider deem perceive")
# Adjectives of stance after a copula, whose complement is the subject's position: "was critical of the mayor",
# "is determined to win", "are afraid that …", "was bearish on bank shares".
STANCE_ADJECTIVES = _words(
    """
    critical supportive skeptical sceptical wary confident optimistic pessimistic hopeful doubtful certain sure
    unsure convinced concerned worried afraid fearful anxious nervous eager keen willing unwilling reluctant ready
    determined adamant insistent opposed proud ashamed angry furious upset frustrated disappointed pleased happy
    glad grateful sorry aware vocal outspoken frank candid vague silent passionate enthusiastic bullish bearish
    """
)
# Verb and preposition pairs, beyond factextract.data.cues.PREPOSITION_CUES, whose object is what was said,
# asked or held: "asked her about the budget", "agreed with the host", "accused the umpire of bias".
# Left out: "vote for" (a ballot more often than a stated position).
STANCE_PREPOSITION_CUES = frozenset(
    {
        ("ask", "about"), ("agree", "with"), ("agree", "on"), ("disagree", "with"), ("believe", "in"),
        ("plead", "for"), ("know", "about"), ("respond", "with"), ("respond", "to"), ("apologize", "for"),
        ("apologise", "for"), ("accuse", "of"), ("criticize", "for"), ("criticise", "for"), ("decide", "against"),
    }
)
# Labels a newsroom sets before a line of its own ("Correction: A date in this story …"): not a speaker's name.
EDITORIAL_LABELS = frozenset(
    {"correction", "corrections", "clarification", "update", "updated", "editor's note", "editor’s note", "note",
     "disclosure", "related", "the latest", "latest", "read more", "watch", "listen", "see also", "advertisement"}
)
# Things that display figures and so can "show" or "indicate" them, beside the documents of
# factextract.data.people: "the polling average shows …", "another slide shows that …".
FIGURE_DISPLAYS = _words("average slide chart graph table map tally index forecast figures numbers statistics results")
# Nouns of belief and conclusion whose that-clause is a reported position, beside the statement nouns of
# factextract.data.cues: "the recognition that the town's roads …", "her conclusion that …".
BELIEF_NOUNS = _words(
    "concern recognition acknowledgment acknowledgement conclusion doubt message proof admission finding suspicion"
)
# Bodies that speak as one and kin, beside the group and role nouns of factextract.data.people: "the fund
# warned that …", "local news media claimed …", "my cousins and I understood …".
SPEAKING_BODIES = _words(
    """
    fund institute foundation center centre coalition alliance association federation caucus media press league
    chamber society sibling brother sister cousin aunt uncle grandmother grandfather grandparent
    """
)
# Verbs of imagining whose clause, with or without "that", is a view held: "I can't fathom how she passed
# the exam", "no one envisioned what the storm would do". Left out: "mean", whose subject is mostly a fact ("that
# means …"), not someone.
IMAGINING_VERBS = _words("envision envisage imagine fathom")

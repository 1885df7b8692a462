"""Reported attitudes that no verb carries: a stance adjective's complement ("was critical of the mayor", "is
determined to win", "were afraid that …")."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.quotes.grammar import REPORTING
from factextract.quotes.reported import ReportedSpeech

# Prepositions whose object is what a stance adjective is about: "critical of", "worried about", "bearish on".
TOPIC_PREPOSITIONS = frozenset({"of", "about", "on", "over", "with", "toward", "towards", "against"})


def within_report(token: Token) -> bool:
    """Whether token is inside what a reporting verb reports: "he said he wasn't worried about X" is one
    report, of which the stance is part."""
    return any(a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in REPORTING for a in token.ancestors)


def stance_adjective(reports: ReportedSpeech, adjective: Token) -> None:
    """"Senator Ruiz has been critical of the mayor": the adjective's complement is the subject's stance. The
    subject is the copula's, so "a critical report" (no copula) and "the report was critical" (no complement)
    report nothing."""
    copula = adjective.head
    if adjective.dep_ != "acomp" or copula.pos_ not in ("AUX", "VERB") or within_report(copula):
        return
    for child in adjective.rights:
        if child.dep_ in ("xcomp", "ccomp"):
            reports.add(copula, child.left_edge.i, child.right_edge.i, phrase=child.dep_ == "xcomp", cue=adjective)
            return
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                reports.add(copula, objects[0].left_edge.i, objects[0].right_edge.i, phrase=True, cue=adjective)
            return


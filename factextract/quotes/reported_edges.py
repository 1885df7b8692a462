"""Where reported content stops: the modifiers after it that are the writer's, not the speaker's."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from factextract.data.cues import ATTRIBUTION_DASHES, OBJECT_VERBS
from factextract.quotes.grammar import REPORTING, SENTENCE_END, SUBJECTS, clause_end

# Modifiers set off by a comma after a reported noun phrase or instruction that add the writer's aside:
# "likened the Gazette to the Herald, which receives …", "critics cite NATO, the existing alliance …".
PHRASE_ASIDES = frozenset({"relcl", "appos", "advcl", "acl"})
# A dash after a reported noun phrase opens the writer's aside: "endorsed the plan -- which the council drafted …";
# the dashes of prose are those a dash attribution uses.
ASIDE_DASHES = ATTRIBUTION_DASHES
# Conjunctions of an adverbial clause that sets the writer's contrast against a reported clause:
# "claimed that X was fair, although she again declined …".
CONCESSIVE = frozenset({"although", "though", "whereas"})
# How a time of the saying before the reported clause is attached: "told them this weekend he would …".
OCCASION_PARTS = frozenset({"npadvmod", "det", "amod", "compound"})


def without_asides(doc: Doc, first: int, last: int, phrase: bool) -> int:
    """The last token of content first..last once a comma-set-off modifier running to its end is cut; a
    reported clause (phrase False) loses only a concession or a further report ("…, citing X")."""
    for token in doc[first + 1:last + 1]:
        if phrase and token.text in ASIDE_DASHES:
            return token.i - 1
        start = token.left_edge.i
        if start > first + 1 and doc[start - 1].text == "," and token.right_edge.i >= last and (
            (phrase and token.dep_ in PHRASE_ASIDES) or _writers_clause(token)
        ):
            return start - 2
    return last


def _writers_clause(token: Token) -> bool:
    if token.dep_ != "advcl":
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in token.children):
        return True
    lemma = token.lemma_.lower()
    return token.tag_ == "VBG" and (lemma in REPORTING or lemma in OBJECT_VERBS)


def clause_last(verb: Token, clause: Token) -> int:
    """The last token of the clause verb reports. "Politifact pointed out that A, so B." and "He notes that A:
    B" are often parsed with the attribution as a complement of B; the report then runs on to B's end."""
    last = clause_end(clause).i
    head = verb.head
    if clause.i > verb.i and verb.dep_ == "ccomp" and head.i > last and head.sent == verb.sent:
        sentence_end = head.right_edge.i
        semicolon = next((t.i for t in head.doc[last + 1:sentence_end] if t.text == ";"), None)
        return semicolon - 1 if semicolon is not None else sentence_end
    return last


def infinitive_last(verb: Token, infinitive: Token) -> int:
    """The last token of the intention verb states. "agreed to share a car and split …" and "planned
    to renovate the mill, then sell …" are parsed with the second infinitive on the cue (or its head);
    a bare verb there with no subject of its own can only continue the infinitive."""
    last = infinitive.right_edge.i
    heads = [verb, verb.head] if verb.dep_ in ("advcl", "xcomp", "conj") else [verb]
    for head in heads:
        for conj in head.rights:
            if conj.i <= last or conj.dep_ not in ("conj", "dep") or any(c.dep_ in SUBJECTS for c in conj.children):
                continue
            bare = conj.tag_ == "VB" or (conj.tag_ == "VBP" and head.tag_ != "VBP")
            if bare and _joined(last, conj, ("cc", "punct", "advmod")):
                last = conj.right_edge.i
    return last


def object_last(verb: Token, last: int) -> int:
    """The last token of what verb's object reports, given its last token so far. "emphasizing school
    safety, and a need to hire more nurses" is parsed with the second noun on a verb above the cue;
    a verb is not coordinated with a noun, so the noun is a second object."""
    for head in [verb, *list(verb.ancestors)[:3]]:
        for conj in head.rights:
            noun = conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN")
            if conj.i > last and noun and _joined(last, conj, ("cc", "punct", "preconj")):
                last = conj.right_edge.i
    return last


def _joined(last: int, conj: Token, between: tuple[str, ...]) -> bool:
    """Whether only conjunctions and commas of the kinds between stand from token last to conj's phrase."""
    gap = conj.doc[last + 1:conj.left_edge.i]
    return all(t.dep_ in between and t.text not in SENTENCE_END for t in gap)


def without_occasion(doc: Doc, first: int, last: int) -> int:
    """The first token of reported content once a leading time of the saying is cut: "told supporters this
    week she would call it a mistake" reports what follows the time."""
    i = first
    while i <= last and doc[i].ent_type_ in ("DATE", "TIME") and doc[i].dep_ in OCCASION_PARTS:
        i += 1
    if i > first and i <= last and doc[i].dep_ in SUBJECTS:
        return i
    return first


# A quotation closed just after the content, its comma or stop inside the marks as news style puts it.
_CLOSE_AFTER = re.compile(r"[,.;:!?]?[”\"]")


def closing_mark_end(text: str, start: int, end: int) -> int:
    """'called the deal “a betrayal” and “a disgrace,”': the parser leaves the comma and the closing mark out of
    the clause; content that opens a quotation it does not close runs on to the closing mark."""
    content = text[start:end]
    unclosed = content.count("“") > content.count("”") or content.count('"') % 2 == 1
    found = _CLOSE_AFTER.match(text, end) if unclosed else None
    return found.end() if found else end

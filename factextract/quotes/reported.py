"""Reported speech without quote marks: the clausal complement of a reporting verb, the stated intention or
position of a verb of stance, an instruction to an addressee, and what a preposition cue introduces."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER
from spacy.tokens import Doc, Token

from factextract.columns import among
from factextract.data.cues import (
    DIRECTIVE_VERBS,
    INTENT_VERBS,
    NAMING_VERBS,
    OBJECT_VERBS,
    PREPOSITION_CUES,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
)
from factextract.data.quote_limits import MAX_REPORTED_TOKENS, MIN_REPORTED_WORDS
from factextract.data.reported_cues import (
    BELIEF_NOUNS,
    CRITICISM_VERBS,
    IMAGINING_VERBS,
    MESSAGE_VERBS,
    REGARD_VERBS,
    STANCE_ADJECTIVES,
    STANCE_PREPOSITION_CUES,
    WISH_VERBS,
)
from factextract.quotes.agents import THING_LABELS, can_speak
from factextract.quotes.context import lead, stands_alone
from factextract.quotes.draft import Attribution, DraftQuote
from factextract.quotes.grammar import (
    REPORTING,
    SENTENCE_END,
    clause_end,
    content_words,
    without_edge_punctuation,
)
from factextract.quotes.reported_edges import (
    clause_last,
    closing_mark_end,
    infinitive_last,
    object_last,
    without_asides,
    without_occasion,
)
from factextract.quotes.speakers import Speakers

# Closing marks that end reported content ("… its ‘significant’ subsidiaries”) and stay in it.
CLOSING_MARKS = "”\"’"
# Cues whose subject may be a document or finding: "the report said", "a study found", "polls show", "the ad
# mentions …", "the report questions whether …": what a text can assert, not what only a person does.
DOCUMENT_CUES = frozenset(
    {
        "say", "show", "find", "suggest", "conclude", "reveal", "indicate", "state", "note", "mention", "reference",
        "question", "document", "detail", "describe", "highlight", "claim", "argue", "warn", "predict", "estimate",
        "project", "recommend",
    }
)
# A semicolon joins two statements; the second is a report of its own ("… was not planned; they only heard …").
CLAUSE_STOPS = SENTENCE_END | {";"}
# Inflected cues that spaCy's English lemmatizer gives a wrong lemma ("hoped" -> "hop").
LEMMA_SLIPS = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}
# Adverbs that stand for a whole reported clause: "he does not think so", "she said otherwise".
PRO_ADVERBS = frozenset({"so", "otherwise"})
# Verbs whose clause needs no "that" to be reported: saying, thinking, and imagining ("could not fathom why …").
CLAUSE_VERBS = REPORTING | IMAGINING_VERBS
# What an object or an infinitive can report, here: the shared lists and this stage's own.
STANCE_OBJECT_VERBS = OBJECT_VERBS | MESSAGE_VERBS | CRITICISM_VERBS | REGARD_VERBS
CALLING_VERBS = NAMING_VERBS | REGARD_VERBS
AIM_VERBS = INTENT_VERBS | WISH_VERBS
TOPIC_CUES = PREPOSITION_CUES | STANCE_PREPOSITION_CUES
CLAUSE_NOUNS = STATEMENT_NOUNS | BELIEF_NOUNS
CUE_WORDS = (
    REPORTING | AIM_VERBS | STANCE_OBJECT_VERBS | STANCE_ADJECTIVES | CLAUSE_NOUNS
    | {verb for verb, _ in TOPIC_CUES}
)


class ReportedSpeech:
    """Collects indirect drafts; reported_forms.py adds the forms that are not a verb's complement."""

    def __init__(self, speakers: Speakers) -> None:
        self.speakers = speakers
        self.view = speakers.view
        self.doc = speakers.doc
        self.text = speakers.text
        self.drafts: list[DraftQuote] = []

    def verb(self, token: Token) -> bool:
        """Adds what token, a verb, reports; False when it reports nothing of the kinds below."""
        lemma = cue_lemma(token)
        found = False
        for clause in token.children:
            # Any verb's that-clause states a position ("hopes that", "means that"); a
            # reporting verb's clause needs no "that".
            # A copula's clause ("the fact is that …", "the problem is that …") is nobody's report.
            marked = lemma in CLAUSE_VERBS or (lemma != "be" and any(c.dep_ == "mark" for c in clause.children))
            if clause.dep_ == "ccomp" and marked and self.reported_clause(token, clause):
                found = True
                self.add(token, clause.left_edge.i, clause_last(token, clause))
        if lemma in SPEECH_VERBS:
            clause = _complement_parsed_as_relative(token)
            if clause is not None:
                found = True
                self.add(token, clause.left_edge.i, clause_end(clause).i)
        return found

    def stance(self, token: Token) -> None:
        """An instruction to an addressee, an intention, what an object is called, what a preposition cue says."""
        lemma = cue_lemma(token)
        addressee = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
        if lemma in DIRECTIVE_VERBS and addressee is not None:
            instruction = next((c for c in token.children if c.dep_ == "xcomp" and c.i > addressee.i), None)
            if instruction is not None:
                # "urged the union to resume talks": the addressee and the instruction, once; urge is
                # also a verb of intention and of object, and those readings would report the same words.
                self.add(token, addressee.left_edge.i, instruction.right_edge.i, phrase=True)
                return
        said = _pro_form(token) if lemma in REPORTING else None
        if said is not None:
            self.add(token, said[0], said[1], phrase=True)
            return
        for child in token.children:
            if child.dep_ == "xcomp" and lemma in AIM_VERBS and child.i > token.i:
                self.add(token, child.left_edge.i, infinitive_last(token, child), phrase=True)
            elif child.dep_ == "dobj" and lemma in STANCE_OBJECT_VERBS:
                # "described the vote as reckless": the object and what it is called
                called = [c.right_edge.i for c in token.rights if c.dep_ in ("oprd", "xcomp") or c.lower_ == "as"]
                called += [c.right_edge.i for c in child.rights if c.lower_ == "as" and c.dep_ == "prep"]
                if lemma in CALLING_VERBS and not called:
                    continue  # "called a meeting", "called Ana Ortiz": no name given
                last = max([child.right_edge.i, *called, *_trailing(token, child)])
                self.add(token, child.left_edge.i, object_last(token, last), phrase=True)
            elif child.dep_ == "prep" and (lemma, child.lower_) in TOPIC_CUES:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    last = max([objects[0].right_edge.i, *_trailing(token, child)])
                    self.add(token, objects[0].left_edge.i, object_last(token, last), phrase=True)

    def candidates(self) -> list[int]:
        """Tokens that can cue reported speech, found from the token arrays."""
        if not len(self.doc):
            return []
        strings = self.doc.vocab.strings
        rows = self.doc.to_array([LOWER, LEMMA, DEP, HEAD])
        hits = among(rows[:, 1], CUE_WORDS, strings) | among(rows[:, 0], LEMMA_SLIPS.keys(), strings)
        hits |= rows[:, 0] == numpy.uint64(strings["according"])
        # The head of every clausal complement: any verb with a that-clause may report one.
        clauses = numpy.flatnonzero(rows[:, 2] == numpy.uint64(strings["ccomp"]))
        heads = clauses + rows[clauses, 3].astype(numpy.int64)  # HEAD is an offset stored unsigned
        return sorted(set(numpy.flatnonzero(hits).tolist()) | set(heads.tolist()))

    def reported_clause(self, verb: Token, clause: Token) -> bool:
        """A complement before its verb is reported only in the "CLAUSE, X said" order, and one
        that is a direct quote was handled with the quote."""
        if clause.i < verb.i:
            between = self.text[clause.right_edge.idx:verb.idx]
            if "," not in between or ":" in between:
                return False
            # “…,” he said: a direct quote closing between the clause and the verb is what the
            # verb reports, not the clause around it.
            i = bisect.bisect_left(self.view.quote_opens, clause.left_edge.idx)
            for quote in self.view.quoted[i:i + 3]:
                if quote.close_mark < verb.idx and stands_alone(self.view, quote, lead(self.view, quote)):
                    return False
        holder = self.view.in_quote(clause.idx)
        first, last = clause.left_edge, clause.right_edge
        return holder is None or not (holder.open_mark <= first.idx and last.idx <= holder.close_mark + 1)

    def own_sentence(self, cue: int, first: int, last: int) -> tuple[int, int]:
        """Keeps reported content within the cue's sentence and paragraph: the parser sometimes
        hangs earlier sentences on a verb ("… couldn't.\n\nLenox was a juggernaut, he said")."""
        doc = self.doc
        first, last = max(first, cue - MAX_REPORTED_TOKENS), min(last, cue + MAX_REPORTED_TOKENS)
        for i in range(cue - 1, first - 1, -1):
            if doc[i].text in CLAUSE_STOPS or "\n" in doc[i].text_with_ws:
                first = i + 1
                break
        for i in range(cue + 1, last + 1):
            if doc[i].text in CLAUSE_STOPS or "\n" in doc[i].text:
                last = i - 1
                break
        return first, last

    def add(
        self,
        verb: Token | None,
        first: int,
        last: int,
        attribution: Attribution | None = None,
        phrase: bool = False,
        cue: Token | None = None,
    ) -> None:
        """Adds tokens first..last as what verb (or the given attribution) reports, if they say something.

        Args:
            verb: the verb whose subject is the source; None when attribution is given.
            first, last: the content's first and last token.
            attribution: the source and cue when they were found otherwise.
            phrase: whether the content is a noun phrase or an infinitive rather than a clause.
            cue: the word named as the cue when it is not the verb ("was critical of").
        """
        doc = self.doc
        if verb is not None:
            first, last = self.own_sentence(verb.i, first, last)
        last = without_asides(doc, first, last, phrase)
        first = without_occasion(doc, first, last)
        first, last = without_edge_punctuation(doc, first, last, keep_last=CLOSING_MARKS)
        first, last = _whole_words(doc, first, last)
        if last < first or (content_words(doc[first:last + 1].text) < MIN_REPORTED_WORDS and not (
            phrase and first == last and _mention(doc[first])
        )):
            return
        if attribution is None and verb is not None:
            subject = self.speakers.subject(verb) or _participle_owner(verb)
            lemma = cue_lemma(verb)
            if subject is None or first <= subject.i <= last:
                return  # reported speech is someone's: a bare "calling for …" names nobody
            if not can_speak(subject, self.speakers.entities, documents=lemma in DOCUMENT_CUES):
                return  # "the fact is that …", "the air campaign warned …": nobody reports
            speaker = self.speakers.speaker(subject)
            how = "indirect" if lemma in SPEECH_VERBS else "belief"
            cue = cue or verb
            attribution = Attribution(speaker, self.speakers.cue(cue, lemma=cue_lemma(cue)), cue.idx + len(cue), how)
        if attribution is None:
            return
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        end = closing_mark_end(self.speakers.text, start, end)
        self.drafts.append(DraftQuote("indirect", ((start, end),), attribution))


# Modifiers after a cue's object that belong to what was said: "faulted the mayor for his work defending …",
# "cited the remarks as examples of …", "complained about the noise the morning after".
TRAILING = frozenset({"prep", "npadvmod", "oprd", "xcomp", "dative"})
SETTING = frozenset({"in", "at", "since", "until", "while", "when", "throughout", "amid"})


def _trailing(verb: Token, after: Token) -> list[int]:
    """Right edges of the verb's modifiers after the token after, up to a comma or a coordinated clause."""
    edges = []
    for child in verb.rights:
        if child.i <= after.i:
            continue
        if child.dep_ in ("punct", "cc", "conj", "parataxis", "ccomp"):
            break
        if (child.dep_ in TRAILING and child.lower_ not in SETTING) or _participle(child):
            edges.append(child.right_edge.i)
    return edges


def _mention(token: Token) -> bool:
    """A one-word object that is still what was said: a name, a personal or relative pronoun ("endorsed Ruiz",
    "defended it", "fees, which the board detailed"), not a date the parser took for an object ("called
    Friday") nor a number ("endorsed one")."""
    named = token.pos_ == "PROPN" or token.tag_ in ("PRP", "WDT", "WP") or token.lower_ in PRO_ADVERBS
    return named and token.ent_type_ not in THING_LABELS


def _participle(token: Token) -> bool:
    return token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in token.children)


def cue_lemma(token: Token) -> str:
    """The token's lemma, mended where spaCy's English lemmatizer slips on a cue ("hopes" -> "hop")."""
    return LEMMA_SLIPS.get(token.lower_) or token.lemma_.lower()


def _pro_form(verb: Token) -> tuple[int, int] | None:
    """"said as much", "does not think so", "said the same of the mayor": a pro-form after a verb of saying or
    thinking stands for what was said, and PolNeAR-style attribution reports it."""
    for child in verb.rights:
        if child.dep_ == "advmod" and child.lower_ in PRO_ADVERBS:
            return child.i, child.i
        if child.dep_ == "advmod" and child.lower_ == "much" and any(c.lower_ == "as" for c in child.lefts):
            return child.left_edge.i, child.i
        if child.dep_ == "dobj" and "same" in (child.lower_, *(c.lower_ for c in child.children if c.dep_ == "amod")):
            return child.left_edge.i, child.right_edge.i
    return None


def _participle_owner(verb: Token) -> Token | None:
    """"a statement announcing the merger", "protesters saying that …": a participle after a noun reports
    what that noun says."""
    lemma = verb.lemma_.lower()
    saying = lemma in SPEECH_VERBS or lemma in STANCE_OBJECT_VERBS  # "anyone wanting to …" reports nothing
    if saying and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def _complement_parsed_as_relative(verb: Token) -> Token | None:
    """"told a meeting of farmers that few people knew …": the parser often hangs the that-clause
    on the object as a relative clause. A relative clause has no "that" marker (its "that" is a subject
    or object), so a marked one is the verb's complement."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    for noun in objects:
        for token in noun.subtree:
            if token.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
                return token
    return None


def _whole_words(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Widens tokens first..last to whole hyphenated words: the parser may split "re-nominate" into three
    tokens and hang them on different clauses ("declined to re-nominate" must not end at "re")."""
    def joined(i: int) -> bool:  # token i is a hyphen written against both neighbours
        return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    while first >= 2 and joined(first - 1):
        first -= 2
    while last + 2 < len(doc) and joined(last + 1):
        last += 2
    return first, last

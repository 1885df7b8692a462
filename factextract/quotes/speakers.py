"""Who speaks: the subject of a cue, the speaker's mention as written, and what the EntityIndex resolves it to."""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.people import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, ROLE_NOUNS, SPOKESPERSON_NOUNS
from factextract.doc_view import DocView
from factextract.entities import EntityIndex
from factextract.models import Cue, Entity, Speaker
from factextract.quotes.draft import Attribution
from factextract.quotes.grammar import REPORTING, SUBJECTS, is_reporting

# Left dependents that belong to a speaker's noun phrase: "the foreign ministry spokesman".
NP_LEFT = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "predet", "case"})
# A verb without a subject of its own shares that of the verb it hangs from ("was quoted as
# saying", "said X and added Y", "adding that").
SUBJECT_CARRIERS = frozenset({"xcomp", "advcl", "pcomp", "prep", "conj", "acl"})


class Speakers:
    """Speaker and cue records for one article."""

    def __init__(self, view: DocView, entities: EntityIndex) -> None:
        self.view = view
        self.doc = view.doc
        self.text = view.text
        self.entities = entities

    def cue(self, first: Token, last: Token | None = None, lemma: str | None = None) -> Cue:
        last = last or first
        start, end = first.idx, last.idx + len(last)
        return Cue(text=self.text[start:end], start=start, end=end, lemma=lemma or first.lemma_.lower())

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject, or that of the verb it hangs from when it has none."""
        found = self._subject(verb)
        if found is not None and "\n" in self.text[min(found.idx, verb.idx):max(found.idx, verb.idx)]:
            # The parser joins a headline to the first sentence; the subject is then taken from
            # the headline. The first noun of the verb's own paragraph is the better guess.
            start = self.text.rfind("\n", 0, verb.idx) + 1
            own = self.doc[self.view.token_index(start):verb.i]
            found = next((t for t in own if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        return found

    def _subject(self, verb: Token) -> Token | None:
        for _ in range(4):
            # "made public ― Ruiz boasted": the parser may take a dash for a second subject; a word wins.
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
            named = [c for c in subjects if any(ch.isalnum() for ch in c.text)]
            if subjects:
                return (named or subjects)[0]
            for child in verb.children:
                if child.dep_ == "agent":  # "was told by officials"
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            if verb.dep_ not in SUBJECT_CARRIERS or verb.head.i == verb.i:
                return None
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and is_reporting(verb, REPORTING):
                head = head.head  # "said the merger would … and denied …": denied shares said's subject
            verb = head
        return None

    def speaker(self, head: Token) -> Speaker:
        """The mention as written (the name, or the noun phrase) and what it resolves to."""
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head  # "a senator who said": the senator
        mention = self.entities.mention_at(head.idx, head.idx + len(head))
        if mention is not None:
            start, end = mention.start, mention.end
        else:
            start = head.i
            for child in head.lefts:
                if child.dep_ in NP_LEFT:
                    start = child.left_edge.i
                    break
            while start < head.i and (self.doc[start].is_punct or self.doc[start].is_space):
                start += 1
            start, end = self.doc[start].idx, head.idx + len(head)
        partners = _conjuncts(head)
        if partners:
            # "Ruiz and Ortiz refuse to say": a joint subject speaks as the group it names, never as its first
            # member, so the speaker is the whole coordination as written.
            last = partners[-1]
            tail = self.entities.mention_at(last.idx, last.idx + len(last))
            end = max(end, tail.end if tail is not None else last.idx + len(last))
            text = self.text[start:end]
            return Speaker(text=text, start=start, end=end, name=text, role=None, entity_id=None)
        return self.speaker_span(start, end, head)

    def speaker_span(self, start: int, end: int, head: Token | None = None) -> Speaker:
        # The head decides: "Ruiz's former strategist" is the strategist, not Ruiz.
        entity = self.entities.entity_at(*((head.idx, head.idx + len(head)) if head else (start, end)))
        text = self.text[start:end]
        role: str | None = None
        if entity is None and head is not None and head.lemma_.lower() in SPOKESPERSON_NOUNS:
            entity = self._body_spoken_for(head)
            role = head.text.lower() if entity is not None else None
        if entity is None and head is not None and head.lemma_.lower() in ROLE_NOUNS and head.pos_ != "PROPN":
            entity = self._by_role(head)
        if entity is not None:
            name: str | None = entity.name
        elif head is not None and head.lower_ in PERSONAL_PRONOUNS:
            name = None  # an unresolved "he" names nobody
        else:
            name = text
        return Speaker(
            text=text,
            start=start,
            end=end,
            name=name,
            role=role or (entity.role if entity is not None else None),
            entity_id=entity.id if entity is not None else None,
        )

    def named_span(self, first: Token, head: Token) -> Speaker:
        """The speaker named by the words first..head, stretched to the whole mention the index has there."""
        mention = self.entities.mention_at(first.idx, head.idx + len(head))
        start, end = (mention.start, mention.end) if mention else (first.idx, head.idx + len(head))
        return self.speaker_span(start, end, head)

    def according(self, according: Token, to: Token) -> Attribution:
        """"according to X": X's words."""
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in according.children if c.dep_ == "pobj"
        ]
        speaker = self.speaker(objects[0]) if objects else None
        cue = self.cue(according, to, lemma="according to")
        return Attribution(speaker, cue, speaker.end if speaker else cue.end, "verb")

    def _body_spoken_for(self, head: Token) -> Entity | None:
        """"a spokesman for Google", "a Google spokeswoman": an unnamed spokesperson speaks as the body."""
        bodies = [c for c in head.children if c.dep_ in ("compound", "nmod", "poss")]
        bodies += [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
                   for o in c.children if o.dep_ == "pobj"]
        for body in bodies:
            entity = self.entities.entity_at(body.idx, body.idx + len(body))
            if entity is not None and entity.type in ("organization", "place"):
                return entity
        return None

    def _by_role(self, head: Token) -> Entity | None:
        """A bare role ("Mayor: ..." in a headline) names the person the article gives that role; a plural
        ("the ministers") is a group, never one of them."""
        if head.tag_ in ("NNS", "NNPS"):
            return None
        lemma = head.lemma_.lower()
        matches = [e for e in self.entities.entities if e.role and lemma in e.role.lower().split()]
        return matches[0] if len(matches) == 1 else None


def _conjuncts(head: Token) -> list[Token]:
    """The nouns coordinated with head by "and" ("Ruiz and Ortiz", "the mayor and the governor")."""
    if head.pos_ not in ("PROPN", "NOUN") or not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return []
    found, token = [], head
    while True:
        nxt = next((c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)
        if nxt is None:
            return found
        found.append(nxt)
        token = nxt

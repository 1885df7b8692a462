"""Entities: people, organizations and places with all their mentions, resolved across the article.

Names come from spaCy's NER. A later short form joins the full name it is part of ("Lukashevich"
-> "Alexander Lukashevich"); a role given beside a name ("foreign ministry spokesman Alexander
Lukashevich", "Tom Reyes, a county engineer") lets a later "the spokesman" join that person; and
"he"/"she" outside quotes join the most salient earlier person of a compatible gender: the
subject of the nearest earlier sentence that has one ("Senator Price met Governor Lane. ... she
said" is Price).
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from factextract.columns import among
from factextract.data.people import (
    COMMON_FEMALE_NAMES,
    COMMON_MALE_NAMES,
    FEMALE_NAMES,
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    MALE_NAMES,
    MALE_NOUNS,
    MALE_PRONOUNS,
    MALE_TITLES,
    ROLE_NOUNS,
    TITLES,
)
from factextract.doc_view import DocView
from factextract.models import Entity, Mention

ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
# Courtesy titles say something about gender but are not a role worth reporting.
COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Left modifiers that belong to a role written before a name: "foreign ministry spokesman".
ROLE_MODIFIERS = frozenset({"compound", "amod", "nmod"})
# Tags a surname NER missed may carry: "Pike then turned to wages" has "Pike" as an interjection.
NAME_TAGS = frozenset({"PROPN", "INTJ", "X"})
# How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 4

CONFIDENCE = {"name": 0.9, "descriptor": 0.7, "pronoun": 0.6}


@dataclass
class _Cluster:
    type: str
    name: str
    words: frozenset[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    gender: str | None = None
    kind: str = "name"


@dataclass
class EntityIndex:
    """The article's entities and a lookup from a character span to the entity mentioned there."""

    entities: list[Entity] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _spans: list[tuple[int, int, int]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        spans = sorted((m.start, m.end, n) for n, e in enumerate(self.entities) for m in e.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end); the longest such mention wins."""
        best: tuple[int, int] | None = None
        i = bisect.bisect_left(self._starts, end)
        # Mentions are short; looking back a few is enough to find any that overlaps.
        for s, e, n in reversed(self._spans[max(0, i - 8):i]):
            if s < end and start < e and (best is None or e - s > best[0]):
                best = (e - s, n)
        return self.entities[best[1]] if best else None

    def entities_within(self, start: int, end: int) -> list[Entity]:
        """The entities with a mention inside [start, end), in the order of the article's entity list."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._starts, end)
        return [self.entities[n] for n in sorted({n for _, e, n in self._spans[lo:hi] if e <= end})]

    def mention_at(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_left(self._starts, end)
        for s, e, n in reversed(self._spans[max(0, i - 8):i]):
            if s < end and start < e:
                return next(m for m in self.entities[n].mentions if m.start == s and m.end == e)
        return None


def _words(text: str) -> frozenset[str]:
    """Lowercase name words; hyphenated parts count alone so "Assad" joins "Bashar al-Assad"."""
    parts = text.replace("-", " ").split()
    return frozenset(w.strip(".,").lower() for w in parts if w.strip(".,"))


def _name_part(span: Span) -> Span:
    """The name without leading titles and determiners or a trailing possessive: "Mayor Ana Ortiz's"
    -> "Ana Ortiz"."""
    start, end = span.start, span.end
    while start < end - 1 and (span.doc[start].lower_ in TITLES or span.doc[start].dep_ == "det"):
        start += 1
    while end > start + 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end]


def _role_before(name: Span, entity: Span) -> str | None:
    """The role written before a name: titles inside the entity and the compound chain left of
    it ("foreign ministry spokesman Alexander Lukashevich"), without courtesy titles."""
    doc = name.doc
    first = name.start
    while first > entity.start and doc[first - 1].dep_ != "det":
        first -= 1
    while first > 0:
        token = doc[first - 1]
        if token.dep_ not in ROLE_MODIFIERS or not first <= token.head.i < name.end or token.ent_type_:
            break
        first -= 1
    words = [t for t in doc[first:name.start] if t.lower_ not in COURTESY]
    return doc[words[0].i:name.start].text if words else None


def _role_after(name: Span) -> str | None:
    """The role given in apposition: "Tom Reyes, a county engineer" -> "county engineer"."""
    for child in name.root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            mods = [t for t in child.lefts if t.dep_ in ROLE_MODIFIERS]
            start = mods[0].i if mods else child.i
            return name.doc[start:child.i + 1].text
    head = name.root.head
    if name.root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in ROLE_NOUNS:
        mods = [t for t in head.lefts if t.dep_ in ROLE_MODIFIERS]
        return name.doc[(mods[0].i if mods else head.i):head.i + 1].text
    return None


def _name_gender(name: Span) -> str | None:
    """The gender a person's given name says: the first word of a name of two words or more, in lower-case
    ASCII letters as the name lists hold it ("Siobhán O'Neill" -> "siobhan"), or else its part before a
    hyphen ("Mary-Beth"). A one-word name is a surname ("Senator Price met Governor Lane") unless it is one
    of the frequent given names ("Kevin said")."""
    words = name.text.split()
    decomposed = unicodedata.normalize("NFKD", words[0].lower().replace("\u2019", "'"))
    first = "".join(c for c in decomposed if not unicodedata.combining(c))
    male, female = (MALE_NAMES, FEMALE_NAMES) if len(words) > 1 else (COMMON_MALE_NAMES, COMMON_FEMALE_NAMES)
    for given in (first, first.partition("-")[0]):
        if given in male or given in female:
            return "m" if given in male else "f"
    return None


def _gender(name: Span, role: str | None) -> str | None:
    before = name.doc[name.start - 1].lower_ if name.start > 0 else ""
    role_words = set((role or "").lower().split())
    # A courtesy title or a gendered role says more than the usual gender of a given name ("Ms. Jordan Lee").
    if before in MALE_TITLES or role_words & MALE_TITLES:
        return "m"
    if before in FEMALE_TITLES or role_words & FEMALE_TITLES:
        return "f"
    return _name_gender(name)


class _Resolver:
    """One pass over the Doc that builds the clusters in text order."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        self.doc = view.doc
        self.clusters: list[_Cluster] = []
        # Person mentions outside quotes, in order: (token index, sentence index, cluster, subject?)
        self.salience: list[tuple[int, int, int, bool]] = []
        # Unnamed people as subjects ("A ministry spokeswoman said …"): (token index, sentence, gender or None)
        self.unnamed: list[tuple[int, int, str | None]] = []

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.view.sentence_tokens, i) - 1

    def add_name(self, ent: Span, kind: str) -> int | None:
        name = _name_part(ent)
        if not any(t.is_alpha for t in name):
            return None
        words = _words(name.text)
        n = self._match(kind, words)
        if n is None:
            self.clusters.append(_Cluster(kind, name.text, words))
            n = len(self.clusters) - 1
        cluster = self.clusters[n]
        kind = cluster.type  # a surname NER took for a place or an organization stays a person
        if kind == "person" and len(words) > len(cluster.words):
            cluster.name, cluster.words = name.text, words
        cluster.mentions.append((name.start_char, name.end_char))
        if kind == "person":
            role = _role_before(name, ent) or _role_after(name)
            cluster.role = cluster.role or role
            cluster.gender = cluster.gender or _gender(name, role)
            # A name used as a modifier ("the Assad regime") is not what a later "he" points at.
            if name.root.dep_ not in ROLE_MODIFIERS and self.view.in_quote(name.start_char) is None:
                root = name.root
                self.salience.append((root.i, self.sentence_of(root.i), n, root.dep_ in SUBJECTS))
        return n

    def _match(self, kind: str, words: frozenset[str]) -> int | None:
        """The most recently mentioned cluster this name is part of (or that is part of it). A bare surname two
        people share ("Ortiz" after "Ana Ortiz" and "Luis Ortiz") is the one the article mentions most: news copy
        names the other by first name to tell them apart."""
        best: tuple[int, int, int] | None = None
        for n, cluster in enumerate(self.clusters):
            same_kind = cluster.type == kind or (cluster.type == "person" and len(words) == 1)
            if same_kind and (words <= cluster.words or (kind == "person" and cluster.words <= words)):
                last = cluster.mentions[-1][0] if cluster.mentions else -1
                weight = len(cluster.mentions) if len(words) == 1 and cluster.type == "person" else 0
                if best is None or (weight, last) > best[:2]:
                    best = (weight, last, n)
        return best[2] if best else None

    def add_descriptor(self, token: Token) -> None:
        """"the spokesman" joins the latest person introduced with that role word; "the ministers" is a
        group, never one of its members."""
        if token.tag_ in ("NNS", "NNPS"):
            return
        lemma = token.lemma_.lower()
        for _, _, n, _ in reversed(self.salience):
            role = self.clusters[n].role
            if role and lemma in role.lower().split():
                start = token.i
                while start > 0 and self.doc[start - 1].dep_ in (*ROLE_MODIFIERS, "det") and (
                    self.doc[start - 1].head.i == token.i
                ):
                    start -= 1
                span = self.doc[start:token.i + 1]
                self.clusters[n].mentions.append((span.start_char, span.end_char))
                self.salience.append((token.i, self.sentence_of(token.i), n, token.dep_ in SUBJECTS))
                return
        self.add_unnamed(token)

    def add_surname(self, token: Token) -> None:
        """A surname NER did not tag ("Pike then turned to wages") still mentions the person named before."""
        n = self._match("person", frozenset({token.lower_}))
        if n is None or self.clusters[n].type != "person" or token.dep_ in ROLE_MODIFIERS:
            return
        self.clusters[n].mentions.append((token.idx, token.idx + len(token)))
        if self.view.in_quote(token.idx) is None:
            self.salience.append((token.i, self.sentence_of(token.i), n, token.dep_ in SUBJECTS))

    def add_unnamed(self, token: Token) -> None:
        """A person the article describes without naming, as a subject: a later "she" may be them."""
        if token.dep_ in SUBJECTS and token.tag_ not in ("NNS", "NNPS"):
            lemma = token.lemma_.lower()
            gender = "f" if lemma in FEMALE_NOUNS else "m" if lemma in MALE_NOUNS else None
            self.unnamed.append((token.i, self.sentence_of(token.i), gender))

    def add_pronoun(self, token: Token) -> None:
        gender = "m" if token.lower_ in MALE_PRONOUNS else "f"
        here = self.sentence_of(token.i)
        chosen: tuple[int, int, int, bool] | None = None
        for entry in reversed(self.salience):
            i, sentence, n, subject = entry
            if i >= token.i:
                continue
            if here - sentence > PRONOUN_WINDOW or (chosen and sentence < chosen[1]):
                break
            if self.clusters[n].gender not in (None, gender):
                continue
            # Within the nearest sentence, a subject beats an object, then the latest wins.
            if chosen is None or (subject and not chosen[3]):
                chosen = entry
        # An unnamed person of a compatible gender, as subject after the chosen name, is who is meant
        # ("Police charged Mr. Bradley … The victim's girlfriend was at home. … she said").
        after = chosen[0] if chosen else -1
        if any(after < i < token.i and here - sentence <= 1 and g in (None, gender) for i, sentence, g in self.unnamed):
            return
        if chosen is None:
            return
        n = chosen[2]
        cluster = self.clusters[n]
        cluster.gender = cluster.gender or gender
        cluster.mentions.append((token.idx, token.idx + len(token)))
        self.salience.append((token.i, here, n, token.dep_ in SUBJECTS))


def resolve_entities(view: DocView) -> EntityIndex:
    """The article's people, organizations and places, each with every mention that refers to it."""
    doc = view.doc
    resolver = _Resolver(view)
    events: list[tuple[int, Span | None]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            events.append((ent.start, ent))
            covered.update(range(ent.start, ent.end))
    # Only pronouns and role nouns can join an entity besides names: find them from the token
    # arrays instead of visiting every token.
    events += [(i, None) for i in _candidates(doc) if i not in covered]
    events.sort(key=lambda event: event[0])
    for i, ent in events:
        if ent is not None:
            kind = ENTITY_TYPES[ent.label_]
            if not (ent.label_ == "NORP" and ent.root.pos_ == "ADJ"):  # "Russian state media"
                resolver.add_name(ent, kind)
            continue
        token = doc[i]
        if view.in_quote(token.idx) is not None:
            continue
        if token.pos_ in NAME_TAGS and token.is_title:
            resolver.add_surname(token)
        elif token.lower_ in MALE_PRONOUNS or token.lower_ in FEMALE_PRONOUNS:
            resolver.add_pronoun(token)
        elif token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            resolver.add_descriptor(token)
        elif token.pos_ == "NOUN":
            resolver.add_unnamed(token)
    return EntityIndex(_entities(resolver.clusters, view.text))


def _candidates(doc: Doc) -> list[int]:
    if not len(doc):
        return []
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA])
    pronouns = among(rows[:, 0], MALE_PRONOUNS | FEMALE_PRONOUNS, strings)
    roles = among(rows, ROLE_NOUNS, strings).any(axis=1)  # the lowercase form or the lemma
    # Capitalised words NER left untagged (the tagger may even call a surname an interjection).
    names = numpy.array([t.is_title and not t.ent_type_ and t.pos_ in NAME_TAGS for t in doc], dtype=bool)
    hits = pronouns | roles | names
    return numpy.flatnonzero(hits).tolist()


def _entities(clusters: list[_Cluster], text: str) -> list[Entity]:
    entities = []
    for cluster in sorted(clusters, key=lambda c: c.mentions[0][0]):
        mentions = sorted(set(cluster.mentions))
        entities.append(
            Entity(
                id=f"e{len(entities) + 1}",
                name=cluster.name,
                type=cluster.type,  # type: ignore[arg-type]
                role=cluster.role,
                mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in mentions],
                confidence=CONFIDENCE["name"],
            )
        )
    return entities

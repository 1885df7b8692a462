"""Who can be a source: a person, a group of people or a body that speaks as one, and not a thing.

Reported speech needs a source of that kind ("the air campaign warned that …" and "the fact is that …"
report nothing); a document is a source only of what it shows or says ("a 2014 study found that …").
"""

from __future__ import annotations

from spacy.tokens import Token

from factextract.data.people import DOCUMENT_NOUNS, GROUP_NOUNS, PERSON_PRONOUNS, RELATIVE_PRONOUNS, ROLE_NOUNS
from factextract.data.reported_cues import FIGURE_DISPLAYS, SPEAKING_BODIES
from factextract.entities import EntityIndex

# Entity types that can speak: a country's name stands for its government ("Portugal said").
SPEAKING_TYPES = frozenset({"person", "organization", "place"})
# NER labels of things that never speak: dates, figures, works, products, events, laws.
THING_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART", "PRODUCT",
     "EVENT", "LAW", "LANGUAGE"}
)
# Words for a part of a group, whose "of" phrase names who speaks.
PART_WORDS = frozenset(
    {"number", "majority", "minority", "plurality", "dozen", "dozens", "hundreds", "thousands", "most", "many",
     "some", "all", "half", "none", "one", "few", "several", "both", "each", "rest", "group", "handful"}
)
# A share of people as a subject: "31 percent indicated that …", "55 percent of those surveyed".
SHARE_WORDS = frozenset({"percent", "%", "per", "cent"})
# Relative pronouns that only refer to people.
PERSON_RELATIVES = frozenset({"who", "whom"})
# "it said" is an organization or a document speaking, never a person.
THING_PRONOUNS = frozenset({"it", "this"})


def can_speak(head: Token, entities: EntityIndex, documents: bool = False) -> bool:
    """Whether the noun phrase headed by head can be a source: a named person, organization or place, a
    pronoun for people (or "it" for a body), a role or group noun, a name NER missed, and with documents
    a document or finding.

    Args:
        head: the head token of the subject.
        entities: the article's entities.
        documents: whether a document ("the report", "a poll") may be the source here.
    """
    if head.lower_ in PERSON_RELATIVES and head.head.dep_ == "relcl":
        return True  # "a contractor who said …": "who" names a person whatever the noun
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        head = head.head.head  # "a senator who said": the senator
    if head.lemma_.lower() in PART_WORDS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whole is not None:
            head = whole  # "a number of other parents echo …", "most of the senators": the parents, the senators
    if head.lower_ in SHARE_WORDS and head.ent_type_ == "PERCENT":
        return True  # "Another 27 percent said …": a share of those polled
    if head.ent_type_ in THING_LABELS:
        return False
    entity = entities.entity_at(head.idx, head.idx + len(head))
    if entity is not None:
        return entity.type in SPEAKING_TYPES
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in THING_PRONOUNS:
        return lower in PERSON_PRONOUNS or lower in THING_PRONOUNS or lemma in GROUP_NOUNS
    if head.pos_ == "PROPN":
        return True
    if lemma == "campaign":
        # "the Ruiz campaign said", "her campaign said" are organizations; "the air campaign warned" is not.
        return any(c.dep_ in ("compound", "poss") and c.pos_ in ("PROPN", "PRON") for c in head.lefts)
    if documents and (lemma in DOCUMENT_NOUNS or lower in DOCUMENT_NOUNS or lemma in FIGURE_DISPLAYS):
        return True
    return lemma in ROLE_NOUNS or lemma in GROUP_NOUNS or lower in GROUP_NOUNS or lemma in SPEAKING_BODIES

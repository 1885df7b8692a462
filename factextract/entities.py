"""Entities: people, organizations and places with all their mentions, resolved across the article."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from factextract.models import Entity


@dataclass
class EntityIndex:
    """The article's entities and a lookup from a character span to the entity mentioned there."""

    entities: list[Entity] = field(default_factory=list)

    def entity_at(self, start: int, end: int) -> Entity | None:
        for entity in self.entities:
            if any(m.start < end and start < m.end for m in entity.mentions):
                return entity
        return None


def resolve_entities(doc: Doc) -> EntityIndex:
    return EntityIndex()

"""Claims: the check-worthy statements, scored, typed and linked to quotes, figures and entities."""

from __future__ import annotations

from spacy.tokens import Doc

from factextract.entities import EntityIndex
from factextract.models import Claim, Figure, Quote


def find_claims(doc: Doc, quotes: list[Quote], figures: list[Figure], entities: EntityIndex) -> list[Claim]:
    return []

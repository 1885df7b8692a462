"""Quotes: direct, partial and indirect, with their speakers and cues."""

from __future__ import annotations

from spacy.tokens import Doc

from factextract.entities import EntityIndex
from factextract.models import Quote


def find_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    return []

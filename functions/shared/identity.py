"""What makes two posts of an article the same stored result, for the API and the batch path alike.

An article is identified by the caller's id, else by what determines its extraction (factextract.pipeline.
article_id: text, publication date, quote convention). Its content hash covers what the extractor reads and
leaves out what it only copies through (title, url, source): a repost that changes only those updates them
on the stored extraction instead of extracting again (issue #21).
"""

from __future__ import annotations

import hashlib

from factextract.models import Article, Extraction

METADATA = ("title", "url", "source")


def content_hash(article: Article) -> str:
    """What decides the extraction besides the extractor version: a caller-given id with new text re-extracts."""
    return hashlib.sha256(article.model_dump_json(exclude={"id", *METADATA}).encode()).hexdigest()


def with_metadata(extraction: Extraction, article: Article) -> Extraction | None:
    """The stored extraction carrying the article's title, url and source, or None when they already match."""
    changes = {name: getattr(article, name) for name in METADATA if getattr(article, name) != getattr(extraction, name)}
    return extraction.model_copy(update=changes) if changes else None

"""What each route does, free of HTTP and Lambda events: validate limits, call the engine and the store.

Each function takes the ArticleStore to use; routes pass none and get the configured DynamoDB one.
"""

from __future__ import annotations

import threading

from factextract.errors import TextTooLong
from factextract.models import Article, Extraction
from factextract.pipeline import article_id, default_extractor, extract
from shared.config import settings
from shared.errors import NotFound
from shared.identity import content_hash, with_metadata
from shared.models import Health, JobRecord, QuotePage
from shared.store import ArticleStore, JobStore, default_articles, default_jobs

# spaCy does not promise that one Language object may run on two threads at once. Lambda gives each
# execution environment one request at a time, so this lock is never contended there; the local
# threaded server relies on it so concurrent POSTs extract one after another while reads run freely.
_EXTRACTION_LOCK = threading.Lock()


def create_extraction(
    article: Article, store: ArticleStore | None = None, caller: str | None = None
) -> tuple[Extraction, bool]:
    """The article's extraction and whether it was made now (True) or already stored (False). A repost of a
    stored article that changes only its title, url or source updates them without extracting again.

    caller is the request's API key id: it becomes a new article's owner, and a repost that would change an
    article another key owns is Forbidden (an identical repost only reads, so it is answered)."""
    limit = settings().max_text_chars
    if len(article.text) > limit:
        raise TextTooLong(f"text has {len(article.text):,} characters; the API limit is {limit:,}", field="text")
    store = store or default_articles()
    key, version, digest = article_id(article), default_extractor().version, content_hash(article)
    stored = store.get(key) if store.exists(key, version, digest) else None
    if stored is not None:
        return _reposted(stored, article, digest, store, caller), False
    with _EXTRACTION_LOCK:
        # A request for the same article may have stored it while this one waited for the lock.
        stored = store.get(key) if store.exists(key, version, digest) else None
        if stored is not None:
            return _reposted(stored, article, digest, store, caller), False
        extraction = extract(article)
    store.put(extraction, content_hash=digest, caller=caller)
    return extraction, True


def _reposted(stored: Extraction, article: Article, digest: str, store: ArticleStore, caller: str | None) -> Extraction:
    updated = with_metadata(stored, article)
    if updated is None:
        return stored
    store.put(updated, content_hash=digest, caller=caller)
    return updated


def get_extraction(key: str, store: ArticleStore | None = None) -> Extraction:
    extraction = (store or default_articles()).get(key)
    if extraction is None:
        raise NotFound(f"no extraction with id {key!r}")
    return extraction


def delete_extraction(key: str, store: ArticleStore | None = None, caller: str | None = None) -> None:
    """Forbidden when the article was stored with an API key other than caller's."""
    if not (store or default_articles()).delete(key, caller=caller):
        raise NotFound(f"no extraction with id {key!r}")


def speaker_quotes(speaker: str, limit: int, cursor: str | None, store: ArticleStore | None = None) -> QuotePage:
    items, next_cursor = (store or default_articles()).quotes_by_speaker(speaker, limit, cursor)
    return QuotePage(speaker=" ".join(speaker.split()), items=items, next_cursor=next_cursor)


def job(job_id: str, store: JobStore | None = None) -> JobRecord:
    record = (store or default_jobs()).get_job(job_id, failures=True)
    if record is None:
        raise NotFound(f"no job with id {job_id!r}")
    return record


def health() -> Health:
    return Health(status="ok", extractor_version=default_extractor().version)

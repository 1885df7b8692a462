"""Storage of the functions: interfaces (protocols), their DynamoDB implementations, and the process's defaults.

The table's layout is known to shared.store.layout alone; articles.py and jobs.py build and read its items.
"""

from __future__ import annotations

import functools

from shared.config import settings
from shared.store.articles import DynamoArticleStore
from shared.store.jobs import DynamoJobStore
from shared.store.protocols import ArticleStore, JobStore, Stores

__all__ = [
    "ArticleStore",
    "DynamoArticleStore",
    "DynamoJobStore",
    "JobStore",
    "Stores",
    "default_articles",
    "default_jobs",
    "default_stores",
    "forget_defaults",
]


@functools.cache
def default_articles() -> ArticleStore:
    """The article store of the configured table, shared by every request a warm function serves."""
    return DynamoArticleStore(settings().table_name)


@functools.cache
def default_jobs() -> JobStore:
    """The job store of the configured table."""
    return DynamoJobStore(settings().table_name)


def default_stores() -> Stores:
    return Stores(articles=default_articles(), jobs=default_jobs())


def forget_defaults() -> None:
    """Forgets the default stores, so the next call builds them for the current TABLE_NAME (tests, local runs)."""
    default_articles.cache_clear()
    default_jobs.cache_clear()

"""What the API and the batch logic need from storage, as two small interfaces.

The DynamoDB implementations (shared.store.articles, shared.store.jobs) are the only ones deployed; logic
tests pass in-memory ones (tests/functions/fakes.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from factextract.models import Extraction
from shared.models import JobRecord, LineFailure, SpeakerQuote


class ArticleStore(Protocol):
    """Articles' extractions by id, and every stored quote by speaker."""

    def put(self, extraction: Extraction, content_hash: str | None = None, caller: str | None = None) -> None:
        """Stores the extraction, replacing any earlier one of the same article in a single visible step.

        caller is the API key id of the request (None: the batch path, the local server, not checked). A new
        article records it as its owner; a replaced one keeps its owner, and Forbidden is raised when that owner
        is another key. An article without an owner can be replaced by anyone and stays without one."""
        ...

    def get(self, article_id: str) -> Extraction | None: ...

    def exists(self, article_id: str, extractor_version: str, content_hash: str | None = None) -> bool:
        """True when the article is stored by this extractor version (and, if given, from the same content)."""
        ...

    def delete(self, article_id: str, caller: str | None = None) -> bool:
        """Removes the article and every fact of it; False when there was nothing to remove. Forbidden when the
        article records an owner other than caller (the rule of put)."""
        ...

    def quotes_by_speaker(
        self, name: str, limit: int = 20, cursor: str | None = None
    ) -> tuple[list[SpeakerQuote], str | None]:
        """The speaker's quotes (name compared without case or spacing), newest first, and the next page's
        cursor; InvalidCursor for a cursor not issued for this speaker."""
        ...


class JobStore(Protocol):
    """Batch jobs' progress: one record per input file version, each chunk counted exactly once."""

    def start_job(self, job_id: str, *, chunks: int, source: str | None = None, size: int | None = None) -> JobRecord:
        """Creates the job record once; a repeated start returns the existing record unchanged."""
        ...

    def record_chunk(self, job_id: str, chunk: int, *, done: int, failures: Iterable[LineFailure] = ()) -> bool:
        """Adds the chunk's counts and failures once, completing the job after its last chunk; False when this
        chunk was recorded before."""
        ...

    def chunk_recorded(self, job_id: str, chunk: int) -> bool: ...

    def get_job(self, job_id: str, *, failures: bool = False) -> JobRecord | None:
        """The job's counters; its failed lines too when failures is True (a query, so only when asked)."""
        ...

    def fail_job(self, job_id: str, reason: LineFailure) -> None:
        """Marks a running job failed with the reason: its message is going to the dead-letter queue."""
        ...


@dataclass(frozen=True)
class Stores:
    """The stores the batch logic writes to, passed together."""

    articles: ArticleStore
    jobs: JobStore

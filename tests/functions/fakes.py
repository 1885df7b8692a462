"""In-memory stores that keep the ArticleStore and JobStore contracts, for logic tests without moto.

They keep what the protocols promise (replace in one step, newest-first speaker pages, each chunk counted
once, completion after the last chunk) and nothing of DynamoDB's layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from factextract.models import Extraction
from shared.errors import Forbidden, InvalidCursor
from shared.models import JobRecord, LineFailure, SpeakerQuote
from shared.store.layout import now, quote_speaker, sort_time, speaker_key


@dataclass
class _Stored:
    extraction: Extraction
    content_hash: str | None
    sorted_at: str
    owner: str | None = None


@dataclass
class FakeArticleStore:
    articles: dict[str, _Stored] = field(default_factory=dict)
    puts: list[str] = field(default_factory=list)

    def put(self, extraction: Extraction, content_hash: str | None = None, caller: str | None = None) -> None:
        previous = self.articles.get(extraction.id)
        self._ensure_may_change(extraction.id, caller)
        self.puts.append(extraction.id)
        sorted_at = sort_time(extraction.published_at) or now()
        owner = previous.owner if previous else caller
        self.articles[extraction.id] = _Stored(extraction, content_hash, sorted_at, owner)

    def owner(self, article_id: str) -> str | None:
        stored = self.articles.get(article_id)
        return stored.owner if stored else None

    def _ensure_may_change(self, article_id: str, caller: str | None) -> None:
        owner = self.owner(article_id)
        if caller is not None and owner is not None and owner != caller:
            raise Forbidden(f"article {article_id!r} was stored with another API key")

    def get(self, article_id: str) -> Extraction | None:
        stored = self.articles.get(article_id)
        return stored.extraction if stored else None

    def exists(self, article_id: str, extractor_version: str, content_hash: str | None = None) -> bool:
        stored = self.articles.get(article_id)
        if stored is None or stored.extraction.extractor_version != extractor_version:
            return False
        return content_hash is None or stored.content_hash == content_hash

    def delete(self, article_id: str, caller: str | None = None) -> bool:
        self._ensure_may_change(article_id, caller)
        return self.articles.pop(article_id, None) is not None

    def quotes_by_speaker(
        self, name: str, limit: int = 20, cursor: str | None = None
    ) -> tuple[list[SpeakerQuote], str | None]:
        key = speaker_key(name)
        found = sorted(
            (
                (stored.sorted_at, article_id, quote.id, quote)
                for article_id, stored in self.articles.items()
                for quote in stored.extraction.quotes
                if (speaker := quote_speaker(quote)) and speaker_key(speaker) == key
            ),
            key=lambda entry: entry[:3],
            reverse=True,
        )
        start = self._offset(cursor, key) if cursor else 0
        page = [
            SpeakerQuote(article_id=article_id, published_at=sorted_at, quote=quote)
            for sorted_at, article_id, _, quote in found[start : start + limit]
        ]
        more = start + limit < len(found)
        return page, f"{key}|{start + limit}" if more else None

    @staticmethod
    def _offset(cursor: str, key: str) -> int:
        issued_for, _, offset = cursor.rpartition("|")
        if issued_for != key or not offset.isdigit():
            raise InvalidCursor()
        return int(offset)


@dataclass
class FakeJobStore:
    jobs: dict[str, JobRecord] = field(default_factory=dict)
    recorded: set[tuple[str, int]] = field(default_factory=set)

    def start_job(self, job_id: str, *, chunks: int, source: str | None = None, size: int | None = None) -> JobRecord:
        if job_id not in self.jobs:
            at = now()
            self.jobs[job_id] = JobRecord(
                job_id=job_id,
                status="running",
                chunks=chunks,
                chunks_done=0,
                articles_done=0,
                articles_failed=0,
                failures=[],
                source=source,
                size=size,
                created_at=at,
                updated_at=at,
            )
        return self.jobs[job_id]

    def record_chunk(self, job_id: str, chunk: int, *, done: int, failures: Iterable[LineFailure] = ()) -> bool:
        job = self.jobs[job_id]
        if (job_id, chunk) in self.recorded:
            return False
        self.recorded.add((job_id, chunk))
        failures = list(failures)
        listed = {failure.line: failure for failure in [*job.failures, *failures]}
        job = job.model_copy(
            update={
                "chunks_done": job.chunks_done + 1,
                "articles_done": job.articles_done + done,
                "articles_failed": job.articles_failed + len(failures),
                "failures": [listed[line] for line in sorted(listed)],
                "updated_at": now(),
            }
        )
        if job.chunks_done >= job.chunks:
            job = job.model_copy(update={"status": "completed", "reason": None})
        self.jobs[job_id] = job
        return True

    def chunk_recorded(self, job_id: str, chunk: int) -> bool:
        return (job_id, chunk) in self.recorded

    def get_job(self, job_id: str, *, failures: bool = False) -> JobRecord | None:
        job = self.jobs.get(job_id)
        return job if job is None or failures else job.model_copy(update={"failures": []})

    def fail_job(self, job_id: str, reason: LineFailure) -> None:
        job = self.jobs[job_id]
        if job.status == "running":
            text = f"line {reason.line}: {reason.code}: {reason.message}"
            self.jobs[job_id] = job.model_copy(update={"status": "failed", "reason": text})

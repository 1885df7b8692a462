"""The batch use cases: a new file becomes a job of one or more chunks; a chunk's articles are extracted,
stored and written to the results bucket, and the chunk is counted in the job record exactly once.

Free of Lambda events: callers pass the message body, a clock of the invocation's remaining time and how
many times the message has been received, and may pass the stores (shared.store.Stores) to use; by default
the configured DynamoDB ones.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from botocore.exceptions import ClientError

from batch import chunks, reading, results
from batch.messages import ChunkTask, FileRef, parse_body
from batch.observability import logger
from factextract.errors import FactExtractError
from factextract.models import Article, Extraction
from factextract.pipeline import article_id, default_extractor, extract, extract_many
from factextract.reader import file_format
from shared import aws
from shared.config import settings
from shared.errors import DeadLettered, ExtractionFailed, ObjectChanged
from shared.identity import content_hash
from shared.models import LineFailure
from shared.retry import Backoff
from shared.store import ArticleStore, JobStore, Stores, default_stores

RemainingMillis = Callable[[], int]

# Articles handed to spaCy together (its nlp.pipe batch), and written together as one results part.
GROUP_SIZE = 16
# A new group starts only while this much time is left; otherwise the rest of the chunk is re-queued.
# Two minutes covers a group of long articles on the batch function's 3 GB (measured well under that locally).
TIME_RESERVE_MS = 120_000
# Streaming read size while planning a large file's chunks.
PLAN_READ_BYTES = 1024 * 1024
SQS_BATCH = 10
# Entries SQS reports failed are sent again, up to five sends in all.
SEND_BACKOFF = Backoff(attempts=5, base_seconds=0.05, cap_seconds=2.0)
# Chunks colliding on the job record (see _record): eight tries in all.
RECORD_BACKOFF = Backoff(attempts=8, base_seconds=0.05, cap_seconds=2.0)
GONE = {"404", "NoSuchKey", "NoSuchVersion"}
CHANGED = {"412", "PreconditionFailed"}


@dataclass
class Outcome:
    """What one message did, for logs and metrics."""

    done: int = 0
    failed: int = 0
    chunks_queued: int = 0
    requeued: bool = False
    skipped: bool = False
    jobs: list[str] = field(default_factory=list)


def handle(body: str, remaining_ms: RemainingMillis, stores: Stores | None = None, receives: int = 1) -> Outcome:
    """One message. receives is its receive count: from the second, articles already stored are not extracted
    again; on the last before the dead-letter queue, a failure marks the job failed with its reason."""
    message = parse_body(body)
    if message is None:
        logger.info("S3 test event acknowledged")
        return Outcome(skipped=True)
    stores = stores or default_stores()
    final = receives >= settings().max_receives
    if isinstance(message, ChunkTask):
        with _fails_job_when_final(stores.jobs, message.job_id, message.first_line, final):
            return process_chunk(message, remaining_ms, stores, redelivered=receives > 1)
    outcome = Outcome()
    for ref in message:
        one = start_file(ref, remaining_ms, stores, receives=receives)
        outcome.done += one.done
        outcome.failed += one.failed
        outcome.chunks_queued += one.chunks_queued
        outcome.requeued = outcome.requeued or one.requeued
        outcome.jobs.extend(one.jobs)
    return outcome


@contextlib.contextmanager
def _fails_job_when_final(
    jobs: JobStore, job: str, line: int, final: bool, source: str | None = None
) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        if final:
            # Throttling that outlasted every retry left such a job running with done=0 and no reason.
            cause = error if isinstance(error, FactExtractError) else None
            reason = DeadLettered(f"{cause.code if cause else type(error).__name__}: gave up after the last receive")
            logger.exception("message failed on its last receive; the job is marked failed")
            jobs.start_job(job, chunks=1, source=source)  # no-op when planned; a record when planning failed
            jobs.fail_job(job, LineFailure.of(line, reason))
        raise


def job_id(bucket: str, key: str, etag: str | None) -> str:
    """One job per object version: the same upload delivered twice is one job, a changed re-upload a new one."""
    return f"{bucket}/{key}@{(etag or '').strip(chr(34))}"


def start_file(ref: FileRef, remaining_ms: RemainingMillis, stores: Stores | None = None, receives: int = 1) -> Outcome:
    """Plans the file's chunks and records the job; a one-chunk file is processed here, larger ones fan out."""
    stores = stores or default_stores()
    source = f"s3://{ref.bucket}/{ref.key}"
    try:
        head = aws.s3().head_object(Bucket=ref.bucket, Key=ref.key, **reading.version_args(ref.etag, ref.version_id))
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code")
        if ref.etag and code in GONE | CHANGED:
            # The notified version is gone (replaced or deleted before this message was handled): its job says
            # so, rather than the version never having a job at all.
            job = job_id(ref.bucket, ref.key, ref.etag)
            stores.jobs.start_job(job, chunks=1, source=source)
            changed = ObjectChanged("the file was replaced or deleted before it was read; a new version is a new job")
            _record(stores.jobs, job, 0, done=0, failures=[LineFailure.of(0, changed)])
            return Outcome(failed=1, jobs=[job])
        if code not in GONE:
            raise
        logger.warning("object no longer exists; notification skipped", extra={"key": ref.key})
        return Outcome(skipped=True)
    size = int(head["ContentLength"])
    etag = ref.etag or head.get("ETag")
    job = job_id(ref.bucket, ref.key, etag)
    logger.append_keys(job_id=job)
    existing = stores.jobs.get_job(job)
    if existing is not None and existing.status == "completed":
        logger.info("job already completed; duplicate notification ignored")
        return Outcome(skipped=True, jobs=[job])
    with _fails_job_when_final(stores.jobs, job, 0, receives >= settings().max_receives, source):
        return _plan_and_start(ref, job, etag, size, source, remaining_ms, stores, receives)


def _plan_and_start(
    ref: FileRef,
    job: str,
    etag: str | None,
    size: int,
    source: str,
    remaining_ms: RemainingMillis,
    stores: Stores,
    receives: int,
) -> Outcome:
    try:
        fmt = file_format(ref.key)
    except FactExtractError as error:
        stores.jobs.start_job(job, chunks=1, source=source, size=size)
        _record(stores.jobs, job, 0, done=0, failures=[LineFailure.of(0, error)])
        return Outcome(failed=1, jobs=[job])

    config = settings()
    data: bytes | None = None
    last_lines: list[int | None]
    if fmt != ".jsonl":
        # A .json array is chunked by items as a JSON Lines file is by lines, so a large one fans out and
        # re-queues its rest when time runs short instead of running into Lambda's hard stop.
        data = reading.read(ref.bucket, ref.key, 0, size, etag, ref.version_id)
        count = max((record.line for record in reading.whole_file(ref.key, data)), default=0)
        firsts = list(range(1, count + 1, config.chunk_lines)) or [1]
        spans = [chunks.Span(0, size, first) for first in firsts]
        last_lines = [min(first + config.chunk_lines - 1, count) if count else None for first in firsts]
    elif size <= config.chunk_bytes:
        data = reading.read(ref.bucket, ref.key, 0, size, etag, ref.version_id)
        spans = chunks.plan([data], config.chunk_lines, config.chunk_bytes, reading.longest_line_bytes())
    else:
        # Streamed a block at a time: only offsets are kept, so even a file with a 200 MB line is planned in
        # PLAN_READ_BYTES of memory, and that line, a span of its own, is never read again.
        versioned = reading.version_args(etag, ref.version_id)
        body = aws.s3().get_object(Bucket=ref.bucket, Key=ref.key, **versioned)["Body"]
        spans = chunks.plan(
            body.iter_chunks(PLAN_READ_BYTES), config.chunk_lines, config.chunk_bytes, reading.longest_line_bytes()
        )
    spans = spans or [chunks.Span(0, 0, 1)]  # an empty file is a job of one empty chunk
    if fmt == ".jsonl":
        last_lines = [None] * len(spans)
    stores.jobs.start_job(job, chunks=len(spans), source=source, size=size)
    tasks = [_task(job, ref, n, span, etag, last) for n, (span, last) in enumerate(zip(spans, last_lines, strict=True))]
    # Counted here, once: the chunk that records a too-large line's failure only carries it.
    too_large = sum(span.too_large for span in spans)
    if len(tasks) == 1:
        whole = (tasks[0].start, tasks[0].end) == (0, size)
        outcome = process_chunk(tasks[0], remaining_ms, stores, data=data if whole else None, redelivered=receives > 1)
        outcome.failed += too_large
        return outcome
    _send(tasks)
    logger.info("file split into chunks", extra={"chunks": len(tasks), "size": size, "too_large_lines": too_large})
    return Outcome(failed=too_large, chunks_queued=len(tasks), jobs=[job])


def _task(job: str, ref: FileRef, chunk: int, span: chunks.Span, etag: str | None, last: int | None) -> ChunkTask:
    """The message for one span. A too-large line's carries its failure and an empty range: nothing to read."""
    start = span.end if span.too_large else span.start
    failures = [LineFailure.of(span.first_line, reading.too_large(span.end - span.start))] if span.too_large else []
    return ChunkTask(
        job_id=job,
        bucket=ref.bucket,
        key=ref.key,
        chunk=chunk,
        start=start,
        end=span.end,
        first_line=span.first_line,
        last_line=last,
        etag=etag,
        version_id=ref.version_id,
        failures=failures,
    )


def process_chunk(
    task: ChunkTask,
    remaining_ms: RemainingMillis,
    stores: Stores | None = None,
    data: bytes | None = None,
    redelivered: bool = False,
) -> Outcome:
    """Extracts and stores the chunk's articles, writes its results parts, and counts it in the job once."""
    stores = stores or default_stores()
    logger.append_keys(job_id=task.job_id, chunk=task.chunk, segment=task.segment)
    if stores.jobs.chunk_recorded(task.job_id, task.chunk):
        logger.info("chunk already recorded; redelivered message ignored")
        return Outcome(skipped=True, jobs=[task.job_id])
    if data is None:
        try:
            data = reading.read(task.bucket, task.key, task.start, task.end, task.etag, task.version_id)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in CHANGED:
                raise
            # Replaced after planning: its new version is a job of its own; this one ends with the lines unread.
            changed = LineFailure.of(task.first_line, ObjectChanged("the file was replaced before this chunk was read"))
            _record(stores.jobs, task.job_id, task.chunk, done=task.done, failures=[*task.failures, changed])
            return Outcome(failed=1, jobs=[task.job_id])

    done = 0
    failures: list[LineFailure] = []
    pending: list[tuple[int, Article]] = []
    rest: ChunkTask | None = None
    if not redelivered:
        # A redriven dead letter arrives as a first receive; its failed job says it is a retry all the same.
        job = stores.jobs.get_job(task.job_id)
        redelivered = job is not None and job.status == "failed"
    stored = stores.articles if redelivered else None

    def flush() -> None:
        nonlocal done
        if not pending:
            return
        written: list[str] = []
        for line, extraction, failure, new in _extract(pending, stored):
            if extraction is not None:
                if new:
                    stores.articles.put(extraction, content_hash=_hash_of(pending, line))
                written.append(extraction.model_dump_json())
            elif failure is not None:
                failures.append(failure)
        if written:
            part = results.part_key(task.key, task.job_id, task.chunk, pending[0][0])
            results.write_part(_results_bucket(), part, written)
        done += len(written)
        pending.clear()

    for start, record in reading.records(task, data):
        if record.error is not None:
            failures.append(LineFailure.of(record.line, record.error))
            continue
        assert record.article is not None
        # At least one group per invocation, so a chunk always advances even when time is short from the start.
        if not pending and (done or failures) and remaining_ms() < TIME_RESERVE_MS:
            rest = task.rest(start, record.line, done, failures)
            break
        pending.append((record.line, record.article))
        if len(pending) >= GROUP_SIZE:
            flush()
    else:
        flush()

    if rest is not None:
        _send([rest])
        logger.info("time short: rest of chunk re-queued", extra={"from_line": rest.first_line})
        return Outcome(done=done, failed=len(failures), requeued=True, jobs=[task.job_id])

    all_failures = [*task.failures, *failures]
    if _record(stores.jobs, task.job_id, task.chunk, done=task.done + done, failures=all_failures):
        job = stores.jobs.get_job(task.job_id)
        if job is not None and job.status == "completed":
            listed = stores.jobs.get_job(task.job_id, failures=True) or job
            target = results.write_manifest(_results_bucket(), task.key, task.job_id, listed)
            logger.info("job completed", extra={"manifest": target, "done": job.articles_done})
    return Outcome(done=done, failed=len(failures), jobs=[task.job_id])


def _hash_of(group: list[tuple[int, Article]], line: int) -> str:
    return content_hash(next(article for number, article in group if number == line))


def _extract(
    group: list[tuple[int, Article]], stored: ArticleStore | None
) -> Iterator[tuple[int, Extraction | None, LineFailure | None, bool]]:
    """The group through spaCy's batching; if any article breaks it, each again alone so only that one fails.
    With a store (a redelivered message), articles it already holds from an earlier try are neither extracted
    nor written again (throttling past the retries wrote articles 1 to 3 once per receive); the last item of
    each answer says whether the extraction is new."""
    kept: dict[int, Extraction] = {}
    if stored is not None:
        version = default_extractor().version
        for line, article in group:
            key = article_id(article)
            found = stored.get(key) if stored.exists(key, version, content_hash(article)) else None
            if found is not None:
                kept[line] = found
    todo = [(line, article) for line, article in group if line not in kept]
    try:
        fresh = dict(zip((line for line, _ in todo), extract_many([article for _, article in todo]), strict=True))
    except Exception:  # any article's failure is isolated below, one article at a time
        fresh = None
    for line, article in group:
        if line in kept:
            yield line, kept[line], None, False
        elif fresh is not None:
            yield line, fresh[line], None, True
        else:
            yield (line, *_extract_one(line, article), True)


def _extract_one(line: int, article: Article) -> tuple[Extraction | None, LineFailure | None]:
    try:
        return extract(article), None
    except FactExtractError as error:
        return None, LineFailure.of(line, error)
    except Exception as error:  # an engine bug (or RecursionError, MemoryError) on one article must not block the file
        logger.exception("extraction failed", extra={"line": line})
        return None, LineFailure.of(line, ExtractionFailed(type(error).__name__))


def _record(jobs: JobStore, job: str, chunk: int, *, done: int, failures: list[LineFailure]) -> bool:
    """jobs.record_chunk, retried when concurrent chunks of one job collide on the job record's transaction.

    Hundreds of chunks of a large file finish at once and all update the one job item; DynamoDB cancels
    colliding transactions (TransactionConflict) and botocore does not retry them. Retrying is safe: the
    chunk item's condition still lets only one attempt count.
    """
    return RECORD_BACKOFF.call(lambda: jobs.record_chunk(job, chunk, done=done, failures=failures), _is_conflict)


def _is_conflict(error: Exception) -> bool:
    if not isinstance(error, ClientError):
        return False
    reasons = error.response.get("CancellationReasons") or []
    return any(reason.get("Code") == "TransactionConflict" for reason in reasons)


def _results_bucket() -> str:
    bucket = settings().results_bucket
    if not bucket:
        raise RuntimeError("RESULTS_BUCKET is not set; results have nowhere to go")
    return bucket


def _send(tasks: list[ChunkTask]) -> None:
    """Sends chunk tasks to the chunk queue, retrying entries SQS reports as failed."""
    queue_url = settings().chunk_queue_url
    if not queue_url:
        raise RuntimeError("CHUNK_QUEUE_URL is not set; large files cannot be split")
    for start in range(0, len(tasks), SQS_BATCH):
        entries = {str(n): task.model_dump_json() for n, task in enumerate(tasks[start : start + SQS_BATCH])}
        for _ in SEND_BACKOFF.tries():
            response = aws.sqs().send_message_batch(
                QueueUrl=queue_url, Entries=[{"Id": n, "MessageBody": body} for n, body in entries.items()]
            )
            entries = {entry["Id"]: entries[entry["Id"]] for entry in response.get("Failed", [])}
            if not entries:
                break
        else:
            raise RuntimeError(f"SQS refused {len(entries)} chunk messages after {SEND_BACKOFF.attempts} attempts")

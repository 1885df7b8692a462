"""The batch use cases: a new file becomes a job of one or more chunks; a chunk's articles are extracted,
stored and written to the results bucket, and the chunk is counted in the job record exactly once.

Free of Lambda events: callers pass the message body and a clock of the invocation's remaining time, and may
pass the stores (shared.store.Stores) to use; by default the configured DynamoDB ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from botocore.exceptions import ClientError

from batch import chunks, results
from batch.messages import ChunkTask, FileRef, parse_body
from batch.observability import logger
from factextract.errors import FactExtractError
from factextract.models import Article, Extraction
from factextract.pipeline import default_extractor, extract, extract_many
from factextract.reader import Record, decode, file_format, read_lines, read_text
from shared import aws
from shared.config import settings
from shared.errors import ExtractionFailed, LineTooLarge, ObjectChanged
from shared.models import LineFailure
from shared.retry import Backoff
from shared.store import JobStore, Stores, default_stores

RemainingMillis = Callable[[], int]

# Articles handed to spaCy together (its nlp.pipe batch).
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


@dataclass
class Outcome:
    """What one message did, for logs and metrics."""

    done: int = 0
    failed: int = 0
    chunks_queued: int = 0
    requeued: bool = False
    skipped: bool = False
    jobs: list[str] = field(default_factory=list)


def handle(body: str, remaining_ms: RemainingMillis, stores: Stores | None = None) -> Outcome:
    message = parse_body(body)
    if message is None:
        logger.info("S3 test event acknowledged")
        return Outcome(skipped=True)
    stores = stores or default_stores()
    if isinstance(message, ChunkTask):
        return process_chunk(message, remaining_ms, stores)
    outcome = Outcome()
    for ref in message:
        one = start_file(ref, remaining_ms, stores)
        outcome.done += one.done
        outcome.failed += one.failed
        outcome.chunks_queued += one.chunks_queued
        outcome.requeued = outcome.requeued or one.requeued
        outcome.jobs.extend(one.jobs)
    return outcome


def job_id(bucket: str, key: str, etag: str | None) -> str:
    """One job per object version: the same upload delivered twice is one job, a changed re-upload a new one."""
    return f"{bucket}/{key}@{(etag or '').strip(chr(34))}"


def start_file(ref: FileRef, remaining_ms: RemainingMillis, stores: Stores | None = None) -> Outcome:
    """Plans the file's chunks and records the job; a one-chunk file is processed here, larger ones fan out."""
    stores = stores or default_stores()
    try:
        head = aws.s3().head_object(Bucket=ref.bucket, Key=ref.key)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in {"404", "NoSuchKey"}:
            raise
        # Deleted since the notification was sent: there is nothing to process, and retrying cannot change that.
        logger.warning("object no longer exists; notification skipped", extra={"key": ref.key})
        return Outcome(skipped=True)
    size = int(head["ContentLength"])
    etag = head.get("ETag") or ref.etag
    job = job_id(ref.bucket, ref.key, etag)
    logger.append_keys(job_id=job)
    existing = stores.jobs.get_job(job)
    if existing is not None and existing.status == "completed":
        logger.info("job already completed; duplicate notification ignored")
        return Outcome(skipped=True, jobs=[job])
    source = f"s3://{ref.bucket}/{ref.key}"
    try:
        fmt = file_format(ref.key)
    except FactExtractError as error:
        stores.jobs.start_job(job, chunks=1, source=source, size=size)
        _record(stores.jobs, job, 0, done=0, failures=[LineFailure.of(0, error)])
        return Outcome(failed=1, jobs=[job])

    config = settings()
    data: bytes | None = None
    if fmt != ".jsonl":
        spans = [chunks.Span(0, size, 1)]
    elif size <= config.chunk_bytes:
        data = _read(ref.bucket, ref.key, 0, size, etag)
        spans = chunks.plan([data], config.chunk_lines, config.chunk_bytes, longest_line_bytes())
    else:
        # Streamed a block at a time: only offsets are kept, so even a file with a 200 MB line is planned in
        # PLAN_READ_BYTES of memory, and that line, a span of its own, is never read again.
        body = aws.s3().get_object(Bucket=ref.bucket, Key=ref.key, **_if_match(etag))["Body"]
        spans = chunks.plan(
            body.iter_chunks(PLAN_READ_BYTES), config.chunk_lines, config.chunk_bytes, longest_line_bytes()
        )
    spans = spans or [chunks.Span(0, 0, 1)]  # an empty file is a job of one empty chunk
    stores.jobs.start_job(job, chunks=len(spans), source=source, size=size)
    tasks = [_task(job, ref, n, span, etag) for n, span in enumerate(spans)]
    # Counted here, once: the chunk that records a too-large line's failure only carries it.
    too_large = sum(span.too_large for span in spans)
    if len(tasks) == 1:
        whole = (tasks[0].start, tasks[0].end) == (0, size)
        outcome = process_chunk(tasks[0], remaining_ms, stores, data=data if whole else None)
        outcome.failed += too_large
        return outcome
    _send(tasks)
    logger.info("file split into chunks", extra={"chunks": len(tasks), "size": size, "too_large_lines": too_large})
    return Outcome(failed=too_large, chunks_queued=len(tasks), jobs=[job])


def longest_line_bytes() -> int:
    """JSON escapes can take six bytes per character; a longer line cannot hold an acceptable text."""
    return default_extractor().max_chars * 6 + 65_536


def _task(job: str, ref: FileRef, chunk: int, span: chunks.Span, etag: str | None) -> ChunkTask:
    """The message for one span. A too-large line's carries its failure and an empty range: nothing to read."""
    start = span.end if span.too_large else span.start
    failures = [LineFailure.of(span.first_line, _too_large(span.end - span.start))] if span.too_large else []
    return ChunkTask(
        job_id=job,
        bucket=ref.bucket,
        key=ref.key,
        chunk=chunk,
        start=start,
        end=span.end,
        first_line=span.first_line,
        etag=etag,
        failures=failures,
    )


def _too_large(size: int) -> LineTooLarge:
    return LineTooLarge(size, longest_line_bytes(), default_extractor().max_chars)


def process_chunk(
    task: ChunkTask, remaining_ms: RemainingMillis, stores: Stores | None = None, data: bytes | None = None
) -> Outcome:
    """Extracts and stores the chunk's articles, writes its results part, and counts it in the job once."""
    stores = stores or default_stores()
    logger.append_keys(job_id=task.job_id, chunk=task.chunk, segment=task.segment)
    if stores.jobs.chunk_recorded(task.job_id, task.chunk):
        logger.info("chunk already recorded; redelivered message ignored")
        return Outcome(skipped=True, jobs=[task.job_id])
    if data is None:
        try:
            data = _read(task.bucket, task.key, task.start, task.end, task.etag)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "PreconditionFailed":
                raise
            # Replaced after planning: its new version is a job of its own; this one ends with the lines unread.
            changed = LineFailure.of(task.first_line, ObjectChanged("the file was replaced before this chunk was read"))
            _record(stores.jobs, task.job_id, task.chunk, done=task.done, failures=[*task.failures, changed])
            return Outcome(failed=1, jobs=[task.job_id])

    lines: list[str] = []
    failures: list[LineFailure] = []
    pending: list[tuple[int, Article]] = []
    rest: ChunkTask | None = None

    def flush() -> None:
        for _line, extraction, failure in _extract(pending):
            if extraction is not None:
                stores.articles.put(extraction)
                lines.append(extraction.model_dump_json())
            elif failure is not None:
                failures.append(failure)
        pending.clear()

    for start, record in _records(task, data):
        if record.error is not None:
            failures.append(LineFailure.of(record.line, record.error))
            continue
        assert record.article is not None
        # At least one group per invocation, so a chunk always advances even when time is short from the start.
        if not pending and (lines or failures) and remaining_ms() < TIME_RESERVE_MS and start is not None:
            rest = task.rest(start, record.line, len(lines), failures)
            break
        pending.append((record.line, record.article))
        if len(pending) >= GROUP_SIZE:
            flush()
    else:
        flush()

    if lines:
        results.write_part(_results_bucket(), results.part_key(task.key, task.job_id, task.chunk, task.segment), lines)
    if rest is not None:
        _send([rest])
        logger.info("time short: rest of chunk re-queued", extra={"from_line": rest.first_line})
        return Outcome(done=len(lines), failed=len(failures), requeued=True, jobs=[task.job_id])

    all_failures = [*task.failures, *failures]
    if _record(stores.jobs, task.job_id, task.chunk, done=task.done + len(lines), failures=all_failures):
        job = stores.jobs.get_job(task.job_id)
        if job is not None and job.status == "completed":
            target = results.write_manifest(_results_bucket(), task.key, task.job_id, job)
            logger.info("job completed", extra={"manifest": target, "done": job.articles_done})
    return Outcome(done=len(lines), failed=len(failures), jobs=[task.job_id])


def _records(task: ChunkTask, data: bytes) -> Iterator[tuple[int | None, Record]]:
    """Each article of the chunk, with the byte offset its line starts at (None for whole-file formats)."""
    if file_format(task.key) != ".jsonl":
        try:
            text = decode(data)
        except FactExtractError as error:
            yield None, Record(0, error=error)
            return
        for record in read_text(task.key, text):
            yield None, record
        return
    longest = longest_line_bytes()
    for line in chunks.lines(data, task.start, task.first_line):
        if len(line.data) > longest:
            yield line.start, Record(line.number, error=_too_large(len(line.data)))
            continue
        try:
            text = decode(line.data)
        except FactExtractError as error:
            yield line.start, Record(line.number, error=error)
            continue
        for record in read_lines([text], first_line=line.number):
            yield line.start, record


def _extract(group: list[tuple[int, Article]]) -> Iterator[tuple[int, Extraction | None, LineFailure | None]]:
    """The group through spaCy's batching; if any article breaks it, each again alone so only that one fails."""
    try:
        extractions = list(extract_many([article for _, article in group]))
    except Exception:  # any article's failure is isolated below, one article at a time
        extractions = None
    if extractions is not None:
        for (line, _), extraction in zip(group, extractions, strict=True):
            yield line, extraction, None
        return
    for line, article in group:
        try:
            yield line, extract(article), None
        except FactExtractError as error:
            yield line, None, LineFailure.of(line, error)
        except Exception as error:  # an engine bug on one article must not block the whole file
            logger.exception("extraction failed", extra={"line": line})
            yield line, None, LineFailure.of(line, ExtractionFailed(type(error).__name__))


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


def _if_match(etag: str | None) -> dict[str, str]:
    return {"IfMatch": etag} if etag else {}


def _read(bucket: str, key: str, start: int, end: int, etag: str | None = None) -> bytes:
    if end <= start:
        return b""
    response = aws.s3().get_object(Bucket=bucket, Key=key, Range=f"bytes={start}-{end - 1}", **_if_match(etag))
    return response["Body"].read()


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

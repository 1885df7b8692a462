"""Hostile files through the whole batch path on moto: S3 upload -> notification -> input queue -> handler.

Every file is uploaded under incoming/ of the input bucket, whose notifications reach the input queue as
template.yaml wires it (local.batch.create_input_queue, with the dead-letter queue after 3 receives);
the queues are drained into the batch handler as Lambda's poller would. Good articles must all be stored
and written to the results; bad ones must be listed with their line numbers in the job record; no file may
crash the batch or leave a message in a queue. Poison messages end in the dead-letter queue, and
local.redrive puts them back.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError
from botocore.config import Config

from tests.reliability.conftest import Tally

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
# The per-line limit is MAX_CHARS * 6 bytes + 64 KiB (batch.jobs); a small MAX_CHARS keeps the line that
# exceeds it at 300 KB inside a file small enough to be read whole. The 200 MB line gets its own test.
MAX_CHARS = 2_000
LONG_LINE_BYTES = 300_000
HUGE_LINE_BYTES = 200 * 1024 * 1024
BATCH_MAX_CHARS = 1_000_000  # template.yaml's BatchMaxTextChars default: lines over 6.07 MB are refused


def article(name: str) -> dict[str, str]:
    return {
        "id": f"hostile-{name}",
        "published_at": "2026-04-01",
        "text": f'The {name} committee met on Monday. "We approved 12 new benches," said chair Rosa Alvarez.',
    }


def jsonl(*lines: str | dict[str, str]) -> bytes:
    return "".join((json.dumps(line) if isinstance(line, dict) else line) + "\n" for line in lines).encode()


@dataclass(frozen=True)
class HostileFile:
    key: str  # under incoming/, as uploaded (S3 sends it URL-encoded)
    body: bytes
    good: tuple[str, ...]  # ids of the articles that must be stored
    failed_lines: tuple[tuple[int, str], ...]  # (line, code) the job record must list


GOOD = jsonl(article("parks"))
FILES = [
    HostileFile("incoming/empty.jsonl", b"", (), ()),
    HostileFile("incoming/blank.txt", b"  \n\n ", (), ((1, "invalid_article"),)),
    HostileFile("incoming/binary.json", bytes(range(256)) * 4, (), ((0, "invalid_encoding"),)),
    HostileFile("incoming/packed.jsonl", gzip.compress(GOOD * 3, mtime=0), (), ((1, "invalid_encoding"),)),
    HostileFile("incoming/packed", gzip.compress(GOOD, mtime=0), (), ((0, "unsupported_file"),)),
    HostileFile(
        "incoming/mixed.jsonl",
        jsonl(
            article("roads"),
            '{"text": "cut off',
            article("schools"),
            "[1, 2]",
            article("water"),
            {"txt": "a misspelt field"},
            article("housing"),
            "",
            {"text": "   "},
            article("transit"),
        ),
        ("hostile-roads", "hostile-schools", "hostile-water", "hostile-housing", "hostile-transit"),
        ((2, "invalid_article"), (4, "invalid_article"), (6, "invalid_article"), (9, "invalid_article")),
    ),
    HostileFile(
        "incoming/long-line.jsonl",
        jsonl(article("before"), {"text": "a" * LONG_LINE_BYTES}, article("after")),
        ("hostile-before", "hostile-after"),
        ((2, "line_too_large"),),
    ),
    HostileFile(
        "incoming/latin1-line.jsonl",
        jsonl(article("first")) + '{"text": "Caf\xe9 owners said prices rose."}\n'.encode("latin-1") + jsonl(
            article("third")
        ),
        ("hostile-first", "hostile-third"),
        ((2, "invalid_encoding"),),
    ),
    HostileFile("incoming/utf16.txt", "Le maire a dit « oui ».".encode("utf-16"), (), ((0, "invalid_encoding"),)),
    HostileFile(
        "incoming/list.json",
        json.dumps([article("library"), {"text": 5}, article("museum")]).encode(),
        ("hostile-library", "hostile-museum"),
        ((2, "invalid_article"),),
    ),
    HostileFile(
        "incoming/my stories/été 2026 — spécial+plus & more%20.jsonl",
        jsonl(article("festival"), article("harbour")),
        ("hostile-festival", "hostile-harbour"),
        (),
    ),
]


@pytest.fixture
def pipeline(aws: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The input queue and its dead-letter queue wired to the input bucket, removed again after the test."""
    from factextract.pipeline import default_extractor
    from local.batch import DEAD_LETTER_QUEUE, INPUT_QUEUE, create_input_queue
    from shared import aws as clients

    monkeypatch.setenv("FACTEXTRACT_MAX_CHARS", str(MAX_CHARS))
    # The process's Extractor reads its limit once: one made by an earlier test would keep that test's limit.
    default_extractor.cache_clear()
    sqs = clients.sqs()
    # Start from empty queues: an earlier test of the session may have left these with messages in them.
    for name in (INPUT_QUEUE, DEAD_LETTER_QUEUE):
        with contextlib.suppress(sqs.exceptions.QueueDoesNotExist):
            sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=name)["QueueUrl"])
    queue_url = create_input_queue(aws["INPUT_BUCKET"])
    dlq_url = sqs.get_queue_url(QueueName=DEAD_LETTER_QUEUE)["QueueUrl"]
    yield {**aws, "INPUT_QUEUE_URL": queue_url, "DLQ_URL": dlq_url}
    clients.s3().put_bucket_notification_configuration(Bucket=aws["INPUT_BUCKET"], NotificationConfiguration={})
    sqs.delete_queue(QueueUrl=queue_url)
    sqs.delete_queue(QueueUrl=dlq_url)
    default_extractor.cache_clear()


@pytest.fixture
def handler() -> Handler:
    from batch.app import lambda_handler

    return lambda_handler


def drain_all(env: dict[str, str], handler: Handler) -> None:
    from local.batch import drain

    while drain(env["INPUT_QUEUE_URL"], handler) + drain(env["CHUNK_QUEUE_URL"], handler):
        pass


def waiting(env: dict[str, str], queue: str) -> int:
    from shared import aws

    attributes = aws.sqs().get_queue_attributes(
        QueueUrl=env[queue], AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(attributes["ApproximateNumberOfMessagesNotVisible"])


def result_ids(env: dict[str, str], key: str, job: str) -> list[str]:
    from batch import results
    from shared import aws

    s3 = aws.s3()
    manifest_object = s3.get_object(Bucket=env["RESULTS_BUCKET"], Key=results.manifest_key(key, job))
    manifest = json.loads(manifest_object["Body"].read())
    return [
        json.loads(line)["id"]
        for part in manifest["parts"]
        for line in s3.get_object(Bucket=env["RESULTS_BUCKET"], Key=part)["Body"].read().splitlines()
    ]


def test_hostile_files_keep_every_good_article_and_list_every_bad_line(
    pipeline: dict[str, str], handler: Handler, tally: Tally
) -> None:
    from batch.jobs import job_id
    from shared import aws
    from shared.store import default_articles, default_jobs

    s3, store, job_store = aws.s3(), default_articles(), default_jobs()
    jobs = {}
    for file in FILES:
        etag = s3.put_object(Bucket=pipeline["INPUT_BUCKET"], Key=file.key, Body=file.body)["ETag"]
        jobs[file.key] = job_id(pipeline["INPUT_BUCKET"], file.key, etag)

    drain_all(pipeline, handler)

    lost = 0
    for file in FILES:
        record = job_store.get_job(jobs[file.key], failures=True)
        assert record is not None, f"no job record for {file.key!r}"
        assert record.status == "completed", file.key
        listed = tuple((failure.line, failure.code) for failure in record.failures)
        if file.key == "incoming/packed.jsonl":
            # gzip bytes split on their own newlines: the first piece names gzip, every piece fails.
            assert listed[0] == file.failed_lines[0] and "gzip" in record.failures[0].message
            assert {code for _, code in listed} == {"invalid_encoding"}
        else:
            assert listed == file.failed_lines, file.key
        assert record.articles_done == len(file.good), file.key
        stored = [article_id for article_id in file.good if store.get(article_id) is not None]
        lost += len(file.good) - len(stored)
        if file.good:
            assert sorted(result_ids(pipeline, file.key, jobs[file.key])) == sorted(file.good)
        tally.add("batch hostile files", bad_inputs_tried=len(file.failed_lines) or int(not file.good))
        tally.add("batch hostile files", bad_inputs_handled=len(file.failed_lines) or int(not file.good))
    tally.add("batch hostile files", articles_lost=lost)
    assert lost == 0
    # Nothing is left behind: no message waits for a retry and none went to the dead-letter queue.
    assert (waiting(pipeline, "INPUT_QUEUE_URL"), waiting(pipeline, "CHUNK_QUEUE_URL")) == (0, 0)
    assert waiting(pipeline, "DLQ_URL") == 0


def test_poison_message_reaches_the_dead_letter_queue_after_three_receives_and_redrive_requeues_it(
    pipeline: dict[str, str], handler: Handler, tally: Tally
) -> None:
    from local.redrive import redrive
    from shared import aws
    from shared.store import default_articles

    sqs = aws.sqs()
    poison = '{"Records": "not a list of records"}'
    sqs.send_message(QueueUrl=pipeline["INPUT_QUEUE_URL"], MessageBody=poison)
    s3_key = "incoming/after-poison.jsonl"
    aws.s3().put_object(Bucket=pipeline["INPUT_BUCKET"], Key=s3_key, Body=jsonl(article("pier")))
    receives: list[int] = []

    def counting(event: dict[str, Any], context: Any) -> dict[str, Any]:
        receives.extend(1 for record in event["Records"] if record["body"] == poison)
        try:
            return handler(event, context)
        except BatchProcessingError:
            # Powertools raises when every record failed; Lambda then returns the whole batch to the queue.
            return {"batchItemFailures": [{"itemIdentifier": record["messageId"]} for record in event["Records"]]}

    drain_all(pipeline, counting)

    # The good file behind the poison message was processed: the queue was not blocked.
    assert default_articles().get("hostile-pier") is not None
    assert len(receives) == 3
    assert waiting(pipeline, "INPUT_QUEUE_URL") == 0
    (dead,) = sqs.receive_message(QueueUrl=pipeline["DLQ_URL"], VisibilityTimeout=0)["Messages"]
    assert dead["Body"] == poison
    tally.add("batch poison message", bad_inputs_tried=1, bad_inputs_handled=1)

    moved = redrive(sqs, pipeline["DLQ_URL"])

    assert (moved.moved, moved.source) == (1, pipeline["INPUT_QUEUE_URL"])
    (back,) = sqs.receive_message(QueueUrl=pipeline["INPUT_QUEUE_URL"])["Messages"]
    assert back["Body"] == poison
    assert waiting(pipeline, "DLQ_URL") == 0


def upload_with_huge_line(bucket: str, key: str, before: bytes, after: bytes, path: Path) -> tuple[str, int]:
    """Uploads before + a JSONL line of HUGE_LINE_BYTES + after, written through a file a megabyte at a time so
    the test holds no copy; returns the ETag and the long line's size, its newline included.

    The upload skips botocore's default CRC32 trailer: it sends the body aws-chunked, which botocore and
    moto each re-assemble by concatenation (80 s for 200 MB, against 2 s without). S3 stores the same object."""
    block = b"a" * 2**20
    opening, closing = b'{"text": "', b'"}\n'
    with path.open("w+b") as file:
        file.write(before + opening)
        for _ in range(HUGE_LINE_BYTES // len(block)):
            file.write(block)
        file.write(closing + after)
        file.seek(0)
        client = boto3.client("s3", config=Config(request_checksum_calculation="when_required"))
        etag = client.put_object(Bucket=bucket, Key=key, Body=file)["ETag"]
    return etag, len(opening) + HUGE_LINE_BYTES + len(closing)


def test_a_200_mb_line_is_listed_failed_unread_while_every_other_line_is_processed(
    pipeline: dict[str, str], handler: Handler, tally: Tally, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from batch.jobs import job_id
    from batch.reading import longest_line_bytes
    from factextract.pipeline import default_extractor
    from shared import aws
    from shared.store import default_articles, default_jobs

    monkeypatch.setenv("FACTEXTRACT_MAX_CHARS", str(BATCH_MAX_CHARS))
    default_extractor.cache_clear()
    key = "incoming/huge-line.jsonl"
    before, after = jsonl(article("dawn")), jsonl(article("noon"), article("dusk"))
    started = time.perf_counter()
    etag, size = upload_with_huge_line(pipeline["INPUT_BUCKET"], key, before, after, tmp_path / "huge.jsonl")
    line = (len(before), len(before) + size)  # the long line's bytes in the file
    s3 = aws.s3()
    reads: list[str | None] = []
    s3.meta.events.register("provide-client-params.s3.GetObject", lambda params, **_: reads.append(params.get("Range")))
    try:
        drain_all(pipeline, handler)
    finally:
        s3.meta.events.unregister("provide-client-params.s3.GetObject")
    seconds = time.perf_counter() - started

    record = default_jobs().get_job(job_id(pipeline["INPUT_BUCKET"], key, etag), failures=True)
    assert record is not None and record.status == "completed"
    assert [(failure.line, failure.code) for failure in record.failures] == [(2, "line_too_large")]
    assert f"{line[1] - line[0]:,} bytes" in record.failures[0].message
    assert (record.articles_done, record.articles_failed) == (3, 1)
    stored = [name for name in ("dawn", "noon", "dusk") if default_articles().get(f"hostile-{name}") is not None]
    assert stored == ["dawn", "noon", "dusk"]
    # One streaming read planned the chunks; every chunk read is a ranged GET that stays off the long line.
    assert reads.count(None) == 1
    for span in (read for read in reads if read is not None):
        first, last = (int(value) for value in span.removeprefix("bytes=").split("-"))
        assert last < line[0] or first >= line[1], span
        assert last - first < longest_line_bytes()
    assert [waiting(pipeline, queue) for queue in ("INPUT_QUEUE_URL", "CHUNK_QUEUE_URL", "DLQ_URL")] == [0, 0, 0]
    tally.add("batch 200 MB line", bad_inputs_tried=1, bad_inputs_handled=1, articles_lost=3 - len(stored))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"200 MB line: upload and batch {seconds:.1f} s, test process peak RSS {peak_mb:.0f} MB")

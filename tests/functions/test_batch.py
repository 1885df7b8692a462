"""The batch function on moto: events/batch_*.json, S3 -> SQS -> handler -> DynamoDB + results bucket,
replays, partial batch failures, bad lines, chunked files and re-queued rests when time runs short."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from local.server import LocalContext

EVENT_BUCKET = "factextract-local-input"  # the bucket events/batch_*.json name

ARTICLES = [
    {
        "id": "millbrook-budget",
        "title": "Millbrook council passes budget",
        "published_at": "2026-03-04",
        "text": 'The Millbrook council approved a $4.2 million road budget on Tuesday. "We will fix Elm Street '
        'first," said Mayor Dana Whitfield. Councillor Omar Reyes voted against it.',
    },
    {
        "id": "millbrook-library",
        "text": 'The library will open on Sundays from April, director Priya Nair said. "Families asked for it '
        'for years," she said.',
    },
]


def _line(article: dict[str, Any]) -> str:
    return json.dumps(article) + "\n"


def _synthetic(n: int) -> dict[str, Any]:
    return {
        "id": f"story-{n:03d}",
        "text": f'Town {n} hired {n + 2} new teachers this year. "Classes will be smaller," said Principal Ana Lima.',
    }


@pytest.fixture
def handler() -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    from batch.app import lambda_handler

    return lambda_handler


@pytest.fixture
def event_bucket(aws: dict[str, str]) -> Iterator[str]:
    """The bucket the events/ files name, created for the test and removed after it."""
    from shared import aws as clients

    s3 = clients.s3()
    s3.create_bucket(Bucket=EVENT_BUCKET)
    yield EVENT_BUCKET
    for entry in s3.list_objects_v2(Bucket=EVENT_BUCKET).get("Contents", []):
        s3.delete_object(Bucket=EVENT_BUCKET, Key=entry["Key"])
    s3.delete_bucket(Bucket=EVENT_BUCKET)


def _put(bucket: str, key: str, body: str | bytes) -> str:
    from batch.jobs import job_id
    from shared import aws

    response = aws.s3().put_object(Bucket=bucket, Key=key, Body=body.encode() if isinstance(body, str) else body)
    return job_id(bucket, key, response["ETag"])


def _notification(bucket: str, key: str, message_id: str = "m-1") -> dict[str, Any]:
    from urllib.parse import quote_plus

    body = {
        "Records": [
            {
                "eventName": "ObjectCreated:Put",
                "s3": {"bucket": {"name": bucket}, "object": {"key": quote_plus(key)}},
            }
        ]
    }
    return {
        "messageId": message_id,
        "receiptHandle": f"r-{message_id}",
        "body": json.dumps(body),
        "attributes": {},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:input",
        "awsRegion": "us-east-1",
    }


def _notified(event: dict[str, Any], job: str) -> dict[str, Any]:
    """The events/ notification about the object the test uploaded: its eTag is the upload's (S3 names the
    version it notifies of; the file's own placeholder eTag is that of an empty object)."""
    body = json.loads(event["Records"][0]["body"])
    body["Records"][0]["s3"]["object"]["eTag"] = job.rsplit("@", 1)[1]
    return {"Records": [{**event["Records"][0], "body": json.dumps(body)}]}


def _job(job: str):
    from shared.store import default_jobs

    return default_jobs().get_job(job, failures=True)


def _results(env: dict[str, str], job: str, key: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from batch import results
    from shared import aws

    s3 = aws.s3()
    manifest = json.loads(
        s3.get_object(Bucket=env["RESULTS_BUCKET"], Key=results.manifest_key(key, job))["Body"].read()
    )
    lines = [
        json.loads(line)
        for part in manifest["parts"]
        for line in s3.get_object(Bucket=env["RESULTS_BUCKET"], Key=part)["Body"].read().splitlines()
    ]
    return manifest, lines


def _drain_chunks(env: dict[str, str], handler) -> int:
    from local.batch import drain

    return drain(env["CHUNK_QUEUE_URL"], handler, batch_size=1)


def test_s3_test_event_is_acknowledged_without_starting_a_job(aws, handler, load_event, lambda_context) -> None:
    from shared import aws as clients

    assert handler(load_event("batch_s3_test_event"), lambda_context) == {"batchItemFailures": []}
    items = clients.dynamodb().scan(TableName=aws["TABLE_NAME"])["Items"]
    assert items == []


def test_object_created_event_stores_every_article_and_lists_bad_lines(
    aws, event_bucket, handler, load_event, lambda_context
) -> None:
    from shared.store import default_articles

    key = "incoming/millbrook council 2026-03-04.jsonl"  # the event carries it URL-encoded
    body = _line(ARTICLES[0]) + "{not json\n" + _line(ARTICLES[1]) + '{"title": "no text"}\n'
    job = _put(event_bucket, key, body)

    assert handler(_notified(load_event("batch_s3_object_created"), job), lambda_context) == {"batchItemFailures": []}

    record = _job(job)
    assert (record.status, record.articles_done, record.articles_failed) == ("completed", 2, 2)
    assert [(failure.line, failure.code) for failure in record.failures] == [
        (2, "invalid_article"),
        (4, "invalid_article"),
    ]
    manifest, lines = _results(aws, job, key)
    assert [line["id"] for line in lines] == ["millbrook-budget", "millbrook-library"]
    assert manifest["articles_done"] == 2 and manifest["source"] == f"s3://{event_bucket}/{key}"
    stored = default_articles().get("millbrook-budget")
    assert stored is not None and stored.model_dump(mode="json") == lines[0]
    assert [quote.speaker.name for quote in stored.quotes if quote.speaker] == ["Dana Whitfield"]


def test_replayed_notification_writes_nothing_twice(aws, event_bucket, handler, load_event, lambda_context) -> None:
    from shared import aws as clients

    key = "incoming/millbrook council 2026-03-04.jsonl"
    job = _put(event_bucket, key, _line(ARTICLES[0]) + _line(ARTICLES[1]))
    handler(_notified(load_event("batch_s3_object_created"), job), lambda_context)
    objects = clients.s3().list_objects_v2(Bucket=aws["RESULTS_BUCKET"])["Contents"]
    before = _job(job)

    assert handler(_notified(load_event("batch_s3_object_created"), job), lambda_context) == {"batchItemFailures": []}

    after = _job(job)
    assert (after.articles_done, after.chunks_done, after.updated_at) == (2, 1, before.updated_at)
    again = clients.s3().list_objects_v2(Bucket=aws["RESULTS_BUCKET"])["Contents"]
    assert [(o["Key"], o["ETag"]) for o in again] == [(o["Key"], o["ETag"]) for o in objects]


def test_chunk_event_processes_its_byte_range_once(aws, event_bucket, handler, load_event, lambda_context) -> None:
    from batch.messages import ChunkTask
    from shared.store import default_jobs

    event = load_event("batch_chunk")
    task = ChunkTask.model_validate_json(event["Records"][0]["body"])
    content = _line(ARTICLES[0]) + _line(ARTICLES[1])
    assert len(content.encode()) <= task.end
    _put(event_bucket, task.key, content)
    default_jobs().start_job(task.job_id, chunks=1)

    assert handler(event, lambda_context) == {"batchItemFailures": []}
    assert handler(event, lambda_context) == {"batchItemFailures": []}

    record = _job(task.job_id)
    assert (record.status, record.chunks_done, record.articles_done) == ("completed", 1, 2)


def test_bad_record_is_reported_while_its_siblings_succeed(aws, handler, lambda_context) -> None:
    key = "incoming/good.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, _line(ARTICLES[0]))
    bad = _notification(aws["INPUT_BUCKET"], key, "m-bad") | {"body": "this is not a notification"}
    event = {"Records": [_notification(aws["INPUT_BUCKET"], key, "m-good"), bad]}

    assert handler(event, lambda_context) == {"batchItemFailures": [{"itemIdentifier": "m-bad"}]}
    assert _job(job).articles_done == 1


def test_whole_file_problems_are_recorded_on_line_zero(aws, handler, lambda_context) -> None:
    odd = _put(aws["INPUT_BUCKET"], "incoming/notes.csv", "a,b\n")
    latin = _put(aws["INPUT_BUCKET"], "incoming/story.txt", "Caf\xe9 owners said prices rose.".encode("latin-1"))
    event = {
        "Records": [
            _notification(aws["INPUT_BUCKET"], key, f"m-{n}")
            for n, key in enumerate(["incoming/notes.csv", "incoming/story.txt"])
        ]
    }

    assert handler(event, lambda_context) == {"batchItemFailures": []}
    assert [(f.line, f.code) for f in _job(odd).failures] == [(0, "unsupported_file")]
    assert [(f.line, f.code) for f in _job(latin).failures] == [(0, "invalid_encoding")]


def test_large_file_fans_out_in_chunks_with_file_line_numbers(aws, handler, lambda_context, monkeypatch) -> None:
    from shared.config import settings

    monkeypatch.setenv("CHUNK_LINES", "2")
    settings.cache_clear()
    lines = [_line(_synthetic(n)) for n in range(5)]
    lines.insert(3, "[1, 2]\n")  # line 4 of the file, inside the second chunk
    key = "incoming/big.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, "".join(lines))

    handler({"Records": [_notification(aws["INPUT_BUCKET"], key)]}, lambda_context)
    assert _job(job).chunks == 3 and _job(job).status == "running"
    assert _drain_chunks(aws, handler) == 3

    record = _job(job)
    assert (record.status, record.chunks_done, record.articles_done, record.articles_failed) == ("completed", 3, 5, 1)
    assert [(f.line, f.code) for f in record.failures] == [(4, "invalid_article")]
    manifest, results = _results(aws, job, key)
    assert len(manifest["parts"]) == 3
    assert [line["id"] for line in results] == [f"story-{n:03d}" for n in range(5)]


def test_short_time_requeues_the_rest_of_a_chunk_without_losing_or_repeating(aws, handler, monkeypatch) -> None:
    from batch import jobs

    monkeypatch.setattr(jobs, "GROUP_SIZE", 2)
    lines = [_line(_synthetic(n)) for n in range(5)]
    lines.insert(1, "oops\n")
    key = "incoming/slow.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, "".join(lines))
    # The first invocation is about to time out: it does one group and re-queues the rest, which the next
    # invocation (with time to spare) finishes.
    context = LocalContext(function_name="batch", aws_request_id="r-1", deadline=0)

    handler({"Records": [_notification(aws["INPUT_BUCKET"], key)]}, context)
    assert (_job(job).status, _job(job).articles_done) == ("running", 0)
    assert _drain_chunks(aws, handler) == 1

    record = _job(job)
    assert (record.status, record.chunks_done, record.articles_done, record.articles_failed) == ("completed", 1, 5, 1)
    assert [f.line for f in record.failures] == [2]
    manifest, results = _results(aws, job, key)
    assert len(manifest["parts"]) == 3  # one per group of two articles
    assert [line["id"] for line in results] == [f"story-{n:03d}" for n in range(5)]


def test_local_batch_runs_s3_notifications_through_sqs_for_100_articles(aws, tmp_path, handler) -> None:
    from local.batch import run

    source = tmp_path / "stories.jsonl"
    source.write_text("".join(_line(_synthetic(n)) for n in range(100)), encoding="utf-8")

    report = run([source], tmp_path / "out", handler=handler, show=False)

    (job,) = report["jobs"]
    assert (job["job"]["status"], job["job"]["articles_done"], job["job"]["articles_failed"]) == ("completed", 100, 0)
    saved = [json.loads(line) for line in (tmp_path / "out" / "stories.jsonl.results.jsonl").read_text().splitlines()]
    assert [line["id"] for line in saved] == [f"story-{n:03d}" for n in range(100)]
    assert report["dead_letters"] == 0


def test_chunk_colliding_with_another_on_the_job_record_is_retried_and_counted_once(
    aws, handler, lambda_context, monkeypatch
) -> None:
    from botocore.exceptions import ClientError

    from shared import retry
    from shared.store import DynamoJobStore

    original = DynamoJobStore.record_chunk
    conflicts = iter([True, True])

    def colliding(self, *args, **kwargs):
        if next(conflicts, False):
            error = {"Code": "TransactionCanceledException", "Message": "Transaction cancelled"}
            reasons = [{"Code": "None"}, {"Code": "TransactionConflict"}]
            raise ClientError({"Error": error, "CancellationReasons": reasons}, "TransactWriteItems")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(DynamoJobStore, "record_chunk", colliding)
    monkeypatch.setattr(retry.time, "sleep", lambda seconds: None)
    key = "incoming/contended.jsonl"
    job = _put(aws["INPUT_BUCKET"], key, _line(ARTICLES[1]))

    assert handler({"Records": [_notification(aws["INPUT_BUCKET"], key)]}, lambda_context) == {"batchItemFailures": []}

    record = _job(job)
    assert (record.status, record.chunks_done, record.articles_done) == ("completed", 1, 1)


def test_file_replaced_before_its_chunks_are_read_ends_the_old_job_without_misreading(
    aws, handler, lambda_context, monkeypatch
) -> None:
    from shared.config import settings

    monkeypatch.setenv("CHUNK_LINES", "1")
    settings.cache_clear()
    key = "incoming/replaced.jsonl"
    old_job = _put(aws["INPUT_BUCKET"], key, _line(ARTICLES[0]) + _line(ARTICLES[1]))
    handler({"Records": [_notification(aws["INPUT_BUCKET"], key)]}, lambda_context)
    _put(aws["INPUT_BUCKET"], key, _line(_synthetic(7)))

    assert _drain_chunks(aws, handler) == 2

    record = _job(old_job)
    assert (record.status, record.articles_done) == ("completed", 0)
    assert [(f.line, f.code) for f in record.failures] == [(1, "object_changed"), (2, "object_changed")]


def test_notification_for_a_since_deleted_object_is_acknowledged_without_a_job(aws, handler, lambda_context) -> None:
    from shared import aws as clients

    event = {"Records": [_notification(aws["INPUT_BUCKET"], "incoming/gone.jsonl")]}

    assert handler(event, lambda_context) == {"batchItemFailures": []}
    assert clients.dynamodb().scan(TableName=aws["TABLE_NAME"])["Items"] == []

"""Injected faults on moto: throttled DynamoDB, partial BatchWriteItem, S3 read errors mid-file, time running out
and an invocation dying mid-chunk. Each test counts the faults it injected and checks the promise: retries with
backoff, every item written, the file resumed where it stopped, the job record accurate, no article lost and no
fact written twice after a replay.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ReadTimeoutError, ResponseStreamingError
from moto.core.botocore_stubber import BotocoreStubber, MockRawResponse
from moto.core.models import botocore_stubber

from tests.reliability.conftest import Tally
from tests.reliability.test_batch_hostile import article, drain_all, handler, jsonl, pipeline, result_ids  # noqa: F401

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
STORY = (
    'Mayor Dana Whitfield said: "The bridge opens in June." Councillor Omar Reyes said the cost, $4.2 million, '
    'was too high. "We will vote again," Reyes said on Tuesday.'
)


def sample_extraction():
    from factextract.pipeline import extract

    return extract({"id": "fault-story", "text": STORY, "published_at": "2026-05-01"})


class Throttler:
    """Answers the first `times` calls of each named DynamoDB operation with a throttling error, as DynamoDB does:
    the request is refused before it reaches the table, and botocore's retry logic (the project's adaptive mode
    with backoff) sees the error exactly as it would from the service."""

    def __init__(self, errors: dict[str, tuple[str, int]]) -> None:
        self.remaining = {operation: times for operation, (_, times) in errors.items()}
        self.codes = {operation: code for operation, (code, _) in errors.items()}
        self.injected = 0
        self.sent = Counter[str]()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # moto answers every request from its before-send handler; a throttled request must not reach it at all
        # (botocore runs every before-send handler, so a response from an earlier one would not stop moto).
        moto_send = BotocoreStubber.__call__

        def send(stubber: BotocoreStubber, event_name: str, request: Any, **kwargs: Any) -> AWSResponse | None:
            if event_name.startswith("before-send.dynamodb."):
                refused = self.refuse(event_name.rsplit(".", 1)[-1], request)
                if refused is not None:
                    return refused
            return moto_send(stubber, event_name, request, **kwargs)

        monkeypatch.setattr(BotocoreStubber, "__call__", send)

    def refuse(self, operation: str, request: Any) -> AWSResponse | None:
        self.sent[operation] += 1
        if self.remaining.get(operation, 0) <= 0:
            return None
        self.remaining[operation] -= 1
        self.injected += 1
        body = json.dumps({"__type": f"com.amazonaws.dynamodb.v20120810#{self.codes[operation]}", "message": "slow"})
        return AWSResponse(request.url, 400, {"Content-Type": "application/x-amz-json-1.0"}, MockRawResponse(body))


class LostAnswers:
    """Lets the first `times` calls of each named operation reach the table, then drops the connection before
    the answer arrives (a read timeout), so botocore sends an already applied write a second time."""

    def __init__(self, times: dict[str, int]) -> None:
        self.remaining = dict(times)
        self.injected = 0

    def __call__(self, request: Any, **kwargs: Any) -> None:
        operation = kwargs["event_name"].rsplit(".", 1)[-1]
        if self.remaining.get(operation, 0) > 0:
            self.remaining[operation] -= 1
            self.injected += 1
            botocore_stubber(kwargs["event_name"], request)  # moto applies the write to the table...
            raise ReadTimeoutError(endpoint_url=request.url)  # ...and its answer never arrives


class PartialWriter:
    """A DynamoDB client whose BatchWriteItem writes only the first half of each request for `times` calls and
    returns the rest as UnprocessedItems, as DynamoDB does under load. Everything else goes to the real client."""

    def __init__(self, client: Any, times: int) -> None:
        self._client = client
        self.remaining = times
        self.injected = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def batch_write_item(self, RequestItems: dict[str, list[dict[str, Any]]], **kwargs: Any) -> dict[str, Any]:
        ((table, requests),) = RequestItems.items()
        if self.remaining <= 0:
            return self._client.batch_write_item(RequestItems=RequestItems, **kwargs)
        self.remaining -= 1
        self.injected += 1
        half = len(requests) // 2
        if half:
            self._client.batch_write_item(RequestItems={table: requests[:half]}, **kwargs)
        return {"UnprocessedItems": {table: requests[half:]}}


def article_items(table: str) -> list[dict[str, Any]]:
    from shared import aws

    pages = aws.dynamodb().get_paginator("scan").paginate(TableName=table)
    return [item for page in pages for item in page["Items"] if item["pk"]["S"].startswith("ART#")]


def duplicate_facts(table: str) -> int:
    """Items that a reader could see twice: parts or quote index items outside the article's current generation,
    and quote index items repeated within it."""
    items = article_items(table)
    current = {item["pk"]["S"]: item["generation"]["S"] for item in items if item["sk"]["S"] == "META"}
    stale = sum(
        1
        for item in items
        if item["sk"]["S"].startswith(("PART#", "QUOTE#"))
        and item["sk"]["S"].split("#")[1] != current.get(item["pk"]["S"])
    )
    quotes = Counter((item["pk"]["S"], item["quote_id"]["S"]) for item in items if item["sk"]["S"].startswith("QUOTE#"))
    return stale + sum(count - 1 for count in quotes.values())


def test_throttled_dynamodb_calls_are_retried_with_backoff_until_the_article_is_stored(
    aws: dict[str, str], monkeypatch: pytest.MonkeyPatch, tally: Tally
) -> None:
    from shared import aws as clients
    from shared.store import DynamoArticleStore

    # A client of its own, so the adaptive rate limiter this throttling trains does not slow other tests.
    client = boto3.client("dynamodb", config=clients._CONFIG)
    throttler = Throttler(
        {
            "BatchWriteItem": ("ProvisionedThroughputExceededException", 2),
            "PutItem": ("ThrottlingException", 2),
            "GetItem": ("ProvisionedThroughputExceededException", 1),
            "Query": ("ThrottlingException", 1),
        }
    )
    throttler.install(monkeypatch)
    store = DynamoArticleStore(aws["TABLE_NAME"], client=client)
    extraction = sample_extraction()

    store.put(extraction)
    stored = store.get(extraction.id)

    tally.add("dynamodb throttling", faults_injected=throttler.injected, articles_lost=int(stored is None))
    assert throttler.injected == 6
    assert stored == extraction
    # Each throttled call was sent again by botocore's retry, not given up.
    assert throttler.sent["BatchWriteItem"] >= 3 and throttler.sent["PutItem"] >= 3
    assert duplicate_facts(aws["TABLE_NAME"]) == 0


def test_write_whose_answer_was_lost_is_retried_without_losing_the_article(
    aws: dict[str, str], tally: Tally
) -> None:
    from shared import aws as clients
    from shared.store import DynamoArticleStore

    client = boto3.client("dynamodb", config=clients._CONFIG)
    lost = LostAnswers({"BatchWriteItem": 1, "PutItem": 1})
    client.meta.events.register_first("before-send.dynamodb", lost)
    store = DynamoArticleStore(aws["TABLE_NAME"], client=client)
    extraction = sample_extraction()

    store.put(extraction)

    tally.add("dynamodb answer lost after write", faults_injected=lost.injected)
    assert lost.injected == 2
    assert store.get(extraction.id) == extraction
    store.put(extraction)  # and a replay of the whole write, as a redelivered message does
    assert store.get(extraction.id) == extraction
    tally.add("dynamodb answer lost after write", duplicates=duplicate_facts(aws["TABLE_NAME"]))
    assert duplicate_facts(aws["TABLE_NAME"]) == 0


def test_unprocessed_batch_items_are_retried_with_growing_backoff_until_written(
    aws: dict[str, str], tally: Tally
) -> None:
    from shared import aws as clients
    from shared.store import DynamoArticleStore

    writer = PartialWriter(clients.dynamodb(), times=3)
    sleeps: list[float] = []
    store = DynamoArticleStore(aws["TABLE_NAME"], client=writer, sleep=sleeps.append)
    extraction = sample_extraction()

    store.put(extraction)

    tally.add("partial BatchWriteItem", faults_injected=writer.injected)
    assert writer.injected == 3
    assert len(sleeps) == 3 and sleeps[0] < sleeps[2]
    assert store.get(extraction.id) == extraction
    speaker = next(quote.speaker.name for quote in extraction.quotes if quote.speaker and quote.speaker.name)
    listed, _ = store.quotes_by_speaker(speaker, 20)
    assert {item.quote.id for item in listed} == {
        quote.id for quote in extraction.quotes if quote.speaker and quote.speaker.name == speaker
    }
    tally.add("partial BatchWriteItem", articles_lost=int(store.get(extraction.id) is None))
    assert duplicate_facts(aws["TABLE_NAME"]) == 0


def upload(env: dict[str, str], key: str, ids: list[str]) -> str:
    from batch.jobs import job_id
    from shared import aws

    body = jsonl(*(article(name) for name in ids))
    etag = aws.s3().put_object(Bucket=env["INPUT_BUCKET"], Key=key, Body=body)["ETag"]
    return job_id(env["INPUT_BUCKET"], key, etag)


def check_job(env: dict[str, str], key: str, job: str, names: list[str], tally: Tally, source: str) -> None:
    """The job is complete and accurate; every article is stored and in the results exactly once."""
    from shared.store import default_articles, default_jobs

    store = default_articles()
    record = default_jobs().get_job(job, failures=True)
    expected = sorted(f"hostile-{name}" for name in names)
    in_results = result_ids(env, key, job)
    lost = sum(1 for article_id in expected if article_id not in in_results or store.get(article_id) is None)
    duplicates = sum(count - 1 for count in Counter(in_results).values()) + duplicate_facts(env["TABLE_NAME"])
    tally.add(source, articles_lost=lost, duplicates=duplicates)
    assert record is not None and record.status == "completed"
    assert (record.articles_done, record.articles_failed, record.chunks_done) == (len(names), 0, record.chunks)
    assert (lost, duplicates) == (0, 0)
    assert sorted(in_results) == expected


NAMES = [f"ward{n}" for n in range(1, 8)]


def test_s3_read_error_mid_file_is_retried_and_the_job_resumes_from_the_failed_chunk(
    pipeline: dict[str, str], handler: Handler, monkeypatch: pytest.MonkeyPatch, tally: Tally  # noqa: F811
) -> None:
    from shared import aws
    from shared.config import settings

    monkeypatch.setenv("CHUNK_LINES", "2")
    settings.cache_clear()
    reads = Counter[str]()
    injected = []

    def broken_body(parsed: dict[str, Any], **kwargs: Any) -> None:
        # The third ranged read (the second chunk) loses its connection halfway through the body, once.
        reads["GetObject"] += 1
        if reads["GetObject"] == 3:
            body = parsed["Body"]

            class HalfRead:
                def read(self, amount: int | None = None) -> bytes:
                    body.read(10)
                    raise ResponseStreamingError(error="Connection broken: IncompleteRead(10 bytes read)")

            parsed["Body"] = HalfRead()
            injected.append(1)

    events = aws.s3().meta.events
    events.register("after-call.s3.GetObject", broken_body)
    try:
        job = upload(pipeline, "incoming/wards.jsonl", NAMES)
        drain_all(pipeline, handler)
    finally:
        events.unregister("after-call.s3.GetObject", broken_body)

    tally.add("s3 read error", faults_injected=len(injected))
    assert injected == [1]
    check_job(pipeline, "incoming/wards.jsonl", job, NAMES, tally, "s3 read error")


class ShrinkingContext:
    """A Lambda context whose remaining time falls by a minute at every look: after two groups of articles
    an invocation has less than the batch function's reserve left and must hand the rest on."""

    def __init__(self, context: Any) -> None:
        self._context = context
        self._remaining = 200_000

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)

    def get_remaining_time_in_millis(self) -> int:
        self._remaining -= 60_000
        return max(0, self._remaining)


def test_time_running_out_mid_chunk_requeues_the_rest_with_nothing_lost_or_repeated(
    pipeline: dict[str, str], handler: Handler, monkeypatch: pytest.MonkeyPatch, tally: Tally  # noqa: F811
) -> None:
    from batch import jobs

    monkeypatch.setattr(jobs, "GROUP_SIZE", 2)
    invocations: list[int] = []

    def short_lived(event: dict[str, Any], context: Any) -> dict[str, Any]:
        invocations.append(len(event["Records"]))
        return handler(event, ShrinkingContext(context))

    job = upload(pipeline, "incoming/short-time.jsonl", NAMES)
    drain_all(pipeline, short_lived)

    # 7 articles at 4 per invocation: the notification's invocation stops after two groups and re-queues the rest.
    assert len(invocations) == 2
    tally.add("lambda time running out", faults_injected=len(invocations) - 1)
    check_job(pipeline, "incoming/short-time.jsonl", job, NAMES, tally, "lambda time running out")


def test_invocation_killed_mid_chunk_is_replayed_without_duplicates(
    pipeline: dict[str, str], handler: Handler, monkeypatch: pytest.MonkeyPatch, tally: Tally  # noqa: F811
) -> None:
    from shared.store import DynamoArticleStore

    original_put = DynamoArticleStore.put
    puts: list[str] = []

    def dies_on_fourth_put(self: DynamoArticleStore, extraction: Any, *args: Any, **kwargs: Any) -> None:
        puts.append(extraction.id)
        if len(puts) == 4:
            # What the sandbox sees when Lambda's hard timeout stops it: nothing after this point runs.
            raise TimeoutError("Task timed out after 900.00 seconds")
        original_put(self, extraction, *args, **kwargs)

    monkeypatch.setattr(DynamoArticleStore, "put", dies_on_fourth_put)
    job = upload(pipeline, "incoming/killed.jsonl", NAMES)
    drain_all(pipeline, handler)

    # The redelivered message read the file again from its start, but the three articles stored before the kill
    # were found stored and not written again: only the fourth, whose write was cut off, is tried twice.
    assert len(puts) == len(NAMES) + 1
    tally.add("invocation killed mid-chunk", faults_injected=1)
    check_job(pipeline, "incoming/killed.jsonl", job, NAMES, tally, "invocation killed mid-chunk")

    # The same S3 notification delivered again (at-least-once delivery) changes nothing.
    from shared import aws

    etag = aws.s3().head_object(Bucket=pipeline["INPUT_BUCKET"], Key="incoming/killed.jsonl")["ETag"]
    notification = {
        "Records": [
            {
                "eventName": "ObjectCreated:Put",
                "s3": {
                    "bucket": {"name": pipeline["INPUT_BUCKET"]},
                    "object": {"key": "incoming/killed.jsonl", "eTag": etag},
                },
            }
        ]
    }
    aws.sqs().send_message(QueueUrl=pipeline["INPUT_QUEUE_URL"], MessageBody=json.dumps(notification))
    drain_all(pipeline, handler)
    assert len(puts) == len(NAMES) + 1
    check_job(pipeline, "incoming/killed.jsonl", job, NAMES, tally, "replayed notification")

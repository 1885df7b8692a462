"""At-least-once delivery through the whole batch path on moto (S3 -> input queue -> handler -> chunk queue):
throttling that outlasts every retry ends in the dead-letter queue with the job marked failed, a redrive then
completes it with nothing lost or written twice, and a 20,000-line file finishes without re-reading its
failures after every chunk."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

from tests.reliability.conftest import Tally
from tests.reliability.test_batch_hostile import drain_all, handler, pipeline, result_ids, waiting  # noqa: F401

NAMES = [f"ward-{n}" for n in range(1, 8)]


def _story(name: str) -> dict[str, str]:
    return {"id": name, "text": f'The {name} clinic opened on Monday. "It took years," said nurse Ana Lima.'}


def test_throttling_past_every_retry_fails_the_job_visibly_and_a_redrive_completes_it_exactly_once(
    pipeline: dict[str, str], handler: Any, tally: Tally, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    from batch.jobs import job_id
    from local.redrive import redrive
    from shared import aws
    from shared.errors import StoreUnavailable
    from shared.store import DynamoArticleStore, default_jobs

    # Given article 4 of 7 whose store write is throttled past every retry
    puts: Counter[str] = Counter()
    throttled = {"ward-4"}
    real_put = DynamoArticleStore.put

    def put(self: DynamoArticleStore, extraction: Any, *args: Any, **kwargs: Any) -> None:
        if extraction.id in throttled:
            raise StoreUnavailable("DynamoDB kept items unprocessed after every retry; try again later")
        puts[extraction.id] += 1
        real_put(self, extraction, *args, **kwargs)

    monkeypatch.setattr(DynamoArticleStore, "put", put)
    key = "incoming/throttled.jsonl"
    body = "".join(json.dumps(_story(name)) + "\n" for name in NAMES).encode()
    etag = aws.s3().put_object(Bucket=pipeline["INPUT_BUCKET"], Key=key, Body=body)["ETag"]
    job = job_id(pipeline["INPUT_BUCKET"], key, etag)

    def tolerant(event: dict[str, Any], context: Any) -> dict[str, Any]:
        try:
            return handler(event, context)
        except BatchProcessingError:  # every record failed: Lambda returns the batch to the queue
            return {"batchItemFailures": [{"itemIdentifier": r["messageId"]} for r in event["Records"]]}

    # When the message fails three receives
    drain_all(pipeline, tolerant)

    # Then it is dead-lettered and the job says failed, with the reason, instead of running with done=0
    record = default_jobs().get_job(job)
    assert waiting(pipeline, "DLQ_URL") == 1
    assert record is not None and record.status == "failed"
    assert record.reason is not None and "store_unavailable" in record.reason
    # and the articles before the throttled one were written once, not once per receive
    assert all(puts[name] == 1 for name in NAMES[:3])

    # When the throttling ends and the dead letter is redriven
    throttled.clear()
    redrive(aws.sqs(), pipeline["DLQ_URL"])
    drain_all(pipeline, tolerant)

    # Then the job completes with every article once in the results and the store
    record = default_jobs().get_job(job)
    assert record is not None and (record.status, record.articles_done, record.reason) == ("completed", 7, None)
    ids = result_ids(pipeline, key, job)
    assert sorted(ids) == NAMES
    lost = len(set(NAMES) - set(ids))
    duplicated = len(ids) - len(set(ids)) + sum(count - 1 for count in puts.values())
    tally.add("batch throttled past retries", faults_injected=1, articles_lost=lost, duplicates=duplicated)
    assert (lost, duplicated) == (0, 0)


def test_a_20000_line_file_finishes_and_reads_its_failures_once(
    pipeline: dict[str, str], handler: Any, tally: Tally, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    from batch.jobs import job_id
    from shared import aws
    from shared.config import settings
    from shared.store import default_jobs

    monkeypatch.setenv("CHUNK_LINES", "500")
    settings.cache_clear()
    # Given 20,000 lines in 40 chunks: 10 articles, 1,990 lines without a text (each a listed failure, more than
    # the 1,000 a job lists, which were re-read after every chunk) and blank lines (skipped, to keep moto quick)
    lines = ["" if n % 10 else json.dumps({"title": f"no text {n}"}) for n in range(20_000)]
    for n in range(10):
        lines[n * 2_000] = json.dumps(_story(f"bulk-{n}"))
    key = "incoming/bulk.jsonl"
    etag = aws.s3().put_object(Bucket=pipeline["INPUT_BUCKET"], Key=key, Body="\n".join(lines).encode())["ETag"]
    queries: list[str] = []
    dynamodb = aws.dynamodb()

    def count(params: dict[str, Any], **_: Any) -> None:
        values = params.get("ExpressionAttributeValues", {})
        queries.append(values.get(":prefix", {}).get("S", ""))

    dynamodb.meta.events.register("provide-client-params.dynamodb.Query", count)
    try:
        drain_all(pipeline, handler)
    finally:
        dynamodb.meta.events.unregister("provide-client-params.dynamodb.Query", count)

    record = default_jobs().get_job(job_id(pipeline["INPUT_BUCKET"], key, etag))
    assert record is not None
    assert (record.status, record.chunks, record.articles_done, record.articles_failed) == (
        "completed",
        40,
        10,
        1_990,
    )
    # Failures are read once, for the manifest, not after each of the 40 chunks.
    assert queries.count("FAIL#") == 1
    tally.add("batch 20,000 lines", bad_inputs_tried=1_990, bad_inputs_handled=1_990)

"""The Lambda handlers on moto: warm POST /v1/extractions latency and the batch path's throughput.

Handlers are imported as Lambda imports them (functions/ on sys.path, CodeUri: functions/), and AWS is
moto's in-process mock, created from the template's table definition by local.moto_env.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import Any

from devtools.bench.capacity import CapacityMeter
from devtools.bench.corpus import ROOT, Corpus, article_of, word_count
from devtools.bench.startup import FUNCTIONS, LAMBDA_ENV
from devtools.bench.table import CLOCK, Table, median, percentile
from factextract.nlp import load_pipeline

EVENTS = ROOT / "events"
# Settings of the caller's own AWS that would send boto3 past moto.
OUTSIDE_AWS = ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN", "CHUNK_QUEUE_URL")


def _importable() -> None:
    for path in (str(ROOT), str(FUNCTIONS)):
        if path not in sys.path:
            sys.path.insert(0, path)


def _forget_cached() -> None:
    from shared import aws
    from shared.config import settings
    from shared.store import forget_defaults

    settings.cache_clear()
    forget_defaults()
    aws.reset_clients()


@contextlib.contextmanager
def moto_account(settings: dict[str, str] | None = None) -> Iterator[CapacityMeter]:
    """A fresh moto account with the app's resources; yields a meter on the store's DynamoDB client."""
    _importable()
    from moto import mock_aws

    from local.moto_env import create_resources, table_spec
    from shared import aws

    saved = dict(os.environ)
    try:
        for name in OUTSIDE_AWS:
            os.environ.pop(name, None)
        os.environ.update({k: v for k, v in LAMBDA_ENV.items() if k != "CHUNK_QUEUE_URL"}, **(settings or {}))
        with mock_aws():
            os.environ.update(create_resources())
            _forget_cached()
            indexes = table_spec().get("GlobalSecondaryIndexes", [])
            meter = CapacityMeter(tuple(tuple(k["AttributeName"] for k in i["KeySchema"]) for i in indexes))
            meter.attach(aws.dynamodb())
            yield meter
    finally:
        os.environ.clear()
        os.environ.update(saved)
        _forget_cached()


def _post_event(body: dict[str, Any]) -> dict[str, Any]:
    event = json.loads((EVENTS / "api_create_extraction.json").read_text(encoding="utf-8"))
    event["body"] = json.dumps(body)
    event["isBase64Encoded"] = False
    return event


def measure_api(table: Table, corpus: Corpus, sizes: tuple[int, ...], calls: tuple[int, ...]) -> None:
    section = "warm POST /v1/extractions (Lambda handler, moto DynamoDB)"
    nlp = load_pipeline()
    with moto_account() as meter:
        from api.app import lambda_handler
        from local.server import LocalContext

        context = LocalContext(function_name="factextract-bench")
        for words, count in zip(sizes, calls, strict=True):
            text = article_of(corpus, words)
            nlp(text)
            handler_s, bare_s = [], []
            for call in range(count + 1):
                event = _post_event({"id": f"bench-{words}-{call}", "text": text, "published_at": "2016-10-01"})
                with contextlib.redirect_stdout(io.StringIO()):  # Powertools prints metrics and logs there
                    start = CLOCK()
                    response = lambda_handler(event, context)
                    elapsed = CLOCK() - start
                if response["statusCode"] != 201:
                    raise RuntimeError(f"POST answered {response['statusCode']}: {response['body'][:200]}")
                start = CLOCK()
                nlp(text)
                if call:  # the first call of each size warms its code paths
                    bare_s.append(CLOCK() - start)
                    handler_s.append(elapsed)
            table.add(section, f"{words:,} words p50", median(handler_s), "s", median(bare_s), "bare nlp",
                      note=f"{count} calls")
            table.add(section, f"{words:,} words p99", percentile(handler_s, 99), "s", percentile(bare_s, 99),
                      "bare nlp", note="nearest rank: the slowest call" if count < 100 else "")
        articles = sum(calls) + len(sizes)
        table.add(section, "DynamoDB write units per new article", meter.write_units / articles, "WRU",
                  note=f"{articles} articles; operations: {dict(meter.operations)}")
        table.add(section, "DynamoDB read units per new article", meter.read_units / articles, "RRU",
                  note="the existence checks before extracting")


def _batch_articles(corpus: Corpus, count: int) -> list[dict[str, Any]]:
    """count real articles, cycling the corpus with fresh ids so each is a new extraction."""
    return [
        {"id": f"bench-batch-{index}", "text": corpus.texts[index % len(corpus.texts)], "published_at": "2016-10-01"}
        for index in range(count)
    ]


def measure_batch(table: Table, corpus: Corpus, count: int, batch_size: int = 16) -> None:
    """Articles per second through the batch path on moto, beside nlp.pipe alone on the same texts."""
    _importable()
    articles = _batch_articles(corpus, count)
    words = sum(word_count(article["text"]) for article in articles)
    nlp = load_pipeline()
    start = CLOCK()
    for _ in nlp.pipe((article["text"] for article in articles), batch_size=batch_size):
        pass
    bare_s = CLOCK() - start
    # A third of the file per chunk, so the fan-out through the chunk queue is part of what is timed.
    with moto_account({"CHUNK_LINES": str(max(1, count // 3))}) as meter:
        try:
            from batch import app as batch_app
        except ImportError:
            batch_app = None
        if batch_app is None:
            elapsed, path = _engine_and_store(articles, batch_size), "extract_many + DynamoArticleStore.put"
        else:
            elapsed, path = _through_handler(batch_app, articles), "batch.app.lambda_handler"
        section = f"batch handler ({count} articles, {words:,} words, moto)"
        table.add(section, "articles per second", count / elapsed, "articles/s", count / bare_s, "bare nlp.pipe",
                  note=f"through {path}; 1,000 articles would take about {1000 * elapsed / count / 60:.1f} min")
        table.add(section, "seconds per article", elapsed / count, "s", bare_s / count, "bare nlp.pipe")
        table.add(section, "DynamoDB write units per article", meter.write_units / count, "WRU",
                  note=f"operations: {dict(meter.operations)}")


def _engine_and_store(articles: list[dict[str, Any]], batch_size: int) -> float:
    """The batch path without its handler (functions/batch absent): engine batches, store writes."""
    from factextract.pipeline import as_article, extract_many
    from shared.store import default_articles

    store = default_articles()
    start = CLOCK()
    for extraction in extract_many((as_article(a) for a in articles), batch_size=batch_size):
        store.put(extraction)
    return CLOCK() - start


def _sqs_record(body: str, queue_arn: str, number: int) -> dict[str, Any]:
    return {
        "messageId": f"bench-{number}",
        "receiptHandle": f"bench-{number}",
        "body": body,
        "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "0", "SenderId": "bench",
                       "ApproximateFirstReceiveTimestamp": "0"},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
    }


def _through_handler(batch_app: Any, articles: list[dict[str, Any]]) -> float:
    """Upload one JSONL file, deliver its S3 notification through SQS as Lambda would, then deliver every
    chunk message the handler queues, until the queue is empty."""
    from local.server import LocalContext
    from shared import aws

    bucket, key = os.environ["INPUT_BUCKET"], "incoming/bench-articles.jsonl"
    body = "".join(json.dumps(article) + "\n" for article in articles).encode()
    aws.s3().put_object(Bucket=bucket, Key=key, Body=body)
    notification = {"Records": [{
        "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1", "eventName": "ObjectCreated:Put",
        "s3": {"s3SchemaVersion": "1.0", "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
               "object": {"key": key, "size": len(body)}},
    }]}
    queue_url = os.environ.get("CHUNK_QUEUE_URL", "")
    queue_arn = "arn:aws:sqs:us-east-1:123456789012:" + queue_url.rsplit("/", 1)[-1]
    context = LocalContext(function_name="factextract-bench-batch", deadline=time.monotonic() + 900)
    pending = [json.dumps(notification)]
    delivered = 0
    start = CLOCK()
    while pending:
        records = [_sqs_record(message, queue_arn, delivered + i) for i, message in enumerate(pending)]
        delivered += len(records)
        with contextlib.redirect_stdout(io.StringIO()):  # Powertools prints metrics and logs there
            result = batch_app.lambda_handler({"Records": records}, context)
        if isinstance(result, dict) and result.get("batchItemFailures"):
            raise RuntimeError(f"batch handler reported failures: {result['batchItemFailures'][:3]}")
        pending = _drain(queue_url)
    elapsed = CLOCK() - start
    _check_job_completed(bucket, key, len(articles))
    return elapsed


def _check_job_completed(bucket: str, key: str, count: int) -> None:
    from batch.jobs import job_id
    from shared import aws
    from shared.store import default_jobs

    etag = aws.s3().head_object(Bucket=bucket, Key=key)["ETag"]
    job = default_jobs().get_job(job_id(bucket, key, etag))
    if job is None or job.status != "completed" or job.articles_done != count:
        raise RuntimeError(f"batch job did not complete all {count} articles: {job}")


def _drain(queue_url: str) -> list[str]:
    """The chunk messages the handler queued (Lambda's event source mapping would deliver them)."""
    if not queue_url:
        return []
    from shared import aws

    messages = aws.sqs().receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
    for message in messages:
        aws.sqs().delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
    return [message["Body"] for message in messages]

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

from factextract.benchmark.capacity import CapacityMeter
from factextract.benchmark.corpus import ROOT, Corpus, article_of
from factextract.benchmark.startup import FUNCTIONS, LAMBDA_ENV
from factextract.benchmark.table import Table, median, percentile
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
    from shared.store import default_store

    settings.cache_clear()
    default_store.cache_clear()
    aws.reset_clients()


@contextlib.contextmanager
def moto_account() -> Iterator[CapacityMeter]:
    """A fresh moto account with the app's resources; yields a meter on the store's DynamoDB client."""
    _importable()
    from moto import mock_aws

    from local.moto_env import create_resources, table_spec
    from shared import aws

    saved = dict(os.environ)
    try:
        for name in OUTSIDE_AWS:
            os.environ.pop(name, None)
        os.environ.update({k: v for k, v in LAMBDA_ENV.items() if k != "CHUNK_QUEUE_URL"})
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
                    start = time.perf_counter()
                    response = lambda_handler(event, context)
                    elapsed = time.perf_counter() - start
                if response["statusCode"] != 201:
                    raise RuntimeError(f"POST answered {response['statusCode']}: {response['body'][:200]}")
                start = time.perf_counter()
                nlp(text)
                if call:  # the first call of each size warms its code paths
                    bare_s.append(time.perf_counter() - start)
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

"""Fixtures for the Lambda functions: a moto-backed AWS, a Lambda context, and the events/ files.

The table is created from template.yaml's key schema (local.moto_env.table_spec), so the tests
exercise the keys the deployed table has.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws

from local.moto_env import create_resources
from local.server import LocalContext

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "events"
TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "TABLE_NAME": "factextract-test",
    "INPUT_BUCKET": "factextract-test-input",
    "RESULTS_BUCKET": "factextract-test-results",
    "MAX_TEXT_CHARS": "100000",
    "POWERTOOLS_SERVICE_NAME": "factextract-test",
    "POWERTOOLS_METRICS_NAMESPACE": "factextract-test",
}


def _forget_cached(clients: bool) -> None:
    from shared import aws
    from shared.config import settings
    from shared.store import forget_defaults

    settings.cache_clear()
    forget_defaults()
    if clients:
        aws.reset_clients()


def _empty(env: dict[str, str]) -> None:
    """Removes every item, object and message, keeping the resources (creating clients is the slow part)."""
    from shared import aws

    dynamodb, s3, sqs = aws.dynamodb(), aws.s3(), aws.sqs()
    table = env["TABLE_NAME"]
    for page in dynamodb.get_paginator("scan").paginate(TableName=table, ProjectionExpression="pk, sk"):
        deletes = [{"DeleteRequest": {"Key": {"pk": item["pk"], "sk": item["sk"]}}} for item in page["Items"]]
        for start in range(0, len(deletes), 25):
            # moto processes every item of a batch, so there is nothing unprocessed to retry here.
            dynamodb.batch_write_item(RequestItems={table: deletes[start : start + 25]})
    for bucket in (env["INPUT_BUCKET"], env["RESULTS_BUCKET"]):
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for entry in page.get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=entry["Key"])
    # moto allows one PurgeQueue a minute; a new queue of the same name has the same URL and no messages.
    attributes = sqs.get_queue_attributes(QueueUrl=env["CHUNK_QUEUE_URL"], AttributeNames=["All"])["Attributes"]
    sqs.delete_queue(QueueUrl=env["CHUNK_QUEUE_URL"])
    sqs.create_queue(QueueName=attributes["QueueArn"].rsplit(":", 1)[-1])


@pytest.fixture(scope="session")
def _moto_account() -> Iterator[dict[str, str]]:
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN", "CHUNK_QUEUE_URL", "ENABLE_SWAGGER"):
            patch.delenv(name, raising=False)
        for name, value in TEST_ENV.items():
            patch.setenv(name, value)
        with mock_aws():
            env = dict(TEST_ENV)
            env.update(create_resources())
            for name, value in env.items():
                patch.setenv(name, value)
            _forget_cached(clients=True)
            yield env
        _forget_cached(clients=True)


@pytest.fixture
def aws(_moto_account: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A moto account with the app's table, buckets and chunk queue, empty at the start of each test.

    One mock serves the session and is emptied after each test: building boto3 clients and tables per
    test would cost about a second each. Yields the environment (TABLE_NAME, buckets, CHUNK_QUEUE_URL).
    A test that creates further resources removes them itself.
    """
    _forget_cached(clients=False)
    yield _moto_account
    _empty(_moto_account)
    _forget_cached(clients=False)


@pytest.fixture
def lambda_context() -> LocalContext:
    return LocalContext(function_name="factextract-test", aws_request_id="test-request-0001")


@pytest.fixture(scope="session")
def load_event() -> Callable[[str], dict[str, Any]]:
    """An events/ file by name (without .json), as sam local invoke -e would send it."""

    def load(name: str) -> dict[str, Any]:
        return json.loads((EVENTS / f"{name}.json").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def api(aws: dict[str, str]) -> Any:
    import api.app

    return api.app


@pytest.fixture
def call(api: Any, lambda_context: LocalContext) -> Callable[[dict[str, Any]], tuple[int, Any, dict[str, str]]]:
    def invoke(event: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        result = api.lambda_handler(event, lambda_context)
        body = json.loads(result["body"]) if result.get("body") else None
        headers = {name.lower(): value for name, value in (result.get("headers") or {}).items()}
        headers.update(
            {name.lower(): ", ".join(values) for name, values in (result.get("multiValueHeaders") or {}).items()}
        )
        return result["statusCode"], body, headers

    return invoke


def with_body(event: dict[str, Any], body: str, content_type: str | None = "application/json") -> dict[str, Any]:
    headers = {name: value for name, value in event["headers"].items() if name.lower() != "content-type"}
    if content_type is not None:
        headers["Content-Type"] = content_type
    return {**event, "headers": headers, "multiValueHeaders": {k: [v] for k, v in headers.items()}, "body": body}


def article_body(event: dict[str, Any]) -> dict[str, Any]:
    return json.loads(event["body"])

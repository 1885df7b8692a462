"""local_aws: the embedded moto by default, or the endpoint AWS_ENDPOINT_URL names, with the app's resources."""

from __future__ import annotations

import os
from collections.abc import Iterator

import boto3
import pytest
from moto.server import ThreadedMotoServer

from factextract.models import Extraction, Stats
from local.moto_env import LOCAL_NAMES, local_aws

SETTINGS = ("TABLE_NAME", "INPUT_BUCKET", "RESULTS_BUCKET", "CHUNK_QUEUE_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN")


@pytest.fixture
def other_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A moto server standing in for an endpoint the user runs (LocalStack, DynamoDB Local, ...).

    moto servers in one process share their backends, so these tests check where requests and settings
    go, not that two endpoints hold different data.
    """
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "user")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "user")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _extraction() -> Extraction:
    stats = Stats(characters=1, words=1, sentences=1, quotes=0, figures=0, claims=0, entities=0)
    return Extraction(
        id="endpoint-test",
        extractor_version="v1",
        published_at=None,
        stats=stats,
        quotes=[],
        figures=[],
        claims=[],
        entities=[],
    )


def test_an_endpoint_url_is_used_with_resources_created_there(other_endpoint, monkeypatch) -> None:
    from shared.store import default_articles

    monkeypatch.setenv("AWS_ENDPOINT_URL", other_endpoint)
    with local_aws("auto") as where:
        assert where == other_endpoint
        assert os.environ["TABLE_NAME"] == LOCAL_NAMES["TABLE_NAME"]
        default_articles().put(_extraction())
        direct = boto3.client("dynamodb", endpoint_url=other_endpoint)
        assert LOCAL_NAMES["TABLE_NAME"] in direct.list_tables()["TableNames"]
        item = direct.get_item(
            TableName=LOCAL_NAMES["TABLE_NAME"], Key={"pk": {"S": "ART#endpoint-test"}, "sk": {"S": "META"}}
        )
        assert item["Item"]["extractor_version"] == {"S": "v1"}
        buckets = {
            bucket["Name"] for bucket in boto3.client("s3", endpoint_url=other_endpoint).list_buckets()["Buckets"]
        }
        assert {LOCAL_NAMES["INPUT_BUCKET"], LOCAL_NAMES["RESULTS_BUCKET"]} <= buckets
    assert "TABLE_NAME" not in os.environ
    assert "CHUNK_QUEUE_URL" not in os.environ


def test_embedded_mode_ignores_the_endpoint_and_restores_the_environment(other_endpoint, monkeypatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", other_endpoint)
    with local_aws("embedded") as where:
        embedded = os.environ["AWS_ENDPOINT_URL"]
        assert where == f"embedded moto at {embedded}"
        assert embedded != other_endpoint
        assert LOCAL_NAMES["TABLE_NAME"] in boto3.client("dynamodb").list_tables()["TableNames"]
        assert os.environ["CHUNK_QUEUE_URL"].startswith(embedded)
    assert os.environ["AWS_ENDPOINT_URL"] == other_endpoint
    assert "TABLE_NAME" not in os.environ

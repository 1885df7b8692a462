"""The embedded AWS of the local run: an in-process moto server with the app's table, buckets and queue.

Used by the local API server and the local batch command. When AWS_ENDPOINT_URL or real credentials are
set, those are used instead and nothing is started.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
from botocore.exceptions import ClientError

from local.template import load_template, table_definition

# The same keys as template.yaml's table (D_shared design); used when the template is absent.
DEFAULT_TABLE: dict[str, Any] = {
    "AttributeDefinitions": [
        {"AttributeName": name, "AttributeType": "S"} for name in ("pk", "sk", "gsi1pk", "gsi1sk")
    ],
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    "GlobalSecondaryIndexes": [
        {
            "IndexName": "gsi1",
            "KeySchema": [
                {"AttributeName": "gsi1pk", "KeyType": "HASH"},
                {"AttributeName": "gsi1sk", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        }
    ],
    "BillingMode": "PAY_PER_REQUEST",
}
LOCAL_NAMES = {
    "TABLE_NAME": "factextract-local",
    "INPUT_BUCKET": "factextract-local-input",
    "RESULTS_BUCKET": "factextract-local-results",
}
CHUNK_QUEUE = "factextract-local-chunks"
CREDENTIAL_SETTINGS = (
    "AWS_ACCESS_KEY_ID",
    "AWS_PROFILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
)


def table_spec() -> dict[str, Any]:
    template = load_template()
    return (template and table_definition(template)) or DEFAULT_TABLE


def uses_external_aws() -> bool:
    """True when the caller pointed us at an endpoint or holds credentials of their own."""
    if os.environ.get("AWS_ENDPOINT_URL"):
        return True
    if any(os.environ.get(name) for name in CREDENTIAL_SETTINGS):
        return True
    return (Path.home() / ".aws" / "credentials").is_file()


def create_resources(create_queue: bool = True) -> dict[str, str]:
    """Creates the table, buckets and chunk queue the environment names, skipping those that exist.

    Returns the settings to add to the environment (CHUNK_QUEUE_URL when the queue was made here).
    """
    dynamodb = boto3.client("dynamodb")
    with contextlib.suppress(dynamodb.exceptions.ResourceInUseException):
        dynamodb.create_table(TableName=os.environ["TABLE_NAME"], **table_spec())
    s3 = boto3.client("s3")
    # S3 wants the region spelled out everywhere except its original one.
    region = s3.meta.region_name
    location = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    for setting in ("INPUT_BUCKET", "RESULTS_BUCKET"):
        try:
            s3.create_bucket(Bucket=os.environ[setting], **location)
        except ClientError as error:
            if error.response["Error"]["Code"] not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
                raise
    if create_queue and not os.environ.get("CHUNK_QUEUE_URL"):
        return {"CHUNK_QUEUE_URL": boto3.client("sqs").create_queue(QueueName=CHUNK_QUEUE)["QueueUrl"]}
    return {}


def _forget_cached_clients() -> None:
    # Settings and clients are cached per process; they must see the environment set up here.
    from shared import aws
    from shared.config import settings
    from shared.store import forget_defaults

    settings.cache_clear()
    forget_defaults()
    aws.reset_clients()


@contextlib.contextmanager
def _restored_environment() -> Iterator[None]:
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        _forget_cached_clients()


@contextlib.contextmanager
def local_aws(mode: str = "auto") -> Iterator[str]:
    """Yields a description of the AWS in use: embedded moto (started here) or the caller's endpoint/account.

    mode: auto (embedded unless AWS_ENDPOINT_URL or credentials are set), embedded, or external.
    The environment is set for the functions inside the block and restored after it.
    """
    with _restored_environment():
        if mode == "external" or (mode == "auto" and uses_external_aws()):
            endpoint = os.environ.get("AWS_ENDPOINT_URL")
            if endpoint:
                for name, value in LOCAL_NAMES.items():
                    os.environ.setdefault(name, value)
                os.environ.update(create_resources())
            _forget_cached_clients()
            yield endpoint or "the AWS account of the current credentials"
            return

        from moto.server import ThreadedMotoServer

        # moto's werkzeug logs each AWS call; the API's own log lines are what a local user wants to read.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        try:
            host, port = server.get_host_and_port()
            endpoint = f"http://{host}:{port}"
            os.environ.update(
                AWS_ENDPOINT_URL=endpoint,
                AWS_ACCESS_KEY_ID="embedded",
                AWS_SECRET_ACCESS_KEY="embedded",
                AWS_DEFAULT_REGION=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
                **LOCAL_NAMES,
            )
            for name in ("CHUNK_QUEUE_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
                os.environ.pop(name, None)
            os.environ.update(create_resources())
            _forget_cached_clients()
            yield f"embedded moto at {endpoint}"
        finally:
            server.stop()

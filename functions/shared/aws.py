"""AWS clients, created lazily once per process.

Lazily, so moto's mock_aws (tests) and the local server's AWS_ENDPOINT_URL (boto3 reads it natively)
are in place before the first client exists; once, so a warm Lambda reuses its connections.
"""

from __future__ import annotations

import functools

import boto3
from botocore.client import BaseClient
from botocore.config import Config

# Adaptive retries back off on throttling (ProvisionedThroughputExceeded, ThrottlingException) for us.
_CONFIG = Config(retries={"mode": "adaptive", "max_attempts": 8}, connect_timeout=5, read_timeout=30)


@functools.cache
def dynamodb() -> BaseClient:
    return boto3.client("dynamodb", config=_CONFIG)


@functools.cache
def s3() -> BaseClient:
    return boto3.client("s3", config=_CONFIG)


@functools.cache
def sqs() -> BaseClient:
    return boto3.client("sqs", config=_CONFIG)


@functools.cache
def secretsmanager() -> BaseClient:
    return boto3.client("secretsmanager", config=_CONFIG)


def reset_clients() -> None:
    """Forgets the clients, so the next call builds them against the current endpoint or mock."""
    for factory in (dynamodb, s3, sqs, secretsmanager):
        factory.cache_clear()

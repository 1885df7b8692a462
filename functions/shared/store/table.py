"""DynamoDB calls both stores make on the one table: paged queries and batch writes and reads that retry
what DynamoDB leaves unprocessed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from botocore.client import BaseClient
from botocore.exceptions import ClientError

from shared import aws
from shared.errors import StoreUnavailable
from shared.retry import Backoff, Sleep
from shared.store.layout import Item, s

BATCH_WRITE_ITEMS = 25
BATCH_GET_KEYS = 100
# Unprocessed items and keys are DynamoDB shedding load; ten tries span about 10 s before giving up.
UNPROCESSED_BACKOFF = Backoff(attempts=10, base_seconds=0.05, cap_seconds=5.0)


def is_condition_failure(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


class DynamoTable:
    """The table by name, and the client to reach it. sleep replaces time.sleep in the backoff (tests)."""

    def __init__(self, table_name: str, client: BaseClient | None = None, *, sleep: Sleep | None = None) -> None:
        self.table_name = table_name
        self._client = client
        self._sleep = sleep

    @property
    def client(self) -> BaseClient:
        # Looked up per call so tests' mock_aws and the local server's endpoint apply to a long-lived store.
        return self._client or aws.dynamodb()

    def query(
        self, pk: dict[str, str], prefix: str, *, projection: tuple[str, ...] = (), limit: int | None = None
    ) -> Iterator[Item]:
        """Items of one partition whose sort key starts with prefix, in key order, read consistently."""
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": {":pk": pk},
            "ConsistentRead": True,
        }
        if prefix:
            request["KeyConditionExpression"] += " AND begins_with(sk, :prefix)"
            request["ExpressionAttributeValues"][":prefix"] = s(prefix)
        if projection:
            # Names go through placeholders because some (data, size) are DynamoDB reserved words.
            names = {f"#p{index}": name for index, name in enumerate(projection)}
            request["ProjectionExpression"] = ", ".join(names)
            request["ExpressionAttributeNames"] = names
        returned = 0
        while True:
            page = self.client.query(**request)
            for item in page["Items"]:
                if limit is not None and returned >= limit:
                    return
                returned += 1
                yield item
            if "LastEvaluatedKey" not in page:
                return
            request["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def batch_write(self, requests: Iterable[dict[str, Any]]) -> None:
        """BatchWriteItem in groups of 25, retrying unprocessed items with backoff; StoreUnavailable if they stay."""
        requests = list(requests)
        for start in range(0, len(requests), BATCH_WRITE_ITEMS):
            pending: dict[str, Any] = {self.table_name: requests[start : start + BATCH_WRITE_ITEMS]}
            for _ in UNPROCESSED_BACKOFF.tries(self._sleep):
                response = self.client.batch_write_item(RequestItems=pending)
                pending = response.get("UnprocessedItems") or {}
                if not pending:
                    break
            else:
                raise StoreUnavailable("DynamoDB kept items unprocessed after every retry; try again later")

    def batch_get(self, keys: list[Item], projection: tuple[str, ...]) -> Iterator[Item]:
        """BatchGetItem in groups of 100, retrying unprocessed keys with backoff; StoreUnavailable if they stay.
        (Only article headers are read this way, so the error says so.)"""
        names = {f"#p{index}": name for index, name in enumerate(projection)}
        for start in range(0, len(keys), BATCH_GET_KEYS):
            pending: dict[str, Any] = {
                self.table_name: {
                    "Keys": keys[start : start + BATCH_GET_KEYS],
                    "ProjectionExpression": ", ".join(names),
                    "ExpressionAttributeNames": names,
                }
            }
            for _ in UNPROCESSED_BACKOFF.tries(self._sleep):
                response = self.client.batch_get_item(RequestItems=pending)
                yield from response["Responses"].get(self.table_name, [])
                pending = response.get("UnprocessedKeys") or {}
                if not pending:
                    break
            else:
                raise StoreUnavailable("DynamoDB did not return every article header after retries")

"""Batch job records on the DynamoDB table (layout in shared.store.layout): each chunk counted exactly once."""

from __future__ import annotations

from collections.abc import Iterable

from botocore.exceptions import ClientError

from shared.models import JobRecord, LineFailure
from shared.store import layout
from shared.store.layout import Item, n, s
from shared.store.table import DynamoTable, is_condition_failure

FAILURES_LISTED = 1000
MESSAGE_CHARS = 1000


class DynamoJobStore(DynamoTable):
    """JobStore on DynamoDB: a header with the counts, one item per counted chunk and per failed line."""

    def start_job(self, job_id: str, *, chunks: int, source: str | None = None, size: int | None = None) -> JobRecord:
        """Creates the job record once; a retried start returns the existing record unchanged."""
        now = layout.now()
        item: Item = {
            **layout.job_key(job_id),
            "job_id": s(job_id),
            "status": s("running"),
            "chunks": n(chunks),
            "chunks_done": n(0),
            "articles_done": n(0),
            "articles_failed": n(0),
            "created_at": s(now),
            "updated_at": s(now),
        }
        if source:
            item["source"] = s(source)
        if size is not None:
            item["size"] = n(size)
        try:
            self.client.put_item(TableName=self.table_name, Item=item, ConditionExpression="attribute_not_exists(pk)")
        except ClientError as error:
            if not is_condition_failure(error):
                raise
        record = self.get_job(job_id)
        assert record is not None  # written above or by an earlier attempt; job records are never deleted here
        return record

    def record_chunk(self, job_id: str, chunk: int, *, done: int, failures: Iterable[LineFailure] = ()) -> bool:
        """Adds one chunk's counts to the job exactly once; False when this chunk was already recorded."""
        pk = layout.job_pk(job_id)
        failures = list(failures)
        # Failure items are keyed by line, so writing them again on a retry changes nothing.
        self.batch_write(
            {
                "PutRequest": {
                    "Item": {
                        "pk": pk,
                        "sk": s(layout.fail_sk(failure.line)),
                        "line": n(failure.line),
                        "code": s(failure.code),
                        "message": s(failure.message[:MESSAGE_CHARS]),
                    }
                }
            }
            for failure in failures
        )
        now = layout.now()
        chunk_item = {
            **layout.chunk_key(job_id, chunk),
            "done": n(done),
            "failed": n(len(failures)),
            "recorded_at": s(now),
        }
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table_name,
                            "Item": chunk_item,
                            "ConditionExpression": "attribute_not_exists(pk)",
                        }
                    },
                    {
                        "Update": {
                            "TableName": self.table_name,
                            "Key": layout.job_key(job_id),
                            "UpdateExpression": "ADD articles_done :done, articles_failed :failed, chunks_done :one "
                            "SET updated_at = :now",
                            "ConditionExpression": "attribute_exists(pk)",
                            "ExpressionAttributeValues": {
                                ":done": n(done),
                                ":failed": n(len(failures)),
                                ":one": n(1),
                                ":now": s(now),
                            },
                        }
                    },
                ]
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "TransactionCanceledException":
                raise
            reasons = error.response.get("CancellationReasons") or [{}]
            if reasons[0].get("Code") != "ConditionalCheckFailed":
                raise
            # Counted before, by an invocation that may have stopped before marking the job complete.
            self._complete_if_finished(pk)
            return False
        self._complete_if_finished(pk)
        return True

    def chunk_recorded(self, job_id: str, chunk: int) -> bool:
        """True when record_chunk already counted this chunk (a redelivered chunk message is then skipped)."""
        response = self.client.get_item(
            TableName=self.table_name,
            Key=layout.chunk_key(job_id, chunk),
            ConsistentRead=True,
            ProjectionExpression="pk",
        )
        return "Item" in response

    def fail_job(self, job_id: str, reason: LineFailure) -> None:
        """Marks a running job failed with the reason (its message is going to the dead-letter queue); a redrive
        that then records the last chunk still completes it."""
        self._set_status(
            layout.job_key(job_id),
            "SET #status = :failed, reason = :reason, updated_at = :now",
            "#status = :running",
            {
                ":failed": s("failed"),
                ":running": s("running"),
                ":reason": s(f"line {reason.line}: {reason.code}: {reason.message[:MESSAGE_CHARS]}"),
                ":now": s(layout.now()),
            },
        )

    def get_job(self, job_id: str, *, failures: bool = False) -> JobRecord | None:
        """The job's counters from its one item; its failed lines (up to FAILURES_LISTED) only when asked, as a
        20,000-line file's progress checks re-read 1,000 failure items after every chunk and timed out."""
        response = self.client.get_item(TableName=self.table_name, Key=layout.job_key(job_id), ConsistentRead=True)
        item = response.get("Item")
        if item is None:
            return None
        listed = [
            LineFailure(line=int(fail["line"]["N"]), code=fail["code"]["S"], message=fail["message"]["S"])
            for fail in (self.query(layout.job_pk(job_id), layout.FAIL, limit=FAILURES_LISTED) if failures else ())
        ]
        return JobRecord(
            job_id=item["job_id"]["S"],
            status=item["status"]["S"],
            chunks=int(item["chunks"]["N"]),
            chunks_done=int(item["chunks_done"]["N"]),
            articles_done=int(item["articles_done"]["N"]),
            articles_failed=int(item["articles_failed"]["N"]),
            failures=listed,
            reason=item.get("reason", {}).get("S"),
            source=item.get("source", {}).get("S"),
            size=int(item["size"]["N"]) if "size" in item else None,
            created_at=item["created_at"]["S"],
            updated_at=item["updated_at"]["S"],
        )

    def _complete_if_finished(self, pk: dict[str, str]) -> None:
        self._set_status(
            {"pk": pk, "sk": s(layout.HEADER)},
            "SET #status = :completed REMOVE reason",
            # A failed job's dead letters, redriven, can still complete it.
            "chunks_done >= chunks AND #status IN (:running, :failed)",
            {":completed": s("completed"), ":running": s("running"), ":failed": s("failed")},
        )

    def _set_status(self, key: dict, update: str, condition: str, values: dict) -> None:
        """Changes the job header's status where condition holds; where it does not, the job already moved on."""
        try:
            self.client.update_item(
                TableName=self.table_name,
                Key=key,
                UpdateExpression=update,
                ConditionExpression=condition,
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=values,
            )
        except ClientError as error:
            if not is_condition_failure(error):
                raise

"""Moves messages from a dead-letter queue back to the queue they came from: `make redrive DLQ=<url or name>`.

After a fix is deployed, the files whose messages failed three receives are processed again by re-queuing
their messages. Each message is sent to the source queue before it is deleted from the dead-letter queue,
so a crash midway can leave a message in both (the batch path is idempotent per job and chunk) but never
in neither. Works on AWS, on AWS_ENDPOINT_URL and on the embedded moto of the local commands.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from botocore.client import BaseClient

RECEIVE_BATCH = 10
# The messages in hand stay invisible to other readers of the dead-letter queue while they are re-sent.
VISIBILITY_SECONDS = 60


@dataclass(frozen=True)
class Redriven:
    moved: int
    source: str


def queue_url(sqs: BaseClient, name_or_url: str) -> str:
    if name_or_url.startswith(("https://", "http://")):
        return name_or_url
    return sqs.get_queue_url(QueueName=name_or_url)["QueueUrl"]


def source_queue(sqs: BaseClient, dlq_url: str) -> str:
    """The one queue whose redrive policy names this dead-letter queue."""
    sources = sqs.list_dead_letter_source_queues(QueueUrl=dlq_url).get("queueUrls", [])
    if len(sources) != 1:
        raise SystemExit(f"{dlq_url} is the dead-letter queue of {len(sources)} queues; name the target with --to")
    return sources[0]


def redrive(sqs: BaseClient, dlq: str, target: str | None = None, limit: int | None = None) -> Redriven:
    """Moves up to limit messages (all by default) from dlq to target (the DLQ's source queue by default)."""
    dlq_url = queue_url(sqs, dlq)
    target_url = queue_url(sqs, target) if target else source_queue(sqs, dlq_url)
    moved = 0
    while limit is None or moved < limit:
        wanted = RECEIVE_BATCH if limit is None else min(RECEIVE_BATCH, limit - moved)
        messages = sqs.receive_message(
            QueueUrl=dlq_url,
            MaxNumberOfMessages=wanted,
            VisibilityTimeout=VISIBILITY_SECONDS,
            WaitTimeSeconds=0,
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not messages:
            break
        entries = [
            {
                "Id": str(n),
                "MessageBody": message["Body"],
                **({"MessageAttributes": message["MessageAttributes"]} if message.get("MessageAttributes") else {}),
            }
            for n, message in enumerate(messages)
        ]
        sent = sqs.send_message_batch(QueueUrl=target_url, Entries=entries)
        delivered = {entry["Id"] for entry in sent.get("Successful", [])}
        done = [
            {"Id": str(n), "ReceiptHandle": message["ReceiptHandle"]}
            for n, message in enumerate(messages)
            if str(n) in delivered
        ]
        if done:
            sqs.delete_message_batch(QueueUrl=dlq_url, Entries=done)
        moved += len(done)
        if len(done) < len(messages):
            failed = [entry.get("Message", entry.get("Code", "")) for entry in sent.get("Failed", [])]
            raise SystemExit(f"moved {moved}; SQS refused {len(messages) - len(done)} messages: {failed[:3]}")
    return Redriven(moved=moved, source=target_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.redrive", description=__doc__.splitlines()[0])
    parser.add_argument("dlq", help="dead-letter queue URL or name (stack outputs InputDeadLetterQueueUrl, ...)")
    parser.add_argument("--to", help="target queue URL or name; default: the queue whose redrive policy names it")
    parser.add_argument("--max", type=int, default=None, help="move at most this many messages")
    args = parser.parse_args(argv)
    import boto3

    result = redrive(boto3.client("sqs"), args.dlq, args.to, args.max)
    print(f"re-queued {result.moved} messages to {result.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

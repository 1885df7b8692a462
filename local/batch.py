"""The batch path on this machine: `make batch FILE=path` (a file or a folder of .txt/.json/.jsonl files).

Uploads each file under incoming/ of the local input bucket, whose ObjectCreated notifications go to a local
input queue exactly as template.yaml wires the deployed one; then drains that queue and the chunk queue into
the batch handler in this process, with a progress bar, and finally prints each job record and saves each
job's results as one JSONL file. Runs on an embedded moto server, or on AWS_ENDPOINT_URL when that is set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tqdm import tqdm

from local.moto_env import local_aws
from local.server import LocalContext
from local.shared_aws import running
from local.template import ROOT

INPUT_PREFIX = "incoming/"
INPUT_QUEUE = "factextract-local-input-queue"
DEAD_LETTER_QUEUE = "factextract-local-input-dlq"
# As the template: a message failing three receives moves to the dead-letter queue instead of looping.
MAX_RECEIVES = 3
BATCH_TIMEOUT_SECONDS = 900
LOCAL_CHUNK_LINES = 25
INPUT_BATCH_SIZE = 5
CHUNK_BATCH_SIZE = 1
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def input_files(paths: Iterable[Path]) -> list[Path]:
    from factextract.reader import FORMATS

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS))
        else:
            found.append(path)
    return found


def expected_articles(path: Path) -> int:
    """Articles the progress bar expects: lines of a JSONL, items of a JSON list, else one."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if suffix == ".json":
        try:
            value = json.loads(path.read_bytes())
        except (ValueError, UnicodeDecodeError, RecursionError):
            # A poison file (bad bytes, 10 KB of nested brackets) is one failure to the job, not a crash here.
            return 1
        return len(value) if isinstance(value, list) else 1
    return 1


def create_input_queue(bucket: str) -> str:
    """The input queue with its dead-letter queue, and the bucket's incoming/ notifications pointed at it."""
    from shared import aws

    sqs = aws.sqs()
    dlq_url = sqs.create_queue(QueueName=DEAD_LETTER_QUEUE)["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    redrive = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": MAX_RECEIVES})
    queue_url = sqs.create_queue(
        QueueName=INPUT_QUEUE,
        Attributes={"RedrivePolicy": redrive, "VisibilityTimeout": str(BATCH_TIMEOUT_SECONDS)},
    )["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    aws.s3().put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "QueueConfigurations": [
                {
                    "QueueArn": queue_arn,
                    "Events": ["s3:ObjectCreated:*"],
                    "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": INPUT_PREFIX}]}},
                }
            ]
        },
    )
    return queue_url


def sqs_event(messages: list[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    """The event Lambda's SQS poller builds from received messages."""
    return {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": message.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": message["MD5OfBody"],
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": queue_arn.split(":")[3],
            }
            for message in messages
        ]
    }


def drain(queue_url: str, handler: Handler, on_batch: Callable[[], None] = lambda: None, batch_size: int = 10) -> int:
    """Delivers the queue's messages to the handler, batch_size at a time, until it is empty; returns the count.

    Messages the handler reports in batchItemFailures are made visible again at once, so their retries (and,
    after the third receive, the move to the dead-letter queue) happen now rather than after the timeout.
    """
    from shared import aws

    sqs = aws.sqs()
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    handled = 0
    while True:
        messages = sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=batch_size, WaitTimeSeconds=0, AttributeNames=["All"]
        ).get("Messages", [])
        if not messages:
            return handled
        context = LocalContext(
            function_name="factextract-batch-local", aws_request_id=str(uuid.uuid4()), memory_limit_in_mb=1769
        )
        context.deadline += BATCH_TIMEOUT_SECONDS - 29
        response = handler(sqs_event(messages, queue_arn), context)
        failed = {failure["itemIdentifier"] for failure in response.get("batchItemFailures", [])}
        for message in messages:
            if message["MessageId"] in failed:
                sqs.change_message_visibility(
                    QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        handled += len(messages)
        on_batch()


def relative_names(files: list[Path]) -> dict[Path, str]:
    """Each file's path below the folder all of them share, so dupA/daily.jsonl and dupB/daily.jsonl stay two
    files (uploaded by name alone they met at one key: one job, two articles never extracted)."""
    resolved = {path: path.resolve() for path in files}
    parents = [str(full.parent) for full in resolved.values()]
    root = Path(os.path.commonpath(parents)) if parents else Path()
    return {path: full.relative_to(root).as_posix() for path, full in resolved.items()}


def upload(files: list[Path], bucket: str) -> dict[Path, str]:
    """Uploads each file under incoming/ by its path below the files' common folder; returns the key of each."""
    from shared import aws

    keys: dict[Path, str] = {}
    for path, name in relative_names(files).items():
        key = f"{INPUT_PREFIX}{name}"
        aws.s3().upload_file(str(path), bucket, key)
        keys[path] = key
    return keys


def job_of(bucket: str, key: str) -> str:
    from batch.jobs import job_id
    from shared import aws

    return job_id(bucket, key, aws.s3().head_object(Bucket=bucket, Key=key)["ETag"])


def save_results(results_bucket: str, key: str, job: str, out_dir: Path) -> Path | None:
    """Concatenates the job's result parts (in chunk order) into out_dir/<file name>.jsonl."""
    from batch import results
    from shared import aws

    s3 = aws.s3()
    try:
        manifest = json.loads(s3.get_object(Bucket=results_bucket, Key=results.manifest_key(key, job))["Body"].read())
    except s3.exceptions.NoSuchKey:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{key.removeprefix(INPUT_PREFIX)}.results.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        for part in manifest["parts"]:
            handle.write(s3.get_object(Bucket=results_bucket, Key=part)["Body"].read())
    return target


def run(paths: list[Path], out_dir: Path, handler: Handler | None = None, show: bool = True) -> dict[str, Any]:
    """Uploads, processes and reports; expects the environment local_aws() sets up. Returns the job records."""
    from batch import results
    from shared import aws
    from shared.config import settings
    from shared.store import default_jobs

    files = input_files(paths)
    if not files:
        raise SystemExit(f"no .txt, .json or .jsonl files in {', '.join(map(str, paths))}")
    config = settings()
    assert config.input_bucket and config.results_bucket and config.chunk_queue_url
    if handler is None:
        from batch.app import lambda_handler as handler
    queue_url = create_input_queue(config.input_bucket)
    total = sum(expected_articles(path) for path in files)
    keys = upload(files, config.input_bucket)
    jobs = {key: job_of(config.input_bucket, key) for key in keys.values()}
    job_store = default_jobs()

    with tqdm(total=total, unit="article", disable=not show, file=sys.stderr) as bar:

        def progress() -> None:
            records = [job_store.get_job(job) for job in jobs.values()]
            bar.n = sum(r.articles_done + r.articles_failed for r in records if r is not None)
            bar.refresh()

        # New files first, then their chunks (and any re-queued rests) until neither queue has messages;
        # batch sizes as template.yaml's event sources (BatchSize default 5, chunks one at a time).
        while drain(queue_url, handler, progress, INPUT_BATCH_SIZE) + drain(
            config.chunk_queue_url, handler, progress, CHUNK_BATCH_SIZE
        ):
            pass

    dead = aws.sqs().get_queue_attributes(
        QueueUrl=aws.sqs().get_queue_url(QueueName=DEAD_LETTER_QUEUE)["QueueUrl"],
        AttributeNames=["ApproximateNumberOfMessages"],
    )["Attributes"]["ApproximateNumberOfMessages"]
    report: dict[str, Any] = {"jobs": [], "dead_letters": int(dead)}
    for key, job in jobs.items():
        record = job_store.get_job(job, failures=True)
        saved = save_results(config.results_bucket, key, job, out_dir)
        report["jobs"].append(
            {
                "job": record.model_dump(mode="json") if record else None,
                "results": f"s3://{config.results_bucket}/{results.manifest_key(key, job)}",
                "saved_to": str(saved) if saved else None,
            }
        )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.batch", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="files or folders of .txt, .json, .jsonl")
    parser.add_argument("--out", type=Path, default=Path("batch-results"), help="where results JSONL files go")
    args = parser.parse_args(argv)
    # functions/ is the Lambda code root (CodeUri): its packages import as batch and shared, as in Lambda.
    sys.path.insert(0, str(ROOT / "functions"))
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "factextract-batch")
    # The handler's JSON log lines would bury the progress bar; the job records printed at the end tell the story.
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
    # Small chunks locally, so a file of a few hundred lines takes the same fan-out path a 1 GB file takes
    # in AWS and the progress bar moves chunk by chunk.
    os.environ.setdefault("CHUNK_LINES", str(LOCAL_CHUNK_LINES))
    # Real credentials alone are not enough here: this command plays the Lambda poller itself, which on a
    # deployed stack the batch function does. AWS_ENDPOINT_URL selects another local emulator; without it,
    # the moto of a running `make run` is used, so the API serves what this command extracts.
    shared = None if os.environ.get("AWS_ENDPOINT_URL") else running()
    if shared:
        os.environ.update(shared)
    with local_aws("external" if os.environ.get("AWS_ENDPOINT_URL") else "embedded") as where:
        if shared:
            where = f"the moto of the running `make run` at {where}"
        print(f"AWS: {where}", file=sys.stderr)
        report = run(args.paths, args.out)
    print(json.dumps(report, indent=2))
    return 0 if all(job["job"] and job["job"]["status"] == "completed" for job in report["jobs"]) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Where a job's results go in the results bucket: JSONL parts per group of articles, and a manifest when complete.

Layout: results/<input key without incoming/>/<job tag>/part-<chunk>-<first line>.jsonl, one Extraction per
line, and manifest.json beside them. A part holds one group of articles (spaCy's batch), named by the file
line its group starts at. Groups are cut by the file's content alone, never by an invocation's remaining
time, so any delivery of a chunk, however its work was split into segments, writes the same parts under
the same keys: a duplicate or retried delivery overwrites them and neither loses nor repeats a line (parts
named by segment lost 2 of 7 articles or held 2 of 7 twice when one message was delivered twice). The job
tag (from the job id, which includes the object's ETag) keeps a re-uploaded, changed file from mixing with
the parts of the earlier one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from shared import aws
from shared.models import JobRecord

INPUT_PREFIX = "incoming/"


def prefix(key: str, job_id: str) -> str:
    tag = hashlib.sha256(job_id.encode()).hexdigest()[:12]
    return f"results/{key.removeprefix(INPUT_PREFIX)}/{tag}/"


def part_key(key: str, job_id: str, chunk: int, first_line: int) -> str:
    return f"{prefix(key, job_id)}part-{chunk:05d}-{first_line:012d}.jsonl"


def manifest_key(key: str, job_id: str) -> str:
    return f"{prefix(key, job_id)}manifest.json"


def write_part(bucket: str, key: str, lines: Sequence[str]) -> None:
    body = "".join(f"{line}\n" for line in lines).encode()
    aws.s3().put_object(Bucket=bucket, Key=key, Body=body, ContentType="application/x-ndjson")


def write_manifest(bucket: str, key: str, job_id: str, job: JobRecord) -> str:
    """Lists every part of the finished job with its counts; returns the manifest's key."""
    listing = aws.s3().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix(key, job_id))
    parts = sorted(
        entry["Key"] for page in listing for entry in page.get("Contents", []) if entry["Key"].endswith(".jsonl")
    )
    manifest = {
        "job_id": job.job_id,
        "source": job.source,
        "status": job.status,
        "reason": job.reason,
        "articles_done": job.articles_done,
        "articles_failed": job.articles_failed,
        "failures": [failure.model_dump() for failure in job.failures],
        "parts": parts,
    }
    target = manifest_key(key, job_id)
    aws.s3().put_object(
        Bucket=bucket, Key=target, Body=json.dumps(manifest, indent=2).encode(), ContentType="application/json"
    )
    return target

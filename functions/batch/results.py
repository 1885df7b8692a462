"""Where a job's results go in the results bucket: JSONL parts per chunk segment, and a manifest when complete.

Layout: results/<input key without incoming/>/<job tag>/part-<chunk>-<segment>.jsonl, one Extraction per
line, and manifest.json beside them. A part's key depends only on its chunk and segment, so a retried
invocation overwrites its own part instead of adding a second copy. The job tag (from the job id, which
includes the object's ETag) keeps a re-uploaded, changed file from mixing with the parts of the earlier one.
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


def part_key(key: str, job_id: str, chunk: int, segment: int) -> str:
    return f"{prefix(key, job_id)}part-{chunk:05d}-{segment:03d}.jsonl"


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

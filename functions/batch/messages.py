"""What an SQS message body of the batch queues means: new files (S3 notifications), S3's test event, or a chunk.

S3 writes object keys URL-encoded in its notifications ('a b.jsonl' arrives as 'a+b.jsonl'), and sends one
s3:TestEvent when a notification configuration is saved; both reach the function through the input queue.
"""

from __future__ import annotations

import json
from typing import Literal
from urllib.parse import unquote_plus

from pydantic import BaseModel, Field, ValidationError

from shared.errors import InvalidMessage
from shared.models import LineFailure

# Failure messages carried inside a re-queued chunk are cut to this length, so a chunk whose every line
# failed still fits SQS's 256 KB message limit.
CARRIED_MESSAGE_CHARS = 120


class FileRef(BaseModel):
    """One object that arrived in the input bucket."""

    bucket: str
    key: str
    size: int | None = None
    etag: str | None = None
    # The version the notification is about (input bucket versioning is on): a file replaced before its
    # notification is handled is still read as it was, and gets its own job.
    version_id: str | None = None


class ChunkTask(BaseModel):
    """Lines [start, end) of an input file (byte offsets, aligned to line starts), first_line its first line's number.

    done, failures and segment carry the progress of earlier invocations when one ran short of time and
    re-queued the rest of its chunk; the chunk is counted in the job record once, when its last segment ends.
    """

    kind: Literal["chunk"] = "chunk"
    job_id: str
    bucket: str
    key: str
    chunk: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    first_line: int = Field(ge=1)
    # The ETag the chunks were planned on: a read of a since-replaced object is refused rather than misread.
    etag: str | None = None
    version_id: str | None = None
    # A .json array's chunk: its items first_line..last_line (the whole file is read; items are its lines).
    last_line: int | None = Field(default=None, ge=1)
    segment: int = Field(default=0, ge=0)
    done: int = Field(default=0, ge=0)
    failures: list[LineFailure] = Field(default_factory=list)

    def rest(self, start: int, first_line: int, done: int, failures: list[LineFailure]) -> ChunkTask:
        """The unfinished rest of this chunk, from byte start, with the progress made so far."""
        carried = [
            failure.model_copy(update={"message": failure.message[:CARRIED_MESSAGE_CHARS]}) for failure in failures
        ]
        return self.model_copy(
            update={
                "start": start,
                "first_line": first_line,
                "segment": self.segment + 1,
                "done": self.done + done,
                "failures": [*self.failures, *carried],
            }
        )


Message = list[FileRef] | ChunkTask | None


def parse_body(body: str) -> Message:
    """New files, a chunk task, or None for S3's test event (nothing to do)."""
    try:
        value = json.loads(body)
    except json.JSONDecodeError:
        raise InvalidMessage("message body is not JSON") from None
    if not isinstance(value, dict):
        raise InvalidMessage("message body is not a JSON object")
    if value.get("Event") == "s3:TestEvent":
        return None
    if value.get("kind") == "chunk":
        try:
            return ChunkTask.model_validate(value)
        except ValidationError as exc:
            raise InvalidMessage(f"chunk message is invalid: {exc.errors()[0]['msg']}") from None
    records = value.get("Records")
    if not isinstance(records, list):
        raise InvalidMessage("message is neither an S3 notification nor a chunk task")
    return [_file_ref(record) for record in records if _is_created_file(record)]


def _is_created_file(record: object) -> bool:
    if not isinstance(record, dict) or not str(record.get("eventName", "")).startswith("ObjectCreated"):
        return False
    # Console "folders" are zero-byte objects whose key ends in '/'.
    return not str(record.get("s3", {}).get("object", {}).get("key", "")).endswith("/")


def _file_ref(record: dict) -> FileRef:
    try:
        s3 = record["s3"]
        obj = s3["object"]
        return FileRef(
            bucket=s3["bucket"]["name"],
            key=unquote_plus(obj["key"]),
            size=obj.get("size"),
            etag=obj.get("eTag"),
            # S3 writes "null" for an object stored while the bucket had no versioning.
            version_id=None if obj.get("versionId") in (None, "", "null") else obj["versionId"],
        )
    except (KeyError, TypeError, ValidationError):
        raise InvalidMessage("S3 notification record lacks bucket name or object key") from None

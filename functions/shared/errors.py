"""Errors of the functions (beyond the engine's), each with the stable code the API and job records report.

Every application code is defined here, as an exception class's `code`; the engine's own codes live in
factextract.errors. The API maps codes to statuses in api/errors.py, the batch job writes them in job records.
"""

from __future__ import annotations

from factextract.errors import FactExtractError


class NotFound(FactExtractError):
    code = "not_found"


class InvalidRequest(FactExtractError):
    """A request field the API refuses; `field` names it."""

    code = "validation_error"


class InvalidCursor(InvalidRequest):
    """A pagination cursor that this API did not issue for this query."""

    def __init__(self, message: str = "cursor is not one this API issued for this query") -> None:
        super().__init__(message, field="cursor")


class Forbidden(FactExtractError):
    """A change to an article that another API key stored: only the key recorded as its owner may replace or
    delete it (reads stay open to every key holder)."""

    code = "forbidden"


class InvalidJson(FactExtractError):
    """A request body that does not parse as JSON (or is not UTF-8 text)."""

    code = "invalid_json"


class UnsupportedMediaType(FactExtractError):
    code = "unsupported_media_type"


class InternalError(FactExtractError):
    """Unexpected failure on our side; the answer carries the request id instead of details."""

    code = "internal_error"


class StoreUnavailable(FactExtractError):
    """DynamoDB kept refusing writes after every retry; the caller may try again later."""

    code = "store_unavailable"


# ---- batch: reasons a job record lists for a line or a message ----------------------------------------------


class InvalidMessage(FactExtractError):
    """An SQS message body that is neither an S3 notification, S3's test event nor a chunk task."""

    code = "invalid_message"


class LineTooLarge(FactExtractError):
    """A line longer than any acceptable article can be in JSON: listed as failed without being parsed."""

    code = "line_too_large"

    def __init__(self, size: int, limit: int, max_chars: int) -> None:
        super().__init__(f"line has {size:,} bytes; one over {limit:,} cannot hold a text of {max_chars:,} characters")


class ObjectChanged(FactExtractError):
    """The input file was replaced after its chunks were planned; its new version is a job of its own."""

    code = "object_changed"


class ExtractionFailed(FactExtractError):
    """The engine failed on one article in a way it did not name (a bug, not the input): that line is listed,
    the rest of the file goes on. Its code is the engine's code for an unnamed failure."""

    code = FactExtractError.code


class LineUnreadable(FactExtractError):
    """A line that raised something no reader names (RecursionError, MemoryError...): that line is listed with
    the error's type, and the rest of its chunk goes on."""

    code = "unreadable_line"


class DeadLettered(FactExtractError):
    """A message of the job failed on its last receive and goes to the dead-letter queue: the job is marked
    failed with this reason, never left running."""

    code = "dead_lettered"

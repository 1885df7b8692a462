"""Errors of the functions (beyond the engine's), each with the stable code the API and job records report."""

from __future__ import annotations

from factextract.errors import FactExtractError


class NotFound(FactExtractError):
    code = "not_found"


class InvalidCursor(FactExtractError):
    """A pagination cursor that this API did not issue for this query."""

    code = "validation_error"

    def __init__(self, message: str = "cursor is not one this API issued for this query") -> None:
        super().__init__(message, field="cursor")


class UnsupportedMediaType(FactExtractError):
    code = "unsupported_media_type"


class StoreUnavailable(FactExtractError):
    """DynamoDB kept refusing writes after every retry; the caller may try again later."""

    code = "store_unavailable"

"""Every error answer of the API, decided in this one module: a stable code, a status, a message.

Bodies follow shared.models.ErrorBody: {"code", "message"} plus "field" for validation errors and
"request_id" for internal errors. No answer carries a stack trace or echoes the request body.
"""

from __future__ import annotations

import base64
import binascii
from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import (
    RequestUnsupportedContentType,
    RequestValidationError,
)

from api.observability import logger
from factextract.errors import FactExtractError
from shared.models import ErrorBody

STATUS_BY_CODE = {
    "invalid_json": HTTPStatus.BAD_REQUEST,
    "not_found": HTTPStatus.NOT_FOUND,
    "text_too_long": HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    "unsupported_media_type": HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
    "validation_error": HTTPStatus.UNPROCESSABLE_ENTITY,
    "store_unavailable": HTTPStatus.SERVICE_UNAVAILABLE,
}
# The engine's input errors are validation errors to an API caller.
API_CODE = {"invalid_article": "validation_error", "unsupported_language": "validation_error"}
JSON_TYPES = ("application/json",)
METHODS_WITH_BODY = {"POST", "PUT", "PATCH"}

# Every route may answer with these; the OpenAPI document lists them with the ErrorBody schema.
ERROR_RESPONSES: dict[int, dict[str, Any]] = {
    status: {"description": description, "content": {"application/json": {"model": ErrorBody}}}
    for status, description in (
        (400, "The body is not valid JSON (invalid_json)."),
        (413, "The text is longer than MAX_TEXT_CHARS (text_too_long)."),
        (415, "The body is not application/json (unsupported_media_type)."),
        (422, "A field is missing or invalid; `field` names it (validation_error)."),
        (500, "Unexpected failure; `request_id` identifies it in the logs (internal_error)."),
    )
}
NOT_FOUND_RESPONSE = {
    404: {"description": "No such extraction (not_found).", "content": {"application/json": {"model": ErrorBody}}}
}


def error_response(status: int, code: str, message: str, **extra: str | None) -> Response[ErrorBody]:
    body = ErrorBody(code=code, message=message, **extra)
    return Response(
        status_code=int(status),
        content_type=content_types.APPLICATION_JSON,
        body=body.model_dump_json(exclude_none=True),
    )


def _field(location: tuple[Any, ...]) -> str:
    # Locations start with where the value came from (body, query, path); the caller knows its own field names.
    parts = [str(part) for part in location[1:]] if location and location[0] in {"body", "query", "path"} else []
    return ".".join(parts) or (str(location[0]) if location else "body")


def _body_text(event: dict[str, Any]) -> str:
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            return base64.b64decode(body).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            return ""
    return body


def _declared_type(event: dict[str, Any]) -> str:
    headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
    return (headers.get("content-type") or "").split(";")[0].strip().lower()


def _is_curl_json(event: dict[str, Any]) -> bool:
    # curl -d sends JSON as application/x-www-form-urlencoded unless told otherwise; such a body that is
    # a JSON object is read as JSON, so a one-line curl without -H works.
    declared = _declared_type(event)
    return declared == "application/x-www-form-urlencoded" and _body_text(event).lstrip().startswith("{")


def refuse_media_type(event: dict[str, Any]) -> dict[str, Any] | None:
    """The 415 proxy answer when a request body is declared as something other than JSON, else None."""
    if (event.get("httpMethod") or "").upper() not in METHODS_WITH_BODY:
        return None
    declared = _declared_type(event)
    if not declared or declared in JSON_TYPES or declared.endswith("+json") or _is_curl_json(event):
        return None
    body = ErrorBody(code="unsupported_media_type", message=f"the body must be application/json, not {declared}")
    return {
        "statusCode": int(HTTPStatus.UNSUPPORTED_MEDIA_TYPE),
        "headers": {"Content-Type": content_types.APPLICATION_JSON},
        "multiValueHeaders": {},
        "body": body.model_dump_json(exclude_none=True),
        "isBase64Encoded": False,
    }


def as_json(event: dict[str, Any]) -> dict[str, Any]:
    """The event with a curl-style form-encoded JSON body declared as application/json."""
    if not _is_curl_json(event):
        return event
    headers = {name: value for name, value in (event.get("headers") or {}).items() if name.lower() != "content-type"}
    multi = {
        name: value for name, value in (event.get("multiValueHeaders") or {}).items() if name.lower() != "content-type"
    }
    return {
        **event,
        "headers": {**headers, "Content-Type": "application/json"},
        "multiValueHeaders": {**multi, "Content-Type": ["application/json"]},
    }


def register(app: APIGatewayRestResolver) -> None:
    """Installs the API's error handlers on the resolver."""

    @app.exception_handler(RequestValidationError)
    def _invalid_request(error: RequestValidationError) -> Response[ErrorBody]:
        problems = error.errors()
        malformed = next((problem for problem in problems if problem.get("type") == "json_invalid"), None)
        if malformed is not None:
            detail = (malformed.get("ctx") or {}).get("error", "JSON decode error")
            return error_response(HTTPStatus.BAD_REQUEST, "invalid_json", f"the body is not valid JSON: {detail}")
        first = problems[0]
        field = _field(tuple(first.get("loc", ())))
        message = f"{field}: {first.get('msg', 'invalid value')}"
        return error_response(HTTPStatus.UNPROCESSABLE_ENTITY, "validation_error", message, field=field)

    @app.exception_handler(RequestUnsupportedContentType)
    def _unsupported(error: RequestUnsupportedContentType) -> Response[ErrorBody]:
        return error_response(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "the body must be JSON")

    @app.exception_handler(FactExtractError)
    def _domain(error: FactExtractError) -> Response[ErrorBody]:
        code = API_CODE.get(error.code, error.code)
        status = STATUS_BY_CODE.get(code)
        if status is None:
            return _internal(error)
        return error_response(status, code, error.message, field=error.field)

    @app.not_found
    def _no_route(error: NotFoundError) -> Response[ErrorBody]:
        path = app.current_event.path
        return error_response(HTTPStatus.NOT_FOUND, "not_found", f"no route for {app.current_event.http_method} {path}")

    @app.exception_handler(Exception)
    def _internal(error: Exception) -> Response[ErrorBody]:
        logger.exception("unhandled error")
        context = app.lambda_context
        request_id = getattr(context, "aws_request_id", None) or app.current_event.request_context.request_id
        return error_response(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            "internal_error",
            "the request failed on our side; quote the request id when reporting it",
            request_id=request_id,
        )

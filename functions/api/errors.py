"""Every error answer of the API, decided in this one module: a stable code, a status, a message.

Bodies follow shared.models.ErrorBody: {"code", "message"} plus "field" for validation errors and
"request_id" for internal errors. No answer carries a stack trace or echoes the request body.
"""

from __future__ import annotations

import base64
from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import (
    RequestUnsupportedContentType,
    RequestValidationError,
)

from api import jsonio
from api.observability import logger
from factextract.errors import FactExtractError, InvalidArticle, TextTooCostly, TextTooLong, UnsupportedLanguage
from factextract.reader import parse_json
from shared.errors import (
    Forbidden,
    InternalError,
    InvalidJson,
    InvalidRequest,
    NotFound,
    StoreUnavailable,
    UnsupportedMediaType,
)
from shared.models import ErrorBody

STATUS_BY_CODE = {
    InvalidJson.code: HTTPStatus.BAD_REQUEST,
    Forbidden.code: HTTPStatus.FORBIDDEN,
    NotFound.code: HTTPStatus.NOT_FOUND,
    TextTooLong.code: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    TextTooCostly.code: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    UnsupportedMediaType.code: HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
    InvalidRequest.code: HTTPStatus.UNPROCESSABLE_ENTITY,
    StoreUnavailable.code: HTTPStatus.SERVICE_UNAVAILABLE,
}
# The engine's input errors are validation errors to an API caller.
API_CODE = {InvalidArticle.code: InvalidRequest.code, UnsupportedLanguage.code: InvalidRequest.code}
JSON_TYPES = ("application/json",)
UTF8_NAMES = {"utf-8", "utf8"}
METHODS_WITH_BODY = {"POST", "PUT", "PATCH"}

# The error answers routes declare (each picks those it can give), listed in the OpenAPI document as ErrorBody.
ERROR_RESPONSES: dict[int, dict[str, Any]] = {
    status: {"description": description, "content": {"application/json": {"model": ErrorBody}}}
    for status, description in (
        (400, f"The body is not valid JSON ({InvalidJson.code})."),
        (403, f"The article was stored with another API key; only that key may change or delete it "
              f"({Forbidden.code}). Articles stored without a key may be changed by anyone."),
        (413, f"The text is longer than MAX_TEXT_CHARS ({TextTooLong.code}), or has more words per character "
              f"than any prose, which would cost several times an article of its length ({TextTooCostly.code})."),
        (415, f"The body is not application/json in UTF-8 ({UnsupportedMediaType.code})."),
        (422, f"A field is missing or invalid; `field` names it ({InvalidRequest.code})."),
        (500, f"Unexpected failure; `request_id` identifies it in the logs ({InternalError.code})."),
        (503, f"DynamoDB kept refusing the request after every retry; try again later ({StoreUnavailable.code})."),
    )
}
NOT_FOUND_RESPONSE = {
    404: {
        "description": f"No such extraction ({NotFound.code}).",
        "content": {"application/json": {"model": ErrorBody}},
    }
}


def error_response(status: int, code: str, message: str, **extra: str | None) -> Response[ErrorBody]:
    body = ErrorBody(code=code, message=message, **extra)
    return Response(
        status_code=int(status),
        content_type=content_types.APPLICATION_JSON,
        body=jsonio.dumps(body.model_dump(mode="json", exclude_none=True)),
    )


def _field(location: tuple[Any, ...]) -> str:
    # Locations start with where the value came from (body, query, path), then the field; deeper parts
    # name union members and list positions, which the caller did not write.
    if len(location) >= 2 and location[0] in {"body", "query", "path"}:
        return str(location[1])
    return str(location[0]) if location else "body"


def _body_text(event: dict[str, Any]) -> str | None:
    """The body as text; binascii.Error when flagged base64 but not base64, UnicodeDecodeError when not UTF-8."""
    body = event.get("body")
    if body is None or not event.get("isBase64Encoded"):
        return body
    return base64.b64decode(body, validate=True).decode("utf-8")


def _content_type(event: dict[str, Any]) -> tuple[str, str | None]:
    """The declared media type and its charset parameter, lower case."""
    headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
    media, *parameters = (headers.get("content-type") or "").split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _proxy_answer(status: HTTPStatus, code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {
        "statusCode": int(status),
        "headers": {"Content-Type": content_types.APPLICATION_JSON},
        "multiValueHeaders": {},
        "body": jsonio.dumps(
            ErrorBody(code=code, message=message, field=field).model_dump(mode="json", exclude_none=True)
        ),
        "isBase64Encoded": False,
    }


def _json_problem(text: str) -> str | None:
    """Why the text is not JSON a handler can read, or None; in the words the CLI and batch jobs use for a bad
    line (factextract.reader.parse_json). Powertools only expects JSONDecodeError."""
    try:
        parse_json(text)
    except InvalidArticle as error:
        return f"the body is not valid JSON: {error.message}"
    return None


def screen(event: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The event as the resolver should see it, and the answer when its body must be refused first.

    A body must be JSON (415 otherwise) that parses (400 otherwise). curl -d declares JSON as
    application/x-www-form-urlencoded unless told otherwise; such a body that is a JSON object is read as
    JSON, so a one-line curl without -H works.
    """
    if (event.get("httpMethod") or "").upper() not in METHODS_WITH_BODY:
        return event, None
    declared, charset = _content_type(event)
    if charset is not None and charset not in UTF8_NAMES:
        # A latin-1 body was read as UTF-8 and "é" stored as U+FFFD: other charsets are refused, not guessed.
        message = f"the body must be UTF-8, not {charset}"
        return event, _proxy_answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, UnsupportedMediaType.code, message)
    try:
        text = _body_text(event)
    except UnicodeDecodeError:
        message = "the body must be UTF-8 text"
        return event, _proxy_answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, UnsupportedMediaType.code, message)
    except ValueError:
        return event, _proxy_answer(HTTPStatus.BAD_REQUEST, InvalidJson.code, "the body is not valid base64")
    from_curl = declared == "application/x-www-form-urlencoded" and (text or "").lstrip().startswith("{")
    if declared and declared not in JSON_TYPES and not declared.endswith("+json") and not from_curl:
        message = f"the body must be application/json, not {declared}"
        return event, _proxy_answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, UnsupportedMediaType.code, message)
    problem = _json_problem(text) if text else None
    if problem is not None:
        return event, _proxy_answer(HTTPStatus.BAD_REQUEST, InvalidJson.code, problem)
    if text and text.lstrip().startswith("["):
        # Powertools validates a JSON array as its first item and drops the rest: [a, b] would store only a.
        message = "body: the body must be one JSON object, not an array"
        return event, _proxy_answer(HTTPStatus.UNPROCESSABLE_ENTITY, InvalidRequest.code, message, field="body")
    headers = {name: value for name, value in (event.get("headers") or {}).items() if name.lower() != "content-type"}
    multi = {
        name: value for name, value in (event.get("multiValueHeaders") or {}).items() if name.lower() != "content-type"
    }
    return {
        **event,
        "headers": {**headers, "Content-Type": "application/json"},
        "multiValueHeaders": {**multi, "Content-Type": ["application/json"]},
        "body": text,
        "isBase64Encoded": False,
    }, None


def register(app: APIGatewayRestResolver) -> None:
    """Installs the API's error handlers on the resolver."""

    @app.exception_handler(RequestValidationError)
    def _invalid_request(error: RequestValidationError) -> Response[ErrorBody]:
        first = error.errors()[0]
        field = _field(tuple(first.get("loc", ())))
        message = f"{field}: {first.get('msg', 'invalid value')}"
        return error_response(HTTPStatus.UNPROCESSABLE_ENTITY, InvalidRequest.code, message, field=field)

    @app.exception_handler(RequestUnsupportedContentType)
    def _unsupported(error: RequestUnsupportedContentType) -> Response[ErrorBody]:
        return error_response(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, UnsupportedMediaType.code, "the body must be JSON")

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
        message = f"no route for {app.current_event.http_method} {path}"
        return error_response(HTTPStatus.NOT_FOUND, NotFound.code, message)

    @app.exception_handler(Exception)
    def _internal(error: Exception) -> Response[ErrorBody]:
        logger.exception("unhandled error")
        context = app.lambda_context
        request_id = getattr(context, "aws_request_id", None) or app.current_event.request_context.request_id
        return error_response(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            InternalError.code,
            "the request failed on our side; quote the request id when reporting it",
            request_id=request_id,
        )

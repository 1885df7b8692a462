"""POST /v1/extractions, GET and DELETE /v1/extractions/{article_id}."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.metrics import MetricUnit

from api import logic
from api.errors import ERROR_RESPONSES, NOT_FOUND_RESPONSE
from api.observability import logger, metrics
from factextract.models import ARTICLE_ID_PATTERN, Article, Extraction

router = Router()

ArticleKey = Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="The extraction's id (the article id).")]


def _caller() -> str | None:
    """The request's API key id: API Gateway sets it on every route that requires a key; None locally."""
    # Read from the raw event: Powertools' request_context.identity raises KeyError on an event without
    # "identity" (a hand-built or directly invoked one), which would answer 500 instead of storing keyless.
    identity = (router.current_event.raw_event.get("requestContext") or {}).get("identity") or {}
    return identity.get("apiKeyId") or None


def _extraction(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"model": Extraction}}}


@router.post(
    "/v1/extractions",
    summary="Extract and store an article's facts",
    description="The same article (text, date and metadata) always gets the same id and is extracted once. "
    "The API key that first stores an article owns it: a post under its id that would change it needs that key.",
    tags=["extractions"],
    responses={
        201: _extraction("Extracted now and stored."),
        200: _extraction("Already stored: the stored extraction."),
        **{status: ERROR_RESPONSES[status] for status in (400, 403, 413, 415, 422, 500, 503)},
    },
)
def create_extraction(article: Article) -> Response[Extraction]:
    extraction, created = logic.create_extraction(article, caller=_caller())
    metrics.add_metric(name="ExtractionsCreated" if created else "ExtractionsReused", unit=MetricUnit.Count, value=1)
    logger.info("extraction stored" if created else "extraction reused", extra={"article_id": extraction.id})
    return Response(status_code=201 if created else 200, content_type=content_types.APPLICATION_JSON, body=extraction)


@router.get(
    "/v1/extractions/<article_id>",
    summary="Read a stored extraction",
    tags=["extractions"],
    responses={
        200: _extraction("The stored extraction."),
        **NOT_FOUND_RESPONSE,
        422: ERROR_RESPONSES[422],
        500: ERROR_RESPONSES[500],
        503: ERROR_RESPONSES[503],
    },
)
def get_extraction(article_id: ArticleKey) -> Extraction:
    return logic.get_extraction(article_id)


@router.delete(
    "/v1/extractions/<article_id>",
    summary="Delete a stored extraction and every fact of it",
    description="Only the API key that stored the article may delete it (anyone, for an article stored without one).",
    tags=["extractions"],
    responses={
        204: {"description": "Deleted."},
        403: ERROR_RESPONSES[403],
        **NOT_FOUND_RESPONSE,
        422: ERROR_RESPONSES[422],
        500: ERROR_RESPONSES[500],
        503: ERROR_RESPONSES[503],
    },
)
def delete_extraction(article_id: ArticleKey) -> Response[None]:
    logic.delete_extraction(article_id, caller=_caller())
    metrics.add_metric(name="ExtractionsDeleted", unit=MetricUnit.Count, value=1)
    return Response(status_code=204, body="")

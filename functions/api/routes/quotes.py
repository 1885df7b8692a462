"""GET /v1/quotes?speaker=NAME: a speaker's quotes across stored articles, newest first."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from api import logic
from api.errors import ERROR_RESPONSES
from shared.models import QuotePage

router = Router()


@router.get(
    "/v1/quotes",
    summary="Quotes by a speaker, newest first",
    tags=["quotes"],
    responses={
        200: {"description": "One page of quotes.", "content": {"application/json": {"model": QuotePage}}},
        422: ERROR_RESPONSES[422],
        500: ERROR_RESPONSES[500],
        503: ERROR_RESPONSES[503],
    },
)
def list_quotes(
    speaker: Annotated[
        str, Query(min_length=1, max_length=200, pattern=r"\S", description="Speaker name; case and spacing ignored.")
    ],
    limit: Annotated[int, Query(ge=1, le=100, description="Page size.")] = 20,
    cursor: Annotated[str | None, Query(max_length=2048, description="next_cursor of the previous page.")] = None,
) -> QuotePage:
    return logic.speaker_quotes(speaker, limit, cursor)

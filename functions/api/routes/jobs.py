"""GET /v1/jobs?id=JOB: a batch job's record, its progress and its failed lines, as make batch prints it."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from api import logic
from api.errors import ERROR_RESPONSES, NOT_FOUND_RESPONSE
from shared.models import JobRecord

router = Router()


@router.get(
    "/v1/jobs",
    summary="A batch job's record",
    description="A job id names the input file and its version: bucket/key@etag, as the batch's job record gives it.",
    tags=["jobs"],
    responses={
        200: {"description": "The job's record.", "content": {"application/json": {"model": JobRecord}}},
        **NOT_FOUND_RESPONSE,
        422: ERROR_RESPONSES[422],
        500: ERROR_RESPONSES[500],
        503: ERROR_RESPONSES[503],
    },
)
def get_job(
    id: Annotated[str, Query(min_length=1, max_length=1200, description="The job id (URL-encoded).")],
) -> JobRecord:
    return logic.job(id)

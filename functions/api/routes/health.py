"""GET /v1/health: the function is up and which extractor version answers."""

from __future__ import annotations

from aws_lambda_powertools.event_handler.api_gateway import Router

from api import logic
from api.errors import ERROR_RESPONSES
from shared.models import Health

router = Router()


@router.get(
    "/v1/health",
    summary="Health check",
    tags=["health"],
    responses={
        200: {"description": "Up", "content": {"application/json": {"model": Health}}},
        500: ERROR_RESPONSES[500],
    },
)
def get_health() -> Health:
    return logic.health()

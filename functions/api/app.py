"""The API function's entry point: the resolver, its routers and error handlers, and the Lambda handler."""

from __future__ import annotations

from typing import Any

from factextract.startup import process_start

with process_start():  # what is imported and loaded here lives as long as the function's environment
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver
    from aws_lambda_powertools.logging import correlation_paths
    from aws_lambda_powertools.utilities.typing import LambdaContext

    from api import errors, jsonio
    from api.observability import logger, metrics, tracer
    from api.routes import extractions, health, jobs, quotes, viewer
    from factextract.pipeline import default_extractor
    from shared.config import settings

    # Loading the models during init means SnapStart snapshots them and no request pays for them.
    default_extractor()

TITLE = "factextract API"
VERSION = "1.0.0"

# jsonio writes markup characters escaped, so no response echoes a request's or an article's tags as HTML.
app = APIGatewayRestResolver(enable_validation=True, serializer=jsonio.dumps)
for router in (extractions.router, quotes.router, jobs.router, health.router, viewer.router):
    app.include_router(router)
errors.register(app)
if settings().enable_swagger:
    app.enable_swagger(path="/swagger", title=TITLE, version=VERSION)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    request, refusal = errors.screen(event)
    if refusal is not None:
        return refusal
    return app.resolve(request, context)


def openapi_document() -> str:
    return app.get_openapi_json_schema(
        title=TITLE,
        version=VERSION,
        description="Attributed quotes, figures, claims and entities from news text, with exact character offsets.",
    )

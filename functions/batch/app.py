"""The batch function's entry point: each SQS record (a new file, S3's test event, or a chunk) is one job step.

Powertools' BatchProcessor reports a failing record in batchItemFailures, so SQS retries only that one
(and moves it to the dead-letter queue after three receives) while its siblings are deleted as done.
"""

from __future__ import annotations

from typing import Any

from factextract.startup import process_start

with process_start():  # what is imported and loaded here lives as long as the function's environment
    from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
    from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
    from aws_lambda_powertools.utilities.typing import LambdaContext

    from batch import jobs
    from batch.observability import logger, metrics, tracer
    from factextract.pipeline import default_extractor

    # Loaded during init, which Lambda runs at full CPU before the first message.
    default_extractor()

processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    # Lambda's poller always sets it; hand-written test events may not.
    receives = int(record.raw_event.get("attributes", {}).get("ApproximateReceiveCount") or 1)
    outcome = jobs.handle(record.body, lambda_context.get_remaining_time_in_millis, receives=receives)
    if outcome.skipped:
        logger.info("record needed no work", extra={"jobs": outcome.jobs})
        return
    metrics.add_metric(name="ArticlesDone", unit="Count", value=outcome.done)
    metrics.add_metric(name="ArticlesFailed", unit="Count", value=outcome.failed)
    if outcome.chunks_queued:
        metrics.add_metric(name="ChunksQueued", unit="Count", value=outcome.chunks_queued)
    logger.info("record processed", extra={"done": outcome.done, "failed": outcome.failed, "jobs": outcome.jobs})


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)

"""The batch worker: SQS batches in, partial batch failures out (jobs seam in job_service)."""

from typing import Any

from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from bananajam.api.observability import configure, logger, metrics
from bananajam.config import get_settings
from bananajam.services import wiring
from bananajam.services.job_service import handle_message

processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord) -> None:
    logger.append_keys(message_id=record.message_id)
    handle_message(
        wiring.job_processor(),
        record.message_id,
        record.body,
        int(record.attributes.approximate_receive_count or 1),
    )


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    configure(get_settings())
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )

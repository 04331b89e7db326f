"""The scheduled cache cleanup: reconcile, TTL expiry, then LRU eviction to the byte budget
(the same `CacheService` as POST /cache/clear; see bananajam.services.cache_service)."""

import time
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from bananajam.api.observability import configure, logger, metrics
from bananajam.config import get_settings
from bananajam.services import wiring


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    configure(get_settings())
    report = wiring.cache_maintenance().cleanup(time.time())
    metrics.add_metric(name="CacheEvicted", unit=MetricUnit.Count, value=report.evicted)
    metrics.add_metric(name="CacheExpired", unit=MetricUnit.Count, value=report.expired)
    metrics.add_metric(
        name="CacheDeleted", unit=MetricUnit.Count, value=report.expired + report.evicted
    )
    metrics.add_metric(name="CacheBytesFreed", unit=MetricUnit.Bytes, value=report.bytes_freed)
    metrics.add_metric(
        name="CacheIndexRepaired",
        unit=MetricUnit.Count,
        value=report.repaired_missing + report.repaired_orphans,
    )
    logger.info("cache cleanup done", extra=report.as_dict())
    return report.as_dict()

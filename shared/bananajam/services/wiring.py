"""The composition root: builds each service once per process from the settings.

Adapters and services are created on first use (never at import), then reused across warm
invocations: the job services, the cache index and maintenance, the strategy source and the
diversity service are all built here.
Tests call `reset()` so each test gets fresh objects bound to its own moto mock.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, cast

from bananajam.config import get_settings
from bananajam.services.cache_index import CacheIndex, NoopCacheIndex
from bananajam.services.cache_keys import StrategySource
from bananajam.services.cache_service import CacheMaintenance, CacheService, NoopCacheMaintenance
from bananajam.services.job_service import JobProcessor, JobTable
from bananajam.services.ports import KeyValueTable, MessageQueue, Meter, NullMeter, ObjectStore

if TYPE_CHECKING:  # the engine (numpy/Pillow) is imported only when generation is wired
    from bananajam.services.asset_service import AssetService
    from bananajam.services.diversity_service import DiversityService
    from bananajam.services.jobs_archive import JobArchive
    from bananajam.services.jobs_queries import JobQueries
    from bananajam.services.jobs_submission import JobSubmission

_meter: Meter = NullMeter()


def use_meter(meter: Meter) -> None:
    """Route service metrics to `meter` (the API layer passes Powertools Metrics)."""
    global _meter
    _meter = meter


class _CurrentMeter:
    """Forwards to whichever meter is installed now (so the order of set-up does not matter)."""

    def count(self, name: str, value: int = 1) -> None:
        _meter.count(name, value)


@cache
def object_store() -> ObjectStore:
    from bananajam.adapters.s3_store import S3ObjectStore

    return S3ObjectStore(get_settings())


@cache
def table() -> KeyValueTable:
    from bananajam.adapters.dynamo_table import DynamoTable

    return DynamoTable(get_settings())


@cache
def queue() -> MessageQueue:
    from bananajam.adapters.sqs_queue import SqsQueue

    return SqsQueue(get_settings())


@cache
def strategy_source() -> StrategySource:
    from bananajam.services.strategy_store import TableStrategySource

    return TableStrategySource(table())


@cache
def diversity_service() -> DiversityService:
    from bananajam.diversity import measure
    from bananajam.services.calibration_store import TableCalibrations
    from bananajam.services.diversity_service import DiversityService
    from bananajam.services.strategy_store import TableStrategySource

    source = strategy_source()
    assert isinstance(source, TableStrategySource)
    calibrations = TableCalibrations(table())
    measure.use_store(calibrations.load, calibrations.save)
    return DiversityService(table(), source)


@cache
def cache_index() -> CacheIndex:
    from bananajam.adapters.dynamo_table import DynamoTable
    from bananajam.services.cache_index import DynamoCacheIndex

    t = table()
    return DynamoCacheIndex(t) if isinstance(t, DynamoTable) else NoopCacheIndex()


def cache_service() -> CacheService:
    """The cache service (clear, cleanup, reconcile) that `cache_maintenance()` builds once."""
    service = cache_maintenance()
    assert isinstance(service, CacheService)
    return service


@cache
def cache_maintenance() -> CacheMaintenance:
    from bananajam.adapters.dynamo_table import DynamoTable
    from bananajam.adapters.s3_store import S3ObjectStore
    from bananajam.services.cache_reconcile import CacheReconciler

    t, store = table(), object_store()
    if not (isinstance(t, DynamoTable) and isinstance(store, S3ObjectStore)):
        return NoopCacheMaintenance()
    service = CacheService(t, store, get_settings(), meter=_CurrentMeter())
    service.attach_reconciler(CacheReconciler(t, store, service))
    return service


def _job_table() -> JobTable:
    return cast("JobTable", table())


@cache
def job_processor() -> JobProcessor:
    from bananajam.services.jobs_worker import JobWorker

    return JobWorker(
        _job_table(),
        asset_service(),
        meter=_CurrentMeter(),
        max_receive_count=get_settings().job_max_receive_count,
    )


@cache
def job_submission() -> JobSubmission:
    from bananajam.services.jobs_submission import JobSubmission

    s = get_settings()
    return JobSubmission(
        _job_table(),
        queue(),
        asset_service(),
        ttl_days=s.job_ttl_days,
        max_items=s.limits.max_batch_items,
        items_per_message=s.job_items_per_message,
        idempotency_ttl_seconds=s.idempotency_ttl_seconds,
    )


@cache
def job_queries() -> JobQueries:
    from bananajam.services.jobs_queries import JobQueries

    return JobQueries(_job_table(), object_store(), get_settings().presign_expiry_seconds)


@cache
def job_archive() -> JobArchive:
    from bananajam.services.jobs_archive import JobArchive

    return JobArchive(_job_table(), object_store(), get_settings().presign_expiry_seconds)


@cache
def asset_service() -> AssetService:
    from bananajam.services.asset_service import AssetService

    return AssetService(
        object_store(),
        get_settings(),
        strategies=strategy_source(),
        index=cache_index(),
        meter=_CurrentMeter(),
    )


def reset() -> None:
    """Forget every built object (tests; settings changes)."""
    for fn in (
        object_store,
        table,
        queue,
        strategy_source,
        cache_index,
        cache_maintenance,
        job_processor,
        job_submission,
        job_queries,
        job_archive,
        diversity_service,
        asset_service,
    ):
        fn.cache_clear()
    # Forget table-backed calibrations too, without importing the engine where it is not loaded.
    measure = sys.modules.get("bananajam.diversity.measure")
    if measure is not None:
        measure.use_store(None, None)

"""The composition root: builds each service once per process from the settings.

Adapters and services are created on first use (never at import), then reused across warm
invocations. Issues 4-6 swap the seam defaults here: `job_processor()` (issue 4),
`cache_index()` / `cache_maintenance()` (issue 5), `strategy_source()` (issue 6).
Tests call `reset()` so each test gets fresh objects bound to its own moto mock.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bananajam.config import get_settings
from bananajam.services.cache_index import CacheIndex, NoopCacheIndex
from bananajam.services.cache_keys import DefaultStrategySource, StrategySource
from bananajam.services.cache_service import CacheMaintenance, CacheService, NoopCacheMaintenance
from bananajam.services.job_service import JobProcessor, NoopJobProcessor
from bananajam.services.ports import KeyValueTable, Meter, MessageQueue, NullMeter, ObjectStore

if TYPE_CHECKING:  # the engine (numpy/Pillow) is imported only when generation is wired
    from bananajam.services.asset_service import AssetService

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
    return DefaultStrategySource()


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


@cache
def job_processor() -> JobProcessor:
    return NoopJobProcessor()


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
        asset_service,
    ):
        fn.cache_clear()

"""Cache clearing and scheduled cleanup: one deletion path for `POST /cache/clear` and the cron.

Deletion of an entry is a DynamoDB transaction that removes the index entry only if its
`version` is unchanged and subtracts its bytes from the counters; only the winner of that
transaction deletes the S3 object (in DeleteObjects batches of at most 1,000). So two cleanups
running at once, or a cleanup and a clear, decrement the counters exactly once per object and
never drive them below zero. Only keys passing `is_cache_key` are ever touched: filters are
compared with index fields, never used to build an S3 key or prefix.

Cleanup: reconcile (optional), then remove entries created more than `cache_ttl_seconds` ago,
then evict least recently hit entries until the byte counter is under `cache_budget_bytes`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from bananajam.config import Settings
from bananajam.models.cache import ClearRequest, ClearResult
from bananajam.services.cache_keys import is_cache_key
from bananajam.services.cache_records import (
    INDEX_GSI_PK,
    META_SK,
    STATS_PK,
    TOTAL_SK,
    CacheTable,
    counter_adds,
    iter_entries,
)
from bananajam.services.ports import Item, Meter, NullMeter, ObjectStore

log = logging.getLogger(__name__)
S3_BATCH = 1000


@dataclass(frozen=True)
class CleanupReport:
    expired: int = 0
    evicted: int = 0
    bytes_freed: int = 0
    repaired_missing: int = 0
    repaired_orphans: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class CacheMaintenance(Protocol):
    def cleanup(self, now: float) -> CleanupReport: ...


class NoopCacheMaintenance:
    """Removes nothing."""

    def cleanup(self, now: float) -> CleanupReport:
        return CleanupReport()


def matches(item: Item, req: ClearRequest, now: float) -> bool:
    if req.asset is not None and item.get("asset") != req.asset:
        return False
    if req.theme is not None and item.get("theme") != req.theme:
        return False
    if req.category is not None and item.get("category") != req.category:
        return False
    if req.older_than_seconds is not None:
        return float(item.get("created_at", now)) <= now - req.older_than_seconds
    return True


class CacheService:
    """`CacheMaintenance` plus the admin clear, over the index table and the object store."""

    def __init__(
        self,
        table: CacheTable,
        store: ObjectStore,
        settings: Settings,
        *,
        meter: Meter | None = None,
        reconciler: Callable[[float], tuple[int, int]] | None = None,
    ) -> None:
        self._table = table
        self._store = store
        self._settings = settings
        self._meter = meter or NullMeter()
        self._reconciler = reconciler

    def attach_reconciler(self, reconciler: Callable[[float], tuple[int, int]]) -> None:
        """Run `reconciler(now)` at the start of every cleanup (repairs index/bucket drift)."""
        self._reconciler = reconciler

    # --- the one deletion path -----------------------------------------------------------

    def delete_entries(self, items: Iterable[Item], *, dry_run: bool = False) -> tuple[int, int]:
        """Delete entries (index first, then S3 in batches); (deleted, bytes) actually freed."""
        deleted = freed = 0
        pending: list[str] = []
        for item in items:
            key = str(item.get("key", ""))
            if not is_cache_key(key) or item.get("PK") != f"CACHE#{key}":
                log.warning("refusing to delete non-cache key %r", key)
                continue
            size = int(item.get("bytes", 0))
            if dry_run:
                deleted, freed = deleted + 1, freed + size
                continue
            adds = counter_adds(str(item.get("category")), str(item.get("asset")), -1, -size)
            if self._table.delete_counted(item["PK"], META_SK, str(item.get("version")), adds):
                deleted, freed = deleted + 1, freed + size
                pending.append(key)
                if len(pending) >= S3_BATCH:
                    self._delete_objects(pending)
                    pending = []
        if pending:
            self._delete_objects(pending)
        return deleted, freed

    def _delete_objects(self, keys: Sequence[str]) -> None:
        safe = [k for k in keys if is_cache_key(k)]
        for start in range(0, len(safe), S3_BATCH):
            self._store.delete_many(safe[start : start + S3_BATCH])

    # --- admin clear -----------------------------------------------------------------------

    def clear(self, req: ClearRequest, now: float) -> ClearResult:
        deleted = freed = 0
        for page in iter_entries(self._table, page=S3_BATCH):
            chosen = [i for i in page if req.all or matches(i, req, now)]
            d, b = self.delete_entries(chosen, dry_run=req.dry_run)
            deleted, freed = deleted + d, freed + b
        if not req.dry_run:
            self._meter.count("CacheCleared", deleted)
        log.info("cache clear: deleted=%s bytes=%s dry_run=%s", deleted, freed, req.dry_run)
        return ClearResult(deleted=deleted, bytes_freed=freed, dry_run=req.dry_run)

    # --- scheduled cleanup -------------------------------------------------------------------

    def _record_oldest(self) -> None:
        """Store the least recent last-hit time on the counters (status reads it from there)."""
        first = self._table.query_gsi1(INDEX_GSI_PK, newest_first=False, limit=1).items
        oldest = str(first[0].get("last_hit", "")) if first else ""
        self._table.add(STATS_PK, TOTAL_SK, {}, oldest=oldest)

    def total_bytes(self) -> int:
        total = self._table.get(STATS_PK, TOTAL_SK) or {}
        return max(0, int(total.get("bytes", 0)))

    def cleanup(self, now: float) -> CleanupReport:
        missing = orphans = 0
        if self._reconciler is not None:
            missing, orphans = self._reconciler(now)
        cutoff = now - self._settings.cache_ttl_seconds
        expired = freed = 0
        for page in iter_entries(self._table, page=S3_BATCH):
            old = [i for i in page if float(i.get("created_at", now)) < cutoff]
            d, b = self.delete_entries(old)
            expired, freed = expired + d, freed + b
        evicted = 0
        budget = self._settings.cache_budget_bytes
        # Re-read the counter per page, so two concurrent runs over-evict by at most a page.
        for page in iter_entries(self._table, page=100):
            over = self.total_bytes() - budget
            if over <= 0:
                break
            chosen, acc = [], 0
            for item in page:  # least recently hit first
                if acc >= over:
                    break
                chosen.append(item)
                acc += int(item.get("bytes", 0))
            d, b = self.delete_entries(chosen)
            evicted, freed = evicted + d, freed + b
        self._record_oldest()
        report = CleanupReport(expired, evicted, freed, missing, orphans)
        log.info("cache cleanup summary %s", report.as_dict())
        return report

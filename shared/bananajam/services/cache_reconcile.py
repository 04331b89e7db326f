"""Reconciliation: make the index agree with the bucket's `cache/` prefix.

- An object with no index entry (its index write failed) gets one, and the counters count it
  (the same conditional transaction as `record_put`, so a racing writer is not counted twice).
- An index entry whose object is gone is deleted through the cache service's conditional delete
  (counters decremented once). Entries created after the listing started, or whose object a
  fresh HEAD still finds, are left alone so a concurrent writer is never undone.
- Counters that drifted (e.g. below zero) are corrected by ADDing the difference to the sums
  over the index.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from bananajam.services.cache_keys import CACHE_PREFIX, is_cache_key
from bananajam.services.cache_records import (
    STATS_PK,
    TOTAL_SK,
    CacheTable,
    counter_adds,
    entry_item,
    iter_entries,
    parse_key,
)
from bananajam.services.cache_service import CacheService
from bananajam.services.ports import ObjectStore

log = logging.getLogger(__name__)
GRACE_SECONDS = 60.0


class ListableStore(ObjectStore, Protocol):
    def list_prefix(self, prefix: str) -> Iterator[tuple[str, int, float]]: ...


@dataclass(frozen=True)
class ReconcileReport:
    objects: int
    entries: int
    added: int
    removed: int
    counters_fixed: int


class CacheReconciler:
    def __init__(self, table: CacheTable, store: ListableStore, service: CacheService) -> None:
        self._table = table
        self._store = store
        self._service = service

    def __call__(self, now: float) -> tuple[int, int]:
        r = self.reconcile(now)
        return r.added, r.removed

    def reconcile(self, now: float) -> ReconcileReport:
        objects = {k: (size, mtime) for k, size, mtime in self._store.list_prefix(CACHE_PREFIX)}
        entries = {}
        for page in iter_entries(self._table, page=1000):
            for item in page:
                entries[str(item.get("key"))] = item
        added = 0
        for key, (size, mtime) in objects.items():
            if key in entries or not is_cache_key(key):
                continue
            parsed = parse_key(key)
            if parsed is None:
                continue
            category, asset, fmt = parsed
            head = self._store.head(key)
            theme = (head.metadata.get("theme", "") if head else "") or "unknown"
            item = entry_item(key, size, asset, category, theme, fmt, mtime)
            if self._table.put_counted(item, counter_adds(category, asset, 1, size)):
                added += 1
                entries[key] = item
        orphans = [
            item
            for key, item in entries.items()
            if key not in objects
            and float(item.get("created_at", now)) < now - GRACE_SECONDS
            and self._store.head(key) is None
        ]
        removed, _ = self._service.delete_entries(orphans)
        for item in orphans:
            entries.pop(str(item.get("key")), None)
        fixed = self._fix_counters(list(entries.values()))
        report = ReconcileReport(len(objects), len(entries), added, removed, fixed)
        log.info("cache reconcile %s", report)
        return report

    def _fix_counters(self, entries: list[dict[str, object]]) -> int:
        want: dict[str, int] = {"objects": 0, "bytes": 0}
        for item in entries:
            size = int(str(item.get("bytes", 0)))
            cat, asset = str(item.get("category")), str(item.get("asset"))
            for _, _, c in counter_adds(cat, asset, 1, size):
                for f, v in c.items():
                    want[f] = want.get(f, 0) + v
        have = self._table.get(STATS_PK, TOTAL_SK) or {}
        fields = set(want) | {
            f
            for f in have
            if f.startswith(("cat_objects#", "cat_bytes#", "asset_objects#", "asset_bytes#"))
        }
        delta = {f: want.get(f, 0) - int(have.get(f, 0) or 0) for f in fields}
        delta = {f: d for f, d in delta.items() if d}
        if delta:
            self._table.add(STATS_PK, TOTAL_SK, delta)
        return len(delta)

"""The cache-index seam: what the generation path reports about cache traffic.

`AssetService` calls `record_put` after storing a new object and `record_hit` after serving one.
`DynamoCacheIndex` keeps one `CACHE#<key>` entry per object and the `CACHESTATS` counters
(layout in `cache_records`). Calls must be cheap and must never fail a request: implementations
swallow and log their own errors (a lost index write is repaired by reconciliation).

Cost of a hit: the `hits` counter is one unconditional `ADD` per hit (a single small UpdateItem).
The entry's `last_hit` (the LRU position) and `hit_count` are *sampled*: a process writes them at
most once per key per `hit_window_seconds` (default 300 s), carrying the hits it saw meanwhile,
and the write is conditional on the stored `last_hit` being older than the window, so several
warm Lambdas do not all rewrite it. So a hit costs one ADD, plus one extra update per key per
five minutes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bananajam.services.cache_records import (
    META_SK,
    STATS_PK,
    TOTAL_SK,
    CacheTable,
    counter_adds,
    entry_item,
    entry_pk,
    iso,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CacheEntry:
    """What the index learns when an object is stored."""

    key: str
    size: int
    asset: str
    category: str
    theme: str
    fmt: str


class CacheIndex(Protocol):
    def record_put(self, entry: CacheEntry) -> None: ...

    def record_hit(self, key: str, size: int) -> None: ...


class NoopCacheIndex:
    """Records nothing (unit tests that do not care about the index)."""

    def record_put(self, entry: CacheEntry) -> None:
        return None

    def record_hit(self, key: str, size: int) -> None:
        return None


class DynamoCacheIndex:
    """`CacheIndex` on the service table: entries + transactional counters, sampled hits."""

    def __init__(
        self,
        table: CacheTable,
        *,
        clock: Callable[[], float] = time.time,
        hit_window_seconds: float = 300.0,
    ) -> None:
        self._table = table
        self._clock = clock
        self._window = hit_window_seconds
        self._lock = threading.Lock()
        self._last_flush: dict[str, float] = {}
        self._pending: dict[str, int] = {}

    def record_put(self, entry: CacheEntry) -> None:
        """A miss stored a new object: create its entry and count it (once, even if racing)."""
        try:
            now = self._clock()
            item = entry_item(
                entry.key, entry.size, entry.asset, entry.category, entry.theme, entry.fmt, now
            )
            adds = counter_adds(entry.category, entry.asset, 1, entry.size, misses=1)
            if not self._table.put_counted(item, adds, {"newest": iso(now)}):
                # Another writer indexed the same key first: count only the miss.
                self._table.add(STATS_PK, TOTAL_SK, {"misses": 1})
        except Exception:
            log.exception("cache index put failed for %s (reconcile will repair)", entry.key)

    def record_hit(self, key: str, size: int) -> None:
        try:
            self._table.add(STATS_PK, TOTAL_SK, {"hits": 1})
            now = self._clock()
            with self._lock:
                self._pending[key] = self._pending.get(key, 0) + 1
                if now - self._last_flush.get(key, 0.0) < self._window:
                    return
                self._last_flush[key] = now
                pending = self._pending.pop(key)
                if len(self._last_flush) > 10_000:  # bound memory in a long-lived process
                    self._last_flush.clear()
            written = self._table.update_if_older(
                entry_pk(key),
                META_SK,
                "last_hit",
                iso(now - self._window),
                {"hit_count": pending},
                last_hit_at=now,
                last_hit=iso(now),
                GSI1SK=f"{iso(now)}#{key}",
            )
            if not written:  # another process refreshed it recently: keep the count for later
                with self._lock:
                    self._pending[key] = self._pending.get(key, 0) + pending
        except Exception:
            log.exception("cache index hit failed for %s", key)

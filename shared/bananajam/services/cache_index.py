"""The cache-index seam: what the generation path reports about cache traffic.

`AssetService` calls `record_put` after storing a new object and `record_hit` after serving one.
Issue 5 implements it on DynamoDB (`CACHE#<key>` entries with last access, `CACHESTATS`
counters) to answer `GET /cache/status` in constant time and to evict least recently used
entries. Calls must be cheap and must never fail a request: implementations swallow and log
their own errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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
    """Records nothing (until issue 5 provides the DynamoDB index)."""

    def record_put(self, entry: CacheEntry) -> None:
        return None

    def record_hit(self, key: str, size: int) -> None:
        return None

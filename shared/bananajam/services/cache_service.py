"""The cache-maintenance seam: what the scheduled cleanup calls (issue 5 fills it in).

Issue 5: remove entries older than `cache_ttl_seconds`, then evict least recently used entries
until the cache is under `cache_budget_bytes`, keeping the `CACHESTATS` counters exact.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class CleanupReport:
    expired: int = 0
    evicted: int = 0
    bytes_freed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class CacheMaintenance(Protocol):
    def cleanup(self, now: float) -> CleanupReport: ...


class NoopCacheMaintenance:
    """Removes nothing (until issue 5 provides the index-driven cleanup)."""

    def cleanup(self, now: float) -> CleanupReport:
        return CleanupReport()

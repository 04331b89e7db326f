"""The active variation strategy per asset type, kept in the table under `DIV#<type>`/`ACTIVE`.

This module stays free of the engine (no numpy or Pillow), because generation reads it on every
request. `DEFAULT_STRATEGY` mirrors `bananajam.assets.variation.DEFAULT_STRATEGY` (a unit test
keeps the two equal).
"""

from __future__ import annotations

import time

from bananajam.services.cache_keys import ActiveStrategy
from bananajam.services.ports import KeyValueTable

DEFAULT_STRATEGY = "lattice"
STRATEGY_CACHE_SECONDS = 60.0


def strategy_pk(type_id: str) -> str:
    return f"DIV#{type_id}"


class TableStrategySource:
    """Reads the active strategy, caching it briefly per process.

    Warm functions may keep using the previous strategy for up to a minute after an optimisation.
    That is safe: the strategy version is part of the cache key, so they simply keep producing
    the previous version's images, which stay valid.
    """

    def __init__(self, table: KeyValueTable, ttl: float = STRATEGY_CACHE_SECONDS) -> None:
        self._table = table
        self._ttl = ttl
        self._cache: dict[str, tuple[float, ActiveStrategy]] = {}

    def active(self, asset: str) -> ActiveStrategy:
        hit = self._cache.get(asset)
        if hit and time.monotonic() - hit[0] < self._ttl:
            return hit[1]
        item = self._table.get(strategy_pk(asset), "ACTIVE")
        found = ActiveStrategy(
            str(item["strategy"]) if item else DEFAULT_STRATEGY,
            int(item["strategy_version"]) if item else 1,
        )
        self._cache[asset] = (time.monotonic(), found)
        return found

    def forget(self, asset: str) -> None:
        """Drop the cached value (after this process changed the strategy)."""
        self._cache.pop(asset, None)

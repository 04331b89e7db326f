"""The cache index's record layout in the service table, shared by the index, service and status.

- Entry: `PK=CACHE#<key>`, `SK=META`, `GSI1PK=CACHE`, `GSI1SK=<last access>#<key>` with key,
  asset, category, theme, fmt, bytes, created_at/last_hit_at (epoch seconds), hit_count and a
  random `version` (deletes are conditional on it, so a re-created entry is never removed by a
  stale reader, and two concurrent deleters decrement the counters once).
- Counters: one item `PK=CACHESTATS`, `SK=TOTAL` (objects, bytes, hits, misses, newest, oldest,
  and `cat_objects#<c>`/`cat_bytes#<c>`/`asset_objects#<a>`/`asset_bytes#<a>`), so the status is
  one GetItem. Entries and counters change in one DynamoDB transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from bananajam.services.ports import Item, KeyValueTable

STATS_PK = "CACHESTATS"
TOTAL_SK = "TOTAL"
INDEX_GSI_PK = "CACHE"
META_SK = "META"

Adds = list[tuple[str, str, Mapping[str, int]]]


class CacheTable(KeyValueTable, Protocol):
    """The service table plus the conditional/transactional writes the cache index needs."""

    def put_counted(
        self, item: Item, adds: Adds, first_sets: Mapping[str, Any] | None = None
    ) -> bool: ...

    def delete_counted(self, pk: str, sk: str, version: str, adds: Adds) -> bool: ...

    def update_if_older(
        self, pk: str, sk: str, attr: str, older_than: str, counters: Mapping[str, int], **sets: Any
    ) -> bool: ...


def iso(ts: float) -> str:
    """Sortable UTC time with microseconds (GSI1SK order = time order)."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_pk(key: str) -> str:
    return f"CACHE#{key}"


def entry_item(
    key: str, size: int, asset: str, category: str, theme: str, fmt: str, now: float
) -> Item:
    return {
        "PK": entry_pk(key),
        "SK": META_SK,
        "GSI1PK": INDEX_GSI_PK,
        "GSI1SK": f"{iso(now)}#{key}",
        "key": key,
        "asset": asset,
        "category": category,
        "theme": theme,
        "fmt": fmt,
        "bytes": size,
        "created_at": now,
        "last_hit_at": now,
        "last_hit": iso(now),
        "hit_count": 0,
        "version": uuid.uuid4().hex,
    }


def counter_adds(category: str, asset: str, objects: int, size: int, **total: int) -> Adds:
    """The counter update for adding (positive) or removing (negative) objects: one ADD on the
    single `TOTAL` item, whose per-category and per-asset attributes are `cat_objects#<c>`,
    `cat_bytes#<c>`, `asset_objects#<a>` and `asset_bytes#<a>` (so status is one GetItem)."""
    return [
        (
            STATS_PK,
            TOTAL_SK,
            {
                "objects": objects,
                "bytes": size,
                f"cat_objects#{category}": objects,
                f"cat_bytes#{category}": size,
                f"asset_objects#{asset}": objects,
                f"asset_bytes#{asset}": size,
                **total,
            },
        )
    ]


def parse_key(key: str) -> tuple[str, str, str] | None:
    """(category, asset, fmt) from `cache/<engine>/<category>/<asset>/<hash>.<fmt>`."""
    parts = key.split("/")
    if len(parts) != 5 or "." not in parts[4]:
        return None
    return parts[2], parts[3], parts[4].rsplit(".", 1)[1]


def iter_entries(
    table: KeyValueTable, *, newest_first: bool = False, page: int = 500
) -> Iterator[list[Item]]:
    """Pages of index entries, least recently hit first (the LRU order) by default."""
    token: str | None = None
    while True:
        p = table.query_gsi1(INDEX_GSI_PK, newest_first=newest_first, limit=page, token=token)
        if p.items:
            yield p.items
        if not p.next_token:
            return
        token = p.next_token

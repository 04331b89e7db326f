"""`GET /cache/status` from the counters: one GetItem of `CACHESTATS`/`TOTAL` (its size is bounded
by the catalogue, not the cache). It never lists the bucket
and never reads index entries. `newest` is the time of the last stored object (set with each
put); `oldest` is the least recent last-hit time, as of the last cleanup or reconcile."""

from __future__ import annotations

from bananajam.config import Settings
from bananajam.models.cache import CacheStatus
from bananajam.services.cache_records import STATS_PK, TOTAL_SK
from bananajam.services.ports import KeyValueTable

TOP_ASSETS = 10


def cache_status(table: KeyValueTable, settings: Settings) -> CacheStatus:
    total = table.get(STATS_PK, TOTAL_SK) or {}

    def num(name: str) -> int:
        return max(0, int(total.get(name, 0) or 0))

    cats: dict[str, dict[str, int]] = {}
    assets: list[dict[str, object]] = []
    for attr in total:
        if attr.startswith("cat_objects#") and num(attr) > 0:
            c = attr.split("#", 1)[1]
            cats[c] = {"objects": num(attr), "bytes": num(f"cat_bytes#{c}")}
        elif attr.startswith("asset_objects#") and num(attr) > 0:
            a = attr.split("#", 1)[1]
            assets.append({"asset": a, "objects": num(attr), "bytes": num(f"asset_bytes#{a}")})
    assets.sort(key=lambda a: (-int(str(a["bytes"])), str(a["asset"])))
    hits, misses, objects = num("hits"), num("misses"), num("objects")
    return CacheStatus(
        objects=objects,
        bytes=num("bytes"),
        budget_bytes=settings.cache_budget_bytes,
        ttl_seconds=settings.cache_ttl_seconds,
        by_category=dict(sorted(cats.items())),
        top_assets=assets[:TOP_ASSETS],
        oldest=str(total["oldest"]) if objects and total.get("oldest") else None,
        newest=str(total["newest"]) if objects and total.get("newest") else None,
        hits=hits,
        misses=misses,
        hit_ratio=round(hits / (hits + misses), 4) if hits + misses else None,
    )

"""Cache benchmark (in-process moto): status latency vs index size, cleanup throughput, and the
extra cost of index bookkeeping on a cache hit.

Prints figures only. Usage: python bench/cache.py [--sizes 1000 10000] [--cleanup 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any


def _env() -> None:
    for k, v in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "BANANAJAM_TABLE_NAME": "bj-bench",
        "BANANAJAM_BUCKET_NAME": "bj-bench-assets",
    }.items():
        os.environ[k] = v


def _seed(ddb: Any, table: str, start: int, count: int) -> None:
    """Write index entries and counters directly (seeding is not what is measured)."""
    from boto3.dynamodb.types import TypeSerializer

    from bananajam.services.cache_records import entry_item

    ser = TypeSerializer()
    items = []
    for i in range(start, start + count):
        asset = f"asset{i % 50}"
        key = f"cache/v1/cat{i % 5}/{asset}/{i:032x}.png"
        item = entry_item(key, 1000, asset, f"cat{i % 5}", "dark", "png", 1_800_000_000.0 + i)
        items.append({"PutRequest": {"Item": {k: ser.serialize(v) for k, v in _dec(item).items()}}})
    for j in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: items[j : j + 25]})
    from bananajam.services import wiring

    wiring.table().add("CACHESTATS", "TOTAL", {"objects": count, "bytes": 1000 * count})


def _dec(item: dict[str, Any]) -> dict[str, Any]:
    from decimal import Decimal

    return {k: Decimal(str(v)) if isinstance(v, float) else v for k, v in item.items()}


def _p50(fn: Any, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000])
    ap.add_argument("--cleanup", type=int, default=2000)
    args = ap.parse_args()
    _env()
    import boto3
    from moto import mock_aws

    from bananajam.adapters.clients import reset_clients
    from bananajam.config import get_settings, reset_settings
    from bananajam.local.resources import create_from_template
    from bananajam.models.cache import ClearRequest
    from bananajam.services import wiring
    from bananajam.services.cache_index import DynamoCacheIndex
    from bananajam.services.cache_status import cache_status

    with mock_aws():
        reset_settings()
        reset_clients()
        wiring.reset()
        settings = get_settings()
        clients = {s: boto3.client(s, region_name="us-east-1") for s in ("dynamodb", "s3", "sqs")}
        create_from_template(settings, clients)
        service = wiring.cache_service()
        _seed(clients["dynamodb"], settings.table_name, 0, args.cleanup)
        t = time.perf_counter()
        result = service.clear(ClearRequest(all=True), time.time())
        dt = time.perf_counter() - t
        print(f"cleanup: {result.deleted} entries in {dt:.2f} s = {result.deleted / dt:.0f}/s")
        seeded = 0
        for size in args.sizes:
            _seed(clients["dynamodb"], settings.table_name, seeded, size - seeded)
            seeded = size
            p50 = _p50(lambda: cache_status(wiring.table(), settings), 50)
            print(f"status p50 with {size:>6} entries: {p50:6.2f} ms")

        store = wiring.object_store()
        key = "cache/v1/cat0/asset0/hit.png"
        store.put(key, b"x" * 1000, content_type="image/png", metadata={})
        index = DynamoCacheIndex(wiring.table())  # type: ignore[arg-type]
        bare = _p50(lambda: store.head(key), 200)
        with_index = _p50(lambda: (store.head(key), index.record_hit(key, 1000)), 200)
        print(
            f"hit p50 without index: {bare:.2f} ms, with index: {with_index:.2f} ms "
            f"(+{with_index - bare:.2f} ms: one ADD; entry refresh sampled per 5 min)"
        )


if __name__ == "__main__":
    main()

"""The cache index, clear, cleanup and reconcile against moto (services called directly)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from bananajam.config import get_settings
from bananajam.models.cache import ClearRequest
from bananajam.services import wiring
from bananajam.services.cache_index import CacheEntry, DynamoCacheIndex
from bananajam.services.cache_service import CacheService
from bananajam.services.cache_status import cache_status

BUCKET = "bj-test-assets"
T0 = 1_800_000_000.0
R = TypeVar("R")


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def key(asset: str, n: int, category: str = "icons", fmt: str = "png") -> str:
    return f"cache/v1/{category}/{asset}/{n:032x}.{fmt}"


@pytest.fixture
def env(aws: dict[str, Any]) -> dict[str, Any]:
    clock = Clock()
    index = DynamoCacheIndex(wiring.table(), clock=clock)  # type: ignore[arg-type]
    service = wiring.cache_service()

    state: dict[str, Any] = {"clock": clock, "index": index, "service": service, "s3": aws["s3"]}

    def put(
        asset: str, n: int, size: int = 100, category: str = "icons", theme: str = "dark"
    ) -> str:
        k = key(asset, n, category)
        aws["s3"].put_object(Bucket=BUCKET, Key=k, Body=b"x" * size, Metadata={"theme": theme})
        state["index"].record_put(CacheEntry(k, size, asset, category, theme, "png"))
        return k

    state["put"] = put
    return state


def status() -> Any:
    return cache_status(wiring.table(), get_settings())


def s3_keys(s3: Any) -> set[str]:
    return {o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_counters_after_puts_and_hits(env: dict[str, Any]) -> None:
    k1 = env["put"]("coin", 1, 100)
    env["put"]("coin", 2, 50)
    env["put"]("tree", 3, 30, category="backgrounds")
    # A racing second writer of the same key counts a miss but not a second object.
    env["index"].record_put(CacheEntry(k1, 100, "coin", "icons", "dark", "png"))
    env["index"].record_hit(k1, 100)
    env["index"].record_hit(k1, 100)
    s = status()
    assert (s.objects, s.bytes, s.hits, s.misses) == (3, 180, 2, 4)
    assert s.by_category == {
        "backgrounds": {"objects": 1, "bytes": 30},
        "icons": {"objects": 2, "bytes": 150},
    }
    assert s.top_assets[0] == {"asset": "coin", "objects": 2, "bytes": 150}
    assert s.hit_ratio == pytest.approx(2 / 6, abs=1e-3)
    assert s.newest and s.oldest is None
    env["service"].cleanup(T0 + 1)
    assert status().oldest == status().newest  # all stored at T0, none hit since


def test_hit_bookkeeping_is_sampled(env: dict[str, Any]) -> None:
    k = env["put"]("coin", 1)
    table = wiring.table()
    for _ in range(5):
        env["index"].record_hit(k, 100)
    entry = table.get(f"CACHE#{k}", "META")
    assert entry is not None and entry["hit_count"] == 0  # window not elapsed: no entry write
    env["clock"].t += 301
    env["index"].record_hit(k, 100)
    entry = table.get(f"CACHE#{k}", "META")
    assert entry is not None and entry["hit_count"] == 6 and entry["last_hit_at"] == T0 + 301
    assert status().hits == 6


@pytest.mark.parametrize(
    ("req", "expected"),
    [
        ({"asset": "coin"}, 2),
        ({"theme": "light"}, 1),
        ({"category": "backgrounds"}, 1),
        ({"older_than_seconds": 0}, 3),
        ({"all": True}, 3),
        ({"asset": "coin", "theme": "light"}, 1),
    ],
)
def test_clear_filters_and_dry_run(env: dict[str, Any], req: dict[str, Any], expected: int) -> None:
    env["put"]("coin", 1, 100)
    env["put"]("coin", 2, 50, theme="light")
    env["put"]("tree", 3, 30, category="backgrounds")
    service: CacheService = env["service"]
    dry = service.clear(ClearRequest(**req, dry_run=True), T0 + 10)
    assert dry.deleted == expected and dry.dry_run
    assert status().objects == 3 and len(s3_keys(env["s3"])) == 3
    real = service.clear(ClearRequest(**req), T0 + 10)
    assert (real.deleted, real.bytes_freed) == (dry.deleted, dry.bytes_freed)
    s = status()
    assert s.objects == 3 - expected and len(s3_keys(env["s3"])) == 3 - expected
    assert s.bytes == 180 - real.bytes_freed


def test_older_than_filter(env: dict[str, Any]) -> None:
    env["put"]("coin", 1)
    env["clock"].t += 1000
    env["put"]("coin", 2)
    r = env["service"].clear(ClearRequest(older_than_seconds=500), T0 + 1000)
    assert r.deleted == 1 and status().objects == 1


def test_prefix_safety(env: dict[str, Any]) -> None:
    s3 = env["s3"]
    for outside in ("archives/job.zip", "cache-other/x.png", "cachex/a/b/c/d.png"):
        s3.put_object(Bucket=BUCKET, Key=outside, Body=b"keep")
    env["put"]("coin", 1)
    # A crafted index entry pointing outside the cache must never reach S3.
    bad = "cache/../archives/job.zip"
    wiring.table().put(
        {
            "PK": f"CACHE#{bad}",
            "SK": "META",
            "GSI1PK": "CACHE",
            "GSI1SK": f"0#{bad}",
            "key": bad,
            "asset": "../../archives",
            "bytes": 4,
            "category": "x",
            "version": "v",
            "created_at": 0,
        }
    )
    assert env["service"].clear(ClearRequest(asset="../../archives"), T0).deleted == 0
    assert env["service"].clear(ClearRequest(category="../archives"), T0).deleted == 0
    r = env["service"].clear(ClearRequest(all=True), T0)
    assert r.deleted == 1
    assert {"archives/job.zip", "cache-other/x.png", "cachex/a/b/c/d.png"} <= s3_keys(s3)


def test_ttl_then_lru_eviction(env: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANANAJAM_CACHE_TTL_SECONDS", "3600")
    monkeypatch.setenv("BANANAJAM_CACHE_BUDGET_BYTES", "250")
    from bananajam.config import reset_settings

    reset_settings()
    wiring.reset()
    index = DynamoCacheIndex(wiring.table(), clock=env["clock"])  # type: ignore[arg-type]
    env["index"] = index
    env["put"]("old", 0, 100)  # expires by TTL
    env["clock"].t += 4000
    keys = [env["put"]("coin", i, 100) for i in range(1, 5)]  # 400 bytes, budget 250
    env["clock"].t += 400
    index.record_hit(keys[0], 100)  # keys[0] becomes most recently hit
    report = wiring.cache_service().cleanup(env["clock"].t + 1)
    assert (report.expired, report.evicted) == (1, 2)
    left = s3_keys(env["s3"])
    assert left == {keys[0], keys[3]}  # keys[1], keys[2] were least recently hit
    assert status().bytes == 200
    again = wiring.cache_service().cleanup(env["clock"].t + 2)  # idempotent
    assert (again.expired, again.evicted, again.bytes_freed) == (0, 0, 0)


def test_reconcile_after_index_write_failure(env: dict[str, Any]) -> None:
    env["put"]("coin", 1, 100)
    lost = key("coin", 2)
    env["s3"].put_object(Bucket=BUCKET, Key=lost, Body=b"y" * 70, Metadata={"theme": "dark"})
    orphan = env["put"]("coin", 3, 40)
    env["s3"].delete_object(Bucket=BUCKET, Key=orphan)
    assert status().objects == 2
    from bananajam.services.cache_reconcile import CacheReconciler

    rec = CacheReconciler(wiring.table(), wiring.object_store(), env["service"])  # type: ignore[arg-type]
    report = rec.reconcile(T0 + 3600)
    assert (report.added, report.removed) == (1, 1)
    s = status()
    assert (s.objects, s.bytes) == (2, 170)
    assert rec.reconcile(T0 + 3600).added == 0


def test_reconcile_fixes_drifted_counters(env: dict[str, Any]) -> None:
    env["put"]("coin", 1, 100)
    wiring.table().add("CACHESTATS", "TOTAL", {"objects": -5, "bytes": -999})
    from bananajam.services.cache_reconcile import CacheReconciler

    rec = CacheReconciler(wiring.table(), wiring.object_store(), env["service"])  # type: ignore[arg-type]
    assert rec.reconcile(T0).counters_fixed == 2
    assert (status().objects, status().bytes) == (1, 100)


def _serialize_transactions(monkeypatch: pytest.MonkeyPatch) -> None:
    """DynamoDB transactions are serializable; moto's are not thread-safe, so serialize each
    call (not the cleanups) the way the real service does."""
    from bananajam.adapters.clients import client

    ddb = client("dynamodb", get_settings())
    real, lock = ddb.transact_write_items, threading.Lock()

    def serial(**kw: Any) -> Any:
        with lock:
            return real(**kw)

    monkeypatch.setattr(ddb, "transact_write_items", serial)


def _twice_at_once(fn: Callable[[], R]) -> list[R]:
    """Run `fn` on two threads released together; both results."""
    results: list[R] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        results.append(fn())

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_cleanups_at_once(env: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):
        env["put"]("coin", i, 10)
    _serialize_transactions(monkeypatch)
    service: CacheService = env["service"]
    results = _twice_at_once(lambda: service.clear(ClearRequest(all=True), T0))
    assert sum(r.deleted for r in results) == 30
    s = status()
    assert (s.objects, s.bytes) == (0, 0)
    assert not s3_keys(env["s3"])


def test_two_scheduled_cleanups_at_once(
    env: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BANANAJAM_CACHE_BUDGET_BYTES", "100")
    from bananajam.config import reset_settings

    reset_settings()
    wiring.reset()
    for i in range(20):
        env["put"]("coin", i, 10)
    _serialize_transactions(monkeypatch)
    service = wiring.cache_service()
    reports = _twice_at_once(lambda: service.cleanup(T0 + 5))
    s = status()
    assert s.bytes >= 0 and sum(r.evicted for r in reports) >= 1
    # A reconcile racing the other run's delete can re-index an object that is then deleted;
    # the next run repairs it (entries whose object is gone are removed).
    service.cleanup(T0 + 3600)
    s = status()
    assert s.objects == len(s3_keys(env["s3"])) and s.bytes == 10 * s.objects <= 100


def test_cli_cache_reconcile(env: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    from bananajam.cli import main

    lost = key("coin", 9)
    env["s3"].put_object(Bucket=BUCKET, Key=lost, Body=b"q" * 12)
    assert main(["cache", "reconcile", "--no-stack"]) == 0
    assert '"added": 1' in capsys.readouterr().out
    assert (status().objects, status().bytes) == (1, 12)

"""The cache function (status, stats alias, admin clear) and the scheduled cleanup handler."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bananajam.services import wiring
from bananajam.services.cache_index import CacheEntry, DynamoCacheIndex

Invoke = Callable[..., dict[str, Any]]
ROOT = Path(__file__).resolve().parents[2]
BUCKET = "bj-test-assets"
TOKEN = "s3cret-admin-token"


@pytest.fixture
def cache_fn(
    aws: dict[str, Any], load_function: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> Any:
    from bananajam.config import reset_settings

    monkeypatch.setenv("BANANAJAM_ADMIN_TOKEN", TOKEN)
    reset_settings()
    index = DynamoCacheIndex(wiring.table())  # type: ignore[arg-type]
    for i, (asset, cat) in enumerate([("coin", "icons"), ("coin", "icons"), ("tree", "bg")]):
        k = f"cache/v1/{cat}/{asset}/{i:032x}.png"
        aws["s3"].put_object(Bucket=BUCKET, Key=k, Body=b"z" * 10)
        index.record_put(CacheEntry(k, 10, asset, cat, "dark", "png"))
    return load_function("cache").handler


def body(resp: dict[str, Any]) -> Any:
    return json.loads(resp["raw"])


def test_status_and_stats_alias(cache_fn: Any, invoke: Invoke) -> None:
    r = invoke(cache_fn, "GET", "/cache/status")
    assert r["statusCode"] == 200, r["raw"]
    b = body(r)
    assert {
        "objects",
        "bytes",
        "budget_bytes",
        "ttl_seconds",
        "by_category",
        "top_assets",
        "oldest",
        "newest",
        "hits",
        "misses",
        "hit_ratio",
    } <= set(b)
    assert (b["objects"], b["bytes"], b["misses"]) == (3, 30, 3)
    assert body(invoke(cache_fn, "GET", "/cache/stats")) == b


def test_clear_requires_admin(cache_fn: Any, invoke: Invoke) -> None:
    r = invoke(cache_fn, "POST", "/cache/clear", body={"all": True})
    assert r["statusCode"] == 401
    r = invoke(
        cache_fn,
        "POST",
        "/cache/clear",
        body={"all": True},
        headers={"Authorization": "Bearer wrong"},
    )
    assert r["statusCode"] == 403
    r = invoke(
        cache_fn, "POST", "/cache/clear", body={"all": True}, headers={"X-Admin-Token": "wrong"}
    )
    assert r["statusCode"] == 403
    assert body(invoke(cache_fn, "GET", "/cache/status"))["objects"] == 3


def test_clear_empty_filter_is_422(cache_fn: Any, invoke: Invoke) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for payload in ({}, {"dry_run": True}, {"all": False}):
        r = invoke(cache_fn, "POST", "/cache/clear", body=payload, headers=auth)
        assert r["statusCode"] == 422, payload
    r = invoke(cache_fn, "POST", "/cache/clear", body={"bogus": 1}, headers=auth)
    assert r["statusCode"] == 422


def test_clear_dry_run_then_real(cache_fn: Any, invoke: Invoke, aws: dict[str, Any]) -> None:
    auth = {"X-Admin-Token": TOKEN}
    r = invoke(
        cache_fn, "POST", "/cache/clear", body={"asset": "coin", "dry_run": True}, headers=auth
    )
    assert body(r) == {"deleted": 2, "bytes_freed": 20, "dry_run": True}
    r = invoke(
        cache_fn,
        "POST",
        "/cache/clear",
        body={"asset": "coin"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert body(r) == {"deleted": 2, "bytes_freed": 20, "dry_run": False}
    s = body(invoke(cache_fn, "GET", "/cache/status"))
    assert (s["objects"], s["bytes"], s["by_category"]) == (
        1,
        10,
        {"bg": {"objects": 1, "bytes": 10}},
    )
    assert len(aws["s3"].list_objects_v2(Bucket=BUCKET)["Contents"]) == 1


def test_cleanup_handler_with_schedule_event(
    cache_fn: Any,
    load_function: Callable[..., Any],
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
    invoke: Invoke,
) -> None:
    from bananajam.config import reset_settings

    monkeypatch.setenv("BANANAJAM_CACHE_BUDGET_BYTES", "15")
    reset_settings()
    wiring.reset()
    event = json.loads((ROOT / "events" / "cache-cleanup-schedule.json").read_text())
    result = load_function("cache", "cleanup").handler(event, lambda_context)
    assert result["evicted"] == 2 and result["bytes_freed"] == 20
    again = load_function("cache", "cleanup").handler(event, lambda_context)
    assert again["evicted"] == 0
    assert body(invoke(cache_fn, "GET", "/cache/status"))["objects"] == 1


def test_generation_path_feeds_the_index(
    cache_fn: Any, load_function: Callable[..., Any], invoke: Invoke, asset_name: str
) -> None:
    gen = load_function("generate").handler
    q = {"index": 1, "width": 32, "height": 32}
    assert invoke(gen, "GET", f"/generate/{asset_name}", query=q)["h"]["x-cache"] == "miss"
    assert invoke(gen, "GET", f"/generate/{asset_name}", query=q)["h"]["x-cache"] == "hit"
    s = body(invoke(cache_fn, "GET", "/cache/status"))
    assert (s["objects"], s["hits"], s["misses"]) == (4, 1, 4)
    assert any(a["asset"] == asset_name for a in s["top_assets"])

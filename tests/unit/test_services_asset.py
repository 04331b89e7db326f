"""AssetService against an in-memory store: the read-through cache rules."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from conftest import FakeStore

from bananajam.config import Settings
from bananajam.errors import FieldError, UnknownAssetError, UnknownThemeError
from bananajam.services.asset_service import AssetService, GenerateCommand
from bananajam.services.cache_index import CacheEntry
from bananajam.services.cache_keys import ActiveStrategy


class CountingMeter:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def count(self, name: str, value: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + value


class RecordingIndex:
    def __init__(self) -> None:
        self.puts: list[CacheEntry] = []
        self.hits: list[str] = []

    def record_put(self, entry: CacheEntry) -> None:
        self.puts.append(entry)

    def record_hit(self, key: str, size: int) -> None:
        self.hits.append(key)


def make(store: FakeStore, memory: int = 0, **kw: Any) -> AssetService:
    return AssetService(store, Settings(memory_cache_bytes=memory), **kw)


def test_miss_renders_and_stores_then_hit_skips_render(
    asset_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, meter, index = FakeStore(), CountingMeter(), RecordingIndex()
    svc = make(store, meter=meter, index=index)
    cmd = GenerateCommand(asset_name, 2, width=32, height=32)
    miss = svc.generate(cmd)
    assert not miss.cached and miss.body and miss.body.startswith(b"\x89PNG")
    import bananajam.services.asset_service as mod

    def no_render(*_: Any) -> Any:
        raise AssertionError("a hit must not render")

    monkeypatch.setattr(mod, "render", no_render)
    hit = svc.generate(cmd)
    assert hit.cached and hit.body == miss.body and hit.etag == miss.etag
    assert meter.counts == {"CacheMiss": 1, "CacheHit": 1}
    assert [e.key for e in index.puts] == [miss.key] and index.hits == [miss.key]
    assert store.calls == ["get", "put", "get"]


def test_memory_hits_skip_the_store_but_still_count(asset_name: str) -> None:
    store, meter, index = FakeStore(), CountingMeter(), RecordingIndex()
    svc = make(store, memory=8 * 1024**2, meter=meter, index=index)
    cmd = GenerateCommand(asset_name, 4, width=32, height=32)
    miss = svc.generate(cmd)
    hit = svc.generate(cmd)
    assert hit.cached and hit.body == miss.body and hit.etag == miss.etag
    assert store.calls == ["get", "put"]
    assert meter.counts == {"CacheMiss": 1, "CacheHit": 1} and index.hits == [miss.key]
    # JSON answers hand out a link, so they still check the object is in S3.
    assert svc.generate(cmd, want_body=False).cached and store.calls[-1] == "head"


def test_hot_cache_is_bounded_by_bytes() -> None:
    from bananajam.services.hot_cache import HotCache

    hot = HotCache(400)
    for i in range(5):
        hot.put(f"k{i}", bytes(90), "h")
    assert hot.size_bytes <= 400 and hot.get("k0") is None and hot.get("k4") is not None
    hot.put("big", bytes(150), "h")  # over a quarter of the budget: not kept
    assert hot.get("big") is None


def test_json_path_uses_head_only(asset_name: str) -> None:
    store = FakeStore()
    svc = make(store)
    cmd = GenerateCommand(asset_name, width=32, height=32)
    svc.generate(cmd)
    store.calls.clear()
    g = svc.generate(cmd, want_body=False)
    assert g.cached and g.body is None and store.calls == ["head"]


def test_concurrent_misses_both_succeed_with_identical_bytes(asset_name: str) -> None:
    store = FakeStore()
    svc = make(store)
    cmd = GenerateCommand(asset_name, 5, width=48, height=48)
    results: list[bytes] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        out = svc.generate(cmd)
        assert out.body is not None
        results.append(out.body)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and results[0] == results[1]
    assert len(store.objects) == 1


def test_key_changes_with_every_input(asset_name: str) -> None:
    svc = make(FakeStore())
    base = GenerateCommand(asset_name, 1, width=32, height=32)
    keys = {
        svc.plan(c).key
        for c in (
            base,
            GenerateCommand(asset_name, 2, width=32, height=32),
            GenerateCommand(asset_name, 1, width=33, height=32),
            GenerateCommand(asset_name, 1, width=32, height=32, fmt="webp"),
            GenerateCommand(asset_name, 1, theme="crimson_rite", width=32, height=32),
        )
    }
    assert len(keys) == 5
    assert svc.plan(base).key == svc.plan(base).key


def test_strategy_version_is_part_of_the_key(asset_name: str) -> None:
    class V2:
        def active(self, asset: str) -> ActiveStrategy:
            return ActiveStrategy("lattice", 2)

    cmd = GenerateCommand(asset_name, width=32, height=32)
    assert make(FakeStore()).plan(cmd).key != make(FakeStore(), strategies=V2()).plan(cmd).key


@pytest.mark.parametrize(
    ("cmd", "field"),
    [
        (GenerateCommand("void_lotus", width=4000), "width"),
        (GenerateCommand("void_lotus", height=8), "height"),
    ],
)
def test_size_limits_name_the_field(cmd: GenerateCommand, field: str) -> None:
    with pytest.raises(FieldError) as err:
        make(FakeStore()).plan(cmd)
    assert err.value.fields[0]["field"] == field


def test_limits_come_from_settings(asset_name: str) -> None:
    svc = AssetService(FakeStore(), Settings(limits={"max_size": 100}))  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="between 16 and 100"):
        svc.plan(GenerateCommand(asset_name, width=101))


def test_unknown_names_suggest(asset_name: str) -> None:
    svc = make(FakeStore())
    with pytest.raises(UnknownAssetError) as err:
        svc.plan(GenerateCommand(asset_name[:-1] + "x"))
    assert asset_name in err.value.suggestions
    with pytest.raises(UnknownThemeError) as terr:
        svc.plan(GenerateCommand(asset_name, theme="astral_blu"))
    assert "astral_blue" in terr.value.suggestions

"""Generation through the read-through S3 cache: the one path every image takes.

`POST /generate`, `GET /generate/{asset}`, the batch worker and the diverse batch all call
`AssetService.generate`, so caching, metadata and metrics rules live here only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Literal

from bananajam.assets import MEDIA_TYPES, ResolvedRequest, render, resolve
from bananajam.config import Settings
from bananajam.errors import FieldError
from bananajam.services.cache_index import CacheEntry, CacheIndex, NoopCacheIndex
from bananajam.services.cache_keys import (
    DefaultStrategySource,
    KeyParts,
    StrategySource,
    cache_key,
)
from bananajam.services.hot_cache import HotCache
from bananajam.services.ports import Meter, NullMeter, ObjectStore
from bananajam.version import ENGINE_VERSION

ImageFormat = Literal["png", "webp"]
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class GenerateCommand:
    """One generation request; only `asset` is required."""

    asset: str
    index: int = 0
    theme: str | None = None
    params: dict[str, Any] | None = None
    width: int | None = None
    height: int | None = None
    fmt: ImageFormat = "png"


@dataclass(frozen=True)
class PlannedAsset:
    """A resolved request and its cache key (no rendering yet)."""

    request: ResolvedRequest
    key: str
    fmt: ImageFormat
    strategy_version: int


@dataclass(frozen=True)
class GeneratedAsset:
    """The outcome of `generate`: where the image is, what it is, and whether it was cached."""

    key: str
    fmt: ImageFormat
    size: int
    cached: bool
    elapsed_ms: float
    asset: str
    category: str
    index: int
    theme: str
    params: dict[str, Any]
    seed: int
    width: int
    height: int
    strategy: str
    content_hash: str
    engine_version: str = ENGINE_VERSION
    body: bytes | None = field(default=None, repr=False)

    @property
    def content_type(self) -> str:
        return MEDIA_TYPES[self.fmt]

    @property
    def etag(self) -> str:
        return f'"{self.content_hash}-{self.fmt}"'


class AssetService:
    """Resolve → key → (hit: stored bytes) | (miss: render, encode, store) → result."""

    def __init__(
        self,
        store: ObjectStore,
        settings: Settings,
        *,
        strategies: StrategySource | None = None,
        index: CacheIndex | None = None,
        meter: Meter | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self._strategies = strategies or DefaultStrategySource()
        self._index = index or NoopCacheIndex()
        self._meter = meter or NullMeter()
        self._hot = HotCache(settings.memory_cache_bytes)

    def _check_size(self, field_name: str, value: int | None) -> None:
        lim = self._settings.limits
        if value is not None and not lim.min_size <= value <= lim.max_size:
            raise FieldError.single(
                field_name, f"must be between {lim.min_size} and {lim.max_size}, got {value}"
            )

    def plan(self, cmd: GenerateCommand) -> PlannedAsset:
        """Validate and resolve a request and compute its key; raises domain errors, no I/O
        beyond the strategy lookup."""
        self._check_size("width", cmd.width)
        self._check_size("height", cmd.height)
        if cmd.fmt not in MEDIA_TYPES:
            raise FieldError.single("format", f"must be one of {sorted(MEDIA_TYPES)}")
        from bananajam.assets import default_registry

        name = default_registry().get(cmd.asset).name  # raises UnknownAssetError with hints
        active = self._strategies.active(name)
        req = resolve(
            name, cmd.index, cmd.theme, cmd.params, cmd.width, cmd.height, strategy=active.name
        )
        parts = KeyParts(
            ENGINE_VERSION,
            req.asset_type.category,
            req.asset_type.name,
            req.index,
            req.theme,
            req.params,
            req.width,
            req.height,
            req.strategy,
            active.version,
            cmd.fmt,
        )
        return PlannedAsset(req, cache_key(parts), cmd.fmt, active.version)

    def generate(self, cmd: GenerateCommand, *, want_body: bool = True) -> GeneratedAsset:
        """The image for `cmd`, from the cache when possible. `want_body=False` skips fetching
        stored bytes on a hit (JSON responses and batch items only need the key)."""
        started = time.perf_counter()
        plan = self.plan(cmd)
        hot = self._hot.get(plan.key) if want_body else None
        if hot is not None:
            body, content_hash = hot
            self._meter.count("CacheHit")
            self._index.record_hit(plan.key, len(body))
            return self._result(plan, len(body), True, started, content_hash, body)
        stored = self._store.get(plan.key) if want_body else self._store.head(plan.key)
        if stored is not None:
            self._meter.count("CacheHit")
            self._index.record_hit(plan.key, stored.size)
            if stored.body is not None:
                self._hot.put(plan.key, stored.body, stored.metadata.get("content-hash", ""))
            return self._result(
                plan,
                stored.size,
                True,
                started,
                stored.metadata.get("content-hash", ""),
                stored.body,
            )
        self._meter.count("CacheMiss")
        rendered = render(plan.request)
        body = rendered.encode(plan.fmt)
        req = plan.request
        # Two concurrent misses for one key both render and both PutObject: rendering is
        # deterministic, so both writes carry identical bytes and metadata, and S3's
        # last-writer-wins leaves the same object either way. No lock or conditional put needed.
        self._store.put(
            plan.key,
            body,
            content_type=MEDIA_TYPES[plan.fmt],
            metadata={
                "asset": req.asset_type.name,
                "index": str(req.index),
                "theme": req.theme,
                "seed": str(req.seed),
                "engine-version": ENGINE_VERSION,
                "content-hash": rendered.meta.content_hash,
                "width": str(req.width),
                "height": str(req.height),
                "strategy": req.strategy,
                "strategy-version": str(plan.strategy_version),
            },
            cache_control=IMMUTABLE,
        )
        self._index.record_put(
            CacheEntry(
                plan.key,
                len(body),
                req.asset_type.name,
                req.asset_type.category,
                req.theme,
                plan.fmt,
            )
        )
        self._hot.put(plan.key, body, rendered.meta.content_hash)
        return self._result(plan, len(body), False, started, rendered.meta.content_hash, body)

    def _result(
        self,
        plan: PlannedAsset,
        size: int,
        cached: bool,
        started: float,
        content_hash: str,
        body: bytes | None,
    ) -> GeneratedAsset:
        req = plan.request
        return GeneratedAsset(
            key=plan.key,
            fmt=plan.fmt,
            size=size,
            cached=cached,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            asset=req.asset_type.name,
            category=req.asset_type.category,
            index=req.index,
            theme=req.theme,
            params=dict(req.params),
            seed=req.seed,
            width=req.width,
            height=req.height,
            strategy=req.strategy,
            # Older objects without the header still get a stable tag from their key.
            content_hash=content_hash or plan.key.rsplit("/", 1)[-1].split(".")[0],
            body=body,
        )

    def url(self, key: str) -> str:
        """A time-limited link to a stored object."""
        return self._store.presign_get(key, self._settings.presign_expiry_seconds)

"""Request and response bodies of the cache routes (API_SURFACE.md, Cache)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ClearRequest(BaseModel):
    """`POST /cache/clear`: at least one filter, or `all: true` (an empty filter is a 422)."""

    model_config = ConfigDict(extra="forbid")

    asset: str | None = Field(None, min_length=1, max_length=200)
    theme: str | None = Field(None, min_length=1, max_length=200)
    category: str | None = Field(None, min_length=1, max_length=200)
    older_than_seconds: int | None = Field(None, ge=0)
    all: bool = False
    dry_run: bool = False

    def is_empty(self) -> bool:
        return not self.all and all(
            v is None for v in (self.asset, self.theme, self.category, self.older_than_seconds)
        )


class ClearResult(BaseModel):
    deleted: int
    bytes_freed: int
    dry_run: bool


class CacheStatus(BaseModel):
    objects: int
    bytes: int
    budget_bytes: int
    ttl_seconds: int
    by_category: dict[str, dict[str, int]]
    top_assets: list[dict[str, Any]]
    oldest: str | None
    newest: str | None
    hits: int
    misses: int
    hit_ratio: float | None

"""Health and catalogue responses."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel


class HealthResponse(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    engine_version: str
    asset_types: int
    checks: dict[str, str]


class AssetEntry(BaseModel):
    name: str
    category: str
    tags: list[str]
    default_width: int
    default_height: int
    transparent: bool
    params: dict[str, Any]
    source: Literal["builtin", "spec"]
    description: str = ""
    aliases: list[str] = []


class AssetsResponse(BaseModel):
    assets: list[AssetEntry]
    total: int
    themes: list[dict[str, Any]]
    categories: list[str]


class GeneratorsResponse(BaseModel):
    """The previous system's catalogue shape."""

    status: Literal["success"]
    generators: dict[str, dict[str, Any]]
    total_generators: int
    timestamp: str

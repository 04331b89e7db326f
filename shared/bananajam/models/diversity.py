"""Diversity requests and responses."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class OptimizeBody(BaseModel):
    """`POST /diversity/optimize/{type_id}`."""

    model_config = ConfigDict(extra="forbid")

    sample_size: int = Field(32, ge=8, le=256)
    theme: str | None = Field(None, max_length=100)
    strategies: list[str] | None = Field(None, min_length=1, max_length=8)


class StrategyRow(BaseModel):
    strategy: str
    vendi: float
    vendi_per_item: float
    min_distance: float
    near_duplicates: int
    sample_size: int


class OptimizeResult(BaseModel):
    type_id: str
    theme: str | None
    sample_size: int
    strategies: list[StrategyRow]
    chosen: str
    previous: str
    previous_vendi: float
    gain: float = Field(description="Chosen strategy's Vendi over the previous one's (1 = same).")
    strategy_version: int
    changed: bool
    measured_at: str


class DiverseBatchBody(BaseModel):
    """`POST /diversity/generate-diverse-batch`: one `asset` or a mix of `types`."""

    model_config = ConfigDict(extra="forbid")

    asset: str | None = Field(None, max_length=100)
    types: list[str] | None = Field(None, min_length=1, max_length=32)
    count: int = Field(16, ge=1)
    theme: str | None = Field(None, max_length=100)
    pool_factor: int = Field(4, ge=1, le=32)

    @model_validator(mode="after")
    def _one_source(self) -> DiverseBatchBody:
        if (self.asset is None) == (self.types is None):
            raise ValueError("give exactly one of 'asset' or 'types'")
        return self


class DiverseItem(BaseModel):
    asset: str
    index: int
    theme: str
    params: dict[str, Any]
    key: str
    url: str
    width: int
    height: int


class DiversityBlock(BaseModel):
    vendi: float
    random_baseline_vendi: float
    gain: float
    min_distance: float
    near_duplicates: int
    pool_size: int
    count: int


class DiverseBatchResult(BaseModel):
    items: list[DiverseItem]
    diversity: DiversityBlock


class TypeStatus(BaseModel):
    type_id: str
    measured: bool
    strategy: str
    strategy_version: int
    sample_size: int | None
    vendi: float | None
    vendi_per_item: float | None
    min_distance: float | None
    near_duplicates: int | None
    measured_at: str | None
    history: list[dict[str, Any]]


class DiversityStatus(BaseModel):
    types: list[TypeStatus]

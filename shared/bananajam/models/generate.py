"""Generation requests and responses."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_INDEX = 2**31 - 1


class GenerateBody(BaseModel):
    """`POST /generate`. Only `asset` is required; sizes are range-checked against the limits."""

    model_config = ConfigDict(extra="forbid")

    asset: str = Field(min_length=1, max_length=100, examples=["void_lotus"])
    index: int = Field(0, ge=0, le=MAX_INDEX)
    theme: str | None = Field(None, max_length=100, examples=["astral_blue"])
    width: int | None = None
    height: int | None = None
    params: dict[str, Any] | None = None
    format: Literal["png", "webp"] = "png"


class GenerateResult(BaseModel):
    """The JSON answer (`Accept: application/json`): where the image is and what it is."""

    key: str
    url: str
    width: int
    height: int
    format: Literal["png", "webp"]
    bytes: int
    cached: bool
    asset: str
    category: str
    index: int
    theme: str
    params: dict[str, Any]
    seed: int
    strategy: str
    engine_version: str

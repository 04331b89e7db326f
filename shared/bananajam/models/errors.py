"""The error envelope every 4xx/5xx response carries (documented in OpenAPI)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(examples=["unknown_asset"])
    message: str
    details: dict[str, Any] = Field(default_factory=dict)
    request_id: str


class ErrorEnvelope(BaseModel):
    """`detail` repeats the message for clients that read `detail` as a string."""

    error: ErrorBody
    detail: str

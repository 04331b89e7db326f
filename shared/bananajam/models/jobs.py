"""Batch job requests and responses (issue 4)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bananajam.models.generate import MAX_INDEX

JobStatus = Literal["queued", "running", "succeeded", "partial", "failed", "cancelled"]
ItemStatus = Literal["queued", "succeeded", "failed", "cancelled"]


class BatchItemBody(BaseModel):
    """One item, or a range of `count` consecutive indices starting at `start_index`."""

    model_config = ConfigDict(extra="forbid")

    asset: str = Field(min_length=1, max_length=100)
    index: int | None = Field(None, ge=0, le=MAX_INDEX)
    theme: str | None = Field(None, max_length=100)
    width: int | None = None
    height: int | None = None
    params: dict[str, Any] | None = None
    format: Literal["png", "webp"] = "png"
    count: int | None = Field(None, ge=1, le=500)
    start_index: int | None = Field(None, ge=0, le=MAX_INDEX)


class BatchBody(BaseModel):
    """`POST /generate/batch`."""

    model_config = ConfigDict(extra="forbid")

    items: list[BatchItemBody] = Field(min_length=1, max_length=500)
    name: str | None = Field(None, max_length=200)


class BatchAccepted(BaseModel):
    job_id: str
    status: JobStatus
    total: int
    status_url: str


class JobItemView(BaseModel):
    i: int
    asset: str
    index: int
    theme: str | None
    status: ItemStatus
    key: str | None = None
    url: str | None = None
    error: str | None = None


class JobSummary(BaseModel):
    job_id: str
    name: str | None
    status: JobStatus
    total: int
    succeeded: int
    failed: int
    progress: float
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    error: str | None = None


class JobView(JobSummary):
    items: list[JobItemView]


class JobList(BaseModel):
    jobs: list[JobSummary]
    next_token: str | None = None


class ArchiveLink(BaseModel):
    job_id: str
    key: str
    url: str
    expires_in: int
    items: int

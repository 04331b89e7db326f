"""Routes of the jobs function: job status, listing (GSI1 newest first), cancel and archive,
plus the old aliases `GET /jobs` and `GET /generate/batch/{job_id}/status`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from bananajam.api.errors import ERROR_RESPONSES
from bananajam.models.jobs import ArchiveLink, JobList, JobSummary, JobView
from bananajam.services import wiring

router = APIRouter()

JobId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
StatusFilter = Literal["queued", "running", "succeeded", "partial", "failed", "cancelled"]


@router.get(
    "/generate/batch/status/{job_id}",
    response_model=JobView,
    responses=ERROR_RESPONSES,
    tags=["jobs"],
)
def get_status(job_id: JobId) -> dict[str, Any]:
    """A job with its items; finished items carry a time-limited URL. 404 `unknown_job`."""
    return wiring.job_queries().status(job_id)


@router.get(
    "/generate/batch/{job_id}/status",
    response_model=JobView,
    responses=ERROR_RESPONSES,
    tags=["jobs"],
    deprecated=True,
)
def get_status_alias(job_id: JobId) -> dict[str, Any]:
    """Old path of `GET /generate/batch/status/{job_id}`."""
    return wiring.job_queries().status(job_id)


def _list(status: StatusFilter | None, limit: int, next_token: str | None) -> dict[str, Any]:
    return wiring.job_queries().list(status, limit, next_token)


@router.get(
    "/generate/batch/jobs", response_model=JobList, responses=ERROR_RESPONSES, tags=["jobs"]
)
def list_jobs(
    status: StatusFilter | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    next_token: Annotated[str | None, Query(max_length=2000)] = None,
) -> dict[str, Any]:
    """Jobs newest first, without items; pass `next_token` back for the next page."""
    return _list(status, limit, next_token)


@router.get(
    "/jobs", response_model=JobList, responses=ERROR_RESPONSES, tags=["jobs"], deprecated=True
)
def list_jobs_alias(
    status: StatusFilter | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    next_token: Annotated[str | None, Query(max_length=2000)] = None,
) -> dict[str, Any]:
    """Old path of `GET /generate/batch/jobs`."""
    return _list(status, limit, next_token)


@router.post(
    "/generate/batch/{job_id}/cancel",
    response_model=JobSummary,
    responses={**ERROR_RESPONSES, 409: {"description": "The job has already finished"}},
    tags=["jobs"],
)
def cancel_job(job_id: JobId) -> dict[str, Any]:
    """Cancel a queued or running job: items not yet started are skipped."""
    return wiring.job_queries().cancel(job_id)


@router.get(
    "/generate/batch/{job_id}/archive",
    response_model=ArchiveLink,
    responses={**ERROR_RESPONSES, 409: {"description": "The job has not finished"}},
    tags=["jobs"],
)
def get_archive(job_id: JobId) -> dict[str, Any]:
    """A time-limited link to a zip of the job's images plus manifest.json (built once)."""
    return wiring.job_archive().link(job_id)

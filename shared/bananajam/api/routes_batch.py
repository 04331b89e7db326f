"""Routes of the batch function: POST /generate/batch: validate every item, expand ranges,
record the job, enqueue (flow in `services.jobs_submission`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from bananajam.api.errors import ERROR_RESPONSES, request_id_of
from bananajam.models.jobs import BatchAccepted, BatchBody
from bananajam.services import catalogue_service, wiring

router = APIRouter()


@router.post(
    "/generate/batch",
    status_code=202,
    response_model=BatchAccepted,
    responses=ERROR_RESPONSES,
    tags=["batch"],
)
def post_batch(
    body: BatchBody,
    request: Request,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Any:
    """Queue a batch job (at most 500 items after range expansion); 202 with its status URL."""
    catalogue_service.configure_specs()
    done = wiring.job_submission().submit(
        body, request_id=request_id_of(request), idempotency_key=idempotency_key
    )
    payload = BatchAccepted(
        job_id=done.job_id,
        status=done.status,
        total=done.total,
        status_url=f"/generate/batch/status/{done.job_id}",
    ).model_dump()
    headers = {"Idempotent-Replayed": "true"} if done.replayed else {}
    return JSONResponse(payload, status_code=202, headers=headers)

"""Routes of the diversity function: status, strategy optimisation and diverse batches."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any, cast

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from bananajam.api.errors import ERROR_RESPONSES, request_id_of
from bananajam.config import get_settings
from bananajam.errors import FieldError
from bananajam.models.diversity import (
    DiverseBatchBody,
    DiverseBatchResult,
    DiversityStatus,
    OptimizeBody,
    OptimizeResult,
)
from bananajam.models.jobs import BatchAccepted
from bananajam.services import catalogue_service, wiring

if TYPE_CHECKING:
    from bananajam.services.job_service import JobTable

router = APIRouter(tags=["diversity"])


@router.get("/diversity/status", response_model=DiversityStatus, responses=ERROR_RESPONSES)
def diversity_status(
    type_id: Annotated[str | None, Query(max_length=100)] = None,
) -> DiversityStatus:
    """Latest measurement, active strategy and history per type (or for one type)."""
    catalogue_service.configure_specs()
    rows = wiring.diversity_service().status(type_id)
    return DiversityStatus.model_validate({"types": rows})


@router.post(
    "/diversity/optimize/{type_id}",
    response_model=OptimizeResult,
    responses={**ERROR_RESPONSES, 202: {"model": BatchAccepted, "description": "Queued as a job"}},
)
def optimize(type_id: str, request: Request, body: OptimizeBody | None = None) -> Any:
    """Measure each variation strategy on a sample and keep the best one for the type.

    A run estimated above `optimize_sync_seconds` becomes a one-item batch job: 202 in the
    batch shape, followed at `status_url`.
    """
    from bananajam.services import diversity_jobs

    catalogue_service.configure_specs()
    b = body or OptimizeBody()
    service = wiring.diversity_service()
    name, wanted = service.plan(type_id, b.sample_size, b.strategies)
    cost = diversity_jobs.estimate_seconds(name, b.sample_size, len(wanted))
    if cost > get_settings().optimize_sync_seconds:
        accepted = diversity_jobs.submit_optimize_job(
            cast("JobTable", wiring.table()),
            wiring.queue(),
            name,
            b.model_dump(exclude_none=True),
            request_id_of(request),
        )
        return JSONResponse(BatchAccepted.model_validate(accepted).model_dump(), status_code=202)
    r = service.optimize(name, b.sample_size, b.theme, b.strategies)
    data = asdict(r)
    data["strategies"] = data.pop("table")
    return OptimizeResult.model_validate(data)


@router.post(
    "/diversity/generate-diverse-batch",
    response_model=DiverseBatchResult,
    responses=ERROR_RESPONSES,
)
def generate_diverse_batch(body: DiverseBatchBody) -> DiverseBatchResult:
    """`count` variants chosen to be as different from each other as possible."""
    from bananajam.services.diverse_batch import diverse_batch

    catalogue_service.configure_specs()
    limits = get_settings().limits
    if body.count > limits.max_diverse_count:
        raise FieldError.single("count", f"must be at most {limits.max_diverse_count}")
    service = wiring.asset_service()
    result = diverse_batch(
        service,
        wiring.strategy_source(),
        wiring.diversity_service(),
        [body.asset] if body.asset else list(body.types or []),
        body.count,
        body.theme,
        body.pool_factor,
        limits.max_diverse_pool,
        service.url,
    )
    return DiverseBatchResult.model_validate({"items": result.items, "diversity": result.diversity})

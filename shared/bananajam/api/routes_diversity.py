"""Routes of the diversity function: status, strategy optimisation and diverse batches."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query

from bananajam.api.errors import ERROR_RESPONSES
from bananajam.config import get_settings
from bananajam.errors import FieldError
from bananajam.models.diversity import (
    DiverseBatchBody,
    DiverseBatchResult,
    DiversityStatus,
    OptimizeBody,
    OptimizeResult,
)
from bananajam.services import wiring

router = APIRouter(tags=["diversity"])


@router.get("/diversity/status", response_model=DiversityStatus, responses=ERROR_RESPONSES)
def diversity_status(
    type_id: Annotated[str | None, Query(max_length=100)] = None,
) -> DiversityStatus:
    """Latest measurement, active strategy and history per type (or for one type)."""
    rows = wiring.diversity_service().status(type_id)
    return DiversityStatus.model_validate({"types": rows})


@router.post(
    "/diversity/optimize/{type_id}", response_model=OptimizeResult, responses=ERROR_RESPONSES
)
def optimize(type_id: str, body: OptimizeBody | None = None) -> OptimizeResult:
    """Measure each variation strategy on a sample and keep the best one for the type."""
    b = body or OptimizeBody()
    r = wiring.diversity_service().optimize(type_id, b.sample_size, b.theme, b.strategies)
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

"""Routes of the cache function: GET /cache/status (alias GET /cache/stats) and admin
POST /cache/clear.

Admin credential: `Authorization: Bearer <token>` or `X-Admin-Token: <token>`, compared in
constant time with `BANANAJAM_ADMIN_TOKEN` or, on AWS, the SecureString parameter named by
`BANANAJAM_ADMIN_TOKEN_PARAMETER`. No credential sent: 401; a wrong one (or none configured): 403.
"""

from __future__ import annotations

import hmac
import time
from typing import Any

from fastapi import APIRouter, Depends, Request

from bananajam.api.errors import ERROR_RESPONSES
from bananajam.config import get_settings
from bananajam.errors import AuthError, FieldError, ForbiddenError
from bananajam.models.cache import CacheStatus, ClearRequest, ClearResult
from bananajam.models.errors import ErrorEnvelope
from bananajam.services import wiring

router = APIRouter()


def _configured_token() -> str | None:
    settings = get_settings()
    if settings.admin_token:
        return settings.admin_token
    if settings.admin_token_parameter:
        from bananajam.adapters.ssm_params import secure_string

        return secure_string(settings.admin_token_parameter, settings)
    return None


def presented_token(headers: Any) -> str | None:
    auth = headers.get("authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return str(value.strip())
    token = headers.get("x-admin-token")
    return str(token) if token else None


def require_admin(request: Request) -> None:
    given = presented_token(request.headers)
    if not given:
        raise AuthError("an admin credential is required (Authorization: Bearer <token>)")
    expected = _configured_token()
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ForbiddenError("the admin credential is not valid")


@router.get("/cache/status", response_model=CacheStatus, responses=ERROR_RESPONSES)
def cache_status() -> CacheStatus:
    from bananajam.services.cache_status import cache_status as compute

    return compute(wiring.table(), get_settings())


@router.get("/cache/stats", response_model=CacheStatus, responses=ERROR_RESPONSES, deprecated=True)
def cache_stats_alias() -> CacheStatus:
    """Old path of `GET /cache/status`."""
    return cache_status()


@router.post(
    "/cache/clear",
    response_model=ClearResult,
    dependencies=[Depends(require_admin)],
    responses={
        **ERROR_RESPONSES,
        401: {"model": ErrorEnvelope, "description": "No admin credential"},
        403: {"model": ErrorEnvelope, "description": "Wrong admin credential"},
    },
)
def cache_clear(body: ClearRequest) -> ClearResult:
    if body.is_empty():
        raise FieldError.single(
            "body", "give at least one filter (asset, theme, category, older_than_seconds) or all"
        )
    return wiring.cache_service().clear(body, time.time())

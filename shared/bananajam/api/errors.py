"""Domain errors and HTTP errors → the contract's one error envelope, in one place."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bananajam.errors import (
    AuthError,
    BananaJamError,
    ConflictError,
    DependencyError,
    FieldError,
    ForbiddenError,
    NotFoundError,
    PayloadTooLargeError,
    UnknownAssetError,
    UnknownThemeError,
)
from bananajam.models.errors import ErrorEnvelope

# Checked in order with isinstance, so subclasses added later (e.g. an unknown_job error
# deriving from NotFoundError) get the right status without touching this table.
STATUS_BY_ERROR: list[tuple[type[BananaJamError], int]] = [
    (UnknownAssetError, 404),
    (UnknownThemeError, 404),
    (NotFoundError, 404),
    (FieldError, 422),
    (ConflictError, 409),
    (PayloadTooLargeError, 413),
    (AuthError, 401),
    (ForbiddenError, 403),
    (DependencyError, 503),
]

CODE_BY_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    503: "dependency_unavailable",
}

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": desc}
    for status, desc in {
        404: "Unknown asset, theme or route (with close-match suggestions)",
        413: "Request body over the size limit",
        422: "Invalid field; `error.details.fields` names each one",
        500: "Unexpected error (no internals exposed)",
        503: "A dependency is unavailable; retry later",
    }.items()
}


def request_id_of(request: Request) -> str:
    return str(getattr(request.state, "request_id", "") or "")


def envelope(
    status: int,
    code: str,
    message: str,
    request_id: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {
        "error": {
            "code": code,
            "message": message,
            "details": details or {},
            "request_id": request_id,
        },
        "detail": message,
    }
    return JSONResponse(body, status_code=status, headers=headers)


def status_of(exc: BananaJamError) -> int:
    for cls, status in STATUS_BY_ERROR:
        if isinstance(exc, cls):
            return status
    return 400


def field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """`("body", "items", 3, "index")` → `items[3].index`; `("query", "width")` → `width`."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else str(p)
    return out or "body"


def validation_fields(exc: RequestValidationError) -> list[dict[str, str]]:
    fields = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            ctx = err.get("ctx") or {}
            fields.append({"field": "body", "message": f"malformed JSON: {ctx.get('error', '')}"})
            continue
        fields.append({"field": field_name(err.get("loc", ())), "message": str(err.get("msg"))})
    return fields


async def _domain(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BananaJamError)
    return envelope(status_of(exc), exc.code, exc.message, request_id_of(request), exc.details)


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = validation_fields(exc)
    message = "; ".join(f"{f['field']}: {f['message']}" for f in fields)
    return envelope(422, "validation_error", message, request_id_of(request), {"fields": fields})


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = CODE_BY_STATUS.get(exc.status_code, "error")
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"No route {request.method} {request.url.path}"
    elif exc.status_code == 405:
        message = f"Method {request.method} is not allowed on {request.url.path}"
    headers = dict(exc.headers or {})
    return envelope(exc.status_code, code, message, request_id_of(request), headers=headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(BananaJamError, _domain)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)

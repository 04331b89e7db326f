"""Routes of the generate function: health, catalogue and generation."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse, RedirectResponse, Response

from bananajam.api.errors import ERROR_RESPONSES
from bananajam.config import get_settings
from bananajam.models.catalogue import AssetsResponse, GeneratorsResponse, HealthResponse
from bananajam.models.generate import MAX_INDEX, GenerateBody, GenerateResult
from bananajam.services import catalogue_service, health_service, wiring
from bananajam.services.asset_service import IMMUTABLE, GenerateCommand, GeneratedAsset

router = APIRouter()

IMAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The image bytes, or JSON with `Accept: application/json`",
        "model": GenerateResult,
        "content": {"image/png": {}, "image/webp": {}},
    },
    303: {"description": "Image too large for a Lambda response: redirect to the stored object"},
    304: {"description": "`If-None-Match` matched the ETag"},
    **ERROR_RESPONSES,
}


def wants_json(accept: str | None) -> bool:
    """JSON when the client lists application/json before any image type."""
    if not accept:
        return False
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media == "application/json":
            return True
        if media.startswith("image/"):
            return False
    return False


def _image_headers(g: GeneratedAsset) -> dict[str, str]:
    return {
        "ETag": g.etag,
        "Cache-Control": IMMUTABLE,
        "X-Asset-Key": g.key,
        "X-Cache": "hit" if g.cached else "miss",
        "X-Render-Ms": f"{g.elapsed_ms:.1f}",
    }


def _answer(cmd: GenerateCommand, accept: str | None, if_none_match: str | None) -> Response:
    catalogue_service.configure_specs()
    service = wiring.asset_service()
    if wants_json(accept):
        g = service.generate(cmd, want_body=False)
        result = GenerateResult(
            key=g.key,
            url=service.url(g.key),
            width=g.width,
            height=g.height,
            format=g.fmt,
            bytes=g.size,
            cached=g.cached,
            asset=g.asset,
            category=g.category,
            index=g.index,
            theme=g.theme,
            params=g.params,
            seed=g.seed,
            strategy=g.strategy,
            engine_version=g.engine_version,
        )
        headers = {k: v for k, v in _image_headers(g).items() if k != "Cache-Control"}
        return JSONResponse(result.model_dump(), headers=headers)
    if if_none_match:
        # A HEAD on the stored object is enough to answer a revalidation; no bytes move.
        probe = service.generate(cmd, want_body=False)
        tags = {t.strip() for t in if_none_match.split(",")}
        if probe.etag in tags or "*" in tags:
            return Response(status_code=304, headers=_image_headers(probe))
    g = service.generate(cmd)
    headers = _image_headers(g)
    if g.size > get_settings().max_inline_bytes or g.body is None:
        return RedirectResponse(service.url(g.key), status_code=303, headers=headers)
    return Response(g.body, media_type=g.content_type, headers=headers)


@router.get("/health", response_model=HealthResponse, tags=["health"])
def get_health() -> dict[str, Any]:
    """Dependency checks; `degraded` (still 200) when one is down."""
    catalogue_service.configure_specs()
    checks = {
        "storage": lambda: wiring.object_store().check(),
        "jobs": lambda: wiring.table().check(),
        "queue": lambda: wiring.queue().check(),
    }
    return health_service.health(checks, catalogue_service.asset_count())


@router.get("/assets", response_model=AssetsResponse, responses=ERROR_RESPONSES, tags=["catalogue"])
def get_assets(
    category: Annotated[str | None, Query(max_length=40)] = None,
    tag: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
) -> dict[str, Any]:
    """The catalogue of asset types, with every theme and category."""
    catalogue_service.configure_specs()
    return catalogue_service.list_assets(category, tag, q)


@router.get("/generators", response_model=GeneratorsResponse, tags=["catalogue"])
def get_generators() -> dict[str, Any]:
    """The catalogue in the previous system's shape."""
    catalogue_service.configure_specs()
    return catalogue_service.list_generators()


@router.post("/generate", responses=IMAGE_RESPONSES, tags=["generate"])
def post_generate(
    body: GenerateBody,
    accept: Annotated[str | None, Header()] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """Render (or fetch from the cache) one asset."""
    cmd = GenerateCommand(
        body.asset, body.index, body.theme, body.params, body.width, body.height, body.format
    )
    return _answer(cmd, accept, if_none_match)


@router.get("/generate/{asset}", responses=IMAGE_RESPONSES, tags=["generate"])
def get_generate(
    asset: str,
    index: Annotated[int, Query(ge=0, le=MAX_INDEX)] = 0,
    theme: Annotated[str | None, Query(max_length=100)] = None,
    width: int | None = None,
    height: int | None = None,
    format: Literal["png", "webp"] = "png",
    accept: Annotated[str | None, Header()] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """The same as `POST /generate`, for `<img src>`; old short names work too."""
    cmd = GenerateCommand(asset, index, theme, None, width, height, format)
    return _answer(cmd, accept, if_none_match)

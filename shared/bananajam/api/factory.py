"""`create_app`: the one way a function's FastAPI app is built."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from bananajam import __version__
from bananajam.api import errors
from bananajam.api.middleware import LocalCorsMiddleware, RequestContextMiddleware
from bananajam.api.observability import PowertoolsMeter
from bananajam.services import wiring


def create_app(area: str, routers: list[APIRouter]) -> FastAPI:
    """An app for one API area: its routers, the error envelope, request ids and local CORS.

    Nothing here reads settings or touches AWS: middleware reads settings per request, so a cold
    start pays only for imports and route registration.
    """
    app = FastAPI(
        title=f"BananaJam {area}",
        version=__version__,
        description=f"The `{area}` area of the BananaJam API (see API_SURFACE.md).",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    errors.install(app)
    for router in routers:
        app.include_router(router)
    # Added last = outermost: the context layer wraps CORS too, so even preflights carry an id.
    app.add_middleware(LocalCorsMiddleware)
    app.add_middleware(RequestContextMiddleware)
    app.state.area = area
    wiring.use_meter(PowertoolsMeter())
    return app

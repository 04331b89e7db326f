"""One ASGI app standing in for the HttpApi: template routes → the five function apps."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from bananajam.local.functions import load_module
from bananajam.local.resources import Route, http_routes


class Gateway:
    """Dispatches by path like API Gateway (methods are ANY; each app answers 405 itself)."""

    def __init__(self, template: dict[str, Any] | None = None) -> None:
        self.routes: list[Route] = http_routes(template)
        self.apps: dict[str, ASGIApp] = {}
        for r in self.routes:
            if r.function not in self.apps:
                module = r.handler.rsplit(".", 1)[0]
                self.apps[r.function] = load_module(r.code_uri, module).app
        # Unmatched paths go to the generate app so they get the contract's 404 envelope
        # (on AWS the gateway itself answers them).
        self.fallback = next(self.apps[r.function] for r in self.routes if r.path == "/generate")

    def app_for(self, path: str) -> ASGIApp:
        for r in self.routes:
            if r.pattern.match(path):
                return self.apps[r.function]
        return self.fallback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            # The function apps run with lifespan off (as under Mangum); just acknowledge.
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await self.app_for(scope["path"])(scope, receive, send)

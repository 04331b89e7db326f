"""Pure ASGI middleware: request ids, body size limit, last-resort 500s, local CORS."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import MutableMapping
from typing import Any

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bananajam.api.observability import configure, logger
from bananajam.config import get_settings

_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
EXPOSED = ["X-Request-Id", "X-Cache", "X-Asset-Key", "X-Render-Ms", "ETag", "Location"]


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return str(v.decode("latin-1"))
    return None


def pick_request_id(scope: Scope) -> str:
    """The caller's X-Request-Id if sane, else API Gateway's request id, else a new uuid4."""
    given = _header(scope, b"x-request-id")
    if given and _VALID_ID.match(given):
        return given
    event = scope.get("aws.event")
    if isinstance(event, dict):
        rid = event.get("requestContext", {}).get("requestId")
        if isinstance(rid, str) and _VALID_ID.match(rid):
            return rid
    return str(uuid.uuid4())


class _BodyTooLargeError(Exception):
    pass


def _error_body(status: int, code: str, message: str, rid: str) -> bytes:
    body = {
        "error": {"code": code, "message": message, "details": {}, "request_id": rid},
        "detail": message,
    }
    return json.dumps(body).encode()


class RequestContextMiddleware:
    """Outermost app middleware: every response gets X-Request-Id; nothing leaks a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = pick_request_id(scope)
        state: MutableMapping[str, Any] = scope.setdefault("state", {})
        state["request_id"] = rid
        logger.set_correlation_id(rid)
        settings = get_settings()
        configure(settings)
        limit = settings.limits.max_body_bytes
        started = False

        over = False
        replied = False

        async def send_app(message: Message) -> None:
            # Once the body went over the limit, whatever the app answers (frameworks turn a
            # failed body read into a 400) is replaced by the 413.
            nonlocal replied
            if not over:
                await send_with_id(message)
            elif (
                not replied
                and message["type"] == "http.response.body"
                and not message.get("more_body", False)
            ):
                replied = True
                await reply(413, "payload_too_large", too_large)

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                headers.append((b"x-request-id", rid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        async def reply(status: int, code: str, message: str) -> None:
            body = _error_body(status, code, message, rid)
            await send_with_id(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send_with_id({"type": "http.response.body", "body": body})

        too_large = f"request body is larger than the {limit}-byte limit"
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > limit:
            await reply(413, "payload_too_large", too_large)
            return

        seen = 0

        async def counting_receive() -> Message:
            # Content-Length can be absent or wrong (chunked bodies); count what really arrives.
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    over = True
                    raise _BodyTooLargeError
            return message

        try:
            await self.app(scope, counting_receive, send_app)
        except _BodyTooLargeError:
            if not started and not replied:
                await reply(413, "payload_too_large", too_large)
        except Exception:
            logger.exception("unhandled error", extra={"path": scope.get("path")})
            if not started:
                await reply(500, "internal_error", "Internal error; quote the request id.")


class LocalCorsMiddleware:
    """CORS from settings, only when running locally (on AWS the HttpApi answers CORS)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._cors: dict[tuple[str, ...], ASGIApp] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = get_settings()
        if scope["type"] != "http" or not settings.local:
            await self.app(scope, receive, send)
            return
        origins = tuple(settings.cors_origins)
        cors = self._cors.get(origins)
        if cors is None:
            cors = CORSMiddleware(
                self.app,
                allow_origins=list(origins),
                allow_methods=["*"],
                allow_headers=["*"],
                expose_headers=EXPOSED,
            )
            self._cors[origins] = cors
        await cors(scope, receive, send)

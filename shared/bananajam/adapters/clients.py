"""Lazily created, reused boto3 clients (one per service, endpoint and region)."""

from __future__ import annotations

from functools import cache
from typing import Any

from bananajam.config import Settings


@cache
def _client(service: str, endpoint_url: str | None, region: str) -> Any:
    # boto3 is imported here, not at module top, so importing an adapter costs nothing until the
    # first AWS call (cold starts pay for boto3 only when a route needs it).
    import boto3
    from botocore.config import Config

    cfg = Config(
        retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=2, read_timeout=10
    )
    return boto3.session.Session().client(
        service,  # type: ignore[call-overload]
        endpoint_url=endpoint_url,
        region_name=region,
        config=cfg,
    )


def client(service: str, settings: Settings) -> Any:
    """The cached client for `service` at the configured endpoint (moto locally, AWS otherwise)."""
    return _client(service, settings.aws_endpoint_url, settings.region)


def reset_clients() -> None:
    """Drop cached clients (tests do this when a new moto mock starts)."""
    _client.cache_clear()


def error_code(exc: BaseException) -> str:
    """The AWS error code of a botocore `ClientError` ('' for anything else)."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""

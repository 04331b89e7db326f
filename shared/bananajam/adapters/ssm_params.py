"""SSM Parameter Store: the admin credential, read lazily and cached for a few minutes."""

from __future__ import annotations

import time
from typing import Any

from bananajam.adapters.clients import client, error_code
from bananajam.config import Settings
from bananajam.errors import DependencyError

_TTL_SECONDS = 300.0
_cache: dict[str, tuple[float, str]] = {}


def secure_string(name: str, settings: Settings, ssm_client: Any | None = None) -> str:
    """The decrypted value of a SecureString parameter (cached so rotation lands within 5 min)."""
    hit = _cache.get(name)
    if hit and time.monotonic() - hit[0] < _TTL_SECONDS:
        return hit[1]
    ssm = ssm_client or client("ssm", settings)
    try:
        value = str(ssm.get_parameter(Name=name, WithDecryption=True)["Parameter"]["Value"])
    except Exception as exc:
        raise DependencyError(
            "credential store unavailable", {"dependency": "ssm", "code": error_code(exc)}
        ) from exc
    _cache[name] = (time.monotonic(), value)
    return value

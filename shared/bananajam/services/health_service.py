"""`GET /health`: dependency checks that degrade instead of failing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bananajam import __version__
from bananajam.errors import BananaJamError
from bananajam.version import ENGINE_VERSION


def run_checks(checks: Mapping[str, Callable[[], None]]) -> dict[str, str]:
    """Each check's result: "ok", or "unavailable" when it raised (the error is not exposed)."""
    out: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
            out[name] = "ok"
        except BananaJamError:
            out[name] = "unavailable"
        except Exception:  # a health check must report, never crash the route
            out[name] = "error"
    return out


def health(checks: Mapping[str, Callable[[], None]], asset_types: int) -> dict[str, Any]:
    results = run_checks(checks)
    return {
        "status": "ok" if all(v == "ok" for v in results.values()) else "degraded",
        "version": __version__,
        "engine_version": ENGINE_VERSION,
        "asset_types": asset_types,
        "checks": results,
    }

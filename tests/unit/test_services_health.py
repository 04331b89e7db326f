"""Health degrades instead of failing."""

from __future__ import annotations

from bananajam.errors import DependencyError
from bananajam.services.health_service import health


def ok() -> None:
    return None


def down() -> None:
    raise DependencyError("down")


def broken() -> None:
    raise RuntimeError("surprise")


def test_all_ok() -> None:
    out = health({"storage": ok, "jobs": ok}, 5)
    assert out["status"] == "ok" and out["asset_types"] == 5
    assert out["checks"] == {"storage": "ok", "jobs": "ok"}


def test_one_down_is_degraded_not_an_error() -> None:
    out = health({"storage": down, "jobs": ok, "queue": broken}, 5)
    assert out["status"] == "degraded"
    assert out["checks"] == {"storage": "unavailable", "jobs": "ok", "queue": "error"}

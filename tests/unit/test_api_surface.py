"""Every route the five apps serve is documented in API_SURFACE.md and routed by the template."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bananajam.local.resources import http_routes

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("generate", "batch", "jobs", "cache", "diversity")


def served(load_function: Callable[..., Any]) -> set[tuple[str, str, str]]:
    # The OpenAPI document lists every included route (FastAPI includes routers lazily, so
    # `app.routes` no longer flattens them); a route hidden from the schema is still caught by
    # the template test's 404s in the e2e suite.
    out = set()
    for area in AREAS:
        for path, ops in load_function(area).app.openapi()["paths"].items():
            for method in ops:
                out.add((area, method.upper(), path))
    return out


def documented() -> set[tuple[str, str]]:
    text = (ROOT / "API_SURFACE.md").read_text()
    return set(re.findall(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`\s]*)`", text))


def test_generate_routes_are_served(load_function: Callable[..., Any]) -> None:
    paths = {(m, p) for a, m, p in served(load_function) if a == "generate"}
    assert paths >= {
        ("GET", "/health"),
        ("GET", "/assets"),
        ("GET", "/generators"),
        ("POST", "/generate"),
        ("GET", "/generate/{asset}"),
    }


def test_every_served_route_is_documented(load_function: Callable[..., Any]) -> None:
    missing = {(m, p) for _, m, p in served(load_function)} - documented()
    assert not missing, f"add these to API_SURFACE.md: {sorted(missing)}"


@pytest.mark.parametrize("area", AREAS)
def test_template_routes_each_path_to_its_function(
    area: str, load_function: Callable[..., Any]
) -> None:
    """API Gateway must send every path an app serves to that app's function."""
    routes = http_routes()
    for a, _, path in served(load_function):
        if a != area:
            continue
        concrete = re.sub(r"\{[^}]+\}", "x1", path)
        match = next((r for r in routes if r.pattern.match(concrete)), None)
        assert match is not None, f"template.yaml routes nothing to {path}"
        assert Path(match.code_uri).name == area, f"{path} goes to {match.function}"


@pytest.mark.parametrize("area", AREAS)
def test_committed_openapi_documents_are_current(
    area: str, load_function: Callable[..., Any]
) -> None:
    """`make openapi` output is committed; it must match what the app serves now."""
    committed = json.loads((ROOT / "openapi" / f"{area}.json").read_text())
    assert committed == load_function(area).app.openapi(), f"run `make openapi` ({area})"

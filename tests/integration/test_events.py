"""Every events/*.json through the handler that would receive it, twice in a row (warm)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bananajam.local.resources import http_routes, load_template, resources_of_type

EVENTS = sorted((Path(__file__).resolve().parents[2] / "events").glob("*.json"))


def handler_for(event: dict[str, Any]) -> tuple[str, str, str]:
    """(function, code uri, handler) that API Gateway / SQS / Scheduler would invoke."""
    tpl = load_template()
    functions = resources_of_type(tpl, "AWS::Serverless::Function")
    if "requestContext" in event:
        path = event["rawPath"]
        route = next(r for r in http_routes(tpl) if r.pattern.match(path))
        return route.function, route.code_uri, route.handler
    wanted = "SQS" if "Records" in event else "ScheduleV2"
    for name, res in functions.items():
        if any(e["Type"] == wanted for e in res["Properties"].get("Events", {}).values()):
            return name, res["Properties"]["CodeUri"], res["Properties"]["Handler"]
    raise AssertionError(f"no function takes {wanted} events")


def test_there_are_events_for_every_kind() -> None:
    kinds = {("http" if "requestContext" in json.loads(p.read_text()) else p.stem) for p in EVENTS}
    assert "http" in kinds and "worker-sqs" in kinds and "cleanup-schedule" in kinds


@pytest.mark.parametrize("path", EVENTS, ids=[p.stem for p in EVENTS])
def test_event_twice(
    path: Path, aws: Any, load_function: Callable[..., Any], lambda_context: Any
) -> None:
    from bananajam.assets import default_registry

    event = json.loads(path.read_text())
    function, code_uri, handler = handler_for(event)
    module, func = handler.rsplit(".", 1)
    fn = getattr(load_function(Path(code_uri).name, module), func)
    first, second = fn(event, lambda_context), fn(event, lambda_context)
    if "requestContext" not in event:
        # Non-HTTP handlers: the worker's partial-failure shape, the cleanup's report.
        assert first == second
        if "Records" in event:
            assert first == {"batchItemFailures": []}
        else:
            assert {"expired", "evicted", "bytes_freed"} <= set(first)
        return
    for resp in (first, second):
        assert resp["headers"]["x-request-id"] == event["requestContext"]["requestId"]
        assert resp["statusCode"] < 500, resp.get("body")
    if function != "GenerateFunction":
        return  # the other areas' own tests check their bodies
    path_ = event["rawPath"]
    asset = path_.removeprefix("/generate/") if path_.startswith("/generate/") else None
    if event.get("body"):
        asset = json.loads(base64.b64decode(event["body"]))["asset"]
    if asset and asset not in default_registry():
        assert first["statusCode"] == second["statusCode"] == 404
        return
    assert first["statusCode"] == second["statusCode"] == 200
    if first["headers"]["content-type"].startswith("image/"):
        assert (first["headers"]["x-cache"], second["headers"]["x-cache"]) == ("miss", "hit")
        assert first["body"] == second["body"] and first["isBase64Encoded"]

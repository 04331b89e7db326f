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
SAMPLE_JOB = "sample-job"
# The batch and jobs events (events/batch_*.json, events/jobs_*.json) run against a seeded queued
# job `sample-job` of 2 items: (status of the 1st call, of the 2nd). A cancel finishes the job,
# so the same cancel again is a 409; an archive of an unfinished job is a 409.
JOB_EVENTS: dict[str, tuple[int, int]] = {
    "batch_submit": (202, 202),
    "jobs_status": (200, 200),
    "jobs_status_legacy": (200, 200),
    "jobs_list": (200, 200),
    "jobs_list_legacy": (200, 200),
    "jobs_cancel": (200, 409),
    "jobs_archive": (409, 409),
}


def seed_sample_job() -> None:
    """A queued 2-item job, written as the submission would write it (META, then its specs)."""
    import time

    from bananajam.services import wiring

    wiring.table().put(
        {
            "PK": f"JOB#{SAMPLE_JOB}",
            "SK": "META",
            "GSI1PK": "JOBS",
            "GSI1SK": f"2026-11-26T10:00:00.000000Z#{SAMPLE_JOB}",
            "job_id": SAMPLE_JOB,
            "name": "sample",
            "status": "queued",
            "total": 2,
            "succeeded": 0,
            "failed": 0,
            "created_at": "2026-11-26T10:00:00.000000Z",
            "request_id": "sample-batch-submit",
            "expires_at": int(time.time()) + 86_400,
        }
    )
    wiring.table().put(
        {
            "PK": f"JOB#{SAMPLE_JOB}",
            "SK": "SPECS#000",
            "first": 0,
            "specs": [
                {"asset": "void_lotus", "index": i, "width": 64, "height": 64, "format": "png"}
                for i in (0, 1)
            ],
            "expires_at": int(time.time()) + 86_400,
        }
    )


def check_job_event(stem: str, first: dict[str, Any], second: dict[str, Any]) -> None:
    """What each batch/jobs sample event must answer, twice in a row."""
    from bananajam.services import wiring

    if stem == "batch_worker_sqs":  # the redelivery counts once and finishes the job once
        job = wiring.table().get(f"JOB#{SAMPLE_JOB}", "META")
        assert job is not None
        assert (job["status"], job["succeeded"], job["failed"]) == ("succeeded", 2, 0)
        return
    assert (first["statusCode"], second["statusCode"]) == JOB_EVENTS[stem], second.get("body")
    a, b = (json.loads(r["body"]) for r in (first, second))
    if stem == "batch_submit":  # the Idempotency-Key replays the same job
        assert a["job_id"] == b["job_id"] and a["total"] == b["total"] == 4
        assert second["headers"].get("idempotent-replayed") == "true"
    elif stem.startswith("jobs_status"):
        assert a["job_id"] == SAMPLE_JOB and [i["i"] for i in a["items"]] == [0, 1]
    elif stem.startswith("jobs_list"):
        assert [j["job_id"] for j in a["jobs"]] == [SAMPLE_JOB] and a == b
    elif stem == "jobs_cancel":
        assert a["status"] == "cancelled" and b["error"]["code"] == "conflict"
    else:
        assert a["error"]["code"] == b["error"]["code"] == "conflict"


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
    job_event = path.stem.startswith(("batch_", "jobs_"))
    if job_event:
        seed_sample_job()
    function, code_uri, handler = handler_for(event)
    module, func = handler.rsplit(".", 1)
    fn = getattr(load_function(Path(code_uri).name, module), func)
    first, second = fn(event, lambda_context), fn(event, lambda_context)
    if job_event:
        check_job_event(path.stem, first, second)
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

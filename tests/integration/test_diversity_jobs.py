"""Diversity in the batch machinery: slow optimisations as jobs (202), batch-job recording."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from batch_support import Invoke, drain


@pytest.fixture
def fns(aws: dict[str, Any], load_function: Callable[..., Any]) -> dict[str, Any]:
    return {
        "div": load_function("diversity").handler,
        "batch": load_function("batch").handler,
        "worker": load_function("batch", "worker").handler,
        "jobs": load_function("jobs").handler,
    }


def _status(invoke: Invoke, fns: dict[str, Any], path: str) -> dict[str, Any]:
    r = invoke(fns["jobs"], "GET", path)
    assert r["statusCode"] == 200, r["raw"]
    return json.loads(r["raw"])  # type: ignore[no-any-return]


def test_slow_optimize_becomes_a_job(
    fns: Any,
    invoke: Invoke,
    aws: Any,
    asset_name: str,
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conftest import reset_all

    monkeypatch.setenv("BANANAJAM_OPTIMIZE_SYNC_SECONDS", "0")
    reset_all()
    body = {"sample_size": 8, "strategies": ["sobol"]}
    r = invoke(fns["div"], "POST", f"/diversity/optimize/{asset_name}", body=body)
    assert r["statusCode"] == 202, r["raw"]
    acc = json.loads(r["raw"])
    assert acc["status"] == "queued" and acc["total"] == 1
    assert acc["status_url"] == f"/generate/batch/status/{acc['job_id']}"
    assert _status(invoke, fns, acc["status_url"])["status"] == "queued"
    assert drain(aws, fns, lambda_context) == 1
    st = _status(invoke, fns, acc["status_url"])
    assert st["status"] == "succeeded" and st["items"][0]["status"] == "succeeded"
    row = json.loads(
        invoke(fns["div"], "GET", "/diversity/status", query={"type_id": asset_name})["raw"]
    )["types"][0]
    assert row["measured"] and row["sample_size"] == 8 and row["history"][0]["source"] == "optimize"


def test_validation_comes_before_queueing(
    fns: Any, invoke: Invoke, aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import reset_all

    monkeypatch.setenv("BANANAJAM_OPTIMIZE_SYNC_SECONDS", "0")
    reset_all()
    r = invoke(fns["div"], "POST", "/diversity/optimize/void_lotsu", body={"sample_size": 8})
    assert r["statusCode"] == 404


def test_finished_batch_job_records_diversity_per_type(
    fns: Any, invoke: Invoke, aws: Any, lambda_context: Any
) -> None:
    from bananajam.assets import default_registry

    a, b = default_registry().names()[:2]
    items = [
        {"asset": a, "count": 6, "start_index": 0, "width": 64, "height": 64},
        {"asset": b, "index": 3, "width": 64, "height": 64},  # one item: too few to measure
    ]
    r = invoke(fns["batch"], "POST", "/generate/batch", body={"items": items})
    job_id = json.loads(r["raw"])["job_id"]
    drain(aws, fns, lambda_context)
    assert _status(invoke, fns, f"/generate/batch/status/{job_id}")["status"] == "succeeded"
    rows = json.loads(invoke(fns["div"], "GET", "/diversity/status")["raw"])["types"]
    by = {row["type_id"]: row for row in rows}
    assert by[a]["measured"] and by[a]["sample_size"] == 6
    assert by[a]["history"][0]["source"] == "batch_job"
    assert by[b]["measured"] is False


def test_recording_failure_never_fails_the_job(
    fns: Any,
    invoke: Invoke,
    aws: Any,
    asset_name: str,
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bananajam.services import diversity_service

    def broken(*a: Any, **k: Any) -> None:
        raise RuntimeError("table on fire")

    monkeypatch.setattr(diversity_service.DiversityService, "record_measurement", broken)
    items = [{"asset": asset_name, "count": 3, "start_index": 0, "width": 32, "height": 32}]
    job_id = json.loads(
        invoke(fns["batch"], "POST", "/generate/batch", body={"items": items})["raw"]
    )["job_id"]
    drain(aws, fns, lambda_context)
    assert _status(invoke, fns, f"/generate/batch/status/{job_id}")["status"] == "succeeded"

"""Batch submission, the SQS worker and the jobs API against moto, with real SQS event shapes."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import pytest
from batch_support import Invoke, drain, receive, rng, run_worker, status, submit
from PIL import Image

BUCKET = "bj-test-assets"


@pytest.fixture
def fns(aws: dict[str, Any], load_function: Callable[..., Any]) -> dict[str, Any]:
    return {
        "batch": load_function("batch").handler,
        "worker": load_function("batch", "worker").handler,
        "jobs": load_function("jobs").handler,
    }


def test_fifty_items_complete(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, lambda_context: Any
) -> None:
    r = submit(invoke, fns, {"items": [rng(asset_name, 50)], "name": "fifty"})
    assert r["statusCode"] == 202, r["raw"]
    acc = json.loads(r["raw"])
    assert acc["status"] == "queued" and acc["total"] == 50
    assert acc["status_url"] == f"/generate/batch/status/{acc['job_id']}"
    assert drain(aws, fns, lambda_context) == 5  # 10 items per message
    st = status(invoke, fns, acc["job_id"])
    assert (st["status"], st["succeeded"], st["failed"], st["progress"]) == (
        "succeeded",
        50,
        0,
        1.0,
    )
    keys = {it["key"] for it in st["items"]}
    assert len(keys) == 50 and all(it["url"] for it in st["items"])
    for k in keys:
        assert aws["s3"].head_object(Bucket=BUCKET, Key=k)["ContentLength"] > 0
    assert st["started_at"] and st["finished_at"] and st["name"] == "fifty"
    alias = invoke(fns["jobs"], "GET", f"/generate/batch/{acc['job_id']}/status")
    assert json.loads(alias["raw"])["succeeded"] == 50


def test_unknown_asset_names_item_and_creates_nothing(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str
) -> None:
    items = [{"asset": asset_name, "index": i} for i in range(17)] + [{"asset": "nope_nope"}]
    r = submit(invoke, fns, {"items": items})
    assert r["statusCode"] == 422
    assert "items[17].asset" in r["raw"].decode()
    assert receive(aws) == []
    assert aws["dynamodb"].scan(TableName="bj-test")["Count"] == 0
    too_many = submit(invoke, fns, {"items": [rng(asset_name, 300), rng(asset_name, 201)]})
    assert too_many["statusCode"] == 422


def test_duplicate_delivery_counts_once(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, lambda_context: Any
) -> None:
    job = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 12)]})["raw"])["job_id"]
    msgs = receive(aws)
    assert len(msgs) == 2
    assert all(len(json.loads(m["Body"])["items"]) <= 10 for m in msgs)
    assert all(json.loads(m["Body"])["request_id"] for m in msgs)
    run_worker(fns, lambda_context, msgs[:1])
    run_worker(fns, lambda_context, msgs[:1], count=2)  # redelivery of the same message
    mid = status(invoke, fns, job)
    assert mid["status"] == "running" and mid["succeeded"] + mid["failed"] < 12
    run_worker(fns, lambda_context, msgs)  # both, the first a third time
    st = status(invoke, fns, job)
    assert (st["status"], st["succeeded"], st["failed"]) == ("succeeded", 12, 0)


def test_poisoned_item_fails_alone(
    fns: Any,
    invoke: Invoke,
    aws: Any,
    asset_name: str,
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bananajam.services import wiring

    job = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 6)]})["raw"])["job_id"]
    svc = wiring.asset_service()
    real = svc.generate

    def poisoned(cmd: Any, **kw: Any) -> Any:
        if cmd.index == 3:
            raise ValueError("engine bug")
        return real(cmd, **kw)

    monkeypatch.setattr(svc, "generate", poisoned)
    assert drain(aws, fns, lambda_context) == 1
    st = status(invoke, fns, job)
    assert (st["status"], st["succeeded"], st["failed"]) == ("partial", 5, 1)
    bad = st["items"][3]
    assert bad["status"] == "failed" and "render_error" in bad["error"] and bad["url"] is None


def test_transient_error_retries_then_gives_up(
    fns: Any,
    invoke: Invoke,
    aws: Any,
    asset_name: str,
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bananajam.errors import DependencyError
    from bananajam.services import wiring

    job = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 3)]})["raw"])["job_id"]
    svc = wiring.asset_service()

    def down(cmd: Any, **kw: Any) -> Any:
        raise DependencyError("s3 down", {"dependency": "s3"})

    monkeypatch.setattr(svc, "generate", down)
    msgs = receive(aws)
    from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

    # Every record failed: Powertools raises so Lambda retries the whole batch through SQS.
    with pytest.raises(BatchProcessingError):
        run_worker(fns, lambda_context, msgs, count=1)
    assert status(invoke, fns, job)["succeeded"] == 0
    out = run_worker(fns, lambda_context, msgs, count=4)  # maxReceiveCount in template.yaml
    assert out == {"batchItemFailures": []}
    st = status(invoke, fns, job)
    assert (st["status"], st["failed"]) == ("failed", 3)
    assert "gave up after 4 receives" in st["items"][0]["error"]


def test_cancel_midway(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, lambda_context: Any
) -> None:
    job = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 20)]})["raw"])["job_id"]
    msgs = receive(aws)
    run_worker(fns, lambda_context, msgs[:1])
    c = invoke(fns["jobs"], "POST", f"/generate/batch/{job}/cancel")
    assert c["statusCode"] == 200 and json.loads(c["raw"])["status"] == "cancelled"
    run_worker(fns, lambda_context, msgs[1:])
    st = status(invoke, fns, job)
    assert (st["status"], st["succeeded"]) == ("cancelled", 10)
    assert sum(it["status"] == "cancelled" for it in st["items"]) == 10
    again = invoke(fns["jobs"], "POST", f"/generate/batch/{job}/cancel")
    assert again["statusCode"] == 409
    missing = invoke(fns["jobs"], "GET", "/generate/batch/status/nope")
    assert (
        missing["statusCode"] == 404
        and json.loads(missing["raw"])["error"]["code"] == "unknown_job"
    )


def test_idempotent_resubmission(fns: Any, invoke: Invoke, aws: Any, asset_name: str) -> None:
    h = {"Idempotency-Key": "abc-123"}
    a = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 3)]}, headers=h)["raw"])
    b = submit(invoke, fns, {"items": [rng(asset_name, 3)]}, headers=h)
    assert b["statusCode"] == 202 and json.loads(b["raw"])["job_id"] == a["job_id"]
    assert b["h"].get("idempotent-replayed") == "true"
    assert len(receive(aws)) == 1
    listed = json.loads(invoke(fns["jobs"], "GET", "/generate/batch/jobs")["raw"])
    assert [j["job_id"] for j in listed["jobs"]] == [a["job_id"]]


def test_sqs_send_failure_fails_job(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bananajam.services import wiring

    q = wiring.queue()
    sqs = q._sqs  # type: ignore[attr-defined]
    real = sqs.send_message_batch
    calls = {"n": 0}

    def flaky(**kw: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            return {
                "Successful": [],
                "Failed": [
                    {"Id": e["Id"], "SenderFault": False, "Code": "InternalError"}
                    for e in kw["Entries"]
                ],
            }
        return real(**kw)

    monkeypatch.setattr(sqs, "send_message_batch", flaky)
    r = submit(invoke, fns, {"items": [rng(asset_name, 150)]}, headers={"Idempotency-Key": "k1"})
    assert r["statusCode"] == 503, r["raw"]
    listed = json.loads(invoke(fns["jobs"], "GET", "/generate/batch/jobs")["raw"])["jobs"]
    assert listed[0]["status"] == "failed" and "enqueue failed" in listed[0]["error"]
    monkeypatch.setattr(sqs, "send_message_batch", real)
    retry = submit(invoke, fns, {"items": [rng(asset_name, 3)]}, headers={"Idempotency-Key": "k1"})
    assert retry["statusCode"] == 202 and json.loads(retry["raw"])["job_id"] != listed[0]["job_id"]


def test_listing_pagination(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, lambda_context: Any
) -> None:
    ids = [
        json.loads(submit(invoke, fns, {"items": [rng(asset_name, 1, i)]})["raw"])["job_id"]
        for i in range(5)
    ]
    c = invoke(fns["jobs"], "POST", f"/generate/batch/{ids[1]}/cancel")
    assert c["statusCode"] == 200
    seen: list[str] = []
    token = None
    while True:
        q = {"limit": 2, **({"next_token": token} if token else {})}
        page = json.loads(invoke(fns["jobs"], "GET", "/generate/batch/jobs", query=q)["raw"])
        assert len(page["jobs"]) <= 2 and all("items" not in j for j in page["jobs"])
        seen += [j["job_id"] for j in page["jobs"]]
        token = page["next_token"]
        if not token:
            break
    assert seen == ids[::-1]
    only = json.loads(invoke(fns["jobs"], "GET", "/jobs", query={"status": "cancelled"})["raw"])
    assert [j["job_id"] for j in only["jobs"]] == [ids[1]]
    for bad in ("garbage!!", "eyJhIjogMX0="):
        r = invoke(fns["jobs"], "GET", "/generate/batch/jobs", query={"next_token": bad})
        assert r["statusCode"] == 422, r["raw"]
    assert (
        invoke(fns["jobs"], "GET", "/generate/batch/jobs", query={"limit": 101})["statusCode"]
        == 422
    )


def test_archive_matches_manifest(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, lambda_context: Any
) -> None:
    job = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 4, 7)]})["raw"])["job_id"]
    early = invoke(fns["jobs"], "GET", f"/generate/batch/{job}/archive")
    assert early["statusCode"] == 409
    drain(aws, fns, lambda_context)
    r = invoke(fns["jobs"], "GET", f"/generate/batch/{job}/archive")
    assert r["statusCode"] == 200, r["raw"]
    link = json.loads(r["raw"])
    assert link["key"] == f"archives/{job}.zip" and link["items"] == 4
    assert urlparse(link["url"]).path.endswith(f"archives/{job}.zip")
    body = aws["s3"].get_object(Bucket=BUCKET, Key=link["key"])["Body"].read()
    zf = zipfile.ZipFile(io.BytesIO(body))
    manifest = json.loads(zf.read("manifest.json"))
    assert sorted(zf.namelist()) == sorted(
        [m["file"] for m in manifest["items"]] + ["manifest.json"]
    )
    assert [m["index"] for m in manifest["items"]] == [7, 8, 9, 10]
    for m in manifest["items"]:
        assert {"asset", "index", "theme", "params", "seed", "file"} <= set(m)
        assert Image.open(io.BytesIO(zf.read(m["file"]))).size == (64, 64)
    again = json.loads(invoke(fns["jobs"], "GET", f"/generate/batch/{job}/archive")["raw"])
    assert again["key"] == link["key"] and again["items"] == 4

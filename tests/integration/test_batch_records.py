"""The batch job's record layout against moto: a small META, specs only in SPECS chunks."""

from __future__ import annotations

import json
from typing import Any

from batch_support import Invoke, drain, rng, status, submit
from test_batch_jobs import fns

__all__ = ["fns"]  # the fixture, shared with test_batch_jobs


def _meta(aws: Any, job_id: str) -> dict[str, Any]:
    key = {"PK": {"S": f"JOB#{job_id}"}, "SK": {"S": "META"}}
    return dict(aws["dynamodb"].get_item(TableName="bj-test", Key=key)["Item"])


def _spec_keys(aws: Any, job_id: str) -> list[dict[str, Any]]:
    r = aws["dynamodb"].query(
        TableName="bj-test",
        KeyConditionExpression="PK = :pk AND begins_with(SK, :sk)",
        ExpressionAttributeValues={":pk": {"S": f"JOB#{job_id}"}, ":sk": {"S": "SPECS#"}},
    )
    return [{"PK": i["PK"], "SK": i["SK"]} for i in r["Items"]]


def test_meta_stays_small_for_a_500_item_job(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str
) -> None:
    r = submit(invoke, fns, {"items": [rng(asset_name, 500)], "name": "big"})
    job_id = json.loads(r["raw"])["job_id"]
    meta = _meta(aws, job_id)
    assert "specs" not in meta and len(json.dumps(meta)) < 2_000  # ~1 WCU per counter update
    assert [k["SK"]["S"] for k in _spec_keys(aws, job_id)] == [f"SPECS#{n:03d}" for n in range(5)]
    st = status(invoke, fns, job_id)
    assert [it["index"] for it in st["items"]] == list(range(500))


def test_the_worker_runs_without_the_specs_records(
    fns: Any, invoke: Invoke, aws: Any, asset_name: str, lambda_context: Any
) -> None:
    job_id = json.loads(submit(invoke, fns, {"items": [rng(asset_name, 12, 3)]})["raw"])["job_id"]
    for key in _spec_keys(aws, job_id):
        aws["dynamodb"].delete_item(TableName="bj-test", Key=key)
    assert drain(aws, fns, lambda_context) == 2
    meta = _meta(aws, job_id)
    assert (meta["status"]["S"], meta["succeeded"]["N"], meta["failed"]["N"]) == (
        "succeeded",
        "12",
        "0",
    )

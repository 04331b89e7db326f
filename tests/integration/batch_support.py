"""Helpers for the batch integration tests: drive the worker with real SQS event shapes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bananajam.local.poller import sqs_event

Invoke = Callable[..., dict[str, Any]]


def _url(aws: dict[str, Any]) -> str:
    return str(aws["sqs"].get_queue_url(QueueName="bj-test-jobs")["QueueUrl"])


def receive(aws: dict[str, Any], n: int = 10) -> list[dict[str, Any]]:
    r = aws["sqs"].receive_message(
        QueueUrl=_url(aws), MaxNumberOfMessages=n, AttributeNames=["All"], VisibilityTimeout=0
    )
    return list(r.get("Messages", []))


def run_worker(fns: dict[str, Any], ctx: Any, msgs: list[dict[str, Any]], count: int = 1) -> Any:
    for m in msgs:
        m.setdefault("Attributes", {})["ApproximateReceiveCount"] = str(count)
    event = sqs_event(msgs, "arn:aws:sqs:us-east-1:123456789012:bj-test-jobs", "us-east-1")
    return fns["worker"](event, ctx)


def drain(aws: dict[str, Any], fns: dict[str, Any], ctx: Any) -> int:
    seen = 0
    while msgs := receive(aws):
        out = run_worker(fns, ctx, msgs)
        assert out == {"batchItemFailures": []}
        for m in msgs:
            aws["sqs"].delete_message(QueueUrl=_url(aws), ReceiptHandle=m["ReceiptHandle"])
        seen += len(msgs)
    return seen


def submit(invoke: Invoke, fns: dict[str, Any], body: dict[str, Any], **kw: Any) -> Any:
    return invoke(fns["batch"], "POST", "/generate/batch", body=body, **kw)


def status(invoke: Invoke, fns: dict[str, Any], job_id: str) -> dict[str, Any]:
    r = invoke(fns["jobs"], "GET", f"/generate/batch/status/{job_id}")
    assert r["statusCode"] == 200, r["raw"]
    return json.loads(r["raw"])  # type: ignore[no-any-return]


def rng(asset: str, n: int, start: int = 0) -> dict[str, Any]:
    return {"asset": asset, "count": n, "start_index": start, "width": 64, "height": 64}

"""The real local stack (`python -m bananajam.local`, started on free ports) over HTTP."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3
import httpx
import local_stack_fixture
import pytest
from local_stack_fixture import Stack, free_port, pick
from PIL import Image

pytestmark = pytest.mark.e2e
stack = local_stack_fixture.stack  # a fresh local stack for this module
ROOT = Path(__file__).resolve().parents[2]


def test_health_and_catalogue(stack: Stack) -> None:
    h = stack.client.get("/health").json()
    assert h["status"] == "ok" and h["asset_types"] > 0
    assert set(h["checks"].values()) == {"ok"}
    assert stack.client.get("/generators").json()["status"] == "success"


def test_browser_can_show_the_image(stack: Stack) -> None:
    name = pick(stack)
    r1 = stack.client.get(f"/generate/{name}", params={"index": 3, "width": 64, "height": 64})
    r2 = stack.client.get(f"/generate/{name}", params={"index": 3, "width": 64, "height": 64})
    assert r1.status_code == 200 and r1.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(r1.content)).size == (64, 64)
    assert (r1.headers["x-cache"], r2.headers["x-cache"]) == ("miss", "hit")
    assert r1.content == r2.content and r1.headers["x-request-id"] != r2.headers["x-request-id"]


def test_json_url_serves_the_same_bytes(stack: Stack) -> None:
    name = pick(stack)
    body = {"asset": name, "index": 7, "width": 48, "height": 48}
    img = stack.client.post("/generate", json=body).content
    meta = stack.client.post("/generate", json=body, headers={"accept": "application/json"}).json()
    assert meta["cached"] is True
    assert httpx.get(meta["url"]).content == img


def test_bad_input_over_http(stack: Stack) -> None:
    c = stack.client
    name = pick(stack)
    r = c.get(f"/generate/{name}zz")
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_asset"
    r = c.get(f"/generate/{name}", params={"width": 9999})
    assert r.status_code == 422 and r.json()["error"]["details"]["fields"][0]["field"] == "width"
    r = c.post("/generate", content=b"{oops", headers={"content-type": "application/json"})
    assert r.status_code == 422
    r = c.post("/generate", content=b"x" * 1_100_000, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    r = c.patch("/generate")
    assert r.status_code == 405 and r.json()["detail"]
    assert c.get("/no/such/route").status_code == 404


def test_cors_answered_locally(stack: Stack) -> None:
    r = stack.client.options(
        "/generate",
        headers={"origin": "http://localhost:5173", "access-control-request-method": "POST"},
    )
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] in (
        "*",
        "http://localhost:5173",
    )


def test_poller_feeds_the_worker_and_keeps_failures(stack: Stack) -> None:
    state = json.loads((ROOT / ".dev-state" / "stack.json").read_text())
    if state["url"] != stack.base:
        pytest.skip("another local stack owns .dev-state")
    sqs = boto3.client(
        "sqs",
        endpoint_url=stack.moto,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    url = state["queue_url"]
    sqs.send_message(QueueUrl=url, MessageBody="definitely not json")

    def pending() -> int:
        a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        return int(a["ApproximateNumberOfMessages"]) + int(
            a["ApproximateNumberOfMessagesNotVisible"]
        )

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        if int(a["ApproximateNumberOfMessagesNotVisible"]) == 1:
            break
        time.sleep(0.2)
    assert pending() == 1  # received by the poller, failed, not deleted


def test_invoke_cleanup_command(stack: Stack) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bananajam.cli", "invoke", "cleanup"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "BANANAJAM_AWS_ENDPOINT_URL": stack.moto,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "BANANAJAM_QUEUE_NAME": "bananajam-local-jobs",
        },
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout[out.stdout.index("{\n") :])
    assert {"expired", "evicted", "bytes_freed"} <= set(report)


def test_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bananajam.local"],
        cwd=ROOT,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PORT": str(port), "HOME": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert "BananaJam local stack stopped" in out and f"http://127.0.0.1:{port}" in out

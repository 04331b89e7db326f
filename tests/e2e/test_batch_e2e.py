"""A batch job end to end over HTTP against the real local stack (`python -m bananajam.local`).

The stack's SQS poller feeds the real worker handler, so this covers submit → SQS → worker →
DynamoDB/S3 → status → presigned downloads → archive, with nothing mocked in between.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx
import local_stack_fixture
import pytest
from local_stack_fixture import Stack
from PIL import Image

pytestmark = pytest.mark.e2e
stack = local_stack_fixture.stack  # a fresh local stack for this module
ROOT = Path(__file__).resolve().parents[2]
ITEMS = 30
SIZE = 64


@pytest.fixture(scope="module")
def client(stack: Stack) -> httpx.Client:
    return stack.client


def _asset(c: httpx.Client) -> str:
    names = [a["name"] for a in c.get("/assets").json()["assets"]]
    return "void_lotus" if "void_lotus" in names else names[0]


def _wait_finished(c: httpx.Client, status_url: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        r = c.get(status_url)
        assert r.status_code == 200, r.text
        job: dict[str, Any] = r.json()
        if job["status"] not in ("queued", "running"):
            return job
        assert time.monotonic() < deadline, f"job still {job['status']}: {job['progress']}"
        time.sleep(0.25)


def _body(asset: str) -> dict[str, Any]:
    item = {"asset": asset, "count": ITEMS, "start_index": 100, "width": SIZE, "height": SIZE}
    return {"name": "e2e", "items": [item]}


@pytest.fixture(scope="module")
def finished(client: httpx.Client) -> dict[str, Any]:
    asset = _asset(client)
    body = {
        "name": "e2e",
        "items": [
            {"asset": asset, "count": ITEMS, "start_index": 100, "width": SIZE, "height": SIZE}
        ],
    }
    r = client.post("/generate/batch", json=body, headers={"Idempotency-Key": "e2e-batch"})
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["total"] == ITEMS and accepted["status"] == "queued"
    return _wait_finished(client, accepted["status_url"])


def test_a_thirty_item_job_succeeds_and_every_url_is_a_png(
    client: httpx.Client, finished: dict[str, Any]
) -> None:
    assert (finished["status"], finished["succeeded"], finished["failed"]) == (
        "succeeded",
        ITEMS,
        0,
    )
    assert finished["progress"] == 1.0 and finished["started_at"] and finished["finished_at"]
    items = finished["items"]
    assert [it["index"] for it in items] == list(range(100, 100 + ITEMS))
    keys = set()
    for it in items:
        assert it["status"] == "succeeded" and it["url"], it
        r = httpx.get(it["url"], timeout=30)  # the presigned URL, straight from (moto's) S3
        assert r.status_code == 200 and r.content[:8] == b"\x89PNG\r\n\x1a\n"
        img = Image.open(io.BytesIO(r.content))
        img.load()  # decodes every pixel, not only the header
        assert img.size == (SIZE, SIZE)
        keys.add(it["key"])
    assert len(keys) == ITEMS  # thirty different images


def test_the_job_is_listed_and_replayed(client: httpx.Client, finished: dict[str, Any]) -> None:
    listed = client.get("/generate/batch/jobs", params={"status": "succeeded"}).json()
    assert finished["job_id"] in [j["job_id"] for j in listed["jobs"]]
    again = client.post(
        "/generate/batch", json=_body(_asset(client)), headers={"Idempotency-Key": "e2e-batch"}
    )
    assert again.status_code == 202 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["job_id"] == finished["job_id"]
    assert again.json()["status"] == "succeeded"  # the original job, not a new queued one


def test_the_archive_matches_its_manifest(client: httpx.Client, finished: dict[str, Any]) -> None:
    r = client.get(f"/generate/batch/{finished['job_id']}/archive")
    assert r.status_code == 200, r.text
    link = r.json()
    assert link["items"] == ITEMS
    z = zipfile.ZipFile(io.BytesIO(httpx.get(link["url"], timeout=30).content))
    manifest = json.loads(z.read("manifest.json"))
    assert manifest["job_id"] == finished["job_id"] and len(manifest["items"]) == ITEMS
    assert sorted(z.namelist()) == sorted(
        [m["file"] for m in manifest["items"]] + ["manifest.json"]
    )
    by_i = {it["i"]: it for it in finished["items"]}
    for m in manifest["items"]:
        assert (m["asset"], m["index"], m["key"]) == (
            by_i[m["i"]]["asset"],
            by_i[m["i"]]["index"],
            by_i[m["i"]]["key"],
        )
        assert Image.open(io.BytesIO(z.read(m["file"]))).size == (SIZE, SIZE)
    assert client.post(f"/generate/batch/{finished['job_id']}/cancel").status_code == 409

"""A diverse batch end to end over HTTP against the real local stack (`python -m bananajam.local`).

It uses the module-scoped `stack` fixture from this folder's conftest (a fresh stack).
"""

from __future__ import annotations

import io

import httpx
import local_stack_fixture
import pytest
from local_stack_fixture import Stack, pick
from PIL import Image

pytestmark = pytest.mark.e2e
stack = local_stack_fixture.stack  # a fresh local stack for this module


def test_diverse_batch_over_http(stack: Stack) -> None:
    name = pick(stack)
    r = stack.client.post(
        "/diversity/generate-diverse-batch", json={"asset": name, "count": 6, "pool_factor": 4}
    )
    assert r.status_code == 200, r.text
    assert r.headers["x-request-id"]
    data = r.json()
    block = data["diversity"]
    assert len(data["items"]) == 6 and block["count"] == 6 and block["pool_size"] >= 24
    assert block["near_duplicates"] == 0
    assert block["vendi"] >= block["random_baseline_vendi"] > 0
    seen = set()
    for it in data["items"]:
        img = httpx.get(it["url"], timeout=30)
        assert img.status_code == 200
        pic = Image.open(io.BytesIO(img.content))
        assert pic.format == "PNG" and pic.size == (it["width"], it["height"])
        seen.add(img.content)
    assert len(seen) == 6  # six different images, byte for byte
    status = stack.client.get("/diversity/status", params={"type_id": name}).json()["types"][0]
    assert status["measured"] and status["history"][0]["source"] == "diverse_batch"


def test_diversity_errors_over_http(stack: Stack) -> None:
    name = pick(stack)
    r = stack.client.post(f"/diversity/optimize/{name}", json={"sample_size": 7})
    assert r.status_code == 422 and r.json()["error"]["details"]["fields"][0]["field"]
    r = stack.client.post("/diversity/generate-diverse-batch", json={"asset": "void_lotsu"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_asset"

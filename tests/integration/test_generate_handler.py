"""The generate function through Mangum against moto: real bytes, headers and S3 round trips."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image

Invoke = Callable[..., dict[str, Any]]


@pytest.fixture
def gen(aws: dict[str, Any], load_function: Callable[..., Any]) -> Callable[..., Any]:
    return load_function("generate").handler  # type: ignore[no-any-return]


def test_png_miss_then_hit_same_bytes(gen: Any, invoke: Invoke, asset_name: str, aws: Any) -> None:
    q = {"index": 3, "width": 64, "height": 64}
    first = invoke(gen, "GET", f"/generate/{asset_name}", query=q)
    second = invoke(gen, "GET", f"/generate/{asset_name}", query=q)
    assert first["statusCode"] == 200, first["raw"][:300]
    assert first["h"]["content-type"] == "image/png"
    assert first["h"]["x-cache"] == "miss" and second["h"]["x-cache"] == "hit"
    assert first["raw"] == second["raw"]
    assert Image.open(io.BytesIO(first["raw"])).size == (64, 64)
    assert first["h"]["cache-control"] == "public, max-age=31536000, immutable"
    assert first["h"]["etag"] == second["h"]["etag"]
    key = first["h"]["x-asset-key"]
    assert key.startswith("cache/") and key.endswith(".png")
    head = aws["s3"].head_object(Bucket="bj-test-assets", Key=key)
    assert head["Metadata"]["index"] == "3"
    assert head["Metadata"]["asset"] == asset_name
    assert {"theme", "seed", "engine-version", "content-hash", "strategy"} <= set(head["Metadata"])
    assert float(first["h"]["x-render-ms"]) >= 0
    assert first["h"]["x-request-id"]


def test_post_json_has_working_url(gen: Any, invoke: Invoke, asset_name: str, aws: Any) -> None:
    body = {"asset": asset_name, "index": 1, "width": 48, "height": 32, "format": "webp"}
    r = invoke(gen, "POST", "/generate", body=body, headers={"accept": "application/json"})
    assert r["statusCode"] == 200, r["raw"]
    data = json.loads(r["raw"])
    assert data["format"] == "webp" and (data["width"], data["height"]) == (48, 32)
    assert data["cached"] is False and data["bytes"] > 0 and data["index"] == 1
    assert "X-Amz-Signature" in data["url"] or "Signature" in data["url"]
    obj = aws["s3"].get_object(Bucket="bj-test-assets", Key=data["key"])
    assert obj["ContentType"] == "image/webp"
    assert Image.open(io.BytesIO(obj["Body"].read())).format == "WEBP"
    again = json.loads(
        invoke(gen, "POST", "/generate", body=body, headers={"accept": "application/json"})["raw"]
    )
    assert again["cached"] is True and again["key"] == data["key"]


def test_if_none_match_gives_304(gen: Any, invoke: Invoke, asset_name: str) -> None:
    q = {"width": 32, "height": 32}
    etag = invoke(gen, "GET", f"/generate/{asset_name}", query=q)["h"]["etag"]
    r = invoke(gen, "GET", f"/generate/{asset_name}", query=q, headers={"if-none-match": etag})
    assert r["statusCode"] == 304 and r["raw"] == b""


def test_large_images_redirect(
    gen: Any, invoke: Invoke, asset_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import reset_all

    monkeypatch.setenv("BANANAJAM_MAX_INLINE_BYTES", "10")
    reset_all()
    r = invoke(gen, "GET", f"/generate/{asset_name}", query={"width": 32, "height": 32})
    assert r["statusCode"] == 303
    assert r["h"]["location"].startswith("https://") and "Signature" in r["h"]["location"]
    assert r["h"]["x-asset-key"].startswith("cache/")


def test_health_ok_then_degraded(gen: Any, invoke: Invoke, aws: Any) -> None:
    ok = json.loads(invoke(gen, "GET", "/health")["raw"])
    assert ok["status"] == "ok" and ok["checks"] == {"storage": "ok", "jobs": "ok", "queue": "ok"}
    assert ok["asset_types"] >= 1
    aws["s3"].delete_bucket(Bucket="bj-test-assets")
    bad = invoke(gen, "GET", "/health")
    assert bad["statusCode"] == 200
    body = json.loads(bad["raw"])
    assert body["status"] == "degraded" and body["checks"]["storage"] == "unavailable"


def test_catalogue_and_generators(gen: Any, invoke: Invoke, asset_name: str) -> None:
    data = json.loads(invoke(gen, "GET", "/assets")["raw"])
    names = [a["name"] for a in data["assets"]]
    assert asset_name in names and data["total"] == len(names)
    entry = data["assets"][names.index(asset_name)]
    assert entry["source"] in ("builtin", "spec") and entry["params"]["type"] == "object"
    assert {t["name"] for t in data["themes"]} >= {"astral_blue"}
    assert "glyphs" in data["categories"]
    filtered = json.loads(invoke(gen, "GET", "/assets", query={"q": "zzz-nothing"})["raw"])
    assert filtered["assets"] == []
    old = json.loads(invoke(gen, "GET", "/generators")["raw"])
    assert old["status"] == "success" and asset_name in old["generators"]
    assert old["total_generators"] == len(old["generators"])

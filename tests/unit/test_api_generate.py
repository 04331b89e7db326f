"""The generate app over HTTP (TestClient) with a fake store: bad input and the envelope."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import FakeStore
from fastapi.testclient import TestClient
from PIL import Image


@pytest.fixture
def client(fake_store: FakeStore, load_function: Callable[..., Any]) -> Iterator[TestClient]:
    with TestClient(load_function("generate").app, raise_server_exceptions=False) as c:
        yield c


def assert_envelope(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error", "detail"}
    err = body["error"]
    assert err["code"] == code and body["detail"] == err["message"]
    assert err["request_id"] == r.headers["x-request-id"]
    return dict(err)


def test_png_bytes_and_headers(client: TestClient, asset_name: str) -> None:
    r = client.get(f"/generate/{asset_name}", params={"index": 3, "width": 40, "height": 24})
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(r.content)).size == (40, 24)
    assert r.headers["x-cache"] == "miss" and r.headers["etag"].startswith('"')
    assert client.get(r.url).headers["x-cache"] == "hit"


def test_short_names_still_work(client: TestClient) -> None:
    from bananajam.assets import default_registry

    for short in ("parchment", "enso", "sigil", "giraffe", "kangaroo"):
        if short not in default_registry():
            continue  # the artists' families land separately
        r = client.get(f"/generate/{short}", params={"width": 32, "height": 32})
        assert r.status_code == 200 and r.content.startswith(b"\x89PNG"), short


def test_unknown_asset_404_with_suggestions(client: TestClient, asset_name: str) -> None:
    err = assert_envelope(client.get(f"/generate/{asset_name}x"), 404, "unknown_asset")
    assert asset_name in err["details"]["suggestions"]
    assert asset_name in err["message"]


def test_unknown_theme_404_with_suggestions(client: TestClient, asset_name: str) -> None:
    r = client.post("/generate", json={"asset": asset_name, "theme": "astral_bleu"})
    err = assert_envelope(r, 404, "unknown_theme")
    assert "astral_blue" in err["details"]["suggestions"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"width": 4000}, "width"),
        ({"height": 2}, "height"),
        ({"index": -1}, "index"),
        ({"format": "gif"}, "format"),
        ({"width": "wide"}, "width"),
    ],
)
def test_query_out_of_range_422_names_field(
    client: TestClient, asset_name: str, query: dict[str, Any], field: str
) -> None:
    err = assert_envelope(
        client.get(f"/generate/{asset_name}", params=query), 422, "validation_error"
    )
    assert [f["field"] for f in err["details"]["fields"]] == [field]


def test_bad_param_422_names_params_field(client: TestClient) -> None:
    from bananajam.assets import default_registry

    t = next(t for t in default_registry() if t.params_model.model_json_schema().get("properties"))
    name, schema = next(iter(t.params_model.model_json_schema()["properties"].items()))
    r = client.post("/generate", json={"asset": t.name, "params": {name: "not-a-valid-value-∞"}})
    err = assert_envelope(r, 422, "validation_error")
    assert err["details"]["fields"][0]["field"] == f"params.{name}", schema


def test_body_fields_are_named(client: TestClient) -> None:
    r = client.post("/generate", json={"index": "x", "colour": 1})
    err = assert_envelope(r, 422, "validation_error")
    assert {f["field"] for f in err["details"]["fields"]} == {"asset", "index", "colour"}


def test_malformed_json_422(client: TestClient) -> None:
    r = client.post(
        "/generate",
        content=b'{"asset": "void_lotus",',
        headers={"content-type": "application/json"},
    )
    err = assert_envelope(r, 422, "validation_error")
    assert err["details"]["fields"][0]["field"] == "body"
    assert "malformed JSON" in err["message"]


def test_oversized_body_413(client: TestClient) -> None:
    big = json.dumps({"asset": "void_lotus", "params": {"pad": "x" * 1_100_000}})
    assert_envelope(
        client.post("/generate", content=big, headers={"content-type": "application/json"}),
        413,
        "payload_too_large",
    )


def test_oversized_body_without_content_length_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"asset": "void_lotus", "pad": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    r = client.post("/generate", content=chunks(), headers={"content-type": "application/json"})
    assert_envelope(r, 413, "payload_too_large")


def test_wrong_method_405(client: TestClient) -> None:
    r = client.delete("/generate")
    assert_envelope(r, 405, "method_not_allowed")
    assert "POST" in r.headers["allow"]
    assert_envelope(client.put("/health"), 405, "method_not_allowed")


def test_unknown_route_404(client: TestClient) -> None:
    assert_envelope(client.get("/nowhere"), 404, "not_found")


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    assert (
        client.get("/health", headers={"x-request-id": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    made = client.get("/health", headers={"x-request-id": "bad id with spaces"}).headers[
        "x-request-id"
    ]
    assert re.fullmatch(r"[0-9a-f-]{36}", made)


def test_unknown_category_422(client: TestClient) -> None:
    err = assert_envelope(
        client.get("/assets", params={"category": "weapons"}), 422, "validation_error"
    )
    assert err["details"]["fields"][0]["field"] == "category"


def test_store_down_is_503_and_health_degraded(
    client: TestClient, fake_store: FakeStore, asset_name: str
) -> None:
    fake_store.down = True
    assert_envelope(
        client.get(f"/generate/{asset_name}", params={"width": 32}), 503, "dependency_unavailable"
    )
    assert client.get("/health").json()["checks"]["storage"] == "unavailable"


def test_json_answer(client: TestClient, asset_name: str) -> None:
    r = client.post(
        "/generate",
        json={"asset": asset_name, "width": 32, "height": 32},
        headers={"accept": "application/json"},
    )
    body = r.json()
    assert r.status_code == 200 and body["url"].startswith("https://fake.example/cache/")
    assert body["asset"] == asset_name and body["engine_version"] and body["bytes"] > 0

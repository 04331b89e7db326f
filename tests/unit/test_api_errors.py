"""The app factory's last-resort handling: 500s never leak internals; CORS only locally."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from bananajam.api.errors import field_name
from bananajam.api.factory import create_app


@pytest.fixture
def client() -> Iterator[TestClient]:
    router = APIRouter()

    @router.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret /internal/path.py detail")

    with TestClient(create_app("test", [router]), raise_server_exceptions=False) as c:
        yield c


def test_unexpected_error_is_a_clean_500(client: TestClient) -> None:
    r = client.get("/boom")
    assert r.status_code == 500
    body = r.json()
    assert body["error"]["code"] == "internal_error"
    assert "secret" not in r.text and "Traceback" not in r.text and ".py" not in r.text
    assert body["error"]["request_id"] == r.headers["x-request-id"]


def test_cors_only_when_local(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import reset_all

    headers = {"origin": "http://localhost:5173"}
    assert "access-control-allow-origin" not in client.get("/boom", headers=headers).headers
    monkeypatch.setenv("BANANAJAM_LOCAL", "true")
    monkeypatch.setenv("BANANAJAM_CORS_ORIGINS", "http://localhost:5173")
    reset_all()
    pre = client.options("/boom", headers={**headers, "access-control-request-method": "GET"})
    assert pre.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert pre.headers["x-request-id"]


@pytest.mark.parametrize(
    ("loc", "name"),
    [
        (("body", "items", 3, "index"), "items[3].index"),
        (("query", "width"), "width"),
        (("body",), "body"),
        (("body", "params", "petals"), "params.petals"),
    ],
)
def test_field_names(loc: tuple[object, ...], name: str) -> None:
    assert field_name(loc) == name

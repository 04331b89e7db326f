"""Shared fixtures: fake AWS env, moto with template.yaml's resources, Lambda context, invokers.

- `aws`: an in-process `moto.mock_aws` with the table, bucket, queue and DLQ created from
  template.yaml by `bananajam.local.resources.create_from_template` (the local stack's helper).
- `load_function(area, module="app")`: a function module loaded by file path, like Lambda does.
- `invoke(handler, method, path, ...)`: an API Gateway HTTP API (payload 2.0) event through
  the handler; returns the Lambda response dict with the body decoded to bytes in `raw`.
- `asset_name`: a real asset type of the catalogue (void_lotus when it exists).
"""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "BANANAJAM_REGION": "us-east-1",
    "BANANAJAM_TABLE_NAME": "bj-test",
    "BANANAJAM_BUCKET_NAME": "bj-test-assets",
    "BANANAJAM_QUEUE_NAME": "bj-test-jobs",
    "BANANAJAM_DLQ_NAME": "bj-test-jobs-dlq",
    "POWERTOOLS_METRICS_NAMESPACE": "BananaJamTest",
    "POWERTOOLS_DEV": "false",
}


def reset_all() -> None:
    from bananajam.adapters.clients import reset_clients
    from bananajam.config import reset_settings
    from bananajam.services import wiring

    reset_settings()
    reset_clients()
    wiring.reset()


@pytest.fixture(autouse=True)
def aws_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fake credentials and test resource names; no real endpoint can be reached by accident."""
    for key in [k for k in list(__import__("os").environ) if k.startswith("BANANAJAM_")]:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    for k, v in TEST_ENV.items():
        monkeypatch.setenv(k, v)
    reset_all()
    yield
    reset_all()


@pytest.fixture
def aws(aws_env: None) -> Iterator[dict[str, Any]]:
    """moto in-process, with resources created from template.yaml."""
    import boto3
    from moto import mock_aws

    from bananajam.config import get_settings
    from bananajam.local.resources import create_from_template

    with mock_aws():
        reset_all()
        clients = {s: boto3.client(s, region_name="us-east-1") for s in ("dynamodb", "s3", "sqs")}
        info = create_from_template(get_settings(), clients)
        yield {**clients, **info}
    reset_all()


@dataclass
class LambdaContext:
    function_name: str = "bananajam-test"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:bananajam-test"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/bananajam-test"
    log_stream_name: str = "test"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


@pytest.fixture
def lambda_context() -> LambdaContext:
    return LambdaContext()


_modules: dict[tuple[str, str], ModuleType] = {}


def load_function_module(area: str, module: str = "app") -> ModuleType:
    """Import functions/<area>/<module>.py under a unique name (each folder has an app.py)."""
    key = (area, module)
    if key not in _modules:
        path = ROOT / "functions" / area / f"{module}.py"
        name = f"bj_fn_{area}_{module}"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
        _modules[key] = mod
    return _modules[key]


@pytest.fixture
def load_function() -> Callable[..., ModuleType]:
    return load_function_module


def http_event(
    method: str,
    path: str,
    *,
    query: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    body: bytes | str | dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An API Gateway HTTP API (payload 2.0) event, as the gateway sends it."""
    hdrs = {k.lower(): v for k, v in (headers or {}).items()}
    raw: bytes | None
    if isinstance(body, dict):
        raw = json.dumps(body).encode()
        hdrs.setdefault("content-type", "application/json")
    elif isinstance(body, str):
        raw = body.encode()
    else:
        raw = body
    if raw is not None:
        hdrs.setdefault("content-length", str(len(raw)))
    qs = {k: str(v) for k, v in (query or {}).items()}
    return {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": urlencode(qs),
        "headers": {"host": "api.example.com", **hdrs},
        "queryStringParameters": qs or None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api",
            "domainName": "api.example.com",
            "domainPrefix": "api",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": "pytest",
            },
            "requestId": f"gw-{uuid.uuid4().hex[:12]}",
            "routeKey": f"{method} {path}",
            "stage": "$default",
            "time": "26/Nov/2026:10:00:00 +0000",
            "timeEpoch": 1795000000000,
        },
        "body": base64.b64encode(raw).decode() if raw is not None else None,
        "isBase64Encoded": raw is not None,
    }


def decode_response(resp: dict[str, Any]) -> dict[str, Any]:
    """Add `raw` (body bytes) and lower-cased `h` (headers) to a Lambda HTTP response."""
    body = resp.get("body") or ""
    raw = base64.b64decode(body) if resp.get("isBase64Encoded") else body.encode()
    return {**resp, "raw": raw, "h": {k.lower(): v for k, v in resp.get("headers", {}).items()}}


@pytest.fixture
def invoke(lambda_context: LambdaContext) -> Callable[..., dict[str, Any]]:
    def _invoke(handler: Callable[..., Any], method: str, path: str, **kw: Any) -> dict[str, Any]:
        return decode_response(handler(http_event(method, path, **kw), lambda_context))

    return _invoke


def pick_asset() -> str:
    from bananajam.assets import default_registry

    reg = default_registry()
    return "void_lotus" if "void_lotus" in reg else reg.names()[0]


@pytest.fixture
def asset_name() -> str:
    return pick_asset()


class FakeStore:
    """In-memory `ObjectStore` for service tests; counts calls to prove the hit path."""

    def __init__(self) -> None:
        from bananajam.services.ports import StoredObject

        self._cls = StoredObject
        self.objects: dict[str, tuple[bytes, str, dict[str, str]]] = {}
        self.calls: list[str] = []
        self.down = False

    def _check_up(self) -> None:
        from bananajam.errors import DependencyError

        if self.down:
            raise DependencyError("store down")

    def get(self, key: str) -> Any:
        self.calls.append("get")
        self._check_up()
        if key not in self.objects:
            return None
        body, ctype, meta = self.objects[key]
        return self._cls(key, len(body), dict(meta), ctype, body)

    def head(self, key: str) -> Any:
        self.calls.append("head")
        self._check_up()
        if key not in self.objects:
            return None
        body, ctype, meta = self.objects[key]
        return self._cls(key, len(body), dict(meta), ctype)

    def put(
        self, key: str, body: bytes, *, content_type: str, metadata: Any, cache_control: Any = None
    ) -> None:
        self.calls.append("put")
        self._check_up()
        self.objects[key] = (body, content_type, dict(metadata))

    def presign_get(self, key: str, expires_in: int) -> str:
        return f"https://fake.example/{key}?expires={expires_in}"

    def delete_many(self, keys: Any) -> int:
        n = sum(1 for k in keys if self.objects.pop(k, None) is not None)
        return n

    def check(self) -> None:
        self._check_up()


@pytest.fixture
def fake_store(monkeypatch: pytest.MonkeyPatch) -> FakeStore:
    """A FakeStore wired in place of S3 for the generate app (no moto needed)."""
    import functools

    from bananajam.services import wiring
    from bananajam.services.cache_keys import DefaultStrategySource

    store = FakeStore()

    @functools.cache
    def object_store() -> FakeStore:
        return store

    @functools.cache
    def strategy_source() -> DefaultStrategySource:
        return DefaultStrategySource()

    monkeypatch.setattr(wiring, "object_store", object_store)
    monkeypatch.setattr(wiring, "strategy_source", strategy_source)
    wiring.reset()
    return store

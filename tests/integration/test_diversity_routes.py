"""The diversity function through Mangum against moto: status, optimize, diverse batches, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

Invoke = Callable[..., dict[str, Any]]
BUCKET = "bj-test-assets"


@pytest.fixture
def div(aws: dict[str, Any], load_function: Callable[..., Any]) -> Callable[..., Any]:
    return load_function("diversity").handler  # type: ignore[no-any-return]


@pytest.fixture
def gen(aws: dict[str, Any], load_function: Callable[..., Any]) -> Callable[..., Any]:
    return load_function("generate").handler  # type: ignore[no-any-return]


def _json(r: dict[str, Any], status: int = 200) -> Any:
    assert r["statusCode"] == status, r["raw"][:500]
    return json.loads(r["raw"])


def _exists(aws: dict[str, Any], key: str) -> bool:
    return "ContentLength" in aws["s3"].head_object(Bucket=BUCKET, Key=key)


def test_status_all_types_never_measured(div: Any, invoke: Invoke) -> None:
    from bananajam.assets import default_registry

    rows = _json(invoke(div, "GET", "/diversity/status"))["types"]
    assert {r["type_id"] for r in rows} == set(default_registry().names())
    for r in rows:
        assert r["measured"] is False and r["vendi"] is None and r["history"] == []
        assert r["strategy"] == "lattice" and r["strategy_version"] == 1


def test_status_one_type(div: Any, invoke: Invoke, asset_name: str) -> None:
    rows = _json(invoke(div, "GET", "/diversity/status", query={"type_id": asset_name}))["types"]
    assert [r["type_id"] for r in rows] == [asset_name] and rows[0]["measured"] is False


def test_optimize_records_and_never_regresses(
    div: Any, invoke: Invoke, asset_name: str, aws: Any
) -> None:
    body = {"sample_size": 12, "strategies": ["halton", "random"]}
    first = _json(invoke(div, "POST", f"/diversity/optimize/{asset_name}", body=body))
    names = [row["strategy"] for row in first["strategies"]]
    assert names == ["halton", "random", "lattice"]  # the incumbent is always re-measured
    vendi = {row["strategy"]: row["vendi"] for row in first["strategies"]}
    assert first["previous"] == "lattice" and first["previous_vendi"] == vendi["lattice"]
    assert vendi[first["chosen"]] == max(vendi.values())
    assert first["gain"] >= 1.0
    assert first["strategy_version"] == (2 if first["changed"] else 1)
    item = aws["dynamodb"].get_item(
        TableName="bj-test", Key={"PK": {"S": f"DIV#{asset_name}"}, "SK": {"S": "ACTIVE"}}
    )["Item"]
    assert item["strategy"]["S"] == first["chosen"]
    status = _json(invoke(div, "GET", "/diversity/status", query={"type_id": asset_name}))
    row = status["types"][0]
    assert row["measured"] is True and row["strategy"] == first["chosen"]
    assert row["vendi"] == vendi[first["chosen"]] and row["sample_size"] == 12
    assert row["history"][0]["source"] == "optimize"
    second = _json(
        invoke(
            div, "POST", f"/diversity/optimize/{asset_name}", body={**body, "strategies": ["sobol"]}
        )
    )
    assert second["previous"] == first["chosen"]
    assert second["previous_vendi"] == vendi[first["chosen"]]  # same sample, same score
    chosen_v = {r["strategy"]: r["vendi"] for r in second["strategies"]}[second["chosen"]]
    assert chosen_v >= second["previous_vendi"] and second["gain"] >= 1.0
    hist = _json(invoke(div, "GET", "/diversity/status", query={"type_id": asset_name}))
    assert len(hist["types"][0]["history"]) == 2


def test_strategy_change_changes_the_cache_key(
    div: Any, gen: Any, invoke: Invoke, asset_name: str, aws: Any
) -> None:
    from bananajam.services import wiring
    from bananajam.services.strategy_store import TableStrategySource

    req = {"asset": asset_name, "index": 5, "width": 48, "height": 48}
    accept = {"accept": "application/json"}
    old = _json(invoke(gen, "POST", "/generate", body=req, headers=accept))
    source = wiring.strategy_source()
    assert isinstance(source, TableStrategySource)
    current = source.active(asset_name)
    other = "halton" if current.name != "halton" else "sobol"
    wiring.table().put(
        {
            "PK": f"DIV#{asset_name}",
            "SK": "ACTIVE",
            "type_id": asset_name,
            "strategy": other,
            "strategy_version": current.version + 1,
            "history": [],
        }
    )
    source.forget(asset_name)  # other processes pick it up within STRATEGY_CACHE_SECONDS
    new = _json(invoke(gen, "POST", "/generate", body=req, headers=accept))
    assert new["key"] != old["key"] and new["cached"] is False
    assert _exists(aws, old["key"]) and _exists(aws, new["key"])
    status = _json(invoke(div, "GET", "/diversity/status", query={"type_id": asset_name}))
    assert status["types"][0]["strategy"] == other


def _diverse(div: Any, invoke: Invoke, aws: Any, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = _json(
        invoke(div, "POST", "/diversity/generate-diverse-batch", body=body)
    )
    assert len(data["items"]) == body["count"]
    for it in data["items"]:
        assert _exists(aws, it["key"]) and "Signature" in it["url"]
    block = data["diversity"]
    assert block["near_duplicates"] == 0 and block["count"] == body["count"]
    assert block["vendi"] >= block["random_baseline_vendi"]
    assert block["gain"] == pytest.approx(block["vendi"] / block["random_baseline_vendi"], 1e-3)
    return data


def test_diverse_batch_one_type_records_status(
    div: Any, invoke: Invoke, asset_name: str, aws: Any
) -> None:
    data = _diverse(div, invoke, aws, {"asset": asset_name, "count": 8, "pool_factor": 4})
    assert {it["asset"] for it in data["items"]} == {asset_name}
    assert len({(it["index"], it["theme"]) for it in data["items"]}) == 8
    row = _json(invoke(div, "GET", "/diversity/status", query={"type_id": asset_name}))["types"][0]
    assert row["measured"] is True and row["history"][0]["source"] == "diverse_batch"
    assert row["vendi"] == data["diversity"]["vendi"]


def test_diverse_batch_mix_of_types(div: Any, invoke: Invoke, aws: Any) -> None:
    from bananajam.assets import default_registry

    types = default_registry().names()[:3]
    data = _diverse(div, invoke, aws, {"types": types, "count": 9, "pool_factor": 3})
    assert {it["asset"] for it in data["items"]} <= set(types)


ERRORS = [
    ("POST", "/diversity/optimize/void_lotsu", {"sample_size": 8}, 404, "unknown_asset"),
    ("POST", "/diversity/optimize/{a}", {"sample_size": 7}, 422, "sample_size"),
    ("POST", "/diversity/optimize/{a}", {"sample_size": 257}, 422, "sample_size"),
    ("POST", "/diversity/optimize/{a}", {"strategies": ["chaos"]}, 422, "strategies[0]"),
    ("POST", "/diversity/generate-diverse-batch", {"asset": "{a}", "types": ["{a}"]}, 422, ""),
    ("POST", "/diversity/generate-diverse-batch", {"asset": "{a}", "count": 65}, 422, "count"),
    (
        "POST",
        "/diversity/generate-diverse-batch",
        {"asset": "{a}", "count": 64, "pool_factor": 9},
        422,
        "pool_factor",
    ),
    ("POST", "/diversity/generate-diverse-batch", {"asset": "void_lotsu"}, 404, "unknown_asset"),
    ("GET", "/diversity/status?type_id=void_lotsu", None, 404, "unknown_asset"),
]


@pytest.mark.parametrize(("method", "path", "body", "status", "what"), ERRORS)
def test_route_errors(
    div: Any,
    invoke: Invoke,
    asset_name: str,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    status: int,
    what: str,
) -> None:
    query = None
    if "?" in path:
        path, qs = path.split("?")
        query = dict([qs.split("=")])
    if body is not None:
        body = json.loads(json.dumps(body).replace("{a}", asset_name))
    data = _json(
        invoke(div, method, path.replace("{a}", asset_name), body=body, query=query), status
    )
    err = data["error"]
    assert data["detail"] == err["message"] and err["request_id"]
    if status == 404:
        assert err["code"] == what
    elif what:
        assert what in [f["field"] for f in err["details"]["fields"]], err

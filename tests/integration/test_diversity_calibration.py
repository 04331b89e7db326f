"""Calibrations are stored in the table, so a fresh process reads them instead of rendering."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from bananajam.version import ENGINE_VERSION


def test_diverse_batch_stores_calibration_and_a_fresh_process_reuses_it(
    aws: dict[str, Any],
    load_function: Callable[..., Any],
    invoke: Callable[..., dict[str, Any]],
    asset_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bananajam.diversity import measure
    from bananajam.services import wiring

    handler = load_function("diversity").handler
    body = {"asset": asset_name, "count": 3, "pool_factor": 2}
    first = invoke(handler, "POST", "/diversity/generate-diverse-batch", body=body)
    assert first["statusCode"] == 200, first["raw"][:300]
    item = aws["dynamodb"].get_item(
        TableName=aws["table"],
        Key={"PK": {"S": f"DIV#{asset_name}"}, "SK": {"S": f"CAL#{ENGINE_VERSION}"}},
    )["Item"]
    assert float(item["sigma"]["N"]) > 0 and float(item["typical"]["N"]) > 0

    # A "fresh process": nothing in memory, and computing is not allowed.
    wiring.reset()

    def no_compute(asset: str) -> measure.Calibration:
        raise AssertionError(f"calibration for {asset} was recomputed")

    monkeypatch.setattr(measure, "_compute_calibration", no_compute)
    again = invoke(handler, "POST", "/diversity/generate-diverse-batch", body=body)
    assert again["statusCode"] == 200, again["raw"][:300]
    assert json.loads(again["raw"])["diversity"] == json.loads(first["raw"])["diversity"]

"""DynamoDB value conversion, page tokens and update-expression building (no I/O).

boto3 rejects floats and returns `Decimal`s; values are converted here at the adapter boundary so
services only ever see plain `int`/`float`. Update expressions use generated placeholders for
every name and value, so attribute names never collide with DynamoDB's reserved words.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bananajam.errors import FieldError


def to_dynamo(value: Any) -> Any:
    # boto3 rejects floats; Decimal(str(x)) keeps the decimal digits a reader expects.
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: to_dynamo(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_dynamo(v) for v in value]
    return value


def from_dynamo(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list | set):
        return [from_dynamo(v) for v in value]
    return value


def encode_token(key: Mapping[str, Any] | None) -> str | None:
    """An opaque paging token for a LastEvaluatedKey (None at the end)."""
    if not key:
        return None
    return base64.urlsafe_b64encode(json.dumps(key, sort_keys=True).encode()).decode()


def decode_token(token: str | None) -> dict[str, Any] | None:
    """The key inside a token; a token this service did not issue is a 422 on `next_token`."""
    if not token:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(token.encode()))
    except ValueError:
        raise FieldError.single("next_token", "is not a token this service issued") from None
    if not isinstance(key, dict):
        raise FieldError.single("next_token", "is not a token this service issued")
    return key


def update_expression(
    counters: Mapping[str, int] | None = None,
    sets: Mapping[str, Any] | None = None,
    names: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
) -> tuple[str, dict[str, str], dict[str, Any]]:
    """`ADD` the counters and `SET` the values: (expression, names, values).

    `names` and `values` may already hold placeholders for a condition; they are extended.
    """
    names = dict(names or {})
    values = dict(values or {})
    adds, assigns = [], []
    for i, (k, v) in enumerate((counters or {}).items()):
        names[f"#a{i}"], values[f":a{i}"] = k, v
        adds.append(f"#a{i} :a{i}")
    for i, (k, v) in enumerate((sets or {}).items()):
        names[f"#s{i}"], values[f":s{i}"] = k, v
        assigns.append(f"#s{i} = :s{i}")
    parts = [
        f"ADD {', '.join(adds)}" if adds else "",
        f"SET {', '.join(assigns)}" if assigns else "",
    ]
    return " ".join(p for p in parts if p), names, values

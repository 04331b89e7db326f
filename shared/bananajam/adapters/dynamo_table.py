"""The single DynamoDB table that holds every record of the service.

Key design (all keys are strings; `PK`/`SK` is the primary key, `GSI1PK`/`GSI1SK` the one index):

| record             | PK            | SK                    | GSI1PK  | GSI1SK                  |
|--------------------|---------------|-----------------------|---------|-------------------------|
| job (4)            | `JOB#<job_id>` | `META`                | `JOBS`  | `<created_at>#<job_id>` |
| job item (4)       | `JOB#<job_id>` | `ITEM#<i:05d>`        | -       | -                       |
| idempotency (4)    | `IDEMP#<key>` | `META`                | -       | -                       |
| cache entry (5)    | `CACHE#<key>` | `META`                | `CACHE` | `<last_access>#<key>`   |
| cache counters (5) | `CACHESTATS`  | `TOTAL` / `CAT#<c>`   | -       | -                       |
| strategy (6)       | `DIV#<type>`  | `ACTIVE` / `RUN#<ts>` | -       | -                       |

(The numbers name the issue that owns the record.)

`GSI1` lists jobs newest first (`ScanIndexForward=False` on `GSI1PK = JOBS`); RFC 3339 UTC
timestamps sort lexically. `expires_at` (epoch seconds, a Number) is the TTL attribute: DynamoDB
deletes expired items itself, eventually, so readers must also ignore items past `expires_at`.
Numbers come back as `Decimal`; this adapter converts them to `int`/`float` at the boundary.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bananajam.adapters.clients import client, error_code
from bananajam.config import Settings
from bananajam.errors import DependencyError
from bananajam.services.ports import Item, Page

GSI1 = "GSI1"


def _to_dynamo(value: Any) -> Any:
    # boto3 rejects floats; Decimal(str(x)) keeps the decimal digits a reader expects.
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: _to_dynamo(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_dynamo(v) for v in value]
    return value


def _from_dynamo(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list | set):
        return [_from_dynamo(v) for v in value]
    return value


def _encode_token(key: Mapping[str, Any] | None) -> str | None:
    if not key:
        return None
    return base64.urlsafe_b64encode(json.dumps(key, sort_keys=True).encode()).decode()


def _decode_token(token: str | None) -> dict[str, Any] | None:
    if not token:
        return None
    from bananajam.errors import FieldError

    try:
        key = json.loads(base64.urlsafe_b64decode(token.encode()))
    except ValueError:
        raise FieldError.single("next_token", "is not a token this service issued") from None
    if not isinstance(key, dict):
        raise FieldError.single("next_token", "is not a token this service issued")
    return key


class DynamoTable:
    """`KeyValueTable` over the service table (low-level client; types converted here)."""

    def __init__(self, settings: Settings, dynamodb_client: Any | None = None) -> None:
        from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

        self._settings = settings
        self._name = settings.table_name
        self._given = dynamodb_client
        self._ser = TypeSerializer()
        self._de = TypeDeserializer()

    @property
    def _ddb(self) -> Any:
        return self._given or client("dynamodb", self._settings)

    def _fail(self, op: str, exc: Exception) -> DependencyError:
        return DependencyError(
            f"table unavailable during {op}", {"dependency": "dynamodb", "code": error_code(exc)}
        )

    def _dump(self, item: Mapping[str, Any]) -> dict[str, Any]:
        return {k: self._ser.serialize(_to_dynamo(v)) for k, v in item.items()}

    def _load(self, raw: Mapping[str, Any]) -> Item:
        return {k: _from_dynamo(self._de.deserialize(v)) for k, v in raw.items()}

    def get(self, pk: str, sk: str) -> Item | None:
        try:
            r = self._ddb.get_item(TableName=self._name, Key=self._dump({"PK": pk, "SK": sk}))
        except Exception as exc:
            raise self._fail("get", exc) from exc
        return self._load(r["Item"]) if "Item" in r else None

    def put(self, item: Item, *, only_if_new: bool = False) -> bool:
        extra = {"ConditionExpression": "attribute_not_exists(PK)"} if only_if_new else {}
        try:
            self._ddb.put_item(TableName=self._name, Item=self._dump(item), **extra)
        except Exception as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return False
            raise self._fail("put", exc) from exc
        return True

    def add(self, pk: str, sk: str, counters: Mapping[str, int], **sets: Any) -> Item:
        names: dict[str, str] = {}
        values: dict[str, Any] = {}
        adds, assigns = [], []
        for i, (k, v) in enumerate(counters.items()):
            names[f"#a{i}"], values[f":a{i}"] = k, v
            adds.append(f"#a{i} :a{i}")
        for i, (k, v) in enumerate(sets.items()):
            names[f"#s{i}"], values[f":s{i}"] = k, v
            assigns.append(f"#s{i} = :s{i}")
        expr = " ".join(
            part
            for part in (
                f"ADD {', '.join(adds)}" if adds else "",
                f"SET {', '.join(assigns)}" if assigns else "",
            )
            if part
        )
        try:
            r = self._ddb.update_item(
                TableName=self._name,
                Key=self._dump({"PK": pk, "SK": sk}),
                UpdateExpression=expr,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=self._dump(values),
                ReturnValues="ALL_NEW",
            )
        except Exception as exc:
            raise self._fail("update", exc) from exc
        return self._load(r.get("Attributes", {}))

    def delete(self, pk: str, sk: str) -> None:
        try:
            self._ddb.delete_item(TableName=self._name, Key=self._dump({"PK": pk, "SK": sk}))
        except Exception as exc:
            raise self._fail("delete", exc) from exc

    def _query(self, **kwargs: Any) -> Page:
        try:
            r = self._ddb.query(TableName=self._name, **kwargs)
        except Exception as exc:
            raise self._fail("query", exc) from exc
        last = r.get("LastEvaluatedKey")
        return Page(
            [self._load(i) for i in r.get("Items", [])],
            _encode_token(self._load(last) if last else None),
        )

    def query(
        self, pk: str, *, sk_prefix: str | None = None, limit: int = 100, token: str | None = None
    ) -> Page:
        cond = "PK = :pk" + (" AND begins_with(SK, :sk)" if sk_prefix else "")
        values: dict[str, Any] = {":pk": pk, **({":sk": sk_prefix} if sk_prefix else {})}
        start = _decode_token(token)
        return self._query(
            KeyConditionExpression=cond,
            ExpressionAttributeValues=self._dump(values),
            Limit=limit,
            **({"ExclusiveStartKey": self._dump(start)} if start else {}),
        )

    def query_gsi1(
        self, gsi1pk: str, *, newest_first: bool = True, limit: int = 50, token: str | None = None
    ) -> Page:
        start = _decode_token(token)
        return self._query(
            IndexName=GSI1,
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues=self._dump({":pk": gsi1pk}),
            ScanIndexForward=not newest_first,
            Limit=limit,
            **({"ExclusiveStartKey": self._dump(start)} if start else {}),
        )

    def check(self) -> None:
        try:
            self._ddb.describe_table(TableName=self._name)
        except Exception as exc:
            raise self._fail("check", exc) from exc

    # --- batch jobs (issue 4): conditional status moves and exactly-once item recording ---

    def get_consistent(self, pk: str, sk: str) -> Item | None:
        """A strongly consistent read (the worker's view of a job it just updated)."""
        try:
            r = self._ddb.get_item(
                TableName=self._name, Key=self._dump({"PK": pk, "SK": sk}), ConsistentRead=True
            )
        except Exception as exc:
            raise self._fail("get", exc) from exc
        return self._load(r["Item"]) if "Item" in r else None

    def set_if_status(self, pk: str, sk: str, allowed: list[str], **sets: Any) -> Item | None:
        """SET `sets` only while `status` is one of `allowed`; the new item, or None when the
        condition failed (someone else moved the status first) or the item does not exist."""
        names: dict[str, str] = {"#st": "status"}
        values: dict[str, Any] = {f":c{i}": s for i, s in enumerate(allowed)}
        assigns = []
        for i, (k, v) in enumerate(sets.items()):
            names[f"#s{i}"], values[f":s{i}"] = k, v
            assigns.append(f"#s{i} = :s{i}")
        try:
            r = self._ddb.update_item(
                TableName=self._name,
                Key=self._dump({"PK": pk, "SK": sk}),
                UpdateExpression="SET " + ", ".join(assigns),
                ConditionExpression="attribute_exists(PK) AND ("
                + " OR ".join(f"#st = :c{i}" for i in range(len(allowed)))
                + ")",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=self._dump(values),
                ReturnValues="ALL_NEW",
            )
        except Exception as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return None
            raise self._fail("update", exc) from exc
        return self._load(r.get("Attributes", {}))

    def put_new_and_add(
        self, items: list[Item], pk: str, sk: str, counters: Mapping[str, int]
    ) -> bool:
        """In one transaction: put every item only if new, and ADD `counters` to (pk, sk).
        False when any item already existed (nothing was written); the caller re-checks."""
        names = {f"#a{i}": k for i, k in enumerate(counters)}
        values = {f":a{i}": v for i, v in enumerate(counters.values())}
        actions: list[dict[str, Any]] = [
            {
                "Put": {
                    "TableName": self._name,
                    "Item": self._dump(item),
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
            for item in items
        ]
        actions.append(
            {
                "Update": {
                    "TableName": self._name,
                    "Key": self._dump({"PK": pk, "SK": sk}),
                    "UpdateExpression": "ADD "
                    + ", ".join(f"{n} {v}" for n, v in zip(names, values, strict=True)),
                    "ExpressionAttributeNames": names,
                    "ExpressionAttributeValues": self._dump(values),
                }
            }
        )
        try:
            self._ddb.transact_write_items(TransactItems=actions)
        except Exception as exc:
            if error_code(exc) == "TransactionCanceledException":
                return False
            raise self._fail("transact", exc) from exc
        return True

    # --- cache index support (issue 5): conditional, transactional writes -------------------

    def _add_action(
        self, pk: str, sk: str, counters: Mapping[str, int], sets: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        names = {f"#a{i}": k for i, k in enumerate(counters)}
        values: dict[str, Any] = {f":a{i}": v for i, v in enumerate(counters.values())}
        expr = "ADD " + ", ".join(f"#a{i} :a{i}" for i in range(len(counters)))
        if sets:
            for i, (k, v) in enumerate(sets.items()):
                names[f"#s{i}"], values[f":s{i}"] = k, v
            expr += " SET " + ", ".join(f"#s{i} = :s{i}" for i in range(len(sets)))
        return {
            "Update": {
                "TableName": self._name,
                "Key": self._dump({"PK": pk, "SK": sk}),
                "UpdateExpression": expr,
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": self._dump(values),
            }
        }

    def _transact(self, op: str, actions: list[dict[str, Any]]) -> bool:
        try:
            self._ddb.transact_write_items(TransactItems=actions)
        except Exception as exc:
            if error_code(exc) in (
                "TransactionCanceledException",
                "ConditionalCheckFailedException",
            ):
                return False
            raise self._fail(op, exc) from exc
        return True

    def put_counted(
        self,
        item: Item,
        adds: list[tuple[str, str, Mapping[str, int]]],
        first_sets: Mapping[str, Any] | None = None,
    ) -> bool:
        """Create `item` (only if new) and apply the counter ADDs in one transaction (plus SETs
        `first_sets` on the first counter item). False when the item already existed."""
        actions = [
            {
                "Put": {
                    "TableName": self._name,
                    "Item": self._dump(item),
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
        ]
        actions += [
            self._add_action(pk, sk, c, first_sets if i == 0 else None)
            for i, (pk, sk, c) in enumerate(adds)
            if c
        ]
        return self._transact("put_counted", actions)

    def delete_counted(
        self, pk: str, sk: str, version: str, adds: list[tuple[str, str, Mapping[str, int]]]
    ) -> bool:
        """Delete an item whose `version` attribute still equals `version`, applying the counter
        ADDs in the same transaction. False when it is gone or changed (a concurrent delete won)."""
        actions = [
            {
                "Delete": {
                    "TableName": self._name,
                    "Key": self._dump({"PK": pk, "SK": sk}),
                    "ConditionExpression": "attribute_exists(PK) AND #v = :v",
                    "ExpressionAttributeNames": {"#v": "version"},
                    "ExpressionAttributeValues": self._dump({":v": version}),
                }
            }
        ]
        actions += [self._add_action(pk, sk2, c) for pk, sk2, c in adds if c]
        return self._transact("delete_counted", actions)

    def update_if_older(
        self, pk: str, sk: str, attr: str, older_than: str, counters: Mapping[str, int], **sets: Any
    ) -> bool:
        """ADD `counters` and SET `sets` only if the item exists and `attr` < `older_than`."""
        names = {"#c": attr}
        values: dict[str, Any] = {":c": older_than}
        parts = []
        for i, (k, v) in enumerate(sets.items()):
            names[f"#s{i}"], values[f":s{i}"] = k, v
            parts.append(f"#s{i} = :s{i}")
        expr = "SET " + ", ".join(parts)
        if counters:
            adds = []
            for i, (k, v) in enumerate(counters.items()):
                names[f"#a{i}"], values[f":a{i}"] = k, v
                adds.append(f"#a{i} :a{i}")
            expr += " ADD " + ", ".join(adds)
        try:
            self._ddb.update_item(
                TableName=self._name,
                Key=self._dump({"PK": pk, "SK": sk}),
                UpdateExpression=expr,
                ConditionExpression="attribute_exists(PK) AND #c < :c",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=self._dump(values),
            )
        except Exception as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return False
            raise self._fail("update", exc) from exc
        return True

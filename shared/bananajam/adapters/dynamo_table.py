"""The single DynamoDB table that holds every record of the service.

Key design (all keys are strings; `PK`/`SK` is the primary key, `GSI1PK`/`GSI1SK` the one index):

| record             | PK            | SK                    | GSI1PK  | GSI1SK                  |
|--------------------|---------------|-----------------------|---------|-------------------------|
| job (4)            | `JOB#<job_id>` | `META`                | `JOBS`  | `<created_at>#<job_id>` |
| job item (4)       | `JOB#<job_id>` | `ITEM#<i:05d>`        | -       | -                       |
| job specs (4)      | `JOB#<job_id>` | `SPECS#<n:03d>`       | -       | -                       |
| idempotency (4)    | `IDEMP#<key>` | `META`                | -       | -                       |
| cache entry (5)    | `CACHE#<key>` | `META`                | `CACHE` | `<last_access>#<key>`   |
| cache counters (5) | `CACHESTATS`  | `TOTAL` / `CAT#<c>`   | -       | -                       |
| strategy (6)       | `DIV#<type>`  | `ACTIVE` / `RUN#<ts>` | -       | -                       |
| calibration (6)    | `DIV#<type>`  | `CAL#<engine version>` | -      | -                       |

(The numbers name the issue that owns the record.)

`GSI1` lists jobs newest first (`ScanIndexForward=False` on `GSI1PK = JOBS`); RFC 3339 UTC
timestamps sort lexically. A job's `META` stays small (status, counters, timestamps): its item
specs are in `SPECS#<n>` chunks of 100 (items `100n`..`100n+99`), so counter updates cost 1 WCU.
`expires_at` (epoch seconds, a Number) is the TTL attribute: DynamoDB deletes expired items
itself, eventually, so readers must also ignore items past `expires_at`.
Numbers come back as `Decimal`; this adapter converts them to `int`/`float` at the boundary.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bananajam.adapters.clients import client, error_code
from bananajam.adapters.dynamo_codec import (
    decode_token,
    encode_token,
    from_dynamo,
    to_dynamo,
    update_expression,
)
from bananajam.config import Settings
from bananajam.errors import DependencyError
from bananajam.services.ports import Item, Page

GSI1 = "GSI1"
CONDITION_FAILED = ("ConditionalCheckFailedException", "TransactionCanceledException")
Add = tuple[str, str, Mapping[str, int]]


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
        return {k: self._ser.serialize(to_dynamo(v)) for k, v in item.items()}

    def _load(self, raw: Mapping[str, Any]) -> Item:
        return {k: from_dynamo(self._de.deserialize(v)) for k, v in raw.items()}

    def _key(self, pk: str, sk: str) -> dict[str, Any]:
        return self._dump({"PK": pk, "SK": sk})

    def _update(
        self,
        op: str,
        pk: str,
        sk: str,
        expr: str,
        names: dict[str, str],
        values: dict[str, Any],
        condition: str | None = None,
    ) -> Item | None:
        """One UpdateItem returning the new item, or None when `condition` failed."""
        extra = {"ConditionExpression": condition} if condition else {}
        try:
            r = self._ddb.update_item(
                TableName=self._name,
                Key=self._key(pk, sk),
                UpdateExpression=expr,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=self._dump(values),
                ReturnValues="ALL_NEW",
                **extra,
            )
        except Exception as exc:
            if condition and error_code(exc) in CONDITION_FAILED:
                return None
            raise self._fail(op, exc) from exc
        return self._load(r.get("Attributes", {}))

    # --- the KeyValueTable protocol ----------------------------------------------------------

    def get(self, pk: str, sk: str, *, consistent: bool = False) -> Item | None:
        try:
            r = self._ddb.get_item(
                TableName=self._name, Key=self._key(pk, sk), ConsistentRead=consistent
            )
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
        expr, names, values = update_expression(counters, sets)
        item = self._update("update", pk, sk, expr, names, values)
        assert item is not None  # unconditional updates always return the item
        return item

    def delete(self, pk: str, sk: str) -> None:
        try:
            self._ddb.delete_item(TableName=self._name, Key=self._key(pk, sk))
        except Exception as exc:
            raise self._fail("delete", exc) from exc

    def _query(self, token: str | None, **kwargs: Any) -> Page:
        start = decode_token(token)
        if start:
            kwargs["ExclusiveStartKey"] = self._dump(start)
        try:
            r = self._ddb.query(TableName=self._name, **kwargs)
        except Exception as exc:
            raise self._fail("query", exc) from exc
        last = r.get("LastEvaluatedKey")
        return Page(
            [self._load(i) for i in r.get("Items", [])],
            encode_token(self._load(last) if last else None),
        )

    def query(
        self, pk: str, *, sk_prefix: str | None = None, limit: int = 100, token: str | None = None
    ) -> Page:
        cond = "PK = :pk" + (" AND begins_with(SK, :sk)" if sk_prefix else "")
        values: dict[str, Any] = {":pk": pk, **({":sk": sk_prefix} if sk_prefix else {})}
        return self._query(
            token,
            KeyConditionExpression=cond,
            ExpressionAttributeValues=self._dump(values),
            Limit=limit,
        )

    def query_gsi1(
        self, gsi1pk: str, *, newest_first: bool = True, limit: int = 50, token: str | None = None
    ) -> Page:
        return self._query(
            token,
            IndexName=GSI1,
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues=self._dump({":pk": gsi1pk}),
            ScanIndexForward=not newest_first,
            Limit=limit,
        )

    def check(self) -> None:
        try:
            self._ddb.describe_table(TableName=self._name)
        except Exception as exc:
            raise self._fail("check", exc) from exc

    # --- conditional writes (batch jobs, cache index) ----------------------------------------

    def get_consistent(self, pk: str, sk: str) -> Item | None:
        """A strongly consistent read (the worker's view of a job it just updated)."""
        return self.get(pk, sk, consistent=True)

    def set_if_status(self, pk: str, sk: str, allowed: list[str], **sets: Any) -> Item | None:
        """SET `sets` only while `status` is one of `allowed`; the new item, or None when the
        condition failed (someone else moved the status first) or the item does not exist."""
        expr, names, values = update_expression(
            None, sets, {"#st": "status"}, {f":c{i}": s for i, s in enumerate(allowed)}
        )
        either = " OR ".join(f"#st = :c{i}" for i in range(len(allowed)))
        return self._update(
            "update", pk, sk, expr, names, values, f"attribute_exists(PK) AND ({either})"
        )

    def update_if_older(
        self, pk: str, sk: str, attr: str, older_than: str, counters: Mapping[str, int], **sets: Any
    ) -> bool:
        """ADD `counters` and SET `sets` only if the item exists and `attr` < `older_than`."""
        expr, names, values = update_expression(counters, sets, {"#c": attr}, {":c": older_than})
        cond = "attribute_exists(PK) AND #c < :c"
        return self._update("update", pk, sk, expr, names, values, cond) is not None

    def _put_new(self, item: Item) -> dict[str, Any]:
        return {
            "Put": {
                "TableName": self._name,
                "Item": self._dump(item),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        }

    def _add_action(
        self, pk: str, sk: str, counters: Mapping[str, int], sets: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        expr, names, values = update_expression(counters, sets)
        return {
            "Update": {
                "TableName": self._name,
                "Key": self._key(pk, sk),
                "UpdateExpression": expr,
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": self._dump(values),
            }
        }

    def _transact(self, op: str, actions: list[dict[str, Any]]) -> bool:
        """Run a write transaction; False when any of its conditions failed."""
        try:
            self._ddb.transact_write_items(TransactItems=actions)
        except Exception as exc:
            if error_code(exc) in CONDITION_FAILED:
                return False
            raise self._fail(op, exc) from exc
        return True

    def put_new_and_add(
        self, items: list[Item], pk: str, sk: str, counters: Mapping[str, int]
    ) -> bool:
        """In one transaction: put every item only if new, and ADD `counters` to (pk, sk).
        False when any item already existed (nothing was written); the caller re-checks."""
        actions = [self._put_new(item) for item in items] + [self._add_action(pk, sk, counters)]
        return self._transact("transact", actions)

    def put_counted(
        self, item: Item, adds: list[Add], first_sets: Mapping[str, Any] | None = None
    ) -> bool:
        """Create `item` (only if new) and apply the counter ADDs in one transaction (plus SETs
        `first_sets` on the first counter item). False when the item already existed."""
        actions = [self._put_new(item)] + [
            self._add_action(pk, sk, c, first_sets if i == 0 else None)
            for i, (pk, sk, c) in enumerate(adds)
            if c
        ]
        return self._transact("put_counted", actions)

    def delete_counted(self, pk: str, sk: str, version: str, adds: list[Add]) -> bool:
        """Delete an item whose `version` attribute still equals `version`, applying the counter
        ADDs in the same transaction. False when it is gone or changed (a concurrent delete won)."""
        delete = {
            "Delete": {
                "TableName": self._name,
                "Key": self._key(pk, sk),
                "ConditionExpression": "attribute_exists(PK) AND #v = :v",
                "ExpressionAttributeNames": {"#v": "version"},
                "ExpressionAttributeValues": self._dump({":v": version}),
            }
        }
        actions = [delete] + [self._add_action(pk, sk2, c) for pk, sk2, c in adds if c]
        return self._transact("delete_counted", actions)

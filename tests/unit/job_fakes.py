"""In-memory fakes of the job ports (`JobTable`, `MessageQueue`) for service unit tests.

They keep the semantics the services rely on: conditional puts, the all-or-nothing
"put new items and add counters" transaction, and status-conditional updates.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from bananajam.errors import DependencyError
from bananajam.services.ports import Item, Page


class FakeJobTable:
    """A dict keyed by (PK, SK); `calls` records each operation by name."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], Item] = {}
        self.calls: list[str] = []

    def get(self, pk: str, sk: str) -> Item | None:
        self.calls.append("get")
        found = self.items.get((pk, sk))
        return copy.deepcopy(found) if found is not None else None

    def get_consistent(self, pk: str, sk: str) -> Item | None:
        return self.get(pk, sk)

    def put(self, item: Item, *, only_if_new: bool = False) -> bool:
        self.calls.append("put")
        key = (item["PK"], item["SK"])
        if only_if_new and key in self.items:
            return False
        self.items[key] = copy.deepcopy(item)
        return True

    def add(self, pk: str, sk: str, counters: Mapping[str, int], **sets: Any) -> Item:
        self.calls.append("add")
        item = self.items.setdefault((pk, sk), {"PK": pk, "SK": sk})
        for k, v in counters.items():
            item[k] = int(item.get(k, 0)) + v
        item.update(sets)
        return copy.deepcopy(item)

    def delete(self, pk: str, sk: str) -> None:
        self.calls.append("delete")
        self.items.pop((pk, sk), None)

    def query(
        self, pk: str, *, sk_prefix: str | None = None, limit: int = 100, token: str | None = None
    ) -> Page:
        self.calls.append("query")
        rows = sorted(
            (v for (p, s), v in self.items.items() if p == pk and s.startswith(sk_prefix or "")),
            key=lambda r: str(r["SK"]),
        )
        start = int(token or 0)
        more = start + limit < len(rows)
        return Page(
            copy.deepcopy(rows[start : start + limit]), str(start + limit) if more else None
        )

    def query_gsi1(
        self, gsi1pk: str, *, newest_first: bool = True, limit: int = 50, token: str | None = None
    ) -> Page:
        self.calls.append("query_gsi1")
        rows = sorted(
            (v for v in self.items.values() if v.get("GSI1PK") == gsi1pk),
            key=lambda r: str(r["GSI1SK"]),
            reverse=newest_first,
        )
        start = int(token or 0)
        more = start + limit < len(rows)
        return Page(
            copy.deepcopy(rows[start : start + limit]), str(start + limit) if more else None
        )

    def check(self) -> None:
        return None

    def set_if_status(self, pk: str, sk: str, allowed: list[str], **sets: Any) -> Item | None:
        self.calls.append("set_if_status")
        item = self.items.get((pk, sk))
        if item is None or item.get("status") not in allowed:
            return None
        item.update(copy.deepcopy(sets))
        return copy.deepcopy(item)

    def put_new_and_add(
        self, items: list[Item], pk: str, sk: str, counters: Mapping[str, int]
    ) -> bool:
        self.calls.append("put_new_and_add")
        if any((it["PK"], it["SK"]) in self.items for it in items):
            return False  # a transaction: nothing is written when one condition fails
        for it in items:
            self.items[(it["PK"], it["SK"])] = copy.deepcopy(it)
        job = self.items[(pk, sk)]
        for k, v in counters.items():
            job[k] = int(job.get(k, 0)) + v
        return True

    def job(self, job_id: str) -> Item:
        return self.items[(f"JOB#{job_id}", "META")]


class FakeQueue:
    """Keeps every body sent; `fail_indices` makes those sends fail, `down` raises."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.send_calls = 0
        self.fail_indices: set[int] = set()
        self.down = False

    def send_batch(self, bodies: Sequence[str]) -> list[int]:
        self.send_calls += 1
        if self.down:
            raise DependencyError("queue down", {"dependency": "sqs"})
        failed = [i for i in range(len(bodies)) if i in self.fail_indices]
        self.sent += [b for i, b in enumerate(bodies) if i not in self.fail_indices]
        return failed

    def check(self) -> None:
        return None

"""SQS jobs queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bananajam.adapters.clients import client, error_code
from bananajam.config import Settings
from bananajam.errors import DependencyError


class SqsQueue:
    """`MessageQueue` over the jobs queue; the URL is looked up once from the name if not set."""

    def __init__(self, settings: Settings, sqs_client: Any | None = None) -> None:
        self._settings = settings
        self._given = sqs_client
        self._url = settings.queue_url

    @property
    def _sqs(self) -> Any:
        return self._given or client("sqs", self._settings)

    def _fail(self, op: str, exc: Exception) -> DependencyError:
        return DependencyError(
            f"queue unavailable during {op}", {"dependency": "sqs", "code": error_code(exc)}
        )

    @property
    def url(self) -> str:
        if self._url is None:
            try:
                self._url = str(
                    self._sqs.get_queue_url(QueueName=self._settings.queue_name)["QueueUrl"]
                )
            except Exception as exc:
                raise self._fail("lookup", exc) from exc
        return self._url

    def send_batch(self, bodies: Sequence[str]) -> list[int]:
        failed: list[int] = []
        for start in range(0, len(bodies), 10):
            entries = [
                {"Id": str(start + i), "MessageBody": b}
                for i, b in enumerate(bodies[start : start + 10])
            ]
            try:
                r = self._sqs.send_message_batch(QueueUrl=self.url, Entries=entries)
            except Exception as exc:
                raise self._fail("send", exc) from exc
            failed.extend(int(f["Id"]) for f in r.get("Failed", []))
        return failed

    def check(self) -> None:
        try:
            self._sqs.get_queue_attributes(QueueUrl=self.url, AttributeNames=["QueueArn"])
        except DependencyError:
            raise
        except Exception as exc:
            raise self._fail("check", exc) from exc

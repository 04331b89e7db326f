"""The jobs seam: what the SQS worker calls for each message (issue 4 fills it in).

The worker parses each SQS body as a JSON object and calls `JobProcessor.process`. A raised
exception marks that one message as failed (it is retried, then lands in the DLQ). Processing
must be idempotent: a redelivered message must not count twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class JobMessage:
    """One queue message, as the worker hands it over."""

    message_id: str
    body: dict[str, Any]
    receive_count: int


class JobProcessor(Protocol):
    def process(self, message: JobMessage) -> None: ...


class NoopJobProcessor:
    """Accepts every well-formed message and does nothing (until issue 4)."""

    def process(self, message: JobMessage) -> None:
        return None


def handle_message(
    processor: JobProcessor, message_id: str, raw_body: str, receive_count: int
) -> None:
    """Parse one SQS body and process it; a malformed body raises, failing only this message."""
    import json

    body = json.loads(raw_body)
    if not isinstance(body, dict):
        raise ValueError(f"message {message_id}: body is not a JSON object")
    processor.process(JobMessage(message_id, body, receive_count))

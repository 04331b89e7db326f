"""A small in-process LRU of recently served images, in front of S3.

Cache keys are content-addressed and objects immutable, so a warm Lambda (or the local server)
can answer repeated requests from memory without asking S3: the bytes can never be stale. Only
image-body answers use it; JSON answers still HEAD S3, because they hand out a link to the object.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class HotCache:
    """Thread-safe LRU bounded by total bytes (0 disables it)."""

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._items: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bytes, str] | None:
        """(body, content hash) if held, marking it most recently used."""
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, body: bytes, content_hash: str) -> None:
        if len(body) > self._max // 4:  # one image must not flush everything else
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[0])
            self._items[key] = (body, content_hash)
            self._bytes += len(body)
            while self._bytes > self._max and self._items:
                _, (evicted, _) = self._items.popitem(last=False)
                self._bytes -= len(evicted)

    @property
    def size_bytes(self) -> int:
        return self._bytes

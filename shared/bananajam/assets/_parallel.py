"""Two-way parallelism for the largest pixel passes: PNG deflate and big resamplings.

zlib-ng and Pillow's resampler release the GIL, so doing the top and bottom halves of an image
at once, one of them on a helper thread, uses both cores of a small machine (or of a Lambda with
more than one vCPU). Work is split by image size only, never by the number of cores, so the output
bytes are the same everywhere; with one usable core the two halves simply run one after the
other. Tasks given to `pair` must not call `pair` (the single helper would wait on itself).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_pool_pid = -1


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _helper() -> ThreadPoolExecutor | None:
    """The process's helper thread, made on first use (and made again in a forked child)."""
    global _pool, _pool_pid
    if usable_cores() < 2:
        return None
    with _lock:
        if _pool is None or _pool_pid != os.getpid():
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bananajam-deflate")
            _pool_pid = os.getpid()
        return _pool


def pair(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """Run `first` on the helper thread and `second` here; both results (errors propagate)."""
    pool = _helper()
    if pool is None:
        return first(), second()
    future = pool.submit(first)
    try:
        b = second()
    finally:
        a = future.result()  # always wait, so no half outlives the call
    return a, b

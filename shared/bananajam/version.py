"""Versions that identify what the service produces.

`ENGINE_VERSION` is part of every seed and every cache key: bump it whenever a renderer's output
changes for the same request, so stale cached images are never served as current ones.
"""

ENGINE_VERSION = "1.0.0"

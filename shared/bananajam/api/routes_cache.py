"""Routes of the cache function: GET /cache/status, admin POST /cache/clear and the alias GET /cache/stats (issue 5).

Add routes to `router`; template.yaml already sends this area's paths to the function.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()

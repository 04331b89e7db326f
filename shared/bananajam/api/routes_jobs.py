"""Routes of the jobs function: job status, listing (GSI1 newest first), cancel and archive, plus the old aliases (issue 4).

Add routes to `router`; template.yaml already sends this area's paths to the function.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()

"""Routes of the batch function: POST /generate/batch (issue 4): validate every item, expand ranges, write the job, enqueue.

Add routes to `router`; template.yaml already sends this area's paths to the function.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()

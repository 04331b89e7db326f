"""Per-type diversity calibrations kept in the table (`DIV#<type>` / `CAL#<engine version>`).

They depend only on the type and the engine version, so one stored copy serves every process;
a lost or failed read simply means the process computes it again.
"""

from __future__ import annotations

import logging

from bananajam.diversity.measure import Calibration
from bananajam.services.ports import KeyValueTable
from bananajam.services.strategy_store import strategy_pk
from bananajam.version import ENGINE_VERSION

log = logging.getLogger(__name__)
SK = f"CAL#{ENGINE_VERSION}"


class TableCalibrations:
    def __init__(self, table: KeyValueTable) -> None:
        self._table = table

    def load(self, asset: str) -> Calibration | None:
        try:
            item = self._table.get(strategy_pk(asset), SK)
        except Exception:
            log.warning("calibration read failed for %s; computing it", asset, exc_info=True)
            return None
        if not item:
            return None
        return Calibration(float(item["sigma"]), float(item["typical"]), float(item["render_ms"]))

    def save(self, asset: str, cal: Calibration) -> None:
        item = {
            "PK": strategy_pk(asset),
            "SK": SK,
            "sigma": cal.sigma,
            "typical": cal.typical,
            "render_ms": cal.render_ms,
        }
        try:
            self._table.put(item)
        except Exception:
            log.warning("calibration write failed for %s", asset, exc_info=True)

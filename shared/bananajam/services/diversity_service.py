"""Diversity use cases: measure and optimise a type's variation strategy, pick diverse batches.

Strategy records live in the table under `DIV#<type>`: `ACTIVE` holds the active strategy, its
version and a bounded history of measurements; `RUN#<timestamp>` keeps each optimisation run.
The strategy version is part of every cache key, so a change never serves stale images.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bananajam.assets import default_registry
from bananajam.assets.variation import DEFAULT_STRATEGY, STRATEGIES
from bananajam.diversity import measure as m
from bananajam.errors import FieldError
from bananajam.services.ports import KeyValueTable
from bananajam.services.strategy_store import TableStrategySource, strategy_pk

HISTORY_LIMIT = 20


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class OptimizeResult:
    type_id: str
    theme: str | None
    sample_size: int
    table: list[dict[str, Any]]
    chosen: str
    previous: str
    previous_vendi: float
    gain: float
    strategy_version: int
    changed: bool
    measured_at: str = field(default_factory=_now)


class DiversityService:
    """Measures, optimises and reports per-type diversity."""

    def __init__(self, table: KeyValueTable, strategies: TableStrategySource) -> None:
        self._table = table
        self._strategies = strategies

    def plan(
        self, type_id: str, sample_size: int, strategies: list[str] | None
    ) -> tuple[str, list[str]]:
        """Validate an optimisation: (type name, strategies to measure, incumbent included)."""
        t = default_registry().get(type_id)
        if not 8 <= sample_size <= 256:
            raise FieldError.single("sample_size", "must be between 8 and 256")
        wanted = list(dict.fromkeys(strategies or STRATEGIES))
        for i, s in enumerate(wanted):
            if s not in STRATEGIES:
                raise FieldError.single(
                    f"strategies[{i}]", f"must be one of {', '.join(STRATEGIES)}"
                )
        current = self._strategies.active(t.name)
        if current.name not in wanted:
            wanted.append(current.name)  # the incumbent is always re-measured, so we never regress
        return t.name, wanted

    def optimize(
        self,
        type_id: str,
        sample_size: int = 32,
        theme: str | None = None,
        strategies: list[str] | None = None,
    ) -> OptimizeResult:
        """Score each strategy on a sample; keep the best (never worse than the current one)."""
        name, wanted = self.plan(type_id, sample_size, strategies)
        t = default_registry().get(name)
        current = self._strategies.active(t.name)
        cal = m.calibration(t.name)
        measured: dict[str, m.Measurement] = {
            s: m.measure(m.sample_features(t.name, list(range(sample_size)), theme, s), cal)
            for s in wanted
        }
        prev = measured[current.name]
        # Highest Vendi wins; ties go to fewer near-duplicates, then to the incumbent.
        best = max(
            wanted,
            key=lambda s: (measured[s].vendi, -measured[s].near_duplicates, s == current.name),
        )
        changed = best != current.name and measured[best].vendi > prev.vendi
        chosen = best if changed else current.name
        version = current.version + 1 if changed else current.version
        rows = [{"strategy": s, **measured[s].as_dict()} for s in wanted]
        result = OptimizeResult(
            type_id=t.name,
            theme=theme,
            sample_size=sample_size,
            table=rows,
            chosen=chosen,
            previous=current.name,
            previous_vendi=round(prev.vendi, 4),
            gain=round(measured[chosen].vendi / prev.vendi, 4) if prev.vendi else 1.0,
            strategy_version=version,
            changed=changed,
        )
        self._record(
            t.name, chosen, version, measured[chosen].as_dict(), source="optimize", run=result
        )
        self._strategies.forget(t.name)
        return result

    def active_strategy(self, type_id: str) -> str:
        """The type's active strategy name (briefly cached per process)."""
        return self._strategies.active(type_id).name

    def record_measurement(self, type_id: str, measurement: dict[str, Any], source: str) -> None:
        """Record a measurement of real use (a diverse batch or a batch job) for status."""
        current = self._strategies.active(type_id)
        self._record(type_id, current.name, current.version, measurement, source=source)

    def _record(
        self,
        type_id: str,
        strategy: str,
        version: int,
        meas: dict[str, Any],
        *,
        source: str,
        run: OptimizeResult | None = None,
    ) -> None:
        now = _now()
        entry = {k: v for k, v in meas.items() if k != "strategy"}
        entry |= {"strategy": strategy, "measured_at": now, "source": source}
        old = self._table.get(strategy_pk(type_id), "ACTIVE") or {}
        history = [entry, *old.get("history", [])][:HISTORY_LIMIT]
        self._table.put(
            {
                "PK": strategy_pk(type_id),
                "SK": "ACTIVE",
                "type_id": type_id,
                "strategy": strategy,
                "strategy_version": version,
                "latest": entry,
                "history": history,
            }
        )
        if run is not None:
            self._table.put(
                {
                    "PK": strategy_pk(type_id),
                    "SK": f"RUN#{now}",
                    "type_id": type_id,
                    "table": run.table,
                    "chosen": run.chosen,
                    "previous": run.previous,
                    "gain": run.gain,
                    "strategy_version": version,
                }
            )

    def status(self, type_id: str | None = None) -> list[dict[str, Any]]:
        """Latest measurement, active strategy and history per type (never measured: said so)."""
        reg = default_registry()
        names = [reg.get(type_id).name] if type_id else reg.names()
        out: list[dict[str, Any]] = []
        for name in names:
            item = self._table.get(strategy_pk(name), "ACTIVE")
            if not item or not item.get("latest"):
                out.append(
                    {
                        "type_id": name,
                        "measured": False,
                        "strategy": item["strategy"] if item else DEFAULT_STRATEGY,
                        "strategy_version": int(item["strategy_version"]) if item else 1,
                        "sample_size": None,
                        "vendi": None,
                        "vendi_per_item": None,
                        "min_distance": None,
                        "near_duplicates": None,
                        "measured_at": None,
                        "history": [],
                    }
                )
                continue
            latest = item["latest"]
            out.append(
                {
                    "type_id": name,
                    "measured": True,
                    "strategy": item["strategy"],
                    "strategy_version": int(item["strategy_version"]),
                    "sample_size": latest.get("sample_size"),
                    "vendi": latest.get("vendi"),
                    "vendi_per_item": latest.get("vendi_per_item"),
                    "min_distance": latest.get("min_distance"),
                    "near_duplicates": latest.get("near_duplicates"),
                    "measured_at": latest.get("measured_at"),
                    "history": item.get("history", []),
                }
            )
        return out

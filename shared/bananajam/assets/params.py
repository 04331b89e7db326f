"""Parameter models and the mapping from a unit point to concrete parameter values.

Each asset type declares a pydantic model whose fields carry their ranges (`ge`/`le`), choices
(`Literal[...]`) or flags (`bool`). Those fields span the type's parameter space: the variation
strategy picks a point in the unit cube for an index, and `point_to_params` maps it onto the
fields. A field opts out of variation with `json_schema_extra={"vary": False}`; a field's
`"weight"` (default 1) ranks how much it matters, for the stratified strategy.
"""

from __future__ import annotations

import math
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel, ConfigDict, ValidationError

from bananajam.errors import FieldError


class AssetParams(BaseModel):
    """Base of every type's parameter model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoParams(AssetParams):
    """For types whose variety comes from the seed alone."""


@dataclass(frozen=True)
class Dim:
    """One variable axis of a parameter space."""

    name: str
    kind: Literal["float", "int", "choice", "bool"]
    low: float = 0.0
    high: float = 1.0
    choices: tuple[Any, ...] = ()
    weight: float = 1.0

    def value(self, u: float) -> Any:
        u = min(max(u, 0.0), 1.0 - 1e-12)
        if self.kind == "float":
            return round(self.low + u * (self.high - self.low), 4)
        if self.kind == "int":
            return int(self.low + math.floor(u * (self.high - self.low + 1)))
        if self.kind == "bool":
            return u >= 0.5
        return self.choices[int(u * len(self.choices))]


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None]:
    low = high = None
    for m in metadata:
        if isinstance(m, annotated_types.Ge):
            low = float(m.ge)  # type: ignore[arg-type]
        elif isinstance(m, annotated_types.Gt):
            low = float(m.gt)  # type: ignore[arg-type]
        elif isinstance(m, annotated_types.Le):
            high = float(m.le)  # type: ignore[arg-type]
        elif isinstance(m, annotated_types.Lt):
            high = float(m.lt)  # type: ignore[arg-type]
        elif isinstance(m, annotated_types.Interval):
            low = float(m.ge if m.ge is not None else m.gt)  # type: ignore[arg-type]
            high = float(m.le if m.le is not None else m.lt)  # type: ignore[arg-type]
    return low, high


@cache
def param_space(model: type[AssetParams]) -> tuple[Dim, ...]:
    """The variable axes of a parameter model, in field order."""
    dims: list[Dim] = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if extra.get("vary", True) is False:
            continue
        weight = float(extra.get("weight", 1.0))  # type: ignore[arg-type]
        ann = info.annotation
        origin = typing.get_origin(ann)
        if origin is Literal:
            dims.append(Dim(name, "choice", choices=typing.get_args(ann), weight=weight))
        elif ann is bool:
            dims.append(Dim(name, "bool", weight=weight))
        elif ann in (int, float):
            low, high = _bounds(info.metadata)
            if low is None or high is None:
                continue  # unbounded: not a variation axis
            kind: Literal["int", "float"] = "int" if ann is int else "float"
            dims.append(Dim(name, kind, low, high, weight=weight))
        elif origin in (typing.Union, types.UnionType):
            continue  # optional overrides (colour names etc.) are never varied
    return tuple(dims)


def point_to_params(model: type[AssetParams], point: list[float]) -> dict[str, Any]:
    """Map a unit point (one coordinate per axis of `param_space(model)`) to field values."""
    dims = param_space(model)
    return {d.name: d.value(u) for d, u in zip(dims, point, strict=True)}


def validate_params(model: type[AssetParams], values: dict[str, Any]) -> AssetParams:
    """Build the model, turning pydantic errors into a FieldError naming `params.<field>`."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        fields = []
        for err in exc.errors(include_url=False):
            loc = ".".join(str(p) for p in err["loc"])
            fields.append({"field": f"params.{loc}" if loc else "params", "message": err["msg"]})
        raise FieldError(fields) from None

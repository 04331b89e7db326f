"""The JSON spec language: pydantic models of a spec and its layers, in one normalised form.

Two dialects are accepted and normalised before validation:
- nested: `{"type": "ring", "params": {"radius": 200, "thickness": 5, "glow": true}}`
- flat:   `{"type": "shape", "shape": "circle", "center": [250, 150], "radius": 40}`
Unknown layer types and unknown fields are errors; messages name the field, e.g.
`layers[2].radius: must be > 0`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from bananajam.assets.themes import ROLES, parse_hex
from bananajam.errors import SpecError

Number = Annotated[float, Field(allow_inf_nan=False)]
Pair = tuple[Number, Number]


def _check_colour(value: str) -> str:
    if value in ROLES:
        return value
    try:
        parse_hex(value)
    except ValueError:
        raise ValueError(
            f"must be a theme role ({', '.join(ROLES)}) or a hex colour like '#a0c4ff'"
        ) from None
    return value


Colour = Annotated[
    str, AfterValidator(_check_colour), Field(description="A theme role or a hex colour.")
]


class _Layer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Variation(_Layer):
    jitter: Annotated[float, Field(ge=0)] = 0.0
    size_variance: Annotated[float, Field(ge=0, le=1)] = 0.0


class FillLayer(_Layer):
    type: Literal["fill"]
    color: Colour = "parchment"


class BackgroundNoiseLayer(_Layer):
    type: Literal["background_noise"]
    parchment: bool = True
    intensity: Annotated[float, Field(ge=0, le=1)] = 0.5


class NoiseLayer(_Layer):
    type: Literal["noise"]
    scale: Annotated[float, Field(gt=0, le=64)] = 1.0
    opacity: Annotated[int, Field(ge=0, le=255)] = 40


class RingLayer(_Layer):
    type: Literal["ring"]
    radius: Annotated[float, Field(gt=0)]
    thickness: Annotated[float, Field(gt=0)] = 4.0
    glow: bool = False
    center: Pair | None = None
    color: Colour = "accent"
    variation: Variation = Variation()


class SpiralLayer(_Layer):
    type: Literal["spiral"]
    turns: Annotated[float, Field(gt=0, le=50)] = 3.0
    thickness: Annotated[float, Field(gt=0)] = 4.0
    spacing: Annotated[float, Field(gt=0)] = 20.0
    center: Pair | None = None
    color: Colour = "glow"
    variation: Variation = Variation()


class SplatterLayer(_Layer):
    type: Literal["splatter"]
    count: Annotated[int, Field(ge=0, le=2000)] = 12
    max_radius: Annotated[float, Field(gt=0)] = 30.0
    area: Literal["full", "center"] = "full"
    color: Colour = "ink"


class StarfieldLayer(_Layer):
    type: Literal["starfield"]
    count: Annotated[int, Field(ge=0, le=20000)] = 200
    color: Colour = "glow"


class ShapeLayer(_Layer):
    type: Literal["shape"]
    shape: Literal["rect", "circle", "polygon"]
    rect: tuple[Number, Number, Number, Number] | None = None
    center: Pair | None = None
    radius: Annotated[float, Field(gt=0)] | None = None
    points: list[Pair] | None = None
    fill: Colour = "ink"
    variation: Variation = Variation()

    def geometry_error(self) -> tuple[str, str] | None:
        """The (field, message) of a missing or inconsistent geometry, if any."""
        if self.shape == "rect":
            if self.rect is None:
                return "rect", "is required for shape 'rect' ([x0, y0, x1, y1])"
            x0, y0, x1, y1 = self.rect
            if x1 <= x0 or y1 <= y0:
                return "rect", "must have x1 > x0 and y1 > y0"
        elif self.shape == "circle":
            if self.center is None:
                return "center", "is required for shape 'circle'"
            if self.radius is None:
                return "radius", "is required for shape 'circle'"
        elif self.points is None or len(self.points) < 3:
            return "points", "a polygon needs at least 3 points"
        return None


Layer = Annotated[
    FillLayer
    | BackgroundNoiseLayer
    | NoiseLayer
    | RingLayer
    | SpiralLayer
    | SplatterLayer
    | StarfieldLayer
    | ShapeLayer,
    Field(discriminator="type"),
]
LAYER_TYPES = (
    "fill",
    "background_noise",
    "noise",
    "ring",
    "spiral",
    "splatter",
    "starfield",
    "shape",
)


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,63}$")]
    category: Literal["backgrounds", "glyphs", "creatures", "ui"]
    width: Annotated[int, Field(ge=16, le=2048)]
    height: Annotated[int, Field(ge=16, le=2048)]
    description: str = ""
    tags: list[str] = []
    layers: Annotated[list[Layer], Field(min_length=1, max_length=64)]


_MESSAGES = {
    "greater_than": "must be > {gt}",
    "greater_than_equal": "must be >= {ge}",
    "less_than": "must be < {lt}",
    "less_than_equal": "must be <= {le}",
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "too_short": "needs at least {min_length} items",
    "too_long": "allows at most {max_length} items",
}


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in LAYER_TYPES and out.endswith("]"):
            continue  # the discriminator's branch name is noise in a field path
        else:
            out += f".{part}" if out else str(part)
    return out


def _message(err: dict[str, Any]) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "union_tag_invalid":
        return f"unknown layer type {ctx.get('tag')!r}; expected one of {', '.join(LAYER_TYPES)}"
    if kind == "union_tag_not_found":
        return "needs a 'type'"
    if kind in _MESSAGES:
        return _MESSAGES[kind].format(**ctx)
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def validate_spec(raw: dict[str, Any]) -> Spec:
    """Validate a normalised spec; raise SpecError listing every bad field."""
    try:
        spec = Spec.model_validate(raw)
    except ValidationError as exc:
        fields = [
            {"field": _field_path(tuple(e["loc"])), "message": _message(dict(e))}
            for e in exc.errors(include_url=False)
        ]
        raise SpecError(fields) from None
    for i, layer in enumerate(spec.layers):
        if isinstance(layer, ShapeLayer) and (problem := layer.geometry_error()):
            raise SpecError.single(f"layers[{i}].{problem[0]}", problem[1])
    return spec

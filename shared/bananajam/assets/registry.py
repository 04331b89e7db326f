"""The registry of asset types.

Built-in types register themselves with the `@asset(...)` decorator when their family module is
imported; spec types (JSON DSL) are added by the spec loader. Listing never renders anything.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import numpy as np
from PIL import Image

from bananajam.assets.canvas import Canvas
from bananajam.assets.params import AssetParams, NoParams
from bananajam.assets.seeding import Seeds
from bananajam.assets.themes import Palette
from bananajam.errors import FieldError, UnknownAssetError, close_matches

CATEGORIES = ("backgrounds", "glyphs", "creatures", "ui")
Category = Literal["backgrounds", "glyphs", "creatures", "ui"]
P = TypeVar("P", bound=AssetParams)

# The frontend's oldest short names.
ALIASES: dict[str, str] = {
    "parchment": "void_parchment",
    "enso": "ink_enso",
}


@dataclass(frozen=True)
class RenderContext(Generic[P]):
    """Everything a renderer may use: size, resolved params, palette and seeded generators."""

    name: str
    index: int
    width: int
    height: int
    params: P
    palette: Palette
    seeds: Seeds
    transparent: bool

    def rng(self, step: str) -> np.random.Generator:
        """An independent generator for one drawing step."""
        return self.seeds.rng(step)

    @property
    def unit(self) -> float:
        """The shorter side, the length everything is drawn in proportion to."""
        return float(min(self.width, self.height))

    def canvas(self) -> Canvas:
        """A fresh canvas: the theme's ground for backgrounds, transparent otherwise."""
        return Canvas(self.width, self.height, None if self.transparent else self.palette.parchment)


Renderer = Callable[[RenderContext[Any]], Canvas | Image.Image]


@dataclass(frozen=True)
class AssetType:
    """One entry of the catalogue."""

    name: str
    category: Category
    default_width: int
    default_height: int
    params_model: type[AssetParams]
    renderer: Renderer
    tags: tuple[str, ...] = ()
    transparent: bool = True
    source: Literal["builtin", "spec"] = "builtin"
    description: str = ""
    aliases: tuple[str, ...] = field(default=())

    def describe(self) -> dict[str, Any]:
        """The public description (the `GET /assets` entry), with the params' JSON schema."""
        return {
            "name": self.name,
            "category": self.category,
            "tags": list(self.tags),
            "default_width": self.default_width,
            "default_height": self.default_height,
            "transparent": self.transparent,
            "params": self.params_model.model_json_schema(),
            "source": self.source,
            "description": self.description,
            "aliases": list(self.aliases),
        }


BUILTINS: list[AssetType] = []


def asset(
    name: str,
    category: Category,
    size: tuple[int, int],
    params: type[AssetParams] = NoParams,
    tags: Iterable[str] = (),
    description: str = "",
) -> Callable[[Renderer], Renderer]:
    """Decorator registering a built-in renderer under `name`."""

    def wrap(fn: Renderer) -> Renderer:
        BUILTINS.append(
            AssetType(
                name=name,
                category=category,
                default_width=size[0],
                default_height=size[1],
                params_model=params,
                renderer=fn,
                tags=tuple(tags),
                transparent=category != "backgrounds",
                description=description or (fn.__doc__ or "").strip().split("\n")[0],
            )
        )
        return fn

    return wrap


class Registry:
    """A name → type map with aliases and close-match suggestions."""

    def __init__(self, types: Iterable[AssetType] = ()) -> None:
        self._types: dict[str, AssetType] = {}
        self._lock = threading.Lock()
        for t in types:
            self.add(t)

    def add(self, t: AssetType) -> None:
        with self._lock:
            if t.name in self._types or t.name in ALIASES:
                raise FieldError.single("name", f"asset type '{t.name}' is already registered")
            aliases = tuple(a for a, target in ALIASES.items() if target == t.name)
            self._types[t.name] = AssetType(**{**t.__dict__, "aliases": aliases})

    def resolve_name(self, name: str) -> str:
        return ALIASES.get(name, name)

    def get(self, name: str) -> AssetType:
        key = self.resolve_name(name)
        try:
            return self._types[key]
        except KeyError:
            raise UnknownAssetError(name, close_matches(name, self.names(True))) from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve_name(name) in self._types

    def __iter__(self) -> Iterator[AssetType]:
        return iter(sorted(self._types.values(), key=lambda t: (t.category, t.name)))

    def __len__(self) -> int:
        return len(self._types)

    def names(self, with_aliases: bool = False) -> list[str]:
        names = sorted(self._types)
        if with_aliases:
            names += [a for a, target in ALIASES.items() if target in self._types]
        return names

    def search(
        self, category: str | None = None, tag: str | None = None, q: str | None = None
    ) -> list[AssetType]:
        """Filter by category, tag and free text (name, tags, description)."""
        out = []
        for t in self:
            if category and t.category != category:
                continue
            if tag and tag not in t.tags:
                continue
            if q:
                hay = " ".join((t.name, t.description, *t.tags, *t.aliases)).lower()
                if q.lower() not in hay:
                    continue
            out.append(t)
        return out

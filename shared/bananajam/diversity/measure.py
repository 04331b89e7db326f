"""Rendering samples at feature size and measuring them (engine + diversity maths; no AWS).

A type's kernel width and typical distance come from a fixed calibration sample (48 indices of
the random strategy in the first theme), so they are constants of (type, engine version): scores
of one type compare over time, and the near-duplicate threshold is the type's own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bananajam.assets import call_asset, default_registry, theme_names
from bananajam.diversity import features, neardup, scores

FEATURE_SIDE = 64
CALIBRATION_SIZE = 48


@dataclass(frozen=True)
class Calibration:
    sigma: float
    typical: float
    render_ms: float = 0.0  # mean feature-size render time here (cost estimates only)


@dataclass(frozen=True)
class Measurement:
    """Scores of one sample of a type."""

    vendi: float
    vendi_per_item: float
    min_distance: float
    near_duplicates: int
    sample_size: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "vendi": round(self.vendi, 4),
            "vendi_per_item": round(self.vendi_per_item, 4),
            "min_distance": round(self.min_distance, 4),
            "near_duplicates": self.near_duplicates,
            "sample_size": self.sample_size,
        }


def feature_size(asset: str) -> tuple[int, int]:
    """The small render size for features: the type's aspect, longest side FEATURE_SIDE."""
    t = default_registry().get(asset)
    w, h = t.default_width, t.default_height
    k = FEATURE_SIDE / max(w, h)
    return max(16, round(w * k)), max(16, round(h * k))


def sample_features(
    asset: str, indices: list[int], theme: str | None, strategy: str
) -> features.Features:
    w, h = feature_size(asset)
    imgs = [
        call_asset(asset, i, theme, width=w, height=h, strategy=strategy).image for i in indices
    ]
    return features.extract(imgs)


def pair_features(
    asset: str, pairs: list[tuple[int, str | None]], strategy: str
) -> features.Features:
    """Features of given (index, theme) pairs of one type, rendered at feature size."""
    w, h = feature_size(asset)
    imgs = [
        call_asset(asset, i, theme, width=w, height=h, strategy=strategy).image
        for i, theme in pairs
    ]
    return features.extract(imgs)


CalibrationLoad = Callable[[str], Calibration | None]
CalibrationSave = Callable[[str, Calibration], None]
_memo: dict[str, Calibration] = {}
_memo_lock = threading.Lock()
_store: tuple[CalibrationLoad, CalibrationSave] | None = None


def use_store(load: CalibrationLoad | None, save: CalibrationSave | None) -> None:
    """Keep calibrations somewhere durable (the service passes table-backed functions).

    A fresh process (a Lambda cold start) then reads a type's calibration instead of rendering
    48 samples (~1 s). The figures are a pure function of (type, engine version), so a stored
    one is exactly what a new computation would give, apart from the render-time estimate.
    """
    global _store
    with _memo_lock:
        _store = (load, save) if load and save else None
        _memo.clear()


def calibration(asset: str) -> Calibration:
    """The type's calibration: from memory, else the store, else computed (and stored)."""
    found = _memo.get(asset)
    if found is not None:
        return found
    store = _store
    if store is not None:
        found = store[0](asset)
    if found is None:
        found = _compute_calibration(asset)
        if store is not None:
            store[1](asset, found)
    with _memo_lock:
        _memo[asset] = found
    return found


def _compute_calibration(asset: str) -> Calibration:
    t0 = time.perf_counter()
    f = sample_features(asset, list(range(CALIBRATION_SIZE)), theme_names()[0], "random")
    render_ms = (time.perf_counter() - t0) * 1000.0 / CALIBRATION_SIZE
    d2 = scores.sq_distances(f)
    return Calibration(
        scores.default_sigma(d2), neardup.typical_distance(np.sqrt(d2)), round(render_ms, 3)
    )


def measure(f: features.Features, cal: Calibration) -> Measurement:
    d2 = scores.sq_distances(f)
    d = np.sqrt(d2)
    v = scores.vendi(scores.rbf_kernel(d2, cal.sigma))
    dups = neardup.find(f, d, typical=cal.typical)
    n = len(f)
    return Measurement(v, v / n if n else 0.0, scores.min_pairwise(d), len(dups), n)

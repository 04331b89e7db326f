"""Diverse batches: draw a candidate pool, pick the most different members, render them.

Candidates (`count × pool_factor` indices, spread over the requested types) are rendered at
feature size only. Greedy farthest-point selection (exact descriptor distances) and greedy DPP
MAP selection (the type's RBF kernel) each pick `count`; the pick with the higher Vendi is then
refined by a bounded swap search that only accepts strict Vendi gains. Every step refuses pairs
within the near-duplicate rule (the pool grows, up to the configured maximum, when too few
distinct candidates remain). Only the
chosen ones are rendered at full size, through the same read-through cache as `POST /generate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bananajam.assets import default_registry, get_theme
from bananajam.diversity import features, measure, neardup, scores, selection
from bananajam.errors import FieldError
from bananajam.services.asset_service import AssetService, GenerateCommand
from bananajam.services.cache_keys import StrategySource
from bananajam.services.diversity_service import DiversityService

BASELINE_TRIALS = 16
REFINE_PASSES = 2


@dataclass(frozen=True)
class DiverseBatch:
    items: list[dict[str, Any]]
    diversity: dict[str, Any]


def _pool(types: list[str], size: int) -> list[tuple[str, int]]:
    """`size` candidates, round-robin over types, consecutive indices per type."""
    return [(types[k % len(types)], k // len(types)) for k in range(size)]


def _features(
    pool: list[tuple[str, int]], theme: str | None, strategies: StrategySource
) -> features.Features:
    parts = [
        measure.sample_features(name, [i], theme, strategies.active(name).name) for name, i in pool
    ]
    return features.Features(
        np.concatenate([p.vectors for p in parts]),
        np.concatenate([p.dhashes for p in parts]),
        tuple(d for p in parts for d in p.digests),
    )


@dataclass(frozen=True)
class Selection:
    """The candidate pool, the chosen positions in it, and the diversity block."""

    pool: list[tuple[str, int]]
    chosen: list[int]
    block: dict[str, Any]


def select(
    strategies: StrategySource,
    names: list[str],
    count: int,
    theme: str | None,
    pool_factor: int,
    max_pool: int,
) -> Selection:
    """Render `count × pool_factor` candidates at feature size and pick `count` of them."""
    pool_size = count * pool_factor
    if pool_size > max_pool:
        raise FieldError.single("pool_factor", f"count × pool_factor must be at most {max_pool}")
    cals = [measure.calibration(n) for n in names]
    sigma = float(np.mean([c.sigma for c in cals]))
    tau = neardup.TAU_FRACTION * min(c.typical for c in cals)
    while True:
        pool = _pool(names, pool_size)
        f = _features(pool, theme, strategies)
        d2 = scores.sq_distances(f)
        d = np.sqrt(d2)
        kernel = scores.rbf_kernel(d2, sigma)
        allowed = (d >= tau) & (neardup.hamming_matrix(f.dhashes) > neardup.DHASH_BITS)
        chosen = _choose(kernel, d, allowed, count, tau)
        if len(chosen) >= count or pool_size >= max_pool:
            break
        pool_size = min(max_pool, pool_size * 2)
    sub = np.ix_(chosen, chosen)
    vendi = scores.vendi(kernel[sub])
    baseline = float(
        np.mean(
            [
                scores.vendi(kernel[np.ix_(s, s)])
                for s in selection.random_subsets(
                    len(pool), len(chosen), BASELINE_TRIALS, seed=len(pool)
                )
            ]
        )
    )
    sel = features.Features(
        f.vectors[chosen], f.dhashes[chosen], tuple(f.digests[i] for i in chosen)
    )
    dups = neardup.find(sel, d[sub], typical=min(c.typical for c in cals))
    block = {
        "vendi": round(vendi, 4),
        "random_baseline_vendi": round(baseline, 4),
        "gain": round(vendi / baseline, 4) if baseline else 1.0,
        "min_distance": round(scores.min_pairwise(d[sub]), 4),
        "near_duplicates": len(dups),
        "pool_size": len(pool),
        "count": len(chosen),
    }
    return Selection(pool, chosen, block)


def diverse_batch(
    assets: AssetService,
    strategies: StrategySource,
    recorder: DiversityService | None,
    types: list[str],
    count: int,
    theme: str | None,
    pool_factor: int,
    max_pool: int,
    presign: Any,
    size: tuple[int, int] | None = None,
) -> DiverseBatch:
    """Choose and render `count` maximally different variants of `types`.

    `size` (width, height) overrides each type's default output size (the benchmark's 512 px).
    """
    reg = default_registry()
    names = [reg.get(t).name for t in types]
    if theme is not None:
        get_theme(theme)
    picked = select(strategies, names, count, theme, pool_factor, max_pool)
    w, h = size if size else (None, None)
    items = []
    for i in picked.chosen:
        name, index = picked.pool[i]
        g = assets.generate(GenerateCommand(name, index, theme, width=w, height=h), want_body=False)
        items.append(
            {
                "asset": g.asset,
                "index": g.index,
                "theme": g.theme,
                "params": g.params,
                "key": g.key,
                "url": presign(g.key),
                "width": g.width,
                "height": g.height,
            }
        )
    block = picked.block
    if recorder is not None and len(names) == 1:
        recorder.record_measurement(
            names[0], {**block, "sample_size": len(picked.chosen)}, "diverse_batch"
        )
    return DiverseBatch(items, block)


def _choose(
    kernel: np.ndarray, d: np.ndarray, allowed: np.ndarray, count: int, tau: float
) -> list[int]:
    """The higher-Vendi of farthest-point and greedy DPP picks, then refined by swaps.

    Every step refuses near-duplicate pairs, so the result has none; it may be shorter than
    `count` when the pool has too few distinct candidates.
    """
    starts = [selection.farthest_point(d, count, forbid_below=tau)]
    starts.append(selection.greedy_dpp(kernel, count))
    picks = []
    for chosen in starts:
        kept: list[int] = []
        for i in chosen:
            if all(allowed[i, j] for j in kept):
                kept.append(i)
        picks.append(kept)
    # Longest first (count matters most), then the higher Vendi; ties keep farthest-point.
    best = max(picks, key=lambda c: (len(c), scores.vendi(kernel[np.ix_(c, c)])))
    return selection.refine_swaps(kernel, best, allowed, passes=REFINE_PASSES)

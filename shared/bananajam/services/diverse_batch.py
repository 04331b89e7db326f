"""Diverse batches: draw a candidate pool, pick the most different members, render them.

Candidates (`count × pool_factor` indices, spread over the requested types) are rendered at
feature size only. Greedy farthest-point selection on exact descriptor distances picks `count`
of them, refusing any candidate within the near-duplicate threshold of one already picked (the
pool grows, up to the configured maximum, when too few distinct candidates remain). Only the
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
) -> DiverseBatch:
    """Choose and render `count` maximally different variants of `types`."""
    reg = default_registry()
    names = [reg.get(t).name for t in types]
    if theme is not None:
        get_theme(theme)
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
        chosen = selection.farthest_point(d, count, forbid_below=tau)
        chosen = [i for i in chosen if not _dhash_clash(f, i, chosen)]
        if len(chosen) >= count or pool_size >= max_pool:
            break
        pool_size = min(max_pool, pool_size * 2)
    kernel = scores.rbf_kernel(d2, sigma)
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
    items = []
    for i in chosen:
        name, index = pool[i]
        g = assets.generate(GenerateCommand(name, index, theme), want_body=False)
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
    block = {
        "vendi": round(vendi, 4),
        "random_baseline_vendi": round(baseline, 4),
        "gain": round(vendi / baseline, 4) if baseline else 1.0,
        "min_distance": round(scores.min_pairwise(d[sub]), 4),
        "near_duplicates": len(dups),
        "pool_size": len(pool),
        "count": len(chosen),
    }
    if recorder is not None and len(names) == 1:
        recorder.record_measurement(
            names[0], {**block, "sample_size": len(chosen)}, "diverse_batch"
        )
    return DiverseBatch(items, block)


def _dhash_clash(f: features.Features, i: int, chosen: list[int]) -> bool:
    """True when `i` is within the dHash rule of an earlier chosen candidate."""
    pos = chosen.index(i)
    for j in chosen[:pos]:
        if int(np.bitwise_count(f.dhashes[i] ^ f.dhashes[j]).sum()) <= neardup.DHASH_BITS:
            return True
    return False

"""Diversity benchmark (`make bench`): quality per type and over the catalogue, optimize, speed.

1. Diverse batches, count=16, pool_factor=4, default strategy and theme, for every type:
   vendi, random-subset baseline, gain (target: mean >= 1.15x) and near-duplicates (target: 0).
2. Optimize on a few types, run twice (sample 32): the chosen Vendi never falls below the previous.
3. Speed: a 16-item diverse batch at 512 px, cold S3 cache (moto in process), with the type's
   calibration cold and warm (target < 2 s); features + selection for 256 candidates
   (target < 1.5 s), shown with and without the feature-size renders.
Usage: python bench/diversity.py [--names a b ...] [--optimize-types N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

import numpy as np

from bananajam.assets import call_asset, default_registry
from bananajam.diversity import features, measure, scores, selection
from bananajam.services.cache_keys import DefaultStrategySource
from bananajam.services.diverse_batch import select
from bananajam.services.diversity_service import DiversityService
from bananajam.services.strategy_store import TableStrategySource


class DictTable:
    """Just enough of `KeyValueTable` for DiversityService (get/put)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], dict[str, Any]] = {}

    def get(self, pk: str, sk: str) -> dict[str, Any] | None:
        return self.items.get((pk, sk))

    def put(self, item: dict[str, Any], **_: Any) -> bool:
        self.items[(item["PK"], item["SK"])] = item
        return True


def quality(names: list[str]) -> None:
    print("diverse batch count=16 pool_factor=4 (feature size; strategy lattice)")
    print(f"{'type':26s} {'vendi':>7s} {'random':>7s} {'gain':>6s} {'min_d':>6s} {'dups':>4s}")
    gains, dups = [], 0
    source = DefaultStrategySource()
    for n in names:
        b = select(source, [n], 16, None, 4, 512).block
        gains.append(b["gain"])
        dups += b["near_duplicates"]
        print(
            f"{n:26s} {b['vendi']:7.3f} {b['random_baseline_vendi']:7.3f} {b['gain']:6.3f} "
            f"{b['min_distance']:6.3f} {b['near_duplicates']:4d}"
        )
    print(
        f"MEAN over {len(names)} types: gain {statistics.mean(gains):.3f}x (target >= 1.15), "
        f"min gain {min(gains):.3f}, near-duplicates total {dups} (target 0)"
    )


def optimize(names: list[str]) -> None:
    print("\noptimize twice (sample 32, all strategies): chosen Vendi vs previous")
    worse = 0
    for n in names:
        table = DictTable()
        svc = DiversityService(table, TableStrategySource(table))  # type: ignore[arg-type]
        before = svc.active_strategy(n)
        r1 = svc.optimize(n, 32)
        r2 = svc.optimize(n, 32)
        v1 = {row["strategy"]: row["vendi"] for row in r1.table}
        v2 = {row["strategy"]: row["vendi"] for row in r2.table}
        bad = v1[r1.chosen] < r1.previous_vendi or v2[r2.chosen] < r2.previous_vendi
        worse += bad
        print(
            f"{n:26s} {before}={r1.previous_vendi:.3f} -> {r1.chosen}={v1[r1.chosen]:.3f} "
            f"(gain {r1.gain:.3f}); rerun keeps {r2.chosen}={v2[r2.chosen]:.3f}"
            + ("  WORSE" if bad else "")
        )
    print(f"optimize runs that chose a worse strategy: {worse} (target 0)")


def speed(name: str) -> None:
    import boto3
    from moto import mock_aws

    from bananajam.config import get_settings, reset_settings
    from bananajam.local.resources import create_from_template
    from bananajam.services import wiring
    from bananajam.services.diverse_batch import diverse_batch

    os.environ.update(
        AWS_ACCESS_KEY_ID="x", AWS_SECRET_ACCESS_KEY="x", AWS_DEFAULT_REGION="us-east-1"
    )
    print(f"\nspeed ({name}, 512 px outputs, cold S3 cache, moto in process)")
    with mock_aws():
        reset_settings()
        wiring.reset()
        clients = {s: boto3.client(s, region_name="us-east-1") for s in ("dynamodb", "s3", "sqs")}
        create_from_template(get_settings(), clients)
        svc = wiring.asset_service()
        for label in ("calibration cold", "calibration warm"):
            if label.endswith("cold"):
                measure.calibration.cache_clear()
            theme = None if label.endswith("cold") else "astral_blue"  # new keys: cold S3 cache
            t0 = time.perf_counter()
            out = diverse_batch(
                svc, wiring.strategy_source(), wiring.diversity_service(), [name], 16, theme,
                4, 512, svc.url, size=(512, 512),
            )  # fmt: skip
            ms = (time.perf_counter() - t0) * 1000
            print(
                f"16-item diverse batch, {label}: {ms:7.0f} ms (target < 2000), "
                f"gain {out.diversity['gain']:.3f}"
            )
    w, h = measure.feature_size(name)
    t0 = time.perf_counter()
    imgs = [call_asset(name, i, None, width=w, height=h).image for i in range(256)]
    t1 = time.perf_counter()
    f = features.extract(imgs)
    d = np.sqrt(scores.sq_distances(f))
    chosen = selection.farthest_point(d, 16)
    t2 = time.perf_counter()
    assert len(chosen) == 16
    print(
        f"256 candidates: features + selection {1000 * (t2 - t1):6.0f} ms (target < 1500); "
        f"with their feature-size renders {1000 * (t2 - t0):6.0f} ms"
    )


def sheet(name: str, out_dir: str) -> None:
    """docs/diversity/<name>_{diverse,random}.png: 4×4 contact sheets of one candidate pool."""
    from pathlib import Path

    from PIL import Image, ImageDraw

    source = DefaultStrategySource()
    picked = select(source, [name], 16, None, 4, 512)
    pool_n = len(picked.pool)
    rand = selection.random_subsets(pool_n, 16, 1, seed=pool_n)[0]
    cal = measure.calibration(name)
    f = features.extract(
        [call_asset(name, i, None, width=64, height=64).image for _, i in picked.pool]
    )
    kernel = scores.rbf_kernel(scores.sq_distances(f), cal.sigma)
    tile, pad = 128, 4
    for label, chosen in (("diverse", picked.chosen), ("random", rand)):
        v = scores.vendi(kernel[np.ix_(chosen, chosen)])
        img = Image.new("RGB", (4 * (tile + pad) + pad, 4 * (tile + pad) + pad + 22), (24, 24, 28))
        for k, pos in enumerate(chosen):
            index = picked.pool[pos][1]
            a = call_asset(name, index, None, width=tile, height=tile).image.convert("RGBA")
            bg = Image.new("RGBA", a.size, (48, 48, 56, 255))
            x, y = pad + (k % 4) * (tile + pad), pad + (k // 4) * (tile + pad)
            img.paste(Image.alpha_composite(bg, a).convert("RGB"), (x, y))
        ImageDraw.Draw(img).text(
            (pad, img.height - 18), f"{name} {label} 16 of {pool_n}: Vendi {v:.2f}", fill="white"
        )
        path = Path(out_dir) / f"{name}_{label}.png"
        img.save(path, optimize=True)
        print(f"wrote {path} (Vendi {v:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", nargs="*")
    ap.add_argument("--optimize-types", type=int, default=6)
    ap.add_argument("--speed-type", default="void_lotus")
    ap.add_argument("--sheet", metavar="TYPE", help="only write docs/diversity contact sheets")
    a = ap.parse_args()
    if a.sheet:
        return sheet(a.sheet, "docs/diversity")
    names = a.names or default_registry().names()
    quality(names)
    optimize(names[: a.optimize_types])
    speed(a.speed_type)


if __name__ == "__main__":
    main()

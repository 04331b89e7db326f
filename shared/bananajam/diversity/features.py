"""Image descriptors for diversity: deterministic, ~1 ms per image from a small rendering.

Descriptor v1 (1,216 values, each block L2-normalised then weighted, quantised to int8):
- layout: a 16×16 thumbnail, RGB composited on 50 % grey plus alpha (1,024)
- colour: an alpha-weighted 4×4×4 histogram in OKLab, square-rooted (Hellinger) (64)
- structure: luma gradient orientations, 4×4 cells × 8 bins, magnitude-weighted (128)
Quantising to int8 makes every later dot product an exact integer, so distances, and with them
selection decisions, are identical on any CPU.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

DESCRIPTOR_VERSION = 1
THUMB = 64
WEIGHTS = {"layout": 1.0, "colour": 1.0, "structure": 0.7}


@dataclass(frozen=True)
class Features:
    """Descriptors of n images: int8 vectors, 64-bit dHashes and exact pixel digests."""

    vectors: np.ndarray  # (n, d) int8
    dhashes: np.ndarray  # (n, 4) uint64: 256-bit dHashes
    digests: tuple[bytes, ...]

    def __len__(self) -> int:
        return len(self.digests)


def _thumbnail(img: Image.Image) -> tuple[np.ndarray, np.ndarray]:
    """(rgb on 50 % grey, alpha), both float32 in 0..1 at THUMB×THUMB."""
    rgba = img.convert("RGBA")
    if rgba.size != (THUMB, THUMB):
        rgba = rgba.resize((THUMB, THUMB), Image.Resampling.BOX)  # premultiplied in Pillow
    arr = np.asarray(rgba, dtype=np.float32) / 255.0
    alpha = arr[..., 3]
    rgb = arr[..., :3] * alpha[..., None] + 0.5 * (1.0 - alpha[..., None])
    return rgb, alpha


def _oklab(rgb: np.ndarray) -> np.ndarray:
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    m1 = np.array(
        [
            [0.4122214708, 0.5363325363, 0.0514459929],
            [0.2119034982, 0.6806995451, 0.1073969566],
            [0.0883024619, 0.2817188376, 0.6299787005],
        ],
        np.float32,
    )
    m2 = np.array(
        [
            [0.2104542553, 0.7936177850, -0.0040720468],
            [1.9779984951, -2.4285922050, 0.4505937099],
            [0.0259040371, 0.7827717662, -0.8086757660],
        ],
        np.float32,
    )
    lms = np.cbrt(lin @ m1.T)
    return lms @ m2.T


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def _layout(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    small = np.concatenate([rgb, alpha[..., None]], axis=2).reshape(16, 4, 16, 4, 4).mean((1, 3))
    return _unit((small - 0.5).ravel())


def _colour(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    lab = _oklab(rgb).reshape(-1, 3)
    w = np.maximum(alpha.ravel(), 1e-3)
    li = np.clip((lab[:, 0] * 4).astype(int), 0, 3)
    ai = np.clip(((lab[:, 1] + 0.2) / 0.4 * 4).astype(int), 0, 3)
    bi = np.clip(((lab[:, 2] + 0.2) / 0.4 * 4).astype(int), 0, 3)
    hist = np.bincount(li * 16 + ai * 4 + bi, weights=w, minlength=64)
    return _unit(np.sqrt(hist / hist.sum()))


def _structure(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    luma = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    gy, gx = np.gradient(luma)
    mag = np.hypot(gx, gy)
    ang = (np.arctan2(gy, gx) % np.pi) / np.pi * 8  # orientation, not direction
    bins = np.clip(ang.astype(int), 0, 7)
    cell = np.arange(THUMB) // (THUMB // 4)
    idx = (cell[:, None] * 4 + cell[None, :]) * 8 + bins
    hist = np.bincount(idx.ravel(), weights=mag.ravel(), minlength=128)
    return _unit(hist)


DHASH_SIDE = 16  # 16×16 = 256 bits, kept as four uint64 words


def dhash(rgb: np.ndarray) -> np.ndarray:
    """256-bit difference hash of luma on grey (17×16 box-downsampled), as four uint64 words.

    The common 64-bit (9×8) hash is too coarse for centred, glowing subjects: distinct variants
    of one type often share all 64 bits, so the finer grid is used.
    """
    luma = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    img = Image.fromarray((luma * 255).astype(np.uint8), "L").resize(
        (DHASH_SIDE + 1, DHASH_SIDE), Image.Resampling.BOX
    )
    g = np.asarray(img, dtype=np.int16)
    bits = (g[:, 1:] > g[:, :-1]).ravel()
    return np.packbits(bits).view(">u8").astype(np.uint64)


def describe(img: Image.Image) -> tuple[np.ndarray, np.ndarray, bytes]:
    """(int8 descriptor, dHash, pixel digest) of one image."""
    import hashlib

    rgb, alpha = _thumbnail(img)
    vec = np.concatenate(
        [
            _layout(rgb, alpha) * WEIGHTS["layout"],
            _colour(rgb, alpha) * WEIGHTS["colour"],
            _structure(rgb, alpha) * WEIGHTS["structure"],
        ]
    )
    q = np.clip(np.round(vec * 127), -127, 127).astype(np.int8)
    digest = hashlib.blake2b(img.tobytes(), digest_size=16).digest()
    return q, dhash(rgb), digest


def extract(images: list[Image.Image]) -> Features:
    """Descriptors of a list of images."""
    vecs, hashes, digests = [], [], []
    for img in images:
        v, h, d = describe(img)
        vecs.append(v)
        hashes.append(h)
        digests.append(d)
    vectors = np.stack(vecs) if vecs else np.zeros((0, 1216), np.int8)
    hashes_arr = np.stack(hashes) if hashes else np.zeros((0, 4), np.uint64)
    return Features(vectors, hashes_arr, tuple(digests))

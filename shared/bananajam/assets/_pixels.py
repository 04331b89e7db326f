"""Pixel plumbing for `Canvas`: premultiplied relabelling, bounding boxes, region boxes."""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageChops

from bananajam.assets._parallel import pair


def relabel(img: Image.Image, mode: str) -> Image.Image:
    """Reinterpret the same bytes under another 4-channel mode (no conversion)."""
    return Image.frombytes(mode, img.size, img.tobytes())  # two copies; split+merge made eight


def as_premul(img: Image.Image) -> Image.Image:
    return relabel(img, "RGBa")


def affected(src: Image.Image, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The pixel box of a canvas of `size` that `src` (resampled to `size`) can change."""
    bbox = src.getbbox(alpha_only=False)
    if bbox is None:
        return None
    if src.size == size:
        return bbox
    fx, fy = size[0] / src.width, size[1] / src.height
    # Bilinear resampling reaches one source pixel (or one output pixel when shrinking) further.
    px, py = max(1.0, 1.0 / fx) + 1, max(1.0, 1.0 / fy) + 1
    x0, y0 = max(0, int((bbox[0] - px) * fx)), max(0, int((bbox[1] - py) * fy))
    x1 = min(size[0], int((bbox[2] + px) * fx) + 1)
    y1 = min(size[1], int((bbox[3] + py) * fy) + 1)
    return x0, y0, x1, y1


SPLIT_PIXELS = 250_000  # outputs this large are resampled as two halves at once


def resize(
    img: Image.Image,
    size: tuple[int, int],
    resample: Image.Resampling = Image.Resampling.BILINEAR,
    box: tuple[float, float, float, float] | None = None,
) -> Image.Image:
    """`img.resize`, made as a top and a bottom half at once when the output is large.

    Pillow releases the GIL while it resamples, and each output row depends only on the source
    rows around its centre, so the halves (each resampling its share of `box`) join into the
    same picture (to a rounding step) in about half the time on two cores.
    """
    w, h = size
    x0, y0, x1, y1 = box if box is not None else (0.0, 0.0, float(img.width), float(img.height))
    if w * h < SPLIT_PIXELS or h < 2:
        return img.resize(size, resample, box=(x0, y0, x1, y1))
    k = h // 2
    ym = y0 + (y1 - y0) * k / h
    top, bottom = pair(
        lambda: img.resize((w, k), resample, box=(x0, y0, x1, ym)),
        lambda: img.resize((w, h - k), resample, box=(x0, ym, x1, y1)),
    )
    out = Image.new(img.mode, size)
    out.paste(top, (0, 0))
    out.paste(bottom, (0, k))
    return out


SOFT_MIN_PIXELS = 40_000  # below this a plain bilinear resize is cheap enough
SOFT_MIN_FACTOR = 4.0  # source pixels at least this far apart: the picture is soft at 2 px


def soft_halves(size: tuple[int, int], enlarge: float) -> bool:
    """Whether a soft picture enlarged `enlarge` times to `size` is made at half size and
    doubled (the rule of `soft_upscale`, for callers that do the two steps themselves)."""
    return size[0] * size[1] >= SOFT_MIN_PIXELS and enlarge >= SOFT_MIN_FACTOR


def soft_upscale(
    img: Image.Image,
    size: tuple[int, int],
    box: tuple[float, float, float, float] | None = None,
) -> Image.Image:
    """Bilinear upscaling of soft (blurred, low-resolution) pixels, made cheap.

    RGBA input is taken as premultiplied (see `as_premul`); RGB is resized as it is.

    Bilinear resampling costs per output pixel. When the source is enlarged at least
    `SOFT_MIN_FACTOR` times, it is interpolated to half the size and each pixel then doubled
    (NEAREST is a copy): neighbouring output pixels of such a soft picture differ by a level
    or two, so the 2 px steps cannot be seen, and the resize does a quarter of the work.
    """
    w, h = size
    x0, y0, x1, y1 = box if box is not None else (0.0, 0.0, float(img.width), float(img.height))
    enlarge = min(w / max(x1 - x0, 1e-9), h / max(y1 - y0, 1e-9))
    src = as_premul(img) if img.mode == "RGBA" else img
    if not soft_halves(size, enlarge):
        return resize(src, size, box=(x0, y0, x1, y1))
    half = resize(src, ((w + 1) // 2, (h + 1) // 2), box=(x0, y0, x1, y1))
    return half.resize(size, Image.Resampling.NEAREST)


def scale_all(img: Image.Image, factor: float) -> Image.Image:
    """Multiply every premultiplied channel (colour and alpha) by `factor`."""
    return img.point(_scale_lut(factor))


@lru_cache(maxsize=256)
def _scale_lut(factor: float) -> list[int]:
    # a glow's few opacities repeat: building the table in Python costs more than applying it
    return [min(255, round(v * factor)) for v in range(256)] * 4


def blend(dst: Image.Image, src: Image.Image, mode: str) -> Image.Image:
    """Premultiplied `src` blended onto `dst` (same size) with over/add/screen/multiply."""
    if mode == "over":
        inv = ImageChops.invert(src.getchannel(3))
        return ImageChops.add(ImageChops.multiply(dst, Image.merge("RGBA", (inv,) * 4)), src)
    if mode == "add":
        return ImageChops.add(dst, src)
    if mode == "screen":
        return ImageChops.screen(dst, src)
    return ImageChops.multiply(dst, src)


def padded(
    bbox: tuple[int, int, int, int], pad: int, size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """`bbox` grown by `pad` pixels on every side, clipped to an image of `size`."""
    x0, y0, x1, y1 = bbox
    return max(0, x0 - pad), max(0, y0 - pad), min(size[0], x1 + pad), min(size[1], y1 + pad)

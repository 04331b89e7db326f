"""An antialiased drawing surface built on aggdraw (AGG) and Pillow.

The pixels are kept premultiplied by alpha while drawing. AGG's RGBA blender computes exactly the
premultiplied "over" operator, so shapes stack correctly on transparent ground with no dark fringes;
blurring and resampling premultiplied data is also correct. `to_image()` converts back to straight
alpha once, at the end.

Coordinates are in the canvas's own pixels. A canvas made with `scale` < 1 (see `reduced`) draws
the same full-size coordinates at lower resolution: glows and soft light are drawn small, blurred
cheaply and scaled up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import aggdraw
import numpy as np
from PIL import Image, ImageChops, ImageFilter

from bananajam.assets.themes import RGB

Point = tuple[float, float]
BlendMode = str  # "over" | "add" | "screen" | "multiply"


def _alpha(opacity: float) -> int:
    return max(0, min(255, round(opacity * 255)))


class Canvas:
    """A premultiplied RGBA surface with antialiased shape drawing."""

    def __init__(
        self,
        width: int,
        height: int,
        background: RGB | None = None,
        scale: float = 1.0,
    ) -> None:
        self.width = width  # logical (full-size) width
        self.height = height
        self.scale = scale
        pw, ph = max(1, round(width * scale)), max(1, round(height * scale))
        fill = (*background, 255) if background is not None else (0, 0, 0, 0)
        self.img = Image.new("RGBA", (pw, ph), fill)
        self._draw: aggdraw.Draw | None = None

    # -- housekeeping -------------------------------------------------------------------------
    @property
    def unit(self) -> float:
        """The shorter side in logical pixels: a handy length unit for proportional drawing."""
        return float(min(self.width, self.height))

    @property
    def draw(self) -> aggdraw.Draw:
        if self._draw is None:
            self._draw = aggdraw.Draw(self.img)
            self._draw.setantialias(True)
        return self._draw

    def flush(self) -> None:
        if self._draw is not None:
            self._draw.flush()
            self._draw = None

    def blank(self) -> Canvas:
        """A transparent canvas of the same logical size and scale."""
        return Canvas(self.width, self.height, scale=self.scale)

    def reduced(self, factor: int) -> Canvas:
        """A transparent canvas drawing the same coordinates at 1/factor resolution."""
        return Canvas(self.width, self.height, scale=self.scale / factor)

    def _xy(self, pts: Sequence[Point]) -> list[float]:
        flat: list[float] = (np.asarray(pts, dtype=float).reshape(-1) * self.scale).tolist()
        return flat

    def _pen(self, color: RGB | None, width: float, opacity: float) -> aggdraw.Pen | None:
        if color is None:
            return None
        return aggdraw.Pen(tuple(color), max(0.3, width * self.scale), _alpha(opacity))

    @staticmethod
    def _brush(color: RGB | None, opacity: float) -> aggdraw.Brush | None:
        if color is None:
            return None
        return aggdraw.Brush(tuple(color), _alpha(opacity))

    # -- shapes -------------------------------------------------------------------------------
    def ellipse(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        fill: RGB | None = None,
        outline: RGB | None = None,
        width: float = 1.0,
        opacity: float = 1.0,
    ) -> None:
        s = self.scale
        box = ((cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s)
        args = [a for a in (self._pen(outline, width, opacity), self._brush(fill, opacity)) if a]
        self.draw.ellipse(box, *args)

    def circle(self, cx: float, cy: float, r: float, **kw: object) -> None:
        self.ellipse(cx, cy, r, r, **kw)  # type: ignore[arg-type]

    def polygon(
        self,
        points: Sequence[Point],
        fill: RGB | None = None,
        outline: RGB | None = None,
        width: float = 1.0,
        opacity: float = 1.0,
    ) -> None:
        if len(points) < 3:
            return
        args = [a for a in (self._pen(outline, width, opacity), self._brush(fill, opacity)) if a]
        self.draw.polygon(self._xy(points), *args)

    def rect(self, x0: float, y0: float, x1: float, y1: float, **kw: object) -> None:
        self.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], **kw)  # type: ignore[arg-type]

    def line(
        self, points: Sequence[Point], color: RGB, width: float = 1.0, opacity: float = 1.0
    ) -> None:
        """An open polyline of constant width (round joins come from AGG's pen)."""
        if len(points) < 2:
            return
        self.draw.line(self._xy(points), self._pen(color, width, opacity))

    def path(
        self,
        path: aggdraw.Path,
        fill: RGB | None = None,
        outline: RGB | None = None,
        width: float = 1.0,
        opacity: float = 1.0,
    ) -> None:
        """Draw an aggdraw.Path built in canvas pixels (see `bananajam.assets.draw`)."""
        args = [a for a in (self._pen(outline, width, opacity), self._brush(fill, opacity)) if a]
        self.draw.path(path, *args)

    # -- compositing --------------------------------------------------------------------------
    def composite(self, other: Canvas, mode: BlendMode = "over", opacity: float = 1.0) -> None:
        """Blend `other` (any scale; resampled to this one) onto this canvas."""
        if mode not in ("over", "add", "screen", "multiply"):
            raise ValueError(f"unknown blend mode {mode!r}")
        self.flush()
        other.flush()
        src = other.img
        region = (0, 0, *self.img.size)
        if mode != "multiply":
            # Transparent source pixels leave over/add/screen unchanged: work on the bounding box.
            found = _affected(src, self.img.size)
            if found is None:
                return
            region = found
        rw, rh = region[2] - region[0], region[3] - region[1]
        if src.size != self.img.size:
            # Premultiplied data resamples correctly when Pillow is told it is premultiplied;
            # `box` resamples just the source area that maps onto `region` (same result).
            fx, fy = src.width / self.img.width, src.height / self.img.height
            box = (region[0] * fx, region[1] * fy, region[2] * fx, region[3] * fy)
            src = _as_premul(src).resize((rw, rh), Image.Resampling.BILINEAR, box=box)
        elif region != (0, 0, *self.img.size):
            src = src.crop(region)
        if opacity < 1.0:
            src = _scale_all(src, opacity)
        full = region == (0, 0, *self.img.size)
        dst = self.img if full else self.img.crop(region)
        if mode == "over":
            inv = ImageChops.invert(src.getchannel(3))
            out = ImageChops.add(ImageChops.multiply(dst, Image.merge("RGBA", (inv,) * 4)), src)
        elif mode == "add":
            out = ImageChops.add(dst, src)
        elif mode == "screen":
            out = ImageChops.screen(dst, src)
        else:
            out = ImageChops.multiply(dst, src)
        if full:
            self.img = out
        else:
            self.img.paste(out, region[:2])

    def blur(self, radius: float) -> None:
        """Gaussian blur in place (radius in logical pixels)."""
        self.flush()
        sigma = radius * self.scale
        bbox = self.img.getbbox(alpha_only=False)
        if bbox is None:
            return
        pad = int(3 * sigma) + 3
        w, h = self.img.size
        box = (
            max(0, bbox[0] - pad),
            max(0, bbox[1] - pad),
            min(w, bbox[2] + pad),
            min(h, bbox[3] + pad),
        )
        if (box[2] - box[0]) * (box[3] - box[1]) > 0.7 * w * h:
            self.img = self.img.filter(ImageFilter.GaussianBlur(sigma))
        else:  # the zero ground around the shapes stays (almost exactly) zero: blur the box only
            self.img.paste(self.img.crop(box).filter(ImageFilter.GaussianBlur(sigma)), box[:2])

    def glow(
        self,
        draw_fn: Callable[[Canvas], None],
        radius: float,
        opacity: float = 1.0,
        mode: BlendMode = "add",
    ) -> None:
        """Draw with `draw_fn` on a small canvas, blur it and blend it here: cheap soft light."""
        factor = max(1, min(8, int(radius * self.scale / 3)))
        small = self.reduced(factor)
        draw_fn(small)
        small.blur(radius)
        self.composite(small, mode=mode, opacity=opacity)

    def paste_rgb(self, rgb: np.ndarray, alpha: np.ndarray | None = None) -> None:
        """Blend a float image (H×W×3 in 0..1, at this canvas's pixel size) over the canvas.

        With no `alpha` the array replaces the pixels (opaque); otherwise it is blended over them
        with that straight alpha (H×W in 0..1).
        """
        self.flush()
        a = np.ones(rgb.shape[:2], np.float32) if alpha is None else alpha.astype(np.float32)
        pre = np.empty((*rgb.shape[:2], 4), np.uint8)
        pre[..., :3] = np.clip(rgb * a[..., None] * 255.0 + 0.5, 0, 255)
        pre[..., 3] = np.clip(a * 255.0 + 0.5, 0, 255)
        layer = Canvas(self.width, self.height, scale=self.scale)
        layer.img = Image.fromarray(pre, "RGBA")
        if layer.img.size != self.img.size:
            layer.img = _relabel(
                _as_premul(layer.img).resize(self.img.size, Image.Resampling.BILINEAR), "RGBA"
            )
        if alpha is None:
            self.img = layer.img
        else:
            self.composite(layer)

    def pixel_grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Logical x and y coordinates of every pixel centre (each H×W, float32)."""
        w, h = self.img.size
        xs = (np.arange(w, dtype=np.float32) + 0.5) / self.scale
        ys = (np.arange(h, dtype=np.float32) + 0.5) / self.scale
        return np.meshgrid(xs, ys)

    def to_image(self, transparent: bool = True) -> Image.Image:
        """The finished picture: straight-alpha RGBA, or opaque RGB."""
        self.flush()
        if not transparent:
            return self.img.convert("RGB")
        return _as_premul(self.img).convert("RGBA")


def _relabel(img: Image.Image, mode: str) -> Image.Image:
    """Reinterpret the same bytes under another 4-channel mode (no conversion)."""
    return Image.merge(mode, img.split())


def _as_premul(img: Image.Image) -> Image.Image:
    return _relabel(img, "RGBa")


def _affected(src: Image.Image, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
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


def _scale_all(img: Image.Image, factor: float) -> Image.Image:
    """Multiply every premultiplied channel (colour and alpha) by `factor`."""
    lut = [min(255, round(v * factor)) for v in range(256)] * 4
    return img.point(lut)

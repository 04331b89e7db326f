"""An antialiased drawing surface built on aggdraw (AGG) and Pillow.

The pixels are kept premultiplied by alpha while drawing. AGG's RGBA blender computes exactly the
premultiplied "over" operator, so shapes stack correctly on transparent ground with no dark fringes;
blurring and resampling premultiplied data is also correct. `to_image()` converts back to straight
alpha once, at the end.

Where the pixels live (Pillow, AGG or a numpy copy) is `Surface`'s business.
Coordinates are in the canvas's own pixels. A canvas made with `scale` < 1 (see `reduced`) draws
the same full-size coordinates at lower resolution: glows and soft light are drawn small, blurred
cheaply and scaled up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import aggdraw
import numpy as np
from PIL import Image, ImageFilter

from bananajam.assets import _pixels as px
from bananajam.assets._surface import Surface
from bananajam.assets.themes import RGB

Point = tuple[float, float]
Points = Sequence[Point] | np.ndarray  # a list of (x, y) or an N×2 array
BlendMode = str  # "over" | "add" | "screen" | "multiply"


def _alpha(opacity: float) -> int:
    return max(0, min(255, round(opacity * 255)))


class Canvas(Surface):
    """A premultiplied RGBA surface with antialiased shape drawing."""

    def __init__(
        self,
        width: int,
        height: int,
        background: RGB | None = None,
        scale: float = 1.0,
    ) -> None:
        fill = (*background, 255) if background is not None else (0, 0, 0, 0)
        super().__init__(width, height, fill, scale)

    def reduced(self, factor: int) -> Canvas:
        """A transparent canvas drawing the same coordinates at 1/factor resolution."""
        return Canvas(self.width, self.height, scale=self.scale / factor)

    def _xy(self, pts: Points) -> list[float]:
        s = self.scale
        if isinstance(pts, np.ndarray):
            flat: list[float] = (pts.astype(float, copy=False).reshape(-1) * s).tolist()
            return flat
        return [float(v) * s for p in pts for v in p]  # short point lists: no numpy round trip

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
        points: Points,
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

    def line(self, points: Points, color: RGB, width: float = 1.0, opacity: float = 1.0) -> None:
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
        src = other.img
        size = self.pixel_size
        region = (0, 0, *size)
        if mode != "multiply":
            # Transparent source pixels leave over/add/screen unchanged: work on the bounding box.
            found = px.affected(src, size)
            if found is None:
                return
            region = found
        rw, rh = region[2] - region[0], region[3] - region[1]
        if opacity < 1.0 and src.size != size:  # resampling is linear: fade the small source
            src, opacity = px.scale_all(src, opacity), 1.0
        if src.size != size:
            # Premultiplied data resamples correctly when Pillow is told it is premultiplied;
            # `box` resamples just the source area that maps onto `region` (same result).
            fx, fy = src.width / size[0], src.height / size[1]
            box = (region[0] * fx, region[1] * fy, region[2] * fx, region[3] * fy)
            src = px.soft_upscale(src, (rw, rh), box)
        elif region != (0, 0, *size):
            src = src.crop(region)
        if opacity < 1.0:
            src = px.scale_all(src, opacity)
        full = region == (0, 0, *size)
        dst = self.img if full else self.read_region(region)
        out = px.blend(dst, src, mode)
        if full:
            self.img = out
        else:
            self.write_region(out, region[:2])

    def blur(self, radius: float) -> None:
        """Gaussian blur in place (radius in logical pixels)."""
        sigma = radius * self.scale
        bbox = self.img.getbbox(alpha_only=False)
        if bbox is None:
            return
        w, h = self.img.size
        box = px.padded(bbox, int(3 * sigma) + 3, (w, h))
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
        """Blend a float image (H×W×3 in 0..1) over the canvas, scaled up to its pixel size.

        With no `alpha` the array replaces the pixels (opaque); otherwise it is blended over them
        with that straight alpha (H×W in 0..1). Opaque colour pasted through a coverage mask is
        exactly the premultiplied "over" operator, done by Pillow in one pass.
        """
        size = self.pixel_size
        colour = Image.fromarray(np.clip(rgb * 255.0 + 0.5, 0, 255).astype(np.uint8), "RGB")
        if colour.size != size:
            colour = px.resize(colour, size)
        if alpha is None:
            self.img = colour.convert("RGBA")
            return
        mask = Image.fromarray(np.clip(alpha * 255.0 + 0.5, 0, 255).astype(np.uint8), "L")
        if mask.size != size:
            mask = px.resize(mask, size)
        box = mask.getbbox()
        if box is None:
            return
        if box == (0, 0, *size):
            self.img.paste(colour, (0, 0), mask)
            return
        dst = self.read_region(box)
        dst.paste(colour.crop(box), (0, 0), mask.crop(box))
        self.write_region(dst, box[:2])

    def pixel_grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Logical x and y coordinates of every pixel centre (each H×W, float32)."""
        w, h = self.pixel_size
        xs = (np.arange(w, dtype=np.float32) + 0.5) / self.scale
        ys = (np.arange(h, dtype=np.float32) + 0.5) / self.scale
        return np.meshgrid(xs, ys)

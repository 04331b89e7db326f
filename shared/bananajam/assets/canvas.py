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
from PIL import Image, ImageFilter

from bananajam.assets import _pixels as px
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
        self.width, self.height, self.scale = width, height, scale  # logical (full-size) size
        pw, ph = max(1, round(width * scale)), max(1, round(height * scale))
        fill = (*background, 255) if background is not None else (0, 0, 0, 0)
        self._img = Image.new("RGBA", (pw, ph), fill)
        self._fill: tuple[int, ...] | None = fill  # while the image is still one flat colour
        self._draw: aggdraw.Draw | None = None
        # Which copy holds the current pixels: Pillow's, AGG's (kept alive), or `_work`, a numpy
        # copy of AGG's that runs of composites patch by region (synced back once, when drawing).
        self._img_ok, self._draw_ok = True, False
        self._work: np.ndarray | None = None

    @property
    def img(self) -> Image.Image:
        """The Pillow image with every mark drawn so far (callers may modify it in place)."""
        self.flush()
        self._draw_ok, self._fill, self._work = False, None, None
        return self._img

    @img.setter
    def img(self, value: Image.Image) -> None:
        self._img, self._fill, self._work = value, None, None
        self._img_ok, self._draw_ok = True, False
        self._draw = None

    @property
    def pixel_size(self) -> tuple[int, int]:
        """The pixel size of the surface (without syncing pixels)."""
        return self._img.size

    @property
    def unit(self) -> float:
        """The shorter side in logical pixels: a handy length unit for proportional drawing."""
        return float(min(self.width, self.height))

    @property
    def draw(self) -> aggdraw.Draw:
        if self._draw is None:
            im = self._img
            flat = self._fill is not None and im.mode == "RGBA"
            self._draw = aggdraw.Draw(im.mode, im.size, self._fill if flat else 0)
            self._draw.setantialias(True)
            if not flat:
                self._draw.frombytes(im.tobytes())
        elif self._work is not None:
            self._draw.frombytes(self._work.tobytes())
        elif not self._draw_ok:
            self._draw.frombytes(self._img.tobytes())
        self._draw_ok, self._img_ok, self._work = True, False, None
        return self._draw

    def flush(self) -> None:
        if not self._img_ok and self._draw is not None:
            src = self._draw if self._work is None else self._work
            self._img.frombytes(src.tobytes())
        self._img_ok = True

    def read_region(self, box: tuple[int, int, int, int]) -> Image.Image:
        """A copy of the current pixels in the pixel box (x0, y0, x1, y1)."""
        buf = self._pixels()
        if buf is None:
            return self.img.crop(box)
        x0, y0, x1, y1 = box
        return Image.fromarray(np.ascontiguousarray(buf[y0:y1, x0:x1]), "RGBA")

    def write_region(self, patch: Image.Image, xy: tuple[int, int]) -> None:
        """Replace the pixels at pixel offset `xy` with the 4-channel `patch`."""
        buf = self._pixels()
        if buf is None:
            self.img.paste(patch, xy)
            return
        (x0, y0), (w, h) = xy, patch.size
        buf[y0 : y0 + h, x0 : x0 + w] = np.asarray(patch).reshape(h, w, 4)
        self._draw_ok = self._img_ok = False

    def _pixels(self) -> np.ndarray | None:
        """The writable working copy of AGG's pixels (made when AGG holds the picture) or None."""
        if self._work is None:
            if self._draw is None or not self._draw_ok or self._img_ok or self._img.mode != "RGBA":
                return None
            w, h = self._img.size
            self._work = np.frombuffer(self._draw.tobytes(), np.uint8).reshape(h, w, 4).copy()
        return self._work

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
        """Blend a float image (H×W×3 in 0..1, at this canvas's pixel size) over the canvas.

        With no `alpha` the array replaces the pixels (opaque); otherwise it is blended over them
        with that straight alpha (H×W in 0..1).
        """
        a = np.ones(rgb.shape[:2], np.float32) if alpha is None else alpha.astype(np.float32)
        pre = np.empty((*rgb.shape[:2], 4), np.uint8)
        pre[..., :3] = np.clip(rgb * a[..., None] * 255.0 + 0.5, 0, 255)
        pre[..., 3] = np.clip(a * 255.0 + 0.5, 0, 255)
        layer = Canvas(self.width, self.height, scale=self.scale)
        layer.img = Image.fromarray(pre, "RGBA")
        if layer.img.size != self.pixel_size:
            layer.img = px.relabel(
                px.as_premul(layer.img).resize(self.pixel_size, Image.Resampling.BILINEAR), "RGBA"
            )
        if alpha is None:
            self.img = layer.img
        else:
            self.composite(layer)

    def pixel_grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Logical x and y coordinates of every pixel centre (each H×W, float32)."""
        w, h = self.pixel_size
        xs = (np.arange(w, dtype=np.float32) + 0.5) / self.scale
        ys = (np.arange(h, dtype=np.float32) + 0.5) / self.scale
        return np.meshgrid(xs, ys)

    def to_image(self, transparent: bool = True) -> Image.Image:
        """The finished picture: straight-alpha RGBA, or opaque RGB."""
        if not transparent:
            return self.img.convert("RGB")
        if len(self._img.mode) != 4:
            return self.img.convert("RGBA")
        # Pillow's "RGBa" raw decoder unpremultiplies while it copies the bytes in: one pass.
        src = self._work if self._work is not None else self._draw
        stale = self._img_ok or src is None or self._img.mode != "RGBA"
        data = self.img.tobytes() if stale or src is None else src.tobytes()
        return Image.frombytes("RGBA", self._img.size, data, "raw", "RGBa")

"""The pixel store behind `Canvas`: one picture held by Pillow, by AGG, or by a numpy copy.

Shapes are drawn by AGG (aggdraw), compositing and filters run on Pillow images, and runs of
region edits patch a numpy copy of AGG's pixels. Exactly one of these holds the current picture
at a time, and the others are brought up to date only when they are asked for, so a canvas that
is only drawn on never copies its pixels between libraries. A new canvas is one flat colour
and allocates nothing full-size until it is drawn on or read.
"""

from __future__ import annotations

import aggdraw
import numpy as np
from PIL import Image


class Surface:
    """Premultiplied RGBA pixels of a logical `width` × `height` picture drawn at `scale`."""

    def __init__(self, width: int, height: int, fill: tuple[int, ...], scale: float) -> None:
        self.width, self.height, self.scale = width, height, scale  # logical (full-size) size
        self._size = (max(1, round(width * scale)), max(1, round(height * scale)))
        self._img: Image.Image | None = None  # made on demand while the picture is flat
        self._fill: tuple[int, ...] | None = fill  # while the picture is still one flat colour
        self._draw: aggdraw.Draw | None = None
        # Which copy holds the current pixels: Pillow's, AGG's (kept alive), or `_work`, a numpy
        # copy of AGG's that runs of composites patch by region (synced back once, when drawing).
        self._img_ok, self._draw_ok = True, False
        self._work: np.ndarray | None = None

    @property
    def img(self) -> Image.Image:
        """The Pillow image with every mark drawn so far (callers may modify it in place)."""
        self.flush()
        img = self._pillow()
        self._draw_ok, self._fill, self._work = False, None, None
        return img

    @img.setter
    def img(self, value: Image.Image) -> None:
        self._img, self._size, self._fill, self._work = value, value.size, None, None
        self._img_ok, self._draw_ok = True, False
        self._draw = None

    @property
    def pixel_size(self) -> tuple[int, int]:
        """The pixel size of the surface (without syncing pixels)."""
        return self._size

    @property
    def unit(self) -> float:
        """The shorter side in logical pixels: a handy length unit for proportional drawing."""
        return float(min(self.width, self.height))

    def _mode(self) -> str:
        return "RGBA" if self._img is None else self._img.mode

    def _pillow(self) -> Image.Image:
        if self._img is None:
            self._img = Image.new("RGBA", self._size, self._fill or (0, 0, 0, 0))
        return self._img

    @property
    def draw(self) -> aggdraw.Draw:
        if self._draw is None:
            if self._fill is not None and self._mode() == "RGBA":
                self._draw = aggdraw.Draw(self._mode(), self._size, self._fill)
            else:  # no fill colour: the pixels are overwritten at once
                self._draw = aggdraw.Draw(self._mode(), self._size)
                self._draw.frombytes(self._pillow().tobytes())
            self._draw.setantialias(True)
        elif not self._draw_ok:  # Pillow's image or the numpy copy was written since
            # (AGG and Pillow read a contiguous numpy array in place: no bytes copy)
            work = self._work
            self._draw.frombytes(work if work is not None else self._pillow().tobytes())
        self._draw_ok, self._img_ok, self._work = True, False, None
        return self._draw

    def flush(self) -> None:
        if not self._img_ok and self._draw is not None:
            data = self._draw.tobytes() if self._work is None else self._work
            if self._img is None:
                self._img = Image.frombytes(self._mode(), self._size, data)
            else:
                self._img.frombytes(data)
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
            if self._draw is None or not self._draw_ok or self._img_ok or self._mode() != "RGBA":
                return None
            w, h = self._size
            self._work = np.frombuffer(self._draw.tobytes(), np.uint8).reshape(h, w, 4).copy()
        return self._work

    def to_image(self, transparent: bool = True) -> Image.Image:
        """The finished picture: straight-alpha RGBA, or opaque RGB."""
        if not transparent:
            return self.img.convert("RGB")
        if len(self._mode()) != 4:
            return self.img.convert("RGBA")
        # Pillow's "RGBa" raw decoder unpremultiplies while it copies the bytes in: one pass.
        live = not self._img_ok and self._mode() == "RGBA"  # AGG or the numpy copy is current
        data: bytes | np.ndarray
        if live and self._work is not None:
            data = self._work  # read in place
        elif live and self._draw is not None:
            data = self._draw.tobytes()
        else:
            data = self.img.tobytes()
        return Image.frombytes("RGBA", self._size, data, "raw", "RGBa")

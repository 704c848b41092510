"""Animated GIF, APNG and WebP written one frame at a time, so memory stays bounded.

Pillow's own ``save(save_all=True, append_images=...)`` collects every frame before writing
(its GIF and APNG writers keep a list of frames to merge repeats; its WebP writer calls
``list()`` on the frames), so a run of thousands of steps would hold thousands of images. Here
Pillow encodes one frame at a time (LZW for GIF, deflate for PNG, VP8L for WebP) and the
container around the frames is written directly: a frame only keeps the previous one, to
store just the rectangle that changed. Every frame is kept, even one identical to the one
before (an animation of a run has one frame per step).
"""

from __future__ import annotations

import io
import struct
import zlib
from abc import ABC, abstractmethod
from pathlib import Path

from PIL import GifImagePlugin, Image, ImageChops

__all__ = ["ANIMATION_FORMATS", "AnimationWriter", "open_writer"]

#: file extension -> what is written
ANIMATION_FORMATS = {".gif": "GIF", ".png": "APNG", ".webp": "WebP"}


class AnimationWriter(ABC):
    """Write ``frame_count`` RGB frames of ``size`` to the binary file ``fp``: call
    :meth:`add` once per frame, then :meth:`close` (which checks the count)."""

    #: delta rectangles snap to multiples of this (WebP frame offsets must be even)
    ALIGN = 1

    def __init__(self, fp, size: tuple[int, int], frame_count: int, loop: int = 0):
        self.fp, self.size, self.frame_count, self.loop = fp, size, frame_count, loop
        self.written = 0
        self._previous: Image.Image | None = None

    def add(self, frame: Image.Image, duration_ms: int) -> None:
        if frame.size != self.size:
            raise ValueError(f"frame {self.written} is {frame.size}, not {self.size}")
        if self.written >= self.frame_count:
            raise ValueError(f"more than the {self.frame_count} frames announced")
        frame = frame.convert("RGB")
        box = self._changed_box(frame)
        self._write_frame(frame.crop(box) if box != (0, 0, *self.size) else frame,
                          box[:2], int(duration_ms))
        self._previous = frame
        self.written += 1

    def close(self) -> None:
        if self.written != self.frame_count:
            raise ValueError(f"{self.written} frames written, {self.frame_count} announced")
        self._finish()

    def _changed_box(self, frame: Image.Image) -> tuple[int, int, int, int]:
        """The rectangle where ``frame`` differs from the previous one (all of the first)."""
        w, h = self.size
        if self._previous is None:
            return 0, 0, w, h
        box = ImageChops.difference(self._previous, frame).getbbox()
        if box is None:  # unchanged: a tiny frame keeps the frame (and its duration)
            box = (0, 0, 2, 2)
        a = self.ALIGN
        x0, y0 = box[0] // a * a, box[1] // a * a
        return x0, y0, min(w, max(box[2], x0 + 1)), min(h, max(box[3], y0 + 1))

    @abstractmethod
    def _write_frame(self, image, offset, duration_ms) -> None:
        """Write ``image`` (the changed rectangle) at ``offset``, shown ``duration_ms``."""

    @abstractmethod
    def _finish(self) -> None:
        """Write what ends the file."""


# ====================================================================== GIF
class GifWriter(AnimationWriter):
    """GIF89a: no global palette; each frame has its own 256-colour palette (text stays crisp:
    no dithering) and is drawn over the previous one (disposal 1). GIF counts time in
    hundredths of a second: durations are rounded to 10 ms."""

    def __init__(self, fp, size, frame_count, loop=0):
        super().__init__(fp, size, frame_count, loop)
        w, h = size
        fp.write(b"GIF89a" + struct.pack("<HHBBB", w, h, 0x70, 0, 0))
        fp.write(b"!\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", loop) + b"\x00")

    def _write_frame(self, image, offset, duration_ms) -> None:
        # median cut keeps the frequent colours (canvas, card bodies) exact; the ~20x faster
        # octree shifted them, so a changed rectangle showed as a tinted patch
        paletted = image.quantize(256, method=Image.Quantize.MEDIANCUT,
                                  dither=Image.Dither.NONE)
        for chunk in GifImagePlugin.getdata(paletted, offset, duration=duration_ms, disposal=1,
                                            include_color_table=True):
            self.fp.write(chunk)

    def _finish(self) -> None:
        self.fp.write(b";")


# ====================================================================== APNG
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png_idat(image: Image.Image) -> list[bytes]:
    """The IDAT payloads of ``image`` saved as an 8-bit RGB PNG."""
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=6)
    data, pos, out = buf.getvalue(), 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            out.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    return out


class ApngWriter(AnimationWriter):
    """Animated PNG (8-bit RGB, lossless); ``acTL`` announces the frame count up front."""

    def __init__(self, fp, size, frame_count, loop=0):
        super().__init__(fp, size, frame_count, loop)
        w, h = size
        self._sequence = 0
        fp.write(b"\x89PNG\r\n\x1a\n")
        fp.write(_png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        fp.write(_png_chunk(b"acTL", struct.pack(">II", frame_count, loop)))

    def _next(self) -> int:
        self._sequence += 1
        return self._sequence - 1

    def _write_frame(self, image, offset, duration_ms) -> None:
        w, h = image.size
        control = struct.pack(">IIIIIHHBB", self._next(), w, h, offset[0], offset[1],
                              duration_ms, 1000, 0, 0)  # dispose none, blend source
        self.fp.write(_png_chunk(b"fcTL", control))
        for payload in _png_idat(image):
            if self.written == 0:
                self.fp.write(_png_chunk(b"IDAT", payload))
            else:
                self.fp.write(_png_chunk(b"fdAT", struct.pack(">I", self._next()) + payload))

    def _finish(self) -> None:
        self.fp.write(_png_chunk(b"IEND", b""))


# ====================================================================== WebP
def _riff_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def _webp_bitstream(image: Image.Image) -> bytes:
    """The image chunks (``ALPH``/``VP8 ``/``VP8L``) of ``image`` saved as lossless WebP."""
    buf = io.BytesIO()
    image.save(buf, "WEBP", lossless=True, quality=60, method=2)
    data, pos, out = buf.getvalue(), 12, []
    while pos + 8 <= len(data):
        kind, length = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if kind in (b"ALPH", b"VP8 ", b"VP8L"):
            out.append(_riff_chunk(kind, data[pos + 8:pos + 8 + length]))
        pos += 8 + length + (length % 2)
    return b"".join(out)


def _u24(v: int) -> bytes:
    return struct.pack("<I", v)[:3]


class WebpWriter(AnimationWriter):
    """Animated WebP (lossless frames); the RIFF size is filled in when it closes."""

    ALIGN = 2

    def __init__(self, fp, size, frame_count, loop=0):
        super().__init__(fp, size, frame_count, loop)
        w, h = size
        self._start = fp.tell()
        fp.write(b"RIFF\x00\x00\x00\x00WEBP")
        fp.write(_riff_chunk(b"VP8X", bytes([0x02, 0, 0, 0]) + _u24(w - 1) + _u24(h - 1)))
        fp.write(_riff_chunk(b"ANIM", b"\xff\xff\xff\xff" + struct.pack("<H", loop)))

    def _write_frame(self, image, offset, duration_ms) -> None:
        w, h = image.size
        head = (_u24(offset[0] // 2) + _u24(offset[1] // 2) + _u24(w - 1) + _u24(h - 1)
                + _u24(duration_ms) + bytes([0x02]))  # do not blend, do not dispose
        self.fp.write(_riff_chunk(b"ANMF", head + _webp_bitstream(image)))

    def _finish(self) -> None:
        end = self.fp.tell()
        self.fp.seek(self._start + 4)
        self.fp.write(struct.pack("<I", end - self._start - 8))
        self.fp.seek(end)


_WRITERS = {".gif": GifWriter, ".png": ApngWriter, ".webp": WebpWriter}


def open_writer(path, fp, size: tuple[int, int], frame_count: int) -> AnimationWriter:
    """The writer for ``path``'s extension (see :data:`ANIMATION_FORMATS`) writing to ``fp``."""
    suffix = Path(path).suffix.lower()
    if suffix not in _WRITERS:
        raise ValueError(f"cannot write {Path(path).name!r}: choose a .gif, .png (animated PNG) "
                         "or .webp file name")
    return _WRITERS[suffix](fp, size, frame_count)

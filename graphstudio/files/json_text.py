"""Deterministic JSON text, laid out for diffs: stable key order, a container on one line when
it fits from its column, else one item per line. The graph files' writer (and the CLI's JSON);
tensor data arrives preformatted (:func:`tensor_rows`), so big tensors are written in bulk, and
the many small items of a long list (a graph's nodes and edges) are each written at once by
Python's C encoder (:func:`list_item`).
"""

from __future__ import annotations

import json
import math
import re

import numpy as np

from graphstudio.graph.literals import format_numbers

__all__ = ["LINE_WIDTH", "NotFinite", "dump", "list_item", "one_line", "tensor_rows", "verbatim"]

#: how wide a line may be before a container is written one item a line
LINE_WIDTH = 100


class NotFinite(ValueError):
    """A NaN or infinite number where only finite ones may be written."""


class _Raw(str):
    """Text written verbatim (tensor data already formatted)."""


def verbatim(text: str) -> str:
    """``text`` marked to be written as it is, e.g. a list item already laid out the way
    :func:`list_item` lays it out."""
    return _Raw(text)


class _Row(list):
    """A tensor's innermost row: texts written verbatim, laid out like any list (fast path)."""


def _scalar(v, finite_only: bool = True) -> str:
    if isinstance(v, _Raw):
        return v
    if isinstance(v, bool) or v is None:
        return json.dumps(v)
    if isinstance(v, float):
        if not math.isfinite(v):  # JSON has no NaN/inf: refuse rather than write a bad file
            if not finite_only:
                return json.dumps(v)  # NaN, Infinity: what Python's json reads back
            raise NotFinite(f"{v!r} cannot be saved: a graph file holds finite numbers only")
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(float(v))
    return _text(v)


def _text(v) -> str:
    """A JSON string (or other scalar): UTF-8 as it is, but a lone surrogate (which JSON text
    can hold and UTF-8 cannot) written as its ``\\uXXXX`` escape, so the file reads back."""
    if type(v) is str and v.isidentifier():  # nothing to escape (an id, a name, a key)
        return '"' + v + '"'
    text = _ENCODER.encode(v)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) \
        if _SURROGATE.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")
# One encoder for every scalar: ``json.dumps`` with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
# A container on one line, in C: what ``dump`` writes when it fits, but for a whole float
# (2.0, which dump writes 2), a lone surrogate (dump escapes it) or NaN (refused here)
_ONE_LINE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False,
                             separators=(", ", ": "))
_WHOLE_FLOAT = re.compile("\\d\\.0(?!\\d)")


def _c_one_line():
    """The C encoder behind ``_ONE_LINE``, made once (``encode`` makes one per call), or None
    where Python has no C encoder."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    try:
        return make(None, _ONE_LINE.default, json.encoder.encode_basestring, None, ": ", ", ",
                    False, False, False)
    except TypeError:  # another Python's signature
        return None


_C_ONE_LINE = _c_one_line()


def one_line(obj) -> str | None:
    """``obj`` on one line exactly as :func:`dump` writes it there, or None when this quick
    way cannot tell (a whole float such as ``2.0``, which dump writes ``2``; a NaN or infinite
    number; a lone surrogate): then ask :func:`dump`. ``obj`` holds plain JSON values only
    (dict keys are strings), no tensor data from :func:`tensor_rows`."""
    try:
        text = "".join(_C_ONE_LINE(obj, 0)) if _C_ONE_LINE else _ONE_LINE.encode(obj)
    except (ValueError, TypeError):
        return None
    if ".0" in text and _WHOLE_FLOAT.search(text):
        return None
    return text if text.isascii() or not _SURROGATE.search(text) else None


def list_item(obj: dict, indent: int, width: int = LINE_WIDTH, plain: bool = True) -> str:
    """``obj`` laid out as :func:`dump` lays out an item of a list at ``indent``: text to put
    in that list, which dump writes as it is. ``plain``: ``obj`` holds plain JSON values (as
    for :func:`one_line`), so its text is found at a fraction of dump's cost (the long lists
    of a graph file); else it may hold tensor data and dump lays it out."""
    text = one_line(obj) if plain else None
    if text is None:
        return _Raw(dump(obj, width, indent=indent, col=indent))
    if len(text) <= width - indent or not obj:
        return _Raw(text)
    pad, lines = " " * (indent + 2), []
    for k, v in obj.items():  # one key a line, each value on one line when it fits
        kt = _key(k)
        if not isinstance(v, dict | list | tuple):
            lines.append(pad + kt + _scalar(v))
            continue
        col = indent + 2 + len(kt)
        vt = one_line(v)
        if vt is None or (len(vt) > width - col and v):
            vt = dump(v, width, indent=indent + 2, col=col)
        lines.append(pad + kt + vt)
    return _Raw("{\n" + ",\n".join(lines) + "\n" + " " * indent + "}")


def dump(obj, width: int = LINE_WIDTH, finite_only: bool = True, indent: int = 0,
         col: int = 0) -> str:
    """JSON with stable key order; a container goes on one line when it fits from its column.
    A NaN or infinite number raises :class:`NotFinite` (``finite_only``) or is written as
    Python's json module writes it. ``indent``, ``col``: where the text starts (a value inside
    a bigger document being written)."""
    return _Layout(width, finite_only).block(obj, indent, col)


class _Layout:
    """One :func:`dump`: its width, its rule for NaN, and the key texts made so far."""

    def __init__(self, width: int, finite_only: bool):
        self.width, self.finite_only = width, finite_only
        self.keys: dict = {}

    def key(self, k) -> str:
        if type(k) is not str:
            return _key(k)
        got = self.keys.get(k)
        if got is None:
            got = self.keys[k] = _key(k)
        return got

    def within(self, o, room: int) -> str | None:
        """``o`` on one line if that takes at most ``room`` characters, else None (found
        without writing more than ``room`` characters of it: big containers cost nothing)."""
        if type(o) is _Row:
            text = "[" + ", ".join(o) + "]"
            return text if len(text) <= room else None
        if isinstance(o, dict):
            parts, used = [], 2
            for k, v in o.items():
                kt = self.key(k)
                used += len(kt) + (2 if parts else 0)
                vt = self.within(v, room - used) if used <= room else None
                if vt is None:
                    return None
                used += len(vt)
                parts.append(kt + vt)
            return "{" + ", ".join(parts) + "}" if used <= room else None
        if isinstance(o, list | tuple):
            parts, used = [], 2
            for v in o:
                used += 2 if parts else 0
                vt = self.within(v, room - used) if used <= room else None
                if vt is None:
                    return None
                used += len(vt)
                parts.append(vt)
            return "[" + ", ".join(parts) + "]" if used <= room else None
        text = _scalar(o, self.finite_only)
        return text if len(text) <= room else None

    def block(self, o, indent: int, col: int) -> str:
        if type(o) is _Raw:  # e.g. a list item laid out already (list_item)
            return o
        if not isinstance(o, dict | list | tuple):
            return _scalar(o, self.finite_only)
        if not o:
            return "{}" if isinstance(o, dict) else "[]"
        text = self.within(o, self.width - col)
        if text is not None:
            return text
        pad = " " * (indent + 2)
        if isinstance(o, dict):
            body = ",\n".join(pad + self.key(k)
                              + self.block(v, indent + 2, indent + 2 + len(self.key(k)))
                              for k, v in o.items())
            return "{\n" + body + "\n" + " " * indent + "}"
        if type(o) is _Row:  # its items are texts: each on its own line
            body = ",\n".join([pad + v for v in o])
        else:
            inner = indent + 2  # an item laid out already (a _Raw): as it is, at once
            body = ",\n".join([pad + (v if type(v) is _Raw else self.block(v, inner, inner))
                                for v in o])
        return "[\n" + body + "\n" + " " * indent + "]"


def _key(k) -> str:
    return _text(k) + ": "


def tensor_rows(arr: np.ndarray, dtype: str):
    """``arr`` as nested lists of preformatted numbers, for :func:`dump` (JSON spelling)."""
    if arr.size == 0 and arr.ndim:
        return _empty(arr.shape)
    if dtype == "bool":
        flat = ["true" if v else "false" for v in arr.reshape(-1).tolist()]
    else:
        flat = format_numbers(arr, dtype)
    if arr.ndim == 0:
        return _Raw(flat[0])
    size = arr.shape[-1]
    flat = [_Row(flat[i:i + size]) for i in range(0, len(flat), size)]
    for size in reversed(arr.shape[1:-1]):
        flat = [flat[i:i + size] for i in range(0, len(flat), size)]
    return flat[0] if arr.ndim == 1 else flat


def _empty(shape):
    return [] if shape[0] == 0 else [_empty(shape[1:]) for _ in range(shape[0])]

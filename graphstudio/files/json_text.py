"""Deterministic JSON text, laid out for diffs: stable key order, a container on one line when
it fits from its column, else one item per line. The graph files' writer (and the CLI's JSON);
tensor data arrives preformatted (:func:`tensor_rows`), so big tensors are written in bulk.
"""

from __future__ import annotations

import functools
import json
import math
import re

import numpy as np

from graphstudio.graph.literals import format_numbers

__all__ = ["NotFinite", "dump", "tensor_rows"]


class NotFinite(ValueError):
    """A NaN or infinite number where only finite ones may be written."""


class _Raw(str):
    """Text written verbatim (tensor data already formatted)."""


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
    text = _ENCODER.encode(v)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) \
        if _SURROGATE.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")
# One encoder for every scalar: ``json.dumps`` with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def dump(obj, width: int = 100, finite_only: bool = True) -> str:
    """JSON with stable key order; a container goes on one line when it fits from its column.
    A NaN or infinite number raises :class:`NotFinite` (``finite_only``) or is written as
    Python's json module writes it."""
    def within(o, room: int) -> str | None:
        """``o`` on one line if that takes at most ``room`` characters, else None (found
        without writing more than ``room`` characters of it: big containers cost nothing)."""
        if type(o) is _Row:
            text = "[" + ", ".join(o) + "]"
            return text if len(text) <= room else None
        if isinstance(o, dict):
            parts, used = [], 2
            for k, v in o.items():
                kt = _key(k)
                used += len(kt) + (2 if parts else 0)
                vt = within(v, room - used) if used <= room else None
                if vt is None:
                    return None
                used += len(vt)
                parts.append(kt + vt)
            return "{" + ", ".join(parts) + "}" if used <= room else None
        if isinstance(o, list | tuple):
            parts, used = [], 2
            for v in o:
                used += 2 if parts else 0
                vt = within(v, room - used) if used <= room else None
                if vt is None:
                    return None
                used += len(vt)
                parts.append(vt)
            return "[" + ", ".join(parts) + "]" if used <= room else None
        text = _scalar(o, finite_only)
        return text if len(text) <= room else None

    def block(o, indent: int, col: int) -> str:
        if not isinstance(o, dict | list | tuple):
            return _scalar(o, finite_only)
        if not o:
            return "{}" if isinstance(o, dict) else "[]"
        text = within(o, width - col)
        if text is not None:
            return text
        pad = " " * (indent + 2)
        if isinstance(o, dict):
            body = ",\n".join(pad + _key(k) + block(v, indent + 2, indent + 2 + len(_key(k)))
                              for k, v in o.items())
            return "{\n" + body + "\n" + " " * indent + "}"
        if type(o) is _Row:  # its items are texts: each on its own line
            body = ",\n".join([pad + v for v in o])
        else:
            body = ",\n".join(pad + block(v, indent + 2, indent + 2) for v in o)
        return "[\n" + body + "\n" + " " * indent + "]"

    return block(obj, 0, 0)


@functools.lru_cache(maxsize=4096, typed=True)  # a document repeats the same few keys
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

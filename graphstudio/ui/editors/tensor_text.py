"""Tensor values as text, both ways: shapes typed as ``5, 3`` / ``5x3`` and cell values, with
the limits a graph file and the editor keep (pure Python and numpy, no widgets)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from graphstudio.graph.model import GraphError
from graphstudio.ui.number_format import format_number

__all__ = ["MAX_ELEMENTS", "MAX_NDIM", "NOT_FINITE", "array_stats", "display_number",
           "format_shape", "parse_shape", "parse_value", "resized", "too_many_elements"]

MAX_ELEMENTS = 1_000_000
MAX_NDIM = 16  # as a graph file allows

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def parse_shape(text: str, limit: bool = True) -> tuple[int, ...]:
    """``"5, 3"`` / ``"(5, 3)"`` / ``"5x3"`` / ``""`` (a scalar) as a shape tuple.

    With ``limit`` (a tensor's own shape) at most MAX_NDIM dimensions and MAX_ELEMENTS elements,
    counted exactly (numpy's int64 product overflowed: a 20-digit size raised OverflowError
    and 4294967296 x 4294967296 wrapped round to 0 elements and was accepted)."""
    cleaned = text.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ")
    parts = [p for p in cleaned.replace("x", ",").replace("×", ",").split(",") if p.strip()]
    try:
        shape = tuple(int(p) for p in parts)
    except ValueError:
        raise GraphError(translate("TensorText", "{0} is not a shape: write sizes like 5, 3")
                         .format(repr(text))) from None
    if any(s < 0 for s in shape):
        raise GraphError(translate("TensorText", "sizes must be 0 or more"))
    if not limit:
        return shape
    if len(shape) > MAX_NDIM:
        raise GraphError(translate("TensorText", "{0} dimensions is too many (at most {1})")
                         .format(len(shape), MAX_NDIM))
    numel = math.prod(shape)
    if numel > MAX_ELEMENTS:
        raise GraphError(too_many_elements(numel))
    if max(shape, default=0) > MAX_ELEMENTS:
        raise GraphError(translate("TensorText", "a size of {0} is too large (at most {1})")
                         .format(f"{max(shape):,}", f"{MAX_ELEMENTS:,}"))
    return shape


def too_many_elements(numel: int) -> str:
    return translate("TensorText", "{0} elements is too many to edit (at most {1})").format(
        f"{numel:,}", f"{MAX_ELEMENTS:,}")


def format_shape(shape) -> str:
    return ", ".join(str(s) for s in shape)


def display_number(v, dtype: str) -> str:
    """Cell text: the window's number format (:mod:`graphstudio.ui.number_format`, the same
    as the cards') for floats, ``True``/``False`` for bools, digits for integers."""
    if dtype == "bool":
        return "True" if v else "False"
    if dtype == "int64":
        return str(int(v))
    return format_number(v)


NOT_FINITE = QT_TRANSLATE_NOOP("TensorText", "nan and inf cannot be stored in a graph file: "
                               "write a finite number (ops like log can still produce them in "
                               "a run)")  # shown through translate("TensorText", NOT_FINITE)


def parse_value(text: str, dtype: str):
    """The cell text as a ``dtype`` number; ValueError says why it cannot be one."""
    t = text.strip()
    if dtype == "bool":
        if t.lower() in ("1", "true", "yes"):
            return True
        if t.lower() in ("0", "false", "no"):
            return False
        raise ValueError(translate("TensorText", "{0} is not True or False").format(repr(text)))
    try:
        f = float(t)
    except ValueError:
        raise ValueError(translate("TensorText", "{0} is not a number: write e.g. 0.5, -2 or "
                                   "1e-3").format(repr(text))) from None
    if not math.isfinite(f):
        raise ValueError(translate("TensorText", NOT_FINITE))
    if dtype == "int64":
        if not f.is_integer():
            raise ValueError(translate("TensorText", "{0} is not a whole number (the tensor is "
                                       "int64)").format(repr(text)))
        v = int(t) if t.lstrip("+-").isdigit() else int(f)
        info = np.iinfo(np.int64)
        if not info.min <= v <= info.max:
            raise ValueError(translate("TensorText", "{0} does not fit in int64").format(
                repr(text)))
        return v
    if dtype == "float32" and abs(f) > float(np.finfo(np.float32).max):
        raise ValueError(translate("TensorText", "{0} is beyond float32 (largest 3.4028e+38)")
                         .format(repr(text)))
    return f


def array_stats(array: np.ndarray, dtype: str, editable: bool) -> str:
    """The tensor editor's summary under the values: size, shape, min/max/mean, a hint."""
    shape = "×".join(map(str, array.shape)) or translate("TensorText", "scalar")
    count = (translate("TensorText", "{0} element ({1})") if array.size == 1
             else translate("TensorText", "{0} elements ({1})"))
    parts = [count.format(f"{array.size:,}", shape)]
    if dtype != "bool" and array.size:
        a = array.astype(np.float64)
        parts.append(translate("TensorText", "min {0} · max {1} · mean {2}").format(
            f"{a.min():.4g}", f"{a.max():.4g}", f"{a.mean():.4g}"))
    parts.append(translate("TensorText", "Double-click a cell to edit it.") if editable else
                 translate("TensorText", "Heatmap: blue &lt; 0 &lt; red."))
    return "<br>".join(parts)


def resized(values: np.ndarray, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    """``values`` cast to ``dtype`` and fitted to ``shape`` (keeps the overlapping block)."""
    out = np.zeros(shape, dtype=dtype)
    src = np.asarray(values)
    if src.ndim == len(shape):
        block = tuple(slice(0, min(a, b)) for a, b in zip(src.shape, shape, strict=True))
        out[block] = src[block].astype(dtype)
    elif src.size and out.size:
        flat = src.reshape(-1).astype(dtype)
        n = min(flat.size, out.size)
        out.reshape(-1)[:n] = flat[:n]
    return out

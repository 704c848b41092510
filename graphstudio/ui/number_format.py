"""The one way the window shows a number (cards, wires, Steps, Values dock, tensor editor).

Run values print as PyTorch prints them (``graphstudio.engine.printing``), and the format is
chosen per tensor, as torch does: integer-valued float tensors as ``1.``, integer tensors
without decimals, 4 decimals otherwise, scientific notation (``1.2000e-04``) when torch uses
it for that tensor (values below 1e-4, above 1e8, or spanning more than a factor 1000).

:func:`format_number` is the tensor editor's cell format, kept as it was so editing does not
lose digits: 4 decimals, scientific below 1e-3 and from 1e8.
"""

from __future__ import annotations

import math

import numpy as np

from graphstudio.engine import printing

__all__ = ["PRECISION", "SCI_ABOVE", "SCI_BELOW", "format_elements", "format_lines",
           "format_number", "format_scalar"]

PRECISION = 4
SCI_BELOW = 1e-3
SCI_ABOVE = 1e8
_SUMMARY_OVER = 100_000  # bigger tensors choose their format from the printed corner values


def format_number(v) -> str:
    """``v`` (any real number) as editor text: ``0.5000``, ``5.0000e-04``, ``nan``."""
    v = float(v)
    if not math.isfinite(v):
        return str(v)
    if v != 0 and (abs(v) < SCI_BELOW or abs(v) >= SCI_ABOVE):
        return f"{v:.{PRECISION}e}"
    return f"{v:.{PRECISION}f}"


def _array(a) -> np.ndarray:
    arr = np.asarray(a)
    if arr.dtype == np.float16:
        arr = arr.astype(np.float32)
    if arr.dtype.kind not in "fiub":
        arr = arr.astype(np.float64)
    return arr


def format_lines(a, indent: int = 0) -> list[str]:
    """``a`` as PyTorch prints its values (``[[ 1., -2.],`` / `` [ 3.,  4.]]``), as lines;
    ``indent`` is the width of what precedes the first line (it sets where torch wraps), and
    is not repeated on the following lines."""
    arr = _array(a)
    lines = printing.format_values(arr, indent).split("\n")
    return lines[:1] + [ln[indent:] for ln in lines[1:]]


def format_scalar(v) -> str:
    """One value as PyTorch prints a 0-d tensor of its dtype: ``3.``, ``0.8962``, ``2``."""
    return format_lines(_array(v).reshape(()))[0]


def format_elements(a) -> np.ndarray:
    """Each element of ``a`` as text (same shape), in the one format torch picks for the
    whole tensor, without the padding."""
    return printing.format_elements(_array(a), summarize_over=_SUMMARY_OVER)

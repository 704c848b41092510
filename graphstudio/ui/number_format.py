"""The one way the window shows a number (cards, Values dock, tensor editor, training).

PyTorch's print rules for a single value (``graphstudio.engine.printing``): 4 decimals, and
scientific notation with 4 decimals for very large values (from 1e8). Very small values switch
to scientific from 1e-3 rather than PyTorch's 1e-4, so no nonzero value loses its leading
digits to the 4 decimals (PyTorch prints 0.00012 as 0.0001).
"""

from __future__ import annotations

import math

__all__ = ["PRECISION", "SCI_ABOVE", "SCI_BELOW", "format_number"]

PRECISION = 4
SCI_BELOW = 1e-3
SCI_ABOVE = 1e8


def format_number(v) -> str:
    """``v`` (any real number) as display text: ``0.5000``, ``5.0000e-04``, ``nan``."""
    v = float(v)
    if not math.isfinite(v):
        return str(v)
    if v != 0 and (abs(v) < SCI_BELOW or abs(v) >= SCI_ABOVE):
        return f"{v:.{PRECISION}e}"
    return f"{v:.{PRECISION}f}"

"""The limits of a ``.gsgraph`` file, in one place: the reader refuses files beyond them and the
model (:class:`~graphstudio.graph.model.TensorSpec`, :class:`~graphstudio.graph.model.Graph`)
refuses edits beyond them, with the same words, so whatever can be saved can be loaded again.

Each ``*_problem`` function returns why a value is not allowed (text for a person, without the
"where") or None when it is fine. Pure Python and numpy.
"""

from __future__ import annotations

import math
import re

import numpy as np

__all__ = ["MAX_ELEMENTS", "MAX_MESSAGE", "brief", "counted", "shown", "MAX_FILE_BYTES", "MAX_NDIM", "MAX_NODES", "MAX_POS",
           "MAX_TOTAL_ELEMENTS", "count_problem", "number_problem", "pos_problem",
           "seed_problem", "shape_problem", "total_problem", "MAX_EDGES",
           "MAX_TRAIN_STEPS"]

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_NODES = 100_000
MAX_ELEMENTS = 10_000_000  # per tensor
MAX_TOTAL_ELEMENTS = 50_000_000  # all tensors of a document together
MAX_NDIM = 16
MAX_POS = 1e9  # a node's x and y
MAX_MESSAGE = 300  # characters of one message line
#: wires of one document: an input takes one wire and no node type has more than three inputs,
#: so a graph within MAX_NODES never has more (a test holds the node table to it)
MAX_EDGES = 3 * MAX_NODES
MAX_TRAIN_STEPS = 10_000_000  # optimizer steps of one training run (the window's Steps box too)

_LONG_NUMBER = re.compile(r"\d{41,}")


def brief(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` fit for one line of a message: a number of more than 40 digits becomes "a
    4,000-digit number", control characters show as escapes, and it is cut at ``limit``
    characters (a file or a program can put anything into what a message quotes)."""
    text = _LONG_NUMBER.sub(lambda m: f"a {len(m.group()):,}-digit number", str(text))
    if len(text) > limit:
        text = text[:limit - 1] + "\u2026"
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text


def shown(value, limit: int = 60) -> str:
    """``repr(value)`` for a message, shortened as :func:`brief` does (an int of more than
    40 digits is never turned into text in full: Python refuses beyond 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 133:
        try:
            sign = " negative" if value < 0 else ""
            return f"a {len(str(abs(value))):,}-digit{sign} number"
        except ValueError:  # beyond Python's int-to-text limit
            return "a number of more than 4,300 digits"
    return brief(repr(value), limit)


def counted(n: int) -> str:
    """A count for a message, with thousands separators (``10,000,000``); a count too long to
    read is described as :func:`shown` does."""
    return f"{n:,}" if n.bit_length() <= 133 else shown(n)


def shape_problem(shape) -> str | None:
    """``shape`` is a tuple of ints: too many dimensions, a negative size, too many elements."""
    if len(shape) > MAX_NDIM:
        return f"{len(shape)} dimensions is more than the limit of {MAX_NDIM}"
    if any(s < 0 for s in shape):
        return f"negative size in shape [{', '.join(shown(s) for s in shape)}]"
    numel = math.prod(shape)
    if numel > MAX_ELEMENTS:
        count = counted(numel)
        return f"{count}{' of' if count[0] == 'a' else ''} elements is more than the limit of " \
               f"{MAX_ELEMENTS:,}"
    return None


def total_problem(total: int) -> str | None:
    """``total`` elements in all the tensors of one document."""
    if total > MAX_TOTAL_ELEMENTS:
        return f"the tensors hold more than {MAX_TOTAL_ELEMENTS:,} elements together"
    return None


def count_problem(nodes: int) -> str | None:
    if nodes > MAX_NODES:
        return f"{counted(nodes)} nodes is more than the limit of {MAX_NODES:,}"
    return None


def number_problem(v, dtype: str) -> str | None:
    """An initializer's number (value, start, step, scale): finite and representable in
    ``dtype`` (float32 numbers beyond float32's range and ints beyond int64's are not)."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return f"expected a number, got {shown(v)}"
    if isinstance(v, float) and not math.isfinite(v):
        return f"expected a finite number, got {shown(v)}"
    try:
        with np.errstate(all="ignore"):
            ok = bool(np.isfinite(np.asarray(v, dtype=np.float32 if dtype == "float32"
                                             else np.float64)))
    except OverflowError:
        ok = False
    if not ok or (dtype == "int64" and not -2**63 <= v < 2**63):
        return f"{shown(v)} does not fit {dtype}"
    return None


def seed_problem(seed: int) -> str | None:
    if not 0 <= seed < 2**63:
        return "the seed must be in 0 .. 2**63-1"
    return None


def pos_problem(pos) -> str | None:
    """A node position ``(x, y)`` of floats."""
    for p in pos:
        if not -MAX_POS <= p <= MAX_POS:  # NaN and the infinities fail too
            return "position out of range"
    return None

"""Node names as Python reads them, and fresh names found without re-trying every number.

Python treats two identifiers as the same variable when their NFKC forms are equal (PEP 3131):
``ｘ`` (fullwidth) and ``x`` are one name in the exported script, so a graph holds at most one
of them. :func:`python_name` is that form. :class:`NameCounter` remembers, per stem, the first
number not yet known to be taken, so naming 30,000 nodes ``h1``, ``h2``, ... costs 30,000 look-ups,
not 450 million. Pure Python.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

__all__ = ["NameCounter", "python_name", "spelled_out"]

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def python_name(name: str) -> str:
    """The identifier Python makes of ``name`` (its NFKC normal form)."""
    return name if name.isascii() else unicodedata.normalize("NFKC", name)


def spelled_out(name: str) -> str:
    """``name`` quoted, with its code points when it is not plain ASCII (look-alike names such
    as fullwidth ``ｘ`` or a decomposed ``é`` read the same on screen): ``'ｘ' (U+FF58)``."""
    if name.isascii() or len(name) > 16:
        return repr(name)
    return f"{name!r} ({' '.join(f'U+{ord(c):04X}' for c in name)})"


def _split(name: str) -> tuple[str, int]:
    """``("h", 12)`` for ``h12``; ``(name, 1)`` for a name without a number at its end."""
    m = _NUMBERED.match(name)
    return (m.group(1), int(m.group(2))) if m else (name, 1)


class NameCounter:
    """The next free ``<stem><number>``, found from where the last search for that stem ended.

    A search starting at ``start`` records the first number it found free; every number below
    it was taken then and stays taken until a name with that stem is given up
    (:meth:`release`), which forgets the stem's records. So results are exactly those of trying
    ``start, start + 1, ...`` every time, at a fraction of the cost.
    """

    def __init__(self):
        self._next: dict[str, dict[int, int]] = {}

    def free(self, base: str, taken: Container[str]) -> str:
        """``base`` itself when free, else ``stem<i>`` with the least free ``i`` from the
        number ``base`` ends with (or 1)."""
        if base not in taken:
            return base
        stem, start = _split(base)
        starts = self._next.setdefault(stem, {})
        i = starts.get(start, start)
        while f"{stem}{i}" in taken:
            i += 1
        starts[start] = i
        return f"{stem}{i}"

    def release(self, name: str) -> None:
        """``name`` is free again: searches for its stem start over."""
        self._next.pop(_split(name)[0], None)

    def clear(self) -> None:
        self._next.clear()

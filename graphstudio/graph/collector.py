"""Python's cycle collector paused while a big document is built, written or run: one helper for
the code importer (:mod:`graphstudio.pytorch`), the file writer (:mod:`graphstudio.files`) and
the runner's timeline building (:mod:`graphstudio.run`), which all import :mod:`graphstudio.graph`."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the length of the block, then as it was: a syntax tree,
    a graph and its file text are hundreds of thousands of objects that all stay alive, and
    every full collection would walk each of them again (most of the time a long import or
    save took)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

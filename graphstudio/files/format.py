"""The ``.gsgraph`` format's constants and its one error type (the format itself is described
in :mod:`graphstudio.files.gsgraph`)."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["FORMAT", "GraphFileError", "MIGRATIONS", "RUN_BOOLS", "TENSOR_KEYS", "VERSION"]

FORMAT = "graphstudio-graph"
VERSION = 1
RUN_BOOLS = ("zero_grad", "no_grad", "retain_graph")

#: ``MIGRATIONS[v](document) -> document`` turns a version-``v`` document into version v+1.
#: Version 1 is the first released format, so this is empty; older drafts plug in here.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

TENSOR_KEYS = {"values": ("dtype", "shape", "data"), "full": ("value",),
                "arange": ("start", "step"), "rand": ("seed", "scale"),
                "randn": ("seed", "scale")}


class GraphFileError(ValueError):
    """A file that cannot be read as a graph. ``str()`` is ``source: where: what``."""

    def __init__(self, what: str, source: str = "<string>", where: str | None = None):
        self.source, self.where, self.what = source, where, what
        super().__init__(f"{source}: {where}: {what}" if where else f"{source}: {what}")



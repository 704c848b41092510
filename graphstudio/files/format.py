"""The ``.gsgraph`` format's constants and its one error type (the format itself is described
in :mod:`graphstudio.files.gsgraph`)."""

from __future__ import annotations

from collections.abc import Callable

from graphstudio.graph.limits import brief

__all__ = ["FORMAT", "GraphFileError", "MIGRATIONS", "RUN_BOOLS", "TENSOR_KEYS", "VERSION"]

FORMAT = "graphstudio-graph"
VERSION = 2
RUN_BOOLS = ("zero_grad", "no_grad", "retain_graph")



def _session_added(document: dict) -> dict:
    """Version 2 adds the optional top-level "session" (the program's actions). A
    version-1 document has none; a "session" run option it kept for another tool meant
    something else and is dropped."""
    run = document.get("run")
    if isinstance(run, dict) and "session" in run:
        document["run"] = {k: v for k, v in run.items() if k != "session"}
    return document


#: ``MIGRATIONS[v](document) -> document`` turns a version-``v`` document into version v+1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _session_added}

TENSOR_KEYS = {"values": ("dtype", "shape", "data"), "full": ("value",),
                "arange": ("start", "step"), "rand": ("seed", "scale"),
                "randn": ("seed", "scale")}


class GraphFileError(ValueError):
    """A file that cannot be read as a graph. ``str()`` is ``source: where: what``, one line:
    whatever ``what`` and ``where`` quote from the file is shortened (see ``limits.brief``)."""

    def __init__(self, what: str, source: str = "<string>", where: str | None = None):
        what, where = brief(what), None if where is None else brief(where, 120)
        self.source, self.where, self.what = source, where, what
        super().__init__(f"{source}: {where}: {what}" if where else f"{source}: {what}")



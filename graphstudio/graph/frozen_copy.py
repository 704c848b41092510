"""An immutable copy of a document, cheap to take after every edit, for writers on other threads.

:class:`FrozenCopy` follows a graph's events and keeps its own copy of each node, replaced (never
changed) when that node changes, and each node's incoming wires as a tuple. :meth:`FrozenCopy.take`
then costs a few flat dictionary copies, not a copy of every node, and returns a
:class:`GraphSnapshot` that the file writer reads like a graph while the person goes on editing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from graphstudio.graph.model import Edge, Graph, Node

__all__ = ["FrozenCopy", "GraphSnapshot"]

_NODE_CHANGES = frozenset({"node_added", "node_moved", "node_renamed", "attr_changed",
                           "tensor_changed"})


@dataclass(frozen=True)
class GraphSnapshot:
    """A document as it was: ``nodes`` (in order), ``meta``, ``run`` and ``edges``, as
    :func:`graphstudio.files.gsgraph.save_graph` reads a graph. Nothing in it changes."""

    nodes: dict[str, Node]
    incoming: dict[str, tuple[Edge, ...]]
    meta: dict[str, Any]
    run: dict[str, Any]

    @property
    def edges(self) -> list[Edge]:
        """All edges, grouped by destination in node order (as ``Graph.edges``)."""
        return [e for nid in self.nodes for e in self.incoming.get(nid, ())]

    def __len__(self) -> int:
        return len(self.nodes)

    def __iter__(self):
        return iter(self.nodes.values())


class FrozenCopy:
    """Keeps an immutable copy of ``graph`` current, event by event (O(1) an edit)."""

    def __init__(self, graph: Graph):
        self._graph = graph
        self._nodes: dict[str, Node] | None = None  # None: copied afresh at the next take
        self._incoming: dict[str, tuple[Edge, ...]] = {}
        self._unsubscribe = graph.subscribe(self._on_event)

    def close(self) -> None:
        self._unsubscribe()

    def _on_event(self, ev) -> None:
        if self._nodes is None:
            return
        g = self._graph
        if ev.kind == "reset":
            self._nodes = None
        elif ev.kind == "node_removed":
            self._nodes.pop(ev.node_id, None)
            self._incoming.pop(ev.node_id, None)
        elif ev.kind in _NODE_CHANGES and ev.node_id in g.nodes:
            self._nodes[ev.node_id] = g.nodes[ev.node_id].copy()
        elif ev.kind in ("edge_added", "edge_removed") and ev.edge.dst in g.nodes:
            self._incoming[ev.edge.dst] = tuple(g.incoming(ev.edge.dst).values())

    def take(self) -> GraphSnapshot:
        """The document as it is now (the first call after an open copies every node once)."""
        g = self._graph
        if self._nodes is None:
            self._nodes = {nid: n.copy() for nid, n in g.nodes.items()}
            self._incoming = {nid: tuple(g.incoming(nid).values()) for nid in g.nodes}
        order = list(g.nodes)
        nodes = dict(zip(order, map(self._nodes.__getitem__, order), strict=True))
        return GraphSnapshot(nodes, dict(self._incoming), copy.deepcopy(g.meta),
                             copy.deepcopy(g.run))

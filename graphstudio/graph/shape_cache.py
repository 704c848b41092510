"""The shape results of a document kept current edit by edit: :func:`shapes_of`.

Every view of a document (canvas badges, the Inspector's shape line, the training form's loss
choices) asks the same question after each edit. :class:`ShapeCache` follows the graph's events,
notes which nodes an edit touched and, when asked, brings its results up to date with
:func:`~graphstudio.graph.shape_inference.update_shapes`: the cost is the edit's downstream, not
the document. When that downstream is big (more than ``LAZY_REGION`` nodes, e.g. deleting a node
near the inputs of a 100,000-node graph) the edit only notes the nodes it touched as stale
(:class:`~graphstudio.graph.shape_inference.StaleShapes`); their downstream is marked stale a
slice at a time by :meth:`ShapeCache.spread` (or at once when someone needs it) and each node is
settled when someone asks for it with :meth:`ShapeCache.get`, or a budget at a time with
:meth:`ShapeCache.settle`, so a view pays for what it shows and never for long in one go;
:meth:`ShapeCache.results` settles them all. A ``reset`` (open, revert) starts again from
:func:`infer_shapes`.
"""

from __future__ import annotations

import weakref

from graphstudio.graph.shape_inference import (
    ShapeResult,
    StaleShapes,
    downstream_region,
    infer_shapes,
    update_shapes,
)

__all__ = ["ShapeCache", "shapes_of"]

#: an edit whose downstream holds more nodes than this is settled node by node, when asked
LAZY_REGION = 300
_HISTORY = 64  # changed-id sets kept for readers that fell behind (older: read everything)
_caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def shapes_of(graph) -> ShapeCache:
    """The one :class:`ShapeCache` of ``graph`` (made on first use, dropped with the graph)."""
    cache = _caches.get(graph)
    if cache is None:
        cache = _caches[graph] = ShapeCache(graph)
    return cache


class ShapeCache:
    """``results()`` is ``infer_shapes(graph)`` as of now, computed incrementally."""

    def __init__(self, graph):
        self._graph = weakref.ref(graph)
        self._results: dict[str, ShapeResult] = {}
        self._touched: set[str] = set()
        self._full = True
        self._stale = StaleShapes()
        #: counts the updates; ``changed_since`` answers in these units
        self.generation = 0
        self._history: list[tuple[int, frozenset | None]] = []  # None: everything changed
        graph.subscribe(self._on_event)

    def results(self) -> dict[str, ShapeResult]:
        """Every node's result (read it, don't change it)."""
        graph = self._update()
        if graph is not None and self._stale:
            self._stale.settle(graph, self._results)
        return self._results

    def known(self) -> dict[str, ShapeResult]:
        """Every node's result as last worked out, without settling anything: after a big
        edit some may be out of date until settled (read it, don't change it)."""
        self._update()
        return self._results

    def get(self, node_id: str) -> ShapeResult | None:
        """One node's result; after a big edit only it and what it depends on are settled."""
        graph = self._update()
        if graph is not None and self._stale:
            self._stale.settle(graph, self._results, node_id)
        return self._results.get(node_id)

    def settle(self, node_id: str | None = None, budget: int | None = None) -> bool:
        """Settle ``node_id`` (any stale node: None) doing at most ``budget`` nodes' work;
        True when it is current (None: when every result is). Call again to go on."""
        graph = self._update()
        if graph is None or not self._stale:
            return True
        return self._stale.settle(graph, self._results, node_id, budget)

    def spread(self, limit: int | None = None) -> bool:
        """Find up to ``limit`` more nodes a big edit may have changed; True once they are all
        known (then :meth:`changed_since` answers at once)."""
        graph = self._update()
        return graph is None or self._stale.spread(graph, limit)

    @property
    def settled(self) -> bool:
        """True when no result is waiting to be settled."""
        self._update()
        return not self._stale

    def _update(self):
        """Take in the edits since the last call: the graph (None once it is gone). A big
        edit costs what it touched here; its downstream is found by :meth:`spread`."""
        graph = self._graph()
        if graph is None or not (self._full or self._touched):
            return graph
        touched, self._touched = self._touched, set()
        if self._full:
            self._results, self._stale = infer_shapes(graph), StaleShapes()
            changed = None
        else:
            gone = [nid for nid in touched if nid not in graph.nodes]
            for nid in gone:
                self._stale.forget(nid)
            changed = {nid for nid in gone if self._results.pop(nid, None)}
            if self._stale or downstream_region(graph, touched, LAZY_REGION) is None:
                self._stale.mark(graph, touched)
                self._stale.marked.update(changed)
                changed = self._stale.marked  # grows as it spreads: may have changed
            else:
                changed |= update_shapes(graph, self._results, touched)
        self._full = False
        if changed is None or changed:
            self.generation += 1
            self._history = [*self._history[-_HISTORY + 1:], (self.generation, changed if
                              changed is None or changed is self._stale.marked
                              else frozenset(changed))]
        return graph

    def changed_since(self, generation: int):
        """Ids whose result changed after ``generation`` (None: assume all of them did). After
        a big edit these are the ids whose result may have changed (read them with :meth:`get`;
        finding them all costs the edit's downstream: :meth:`spread` does it a slice at a
        time). Read the answer, don't change it."""
        graph = self._update()
        if generation >= self.generation:
            return set()
        newer = [ids for gen, ids in self._history if gen > generation]
        if len(newer) < self.generation - generation or any(ids is None for ids in newer):
            return None
        if graph is not None:
            self._stale.spread(graph)
        distinct = list({id(ids): ids for ids in newer}.values())
        return distinct[0] if len(distinct) == 1 else set().union(*distinct)

    def _on_event(self, ev) -> None:
        kind = ev.kind
        if kind == "reset":
            self._full, self._touched = True, set()
        elif kind in ("edge_added", "edge_removed"):
            self._touched.add(ev.edge.dst)
        elif kind in ("node_added", "node_removed", "attr_changed", "tensor_changed"):
            self._touched.add(ev.node_id)
        elif kind == "node_renamed":  # its consumers' "waiting for <name>" messages
            graph = self._graph()
            if graph is not None and ev.node_id in graph.nodes:
                self._touched.update(e.dst for e in graph.outgoing(ev.node_id))

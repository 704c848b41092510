"""Shape and dtype inference over a whole graph, without running anything.

:func:`infer_shapes` gives every node a :class:`ShapeResult`: its output shape and dtype, or a
specific error a person understands ("matmul: (5,) @ (4, 3): inner dimensions 5 and 4 differ",
"missing input 'other'", "input 'input' has an error (from node 'w')"). It never raises and is
cheap enough to run after every edit (a few microseconds per node). The rules themselves live in
:mod:`graphstudio.graph.shape_rules`.
"""

from __future__ import annotations

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.shape_rules import ShapeError, ShapeResult, Val

__all__ = ["ShapeResult", "StaleShapes", "downstream_region", "infer_shapes", "update_shapes"]


def infer_shapes(graph) -> dict[str, ShapeResult]:
    """Shape and dtype (or an error) of every node of ``graph``, keyed by node id."""
    results: dict[str, ShapeResult] = {}
    for nid in graph.topological_order():
        results[nid] = _infer_node(graph, nid, results)
    return results


def update_shapes(graph, results: dict[str, ShapeResult], touched) -> set[str]:
    """Bring ``results`` (an earlier :func:`infer_shapes` of ``graph``) up to date in place after
    edits that touched the nodes ``touched``: added, removed, given a new attribute or tensor,
    an input wired or unwired, or renamed (its consumers' messages name it).

    Only the downstream of the touched nodes is looked at, and a node is computed again only
    when it was touched or one of its inputs' results changed, so an edit costs what it
    changes. Returns the ids whose result changed (removed nodes included); afterwards
    ``results`` equals ``infer_shapes(graph)``."""
    changed = {nid for nid in touched if nid not in graph.nodes and results.pop(nid, None)}
    dirty = {nid for nid in touched if nid in graph.nodes}
    if not dirty:
        return changed
    outgoing = graph._out
    region = downstream_region(graph, dirty)
    incoming = graph._in
    waiting = {nid: sum(e.src in region for e in incoming[nid].values()) for nid in region}
    ready = [nid for nid, n in waiting.items() if n == 0]
    while ready:  # Kahn's order within the region (any topological order gives the same)
        nid = ready.pop()
        if nid in dirty:
            new = _infer_node(graph, nid, results)
            if results.get(nid) != new:
                results[nid] = new
                changed.add(nid)
                dirty.update(e.dst for e in outgoing[nid])
        for e in outgoing[nid]:
            waiting[e.dst] -= 1
            if waiting[e.dst] == 0:
                ready.append(e.dst)
    return changed


def downstream_region(graph, node_ids) -> set[str]:
    """The nodes of ``node_ids`` still in ``graph`` and everything downstream of them."""
    outgoing = graph._out
    region = {nid for nid in node_ids if nid in graph.nodes}
    stack = list(region)
    while stack:
        for e in outgoing[stack.pop()]:
            if e.dst not in region:
                region.add(e.dst)
                stack.append(e.dst)
    return region


class StaleShapes:
    """Results that may be out of date, brought up to date one node at a time when asked.

    An edit near the inputs of a big graph can change the result of thousands of nodes
    downstream; a view needs the few it shows now. :meth:`mark` notes the edit's region
    (``touched`` and all downstream of it) as stale in O(region) set operations; :meth:`settle`
    makes one node current by settling its stale inputs first (iteratively, so a chain of any
    length is fine). A stale node is computed again only when an edit touched it or one of its
    inputs' results changed, as in :func:`update_shapes`; afterwards ``results`` holds for it
    what :func:`infer_shapes` would. The stale set stays closed downstream: a node is settled
    only after all its inputs are.
    """

    def __init__(self):
        self.stale: set[str] = set()
        self._touched: set[str] = set()
        self._changed: set[str] = set()  # results that changed while some stayed stale

    def __bool__(self) -> bool:
        return bool(self.stale)

    def mark(self, region: set[str], touched) -> None:
        self.stale |= region
        self._touched.update(nid for nid in touched if nid in region)

    def forget(self, node_id: str) -> None:
        """``node_id`` left the graph."""
        self.stale.discard(node_id)
        self._touched.discard(node_id)

    def settle(self, graph, results: dict[str, ShapeResult], node_id: str) -> None:
        stale, incoming = self.stale, graph._in
        stack = [node_id]
        while stack:
            nid = stack[-1]
            if nid not in stale:
                stack.pop()
                continue
            waiting = [e.src for e in incoming[nid].values() if e.src in stale]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            stale.discard(nid)
            if nid in self._touched or any(e.src in self._changed
                                           for e in incoming[nid].values()):
                new = _infer_node(graph, nid, results)
                if results.get(nid) != new:
                    results[nid] = new
                    self._changed.add(nid)
        if not stale:
            self._touched.clear()
            self._changed.clear()


def _infer_node(graph, nid: str, results: dict[str, ShapeResult]) -> ShapeResult:
    """The result of node ``nid`` from its inputs' ``results``."""
    node = graph.nodes[nid]
    nt = NODE_TYPES[node.type]
    edges = graph._in[nid]
    ins: dict[str, Val] = {}
    err = None
    for port in nt.inputs:
        e = edges.get(port.name)
        if e is None:
            if not port.optional:
                err = f"missing input {port.name!r}"
                break
            continue
        r = results[e.src]
        if r.error is not None:
            err = f"input {port.name!r} has an error (from node {graph.nodes[e.src].name!r})"
            break
        ins[port.name] = r.outputs[e.src_port]
    if err is None:
        try:
            outs = nt.shape_rule(node, ins)
        except ShapeError as ex:
            err = f"{nt.type_id}: {ex}"
        except Exception as ex:  # a rule must never take the editor down
            err = f"{nt.type_id}: {type(ex).__name__}: {ex}"
    if err is not None:
        return ShapeResult(None, None, err, {})
    first = outs[0] if outs else (None, None)
    return ShapeResult(first[0], first[1], None, dict(zip(nt.output_names, outs, strict=False)))

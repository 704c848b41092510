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


def downstream_region(graph, node_ids, limit: int | None = None) -> set[str] | None:
    """The nodes of ``node_ids`` still in ``graph`` and everything downstream of them (None
    as soon as that is more than ``limit`` nodes: the walk stops there)."""
    outgoing = graph._out
    region = {nid for nid in node_ids if nid in graph.nodes}
    stack = list(region)
    while stack:
        for e in outgoing[stack.pop()]:
            if e.dst not in region:
                region.add(e.dst)
                stack.append(e.dst)
        if limit is not None and len(region) > limit:
            return None
    return region


class StaleShapes:
    """Results that may be out of date, found a slice at a time and brought up to date one
    node at a time when asked.

    An edit near the inputs of a big graph can change the result of thousands of nodes
    downstream; a view needs the few it shows now. :meth:`mark` takes the nodes an edit touched
    in O(touched): their downstream is found later by :meth:`spread`, a bounded number of
    nodes per call (or all at once when someone needs the answer). :meth:`settle` makes one node
    current by settling its stale inputs first (iteratively, so a chain of any length is fine),
    optionally within a budget of nodes, keeping its place for the next call. A stale node is
    computed again only when an edit touched it or one of its inputs' results changed, as in
    :func:`update_shapes`; afterwards ``results`` holds for it what :func:`infer_shapes` would.
    Once spread, the stale set is closed downstream: a node is settled only after all its
    inputs are. ``marked`` holds every node marked stale since the set was last empty (the ids
    whose result may have changed).
    """

    def __init__(self):
        self.stale: set[str] = set()
        self.marked: set[str] = set()
        self._touched: set[str] = set()
        self._changed: set[str] = set()  # results that changed while some stayed stale
        self._frontier: list[str] = []  # marked nodes whose consumers are not marked yet
        self._stack: list[str] = []  # an interrupted settle's place
        self._picks: list[str] = []  # stale nodes to settle next when none is asked for

    def __bool__(self) -> bool:
        return bool(self.stale)

    @property
    def spreading(self) -> bool:
        """True while some stale nodes' downstream is not marked yet."""
        return bool(self._frontier)

    def mark(self, graph, touched) -> None:
        """The nodes ``touched`` (those still in ``graph``) and, once spread, their downstream
        are stale."""
        for nid in touched:
            if nid in graph.nodes:
                self._touched.add(nid)
                if nid not in self.stale:
                    self.stale.add(nid)
                    self.marked.add(nid)
                    self._frontier.append(nid)

    def spread(self, graph, limit: int | None = None) -> bool:
        """Mark the downstream of up to ``limit`` marked nodes (all: None); True when done."""
        stale, marked, frontier, outgoing = self.stale, self.marked, self._frontier, graph._out
        done = 0
        while frontier and (limit is None or done < limit):
            done += 1
            for e in outgoing.get(frontier.pop(), ()):  # gone from the graph: nothing
                if e.dst not in stale:
                    stale.add(e.dst)
                    marked.add(e.dst)
                    frontier.append(e.dst)
        return not frontier

    def forget(self, node_id: str) -> None:
        """``node_id`` left the graph."""
        self.stale.discard(node_id)
        self._touched.discard(node_id)

    def _pick(self) -> str:
        """A stale node (taking the first of a set again and again after discarding many of
        its items would scan the emptied slots each time: quadratic)."""
        picks = self._picks
        while picks and picks[-1] not in self.stale:
            picks.pop()
        if not picks:
            picks.extend(self.stale)
        return picks.pop()

    def settle(self, graph, results: dict[str, ShapeResult], node_id: str | None = None,
               budget: int | None = None) -> bool:
        """Make ``node_id`` current (any stale node, as many as the budget allows: None),
        settling at most ``budget`` nodes (no limit: None). True when ``node_id`` is current
        (None: when nothing is stale)."""
        self.spread(graph)
        stale, incoming, stack = self.stale, graph._in, self._stack
        if node_id is not None and node_id in stale:
            stack.append(node_id)
        steps = 0
        while stale and (budget is None or steps < budget):
            if node_id is not None and node_id not in stale:
                break
            if not stack:
                if node_id is not None:
                    break
                stack.append(self._pick())
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
            steps += 1
            if nid in self._touched or any(e.src in self._changed
                                           for e in incoming[nid].values()):
                new = _infer_node(graph, nid, results)
                if results.get(nid) != new:
                    results[nid] = new
                    self._changed.add(nid)
        if not stale:
            self._touched.clear()
            self._changed.clear()
            self._stack.clear()
            self._picks.clear()
            self.marked = set()  # a new set: readers may still hold the old one
        return not stale if node_id is None else node_id not in stale


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
    names = nt.output_names
    if len(outs) == 1 and names:  # the usual one output: the dict below, made at once
        first = outs[0]
        return ShapeResult(first[0], first[1], None, {names[0]: first})
    first = outs[0] if outs else (None, None)
    return ShapeResult(first[0], first[1], None, dict(zip(names, outs, strict=False)))

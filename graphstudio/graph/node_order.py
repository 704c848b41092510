"""The order of a graph's nodes: a topological order, a new order checked, one node moved, and
fresh ids in a chosen order made in one pass over the graph's tables (pure Python, for
:class:`~graphstudio.graph.model.Graph`).

The code importer builds its graph while it reads the program, then numbers the nodes ``n1``,
``n2``, ... in the order a person writes them. :meth:`Graph.renumber
<graphstudio.graph.model.Graph.renumber>` does that in place with the tables made here, rather
than building the whole graph a second time.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

from graphstudio.graph.elements import Edge, GraphError
from graphstudio.graph.session_actions import renumbered

__all__ = ["checked_order", "move_last_to", "new_ids", "renumber_nodes", "renumbered_edges",
           "renumbered_run", "topological"]


class _Ids(dict):
    """Old id -> new id; an id it does not know (a run option naming a node that is gone)
    stays as it is."""

    def __missing__(self, key):
        return key


def checked_order(order: Iterable[str], nodes: Mapping[str, object]) -> list[str]:
    """``order`` as a list; GraphError unless it is a reordering of ``nodes``' ids."""
    order = list(order)
    if len(order) != len(nodes) or set(order) != set(nodes):
        raise GraphError("the node order given is not a reordering of the graph's nodes")
    return order


def move_last_to(d: dict, index: int) -> None:
    """Make the last entry of ``d`` its ``index``-th, in place (a held reference to ``d`` stays
    current). Two flat lists and one pass in C: no pair object per entry, so a big document's
    undo sets off no garbage collection."""
    keys, values = list(d), list(d.values())
    keys.insert(index, keys.pop())
    values.insert(index, values.pop())
    d.clear()
    d.update(zip(keys, values, strict=True))


def new_ids(order: Sequence[str]) -> dict[str, str]:
    """``{old id: new id}``: ``n1``, ``n2``, ... in ``order``."""
    return _Ids(zip(order, [f"n{i}" for i in range(1, len(order) + 1)], strict=True))


def renumber_nodes(nodes: dict, order: Sequence[str], new: Mapping[str, str]) -> None:
    """``nodes`` ({id: Node}) in place: in ``order``, each node under (and with) its new id."""
    items = [(new[nid], nodes[nid]) for nid in order]
    for nid, node in items:
        node.id = nid
    nodes.clear()
    nodes.update(items)


def renumbered_edges(order: Sequence[str], edges: Iterable[Edge], new: Mapping[str, str]
                     ) -> tuple[dict[str, dict[str, Edge]], dict[str, list[Edge]]]:
    """(incoming, outgoing) tables under the new ids, nodes in ``order``: each node's incoming
    edges keyed by input port in the order ``edges`` gives them (the graph's port order), its
    outgoing edges in the order of ``edges``."""
    ins, outs = {}, {}
    for nid in order:
        nid = new[nid]
        ins[nid], outs[nid] = {}, []
    for e in edges:
        src, dst, dst_port = new[e.src], new[e.dst], e.dst_port
        edge = Edge(src, e.src_port, dst, dst_port)
        ins[dst][dst_port] = edge
        outs[src].append(edge)
    return ins, outs


def renumbered_run(run: Mapping, new: Mapping[str, str]) -> dict:
    """The run options with every node id they name given its new id (keys in their order)."""
    out = {}
    for key, value in run.items():
        if key == "loss":
            value = new[value]
        elif key == "retain_grad":
            value = tuple(new[v] for v in value)
        elif key == "hooks":
            value = {new[k]: hook for k, hook in value.items()}
        elif key == "session":
            value = renumbered(value, new)
        out[key] = value
    return out


def topological(ids: Sequence[str], incoming: Mapping[str, Mapping[str, Edge]],
                outgoing: Mapping[str, Sequence[Edge]]) -> list[str]:
    """``ids`` in a topological order (Kahn's, ties broken by their place in ``ids``), counting
    only the edges between them; ``incoming``/``outgoing`` are a graph's edge tables."""
    if _in_order(ids, incoming):
        return list(ids)  # already in order: Kahn's would give it back unchanged
    rank = {nid: i for i, nid in enumerate(ids)}
    wanted = set(ids)
    indeg = {nid: sum(1 for e in incoming[nid].values() if e.src in wanted) for nid in ids}
    ready = [rank[n] for n in ids if indeg[n] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        nid = ids[heapq.heappop(ready)]
        order.append(nid)
        for e in outgoing[nid]:
            if e.dst in wanted:
                indeg[e.dst] -= 1
                if indeg[e.dst] == 0:
                    heapq.heappush(ready, rank[e.dst])
    return order


def _in_order(ids: Sequence[str], incoming: Mapping[str, Mapping[str, Edge]]) -> bool:
    """Whether every edge between ``ids`` comes from an earlier one (a node's own wire, or one
    from a later node, says no)."""
    seen, wanted = set(), None
    for nid in ids:
        for e in incoming[nid].values():
            if e.src not in seen:
                if wanted is None:  # made only when an edge comes from outside (or not in order)
                    wanted = set(ids)
                if e.src in wanted:
                    return False
        seen.add(nid)
    return True

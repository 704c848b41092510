"""Arranging a graph read from code: nodes in the order a person writes them, laid out left to
right by topological layer with the canvas's layered layout (used by
:mod:`graphstudio.pytorch.code_import`)."""

from __future__ import annotations

from graphstudio.graph.auto_layout import H_GAP, V_GAP, layered_layout
from graphstudio.graph.model import Graph
from graphstudio.graph.session_actions import renumbered

__all__ = ["COL", "ROW", "arrange"]

COL, ROW = 260.0, 190.0


def arrange(g: Graph) -> Graph:
    """A reordered copy of ``g`` (see :func:`_reordered`) with every node placed."""
    out = _reordered(g)
    _layout(out)
    return out


def _reordered(g: Graph) -> Graph:
    """A copy whose nodes come in the order a person writes them: each source (a tensor or a
    number) just before the first op that uses it, ops in the order of the code; fresh ids."""
    order, done = [], set()
    for nid in g.nodes:
        ins = list(g.incoming(nid).values())
        if not ins and g.outgoing(nid):
            continue
        for e in ins:
            if e.src not in done:
                done.add(e.src)
                order.append(e.src)
        done.add(nid)
        order.append(nid)
    order += [nid for nid in g.nodes if nid not in done]
    out = Graph()
    new = {}
    for nid in order:
        n = g.nodes[nid]
        new[nid] = out.add_node(n.type, n.name, attrs=n.attrs, tensor=n.tensor).id
    for e in g.edges:
        out.connect(new[e.src], e.src_port, new[e.dst], e.dst_port)
    for key, value in g.meta.items():
        out.set_meta(key, value)
    for key, value in g.run.items():
        value = {"loss": lambda v: new[v], "retain_grad": lambda v: tuple(new[i] for i in v),
                 "session": lambda v: renumbered(v, new)}.get(key, lambda v: v)(value)
        out.set_run_option(key, value)
    return out


def _layout(g: Graph) -> None:
    """The canvas's layered layout (:func:`graphstudio.graph.auto_layout.layered_layout`) with cards
    of ``COL - H_GAP`` by ``ROW - V_GAP``: columns ``COL`` apart, and room for cards that grow
    once they show values."""
    size = (COL - H_GAP, ROW - V_GAP)
    for nid, pos in layered_layout(g, sizes=dict.fromkeys(g.nodes, size)).items():
        g.move_node(nid, pos)

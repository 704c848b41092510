"""Arranging a graph read from code: nodes in the order a person writes them, laid out left to
right by topological layer with the canvas's layered layout (used by
:mod:`graphstudio.pytorch.code_import`)."""

from __future__ import annotations

from graphstudio.graph.auto_layout import H_GAP, V_GAP, layered_layout
from graphstudio.graph.model import Graph

__all__ = ["COL", "ROW", "arrange", "written_order"]

COL, ROW = 260.0, 190.0


def arrange(g: Graph) -> Graph:
    """``g`` itself, its nodes renumbered in the order a person writes them (see
    :func:`written_order`) and every node placed."""
    g.renumber(written_order(g))
    _layout(g)
    return g


def written_order(g: Graph) -> list[str]:
    """The nodes in the order a person writes them: each source (a tensor or a number) just
    before the first op that uses it, ops in the order of the code."""
    order, done = [], set()
    for nid in g.nodes:
        ins = g.incoming(nid)
        if not ins and g.outgoing(nid):
            continue
        for e in ins.values():
            if e.src not in done:
                done.add(e.src)
                order.append(e.src)
        done.add(nid)
        order.append(nid)
    order += [nid for nid in g.nodes if nid not in done]
    return order


def _layout(g: Graph) -> None:
    """The canvas's layered layout (:func:`graphstudio.graph.auto_layout.layered_layout`) with cards
    of ``COL - H_GAP`` by ``ROW - V_GAP``: columns ``COL`` apart, and room for cards that grow
    once they show values."""
    size = (COL - H_GAP, ROW - V_GAP)
    g.place_nodes(layered_layout(g, sizes=dict.fromkeys(g.nodes, size)))

"""Arranging a graph read from code: nodes in the order a person writes them, laid out left to
right by topological layer (used by :mod:`graphstudio.engine.codeimport`)."""

from __future__ import annotations

import numpy as np

from graphstudio.engine.graph import Graph

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
        value = {"loss": lambda v: new[v], "retain_grad": lambda v: tuple(new[i] for i in v)
                 }.get(key, lambda v: v)(value)
        out.set_run_option(key, value)
    return out


def _layout(g: Graph) -> None:
    """Columns by longest path from the sources (a source sits just left of its first
    consumer); within a column, nodes ordered by the mean row of what feeds them."""
    order = g.topological_order()
    preds = {v: [e.src for e in g.incoming(v).values()] for v in order}
    succs = {v: [e.dst for e in g.outgoing(v)] for v in order}
    col: dict[str, int] = {}
    for v in order:
        col[v] = max((col[u] + 1 for u in preds[v]), default=0)
    for v in reversed(order):
        if not preds[v] and succs[v]:
            col[v] = max(min(col[w] for w in succs[v]) - 1, 0)
    row: dict[str, float] = {}
    for c in range(max(col.values(), default=-1) + 1):
        members = [v for v in order if col[v] == c]
        members.sort(key=lambda v: (np.mean([row[u] for u in preds[v]]) if preds[v]
                                    and all(u in row for u in preds[v]) else 1e9))
        for i, v in enumerate(members):
            row[v] = i
            g.move_node(v, (c * COL, i * ROW))


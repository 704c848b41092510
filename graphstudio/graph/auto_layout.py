"""Automatic layout by topological layers (a small Sugiyama-style layout), Qt-free.

One layout for the whole program: the canvas's Auto-layout (through the scene, with the cards'
real sizes) and graphs read from code (:mod:`graphstudio.pytorch.import_layout`).

Nodes go into columns left to right by longest path from the sources; a source (an Input or a
Parameter) is pulled right next to its first consumer instead of waiting in column 0. Within a
column, nodes are ordered by the barycentre of their neighbours (a few sweeps, to cut crossings)
and then placed vertically near the average height of what feeds them, without overlapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["layered_layout", "DEFAULT_SIZE"]

DEFAULT_SIZE = (170.0, 90.0)
H_GAP = 110.0
V_GAP = 36.0


def _layers(order, preds, succs) -> dict[str, int]:
    layer: dict[str, int] = {}
    sources = []
    for v in order:
        ps = preds[v]
        if not ps:
            layer[v] = 0
            sources.append(v)
        elif len(ps) == 1:  # the max below, for the usual single input
            layer[v] = layer[ps[0]] + 1
        else:
            layer[v] = max([layer[u] for u in ps]) + 1
    for v in sources:  # pull sources next to their first consumer (never another source)
        ss = succs[v]
        if ss:
            layer[v] = max(min([layer[w] for w in ss]) - 1, 0)
    return layer


def _order_columns(columns, preds, succs, sweeps: int = 4):
    rank = {v: i for col in columns for i, v in enumerate(col)}  # always its place in its column
    # a single node has nothing to order (its rank stays 0): only the others are swept
    forward = [col for col in columns[1:] if len(col) > 1]
    backward = [col for col in reversed(columns[:-1]) if len(col) > 1]
    still = 0  # sweeps in a row that moved nothing
    for s in range(sweeps):
        if still == 2:  # nothing moves either way: the sweeps left would change nothing
            break
        still += 1
        cols, nbrs = (forward, preds) if s % 2 == 0 else (backward, succs)
        for col in cols:
            if _sort_column(col, nbrs, rank):
                still = 0


def _sort_column(col, nbrs, rank) -> bool:
    """Order ``col`` by the mean rank of each node's ``nbrs`` (its own rank without any) and
    give its nodes their new ranks; True when the order changed."""
    if len(col) == 2:  # the sort below, for two: swapped when the second comes first
        a, b = col
        na, nb = nbrs[a], nbrs[b]
        # _mean_rank, at once for the usual single neighbour
        ka = (rank[na[0]] if len(na) == 1 else _mean_rank(na, rank)) if na else rank[a]
        kb = (rank[nb[0]] if len(nb) == 1 else _mean_rank(nb, rank)) if nb else rank[b]
        if kb < ka:
            col[0], col[1] = b, a
            rank[a], rank[b] = 1, 0
            return True
        return False
    bary = {}
    for v in col:
        ns = nbrs[v]
        bary[v] = sum([rank[u] for u in ns]) / len(ns) if ns else rank[v]
    before = col[:]
    col.sort(key=bary.__getitem__)
    if col == before:
        return False
    for i, v in enumerate(col):
        rank[v] = i
    return True


def _mean_rank(neighbours, rank) -> float:
    """The mean rank of ``neighbours`` (at least one): the same number as the sum over the
    count, found at once for the usual single neighbour."""
    if len(neighbours) == 1:
        return rank[neighbours[0]]
    return sum([rank[u] for u in neighbours]) / len(neighbours)


def _place(col, desired, heights) -> dict[str, float]:
    """Tops for ``col`` (in order) as close to ``desired`` tops as possible without overlap."""
    if len(col) == 1:  # a single node sits where it wants to be (the shift below is 0.0)
        return {col[0]: desired[col[0]] + 0.0}
    if len(col) == 2:  # the loop and shift below, for two (sum() adds to 0 first: + 0.0)
        a, b = col
        da, db = desired[a], desired[b]
        below = max(db, da + heights[a] + V_GAP)
        shift = ((da - da + 0.0) + (db - below)) / 2
        return {a: da + shift, b: below + shift}
    tops, y = [], None
    for v in col:
        t = desired[v] if y is None else max(desired[v], y)
        tops.append(t)
        y = t + heights[v] + V_GAP
    # shift the whole column so it sits on average where it wants to be (never overlapping)
    shift = sum(desired[v] - t for v, t in zip(col, tops, strict=True)) / max(len(col), 1)
    return {v: t + shift for v, t in zip(col, tops, strict=True)}


def _tops(columns, preds, succs, heights) -> dict[str, float]:
    """Each node's top, column by column (``heights``: each node's height)."""
    top: dict[str, float] = {}
    # forward: each node near the middle of what feeds it
    for col in columns:
        if len(col) == 1:  # a single node sits where it wants to be (see _place)
            v = col[0]
            ps = preds[v]
            if len(ps) == 1:  # the mean below, for one input: sum([m]) / 1 is m + 0.0
                u = ps[0]
                top[v] = (top[u] + heights[u] / 2 + 0.0 - heights[v] / 2) + 0.0
                continue
            ps = [top[u] + heights[u] / 2 for u in ps if u in top]
            top[v] = (sum(ps) / len(ps) - heights[v] / 2 if ps else 0.0) + 0.0
            continue
        desired, y = {}, 0.0
        for v in col:
            ps = [top[u] + heights[u] / 2 for u in preds[v] if u in top]
            desired[v] = (sum(ps) / len(ps) - heights[v] / 2) if ps else y
            y = desired[v] + heights[v] + V_GAP
        top.update(_place(col, desired, heights))
    # backward: sources next to the middle of what they feed
    for col in reversed(columns):
        if len(col) == 1:  # as below, for one node: only a source moves, to where it wants
            v = col[0]
            ss = succs[v]
            if ss and not preds[v]:
                ts = [top[w] + heights[w] / 2 for w in ss]
                top[v] = (sum(ts) / len(ts) - heights[v] / 2) + 0.0
            continue
        if all(preds[v] for v in col):
            continue
        desired = {}
        for v in col:
            ss = [top[w] + heights[w] / 2 for w in succs[v]]
            desired[v] = (sum(ss) / len(ss) - heights[v] / 2) if (ss and not preds[v]) else top[v]
        top.update(_place(col, desired, heights))
    return top


def layered_layout(graph, node_ids: Iterable[str] | None = None,
                   sizes: Mapping[str, tuple[float, float]] | None = None
                   ) -> dict[str, tuple[float, float]]:
    """New top-left positions ``{node_id: (x, y)}`` for ``node_ids`` (default: all nodes).

    ``sizes`` gives each node's (width, height) when known (the scene's item sizes). The layout
    keeps the current top-left corner of the nodes it arranges.
    """
    order = graph.topological_order(node_ids)
    if not order:
        return {}
    sizes = sizes or {}
    size = {v: tuple(sizes.get(v, DEFAULT_SIZE)) for v in order}
    if node_ids is None:  # every node: every wire counts
        preds, succs = graph.neighbours()
    else:
        wanted = set(order)
        preds = {v: [e.src for e in graph.incoming(v).values() if e.src in wanted]
                 for v in order}
        succs = {v: [e.dst for e in graph.outgoing(v) if e.dst in wanted] for v in order}
    layer = _layers(order, preds, succs)

    columns: list[list[str]] = [[] for _ in range(max(layer.values()) + 1)]
    for v in order:
        columns[layer[v]].append(v)
    columns = [c for c in columns if c]
    _order_columns(columns, preds, succs)

    top = _tops(columns, preds, succs, {v: size[v][1] for v in order})

    corners = [graph.nodes[v].pos for v in order]
    x0 = min(x for x, _ in corners)
    y0 = min(y for _, y in corners)
    dy = y0 - min(top.values())
    out, x = {}, x0
    for col in columns:
        left = round(x, 1)
        if len(col) == 1:
            v = col[0]
            out[v] = (left, round(top[v] + dy, 1))
            x += size[v][0] + H_GAP
            continue
        for v in col:
            out[v] = (left, round(top[v] + dy, 1))
        x += max([size[v][0] for v in col]) + H_GAP
    return out

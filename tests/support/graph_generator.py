"""Large, valid, runnable graphs for benchmarks and stress tests.

``make_large_graph(n)`` builds exactly ``n`` nodes (n >= 14): several parallel lanes of small
blocks ``act(h @ W + b)`` with (4, 4) weights, some biases taken from the neighbouring lane
so the lanes mix, each lane summed, the sums added into a scalar ``loss``; leftover nodes are
Output nodes watching activations (each below its activation, where a block leaves room).
Positions are laid out left to right, one lane per band; no two bare cards meet.
"""

from __future__ import annotations

import math

import numpy as np

from graphstudio.graph.model import Graph, TensorSpec

__all__ = ["add_shape_error", "make_large_graph"]

COL, ROW = 260.0, 190.0  # 180x110 cards with 80 px gaps
WIDTH = 4
ACTIVATIONS = ("tanh", "relu", "sigmoid")
MIN_NODES = 14  # x, one block per lane (2 lanes), the lane sums and their add


def make_large_graph(n_nodes: int, seed: int = 0) -> Graph:
    """A graph of exactly ``n_nodes`` nodes whose run has a scalar loss and full backward."""
    if n_nodes < MIN_NODES:
        raise ValueError(f"make_large_graph needs at least {MIN_NODES} nodes, got {n_nodes}")
    rng = np.random.default_rng(seed)
    lanes = max(2, int(math.sqrt(n_nodes / 40)))
    g = Graph()
    x = g.add_node("input", "x", (0.0, lanes * ROW),
                   tensor=TensorSpec("randn", (WIDTH,), seed=seed))
    heads = [x.id] * lanes
    budget = n_nodes - 1 - lanes - (lanes - 1)  # x, the lane sums, the adds of the sums
    block = 0
    while budget >= 5 * lanes:
        prev = list(heads)
        for lane in range(lanes):
            mix = block % 4 == 3
            heads[lane] = _block(g, rng, block, lane, prev[lane],
                                 prev[(lane + 1) % lanes] if mix else None)
            budget -= 4 if mix else 5
        block += 1
    end = 3 * block + 1
    sums = []
    for lane in range(lanes):
        s = g.add_node("sum", f"s{lane}", (end * COL, 2 * lane * ROW))
        g.connect(heads[lane], "out", s.id, "input")
        sums.append(s.id)
    total = sums[0]
    for i, s in enumerate(sums[1:], 1):
        name = "loss" if i == lanes - 1 else f"total{i}"
        add = g.add_node("add", name, ((end + i) * COL, (2 * i - 1) * ROW))
        g.connect(total, "out", add.id, "input")
        g.connect(s, "out", add.id, "other")
        total = add.id
    acts = [nid for nid, n in g.nodes.items() if n.type in ACTIVATIONS]
    watched: set[int] = set()
    for i in range(n_nodes - len(g)):
        pick = (i * 7) % len(acts)  # the next activation not watched yet, while there is one
        while pick in watched and len(watched) < len(acts):
            pick = (pick + 1) % len(acts)
        watched.add(pick)
        src = g.nodes[acts[pick]]
        out = g.add_node("output", f"out{i}", (src.pos[0], src.pos[1] + 0.5 * ROW))  # free
        g.connect(src.id, "out", out.id, "input")
    g.set_run_option("loss", total)
    g.set_meta("title", f"Generated graph of {n_nodes} nodes (seed {seed})")
    return g


def _block(g: Graph, rng, block: int, lane: int, h: str, bias_from: str | None) -> str:
    """``act(h @ W + b)``; ``b`` is a Parameter, or ``bias_from``'s output when given."""
    col, base = 3 * block + 1, 2 * lane * ROW
    tag = f"{lane}_{block}"
    w = g.add_node("parameter", f"w{tag}", (col * COL, base + ROW),
                   tensor=TensorSpec("randn", (WIDTH, WIDTH), seed=int(rng.integers(2**31)),
                                     fill=0.5))
    mm = g.add_node("matmul", f"mm{tag}", (col * COL, base))
    g.connect(h, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    add = g.add_node("add", f"z{tag}", ((col + 1) * COL, base))
    g.connect(mm.id, "out", add.id, "input")
    if bias_from is None:
        b = g.add_node("parameter", f"b{tag}", ((col + 1) * COL, base + ROW),
                       tensor=TensorSpec("zeros", (WIDTH,)))
        bias_from = b.id
    g.connect(bias_from, "out", add.id, "other")
    act = g.add_node(ACTIVATIONS[(block + lane) % len(ACTIVATIONS)], f"a{tag}",
                     ((col + 2) * COL, base + ROW / 2))
    g.connect(add.id, "out", act.id, "input")
    return act.id


def add_shape_error(g: Graph) -> str:
    """Add ``x (5,) @ w (4, 3)`` to ``g`` (a matmul whose inner dimensions differ, so the graph
    does not run); returns the matmul's id (its name is "matmul")."""
    x = g.add_node("input", tensor=TensorSpec("zeros", (5,)))
    w = g.add_node("parameter", tensor=TensorSpec("zeros", (4, 3)))
    mm = g.add_node("matmul")
    g.connect(x.id, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    return mm.id

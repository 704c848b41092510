"""node_order.topological: the nodes in order, ties by their place, however they are given
(already in order or not, all of a graph or some, edges from outside the ones asked for)."""

import heapq

from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.graph.elements import Edge
from graphstudio.graph.node_order import topological


def kahn(ids, edges):
    """The order by its definition: among the nodes whose inputs (between ``ids``) are all
    placed, the one given first."""
    wanted = set(ids)
    inputs = {n: {e.src for e in edges if e.dst == n and e.src in wanted} for n in ids}
    ready = [i for i, n in enumerate(ids) if not inputs[n]]
    heapq.heapify(ready)
    out = []
    while ready:
        n = ids[heapq.heappop(ready)]
        out.append(n)
        for i, m in enumerate(ids):
            if n in inputs[m]:
                inputs[m].discard(n)
                if not inputs[m]:
                    heapq.heappush(ready, i)
    return out


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 9))
    names = [f"n{i}" for i in range(n)]  # a DAG: wires only from a lower number
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=14))
    edges = list({(a, b): Edge(names[a], "out", names[b], f"p{a}") for a, b in pairs
                  if a < b}.values())
    ids = draw(st.permutations(names))
    ids = ids[:draw(st.integers(1, n))]
    return ids, edges


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_the_order_is_kahns_with_ties_by_place(case):
    ids, edges = case
    incoming = {n: {} for n in ids}
    outgoing = {n: [] for n in ids}
    for e in edges:
        if e.dst in incoming:
            incoming[e.dst][e.dst_port] = e
        if e.src in outgoing:
            outgoing[e.src].append(e)
    assert topological(ids, incoming, outgoing) == kahn(ids, edges)


def test_a_wire_from_outside_does_not_count():
    e = Edge("outside", "out", "b", "input")
    assert topological(["b", "a"], {"a": {}, "b": {"input": e}}, {"a": [], "b": []}) == ["b", "a"]

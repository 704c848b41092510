"""Edits cost what they change: counts kept as the graph changes, the two-sided cycle check,
and putting a node or wire back at its place without reordering the rest."""

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.graph.model import Graph, GraphError
from graphstudio.graph.reach import reaches


def chain(n: int) -> Graph:
    g = Graph()
    prev = g.add_node("input", "x").id
    for i in range(1, n):
        nid = g.add_node("relu", f"r{i}").id
        g.connect(prev, "out", nid, "input")
        prev = nid
    return g


def random_dag(seed: int, n: int = 25) -> Graph:
    rng = random.Random(seed)
    g = Graph()
    ids = [g.add_node("input", "x").id]
    for i in range(1, n):
        nid = g.add_node(rng.choice(["add", "mul"]), f"v{i}").id
        for port in ("input", "other"):
            if rng.random() < 0.8:
                g.connect(rng.choice(ids), "out", nid, port)
        ids.append(nid)
    return g


@given(st.integers(0, 10_000))
@settings(max_examples=40, deadline=None)
def test_reaches_agrees_with_walking_downstream(seed):
    g = random_dag(seed)
    ids = list(g.nodes)
    rng = random.Random(seed)
    for _ in range(30):
        a, b = rng.choice(ids), rng.choice(ids)
        assert reaches(g._out, g._in, a, b) == (a == b or b in g.downstream(a))


class Counting(dict):
    """A graph table that counts the lookups made in it."""

    looked = 0

    def __getitem__(self, key):
        Counting.looked += 1
        return super().__getitem__(key)


def test_the_cycle_check_of_a_wire_into_the_first_layer_costs_its_small_side():
    g = chain(5000)
    ids = list(g.nodes)
    Counting.looked = 0
    # a wire x -> r2 would be fine: r2's downstream is the whole chain, x's upstream is empty
    assert not reaches(Counting(g._out), Counting(g._in), ids[2], ids[0])
    assert Counting.looked < 10
    Counting.looked = 0
    assert reaches(Counting(g._out), Counting(g._in), ids[0], ids[-1])  # and it still finds
    assert g.connection_problem(ids[-1], "out", ids[1], "input") is not None  # a real cycle


def test_counts_follow_every_edit_and_reset():
    g = random_dag(3)
    rng = random.Random(3)
    for _ in range(60):
        ids = list(g.nodes)
        kind = rng.random()
        if kind < 0.3 and ids:
            g.remove_node(rng.choice(ids))
        elif kind < 0.6:
            g.add_node(rng.choice(["relu", "add", "output"]))
        elif g.edges:
            g.disconnect(rng.choice(g.edges))
        assert g.edge_count == len(g.edges)
        assert g.type_counts() == dict(Counter(n.type for n in g))
    copy = g.copy()
    assert copy.edge_count == len(g.edges) and copy.type_counts() == g.type_counts()


def test_a_node_and_a_wire_go_back_at_their_place():
    g = chain(6)
    ids = list(g.nodes)
    events = []
    g.subscribe(events.append)
    node = g.add_node("output", "seen", index=2)
    assert list(g.nodes) == [*ids[:2], node.id, *ids[2:]]
    assert [ev.kind for ev in events] == ["node_added"]  # one event: no reordering after it
    g.connect(ids[0], "out", node.id, "input", out_index=0)
    assert [e.dst for e in g.outgoing(ids[0])] == [node.id, ids[1]]
    g.add_node("output", "last", index=99)  # past the end: last
    assert list(g.nodes)[-1] == g.node_by_name("last").id
    with pytest.raises(GraphError, match="already used"):
        g.add_node("output", "seen", index=0)
    assert len(g) == 8 and list(g.nodes)[2] == node.id

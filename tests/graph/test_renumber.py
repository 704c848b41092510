"""Graph.renumber: fresh ids n1, n2, ... in a chosen order, in place (what the code importer does
instead of copying its graph), and the quick topological order of nodes already in order."""

import heapq

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.graph.elements import GraphError, TensorSpec
from graphstudio.graph.model import Graph
from graphstudio.graph.node_order import topological
from graphstudio.graph.session_actions import Backward, Forward, ZeroGrad


def small_graph() -> Graph:
    g = Graph()
    x = g.add_node("input", "x", tensor=TensorSpec.from_array([1.0, 2.0]), id="a")
    w = g.add_node("parameter", "w", tensor=TensorSpec.from_array([3.0, 4.0]), id="b")
    m = g.add_node("mul", "xw", id="c")
    s = g.add_node("sum", "total", id="d")
    g.connect(x.id, "out", m.id, "input")
    g.connect(w.id, "out", m.id, "other")
    g.connect(m.id, "out", s.id, "input")
    g.set_run_option("loss", s.id)
    g.set_run_option("retain_grad", (m.id,))
    g.set_run_option("hooks", {m.id: {"kind": "print"}})
    g.set_run_option("session", (Forward(None, False), Backward(s.id, None, False),
                                  ZeroGrad(w.id)))
    return g


def test_renumber_gives_ids_in_the_order_and_everything_follows():
    g = small_graph()
    events = []
    g.subscribe(events.append)
    nodes = g.nodes
    new = g.renumber(["b", "a", "c", "d"])
    assert new == {"b": "n1", "a": "n2", "c": "n3", "d": "n4"}
    assert g.nodes is nodes  # in place
    assert [(n.id, n.name) for n in g] == [("n1", "w"), ("n2", "x"), ("n3", "xw"), ("n4", "total")]
    assert [str(e) for e in g.edges] == ["n2.out -> n3.input", "n1.out -> n3.other",
                                         "n3.out -> n4.input"]
    assert [str(e) for e in g.outgoing("n3")] == ["n3.out -> n4.input"]
    assert list(g.incoming("n3")) == ["input", "other"]
    assert g.run["loss"] == "n4" and g.run["retain_grad"] == ("n3",)
    assert g.run["hooks"] == {"n3": {"kind": "print"}}
    assert g.run["session"][1].node == "n4" and g.run["session"][2].node == "n1"
    assert g.node_by_name("x").id == "n2"
    assert [e.kind for e in events] == ["reset"]
    assert g.add_node("relu").id == "n5"  # numbering goes on after the last
    assert g.topological_order()[:4] == ["n1", "n2", "n3", "n4"]


@pytest.mark.parametrize("order", [["a", "b", "c"], ["a", "b", "c", "d", "d"],
                                   ["a", "b", "c", "e"]])
def test_renumber_refuses_an_order_that_is_not_of_the_nodes_and_changes_nothing(order):
    g = small_graph()
    with pytest.raises(GraphError, match="not a reordering"):
        g.renumber(order)
    assert list(g.nodes) == ["a", "b", "c", "d"] and g.run["loss"] == "d"


def kahn(ids, g):
    """Kahn's algorithm with ties broken by place in ``ids`` (the reference)."""
    wanted, rank = set(ids), {n: i for i, n in enumerate(ids)}
    indeg = {n: sum(e.src in wanted for e in g.incoming(n).values()) for n in ids}
    ready = [rank[n] for n in ids if not indeg[n]]
    heapq.heapify(ready)
    out = []
    while ready:
        n = ids[heapq.heappop(ready)]
        out.append(n)
        for e in g.outgoing(n):
            if e.dst in wanted:
                indeg[e.dst] -= 1
                if not indeg[e.dst]:
                    heapq.heappush(ready, rank[e.dst])
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30),
       st.permutations(range(12)), st.sets(st.integers(0, 11)))
def test_topological_order_is_kahns_whether_or_not_the_nodes_are_in_order(wires, perm, subset):
    g = Graph()
    ids = [g.add_node("add", f"a{i}").id for i in range(12)]
    for a, b in wires:  # wires follow the order ``perm``, not the order added: no cycle
        lo, hi = sorted((a, b))
        src, dst = ids[perm[lo]], ids[perm[hi]]
        if lo != hi and "other" not in g.incoming(dst):
            g.connect(src, "out", dst, "input" if "input" not in g.incoming(dst) else "other")
    assert g.topological_order() == kahn(ids, g)
    chosen = [i for i in ids if int(i[1:]) - 1 in subset]
    assert g.topological_order(chosen) == kahn(chosen, g)
    assert topological(ids, {i: g.incoming(i) for i in ids},
                       {i: g.outgoing(i) for i in ids}) == kahn(ids, g)

"""Graph tables read or kept cheaply for big documents: each node's neighbours, incoming edges
kept in port order without rebuilding, node types' attribute defaults never shared with a node,
and the position check (NaN, infinities and numbers past the limit refused)."""

from __future__ import annotations

import math

import pytest

from graphstudio.graph.limits import MAX_POS, pos_problem
from graphstudio.graph.model import Graph, GraphError
from graphstudio.graph.node_table import NODE_TYPES


def _chain() -> tuple[Graph, dict]:
    g = Graph()
    ids = {n: g.add_node(t, n).id for n, t in
           [("x", "input"), ("w", "parameter"), ("m", "matmul"), ("s", "sum"), ("o", "output")]}
    g.connect(ids["w"], "out", ids["m"], "other")  # the later port first
    g.connect(ids["x"], "out", ids["m"], "input")
    g.connect(ids["m"], "out", ids["s"], "input")
    g.connect(ids["m"], "out", ids["o"], "input")
    return g, ids


def test_neighbours_are_the_incoming_and_outgoing_tables():
    g, ids = _chain()
    preds, succs = g.neighbours()
    assert set(preds) == set(succs) == set(g.nodes)
    for nid in g.nodes:
        assert preds[nid] == [e.src for e in g.incoming(nid).values()]
        assert succs[nid] == [e.dst for e in g.outgoing(nid)]
    assert preds[ids["m"]] == [ids["x"], ids["w"]]  # port order, not the order wired
    assert succs[ids["m"]] == [ids["s"], ids["o"]]


def test_incoming_edges_stay_in_declared_port_order_whatever_order_they_come_in():
    g, ids = _chain()
    assert list(g.incoming(ids["m"])) == ["input", "other"]
    a = g.add_node("add", "a").id
    g.connect(ids["x"], "out", a, "input")
    g.connect(ids["s"], "out", a, "other")  # already in order: kept as it is
    assert list(g.incoming(a)) == ["input", "other"]
    g.disconnect(g.incoming(a)["input"])
    g.connect(ids["w"], "out", a, "input")  # an earlier port after a later one: reordered
    assert list(g.incoming(a)) == ["input", "other"]
    assert [e.dst_port for e in g.edges if e.dst == a] == ["input", "other"]


def test_a_node_attrs_are_its_own_not_the_registry_defaults():
    g = Graph()
    spec = NODE_TYPES["mse_loss"]
    before = dict(spec.attr_defaults)
    assert before == {a.name: a.default for a in spec.attrs}
    nid = g.add_node("mse_loss", "l").id
    g.set_attr(nid, "reduction", "sum")
    assert spec.attr_defaults == before
    assert g.add_node("mse_loss", "l2").attrs == before


@pytest.mark.parametrize("pos", [(math.nan, 0.0), (0.0, math.inf), (-math.inf, 1.0),
                                 (MAX_POS * 2, 0.0), (0.0, -MAX_POS - 1), (10**400, 0)])
def test_positions_out_of_range_are_refused(pos):
    assert pos_problem(pos) == "position out of range"
    g, ids = _chain()
    with pytest.raises((GraphError, OverflowError)):
        g.place_nodes({ids["x"]: (1.0, 2.0), ids["w"]: pos})
    assert g.nodes[ids["x"]].pos == (0.0, 0.0)  # nothing moved


def test_positions_within_range_are_taken():
    assert pos_problem((MAX_POS, -MAX_POS)) is None
    g, ids = _chain()
    g.place_nodes({ids["x"]: (MAX_POS, -MAX_POS), ids["w"]: (3, 4.5)})
    assert g.nodes[ids["x"]].pos == (MAX_POS, -MAX_POS)
    assert g.nodes[ids["w"]].pos == (3.0, 4.5)
    with pytest.raises(GraphError):
        g.place_nodes({"n999": (0.0, 0.0)})

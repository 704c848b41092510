"""Graph.place_nodes: many nodes moved at once (the code importer's layout), all checked first."""

import math

import pytest

from graphstudio.graph.model import Graph, GraphError


def three_nodes():
    g = Graph()
    ids = [g.add_node("input", name).id for name in ("a", "b", "c")]
    events = []
    g.subscribe(events.append)
    return g, ids, events


def test_each_node_moved_tells_its_move():
    g, (a, b, c), events = three_nodes()
    revision = g.revision
    g.place_nodes({a: (10, 20.5), b: (0.0, 0.0), c: (-5.0, 7.0)})
    assert [g.nodes[n].pos for n in (a, b, c)] == [(10.0, 20.5), (0.0, 0.0), (-5.0, 7.0)]
    assert [(e.kind, e.node_id, e.old, e.new) for e in events] == [
        ("node_moved", a, (0.0, 0.0), (10.0, 20.5)), ("node_moved", c, (0.0, 0.0), (-5.0, 7.0))]
    assert g.revision == revision + 2  # b stayed where it was: no change, no event
    assert type(g.nodes[a].pos[0]) is float


@pytest.mark.parametrize("bad", [{"n2": (1.0, math.nan)}, {"n2": (2e9, 0.0)}, {"nx": (1, 1)}])
def test_a_bad_place_or_id_moves_nothing(bad):
    g, (a, b, c), events = three_nodes()
    with pytest.raises(GraphError):
        g.place_nodes({a: (5.0, 5.0), **bad})
    assert all(n.pos == (0.0, 0.0) for n in g) and not events


def test_upstream_and_downstream_follow_the_wires():
    g = Graph()
    x, w = g.add_node("input", "x").id, g.add_node("parameter", "w").id
    mm, r = g.add_node("matmul", "mm").id, g.add_node("relu", "r").id
    g.connect(x, "out", mm, "input")
    g.connect(w, "out", mm, "other")
    g.connect(mm, "out", r, "input")
    assert g.upstream(r) == {x, w, mm} and g.upstream(x) == set()
    assert g.downstream(w) == {mm, r} and g.downstream(r) == set()

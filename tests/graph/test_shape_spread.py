"""A big edit costs what it touched: the shape cache notes the touched nodes, finds their
downstream a bounded slice at a time (``spread``) and settles a node within a budget of work
(``settle``), always ending equal to a whole-graph inference."""

from __future__ import annotations

from graphstudio.graph import shape_inference
from graphstudio.graph.model import TensorSpec
from graphstudio.graph.shape_cache import shapes_of
from graphstudio.graph.shape_inference import StaleShapes, infer_shapes
from tests.support.graph_generator import make_large_graph


def _early_tanh(g):
    return next(nid for nid, n in g.nodes.items() if n.type == "tanh")


def test_an_edit_walks_nothing_downstream_until_spread_a_slice_at_a_time(monkeypatch):
    g = make_large_graph(2000)
    cache = shapes_of(g)
    cache.results()
    victim = _early_tanh(g)
    down = g.downstream(victim)
    gen = cache.generation
    walked = []
    real = StaleShapes.spread
    monkeypatch.setattr(StaleShapes, "spread", lambda self, graph, limit=None: walked.append(
        limit) or real(self, graph, limit))
    g.remove_node(victim)
    assert cache.spread(0) is False  # the edit found no downstream node yet
    slices = 1
    while not cache.spread(50):
        slices += 1
    assert len(down) > 500 and slices >= len(down) // 50 - 1  # 50 nodes a call, no more
    assert walked[:3] == [0, 50, 50]
    assert cache.changed_since(gen) >= down  # known now without walking again
    assert cache.results() == infer_shapes(g)


def test_settling_within_a_budget_goes_on_where_it_stopped(monkeypatch):
    g = make_large_graph(2000)
    cache = shapes_of(g)
    cache.results()
    x = next(nid for nid, n in g.nodes.items() if n.name == "x")
    loss = g.run["loss"]
    g.set_tensor(x, TensorSpec("randn", (3,)))  # (3,) @ (4, 4): everything downstream fails
    calls, real = [], shape_inference._infer_node
    monkeypatch.setattr(shape_inference, "_infer_node",
                        lambda graph, nid, results: calls.append(nid) or real(graph, nid, results))
    rounds = 0
    while not cache.settle(loss, budget=40):
        rounds += 1
        assert len(calls) <= 40 * rounds  # never more than the budget in one call
    assert rounds > 5 and len(set(calls)) == len(calls)  # no node computed twice
    assert cache.get(loss) == infer_shapes(g)[loss]
    assert "has an error" in cache.get(loss).error
    assert cache.results() == infer_shapes(g)


def test_edits_while_a_big_edit_is_still_spreading_end_up_right():
    g = make_large_graph(1500)
    cache = shapes_of(g)
    cache.results()
    victim = _early_tanh(g)
    g.remove_node(victim)
    cache.spread(10)
    w = next(nid for nid, n in g.nodes.items() if n.type == "parameter")
    g.set_tensor(w, TensorSpec("zeros", (3, 3)))
    cache.settle(None, budget=25)
    g.rename_node(w, "renamed")
    assert cache.results() == infer_shapes(g)
    assert cache.settled

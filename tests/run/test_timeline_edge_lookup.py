"""One wire's gradient at step k, looked up without visiting every wire, agrees with the
whole-graph answer at every step (plain runs and a session)."""

from __future__ import annotations

import pytest

from graphstudio.files.gsgraph import load_graph
from graphstudio.run.runner import Runner, RunOptions
from graphstudio.run.session import replay
from graphstudio.ui.run.display import CarriedGrads, InnerGrads, edge_grads
from tests.support.graph_generator import make_large_graph
from tests.support.run_fixtures import EXAMPLES


def _agrees(tl, graph) -> None:
    for k in range(-1, len(tl)):
        whole = tl.edge_grads_at(k)
        for edge in graph.edges:
            one = tl.edge_grad_at(edge, k)
            if edge in whole:
                assert one is whole[edge], (k, edge)
            else:
                assert one is None, (k, edge)


def test_one_wire_lookup_matches_every_wire_at_every_step():
    graph = make_large_graph(60)
    tl = Runner(graph).run(RunOptions.from_graph(graph))
    assert tl.has_backward and any(tl.edge_grads_at(len(tl) - 1))
    _agrees(tl, graph)


def test_one_wire_lookup_in_a_session_counts_only_the_current_backward():
    graph = next(g for g in (load_graph(p) for p in sorted(EXAMPLES.glob("*.gsgraph")))
                 if g.run.get("session"))
    tl = replay(graph, Runner(graph)).timeline
    assert len(tl.sections) > 2
    _agrees(tl, graph)


@pytest.mark.parametrize("k_from_end", [1, 5])
def test_carried_grads_is_the_same_mapping_looked_up_lazily(k_from_end):
    graph = make_large_graph(60)
    tl = Runner(graph).run(RunOptions.from_graph(graph))
    k = len(tl) - k_from_end
    lazy, whole = edge_grads(tl, k), tl.edge_grads_at(k)
    assert isinstance(lazy, CarriedGrads) and not lazy.inner
    assert dict(lazy) == whole and len(lazy) == len(whole) > 0
    edge = next(iter(whole))
    assert edge in lazy and lazy[edge] is whole[edge] and lazy.get(edge) is whole[edge]
    missing = next(e for e in graph.edges if e not in whole)
    assert missing not in lazy and lazy.get(missing, "none") == "none"
    with pytest.raises(KeyError):
        lazy[missing]


def test_a_grad_nodes_inner_backward_keeps_its_own_mapping():
    graph = load_graph(EXAMPLES / "second_derivative.gsgraph")
    tl = Runner(graph).run(RunOptions.from_graph(graph))
    inner = [k for k, s in enumerate(tl.steps) if s.kind == "inner"]
    assert inner
    assert isinstance(edge_grads(tl, inner[0]), InnerGrads)

"""The large-graph generator: exact size, valid, laid out, runnable with a full backward."""

import pytest

from graphstudio.files.gsgraph import graph_from_json, graph_to_json
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.run.runner import Runner
from tests.support.graph_generator import make_large_graph


@pytest.mark.parametrize("n", [14, 15, 57, 300])
def test_generated_graphs_run(n):
    g = make_large_graph(n, seed=n)
    assert len(g) == n
    assert all(r.ok for r in infer_shapes(g).values())
    assert len({n.pos for n in g if n.type != "output"}) == sum(n.type != "output" for n in g)
    tl = Runner(g).run()
    assert tl.error is None and tl.has_backward and not tl.warnings
    assert g.nodes[tl.loss_id].name == "loss"
    end = tl.state_at(len(tl) - 1)
    params = [nid for nid, node in g.nodes.items() if node.type == "parameter"]
    assert params and all(end[p].grad is not None for p in params)
    assert graph_to_json(graph_from_json(graph_to_json(g))) == graph_to_json(g)


def test_seed_and_limits():
    assert graph_to_json(make_large_graph(60, seed=1)) == graph_to_json(make_large_graph(60, 1))
    assert graph_to_json(make_large_graph(60, seed=1)) != graph_to_json(make_large_graph(60, 2))
    with pytest.raises(ValueError, match="at least 14"):
        make_large_graph(5)

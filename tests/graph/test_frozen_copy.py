"""The immutable copy autosave writes from: it follows every edit, and a snapshot taken never
changes afterwards, whatever is edited next."""

import random

from graphstudio.files.gsgraph import graph_to_json
from graphstudio.graph.frozen_copy import FrozenCopy
from graphstudio.graph.model import GraphError, TensorSpec
from tests.support.graph_generator import make_large_graph


def _edit(g, rng):
    ids = list(g.nodes)
    nid = rng.choice(ids)
    try:
        kind = rng.randrange(6)
        if kind == 0 and len(ids) > 20:
            g.remove_node(nid)
        elif kind == 1:
            g.connect(nid, "out", g.add_node("relu", index=rng.randrange(len(ids))).id, "input")
        elif kind == 2:
            g.move_node(nid, (rng.uniform(0, 900), rng.uniform(0, 900)))
        elif kind == 3:
            g.rename_node(nid, g.unique_name("renamed"))
        elif kind == 4 and g.nodes[nid].type == "parameter":
            g.set_tensor(nid, TensorSpec("zeros", (4, 4)))
        elif g.edges:
            g.disconnect(rng.choice(g.edges))
    except GraphError:
        pass


def test_snapshots_equal_the_graph_when_taken_and_never_change_after():
    rng = random.Random(5)
    g = make_large_graph(80)
    frozen = FrozenCopy(g)
    taken = []
    for step in range(50):
        _edit(g, rng)
        if step % 5 == 0:
            snap = frozen.take()
            assert graph_to_json(snap) == graph_to_json(g), f"after edit {step}"
            taken.append((snap, graph_to_json(g)))
    g.set_meta("title", "changed after")
    g.replace_with(make_large_graph(30))
    for snap, text in taken:  # later edits and a reset left every snapshot as it was
        assert graph_to_json(snap) == text
    assert graph_to_json(frozen.take()) == graph_to_json(g)
    frozen.close()
    g.move_node(next(iter(g.nodes)), (1.0, 2.0))
    assert len(frozen.take()) == len(g)

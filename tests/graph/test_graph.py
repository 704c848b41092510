"""The graph document model: events, validation, names, order, and undo from returned values."""

import random

import numpy as np
import pytest

from graphstudio.graph.model import Edge, Graph, GraphError, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES


def chain():
    """x -> matmul(x, w) -> add(., b) -> relu."""
    g = Graph()
    x = g.add_node("input", "x")
    w = g.add_node("parameter", "w")
    mm = g.add_node("matmul", "xw")
    b = g.add_node("parameter", "b")
    add = g.add_node("add", "z")
    r = g.add_node("relu")
    g.connect(x.id, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    g.connect(mm.id, "out", add.id, "input")
    g.connect(b.id, "out", add.id, "other")
    g.connect(add.id, "out", r.id, "input")
    return g, (x, w, mm, b, add, r)


def snapshot(g):
    return ({nid: (n.type, n.name, n.pos, dict(n.attrs), n.tensor) for nid, n in g.nodes.items()},
            sorted(map(str, g.edges)), dict(g.meta), dict(g.run))


def test_events_for_every_edit():
    g = Graph()
    events = []
    unsubscribe = g.subscribe(events.append)
    x = g.add_node("input", pos=(1, 2))
    r = g.add_node("relu")
    e = g.connect(x.id, "out", r.id, "input")
    g.move_node(x.id, (5, 6))
    g.move_node(x.id, (5, 6))  # no change, no event
    g.rename_node(r.id, "act")
    g.set_attr(g.add_node("sum").id, "keepdim", True)
    g.set_tensor(x.id, TensorSpec("zeros", (2,)))
    g.set_meta("title", "t")
    g.set_run_option("loss", r.id)
    g.disconnect(e)
    g.remove_node(x.id)
    kinds = [ev.kind for ev in events]
    assert kinds == ["node_added", "node_added", "edge_added", "node_moved", "node_renamed",
                     "node_added", "attr_changed", "tensor_changed", "meta_changed",
                     "run_changed", "edge_removed", "node_removed"]
    assert events[3].old == (1.0, 2.0) and events[3].new == (5.0, 6.0)
    assert events[4].old == "relu" and events[4].new == "act"
    assert events[2].edge == e and events[2].node_id == r.id
    assert g.revision == len(events)
    unsubscribe()
    g.add_node("input")
    assert len(events) == 12


def test_connection_refusals_explain_themselves():
    g, (x, w, mm, b, add, r) = chain()
    before = snapshot(g)
    cases = [
        ((r.id, "out", x.id, "input"), "has no input port 'input'"),
        ((x.id, "value", r.id, "input"), "has no output port 'value'"),
        ((b.id, "out", mm.id, "other"), "input 'other' of xw is already connected (to w)"),
        ((w.id, "out", mm.id, "other"), "w is already connected to xw.other"),
        ((r.id, "out", r.id, "input"), "cannot connect relu to itself"),
        (("n99", "out", r.id, "input"), "no node with id 'n99'"),
    ]
    for args, message in cases:
        assert message in g.connection_problem(*args)
        with pytest.raises(GraphError, match=message.replace("(", r"\(").replace(")", r"\)")):
            g.connect(*args)
    relu2 = g.add_node("relu")
    g.connect(r.id, "out", relu2.id, "input")
    mul = g.add_node("mul")
    g.connect(relu2.id, "out", mul.id, "input")
    assert g.connection_problem(mul.id, "out", mm.id, "input") is not None
    problem = g.connection_problem(mul.id, "out", add.id, "other")
    assert "already connected" in problem
    g.disconnect(g.incoming(add.id)["other"])
    assert g.connection_problem(mul.id, "out", add.id, "other") == \
        "connecting mul to z would create a cycle"
    # replacing an edge into an occupied port is allowed when that edge is being replaced
    occupant = g.incoming(mm.id)["other"]
    assert g.connection_problem(b.id, "out", mm.id, "other", replacing=occupant) is None
    assert len(g.edges) == len(before[1]) + 1  # two added, one removed


def test_names_and_ids():
    g = Graph()
    a = g.add_node("parameter")
    b = g.add_node("parameter")
    c = g.add_node("parameter", name="w7")
    d = g.add_node("parameter")
    assert [a.name, b.name, c.name, d.name] == ["w", "w1", "w7", "w2"]
    assert g.unique_name("w7") == "w8"
    assert g.unique_name("2x") == "n_2x" and g.unique_name("torch") == "torch_"
    assert g.unique_name("a b") == "a_b"
    for bad, message in [("w", "already used"), ("1a", "not a valid name"),
                         ("class", "not a valid name"), ("torch", "reserved")]:
        with pytest.raises(GraphError, match=message):
            g.rename_node(d.id, bad)
    g.rename_node(d.id, d.name)  # unchanged: fine
    assert [n.id for n in g] == ["n1", "n2", "n3", "n4"]
    g.remove_node("n4")
    assert g.new_id() == "n5"  # ids are never reused within a session
    g.add_node("relu", id="n10")
    assert g.new_id() == "n11"
    with pytest.raises(GraphError, match="already exists"):
        g.add_node("relu", id="n10")
    with pytest.raises(GraphError, match="unknown node type"):
        g.add_node("frobnicate")
    assert g.node_by_name("w1") is b and g.node_by_name("nope") is None
    with pytest.raises(GraphError, match="no node"):
        g.node("n77")


def test_topological_order_is_deterministic():
    g, (x, w, mm, b, add, r) = chain()
    order = g.topological_order()
    assert order == [x.id, w.id, mm.id, b.id, add.id, r.id]
    pos = {nid: i for i, nid in enumerate(order)}
    assert all(pos[e.src] < pos[e.dst] for e in g.edges)
    assert g.topological_order([r.id, x.id, mm.id]) == [x.id, mm.id, r.id]
    assert g.upstream(add.id) == {x.id, w.id, mm.id, b.id}
    assert g.downstream(w.id) == {mm.id, add.id, r.id}
    # a node added early but fed late still comes after its inputs
    late = Graph()
    s = late.add_node("sum")
    y = late.add_node("input")
    late.connect(y.id, "out", s.id, "input")
    assert late.topological_order() == [y.id, s.id]
    # edges listed by destination in input-port order, whatever order they were made in
    assert [e.dst_port for e in g.incoming(mm.id).values()] == ["input", "other"]
    g2 = Graph()
    m = g2.add_node("matmul")
    p, q = g2.add_node("input"), g2.add_node("input")
    g2.connect(q.id, "out", m.id, "other")
    g2.connect(p.id, "out", m.id, "input")
    assert [e.dst_port for e in g2.edges] == ["input", "other"]


def test_remove_node_returns_what_undo_needs():
    g, nodes = chain()
    before = snapshot(g)
    mm = nodes[2]
    node, edges = g.remove_node(mm.id)
    assert {str(e) for e in edges} == {"n1.out -> n3.input", "n2.out -> n3.other",
                                       "n3.out -> n5.input"}
    assert mm.id not in g and all(mm.id not in (e.src, e.dst) for e in g.edges)
    g.add_node(node.type, node.name, node.pos, node.attrs, node.tensor, id=node.id)
    for e in edges:
        g.connect(e.src, e.src_port, e.dst, e.dst_port)
    assert snapshot(g) == before


def test_random_edits_undone_from_events():
    """Every event carries enough to invert it: replaying inverses restores the document."""
    rng = random.Random(7)
    g, _ = chain()
    before = snapshot(g)
    log = []
    g.subscribe(log.append)
    types = ["relu", "add", "input", "parameter", "sum", "matmul"]
    for _ in range(200):
        op = rng.random()
        ids = list(g.nodes)
        try:
            if op < 0.3 or not ids:
                g.add_node(rng.choice(types), pos=(rng.randint(0, 500), 0))
            elif op < 0.5:
                a, b = rng.choice(ids), rng.choice(ids)
                ports = NODE_TYPES[g.nodes[b].type].input_names
                if ports:
                    g.connect(a, "out", b, rng.choice(ports))
            elif op < 0.6 and g.edges:
                g.disconnect(rng.choice(g.edges))
            elif op < 0.7:
                g.remove_node(rng.choice(ids))
            elif op < 0.8:
                g.move_node(rng.choice(ids), (rng.random(), rng.random()))
            elif op < 0.9:
                g.rename_node(rng.choice(ids), f"v{rng.randint(0, 30)}")
            else:
                nid = rng.choice(ids)
                if g.nodes[nid].tensor is not None:
                    g.set_tensor(nid, TensorSpec("zeros", (rng.randint(1, 4),)))
        except GraphError:
            pass
    assert len(log) > 100
    for ev in reversed(log):
        _invert(g, ev)
    assert snapshot(g) == before


def _invert(g, ev):
    if ev.kind == "node_added":
        g.remove_node(ev.node_id)  # its edges were removed by earlier inverses
    elif ev.kind == "node_removed":
        n = ev.old
        g.add_node(n.type, n.name, n.pos, n.attrs, n.tensor, id=n.id)
    elif ev.kind == "edge_added":
        g.disconnect(ev.edge)
    elif ev.kind == "edge_removed":
        e = ev.edge
        g.connect(e.src, e.src_port, e.dst, e.dst_port)
    elif ev.kind == "node_moved":
        g.move_node(ev.node_id, ev.old)
    elif ev.kind == "node_renamed":
        g.rename_node(ev.node_id, ev.old)
    elif ev.kind == "tensor_changed":
        g.set_tensor(ev.node_id, ev.old)
    else:
        raise AssertionError(ev.kind)


def test_tensor_specs():
    spec = TensorSpec.from_array([[1, 2], [3, 4]])
    assert spec.dtype == "int64" and spec.shape == (2, 2) and spec.numel == 4
    assert not spec.values.flags.writeable
    assert TensorSpec.from_array(np.zeros(3)).dtype == "float64"
    assert TensorSpec.from_array([1.5]).dtype == "float32"
    assert TensorSpec("ones", (2,)) == TensorSpec("ones", [2])
    assert TensorSpec.from_array([1.0]) != TensorSpec("ones", (1,))
    assert hash(TensorSpec("ones", (2,))) == hash(TensorSpec("ones", (2,)))
    np.testing.assert_array_equal(TensorSpec("eye", (2, 3)).to_numpy(), np.eye(2, 3))
    np.testing.assert_array_equal(TensorSpec("arange", (2, 2), fill=1, step=0.5).to_numpy(),
                                  [[1, 1.5], [2, 2.5]])
    np.testing.assert_array_equal(TensorSpec("full", (2,), fill=3).to_numpy(), [3, 3])
    r1 = TensorSpec("randn", (3, 2), seed=4).to_numpy()
    assert r1.dtype == np.float32 and r1.shape == (3, 2)
    np.testing.assert_array_equal(r1, TensorSpec("randn", (3, 2), seed=4).to_numpy())
    assert not np.array_equal(r1, TensorSpec("randn", (3, 2), seed=5).to_numpy())
    np.testing.assert_allclose(TensorSpec("randn", (3, 2), seed=4, fill=0.5).to_numpy(), r1 / 2)
    u = TensorSpec("rand", (100,), seed=1, dtype="float64").to_numpy()
    assert u.dtype == np.float64 and 0 <= u.min() and u.max() < 1
    for kwargs, message in [({"init": "gauss"}, "unknown initializer"),
                            ({"init": "ones", "dtype": "int8"}, "unsupported dtype"),
                            ({"init": "eye", "shape": (3,)}, "2-D"),
                            ({"init": "zeros", "shape": (-1,)}, "negative"),
                            ({"init": "randn", "dtype": "int64"}, "floating"),
                            ({"init": "values"}, "needs its values")]:
        with pytest.raises(GraphError, match=message):
            TensorSpec(**kwargs)


def test_tensor_and_copy_rules():
    g, (x, w, mm, *_rest) = chain()
    with pytest.raises(GraphError, match="holds no tensor"):
        g.set_tensor(mm.id, TensorSpec("ones", (2,)))
    with pytest.raises(GraphError, match="needs a tensor"):
        g.set_tensor(w.id, None)
    with pytest.raises(GraphError, match="hold no tensor"):
        g.add_node("relu", tensor=TensorSpec("ones", (2,)))
    g.set_meta("title", "a")
    g.set_run_option("loss", "n6")
    copy = g.copy()
    assert snapshot(copy) == snapshot(g) and copy.revision == 0
    copy.move_node(x.id, (99, 99))
    assert g.nodes[x.id].pos == (0.0, 0.0)
    events = []
    g.subscribe(events.append)
    g.replace_with(copy)
    assert [e.kind for e in events] == ["reset"] and g.nodes[x.id].pos == (99.0, 99.0)
    g.set_meta("title", None)
    assert "title" not in g.meta
    with pytest.raises(GraphError, match="no such edge"):
        g.disconnect(Edge("n1", "out", "n6", "input"))


def test_a_failing_listener_does_not_hide_the_change_from_later_listeners(caplog):
    g = Graph()
    heard = []

    def broken(ev):
        raise RuntimeError("listener bug")

    g.subscribe(broken)
    g.subscribe(heard.append)
    with caplog.at_level("ERROR", logger="graphstudio"):
        node = g.add_node("input", "x")  # the edit itself does not fail
    assert [ev.kind for ev in heard] == ["node_added"] and heard[0].node_id == node.id
    assert list(g.nodes) == [node.id] and g.revision == 1  # applied exactly once
    assert g.node_by_name("x") is node
    failures = [r for r in caplog.records if r.name.startswith("graphstudio")]
    assert len(failures) == 1 and "node_added" in failures[0].getMessage()
    assert failures[0].exc_info[0] is RuntimeError  # the traceback is kept for the log
    g.remove_node(node.id)  # and the model stays usable
    assert [ev.kind for ev in heard] == ["node_added", "node_removed"] and not g.nodes


def test_restore_order_puts_node_and_fan_out_order_back():
    g, (x, w, mm, b, add, r) = chain()
    g.connect(x.id, "out", g.add_node("sum", "s").id, "input")  # x fans out: xw, then s
    nodes, outs = list(g.nodes), g.outgoing(x.id)
    snap = snapshot(g)
    node, removed = g.remove_node(mm.id)  # removing and re-adding appends
    g.add_node(node.type, node.name, node.pos, node.attrs, node.tensor, id=node.id)
    for e in removed:
        g.connect(e.src, e.src_port, e.dst, e.dst_port)
    assert list(g.nodes) != nodes and g.outgoing(x.id) != outs
    events = []
    g.subscribe(events.append)
    revision = g.revision
    assert g.restore_order(nodes, {x.id: outs}) is True
    assert list(g.nodes) == nodes and g.outgoing(x.id) == outs and snapshot(g) == snap
    assert [ev.kind for ev in events] == ["order_changed"] and g.revision == revision + 1
    assert g.restore_order(nodes, {x.id: outs}) is False and len(events) == 1  # no change


@pytest.mark.parametrize("nodes, outs, message", [
    (["n1", "n2"], {}, "not a reordering of the graph's nodes"),
    (["n1", "n2", "n3", "n4", "n5", "n6", "n6"], {}, "not a reordering of the graph's nodes"),
    (None, {"n9": []}, "no node with id 'n9'"),
    (None, {"n1": []}, "not a reordering of the outgoing edges of x"),
])
def test_restore_order_refuses_anything_but_a_permutation(nodes, outs, message):
    g, _ = chain()
    before = (list(g.nodes), {nid: g.outgoing(nid) for nid in g.nodes}, g.revision)
    with pytest.raises(GraphError, match=message):
        g.restore_order(nodes, outs)
    assert (list(g.nodes), {nid: g.outgoing(nid) for nid in g.nodes}, g.revision) == before

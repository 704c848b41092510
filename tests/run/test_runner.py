"""The runner: timelines, step-back, options, errors, and the session's persistent leaves."""

import numpy as np
import pytest

from graphstudio.engine.autograd import backward_steps
from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.paths import example_path
from graphstudio.run.runner import Runner, RunOptions


def tutorial():
    return load_graph(example_path("tutorial_single_layer"))


def test_forward_order_and_records():
    g = tutorial()
    tl = Runner(g).run()
    fwd = tl.steps[:tl.forward_count]
    assert [s.node_id for s in fwd] == g.topological_order()
    z = g.node_by_name("z").id
    step = next(s for s in fwd if s.node_id == z)
    assert step.inputs == (g.node_by_name("xw").id, g.node_by_name("b").id)
    assert step.grad_fn == "AddBackward0" and step.requires_grad and not step.is_leaf
    assert step.label == "z = add(xw, b)" and not step.value.flags.writeable
    assert tl.revision == g.revision and tl.loss_id == g.node_by_name("loss").id


def test_step_back_equals_step_forward():
    """The display is a pure function of k: stepping back to k gives what stepping to k gave."""
    g = tutorial()
    tl = Runner(g).run()
    forward_states = [tl.state_at(k) for k in range(-1, len(tl))]
    for k in reversed(range(-1, len(tl))):
        again = tl.state_at(k)
        for nid, st in again.items():
            ref = forward_states[k + 1][nid]
            assert (st.computed, st.grad_fn, st.active) == (ref.computed, ref.grad_fn, ref.active)
            for a, b in ((st.value, ref.value), (st.grad, ref.grad), (st.out_grad, ref.out_grad)):
                assert (a is None) == (b is None) and (a is None or np.array_equal(a, b))
    before = tl.state_at(-1)
    assert not any(s.computed or s.active for s in before.values())
    w = g.node_by_name("w").id
    acc_w = next(s.index for s in tl.backward_steps if s.leaf_id == w)
    assert tl.state_at(acc_w - 1)[w].grad is None
    assert tl.state_at(acc_w)[w].grad is not None and tl.state_at(acc_w)[w].active
    assert w in tl.changed_at(acc_w) and w in tl.changed_at(acc_w + 1 if acc_w + 1 < len(tl)
                                                            else acc_w)
    edges_mid = tl.edge_grads_at(tl.forward_count)
    assert [str(e) for e in edges_mid] == ["n5.out -> n7.input"]
    assert len(tl.edge_grads_at(len(tl) - 1)) == 4
    assert tl.edge_grads_at(tl.forward_count - 1) == {}


def test_backward_order_is_the_engines():
    """The timeline's backward steps are exactly what backward_steps yields for the same tensors."""
    g = load_graph(example_path("mlp_classifier"))
    r = Runner(g)
    tl = r.run(RunOptions.from_graph(g, retain_graph=True))
    r.zero_grad()
    expected = [s.name for s in backward_steps(r.tensors[tl.loss_id])]
    assert [s.name for s in tl.backward_steps] == expected
    assert [s.engine_index for s in tl.backward_steps] == list(range(len(expected)))
    assert all(s.node_id is not None for s in tl.backward_steps)


def test_retain_grad_on_a_non_leaf():
    g = tutorial()
    z = g.node_by_name("z").id
    tl = Runner(g).run()
    end = tl.state_at(len(tl) - 1)[z]
    assert end.grad is None and end.out_grad is not None and not end.retains_grad
    tl = Runner(g).run(RunOptions.from_graph(g, retain_grad=(z,)))
    end = tl.state_at(len(tl) - 1)[z]
    assert end.retains_grad
    np.testing.assert_allclose(end.grad, [0.1242, 0.2771, 0.1192], atol=1e-4)
    add_step = next(s.index for s in tl.backward_steps if s.name == "AddBackward0")
    assert tl.state_at(add_step - 1)[z].grad is None and tl.state_at(add_step)[z].grad is not None


ONES3 = TensorSpec("ones", (3,))


def _chain(*types, tensor=ONES3):
    g = Graph()
    prev = g.add_node("parameter", "p", tensor=tensor)
    nodes = [prev]
    for t in types:
        n = g.add_node(t)
        g.connect(prev.id, "out", n.id, "input")
        nodes.append(n)
        prev = n
    return g, nodes


def test_default_loss_and_reasons():
    g, (p, s) = _chain("sum")
    tl = Runner(g).run()
    assert tl.loss_id == s.id and tl.has_backward
    out = g.add_node("output")
    g.connect(s.id, "out", out.id, "input")
    tl = Runner(g).run()
    assert tl.loss_id == s.id  # an Output node does not hide the sink
    end = tl.state_at(len(tl) - 1)
    assert end[out.id].computed and np.array_equal(end[out.id].value, end[s.id].value)
    g2, _ = _chain("relu")
    tl = Runner(g2).run()
    assert "no loss node" in tl.backward_unavailable_reason and not tl.has_backward
    g2.set_run_option("loss", "n2")
    assert "grad can be implicitly created only for scalar outputs: relu has shape (3,)" in \
        Runner(g2).run().backward_unavailable_reason
    g2.set_run_option("gradient", TensorSpec("full", (3,), fill=2.0))
    tl = Runner(g2).run()
    np.testing.assert_array_equal(tl.state_at(len(tl) - 1)["n1"].grad, [2, 2, 2])
    g2.set_attr("n1", "requires_grad", False)
    assert "does not require grad" in Runner(g2).run().backward_unavailable_reason
    tl = Runner(g2).run(RunOptions.from_graph(g2, forward_only=True))
    assert not tl.has_backward and tl.backward_unavailable_reason is None


def test_errors_are_messages_not_tracebacks():
    g, (p, mm) = _chain("matmul")
    tl = Runner(g).run()
    assert tl.node_errors[mm.id] == "missing input 'other'"
    assert "could not be computed: missing input 'other'" not in (tl.error or "")
    relu = g.add_node("relu")
    g.connect(mm.id, "out", relu.id, "input")
    g.set_run_option("loss", relu.id)
    tl = Runner(g).run()
    assert "input 'input' has an error" in tl.node_errors[relu.id]
    assert "could not be computed" in tl.backward_unavailable_reason
    assert tl.state_at(len(tl) - 1)[p.id].computed  # what can run still runs
    assert tl.warnings and "missing input 'other'" in tl.warnings[0]
    # an error only the engine notices at run time (class index out of range)
    g = Graph()
    x = g.add_node("parameter", tensor=TensorSpec("zeros", (2, 3)))
    t = g.add_node("input", tensor=TensorSpec.from_array(np.array([0, 7])))
    ce = g.add_node("cross_entropy")
    g.connect(x.id, "out", ce.id, "input")
    g.connect(t.id, "out", ce.id, "target")
    tl = Runner(g).run()
    assert ce.id in tl.node_errors and tl.node_errors[ce.id].startswith("cross_entropy: ")


def test_nan_results_are_reported():
    g, (p, lg, s) = _chain("log", "sum", tensor=TensorSpec.from_array([-1.0, 1.0]))
    tl = Runner(g).run()
    assert any("'log' (log) produced NaN" in w for w in tl.warnings)
    assert tl.has_backward


def test_session_keeps_leaves_until_their_spec_changes():
    g = tutorial()
    r = Runner(g)
    w = g.node_by_name("w")
    r.run()
    t1 = r.leaf(w)
    r.run(RunOptions.from_graph(g, zero_grad=False))
    assert r.leaf(w) is t1
    np.testing.assert_allclose(t1.grad.numpy(), np.full((5, 3), [0.2483, 0.5542, 0.2383]),
                               atol=2e-4)
    g.move_node(w.id, (5, 5))
    assert r.leaf(w) is t1
    g.set_tensor(w.id, TensorSpec("zeros", (5, 3)))
    assert r.leaf(w) is not t1 and r.leaf(w).grad is None
    # Backward after an edit re-runs the forward (nothing stale is used)
    tl = r.backward()
    assert tl.revision == g.revision and tl.has_backward


def test_commit_parameters_writes_back_without_rebuilding():
    import graphstudio.engine as T

    g = tutorial()
    r = Runner(g)
    r.run()
    params = r.parameters()
    assert set(params) == {g.node_by_name("w").id, g.node_by_name("b").id}
    with T.no_grad():
        for t in params.values():
            t -= 0.1 * t.grad
    events = []
    g.subscribe(events.append)
    r.commit_parameters()
    assert [e.kind for e in events] == ["tensor_changed", "tensor_changed"]
    b = g.node_by_name("b")
    np.testing.assert_allclose(b.tensor.values, [0.6149 - 0.01242, 0.9079 - 0.02771,
                                                 -0.9704 - 0.01192], atol=1e-4)
    assert r.leaf(b) is params[b.id] and r.leaf(b).grad is not None
    assert r.run().state_at(-1)[b.id].grad is None  # zero_grad before the run


@pytest.mark.parametrize("k", [-1, 0, 5, 12])
def test_state_at_all_nodes(k):
    g = tutorial()
    tl = Runner(g).run()
    st = tl.state_at(k)
    assert set(st) == set(g.nodes)
    assert sum(s.active for s in st.values()) == (1 if k >= 0 else 0)


def test_tensors_of_deleted_nodes_are_let_go_at_the_next_forward():
    import gc
    import weakref

    g = tutorial()
    runner = Runner(g)
    runner.run()
    w = g.node_by_name("w").id
    held = weakref.ref(runner.leaf(g.nodes[w]))
    g.remove_node(w)
    runner.forward()
    gc.collect()
    assert held() is None  # a big parameter's memory goes with its node
    assert set(runner._leaves) <= set(g.nodes)
    runner.zero_grad()  # and zero_grad no longer walks it
    assert all(nid in g.nodes for nid in runner._leaves)


def test_timeline_records_whether_the_forward_ran_under_no_grad():
    g = tutorial()
    r = Runner(g)
    tl = r.run(RunOptions(no_grad=True))
    assert tl.no_grad is True and not tl.has_backward
    assert r.forward(RunOptions(no_grad=True)).no_grad is True
    assert r.backward(RunOptions(no_grad=True)).no_grad is True
    tl = r.run()
    assert tl.no_grad is False and tl.has_backward
    assert r.forward().no_grad is False
    assert r.backward().no_grad is False  # re-runs the forward with grad enabled

"""Each example opens, runs and gives the numbers its notes promise (and PyTorch's)."""


import numpy as np
import pytest

from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.paths import example_path, examples_dir
from graphstudio.run.runner import Runner, RunOptions

ROW = [0.1242, 0.2771, 0.1192]


def run(name, **options):
    g = load_graph(example_path(name))
    r = Runner(g)
    tl = r.run(RunOptions.from_graph(g, **options))
    return g, r, tl


def final(g, tl):
    """{name: NodeState} after the last step."""
    return {g.nodes[nid].name: s for nid, s in tl.state_at(len(tl) - 1).items()}


def test_tutorial_single_layer():
    g, r, tl = run("tutorial_single_layer")
    assert tl.error is None and tl.backward_unavailable_reason is None and not tl.warnings
    s = final(g, tl)
    # the example's w and b print as the tutorial's values, and so do its results, to the digit
    assert f"{float(s['loss'].value):.4f}" == "0.8962"
    assert [f"{v:.4f}" for v in s["z"].value] == ["-0.5214", "1.5953", "-0.5861"]
    np.testing.assert_allclose(s["w"].grad, [ROW] * 5, atol=1e-4)
    np.testing.assert_allclose(s["b"].grad, ROW, atol=1e-4)
    assert s["z"].grad_fn == "AddBackward0" and s["z"].grad is None
    assert s["loss"].grad_fn == "BinaryCrossEntropyWithLogitsBackward0"
    assert [st.name for st in tl.backward_steps] == [
        "BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad",
        "SqueezeBackward4", "MmBackward0", "AccumulateGrad"]
    assert [g.nodes[st.node_id].name for st in tl.backward_steps] == [
        "loss", "z", "b", "xw", "xw", "w"]


def test_jacobian_product_accumulates_then_zeroes():
    g = load_graph(example_path("jacobian_product"))
    r = Runner(g)
    inp = g.node_by_name("inp").id

    def grad():
        return r.last.state_at(len(r.last) - 1)[inp].grad

    eye = np.eye(4, 5, dtype=bool)
    r.run()
    assert (grad()[eye] == 4).all() and (grad()[~eye] == 2).all()
    r.run()
    assert (grad()[eye] == 8).all() and (grad()[~eye] == 4).all()
    r.zero_grad()
    r.run()
    assert (grad()[eye] == 4).all() and (grad()[~eye] == 2).all()
    # the window's path: one forward, Backward twice (retain_graph is on in the file)
    r.zero_grad()
    r.forward()
    r.backward()
    r.backward()
    assert (grad()[eye] == 8).all()
    # the second backward's forward steps show the grad accumulated before it
    assert (r.last.state_at(r.last.forward_count - 1)[inp].grad[eye] == 4).all()
    assert r.last.state_at(-1)[inp].grad is not None
    # without retain_graph the second Backward fails the way PyTorch does
    opts = RunOptions.from_graph(g, retain_graph=False)
    r.forward(opts)
    assert r.backward(opts).error is None
    second = r.backward(opts)
    assert "backward through the graph a second time" in second.error


def test_fan_out_contributions_are_summed():
    g, r, tl = run("fan_out_accumulation")
    x = g.node_by_name("x").id
    np.testing.assert_array_equal(final(g, tl)["x"].grad, [5, 7, 9])
    acc = [s for s in tl.backward_steps if s.leaf_id == x]
    assert len(acc) == 1
    step = acc[0]
    assert len(step.contributions) == 3
    ports = sorted((g.nodes[e.dst].name, e.dst_port) for e in step.contribution_edges)
    assert ports == [("three_x", "input"), ("x_squared", "input"), ("x_squared", "other")]
    np.testing.assert_array_equal(sum(step.contributions), step.grad_output)
    np.testing.assert_array_equal(step.new_grad, [5, 7, 9])
    edges = tl.edge_grads_at(len(tl) - 1)
    sq = g.node_by_name("x_squared").id
    for e, v in edges.items():
        if e.dst == sq:
            np.testing.assert_array_equal(v, [1, 2, 3])  # d(x*x)/d(each operand) = other one


def test_frozen_parameter():
    g, r, tl = run("frozen_parameter")
    s = final(g, tl)
    assert s["w"].grad is None and not s["w"].requires_grad
    np.testing.assert_allclose(s["b"].grad, ROW, atol=1e-4)
    assert s["xw"].grad_fn is None and s["xw"].out_grad is None
    assert [st.name for st in tl.backward_steps] == [
        "BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad"]
    w = g.node_by_name("w").id
    assert all(st.leaf_id != w for st in tl.backward_steps)
    # unfreezing at once gives w its gradient
    g.set_attr(w, "requires_grad", True)
    np.testing.assert_allclose(final(g, r.run())["w"].grad, [ROW] * 5, atol=1e-4)


def test_detach_and_no_grad():
    g, r, tl = run("detach_and_no_grad")
    s = final(g, tl)
    np.testing.assert_array_equal(s["x"].grad, [2, -4, 1])
    assert s["y_detached"].grad_fn is None and not s["y_detached"].requires_grad
    tl = r.run(RunOptions.from_graph(g, no_grad=True))
    assert not tl.has_backward
    assert tl.backward_unavailable_reason == (
        "the forward ran under torch.no_grad(), so loss has no grad_fn")
    states = final(g, tl)
    assert states["x"].requires_grad  # a leaf keeps requires_grad; results get no grad_fn
    assert all(not st.requires_grad and st.grad_fn is None
               for name, st in states.items() if name not in ("x", "two"))


def test_mlp_classifier_runs():
    g, r, tl = run("mlp_classifier")
    s = final(g, tl)
    assert 0.9 < float(s["loss"].value) < 1.4  # near ln 3 at initialisation
    assert s["logits"].value.shape == (90, 3)
    for name in ("W1", "b1", "W2", "b2"):
        assert s[name].grad is not None and np.isfinite(s[name].grad).all()
    assert "NllLossBackward0" in [st.name for st in tl.backward_steps]
    assert "LogSoftmaxBackward0" in [st.name for st in tl.backward_steps]
    loss_id = g.node_by_name("loss").id
    assert {st.name for st in tl.backward_steps if st.node_id == loss_id} == {
        "NllLossBackward0", "LogSoftmaxBackward0"}


@pytest.mark.parametrize("path", sorted(examples_dir().glob("*.gsgraph")), ids=lambda p: p.stem)
def test_examples_match_torch(path):
    """Values and leaf gradients equal PyTorch's, computed node by node with real torch."""
    torch = pytest.importorskip("torch")
    import torch.nn.functional as F

    g = load_graph(path)
    tl = Runner(g).run()
    ours = tl.state_at(len(tl) - 1)
    vals = {}
    for nid in g.topological_order():
        node = g.nodes[nid]
        ins = {p: vals[e.src][e.src_port] for p, e in g.incoming(nid).items()}
        out = NODE_TYPES[node.type].compute(node, ins, lib=(torch, F))
        vals[nid] = dict(zip(NODE_TYPES[node.type].output_names or ("out",),
                             out if isinstance(out, tuple) else (out,), strict=True))
    loss = vals[tl.loss_id]["out"]
    seed = g.run.get("gradient")
    loss.backward(None if seed is None else torch.tensor(seed.to_numpy()))
    for nid, outs in vals.items():
        t = outs[next(iter(outs))]
        if isinstance(t, float):
            assert float(ours[nid].value) == t
            continue
        np.testing.assert_allclose(ours[nid].value, t.detach().numpy(), rtol=1e-5, atol=1e-6)
        if t.is_leaf and t.requires_grad:
            np.testing.assert_allclose(ours[nid].grad, t.grad.numpy(), rtol=1e-5, atol=1e-6)
    assert np.isfinite(ours[tl.loss_id].value).all()

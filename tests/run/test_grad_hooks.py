"""Gradient hooks (run option "hooks"): their own backward steps, what they do to the gradient,
the file, the CLI, and the exported ``register_hook`` lines under real torch."""

import contextlib
import io
import subprocess
import sys

import numpy as np
import pytest

from graphstudio import cli
from graphstudio.files.gsgraph import load_graph, save_graph
from graphstudio.graph.model import Graph, GraphError, TensorSpec
from graphstudio.paths import example_path
from graphstudio.pytorch.export import export_script
from graphstudio.run.runner import Runner


def chain():
    """w (requires grad) -> z = w * 3 -> loss = z.sum()"""
    g = Graph()
    w = g.add_node("parameter", "w", attrs={"requires_grad": True},
                   tensor=TensorSpec.from_array(np.array([1.0, -2.0], np.float32)))
    three = g.add_node("constant", "three", attrs={"value": 3})
    z = g.add_node("mul", "z")
    loss = g.add_node("sum", "loss")
    g.connect(w.id, "out", z.id, "input")
    g.connect(three.id, "out", z.id, "other")
    g.connect(z.id, "out", loss.id, "input")
    return g, w, z, loss


def run_stdout(graph, tmp_path, *args) -> str:
    path = tmp_path / "g.gsgraph"
    save_graph(graph, path)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        cli.main(["run", *args, str(path)])
    return buf.getvalue()


def test_scale_hook_is_its_own_step_before_the_grad_fn():
    g, w, z, _ = chain()
    g.set_run_option("hooks", {z.id: {"kind": "scale", "k": 0.5}})
    tl = Runner(g).run()
    names = [s.name for s in tl.backward_steps]
    assert names == ["SumBackward0", "hook", "MulBackward0", "AccumulateGrad"]
    hook = tl.backward_steps[1]
    assert hook.label == "hook on z: grad \u00d7 0.5" and hook.node_id == z.id
    np.testing.assert_array_equal(hook.hook[0], [1.0, 1.0])
    np.testing.assert_array_equal(hook.hook[1], [0.5, 0.5])
    np.testing.assert_array_equal(tl.state_at(len(tl) - 1)[w.id].grad, [1.5, 1.5])


def test_clip_hook_on_a_leaf_and_print_hook(tmp_path):
    g, w, z, _ = chain()
    g.set_run_option("hooks", {w.id: {"kind": "clip", "c": 2}, z.id: {"kind": "print"}})
    tl = Runner(g).run()
    assert [s.name for s in tl.backward_steps] == ["SumBackward0", "hook", "MulBackward0",
                                                   "hook", "AccumulateGrad"]
    np.testing.assert_array_equal(tl.state_at(len(tl) - 1)[w.id].grad, [2.0, 2.0])
    out = run_stdout(g, tmp_path)
    assert out.startswith("grad of z: tensor([1., 1.])\nw: ")
    assert out.rstrip().endswith("w.grad: tensor([2., 2.])")
    steps = run_stdout(g, tmp_path, "--steps")
    assert "backward hook on w: grad.clamp(-2.0, 2.0): got [3., 3.] -> [2., 2.]" in steps


def test_hooks_are_validated_saved_and_dropped_with_their_node(tmp_path):
    g, w, z, loss = chain()
    for bad, message in [({z.id: {"kind": "double"}}, "kind must be one of"),
                         ({z.id: {"kind": "clip", "c": -1}}, "c must be a number >= 0"),
                         ({z.id: {"kind": "scale"}}, "k must be a finite number"),
                         ({z.id: {"kind": "print", "k": 2}}, "takes no number")]:
        with pytest.raises(GraphError, match=message):
            g.set_run_option("hooks", bad)
    g.set_run_option("hooks", {z.id: {"kind": "scale", "k": 2}})
    save_graph(g, tmp_path / "h.gsgraph")
    assert load_graph(tmp_path / "h.gsgraph").run["hooks"] == {z.id: {"kind": "scale",
                                                                      "k": 2.0}}
    g.remove_node(z.id)
    save_graph(g, tmp_path / "h2.gsgraph")
    assert "hooks" not in load_graph(tmp_path / "h2.gsgraph").run


def test_hook_on_a_tensor_without_grad_is_the_torch_error():
    g, w, z, loss = chain()
    g.set_attr(w.id, "requires_grad", False)
    g.set_run_option("hooks", {z.id: {"kind": "print"}})
    tl = Runner(g).run()
    assert tl.node_errors[z.id] == ("register_hook: cannot register a hook on a tensor that "
                                    "doesn't require gradient")


def test_a_hook_also_runs_in_a_grad_nodes_inner_backward():
    g = load_graph(example_path("second_derivative"))
    y = next(n for n in g if n.name == "y")
    g.set_run_option("hooks", {y.id: {"kind": "scale", "k": 2}})
    tl = Runner(g).run()
    inner = [s for s in tl.steps[:tl.forward_count] if s.kind == "inner"]
    assert inner[0].name == "hook" and inner[0].within is not None
    last = tl.state_at(len(tl) - 1)
    assert float(last[next(n.id for n in g if n.name == "dy_dx")].value) == 24.0


def test_export_prints_what_run_prints_under_torch(tmp_path):
    pytest.importorskip("torch")
    g, w, z, _ = chain()
    g.set_run_option("hooks", {z.id: {"kind": "print"}, w.id: {"kind": "clip", "c": 2.5}})
    s = load_graph(example_path("second_derivative"))
    s.set_run_option("hooks", {next(n.id for n in s if n.name == "y"): {"kind": "print"},
                               next(n.id for n in s if n.name == "x"): {"kind": "scale",
                                                                        "k": 0.5}})
    for graph in (g, s):
        script = export_script(graph)
        assert ".register_hook(lambda g: " in script
        path = tmp_path / "script.py"
        path.write_text(script)
        torch_out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                                   check=True).stdout
        assert torch_out == run_stdout(graph, tmp_path)
        assert torch_out.count("grad of ") >= 1

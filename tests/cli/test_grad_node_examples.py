"""The Grad node (torch.autograd.grad with create_graph=True) through the CLI: the
second-derivative example gives d²/dx² x³ = 12 at x = 2 and, backward through the recorded
gradient ops, x.grad = d³/dx³ = 6; the node's shape rule refuses a non-scalar ``outputs``."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphstudio.graph import shape_rules
from graphstudio.graph.node_table import NODE_TYPES

EXAMPLES = Path(__file__).resolve().parents[2] / "assets" / "examples"


def _run(*args):
    env = dict(os.environ, PYTHONPATH=str(EXAMPLES.parents[1]))
    return subprocess.run([sys.executable, "-m", "graphstudio", *args], capture_output=True,
                          text=True, env=env, check=True).stdout


def test_second_derivative_run_and_steps():
    out = _run("run", str(EXAMPLES / "second_derivative.gsgraph"))
    assert "dy_dx: tensor(12., grad_fn=<MulBackward0>)" in out
    assert "d2y: tensor(12., grad_fn=<MulBackward0>)" in out
    assert out.rstrip().endswith("x.grad: tensor(6.)")
    steps = _run("run", "--steps", str(EXAMPLES / "second_derivative.gsgraph")).splitlines()
    at = next(i for i, line in enumerate(steps) if "forward  dy_dx = grad(y, x): 12." in line)
    # the inner backward of the Grad node, indented under its forward step
    assert steps[at + 1].strip() == "5   inner    PowBackward0 (y): got 1.; to x (input): 12."
    assert steps[at + 2].strip() == ("6   inner    AccumulateGrad (x): got 12.; dy_dx = 12. "
                                     "(captured: x.grad untouched)")
    assert steps[at + 3].strip().startswith("7 forward  d2y = grad(dy_dx, x): 12.")
    assert " 8   inner    MulBackward0 (dy_dx: recorded gradient op): got 1." in steps
    # the outer backward runs through the ops the second Grad node recorded
    assert "12 backward MulBackward0 (d2y: recorded gradient op): got 1." in steps
    assert steps[-8] == "15 backward AccumulateGrad (x): got 6.; x.grad = 6."


def test_timeline_nests_the_inner_backward_under_the_grad_node():
    from graphstudio.files.gsgraph import load_graph
    from graphstudio.run.runner import Runner

    g = load_graph(EXAMPLES / "second_derivative.gsgraph")
    ids = {n.name: n.id for n in g}
    tl = Runner(g).run()
    kinds = [s.kind for s in tl.steps]
    assert kinds[:tl.forward_count] == ["forward"] * 4 + ["inner"] * 2 + ["forward"] + \
        ["inner"] * 4
    first = tl.steps[4]
    assert first.within == ids["dy_dx"] and first.node_id == ids["y"]
    assert list(tl.inner_group(5)) == [4, 5] and not tl.inner_group(6)
    # the seed leaves along dy_dx's outputs wire, the gradient arrives along its inputs wire
    carried = {(e.src, e.dst_port): float(v) for e, v in tl.inner_edge_grads_at(5).items()}
    assert carried == {(ids["y"], "outputs"): 1.0, (ids["x"], "input"): 12.0,
                       (ids["x"], "inputs"): 12.0}
    assert tl.inner_edge_grads_at(6) == {}  # shown only while stepping through them
    assert tl.edge_grads_at(tl.forward_count - 1) == {}  # the outer backward's are separate
    assert tl.state_at(5)[ids["x"]].grad is None  # autograd.grad leaves .grad alone


def test_gradient_penalty_gives_the_weights_a_gradient():
    out = _run("run", str(EXAMPLES / "gradient_penalty.gsgraph"))
    assert "penalty: tensor(0.7750, grad_fn=<PowBackward0>)" in out
    assert "W.grad: tensor([[0.0682, 0.1505]," in out


def test_grad_shape_rule():
    rule = NODE_TYPES["grad"].rule
    assert rule({}, {"outputs": ((), "float32"), "inputs": ((2, 3), "float32")}) == \
        (((2, 3), "float32"),)
    with pytest.raises(shape_rules.ShapeError, match="only for scalar outputs"):
        rule({}, {"outputs": ((2,), "float32"), "inputs": ((2,), "float32")})

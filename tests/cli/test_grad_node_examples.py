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
    steps = _run("run", "--steps", str(EXAMPLES / "second_derivative.gsgraph"))
    assert "forward  d2y = grad(dy_dx, x): 12." in steps
    assert "backward AccumulateGrad (x): got 6.; x.grad = 6." in steps


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

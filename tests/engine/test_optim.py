"""Optimizers: PyTorch's formulas and defaults, checked by hand and against torch."""

import numpy as np
import pytest

import graphstudio.engine as T
from graphstudio.engine.optim import SGD, Adam, make_optimizer
from graphstudio.files.gsgraph import load_graph
from graphstudio.paths import example_path
from graphstudio.run.runner import Runner, RunOptions


def test_sgd_by_hand():
    p = T.tensor([1.0, -2.0], requires_grad=True)
    opt = SGD([p], lr=0.1, momentum=0.9)
    for _ in range(2):
        p.grad = T.tensor([1.0, 1.0])
        opt.step()
    # buf1 = g, p1 = p0 - 0.1 g; buf2 = 0.9 g + g, p2 = p1 - 0.1 * 1.9 g
    np.testing.assert_allclose(p.detach().numpy(), [1 - 0.1 - 0.19, -2 - 0.1 - 0.19], rtol=1e-6)
    assert p.is_leaf and p.requires_grad and p.grad_fn is None
    opt.zero_grad()
    assert p.grad is None
    opt.step()  # no grad: nothing moves
    np.testing.assert_allclose(p.detach().numpy(), [0.71, -2.29], rtol=1e-6)


def test_defaults_and_refusals():
    p = T.zeros(1, requires_grad=True)
    assert SGD([p]).param_groups[0]["lr"] == 1e-3
    adam = Adam([p])
    assert (adam.param_groups[0]["betas"], adam.param_groups[0]["eps"]) == ((0.9, 0.999), 1e-8)
    for make, message in [(lambda: SGD([p], lr=-1), "learning rate"),
                          (lambda: SGD([p], nesterov=True), "Nesterov"),
                          (lambda: Adam([p], betas=(1.0, 0.9)), "beta parameter at index 0"),
                          (lambda: SGD([]), "empty parameter list"),
                          (lambda: make_optimizer("lbfgs", [p]), "unknown optimizer")]:
        with pytest.raises(ValueError, match=message):
            make()
    with pytest.raises(TypeError, match="unexpected argument 'betas'"):
        SGD([p], betas=(0.9, 0.9))
    assert isinstance(make_optimizer("Adam", [p], lr=0.1), Adam)


CONFIGS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True}),
    ("Adam", {}),
    ("Adam", {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1}),
    ("Adam", {"lr": 0.02, "amsgrad": True, "eps": 1e-6}),
]


@pytest.mark.parametrize("name,hyper", CONFIGS)
def test_matches_torch(name, hyper):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    start = rng.standard_normal((4, 3)).astype(np.float32)
    ours = T.tensor(start, requires_grad=True)
    theirs = torch.tensor(start, requires_grad=True)
    mine = {"SGD": SGD, "Adam": Adam}[name]([ours], **hyper)
    ref = getattr(torch.optim, name)([theirs], foreach=False, **hyper)
    for _ in range(6):
        g = rng.standard_normal((4, 3)).astype(np.float32)
        ours.grad = T.tensor(g)
        theirs.grad = torch.tensor(g)
        mine.step()
        ref.step()
    np.testing.assert_allclose(ours.detach().numpy(), theirs.detach().numpy(), rtol=1e-6,
                               atol=1e-7)


def test_training_the_mlp_example():
    """200 Adam steps through the runner lower the MLP example's loss by far more than 5x."""
    g = load_graph(example_path("mlp_classifier"))
    r = Runner(g)
    opt = Adam(r.parameters().values(), lr=0.05)
    loss_id = g.node_by_name("loss").id
    opts = RunOptions.from_graph(g, zero_grad=False)
    losses = []
    for _ in range(200):
        opt.zero_grad()
        tl = r.run(opts)
        losses.append(float(tl.state_at(len(tl) - 1)[loss_id].value))
        opt.step()
    assert losses[-1] < losses[0] / 5
    r.commit_parameters()
    again = Runner(g).run(RunOptions.from_graph(g, forward_only=True))
    after = float(again.state_at(len(again) - 1)[loss_id].value)
    assert after < losses[-1]  # the committed values are the trained ones (one more step)

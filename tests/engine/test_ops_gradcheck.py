"""float64 gradcheck (central differences) of every op and loss, including broadcasting in every
direction, repeated indices, diamonds and reused leaves."""

import numpy as np
import pytest

import graphstudio.engine as torch
import graphstudio.engine.functional as F
from graphstudio.engine.autograd import gradcheck

RNG = np.random.default_rng(3)


def r(*shape, low=None, scale=1.0):
    a = RNG.standard_normal(shape) * scale
    if low is not None:
        a = np.abs(a) + low
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


def c(array):
    """A constant (no grad) float64 tensor."""
    return torch.tensor(np.asarray(array, dtype=np.float64))


def away_from(values, points, gap=0.05):
    """Move values at least ``gap`` away from kinks (so central differences are valid)."""
    a = values.detach().numpy().copy()
    for p in points:
        near = np.abs(a - p) < gap
        a[near] = p + gap * np.where(a[near] >= p, 2, -2)
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


IDX = [0, 2, 2, 1, 0]
CASES = {
    "add_bcast_col_row": (lambda a, b: a + b, [r(3, 1), r(1, 4)]),
    "sub_bcast_vec": (lambda a, b: a - b, [r(4), r(3, 4)]),
    "mul_bcast_scalar_tensor": (lambda a, b: a * b, [r(), r(2, 3)]),
    "div_bcast_3d": (lambda a, b: a / b, [r(2, 1, 3), r(4, 1, low=0.5)]),
    "scalar_ops": (lambda a: (2 - a) * 3 + 1 / (a * a + 1) - a / 4, [r(3)]),
    "neg": (lambda a: -a, [r(3)]),
    "pow_int": (lambda a: a ** 3, [r(3)]),
    "pow_frac": (lambda a: a.pow(1.5), [r(3, low=0.2)]),
    "pow_neg": (lambda a: a ** -2, [r(3, low=0.5)]),
    "pow_tensor": (lambda a, b: a ** b, [r(3, low=0.3), r(3)]),
    "rpow": (lambda a: 3 ** a, [r(3)]),
    "rpow_tensor_base": (lambda a, b: a ** b, [r(2, 1, low=0.3), r(3)]),
    "reciprocal": (lambda a: a.reciprocal(), [r(3, low=0.5)]),
    "exp": (lambda a: torch.exp(a), [r(3)]),
    "log": (lambda a: torch.log(a), [r(3, low=0.2)]),
    "log1p": (lambda a: a.log1p(), [r(3, low=0.0)]),
    "expm1": (lambda a: a.expm1(), [r(3)]),
    "sqrt": (lambda a: torch.sqrt(a), [r(3, low=0.2)]),
    "abs": (lambda a: torch.abs(a), [away_from(r(5), [0])]),
    "relu": (lambda a: torch.relu(a), [away_from(r(5), [0])]),
    "sigmoid": (lambda a: torch.sigmoid(a), [r(4, scale=3)]),
    "tanh": (lambda a: torch.tanh(a), [r(4)]),
    "sin_cos": (lambda a: a.sin() + a.cos(), [r(4)]),
    "square": (lambda a: torch.square(a), [r(4)]),
    "clamp": (lambda a: a.clamp(-0.5, 0.5), [away_from(r(6), [-0.5, 0.5])]),
    "clamp_min": (lambda a: torch.clamp(a, min=0.1), [away_from(r(6), [0.1])]),
    "clamp_tensor": (lambda a, lo, hi: torch.clamp(a, lo, hi),
                     [away_from(r(6), [-0.3, 0.3]), c(np.full(6, -0.3)), c(np.full(6, 0.3))]),
    "clamp_tensor_bounds_grad": (lambda a, lo: torch.clamp(a, min=lo),
                                 [c([-1.0, 0.5, 2.0]), r(3, scale=0.1)]),
    "maximum": (lambda a, b: torch.maximum(a, b), [r(5), r(5)]),
    "minimum_bcast": (lambda a, b: torch.minimum(a, b), [r(3, 1), r(4)]),
    "where": (lambda a, b: torch.where(a > 0, a, b), [away_from(r(3, 4), [0]), r(4)]),
    "sum": (lambda a: a.sum(), [r(3, 4)]),
    "sum_dims": (lambda a: a.sum((0, 2)), [r(2, 3, 4)]),
    "sum_keepdim": (lambda a: a.sum(1, keepdim=True), [r(3, 4)]),
    "mean": (lambda a: a.mean(), [r(3, 4)]),
    "mean_dim": (lambda a: a.mean(-1), [r(3, 4)]),
    "max": (lambda a: a.max(), [r(6)]),
    "min_dim": (lambda a: a.min(dim=1).values, [r(3, 4)]),
    "max_dim_keep": (lambda a: a.max(0, keepdim=True)[0], [r(3, 4)]),
    "amax": (lambda a: torch.amax(a, dim=0), [r(3, 4)]),
    "var": (lambda a: a.var(dim=1), [r(3, 4)]),
    "std": (lambda a: a.std(), [r(3, 4)]),
    "prod": (lambda a: a.prod(), [r(5)]),
    "prod_with_zero": (lambda a, z: (a * z).prod(), [r(4), c([1.0, 0.0, 1.0, 1.0])]),
    "logsumexp": (lambda a: torch.logsumexp(a, 1), [r(3, 4)]),
    "softmax": (lambda a: a.softmax(dim=1), [r(3, 4)]),
    "log_softmax": (lambda a: torch.log_softmax(a, dim=0), [r(3, 4)]),
    "reshape_view": (lambda a: a.reshape(2, 6).view(3, 4).t().reshape(-1), [r(3, 4)]),
    "transpose_permute": (lambda a: a.transpose(0, 1).permute(2, 0, 1), [r(2, 3, 4)]),
    "squeeze_unsqueeze": (lambda a: a.unsqueeze(0).squeeze(2).squeeze(), [r(3, 1)]),
    "expand": (lambda a: a.expand(4, 3) * torch.arange(4.0, dtype=torch.float64)[:, None],
               [r(3)]),
    "flatten_T": (lambda a: a.flatten().reshape(4, 3).T, [r(3, 4)]),
    "cat": (lambda a, b: torch.cat([a, b, a], dim=1), [r(2, 3), r(2, 1)]),
    "stack": (lambda a, b: torch.stack([a, b], dim=-1), [r(2, 3), r(2, 3)]),
    "index_basic": (lambda a: a[1:, ::2][0] * a[-1, 1], [r(3, 4)]),
    "index_repeated": (lambda a: a[IDX] * torch.arange(5.0, dtype=torch.float64), [r(3)]),
    "index_repeated_rows_2d": (lambda a: a[[0, 0, 2], 1:], [r(3, 4)]),
    "index_mask": (lambda a: a[a > 0] ** 2, [away_from(r(3, 4), [0])]),
    "index_tensor_index": (lambda a: a[torch.tensor([[1, 1], [0, 2]])], [r(3, 2)]),
    "setitem": (lambda a, v: _setitem(a, v), [r(4), r()]),
    "dot": (lambda a, b: a @ b, [r(3), r(3)]),
    "mv": (lambda a, b: a @ b, [r(2, 3), r(3)]),
    "vm": (lambda a, b: a @ b, [r(3), r(3, 2)]),
    "mm": (lambda a, b: a.mm(b), [r(2, 3), r(3, 4)]),
    "matmul_fold": (lambda a, b: a @ b, [r(2, 3, 4), r(4, 2)]),
    "matmul_batched": (lambda a, b: a @ b, [r(2, 1, 3, 4), r(3, 4, 2)]),
    "matmul_2d_3d": (lambda a, b: a @ b, [r(2, 3), r(2, 3, 2)]),
    "addmm": (lambda b, m1, m2: torch.addmm(b, m1, m2), [r(4), r(2, 3), r(3, 4)]),
    "outer": (lambda a, b: torch.outer(a, b), [r(3), r(2)]),
    "diamond_reuse": (lambda a: (a * a).exp() + (a * a).sin() + a, [r(3)]),
    "shared_subexpression": (lambda a, b: _diamond(a, b), [r(3), r(3)]),
    "clone": (lambda a: a.clone() * a, [r(3)]),
}


def _setitem(a, v):
    y = a * 1
    y[1] = v * 3
    y[2:] = v
    return y


def _diamond(a, b):
    h = a * b
    return (h + h.tanh()) * (h - a)


ACT = {
    "F_relu": (lambda a: F.relu(a), [away_from(r(5), [0])]),
    "F_leaky_relu": (lambda a: F.leaky_relu(a, 0.1), [away_from(r(5), [0])]),
    "F_softplus": (lambda a: F.softplus(a), [r(5, scale=3)]),
    "F_softplus_threshold": (lambda a: F.softplus(a, beta=2.0, threshold=3.0),
                             [away_from(r(6, scale=2), [1.5])]),
    "F_gelu": (lambda a: F.gelu(a), [r(5)]),
    "F_gelu_tanh": (lambda a: F.gelu(a, approximate="tanh"), [r(5)]),
    "F_silu": (lambda a: F.silu(a), [r(5)]),
    "F_elu": (lambda a: F.elu(a), [away_from(r(5), [0])]),
    "F_logsigmoid": (lambda a: F.logsigmoid(a), [r(5, scale=5)]),
    "F_softmax": (lambda a: F.softmax(a, dim=-1), [r(2, 4)]),
    "F_log_softmax": (lambda a: F.log_softmax(a, 1), [r(2, 4)]),
    "F_linear_2d": (lambda x, w, b: F.linear(x, w, b), [r(4, 3), r(2, 3), r(2)]),
    "F_linear_1d": (lambda x, w, b: F.linear(x, w, b), [r(3), r(2, 3), r(2)]),
    "F_linear_3d_nobias": (lambda x, w: F.linear(x, w), [r(2, 4, 3), r(2, 3)]),
}


def _loss_cases():
    cases = {}
    t_idx = torch.tensor([0, 2, 1, 2])
    for red in ("mean", "sum", "none"):
        cases[f"mse_{red}"] = (lambda a, b, red=red: F.mse_loss(a, b, reduction=red),
                               [r(3, 2), r(3, 2)])
        cases[f"l1_{red}"] = (lambda a, b, red=red: F.l1_loss(a, b, reduction=red),
                              [away_from(r(3, 2), [0]), c(np.zeros((3, 2)))])
        cases[f"bce_{red}"] = (
            lambda a, b, red=red: F.binary_cross_entropy(a, b, reduction=red),
            [torch.tensor(RNG.uniform(0.1, 0.9, 5), dtype=torch.float64, requires_grad=True),
             torch.tensor(RNG.uniform(0.1, 0.9, 5), dtype=torch.float64, requires_grad=True)])
        cases[f"bce_weight_{red}"] = (
            lambda a, b, red=red: F.binary_cross_entropy(a.sigmoid(), b, weight=c([0.5, 2.0]),
                                                         reduction=red),
            [r(3, 2), c(RNG.random((3, 2)))])
        cases[f"bcel_{red}"] = (
            lambda a, b, red=red: F.binary_cross_entropy_with_logits(a, b, reduction=red),
            [r(5, scale=3), torch.tensor(RNG.random(5), dtype=torch.float64,
                                         requires_grad=True)])
        cases[f"bcel_pw_{red}"] = (
            lambda a, b, red=red: F.binary_cross_entropy_with_logits(
                a, b, weight=c([1.0, 0.5, 2.0]), pos_weight=c([3.0, 0.2, 1.0]), reduction=red),
            [r(2, 3, scale=3), torch.tensor(RNG.random((2, 3)), dtype=torch.float64,
                                            requires_grad=True)])
        cases[f"nll_{red}"] = (lambda a, red=red: F.nll_loss(a, t_idx, reduction=red),
                               [r(4, 3)])
        cases[f"ce_{red}"] = (lambda a, red=red: F.cross_entropy(a, t_idx, reduction=red),
                              [r(4, 3)])
        cases[f"ce_weight_ignore_{red}"] = (
            lambda a, red=red: F.cross_entropy(a, t_idx, weight=c([0.2, 1.0, 3.0]),
                                               ignore_index=1, reduction=red), [r(4, 3)])
        cases[f"ce_probs_{red}"] = (
            lambda a, p, red=red: F.cross_entropy(a, p, reduction=red),
            [r(4, 3), c(RNG.dirichlet(np.ones(3), 4))])
        cases[f"ce_spatial_{red}"] = (
            lambda a, red=red: F.cross_entropy(a, torch.tensor([[0, 1, 2], [2, 2, 0]]),
                                               reduction=red), [r(2, 3, 3)])
    return cases


CASES.update(ACT)
CASES.update(_loss_cases())


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradcheck(name):
    fn, inputs = CASES[name]
    assert gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3)


def test_extreme_logits_finite():
    x = torch.tensor([-1000.0, -100.0, 0.0, 100.0, 1000.0], requires_grad=True)
    y = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0])
    loss = F.binary_cross_entropy_with_logits(x, y, reduction="none")
    np.testing.assert_allclose(loss.detach().numpy(), [1000, 0, np.log(2), 0, 1000], rtol=1e-6,
                               atol=1e-30)
    loss.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [-1, 0, -0.5, 0, 1], atol=1e-7)
    assert np.isfinite(F.cross_entropy(torch.tensor([[1000.0, -1000.0]]),
                                       torch.tensor([1])).item())
    assert np.isfinite(torch.tensor([1e4, -1e4]).softmax(0).numpy()).all()
    assert np.isfinite(torch.tensor([-1e4, 50.0]).sigmoid().numpy()).all()


def test_subgradients_at_kinks():
    x = torch.tensor([0.0, 0.0, 0.0], requires_grad=True)
    (x.relu() + x.abs() + x.clamp(0, 1)).sum().backward()
    np.testing.assert_array_equal(x.grad.numpy(), [1, 1, 1])  # relu 0, abs 0, clamp 1 at bound
    s = torch.tensor([0.0], requires_grad=True)
    s.sqrt().sum().backward()
    assert np.isinf(s.grad.numpy()).all()
    m = torch.tensor([2.0, 2.0, 1.0], requires_grad=True)
    m.max().backward()
    np.testing.assert_array_equal(m.grad.numpy(), [0.5, 0.5, 0])
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([1.0, 3.0], requires_grad=True)
    torch.maximum(a, b).sum().backward()
    np.testing.assert_array_equal(a.grad.numpy(), [0.5, 0])
    np.testing.assert_array_equal(b.grad.numpy(), [0.5, 1])
    d = torch.tensor([[3.0, 3.0], [1.0, 0.0]], requires_grad=True)
    d.max(dim=1).values.sum().backward()
    np.testing.assert_array_equal(d.grad.numpy(), [[1, 0], [1, 0]])


def test_repeated_indices_accumulate():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x[[0, 0, 0, 2]].sum().backward()
    np.testing.assert_array_equal(x.grad.numpy(), [3, 0, 1])


def test_all_ignored_mean_is_nan():
    loss = F.cross_entropy(torch.randn(2, 3), torch.tensor([-100, -100]))
    assert np.isnan(loss.item())

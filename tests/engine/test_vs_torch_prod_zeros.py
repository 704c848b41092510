"""prod with zeros under ``create_graph=True`` against torch 2.13: the recorded gradient is
PyTorch's ``prod_safe_zeros_backward`` (CatBackward0 of ones and a SliceBackward0, CumprodBackward0,
FlipBackward0), with torch's names and values to the second derivative and torch's values to the
third. Its ``cumprod`` gradient is exact with zeros; the ops torch's own ``cumprod_backward``
records are not reproduced (names past the second derivative differ, values agree)."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import graphstudio.engine as E  # noqa: E402
from graphstudio.engine.backward_kernels.products import cumprod, cumprod_gradient  # noqa: E402

torch.set_num_threads(1)

DATA = [[[2.0, 0.0, 4.0], [1.5, -2.0, 0.5]],
        [[0.0, 3.0, 0.0], [1.5, 0.0, 0.5]],
        [[0.0, 0.0, 0.0], [-1.0, 2.0, 3.0]],
        [[1.0, 0.5, 0.0], [0.0, 2.0, 1.0]]]
W = [[1.0, 2.0, 3.0], [4.0, -5.0, 6.0]]


def dag(fn):
    return None if fn is None else (fn.name(), tuple(dag(f) for f, _ in fn.next_functions))


def derivatives(T, data, dim):
    x = T.tensor(data, requires_grad=True)
    y = (x * x).prod() if dim is None else (x * x).prod(dim).sum()
    (g1,) = T.autograd.grad(y, x, create_graph=True)
    (g2,) = T.autograd.grad((g1 * T.tensor(W)).sum(), x, create_graph=True)
    (g3,) = T.autograd.grad((g2 * T.tensor(W)).sum() ** 2, x)
    return dag(g1.grad_fn), [g.detach().numpy() for g in (g1, g2, g3)]


@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("dim", [None, 0, 1, -1])
def test_prod_with_zeros_recorded_as_torch(data, dim):
    names, values = derivatives(E, data, dim)
    tnames, tvalues = derivatives(torch, data, dim)
    assert names == tnames
    for got, want in zip(values, tvalues, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_the_recorded_names_are_torchs_safe_zeros_ops():
    names, _ = derivatives(E, DATA[0], None)
    flat = str(names)
    for name in ("CumprodBackward0", "FlipBackward0", "CatBackward0", "SliceBackward0"):
        assert name in flat


@pytest.mark.parametrize("data", [[0.0, 2.0, 3.0, -1.0], [2.0, 0.0, 0.0, 3.0],
                                  [1.5, 2.0, -0.5, 4.0], [0.0, 0.0, 0.0, 0.0]])
def test_cumprod_gradient_is_torchs_with_zeros(data):
    g = np.array([1.0, -2.0, 0.5, 3.0], np.float32)
    x = torch.tensor(data, requires_grad=True)
    torch.cumprod(x, 0).backward(torch.tensor(g))
    got = cumprod_gradient(g, np.array(data, np.float32), 0)
    np.testing.assert_allclose(got, x.grad.numpy(), rtol=1e-6)
    # and recorded: its own gradient (a Hessian-vector product) is torch's
    xt = torch.tensor(data, requires_grad=True)
    (gt,) = torch.autograd.grad((torch.cumprod(xt, 0) * torch.tensor(g)).sum(), xt,
                                create_graph=True)
    (ht,) = torch.autograd.grad((gt * gt).sum(), xt)
    xe = E.tensor(data, requires_grad=True)
    (ge,) = E.autograd.grad((cumprod(xe, 0) * E.tensor(g)).sum(), xe, create_graph=True)
    (he,) = E.autograd.grad((ge * ge).sum(), xe)
    assert ge.grad_fn is not None
    np.testing.assert_allclose(ge.detach().numpy(), gt.detach().numpy(), rtol=1e-6)
    np.testing.assert_allclose(he.numpy(), ht.numpy(), rtol=1e-5, atol=1e-6)

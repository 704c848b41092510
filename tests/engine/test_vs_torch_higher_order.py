"""Issue #12, higher-order gradients: the same program under torch 2.13 and the engine with
``create_graph=True`` (grad of grad for every op family, a Hessian-vector product, a gradient
penalty, ``retain_graph`` interplay, hooks and ``.grad`` under a recorded backward, torch's
errors), comparing values, dtypes, grad_fn names and messages."""

import warnings

import pytest

torch = pytest.importorskip("torch")
import graphstudio.engine as E  # noqa: E402

torch.set_num_threads(1)


def _plain(v, names=True):
    if isinstance(v, (torch.Tensor, E.Tensor)):
        fn = v.grad_fn.name() if v.grad_fn is not None and names else None
        return ("T", v.detach().numpy().round(4).tolist(), str(v.dtype).replace("torch.", ""),
                fn, v.requires_grad)
    if isinstance(v, (tuple, list)):
        return tuple(_plain(x, names) for x in v)
    return v


def run(program, names=True):
    out = []
    for lib in (torch, E):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append(_plain(program(lib), names))
        except Exception as e:  # noqa: BLE001 - the error itself is what is compared
            out.append((type(e).__name__, str(e)))
    return out


def same(program, names=True):
    t, e = run(program, names)
    assert e == t
    return t


def _x(T):
    return T.tensor([0.5, -1.0, 2.0], requires_grad=True)


def _w(T):
    return T.tensor([[0.3, -0.2, 0.1], [0.4, 0.5, -0.6]], requires_grad=True)


# Families whose first gradient torch records with the same elementary ops (names compared).
NAMED = {
    "pow": lambda T, x, w: (x ** 3).sum(),
    "mul": lambda T, x, w: (x * x * x).sum(),
    "div": lambda T, x, w: (x / (x * x + 2)).sum(),
    "exp": lambda T, x, w: T.exp(x).sum(),
    "sin": lambda T, x, w: T.sin(x).sum(),
    "cos": lambda T, x, w: T.cos(x).sum(),
    "log": lambda T, x, w: T.log(x * x + 1).sum(),
    "sqrt": lambda T, x, w: T.sqrt(x * x + 1).sum(),
    "abs": lambda T, x, w: (x.abs() ** 3).sum(),
    "sum": lambda T, x, w: x.sum(),
    "matmul": lambda T, x, w: ((w @ x) ** 2).sum(),
    "mm": lambda T, x, w: ((w.transpose(0, 1) @ w) ** 2).sum() + (x ** 2).sum(),
    "mse_sum": lambda T, x, w: ((w @ x - T.tensor([1.0, 2.0])) ** 2).sum(),
    "cat": lambda T, x, w: (T.cat([x, x * 2]) ** 2).sum(),
    "stack": lambda T, x, w: (T.stack([x, x * x]) ** 2).sum(),
    "reshape_t": lambda T, x, w: (x.reshape(3, 1).t() ** 2).sum(),
    "where": lambda T, x, w: T.where(x > 0, x ** 3, x ** 2).sum(),
    "clamp": lambda T, x, w: (x.clamp(-0.5, 1.0) ** 3).sum(),
    "var": lambda T, x, w: x.var(),
    "logsumexp": lambda T, x, w: T.logsumexp(x, 0),
    "linear": lambda T, x, w: (T.nn.functional.linear(x.unsqueeze(0), w) ** 2).sum(),
    "expand": lambda T, x, w: (x.unsqueeze(0).expand(2, 3) ** 3).sum(),
    "max_dim": lambda T, x, w: (x * x).max(dim=0)[0] ** 2,
    "maximum": lambda T, x, w: T.maximum(x ** 2, x).sum(),
}
# Families where torch runs a fused backward kernel (TanhBackwardBackward0...): values compared.
FUSED = {
    "tanh": lambda T, x, w: T.tanh(x).sum(),
    "sigmoid": lambda T, x, w: T.sigmoid(x).sum(),
    "relu": lambda T, x, w: (T.relu(x) ** 3).sum(),
    "softmax": lambda T, x, w: (T.softmax(x, 0) * T.tensor([1.0, 2.0, 3.0])).sum(),
    "log_softmax": lambda T, x, w: (T.log_softmax(x, 0) * T.tensor([1.0, 2.0, 3.0])).sum(),
    "mean": lambda T, x, w: x.mean() ** 2,
    "std": lambda T, x, w: x.std(),
    "mse_loss": lambda T, x, w: T.nn.functional.mse_loss(w @ x, T.tensor([1.0, 2.0])),
    "cross_entropy": lambda T, x, w: T.nn.functional.cross_entropy(
        (w @ x).unsqueeze(0) ** 2, T.tensor([1])),
    "bce": lambda T, x, w: T.nn.functional.binary_cross_entropy(
        T.sigmoid(x), T.tensor([1.0, 0.0, 1.0])),
    "index": lambda T, x, w: (x[[0, 2, 0]] ** 3).sum(),
    "slice": lambda T, x, w: (x[1:] ** 3).sum(),
    "leaky_relu": lambda T, x, w: (T.nn.functional.leaky_relu(x, 0.1) ** 3).sum(),
    "silu": lambda T, x, w: T.nn.functional.silu(x).sum(),
    "softplus": lambda T, x, w: T.nn.functional.softplus(x).sum(),
}


def _grad_of_grad(f):
    def p(T):
        x, w = _x(T), _w(T)
        (g,) = T.autograd.grad(f(T, x, w), x, create_graph=True)
        if not g.requires_grad:
            return g, None
        hx, hw = T.autograd.grad((g * T.tensor([1.0, 2.0, 3.0])).sum(), [x, w],
                                 allow_unused=True)
        return g, hx, hw

    return p


@pytest.mark.parametrize("name", sorted(NAMED))
def test_grad_of_grad_with_torch_names(name):
    same(_grad_of_grad(NAMED[name]))


@pytest.mark.parametrize("name", sorted(FUSED))
def test_grad_of_grad_values_of_fused_kernels(name):
    same(_grad_of_grad(FUSED[name]), names=False)


def test_second_derivative_of_x_cubed_is_12_at_2():
    def p(T):
        x = T.tensor(2.0, requires_grad=True)
        (g,) = T.autograd.grad(x ** 3, x, create_graph=True)
        (h,) = T.autograd.grad(g, x)
        return g, h, g.grad_fn.next_functions[0][0]
    t = same(p)
    assert t[0][1] == 12.0 and t[0][3] == "MulBackward0" and t[1][1] == 12.0


def test_hessian_vector_product():
    def p(T):
        x = T.tensor([1.0, 2.0, -1.0], requires_grad=True)
        v = T.tensor([0.5, -1.0, 2.0])
        y = (x ** 2 * x.sum()).sum()
        (g,) = T.autograd.grad(y, x, create_graph=True)
        (hv,) = T.autograd.grad(g, x, grad_outputs=v)
        return g, hv
    same(p)


def test_gradient_penalty_trains_the_weights():
    def p(T):
        w = T.tensor([[0.5, -0.3], [0.2, 0.8]], requires_grad=True)
        x = T.tensor([[1.0, 2.0]], requires_grad=True)
        out = T.tanh(x @ w).sum()
        (gx,) = T.autograd.grad(out, x, create_graph=True)
        penalty = ((gx * gx).sum(dim=1) - 1).pow(2).mean()
        penalty.backward()
        return penalty, w.grad, x.grad
    same(p, names=False)


def test_backward_create_graph_fills_grad_with_a_graph():
    def p(T):
        x = T.tensor([2.0, 3.0], requires_grad=True)
        (x ** 3).sum().backward(create_graph=True)
        first = x.grad
        (x ** 3).sum().backward(create_graph=True)
        second = x.grad
        (h,) = T.autograd.grad(second.sum(), x)
        return first, second, h
    same(p)


WARN_PROGRAM = """
import warnings, sys
import torch
import graphstudio.engine as E
for T in (torch, E):
    for i in range(2):
        x = T.tensor(2.0, requires_grad=True)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            (x ** 2).backward(create_graph=True)
        print(T.__name__, i, [str(m.message).split(" (Triggered")[0] for m in w])
"""


def test_backward_create_graph_warns_once_like_torch():
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = subprocess.run([sys.executable, "-c", WARN_PROGRAM], capture_output=True, text=True,
                         env=env, check=True).stdout.splitlines()
    torch_lines = [line.split(" ", 1)[1] for line in out if line.startswith("torch ")]
    engine_lines = [line.split(" ", 1)[1] for line in out if line.startswith("graphstudio")]
    assert engine_lines == torch_lines
    assert "reference cycle" in torch_lines[0] and torch_lines[1] == "1 []"


def test_differentiating_a_gradient_made_without_create_graph_raises():
    def p(T):
        x = _x(T)
        (g,) = T.autograd.grad((x ** 3).sum(), x)
        return T.autograd.grad(g.sum(), x)
    t = same(p)
    assert t == ("RuntimeError", "element 0 of tensors does not require grad and does not have a "
                                 "grad_fn")


def test_retain_graph_defaults_to_create_graph():
    def p(T):
        x = _x(T)
        y = (x.exp() * x).sum()
        (g1,) = T.autograd.grad(y, x, create_graph=True)
        (g2,) = T.autograd.grad(y, x)  # the graph was kept by create_graph
        return g1, g2, T.autograd.grad(y, x)
    t = same(p)
    assert t[0] == "RuntimeError" and "backward through the graph a second time" in t[1]


def test_create_graph_with_retain_graph_false_frees_the_first_graph():
    def p(T):
        x = _x(T)
        y = (x.sin() * x).sum()
        (g,) = T.autograd.grad(y, x, create_graph=True, retain_graph=False)
        (h,) = T.autograd.grad(g.sum(), x)  # the new graph needs sin's saved input: freed
        return g, h
    same(p)


def test_hooks_and_retain_grad_see_recorded_gradients():
    def p(T):
        x = _x(T)
        y = x * 2
        y.retain_grad()
        seen = []
        y.register_hook(lambda g: seen.append(g.requires_grad))
        (y ** 2).sum().backward(create_graph=True)
        return y.grad, x.grad, tuple(seen)
    same(p)


def test_third_derivative():
    def p(T):
        x = T.tensor(1.5, requires_grad=True)
        y = T.sin(x) * x ** 4
        (g1,) = T.autograd.grad(y, x, create_graph=True)
        (g2,) = T.autograd.grad(g1, x, create_graph=True)
        (g3,) = T.autograd.grad(g2, x)
        return g1, g2, g3
    same(p, names=False)


def test_float64_dtypes_kept():
    def p(T):
        x = T.tensor([1.0, 2.0], dtype=T.float64, requires_grad=True)
        (g,) = T.autograd.grad((x ** 3 / 3).sum(), x, create_graph=True)
        (h,) = T.autograd.grad(g.sum(), x)
        return g, h
    t = same(p)
    assert t[0][2] == "float64"


def test_prod_gradient_is_differentiable_with_zeros():
    def p(T):
        x = T.tensor([[2.0, 0.0, 4.0], [0.0, 3.0, 0.0]], requires_grad=True)
        (g,) = T.autograd.grad(x.prod(), x, create_graph=True)
        (h,) = T.autograd.grad((g * T.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum(), x)
        return g, h
    same(p, names=False)

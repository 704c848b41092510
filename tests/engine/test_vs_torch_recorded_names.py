"""The graph a recorded backward (``create_graph=True``) builds, against torch 2.13: for every op
family, the ``grad_fn`` names of the whole recorded DAG of ``g = autograd.grad(y, x,
create_graph=True)[0]`` (``g.grad_fn`` and its ``next_functions``, recursively) are torch's -
fused kernels (TanhBackwardBackward0, ThresholdBackwardBackward0, MseLossBackwardBackward0...) and
C++ Scalar overloads (MulBackward1, AddBackward1...) included - and the values of ``g`` and of its
own gradient are torch's. Also prod with zeros, gelu in both forms and BCE-with-logits with weights
under create_graph, and third derivatives through the fused nodes."""

import warnings

import pytest

torch = pytest.importorskip("torch")
import graphstudio.engine as E  # noqa: E402

torch.set_num_threads(1)


def dag(fn):
    """The names of a recorded graph: (name, children) down to the leaves."""
    if fn is None:
        return None
    return fn.name(), tuple(dag(f) for f, _ in fn.next_functions)


def _values(t):
    return None if t is None else (t.detach().numpy().round(4).tolist(),
                                   str(t.dtype).replace("torch.", ""))


def F(T):
    return T.nn.functional


TARGET = [1.0, 2.0, 0.0]
PROGRAMS = {
    "pow": lambda T, x: (x ** 3).sum(),
    "mul": lambda T, x: (x * x * x).sum(),
    "exp": lambda T, x: T.exp(x).sum(),
    "log2": lambda T, x: T.log2(x * x + 1).sum(),
    "expm1": lambda T, x: T.expm1(x).sum(),
    "log1p": lambda T, x: T.log1p(x * x).sum(),
    "sin": lambda T, x: T.sin(x).sum(),
    "cos": lambda T, x: T.cos(x).sum(),
    "log": lambda T, x: T.log(x * x + 1).sum(),
    "sqrt": lambda T, x: T.sqrt(x * x + 1).sum(),
    "reciprocal": lambda T, x: T.reciprocal(x).sum(),
    "tanh": lambda T, x: T.tanh(x).sum(),
    "sigmoid": lambda T, x: T.sigmoid(x).sum(),
    "relu": lambda T, x: (T.relu(x) ** 3).sum(),
    "softmax": lambda T, x: (T.softmax(x, 0) * T.tensor([1.0, 2.0, 3.0])).sum(),
    "log_softmax": lambda T, x: (T.log_softmax(x, 0) * T.tensor([1.0, 2.0, 3.0])).sum(),
    "logsumexp": lambda T, x: T.logsumexp(x, 0),
    "prod": lambda T, x: x.prod(),
    "prod_dim": lambda T, x: x.unsqueeze(0).prod(1).sum(),
    "leaky_relu": lambda T, x: (F(T).leaky_relu(x, 0.1) ** 3).sum(),
    "softplus": lambda T, x: F(T).softplus(x).sum(),
    "elu": lambda T, x: F(T).elu(x).sum(),
    "gelu": lambda T, x: F(T).gelu(x).sum(),
    "gelu_tanh": lambda T, x: F(T).gelu(x, approximate="tanh").sum(),
    "logsigmoid": lambda T, x: F(T).logsigmoid(x).sum(),
    "mse_loss": lambda T, x: F(T).mse_loss(x * 2, T.tensor(TARGET)),
    "mse_loss_sum": lambda T, x: F(T).mse_loss(x * 2, T.tensor(TARGET), reduction="sum"),
    "mse_loss_none": lambda T, x: F(T).mse_loss(x * 2, T.tensor(TARGET), reduction="none").sum(),
    "bce": lambda T, x: F(T).binary_cross_entropy(T.sigmoid(x), T.tensor([1.0, 0.0, 1.0])),
    "bce_logits": lambda T, x: F(T).binary_cross_entropy_with_logits(
        x, T.tensor([1.0, 0.0, 1.0])),
    "nll_loss": lambda T, x: F(T).nll_loss((x * x).unsqueeze(0), T.tensor([1])),
    "cross_entropy": lambda T, x: F(T).cross_entropy((x * x).unsqueeze(0), T.tensor([1])),
    "clamp": lambda T, x: (x.clamp(-0.5, 1.0) ** 3).sum(),
    "where": lambda T, x: T.where(x > 0, x ** 3, x ** 2).sum(),
    "maximum": lambda T, x: T.maximum(x ** 2, x).sum(),
    "square": lambda T, x: T.square(x).sum() ** 2,
    "neg": lambda T, x: (-(x * x)).sum(),
    "sub_number": lambda T, x: ((x - 1) ** 2).sum(),
    "number_sub": lambda T, x: ((1 - x) ** 2).sum(),
    "add": lambda T, x: ((x + x * x) ** 2).sum(),
    "mul_number": lambda T, x: (x * 2 * x).sum(),
}


def _run(T, program):
    x = T.tensor([0.5, -1.0, 2.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (g,) = T.autograd.grad(program(T, x), x, create_graph=True)
        (h,) = T.autograd.grad((g * T.tensor([1.0, 2.0, 3.0])).sum(), x, allow_unused=True)
    return dag(g.grad_fn), _values(g), _values(h)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_recorded_graph_names_and_values_match_torch(name):
    assert _run(E, PROGRAMS[name]) == _run(torch, PROGRAMS[name])


def test_fused_names_shown_as_torch_shows_them():
    names = {n: _run(E, PROGRAMS[n])[0][0] for n in ("tanh", "sigmoid", "relu", "softmax", "gelu")}
    assert names == {"tanh": "TanhBackwardBackward0", "sigmoid": "SigmoidBackwardBackward0",
                     "relu": "ThresholdBackwardBackward0", "gelu": "GeluBackwardBackward0",
                     "softmax": "SoftmaxBackwardDataBackward0"}
    # pow's inner product with the exponent is C++'s Scalar overload, a user's x * 2 is not
    assert _run(E, PROGRAMS["pow"])[0][1][1][0] == "MulBackward1"
    x = E.tensor([1.0, 2.0], requires_grad=True)
    assert (x * 2).grad_fn.name() == "MulBackward0"


THIRD = {
    "tanh": lambda T, x: T.tanh(x),
    "sigmoid": lambda T, x: T.sigmoid(x),
    "softplus": lambda T, x: F(T).softplus(x, beta=2.0),
    "elu": lambda T, x: F(T).elu(x, alpha=0.5),
    "gelu": lambda T, x: F(T).gelu(x),
    "gelu_tanh": lambda T, x: F(T).gelu(x, approximate="tanh"),
    "logsigmoid": lambda T, x: F(T).logsigmoid(x),
    "softmax": lambda T, x: T.softmax(x, 0) * T.tensor([1.0, -2.0, 3.0]),
    "log_softmax": lambda T, x: T.log_softmax(x, 0) * T.tensor([1.0, -2.0, 3.0]),
    "mse_loss": lambda T, x: F(T).mse_loss(x * x, T.tensor(TARGET, dtype=T.float64),
                                           reduction="none"),
    "bce": lambda T, x: F(T).binary_cross_entropy(T.sigmoid(x), T.tensor([1.0, 0.0, 1.0],
                                                                           dtype=T.float64)),
}


@pytest.mark.parametrize("name", sorted(THIRD))
def test_third_derivatives_through_fused_nodes(name):
    def derivatives(T):
        x = T.tensor([0.5, -1.0, 2.0], dtype=T.float64, requires_grad=True)
        (g1,) = T.autograd.grad(THIRD[name](T, x).sum(), x, create_graph=True)
        (g2,) = T.autograd.grad(g1.sum(), x, create_graph=True)
        (g3,) = T.autograd.grad(g2.sum(), x)
        return _values(g1), _values(g2), _values(g3)

    assert derivatives(E) == derivatives(torch)


@pytest.mark.parametrize("data", [[2.0, 3.0, 4.0], [2.0, 0.0, 4.0], [0.0, 3.0, 0.0],
                                  [0.0, 0.0, 0.0]])
@pytest.mark.parametrize("dim", [None, 0, 1])
def test_prod_second_derivative_with_zeros(data, dim):
    def derivatives(T):
        x = T.tensor([data, [1.5, -2.0, 0.5]], requires_grad=True)
        y = x.prod() if dim is None else x.prod(dim).sum()
        (g,) = T.autograd.grad(y, x, create_graph=True)
        (h,) = T.autograd.grad((g * T.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum(), x)
        return _values(g), _values(h)

    assert derivatives(E) == derivatives(torch)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("weights", ["none", "weight", "pos_weight", "both"])
def test_bce_with_logits_gradient_penalty(reduction, weights):
    def derivatives(T):
        x = T.tensor([0.5, -1.0, 2.0], requires_grad=True)
        t = T.tensor([1.0, 0.0, 0.25], requires_grad=True)
        kw = {}
        if weights in ("weight", "both"):
            kw["weight"] = T.tensor([1.0, 2.0, 0.5])
        if weights in ("pos_weight", "both"):
            kw["pos_weight"] = T.tensor([3.0, 0.5, 2.0])
        loss = F(T).binary_cross_entropy_with_logits(x, t, reduction=reduction, **kw).sum()
        gx, gt = T.autograd.grad(loss, [x, t], create_graph=True)
        penalty = (gx * gx).sum() + (gt * T.tensor([1.0, 2.0, 3.0])).sum()
        hx, ht = T.autograd.grad(penalty, [x, t])
        return dag(gx.grad_fn), dag(gt.grad_fn), _values(gx), _values(gt), _values(hx), _values(ht)

    assert derivatives(E) == derivatives(torch)


@pytest.mark.parametrize("approximate", ["none", "tanh"])
def test_gelu_hessian_vector_product(approximate):
    def hvp(T):
        x = T.tensor([[0.3, -1.2], [2.5, -0.1]], requires_grad=True)
        (g,) = T.autograd.grad(F(T).gelu(x, approximate=approximate).sum(), x, create_graph=True)
        (hv,) = T.autograd.grad(g, x, grad_outputs=T.tensor([[1.0, -1.0], [0.5, 2.0]]))
        return dag(g.grad_fn), _values(g), _values(hv)

    assert hvp(E) == hvp(torch)

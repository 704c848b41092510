"""The graph a recorded backward (``create_graph=True``) builds, against torch 2.13: for every op
family, the ``grad_fn`` names of the whole recorded DAG of ``g = autograd.grad(y, x,
create_graph=True)[0]`` (``g.grad_fn`` and its ``next_functions``, recursively) are torch's -
fused kernels (TanhBackwardBackward0, ThresholdBackwardBackward0, MseLossBackwardBackward0...) and
C++ Scalar overloads (MulBackward1, AddBackward1...), torch's order of operations (mean expands,
then divides), SgnBackward0 under abs, MaskedFillBackward for std and full max/min, TBackward0
for products' transposes and SelectBackwardBackward0 / SliceBackwardBackward0 /
IndexPutImplBackward0 for indexing included - and the values of ``g`` and of its own gradient are
torch's. Also prod with zeros, gelu in both forms and BCE-with-logits with weights
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


W = [1.0, 2.0, 3.0]
PROGRAMS.update({
    "div": lambda T, x: (x / (x * x + 1)).sum(),
    "rdiv": lambda T, x: (2 / (x * x + 1)).sum(),
    "exp2": lambda T, x: T.exp2(x).sum(),
    "abs": lambda T, x: (T.abs(x) ** 3).sum(),
    "abs_of_product": lambda T, x: T.abs(x * x).sum(),
    "l1_loss": lambda T, x: F(T).l1_loss(x * x, T.tensor([1.0, 2.0, 0.0])),
    "mean": lambda T, x: (x * x).mean() ** 2,
    "mean_dim": lambda T, x: ((x * x).unsqueeze(0).mean(1) ** 2).sum(),
    "mean_keepdim": lambda T, x: (T.outer(x, x).mean(1, keepdim=True) ** 2).sum(),
    "var": lambda T, x: (x * x).var() ** 2,
    "var_dim_1d": lambda T, x: (x * x).var(0) ** 2,
    "var_dim": lambda T, x: ((x * x).unsqueeze(0).var(1) ** 2).sum(),
    "std": lambda T, x: (x * x).std() ** 2,
    "std_dim": lambda T, x: ((x * x).unsqueeze(0).std(1) ** 2).sum(),
    "max": lambda T, x: (x * x).max() ** 2,
    "max_ties": lambda T, x: (x * x * T.tensor([1.0, 0.25, 0.0625])).max() ** 2,
    "min": lambda T, x: (x * x).min() ** 2,
    "amax": lambda T, x: (x * x).amax() ** 2,
    "amax_ties": lambda T, x: (x * x * T.tensor([1.0, 0.25, 0.0625])).amax() ** 2,
    "amax_dim": lambda T, x: ((x * x).unsqueeze(0).amax(1) ** 2).sum(),
    "amin_dim": lambda T, x: ((x * x).unsqueeze(0).amin(1) ** 2).sum(),
    "silu": lambda T, x: F(T).silu(x).sum(),
    "index_list": lambda T, x: (x[[0, 2]] ** 3).sum(),
    "index_mask": lambda T, x: (x[x > 0] ** 3).sum(),
    "index_slice": lambda T, x: (x[1:] ** 3).sum(),
    "index_select": lambda T, x: x[1] ** 3,
    "index_2d": lambda T, x: (T.outer(x, x)[1, 1:] ** 2).sum(),
    "index_ellipsis": lambda T, x: (T.outer(x, x)[..., 0] ** 2).sum(),
    "index_none": lambda T, x: ((x * x)[None] ** 2).sum(),
    "narrow": lambda T, x: ((x * x).narrow(0, 1, 2) ** 2).sum(),
    "matmul_vv": lambda T, x: T.matmul(x * x, x),
    "matmul_mv": lambda T, x: T.matmul(T.outer(x, x), x).sum(),
    "matmul_vm": lambda T, x: T.matmul(x, T.outer(x, x)).sum(),
    "matmul_batched": lambda T, x: T.matmul(T.outer(x, x).unsqueeze(0), T.outer(x, x)).sum(),
    "mm": lambda T, x: T.mm(T.outer(x, x), T.outer(x, x)).sum(),
    "mv": lambda T, x: T.mv(T.outer(x, x), x).sum(),
    "dot": lambda T, x: T.dot(x * x, x),
    "addmm": lambda T, x: T.addmm(x, T.outer(x, x), T.outer(x, x)).sum(),
    "linear": lambda T, x: F(T).linear(x.unsqueeze(0), T.outer(x, x), x).pow(2).sum(),
    "linear_no_bias": lambda T, x: F(T).linear(x.unsqueeze(0), T.outer(x, x)).pow(2).sum(),
    "t": lambda T, x: (T.outer(x, x).t() * T.outer(x, T.tensor(W))).sum(),
    "T": lambda T, x: (T.outer(x, x).T * T.outer(x, T.tensor(W))).sum(),
    "transpose": lambda T, x: (T.outer(x, x).transpose(0, 1) * T.outer(x, T.tensor(W))).sum(),
    "permute": lambda T, x: (T.outer(x, x).permute(1, 0) * T.outer(x, T.tensor(W))).sum(),
    "reshape": lambda T, x: ((x * x).reshape(3, 1) * x).sum(),
    "view": lambda T, x: ((x * x).view(3, 1) * x).sum(),
    "flatten": lambda T, x: (T.outer(x, x).flatten() ** 2).sum(),
    "expand": lambda T, x: ((x * x).expand(2, 3) * x).sum(),
    "squeeze": lambda T, x: ((x * x).unsqueeze(0).squeeze() ** 2).sum(),
    "squeeze_dim": lambda T, x: ((x * x).unsqueeze(0).squeeze(0) ** 2).sum(),
    "sum_dim": lambda T, x: (T.outer(x, x).sum(0) ** 2).sum(),
    "sum_keepdim": lambda T, x: (T.outer(x, x).sum(1, keepdim=True) ** 2).sum(),
    "cat": lambda T, x: (T.cat([x * x, x]) ** 2).sum(),
    "repeat_interleave": lambda T, x: ((x * x).repeat_interleave(2) ** 2).sum(),
    "repeat_interleave_counts": lambda T, x: (
        (x * x).repeat_interleave(T.tensor([1, 2, 0])) ** 2).sum(),
    "index_select_repeated": lambda T, x: (
        T.index_select(x * x, 0, T.tensor([2, 0, 2])) ** 2).sum(),
    "max_dim": lambda T, x: ((x * x).unsqueeze(0).max(1)[0] ** 2).sum(),
    "min_dim": lambda T, x: ((x * x).unsqueeze(0).min(1).values ** 2).sum(),
    "max_dim_keepdim": lambda T, x: ((x * x).reshape(3, 1).max(0, keepdim=True)[0] ** 2).sum(),
    "max_dim_2d": lambda T, x: (T.outer(x, x).max(1)[0] ** 2).sum(),
    "unbind": lambda T, x: sum((p * p * (k + 1)).sum() for k, p in enumerate(x.unbind())),
    "split_some": lambda T, x: ((x * x).split([2, 1])[1] ** 3).sum(),
    "chunk_all": lambda T, x: sum((p ** 3).sum() for p in (x * 2).chunk(3)),
    "clamp_tensors": lambda T, x: (x.clamp(T.tensor([-0.5] * 3), T.tensor([1.0] * 3)) ** 3).sum(),
    "clamp_min": lambda T, x: (x.clamp(min=-0.5) ** 3).sum(),
    "cross_entropy_probabilities": lambda T, x: F(T).cross_entropy(
        (x * x).unsqueeze(0), T.tensor([[0.2, 0.3, 0.5]])),
    "logsumexp_squared": lambda T, x: T.logsumexp(x * x, 0) ** 2,
    "prod_squared": lambda T, x: (x * x + 1).prod() ** 2,
    "minimum": lambda T, x: T.minimum(x ** 2, x).sum(),
    "max_other": lambda T, x: T.max(x ** 2, x).sum(),
    "add_alpha": lambda T, x: (T.add(x, x * x, alpha=2) ** 2).sum(),
    "sub_alpha": lambda T, x: (T.sub(x, x * x, alpha=2) ** 2).sum(),
    "sub_tensors": lambda T, x: ((x - x * x) ** 2).sum(),
    "to_double": lambda T, x: ((x * x).double() ** 2).sum(),
    "clone": lambda T, x: ((x * x).clone() ** 2).sum(),
    "sign": lambda T, x: (T.sign(x) * x * x).sum(),
    "floor": lambda T, x: (T.floor(x) * x * x).sum(),
    "inplace_add": lambda T, x: _inplace_add(x),
})


def _inplace_add(x):
    y = x * x
    y += x
    return (y ** 2).sum()


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


@pytest.mark.parametrize("value", [2.5, "tensor"])
def test_masked_fill_matches_torch(value):
    def run(T):
        x = T.tensor([[0.5, -1.0], [2.0, 3.0]], requires_grad=True)
        v = T.tensor(4.0, requires_grad=True) if value == "tensor" else value
        y = (x * x).masked_fill(T.tensor([[True, False], [False, True]]), v)
        grads = T.autograd.grad((y * y).sum(), [x] + ([v] if value == "tensor" else []),
                                create_graph=True)
        # the value's gradient is recorded as where(mask, grad, 0).sum() (torch: masked_select)
        return _values(y), y.grad_fn.name(), dag(grads[0].grad_fn), [_values(g) for g in grads]

    assert run(E) == run(torch)


@pytest.mark.parametrize("mask", [[1.0, 0.0], [1, 0]])
def test_masked_fill_refuses_a_mask_that_is_not_bool(mask):
    def message(T):
        with pytest.raises(RuntimeError) as err:
            T.tensor([1.0, 2.0]).masked_fill(T.tensor(mask), 0)
        return str(err.value)

    assert message(E) == message(torch)


def test_sgn_matches_torch():
    def run(T):
        x = T.tensor([-2.0, 0.0, 3.0, float("nan")], requires_grad=True)
        s = T.sgn(x)
        return _values(s), s.grad_fn.name(), _values(x.sgn())

    assert run(E) == run(torch)


SCATTERED = {
    "max_dim": lambda T, x: (x * x).max(1)[0],
    "max_dim_exp": lambda T, x: T.exp(x).max(1)[0],
    "min_dim_keepdim": lambda T, x: (x * x).min(0, keepdim=True).values,
    "index_select": lambda T, x: T.index_select(x * x, 1, T.tensor([2, 0, 2, 2])),
    "repeat_interleave_counts": lambda T, x: (x ** 3).repeat_interleave(T.tensor([2, 0]), 0),
}


@pytest.mark.parametrize("name", sorted(SCATTERED))
def test_third_derivatives_through_scatter_gather_and_index_add(name):
    """ScatterBackward0 -> GatherBackward0 -> ScatterAddBackward0 and IndexAddBackward0 ->
    IndexSelectBackward0, names and values to the third derivative."""
    def derivatives(T):
        x = T.tensor([[0.5, -1.0, 2.0], [3.0, -0.25, 1.5]], requires_grad=True)
        w = T.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])
        y = SCATTERED[name](T, x)
        (g1,) = T.autograd.grad((y * y).sum(), x, create_graph=True)
        (g2,) = T.autograd.grad((g1 * w).sum() ** 2, x, create_graph=True)
        (g3,) = T.autograd.grad((g2 * w).sum(), x)
        return dag(g1.grad_fn), dag(g2.grad_fn), _values(g1), _values(g2), _values(g3)

    assert derivatives(E) == derivatives(torch)

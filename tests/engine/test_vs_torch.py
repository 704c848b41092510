"""The engine against the installed torch: values, gradients, grad_fn names and graph structure,
and the order in which backward runs the nodes (recorded with pre-hooks on torch's side)."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as TF  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import graphstudio.engine as E  # noqa: E402
import graphstudio.engine.functional as EF  # noqa: E402
from graphstudio.engine.autograd import backward_steps  # noqa: E402

torch.set_num_threads(1)
LIBS = {"torch": (torch, TF), "engine": (E, EF)}


def _leaves(lib, arrays, requires):
    return [lib.tensor(a, requires_grad=r) for a, r in zip(arrays, requires, strict=True)]


def _tree(fn, leaves):
    """Structure of a grad_fn graph: nested (name, children), leaves by index (iterative)."""
    index = {id(t): i for i, t in enumerate(leaves)}
    out = {}
    order = []
    stack = [fn]
    while stack:
        n = stack.pop()
        if n is None or id(n) in out:
            continue
        out[id(n)] = None
        order.append(n)
        stack.extend(m for m, _ in n.next_functions)

    def label(n):
        if n is None:
            return None
        if hasattr(n, "variable"):
            return ("Acc", index.get(id(n.variable)))
        return n.name()

    return [(label(n), tuple(label(m) for m, _ in n.next_functions)) for n in order]


def hook_order(out, index, order):
    """Pre-hooks on every node under ``out`` append to ``order`` as torch runs them; returns the
    hook handles. ``index`` maps id(leaf) to the label of its AccumulateGrad."""
    seen, stack, handles = set(), [out.grad_fn], []
    while stack:
        n = stack.pop()
        if n is None or n in seen:
            continue
        seen.add(n)

        def hook(_grads, n=n):
            order.append(("Acc", index[id(n.variable)]) if hasattr(n, "variable") else n.name())

        handles.append(n.register_prehook(hook))
        stack.extend(m for m, _ in n.next_functions)
    return handles


def _torch_order(out, leaves):
    order = []
    hook_order(out, {id(t): i for i, t in enumerate(leaves)}, order)
    return order


def _engine_order(steps, leaves):
    index = {id(t): i for i, t in enumerate(leaves)}
    return [("Acc", index[id(s.leaf)]) if s.leaf is not None else s.node.name() for s in steps]


def compare(build, arrays, requires=None, rtol=1e-5, atol=1e-6, backward=True):
    """Run ``build(lib, F, *leaves)`` in both libraries and compare everything observable."""
    requires = requires or [a.dtype.kind == "f" for a in arrays]
    tl = _leaves(torch, arrays, requires)
    el = _leaves(E, arrays, requires)
    tout = build(torch, TF, *tl)
    eout = build(E, EF, *el)
    np.testing.assert_allclose(eout.detach().numpy(), tout.detach().numpy(), rtol=rtol, atol=atol)
    assert eout.dtype.name == str(tout.dtype).replace("torch.", "")
    if tout.grad_fn is None:
        assert eout.grad_fn is None
        return
    assert _tree(eout.grad_fn, el) == _tree(tout.grad_fn, tl)
    if not backward:
        return
    gradient = np.random.default_rng(1).standard_normal(tout.shape).astype(arrays[0].dtype) \
        if tout.ndim else None
    t_order = _torch_order(tout, tl)
    tout.backward(None if gradient is None else torch.tensor(gradient))
    steps = list(backward_steps(eout, None if gradient is None else E.tensor(gradient)))
    assert _engine_order(steps, el) == t_order
    for t, e in zip(tl, el, strict=True):
        if t.grad is None:
            assert e.grad is None
        else:
            assert e.grad.dtype.name == str(t.grad.dtype).replace("torch.", "")
            np.testing.assert_allclose(e.grad.numpy(), t.grad.numpy(), rtol=rtol * 10,
                                       atol=atol * 10)


RNG = np.random.default_rng(0)


def r(*shape, dtype=np.float64, low=None):
    a = RNG.standard_normal(shape)
    if low is not None:
        a = np.abs(a) + low
    return a.astype(dtype)


IDX = np.array([0, 2, 2, 1])
CASES = {
    # element-wise arithmetic, scalars on both sides
    "add": (lambda T, F, a, b: a + b, [r(3, 4), r(3, 4)]),
    "add_scalar_left": (lambda T, F, a: 2 + a, [r(3)]),
    "sub": (lambda T, F, a, b: a - b, [r(3, 4), r(4)]),
    "rsub": (lambda T, F, a: 1 - a, [r(3)]),
    "mul_scalar": (lambda T, F, a: a * 2, [r(3)]),
    "rmul": (lambda T, F, a: 2 * a, [r(3)]),
    "div": (lambda T, F, a, b: a / b, [r(3, 4), r(3, 1, low=0.5)]),
    "rdiv": (lambda T, F, a: 2 / a, [r(3, low=0.5)]),
    "neg": (lambda T, F, a: -a, [r(3)]),
    "pow_scalar": (lambda T, F, a: a ** 2, [r(3)]),
    "pow_frac": (lambda T, F, a: a.pow(2.5), [r(3, low=0.1)]),
    "pow_zero": (lambda T, F, a: a ** 0, [r(3)]),
    "pow_tensor": (lambda T, F, a, b: a ** b, [r(3, low=0.1), r(3)]),
    "rpow": (lambda T, F, a: 2 ** a, [r(3)]),
    "rpow_tensor_base": (lambda T, F, a, b: a ** b, [r(3, low=0.2), r(2, 1)]),
    # broadcasting in every direction
    "bcast_col_row": (lambda T, F, a, b: a * b, [r(3, 1), r(1, 4)]),
    "bcast_vec": (lambda T, F, a, b: a + b, [r(4), r(3, 4)]),
    "bcast_scalar_tensor": (lambda T, F, a, b: a - b, [r(), r(2, 3)]),
    "bcast_3d": (lambda T, F, a, b: a / b, [r(2, 1, 3), r(4, 1, low=1.0)]),
    "mixed_dtype": (lambda T, F, a, b: a * b, [r(3, dtype=np.float32), r(3)]),
    "zero_dim_no_promote": (lambda T, F, a, b: a * b, [r(3, dtype=np.float32), r()]),
    "int_times_float": (lambda T, F, a, b: a * b, [np.array([1, 2, 3]), r(3, dtype=np.float32)]),
    # unary math
    "exp": (lambda T, F, a: a.exp(), [r(3)]),
    "log": (lambda T, F, a: T.log(a), [r(3, low=0.1)]),
    "sqrt": (lambda T, F, a: T.sqrt(a), [r(3, low=0.1)]),
    "abs": (lambda T, F, a: T.abs(a), [np.array([-1.0, 0.0, 2.0])]),
    "relu": (lambda T, F, a: T.relu(a), [np.array([-1.0, 0.0, 2.0])]),
    "sigmoid": (lambda T, F, a: T.sigmoid(a), [r(3) * 10]),
    "tanh": (lambda T, F, a: T.tanh(a), [r(3)]),
    "sin_cos": (lambda T, F, a: a.sin() * a.cos(), [r(3)]),
    "log1p_expm1": (lambda T, F, a: a.log1p() + a.expm1(), [r(3, low=0.0)]),
    "reciprocal": (lambda T, F, a: a.reciprocal(), [r(3, low=0.5)]),
    "square": (lambda T, F, a: T.square(a), [r(3)]),
    "clamp": (lambda T, F, a: a.clamp(-0.5, 0.5), [np.array([-1.0, -0.5, 0.0, 0.5, 1.0])]),
    "clamp_min": (lambda T, F, a: a.clamp(min=0.0), [np.array([-1.0, 0.0, 1.0])]),
    "clamp_max": (lambda T, F, a: T.clamp(a, max=0.0), [np.array([-1.0, 0.0, 1.0])]),
    "clamp_tensor": (lambda T, F, a, lo, hi: T.clamp(a, lo, hi),
                     [r(6), np.full(6, -0.3), np.array([0.3, 0.3, 0.3, -1.0, 0.3, 2.0])]),
    # reductions
    "sum": (lambda T, F, a: a.sum(), [r(3, 4)]),
    "sum_dim": (lambda T, F, a: a.sum(1), [r(3, 4)]),
    "sum_dims_keep": (lambda T, F, a: a.sum((0, 2), keepdim=True), [r(2, 3, 4)]),
    "sum_neg_dim": (lambda T, F, a: T.sum(a, dim=-1), [r(3, 4)]),
    "mean": (lambda T, F, a: a.mean(), [r(3, 4)]),
    "mean_dim": (lambda T, F, a: a.mean(dim=0, keepdim=True), [r(3, 4)]),
    "max_full_ties": (lambda T, F, a: a.max(), [np.array([1.0, 3.0, 3.0, 2.0, 3.0])]),
    "min_full_ties": (lambda T, F, a: T.min(a), [np.array([1.0, 1.0, 3.0])]),
    "max_dim": (lambda T, F, a: a.max(dim=1)[0], [r(3, 4)]),
    "max_dim_keep_values": (lambda T, F, a: a.max(1, keepdim=True).values, [r(3, 4)]),
    "min_dim": (lambda T, F, a: a.min(0).values, [r(3, 4)]),
    "max_dim_ties": (lambda T, F, a: a.max(dim=0)[0], [np.array([[1.0, 2.0], [1.0, 0.0]])]),
    "maximum_ties": (lambda T, F, a, b: T.maximum(a, b),
                     [np.array([1.0, 2.0, 3.0]), np.array([1.0, 5.0, 0.0])]),
    "minimum_ties": (lambda T, F, a, b: T.minimum(a, b),
                     [np.array([1.0, 2.0, 3.0]), np.array([1.0, 5.0, 0.0])]),
    "max_binary": (lambda T, F, a, b: T.max(a, b), [r(3), r(3)]),
    "var_std": (lambda T, F, a: a.var() + a.std(dim=0).sum(), [r(3, 4)]),
    "logsumexp": (lambda T, F, a: T.logsumexp(a, dim=1), [r(3, 4)]),
    "prod": (lambda T, F, a: a.prod(), [np.array([1.5, 0.0, -2.0, 3.0])]),
    "amax": (lambda T, F, a: T.amax(a, dim=1), [np.array([[1.0, 2.0, 2.0], [0.0, -1.0, 5.0]])]),
    "softmax": (lambda T, F, a: a.softmax(1), [r(3, 4)]),
    "log_softmax": (lambda T, F, a: a.log_softmax(dim=0), [r(3, 4)]),
    "softmax_big": (lambda T, F, a: F.softmax(a, dim=-1), [r(2, 5) * 1000]),
    # shapes
    "reshape": (lambda T, F, a: a.reshape(6, 2), [r(3, 4)]),
    "reshape_copy": (lambda T, F, a: a.t().reshape(12), [r(3, 4)]),
    "view": (lambda T, F, a: a.view(-1), [r(3, 4)]),
    "t": (lambda T, F, a: a.t(), [r(3, 4)]),
    "T": (lambda T, F, a: a.T, [r(3, 4)]),
    "transpose": (lambda T, F, a: a.transpose(0, 2), [r(2, 3, 4)]),
    "permute": (lambda T, F, a: a.permute(2, 0, 1), [r(2, 3, 4)]),
    "squeeze": (lambda T, F, a: a.squeeze(), [r(1, 3, 1)]),
    "squeeze_dim": (lambda T, F, a: a.squeeze(0), [r(1, 3)]),
    "unsqueeze": (lambda T, F, a: a.unsqueeze(-1), [r(3)]),
    "expand": (lambda T, F, a: a.expand(2, 3), [r(3)]),
    "flatten": (lambda T, F, a: a.flatten(), [r(2, 3, 4)]),
    "clone": (lambda T, F, a: a.clone(), [r(3)]),
    "to_float32": (lambda T, F, a: a.to(T.float32), [r(3)]),
    "cat": (lambda T, F, a, b: T.cat([a, b], dim=1), [r(2, 3), r(2, 1)]),
    "cat_nograd": (lambda T, F, a, b: T.cat([a, b]), [r(3), r(2)], [True, False]),
    "stack": (lambda T, F, a, b: T.stack([a, b], dim=1), [r(2, 3), r(2, 3)]),
    "where": (lambda T, F, a, b: T.where(a > 0, a, b), [r(3, 4), r(4)]),
    "where_scalar": (lambda T, F, a: T.where(a > 0, a, 0.0), [r(3, 4)]),
    # indexing
    "index_int": (lambda T, F, a: a[1], [r(3, 4)]),
    "index_int_int": (lambda T, F, a: a[1, 2], [r(3, 4)]),
    "index_col": (lambda T, F, a: a[:, 1], [r(3, 4)]),
    "index_slice": (lambda T, F, a: a[1:], [r(3, 4)]),
    "index_step": (lambda T, F, a: a[::2, -2:], [r(5, 4)]),
    "index_neg": (lambda T, F, a: a[-1], [r(3)]),
    "index_none": (lambda T, F, a: a[None, :, None], [r(3)]),
    "index_ellipsis": (lambda T, F, a: a[..., 0], [r(2, 3, 4)]),
    "index_repeated": (lambda T, F, a: a[IDX.tolist()], [r(3)]),
    "index_repeated_rows": (lambda T, F, a, i: a[i], [r(3, 2), IDX], [True, False]),
    "index_mask": (lambda T, F, a: a[a > 0], [r(3, 4)]),
    "index_row_mask": (lambda T, F, a, m: a[m], [r(3, 4), np.array([True, False, True])],
                       [True, False]),
    "index_mixed": (lambda T, F, a: a[1:, [0, 1, 1]], [r(3, 4)]),
    "index_int_list": (lambda T, F, a: a[0, [0, 0]], [r(3, 4)]),
    "index_tensor0": (lambda T, F, a, i: a[i], [r(3), np.array(1)], [True, False]),
    # matrix products
    "dot": (lambda T, F, a, b: a @ b, [r(3), r(3)]),
    "mv": (lambda T, F, a, b: a @ b, [r(2, 3), r(3)]),
    "vm": (lambda T, F, a, b: a @ b, [r(3), r(3, 2)]),
    "mm": (lambda T, F, a, b: T.mm(a, b), [r(2, 3), r(3, 4)]),
    "matmul_3d_2d": (lambda T, F, a, b: a @ b, [r(2, 3, 4), r(4, 5)]),
    "matmul_3d_1d": (lambda T, F, a, b: T.matmul(a, b), [r(2, 3, 4), r(4)]),
    "bmm": (lambda T, F, a, b: a @ b, [r(2, 3, 4), r(2, 4, 5)]),
    "bmm_broadcast": (lambda T, F, a, b: a @ b, [r(2, 1, 3, 4), r(3, 4, 2)]),
    "matmul_2d_3d": (lambda T, F, a, b: a @ b, [r(2, 3), r(2, 3, 4)]),
    "matmul_2d_3d_const": (lambda T, F, a, b: a @ b, [r(2, 3), r(2, 3, 4)], [True, False]),
    "matmul_1d_3d": (lambda T, F, a, b: a @ b, [r(3), r(2, 3, 4)]),
    "matmul_1d_3d_const": (lambda T, F, a, b: a @ b, [r(3), r(2, 3, 4)], [True, False]),
    "matmul_3d_1d_const": (lambda T, F, a, b: a @ b, [r(2, 3, 4), r(4)], [False, True]),
    "matmul_3d_2d_noncontig": (lambda T, F, a, b: a.transpose(0, 1) @ b, [r(3, 2, 4), r(4, 2)],
                               [False, True]),
    "matmul_3d_3d_vec": (lambda T, F, a, b: a @ b, [r(2, 3, 4), r(4)]),
    "matmul_4d_1d": (lambda T, F, a, b: a @ b, [r(2, 2, 3, 4), r(4)], [False, True]),
    # functional
    "F_relu": (lambda T, F, a: F.relu(a), [r(3)]),
    "F_leaky_relu": (lambda T, F, a: F.leaky_relu(a), [np.array([-2.0, 0.0, 3.0])]),
    "F_leaky_relu_slope": (lambda T, F, a: F.leaky_relu(a, 0.2), [r(4)]),
    "F_sigmoid_tanh": (lambda T, F, a: F.sigmoid(a) + F.tanh(a), [r(3)]),
    "F_softplus": (lambda T, F, a: F.softplus(a), [np.array([-30.0, -1.0, 0.0, 5.0, 25.0])]),
    "F_softplus_beta": (lambda T, F, a: F.softplus(a, beta=2, threshold=5),
                        [np.array([-3.0, 0.5, 2.4, 2.6, 10.0])]),
    "F_gelu": (lambda T, F, a: F.gelu(a), [r(5)]),
    "F_gelu_tanh": (lambda T, F, a: F.gelu(a, approximate="tanh"), [r(5)]),
    "F_silu_elu": (lambda T, F, a: F.silu(a) + F.elu(a), [r(5)]),
    "F_logsigmoid": (lambda T, F, a: F.logsigmoid(a), [r(5) * 20]),
    "F_linear_2d": (lambda T, F, x, w, b: F.linear(x, w, b), [r(4, 3), r(2, 3), r(2)]),
    "F_linear_1d": (lambda T, F, x, w, b: F.linear(x, w, b), [r(3), r(2, 3), r(2)]),
    "F_linear_3d": (lambda T, F, x, w, b: F.linear(x, w, b), [r(2, 4, 3), r(2, 3), r(2)]),
    "F_linear_nobias": (lambda T, F, x, w: F.linear(x, w), [r(4, 3), r(2, 3)]),
    "F_linear_1d_nobias": (lambda T, F, x, w: F.linear(x, w), [r(3), r(2, 3)]),
    "F_linear_3d_nobias": (lambda T, F, x, w: F.linear(x, w), [r(2, 4, 3), r(2, 3)]),
}


NAMES_ONLY = {
    "sign": (lambda T, F, a: a.sign(), [r(3)]),
    "floor_ceil_round": (lambda T, F, a: a.floor() + a.ceil() + a.round(), [r(3) * 3]),
    "narrow": (lambda T, F, a: a.narrow(1, 1, 2), [r(3, 4)]),
    "select": (lambda T, F, a: a.select(1, -1), [r(3, 4)]),
    "outer": (lambda T, F, a, b: T.outer(a, b), [r(3), r(2)]),
    "addmm": (lambda T, F, b, m1, m2: T.addmm(b, m1, m2), [r(4), r(2, 3), r(3, 4)]),
    "bmm_direct": (lambda T, F, a, b: T.bmm(a, b), [r(2, 3, 4), r(2, 4, 5)]),
    "mv_direct": (lambda T, F, a, b: T.mv(a, b), [r(2, 3), r(3)]),
    "contiguous": (lambda T, F, a: a.t().contiguous(), [r(3, 4)]),
    "view_as_expand_as": (lambda T, F, a, b: a.view_as(b).expand_as(b) + b, [r(3, 4), r(3, 4)]),
    "amin": (lambda T, F, a: T.amin(a, dim=0), [r(3, 4)]),
    "clip": (lambda T, F, a: a.clip(-0.1, 0.1), [r(5)]),
    "exp_int": (lambda T, F, a: T.exp(a), [np.array([1, 2])], [False]),
    "double_to": (lambda T, F, a: a.float().double(), [r(3)]),
    "sum_dtype": (lambda T, F, a: a.sum(dtype=T.float32), [r(3)]),
    "mean_tuple": (lambda T, F, a: a.mean((0, 1)), [r(2, 3, 4)]),
    "std_unbiased": (lambda T, F, a: a.std(dim=0, unbiased=False), [r(3, 4)]),
    "dropout_eval": (lambda T, F, a: F.dropout(a, 0.5, training=False) * 1, [r(3)]),
    "dropout_train_p0": (lambda T, F, a: F.dropout(a, 0.0) * 1, [r(3)]),
}


@pytest.mark.parametrize("name", sorted(NAMES_ONLY))
def test_more_ops(name):
    build, arrays, *rest = NAMES_ONLY[name]
    compare(build, arrays, rest[0] if rest else None)


def test_dropout_names_and_scaling():
    a = np.ones((200,))
    t = TF.dropout(torch.tensor(a, requires_grad=True), 0.25)
    e = EF.dropout(E.tensor(a, requires_grad=True), 0.25)
    assert e.grad_fn.name() == t.grad_fn.name() == "MulBackward0"
    assert e.grad_fn.next_functions[1] == (None, 0)
    kept = e.detach().numpy()
    assert set(np.unique(kept)) <= {0.0, 1 / 0.75} and 100 < (kept > 0).sum() < 200


def _losses():
    cases = {}
    for red in ("mean", "sum", "none"):
        cases[f"mse_{red}"] = (lambda T, F, a, b, red=red: F.mse_loss(a, b, reduction=red),
                               [r(3, 4), r(3, 4)])
        cases[f"l1_{red}"] = (lambda T, F, a, b, red=red: F.l1_loss(a, b, reduction=red),
                              [r(3, 4), r(3, 4)])
        cases[f"bce_{red}"] = (
            lambda T, F, a, b, red=red: F.binary_cross_entropy(a.sigmoid(), b, reduction=red),
            [r(5), RNG.random(5)])
        cases[f"bce_weight_{red}"] = (
            lambda T, F, a, b, w, red=red: F.binary_cross_entropy(a.sigmoid(), b, weight=w,
                                                                  reduction=red),
            [r(2, 3), RNG.random((2, 3)), RNG.random(3)], [True, True, False])
        cases[f"bcel_{red}"] = (
            lambda T, F, a, b, red=red: F.binary_cross_entropy_with_logits(a, b, reduction=red),
            [r(5) * 5, RNG.random(5)])
        cases[f"bcel_pw_{red}"] = (
            lambda T, F, a, b, w, pw, red=red: F.binary_cross_entropy_with_logits(
                a, b, weight=w, pos_weight=pw, reduction=red),
            [r(4, 3), RNG.random((4, 3)), RNG.random(3), RNG.random(3) * 3],
            [True, True, False, False])
        cases[f"nll_{red}"] = (lambda T, F, a, t, red=red: F.nll_loss(a, t, reduction=red),
                               [r(4, 3), np.array([0, 2, 1, 2])])
        cases[f"ce_{red}"] = (lambda T, F, a, t, red=red: F.cross_entropy(a, t, reduction=red),
                              [r(4, 3), np.array([0, 2, 1, 2])])
        cases[f"ce_weight_ignore_{red}"] = (
            lambda T, F, a, t, w, red=red: F.cross_entropy(a, t, weight=w, ignore_index=1,
                                                           reduction=red),
            [r(4, 3), np.array([0, 2, 1, 2]), RNG.random(3)], [True, False, False])
        cases[f"ce_probs_{red}"] = (
            lambda T, F, a, p, red=red: F.cross_entropy(a, p, reduction=red),
            [r(4, 3), RNG.dirichlet(np.ones(3), 4)], [True, False])
    cases["ce_1d"] = (lambda T, F, a, t: F.cross_entropy(a, t), [r(5), np.array(3)])
    cases["ce_spatial"] = (lambda T, F, a, t: F.cross_entropy(a, t),
                           [r(2, 3, 4), np.array([[0, 1, 2, 1], [2, 2, 0, 1]])])
    for red in ("mean", "none"):
        cases[f"ce_4d_{red}"] = (lambda T, F, a, t, red=red: F.cross_entropy(a, t, reduction=red),
                                 [r(2, 3, 2, 2), np.array([[[0, 1], [2, 1]], [[2, 2], [0, 1]]])])
        cases[f"ce_3d_{red}"] = (lambda T, F, a, t, red=red: F.cross_entropy(a, t, reduction=red),
                                 [r(2, 3, 4), np.array([[0, 1, 2, 1], [2, 2, 0, 1]])])
    cases["ce_probs_weight"] = (lambda T, F, a, p, w: F.cross_entropy(a, p, weight=w),
                                [r(4, 3), RNG.dirichlet(np.ones(3), 4), RNG.random(3)],
                                [True, False, False])
    cases["bcel_extreme"] = (lambda T, F, a, b: F.binary_cross_entropy_with_logits(a, b),
                             [np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0]),
                              np.array([1.0, 0.0, 0.5, 1.0, 0.0])])
    cases["bce_saturated"] = (lambda T, F, a, b: F.binary_cross_entropy(a, b),
                              [np.array([0.0, 1.0, 0.5, 1e-30]), np.array([1.0, 0.0, 1.0, 1.0])],
                              [False, False])
    return cases


CASES.update(_losses())


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_float64(name):
    build, arrays, *rest = CASES[name]
    compare(build, arrays, rest[0] if rest else None)


@pytest.mark.parametrize("name", ["add", "mul_scalar", "bcast_3d", "matmul_3d_2d", "F_linear_2d",
                                  "ce_mean", "bcel_pw_mean", "softmax", "sigmoid", "index_mask",
                                  "max_dim", "mse_mean", "F_gelu", "var_std"])
def test_case_float32(name):
    build, arrays, *rest = CASES[name]
    arrays = [a.astype(np.float32) if a.dtype == np.float64 else a for a in arrays]
    compare(build, arrays, rest[0] if rest else None, rtol=2e-5, atol=2e-6)


def test_leaf_tie_order_and_fan_in():
    arrays = [r(3) for _ in range(4)]
    compare(lambda T, F, a, b, c, d: ((a * b) + (c * d) * (a + d)).sum(), arrays)
    compare(lambda T, F, a, b, c, d, e: (a * b * c + d * e + a * e + (b + c + d)).sum(),
            [r(2) for _ in range(5)])


def _setitem_build(T, F, a, v):
    y = a * 1
    y[1] = v * 3
    y[2:] = v
    return y * 2


def _inplace_build(T, F, a, b):
    y = a * 2
    y += b
    y.mul_(a)
    return y.exp()


def _no_grad_build(T, F, a):
    with T.no_grad():
        c = a * 3
    return a * c


@pytest.mark.parametrize("build, arrays", [
    (_setitem_build, [np.array([1.0, 2.0, 3.0, 4.0]), np.array(0.5)]),
    (_inplace_build, [np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.1, 0.2])]),
    (_no_grad_build, [np.array([1.0, 2.0, 3.0])]),
])
def test_inplace_and_no_grad_graphs(build, arrays):
    compare(build, arrays)


def test_tutorial_order_matches_torch():
    w = np.array([[-1.1373, 1.5912, -0.0512], [-0.5054, -0.9429, 0.0996],
                  [1.0302, 0.4610, -0.7176], [-1.4975, 0.0401, 1.0779],
                  [0.9736, -0.4620, -0.0244]], np.float32)
    b = np.array([0.6149, 0.9079, -0.9704], np.float32)
    compare(lambda T, F, x, y, w, b: F.binary_cross_entropy_with_logits(T.matmul(x, w) + b, y),
            [np.ones(5, np.float32), np.zeros(3, np.float32), w, b],
            [False, False, True, True])


# --- random expression graphs ------------------------------------------------------------------
UNARY = ["tanh", "sigmoid", "relu", "abs", "neg", "square", "exp_tanh", "scale", "rsub",
         "sum0", "sum1", "mean0", "softmax1", "log_softmax0", "sqrt_sq"]
BINARY = ["add", "sub", "mul", "div", "maximum", "minimum", "where"]
SHAPES = [(3, 4), (4,), (3, 1), (), (1, 4)]


def _apply(T, F, op, a, b=None):
    return {
        "tanh": lambda: a.tanh(), "sigmoid": lambda: T.sigmoid(a), "relu": lambda: F.relu(a),
        "abs": lambda: a.abs(), "neg": lambda: -a, "square": lambda: a * a,
        "exp_tanh": lambda: a.tanh().exp(), "scale": lambda: a * 0.5, "rsub": lambda: 1.5 - a,
        "sum0": lambda: a.sum(0, keepdim=True) if a.ndim == 2 else a.sum(),
        "sum1": lambda: a.sum(-1, keepdim=True) if a.ndim == 2 else a * 1.0,
        "mean0": lambda: a.mean(0, keepdim=True) if a.ndim == 2 else a.mean(),
        "softmax1": lambda: a.softmax(-1) if a.ndim else a.exp(),
        "log_softmax0": lambda: a.log_softmax(0) if a.ndim else a.sigmoid(),
        "sqrt_sq": lambda: (a * a + 1).sqrt(),
        "add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b,
        "div": lambda: a / (b * b + 1), "maximum": lambda: T.maximum(a, b),
        "minimum": lambda: T.minimum(a, b), "where": lambda: T.where(a > b, a, b),
    }[op]()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([np.float64, np.float32]))
def test_random_expressions(seed, dtype):
    rng = np.random.default_rng(seed)
    n_leaves = int(rng.integers(1, 4))
    arrays = [rng.standard_normal(SHAPES[int(rng.integers(len(SHAPES)))]).astype(dtype)
              for _ in range(n_leaves)]
    program = []
    size = n_leaves
    for _ in range(int(rng.integers(2, 10))):
        if rng.random() < 0.5:
            program.append((str(rng.choice(UNARY)), int(rng.integers(size)), None))
        else:
            program.append((str(rng.choice(BINARY)), int(rng.integers(size)),
                            int(rng.integers(size))))
        size += 1

    def build(T, F, *leaves):
        pool = list(leaves)
        for op, i, j in program:
            pool.append(_apply(T, F, op, pool[i], None if j is None else pool[j]))
        out = pool[n_leaves]
        for extra in pool[n_leaves + 1:]:
            out = out + extra.sum()
        return out.sum()

    tol = dict(rtol=1e-4, atol=1e-5) if dtype == np.float32 else {}
    compare(build, arrays, **tol)


# --- printing ------------------------------------------------------------------------------------
def _repr_cases():
    rng = np.random.default_rng(7)
    cases = [np.array(0.5), np.array(-0.0), np.array([1.0, -1.0]), np.array([1e-5, 1.0]),
             np.array([1e9, 1.0]), np.array([np.nan, 1.0, np.inf, -np.inf]),
             np.array([0.0, 0.0]), np.array([np.nan]), np.array([1.0, 2.0, 1e3]),
             np.array([1.0, 2.0, 1e4]), np.array([123456789.0, 1.0]), np.array([-0.0, 1.5]),
             np.array([], np.float32), np.zeros((0, 3)), np.array([], np.int64),
             np.array([True, False]), np.array(7), np.array([-3, 10, 200]),
             np.arange(2000).reshape(40, 50), np.arange(1001, dtype=np.float32),
             rng.standard_normal((40, 40)), rng.standard_normal((3, 2, 4)),
             rng.standard_normal((2, 3, 1, 2)) * 1e-6, rng.standard_normal(30) * 100,
             rng.integers(-5, 5, (4, 5)).astype(np.float64), rng.standard_normal((5, 300)),
             rng.standard_normal(12).astype(np.float16), np.eye(3, dtype=bool)]
    for scale in (1e-8, 1e-3, 1.0, 1e3, 1e7, 1e10):
        for shape in ((7,), (3, 5), (25,)):
            cases.append((rng.standard_normal(shape) * scale).astype(np.float32))
    return cases


@pytest.mark.parametrize("array", _repr_cases(), ids=lambda a: f"{a.dtype}{a.shape}")
def test_repr_matches_torch(array):
    assert repr(E.tensor(array)) == repr(torch.tensor(array))
    if array.dtype.kind == "f" and array.dtype != np.float16:
        assert repr(E.tensor(array, requires_grad=True)) == repr(torch.tensor(array,
                                                                              requires_grad=True))
        te = E.tensor(array, requires_grad=True) * 1
        tt = torch.tensor(array, requires_grad=True) * 1
        assert repr(te) == repr(tt)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_repr_random_tensors_match_torch(seed):
    rng = np.random.default_rng(seed)
    ndim = int(rng.integers(0, 4))
    shape = tuple(int(s) for s in rng.integers(1, 9 if ndim < 3 else 5, ndim))
    if rng.random() < 0.1:
        shape = (int(rng.integers(1001, 1300)),)
    kind = rng.choice(["float32", "float64", "int64", "bool", "intfloat"])
    scale = 10.0 ** rng.integers(-9, 11)
    values = rng.standard_normal(shape) * scale
    if kind == "int64":
        array = np.round(values).astype(np.int64)
    elif kind == "bool":
        array = values > 0
    elif kind == "intfloat":
        array = np.round(values).astype(np.float32)
    else:
        array = values.astype(kind)
        if rng.random() < 0.2 and array.size:
            array.flat[int(rng.integers(array.size))] = rng.choice([np.nan, np.inf, -np.inf, 0.0])
    assert repr(E.tensor(array)) == repr(torch.tensor(array))
    if array.dtype.kind == "f":
        grad = rng.random() < 0.5
        te = E.tensor(array, requires_grad=True)
        tt = torch.tensor(array, requires_grad=True)
        if grad:
            te, tt = te * 1, tt * 1
        assert repr(te) == repr(tt)


def test_broadcast_warning_text_matches():
    import warnings

    texts = []
    for T, F in (LIBS["torch"], LIBS["engine"]):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            F.mse_loss(T.ones(3), T.ones(2, 3))
        texts.append(str(caught[0].message))
    assert texts[0] == texts[1]


def test_repr_long_suffix_wraps():
    array = np.linspace(-1, 1, 9)
    te = E.tensor(array, requires_grad=True).exp()
    tt = torch.tensor(array, requires_grad=True).exp()
    assert repr(te) == repr(tt)


# --- creation and dtype inference ----------------------------------------------------------------
@pytest.mark.parametrize("data", [[1, 2], [1.0, 2], [True, False], 3, 2.5, True, [[1, 2], [3, 4]],
                                  np.array([1.0, 2.0]), np.array([1, 2], np.int32)])
def test_tensor_dtype_inference(data):
    assert str(E.tensor(data).dtype) == str(torch.tensor(data).dtype)


def test_creation_functions_match():
    pairs = [
        (E.arange(5), torch.arange(5)), (E.arange(0, 1, 0.25), torch.arange(0, 1, 0.25)),
        (E.arange(5.0), torch.arange(5.0)), (E.arange(1, 10, 3), torch.arange(1, 10, 3)),
        (E.full((2,), 3), torch.full((2,), 3)), (E.full((2, 2), 1.5), torch.full((2, 2), 1.5)),
        (E.eye(3, 2), torch.eye(3, 2)), (E.zeros(2, 3), torch.zeros(2, 3)),
        (E.ones((2,), dtype=E.float64), torch.ones((2,), dtype=torch.float64)),
        (E.zeros_like(E.ones(2, dtype=E.int64)),
         torch.zeros_like(torch.ones(2, dtype=torch.int64))),
        (E.linspace(0, 1, 5), torch.linspace(0, 1, 5)),
    ]
    for e, t in pairs:
        assert repr(e) == repr(t)


def test_type_promotion_matches():
    exprs = [
        lambda T: T.tensor([1, 2]) * 2.5, lambda T: T.tensor([True]) + 1,
        lambda T: T.tensor([1.0], dtype=T.float64) + T.tensor(1.0),
        lambda T: T.tensor([1.0]) + T.tensor(1.0, dtype=T.float64),
        lambda T: T.tensor([1], dtype=T.int32) + T.tensor(1),
        lambda T: T.tensor([1, 2]) / T.tensor([2, 4]), lambda T: T.tensor([1, 2]).sum(),
        lambda T: T.tensor([True, False]).sum(), lambda T: T.exp(T.tensor([1, 2])),
        lambda T: T.tensor([1, 2]) > 1, lambda T: T.tensor([1.5, 2.5]) * T.tensor([2, 3]),
        lambda T: T.tensor(2) ** 3, lambda T: T.tensor([1.0, 4.0]).sqrt(),
    ]
    for f in exprs:
        assert repr(f(E)) == repr(f(torch))


def test_max_dim_returns_like_torch():
    x = np.array([[1.0, 5.0, 5.0], [2.0, 0.0, 2.0]], np.float32)
    e = E.tensor(x, requires_grad=True).max(1)
    t = torch.tensor(x, requires_grad=True).max(1)
    assert repr(e) == repr(t)
    assert e.indices.tolist() == t.indices.tolist() and e[1].tolist() == t[1].tolist()
    assert repr(E.tensor(x).argmax()) == repr(torch.tensor(x).argmax())
    assert repr(E.tensor(x).argmin(1)) == repr(torch.tensor(x).argmin(1))


ERRORS = [
    lambda T, F: F.cross_entropy(T.ones(3, 4), T.tensor([0, 1, 5])),
    lambda T, F: F.binary_cross_entropy(T.rand(3), T.rand(4)),
    lambda T, F: F.binary_cross_entropy_with_logits(T.rand(3), T.rand(4)),
    lambda T, F: F.binary_cross_entropy(T.tensor([1.5]), T.rand(1)),
    lambda T, F: F.mse_loss(T.ones(3), T.ones(2, 4)),
    lambda T, F: T.ones(2, 2, 3) @ T.ones(2, 4, 5),
    lambda T, F: T.ones(2, 2, 3) @ T.ones(4, 5),
    lambda T, F: T.ones(2, 2) @ T.ones(2, 2, dtype=T.float64),
    lambda T, F: T.ones(2, 3).matmul(T.tensor(2.0)),
    lambda T, F: T.ones(3).max(1),
    lambda T, F: T.ones(3).permute(0, 1),
    lambda T, F: T.tensor([[1, 2], [3]]),
    lambda T, F: T.tensor([1, 2]).mean(),
    lambda T, F: T.ones(3, dtype=T.int64).add_(1.5),
    lambda T, F: T.ones(3).t().t().squeeze(4),
    lambda T, F: T.ones(2, 3).t().view(6),
    lambda T, F: F.binary_cross_entropy_with_logits(T.ones(2), T.ones(2),
                                                    weight=T.ones(2, requires_grad=True)),
    lambda T, F: T.ones(3, 3, 3).t(),
    lambda T, F: T.ones(3).expand(2, 4),
    lambda T, F: T.cat([T.ones(2, 3), T.ones(2, 4)]),
    lambda T, F: len(T.tensor(1.0)),
    lambda T, F: T.ones(3, dtype=T.int64).requires_grad_(),
    lambda T, F: setattr(T.ones(3, dtype=T.int64), "requires_grad", True),
    lambda T, F: T.zeros(2, dtype=T.int64, requires_grad=True),
    lambda T, F: (T.ones(2, requires_grad=True) * 2).requires_grad_(False),
    lambda T, F: T.ones(2, requires_grad=True).zero_(),
    lambda T, F: T.ones(2, 2)[2],
    lambda T, F: T.ones(2, 2)[0, 0, 0],
    lambda T, F: T.ones(3).sum().backward(),
    lambda T, F: T.ones(3, requires_grad=True).exp().backward(),
    lambda T, F: F.nll_loss(T.ones(3, 4), T.tensor([0.0, 1.0, 2.0])),
    lambda T, F: F.cross_entropy(T.ones(3, 4), T.tensor([0, 1])),
    lambda T, F: T.ones(2, 3).view(4),
    lambda T, F: T.ones(2, 3).reshape(-1, -1),
    lambda T, F: T.ones(2, 3).transpose(0, 2),
    lambda T, F: T.stack([]),
    lambda T, F: T.ones(2).item(),
    lambda T, F: T.ones(3) @ T.ones(2, 4, 5),
    lambda T, F: T.ones(2, 3) @ T.ones(2, 4, 5),
    lambda T, F: T.ones(2, 2, 3) @ T.ones(4),
    lambda T, F: T.ones(2, 2, 3).transpose(0, 1) @ T.ones(4),
    lambda T, F: T.ones(4, 2, 3) @ T.ones(5, 3, 2),
]


@pytest.mark.filterwarnings("ignore:Using a target size")
@pytest.mark.parametrize("i", range(len(ERRORS)))
def test_error_messages_match_torch(i):
    with pytest.raises(Exception) as t_info:
        ERRORS[i](torch, TF)
    with pytest.raises(Exception) as e_info:
        ERRORS[i](E, EF)
    assert type(e_info.value) is type(t_info.value) or isinstance(e_info.value,
                                                                   type(t_info.value))
    assert str(e_info.value) == str(t_info.value)


def test_set_printoptions_like_torch():
    array = np.array([0.123456789, 12.5, -3.0])
    try:
        for kwargs in ({"precision": 2}, {"precision": 6}, {"sci_mode": True},
                       {"linewidth": 30}):
            torch.set_printoptions(**kwargs)
            E.set_printoptions(**kwargs)
            assert repr(E.tensor(np.tile(array, 4))) == repr(torch.tensor(np.tile(array, 4)))
    finally:
        torch.set_printoptions(profile="default")
        E.set_printoptions(profile="default")
    assert repr(E.tensor(array)) == repr(torch.tensor(array))


@pytest.mark.parametrize("a", [
    np.array([1.0, 2.5], np.float32), np.array([1.0, 2.0], np.float32),
    np.array([1e-5, 1.0], np.float32), np.array([[1, -20], [300, 4]]), np.float32(0.8962),
    # over torch's threshold (1000): the format comes from the printed corner values only
    np.concatenate([np.full(600, 1.0), np.full(600, 1e-6), np.full(6, 2.0)]).astype(np.float32),
])
def test_format_elements_uses_the_format_torch_prints_with(a):
    from graphstudio.engine.printing import format_elements

    out = format_elements(a)
    assert out.shape == a.shape
    shown = repr(torch.tensor(a))
    corner = out.reshape(-1)[:3].tolist() + out.reshape(-1)[-3:].tolist()
    assert all(s in shown for s in corner), (corner, shown)
    if a.size > 1000:  # all of it in the corners' format, and a larger count chooses from all
        assert out[0] == "1." and out[700] == "0."
        assert format_elements(a, summarize_over=10_000)[0] == "1.0000e+00"

"""Differential fuzzing against torch: random multi-step programs run in both libraries.

A seeded generator writes a program over a pool of tensors (broadcasting, reductions with
dim/keepdim, indexing with repeated indices and masks, matmul of every rank, losses with every
reduction and option, activations, detach, no_grad, retain_grad, fan-out, float64/int64 mixing),
then one or more backward calls (gradient seeds, retain_graph, accumulation). After every step
the two runs must agree on values, dtypes, ``grad_fn.name()``, ``repr()``, exceptions (type and
message); after every backward on the order of executed nodes, the leaves' and retained grads.

``GS_FUZZ_EXAMPLES=5000 pytest tests/engine/test_vs_torch_programs.py`` hunts longer.
"""

import os
import warnings

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as TF  # noqa: E402

import graphstudio.engine as E  # noqa: E402
import graphstudio.engine.functional as EF  # noqa: E402
from graphstudio.engine.autograd import backward_steps  # noqa: E402

from .test_vs_torch import hook_order  # noqa: E402

torch.set_num_threads(1)
SHAPES = [(), (4,), (1, 4), (3, 1), (3, 4), (2, 3, 4), (2, 1, 4), (4, 3)]
EXAMPLES = int(os.environ.get("GS_FUZZ_EXAMPLES", "100"))


def _unary(rng):
    return str(rng.choice([
        "tanh", "sigmoid", "relu", "abs", "neg", "exp_t", "log_p", "sqrt_p", "square", "pow3",
        "rpow", "scale", "rsub", "rdiv", "leaky", "softplus", "gelu", "gelu_tanh", "clamp",
        "softmax", "log_softmax", "sum", "sum_dim", "mean", "mean_dim", "max", "max_dim",
        "min_dim", "amax", "t", "transpose", "unsqueeze", "squeeze", "reshape", "flatten",
        "detach", "no_grad", "idx_int", "idx_slice", "idx_rep", "idx_mask", "idx_neg",
        "int_mix", "to64", "to32", "clone", "logsumexp", "var", "std", "prod", "expand"]))


def _apply_unary(T, F, op, a, p):
    d = a.ndim
    dim = p % d - d if d else 0
    keep = bool(p & 1)
    table = {
        "tanh": lambda: a.tanh(), "sigmoid": lambda: T.sigmoid(a), "relu": lambda: F.relu(a),
        "abs": lambda: T.abs(a), "neg": lambda: -a, "exp_t": lambda: a.tanh().exp(),
        "log_p": lambda: (a * a + 0.5).log(), "sqrt_p": lambda: T.sqrt(a.abs() + 0.25),
        "square": lambda: a * a, "pow3": lambda: a.pow(3), "rpow": lambda: 2 ** a.tanh(),
        "scale": lambda: a * 0.3, "rsub": lambda: 1.5 - a, "rdiv": lambda: 1 / (a * a + 1),
        "leaky": lambda: F.leaky_relu(a, 0.1), "softplus": lambda: F.softplus(a),
        "gelu": lambda: F.gelu(a), "gelu_tanh": lambda: F.gelu(a, approximate="tanh"),
        "clamp": lambda: a.clamp(-0.5, 0.7) if keep else T.clamp(a, min=0.0),
        "softmax": lambda: a.softmax(dim), "log_softmax": lambda: F.log_softmax(a, dim=dim),
        "sum": lambda: a.sum(), "sum_dim": lambda: a.sum(dim, keepdim=keep),
        "mean": lambda: T.mean(a), "mean_dim": lambda: a.mean(dim=dim, keepdim=keep),
        "max": lambda: a.max(), "max_dim": lambda: a.max(dim, keepdim=keep)[0],
        "min_dim": lambda: a.min(dim=dim, keepdim=keep).values,
        "amax": lambda: T.amax(a, dim=dim), "t": lambda: a.t(),
        "transpose": lambda: a.transpose(0, -1), "unsqueeze": lambda: a.unsqueeze(dim),
        "squeeze": lambda: a.squeeze(), "reshape": lambda: a.reshape(-1, 2),
        "flatten": lambda: a.flatten(), "detach": lambda: a.detach(),
        "idx_int": lambda: a[p % 3 - 1 if d else 0], "idx_slice": lambda: a[1:],
        "idx_rep": lambda: a[[0, 0, p % 2, 1]] if keep else a[..., [1, 1, 0]],
        "idx_mask": lambda: a[a > 0.1], "idx_neg": lambda: a[:, -1],
        "int_mix": lambda: a * T.tensor([1, 2, 3, 4]) + T.tensor(2),
        "to64": lambda: a.to(T.float64) + a, "to32": lambda: a.to(T.float32) * 2,
        "clone": lambda: a.clone(), "logsumexp": lambda: T.logsumexp(a, dim=dim),
        "var": lambda: a.var(dim=dim, keepdim=keep), "std": lambda: a.std(),
        "prod": lambda: a.prod(), "expand": lambda: a.expand(2, *a.shape),
    }
    if op == "no_grad":
        with T.no_grad():
            return a * 2
    return table[op]()


def _binary(rng):
    return str(rng.choice(["add", "sub", "mul", "div", "pow", "maximum", "minimum", "where",
                           "matmul", "matmul_t", "cat", "stack", "mse", "l1", "bce", "bcel",
                           "nll", "ce", "fan", "cmp_mul"]))


def _apply_binary(T, F, op, a, b, p):
    red = ["mean", "sum", "none"][p % 3]
    keep = bool(p & 4)
    if op in ("nll", "ce"):
        x = a if a.ndim >= 1 else a.reshape(1)
        x = x.reshape(x.shape[0], -1) if x.ndim > 2 else x
        n = x.shape[-1]
        target = T.tensor([i % n for i in range(p, p + x.shape[0])] if x.ndim == 2 else p % n)
        kw = {"reduction": red}
        if keep:
            kw["weight"] = T.arange(1, n + 1).to(x.dtype) * 0.5
        if p & 8 and x.ndim == 2:
            kw["ignore_index"] = int(target[0].item()) if p & 16 else 0
        if op == "nll":
            return F.nll_loss(x.log_softmax(-1), target, **kw)
        return F.cross_entropy(x * b.sum(), target, **kw)
    table = {
        "add": lambda: a + b, "sub": lambda: T.sub(a, b), "mul": lambda: a * b,
        "div": lambda: a / (b * b + 1), "pow": lambda: (a.abs() + 0.5) ** b,
        "maximum": lambda: T.maximum(a, b), "minimum": lambda: T.minimum(a, b),
        "where": lambda: T.where(a > b, a, b), "matmul": lambda: a @ b,
        "matmul_t": lambda: T.matmul(a, b.transpose(-1, -2) if b.ndim > 1 else b),
        "cat": lambda: T.cat([a, b], dim=-1), "stack": lambda: T.stack([a, b]),
        "mse": lambda: F.mse_loss(a, b, reduction=red),
        "l1": lambda: F.l1_loss(a, b, reduction=red),
        "bce": lambda: F.binary_cross_entropy(
            a.sigmoid(), b.sigmoid().detach(), weight=(b.abs() + 1).detach() if keep else None,
            reduction=red),
        "bcel": lambda: F.binary_cross_entropy_with_logits(
            a * 300, b.sigmoid().detach(), reduction=red,
            pos_weight=T.full(a.shape[-1:], 2.0, dtype=a.dtype) if keep and a.ndim else None),
        "fan": lambda: a * a + a.exp() * b,
        "cmp_mul": lambda: a * (b > 0) + (a < 0.5).sum(),
    }
    return table[op]()


def _leaf_arrays(rng):
    arrays, requires = [], []
    for _ in range(int(rng.integers(1, 4))):
        shape = SHAPES[int(rng.integers(len(SHAPES)))]
        dtype = np.float64 if rng.random() < 0.4 else np.float32
        arrays.append((rng.standard_normal(shape) * 1.5).astype(dtype))
        requires.append(bool(rng.random() < 0.85))
    return arrays, requires


def _program(rng, n_leaves):
    prog, size = [], n_leaves
    for _ in range(int(rng.integers(2, 9))):
        p = int(rng.integers(0, 64))
        if rng.random() < 0.55:
            prog.append(("u", _unary(rng), int(rng.integers(size)), None, p))
        else:
            prog.append(("b", _binary(rng), int(rng.integers(size)), int(rng.integers(size)), p))
        size += 1
        if rng.random() < 0.25:
            prog.append(("retain", None, int(rng.integers(n_leaves, size)), None, p))
    return prog


def _outcome(fn, *args):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args), None
    except Exception as exc:  # noqa: BLE001 - both libraries' exceptions are compared
        return None, exc


def _same_error(e_exc, t_exc, where):
    assert e_exc is not None, f"{where}: torch raised {t_exc!r}, engine did not"
    assert t_exc is not None, f"{where}: engine raised {e_exc!r}, torch did not"
    assert isinstance(e_exc, type(t_exc)), (where, e_exc, t_exc)
    assert str(e_exc) == str(t_exc), where


def _compare_tensor(e, t, where, rtol, atol):
    assert tuple(e.shape) == tuple(t.shape), where
    assert e.dtype.name == str(t.dtype).replace("torch.", ""), where
    assert e.requires_grad == t.requires_grad, where
    assert e.is_leaf == t.is_leaf, where
    assert (e.grad_fn is None) == (t.grad_fn is None), where
    if t.grad_fn is not None:
        assert e.grad_fn.name() == t.grad_fn.name(), where
    ev, tv = e.detach().numpy(), t.detach().numpy()
    if ev.dtype != np.float64:
        rtol, atol = max(rtol, 2e-4), max(atol, 2e-5)
    np.testing.assert_allclose(ev, tv, rtol=rtol, atol=atol, err_msg=where)
    if np.array_equal(ev, tv, equal_nan=True):
        assert repr(e) == repr(t), where


def run_program(seed):
    rng = np.random.default_rng(seed)
    arrays, requires = _leaf_arrays(rng)
    prog = _program(rng, len(arrays))
    lib = {"t": (torch, TF), "e": (E, EF)}
    pools = {k: [m.tensor(a, requires_grad=r) for a, r in zip(arrays, requires, strict=True)]
             for k, (m, _) in lib.items()}
    leaves = {k: list(v) for k, v in pools.items()}
    retained = []
    f32 = any(a.dtype == np.float32 for a in arrays) or any(op == "to32" for _, op, *_ in prog)
    rtol, atol = (2e-4, 2e-5) if f32 else (1e-9, 1e-10)
    for step, (kind, op, i, j, p) in enumerate(prog):
        where = f"seed {seed} step {step}: {kind} {op} {i} {j} {p}"
        if kind == "retain":
            res = {k: _outcome(pools[k][i].retain_grad) for k in lib}
            if res["t"][1] is not None or res["e"][1] is not None:
                _same_error(res["e"][1], res["t"][1], where)
            elif pools["t"][i].requires_grad and not pools["t"][i].is_leaf:
                retained.append(i)
            continue
        res = {}
        for k, (m, f) in lib.items():
            a = pools[k][i]
            if kind == "u":
                res[k] = _outcome(_apply_unary, m, f, op, a, p)
            else:
                b = pools[k][j]
                res[k] = _outcome(_apply_binary, m, f, op, a, b, p)
        (e, e_exc), (t, t_exc) = res["e"], res["t"]
        if t_exc is not None or e_exc is not None:
            _same_error(e_exc, t_exc, where)
            pools["t"].append(pools["t"][i])
            pools["e"].append(pools["e"][i])
            continue
        _compare_tensor(e, t, where, rtol, atol)
        pools["t"].append(t)
        pools["e"].append(e)
    _backward_calls(rng, seed, pools, leaves, retained, rtol, atol)


def _backward_calls(rng, seed, pools, leaves, retained, rtol, atol):
    n = len(leaves["t"])
    index = {k: {id(t): i for i, t in enumerate(v)} for k, v in leaves.items()}
    root_i = int(rng.integers(len(pools["t"])))
    roots = {k: pools[k][root_i] for k in pools}
    if rng.random() < 0.5 and roots["t"].dtype.is_floating_point:
        roots = {k: (pools[k][root_i] * 1.0).sum() + pools[k][-1].float().sum() for k in pools}
    seed_grad = None
    if roots["t"].ndim and rng.random() < 0.7:
        seed_grad = rng.standard_normal(tuple(roots["t"].shape))
    calls = int(rng.integers(1, 4))
    retain = rng.random() < 0.7
    for call in range(calls):
        where = f"seed {seed} backward {call} (root {root_i}, retain {retain})"
        keep = retain and call < calls - 1
        t_log = []
        handles = hook_order(roots["t"], index["t"], t_log) if roots["t"].grad_fn else []
        if roots["t"].grad_fn is None and roots["t"].requires_grad:  # a leaf root: no node to hook
            t_log.append(("Acc", index["t"][id(roots["t"])]))

        def t_back(keep=keep):
            g = None if seed_grad is None else torch.tensor(seed_grad, dtype=roots["t"].dtype)
            roots["t"].backward(g, retain_graph=keep)

        def e_back(keep=keep):
            g = None if seed_grad is None else E.tensor(seed_grad, dtype=roots["e"].dtype)
            return list(backward_steps(roots["e"], g, retain_graph=keep))

        _, t_exc = _outcome(t_back)
        steps, e_exc = _outcome(e_back)
        for h in handles:
            h.remove()
        if t_exc is not None or e_exc is not None:
            _same_error(e_exc, t_exc, where)
            break
        e_log = [("Acc", index["e"][id(s.leaf)]) if s.leaf is not None else s.node.name()
                 for s in steps]
        assert e_log == t_log, where
        for i in list(range(n)) + retained:
            t, e = pools["t"][i], pools["e"][i]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tg, eg = t.grad, e.grad
            if tg is None:
                assert eg is None, (where, i)
                continue
            assert eg is not None, (where, i)
            assert eg.dtype.name == str(tg.dtype).replace("torch.", ""), (where, i)
            wide = eg.dtype.name != "float64" or rtol > 1e-6
            r, a = (max(rtol, 2e-4), max(atol, 2e-5)) if wide else (rtol, atol)
            np.testing.assert_allclose(eg.numpy(), tg.numpy(), rtol=r * 10, atol=a * 10,
                                       err_msg=f"{where} grad of {i}")
        if call == 1 and rng.random() < 0.5:
            for k in pools:
                for leaf in leaves[k]:
                    if leaf.grad is not None:
                        leaf.grad.zero_()


@pytest.mark.parametrize("seed", range(EXAMPLES))
def test_random_program_matches_torch(seed):
    run_program(seed)

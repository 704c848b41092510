"""Issue #12, engine half: well-known autograd behaviours run as the same program under torch
2.13 and the engine, comparing values, gradients, dtypes, grad_fn names and error messages word
for word (saved-tensor versions, views and in-place ops, several roots, hooks, grad-mode
decorators, the ops and spellings users paste, and torch 2.13's messages)."""

import warnings

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import graphstudio.engine as E  # noqa: E402

torch.set_num_threads(1)


def _plain(v):
    """Something comparable across the two libraries (tensors as (values, dtype, grad_fn))."""
    if isinstance(v, (torch.Tensor, E.Tensor)):
        fn = v.grad_fn.name() if v.grad_fn is not None else None
        return ("T", v.detach().numpy().round(5).tolist(), str(v.dtype).replace("torch.", ""), fn)
    if isinstance(v, (tuple, list)):
        return tuple(_plain(x) for x in v)
    if isinstance(v, np.ndarray):
        return ("A", v.round(5).tolist())
    return v


def run(program):
    """``program(lib)`` under both; returns each side's outcome (value or (error type, text))."""
    out = []
    for lib in (torch, E):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append(_plain(program(lib)))
        except Exception as e:  # noqa: BLE001 - the error itself is what is compared
            out.append((type(e).__name__, str(e)))
    return out


def same(program):
    t, e = run(program)
    assert e == t
    return t


# --- saved tensors: versions, views, in-place ----------------------------------------------------
def test_saved_input_modified_under_no_grad_raises():
    def p(T):
        x = T.ones(3, requires_grad=True)
        y = T.ones(3, requires_grad=True)
        z = (x * y).sum()
        with T.no_grad():
            x *= 2
        z.backward()
    t = same(p)
    assert t[0] == "RuntimeError" and "is at version 1; expected version 0" in t[1]


def test_input_not_saved_when_the_other_needs_no_grad():
    def p(T):
        x = T.ones(3, requires_grad=True)
        y = T.full((3,), 2.0)
        z = (x * y).sum()
        with T.no_grad():
            x *= 2
        z.backward()
        return x.grad
    assert same(p)[1] == [2.0, 2.0, 2.0]


@pytest.mark.parametrize("case", ["other_saved", "nonleaf_grad_mode", "nonleaf_no_grad",
                                  "output_exp", "view_of_saved", "detach_alias"])
def test_modified_saved_tensor_messages(case):
    def p(T):
        x = T.tensor([1.0, 2.0, 3.0], requires_grad=True)
        if case == "other_saved":
            y = T.ones(3)
            z = (x * y).sum()
            y.add_(1)
        elif case == "nonleaf_grad_mode":
            a = x * 2
            z = (a * a).sum()
            a.add_(1)
        elif case == "nonleaf_no_grad":
            a = x * 2
            z = (a * a).sum()
            with T.no_grad():
                a.add_(1)
        elif case == "output_exp":
            y = x.exp()
            z = (y * 3).sum()
            y.mul_(2)
        elif case == "view_of_saved":
            w = T.ones(2, 3)
            z = (x * w).sum()
            w[0].mul_(2)
        else:
            w = T.ones(3)
            z = (x * w).sum()
            w.detach().add_(1)
        z.backward()
        return x.grad
    t = same(p)
    assert t[0] == "RuntimeError"


def test_inplace_on_view_of_leaf_and_detach_view():
    def view_inplace(T):
        x = T.ones(3, requires_grad=True)
        x[0:2].mul_(2)

    def view_inplace2(T):
        x = T.ones(3, requires_grad=True)
        x.view(3).add_(2)

    def detach_view(T):
        x = T.ones(3)
        x[0:2].detach_()
    for p in (view_inplace, view_inplace2, detach_view):
        assert same(p)[0] == "RuntimeError"


def test_retain_grad_survives_an_inplace_op():
    def p(T):
        x = T.ones(3, requires_grad=True)
        y = x * 2
        y.retain_grad()
        y.add_(1)
        (y * y).sum().backward()
        return y.grad, x.grad, y.grad_fn.name()
    assert same(p)[0][1] == [6.0, 6.0, 6.0]


def test_base_of_views():
    def p(T):
        x = T.ones(3, 2)
        views = [x[0], x.view(6), x[0][1], x.t(), x.reshape(6), x.squeeze(), x.expand(2, 3, 2),
                 x.unsqueeze(0), x.transpose(0, 1), x.permute(1, 0), x.narrow(0, 0, 1),
                 x.select(0, 1), x.unbind()[0], x.chunk(2)[0], x.split(1)[0], x[...]]
        others = [x._base, x.detach()._base, (x * 1)._base, x[[0]]._base]
        return [v._base is x for v in views], [o is None for o in others]
    t = same(p)
    assert all(t[0]) and all(t[1])


# --- several roots, autograd.grad ----------------------------------------------------------------
@pytest.mark.parametrize("case", ["two_sums", "shared", "twice", "grad_per_input",
                                  "grad_per_input_no_retain", "grad_two_outputs"])
def test_several_roots(case):
    def p(T):
        x = T.tensor([1.0, 2.0, 3.0], requires_grad=True)
        w = T.tensor([0.5, -1.0, 2.0], requires_grad=True)
        if case == "two_sums":
            y = x * 2
            T.autograd.backward([y.sum(), y.sum()])
            return x.grad
        if case == "shared":
            h = (x * w).exp()
            T.autograd.backward([h.sum(), (h * h).mean()], [None, T.tensor(2.0)])
            return x.grad, w.grad
        if case == "twice":
            s = (x * w).sum()
            T.autograd.backward([s, s])
            return x.grad, w.grad
        y = (x.exp() * w.exp()).sum()
        if case == "grad_two_outputs":
            return T.autograd.grad([y, (x * 3).sum()], [x])
        keep = case == "grad_per_input"
        gx = T.autograd.grad(y, x, retain_graph=keep)
        gw = T.autograd.grad(y, w)
        return gx, gw
    same(p)


@pytest.mark.parametrize("case", ["unused", "int_output", "int_input", "second_root_plain",
                                  "first_root_plain", "shape"])
def test_backward_and_grad_messages(case):
    def p(T):
        x = T.ones(3, requires_grad=True)
        y = T.ones(3, requires_grad=True)
        if case == "unused":
            return T.autograd.grad(x.sum(), [x, y])
        if case == "int_output":
            return T.autograd.grad(T.tensor([1, 2]).sum(), x)
        if case == "int_input":
            return T.autograd.grad(x.sum(), T.tensor([1, 2]))
        if case == "second_root_plain":
            T.autograd.backward([x.sum(), T.ones(())])
        if case == "first_root_plain":
            T.autograd.backward([T.ones(()), x.sum()])
        if case == "shape":
            T.autograd.backward([x * 2, x.sum()], [T.ones(2), T.tensor(1.0)])
    t = same(p)
    assert t[0] == "RuntimeError"


def test_unused_allowed_and_materialized():
    def p(T):
        x = T.ones(3, requires_grad=True)
        y = T.ones(2, requires_grad=True)
        return (T.autograd.grad((x * 2).sum(), [x, y], allow_unused=True, retain_graph=True),
                T.autograd.grad((x * 2).sum(), [y, x], materialize_grads=True))
    same(p)


# --- hooks ---------------------------------------------------------------------------------------
def test_hooks_inspect_replace_order_and_remove():
    def p(T):
        seen = []
        x = T.tensor([1.0, 2.0], requires_grad=True)
        x.grad = T.tensor([10.0, 10.0])
        y = x * 3
        z = y.exp()
        y.retain_grad()
        y.register_hook(lambda g: seen.append(("y1", g.tolist())))
        y.register_hook(lambda g: g * 2)
        y.register_hook(lambda g: seen.append(("y3", g.tolist())))
        h = x.register_hook(lambda g: seen.append(("x", g.tolist())))
        x.register_hook(lambda g: g + 1)
        z.sum().backward(retain_graph=True)
        h.remove()
        z.sum().backward()
        return seen, x.grad, y.grad
    t = same(p)
    assert t[1][1][0] != 10.0


def test_hook_on_tensor_without_grad_and_bad_return():
    def no_grad(T):
        T.ones(2).register_hook(lambda g: g)

    def wrong_type(T):
        x = T.ones(2, requires_grad=True)
        x.register_hook(lambda g: 3)
        (x * 2).sum().backward()
    assert same(no_grad)[0] == "RuntimeError"
    assert same(wrong_type)[0] == "TypeError"


def test_hooks_run_for_autograd_grad_and_inputs():
    def p(T):
        seen = []
        x = T.tensor([1.0, 2.0], requires_grad=True)
        x.register_hook(lambda g: seen.append(g.tolist()) or g * 10)
        y = (x * x).sum()
        return T.autograd.grad(y, x), seen
    same(p)


# --- grad mode as decorators ---------------------------------------------------------------------
def test_grad_mode_decorators_on_generators_methods_and_functions():
    def p(T):
        log = []

        @T.no_grad()
        def gen():
            log.append(T.is_grad_enabled())
            yield 1
            log.append(T.is_grad_enabled())
            yield 2
            return 3

        g = gen()
        next(g)
        log.append(T.is_grad_enabled())
        next(g)
        try:
            next(g)
        except StopIteration as stop:
            log.append(stop.value)

        class Model:
            @T.no_grad()
            def f(self, x):
                return (x * 2).requires_grad

        x = T.ones(1, requires_grad=True)
        log.append(Model().f(x))
        with T.no_grad():
            @T.enable_grad()
            def h():
                yield T.is_grad_enabled()
            log.append(next(h()))
            log.append(T.is_grad_enabled())

        @T.set_grad_enabled(False)
        def k():
            return T.is_grad_enabled()
        log.append(k())
        T.set_grad_enabled(False)
        log.append(T.is_grad_enabled())
        T.set_grad_enabled(True)
        with T.set_grad_enabled(False):
            log.append(T.is_grad_enabled())
        log.append(T.is_grad_enabled())
        return log
    assert same(p) == (False, True, False, 3, False, True, False, False, False, False, True)


# --- ops and spellings ---------------------------------------------------------------------------
OPS = {
    "log2": lambda T, x: x.abs().log2() + T.log2(x.abs()),
    "exp2": lambda T, x: x.exp2() + T.exp2(x),
    "prod_dim": lambda T, x: x.prod(dim=1),
    "prod_keep": lambda T, x: x.prod(1, keepdim=True),
    "prod_zero": lambda T, x: (x * T.tensor([[1.0, 0.0, 1.0], [1.0, 1.0, 1.0]])).prod(dim=1),
    "sum_axis": lambda T, x: x.sum(axis=0, keepdims=True),
    "mean_axis": lambda T, x: T.mean(x, axis=1),
    "max_axis": lambda T, x: x.max(axis=1)[0],
    "amax_axis": lambda T, x: x.amax(axis=0),
    "std_axis": lambda T, x: x.std(axis=1),
    "unbind": lambda T, x: x.unbind(1)[1] * 2,
    "torch_unbind": lambda T, x: T.unbind(x)[0],
    "chunk": lambda T, x: x.chunk(2, dim=1)[1],
    "split": lambda T, x: x.split(2, dim=1)[0],
    "split_sizes": lambda T, x: T.split(x, [1, 2], 1)[1],
    "repeat": lambda T, x: x.repeat(2, 1, 2),
    "repeat_interleave": lambda T, x: x.repeat_interleave(2),
    "repeat_interleave_dim": lambda T, x: x.repeat_interleave(3, dim=1),
    "repeat_interleave_tensor": lambda T, x: T.repeat_interleave(x, T.tensor([1, 2]), dim=0),
}


@pytest.mark.parametrize("name", sorted(OPS))
def test_ops_values_grads_and_names(name):
    def p(T):
        x = T.tensor([[0.5, 1.5, 2.0], [3.0, -1.0, 0.25]], dtype=T.float64, requires_grad=True)
        out = OPS[name](T, x)
        out.backward(T.ones_like(out) * 0.5)
        return out, x.grad
    same(p)


@pytest.mark.parametrize("case", ["rows", "pairs", "nested_pairs", "nested_one", "slice_in_list"])
def test_indexing_and_assignment_with_nested_lists(case):
    keys = {"rows": [0, 1], "pairs": ([0, 2], [1, 1]), "nested_pairs": [[0, 1], [1, 2]],
            "nested_one": [[0, 1]], "slice_in_list": [slice(0, 2), 1]}

    def p(T):
        x = T.arange(16.0).reshape(4, 4)
        got = x[keys[case]]
        x[keys[case]] = 9.0
        return got, x
    same(p)


# --- torch 2.13's messages -----------------------------------------------------------------------
def test_messages_and_no_ops():
    def req_nonleaf(T):
        y = T.ones(2, requires_grad=True) * 2
        return y.requires_grad_() is y, y.requires_grad_(True).requires_grad

    def req_false(T):
        (T.ones(2, requires_grad=True) * 2).requires_grad_(False)

    def numpy_no_grad(T):
        x = T.ones(2, requires_grad=True)
        with T.no_grad():
            return x.numpy()

    def numpy_grad(T):
        T.ones(2, requires_grad=True).numpy()

    def del_data(T):
        x = T.ones(2)
        del x.data

    assert same(req_nonleaf) == (True, True)
    assert same(req_false)[0] == "RuntimeError"
    same(numpy_no_grad)
    assert same(numpy_grad)[0] == "RuntimeError"
    assert same(del_data) == ("RuntimeError", "Deleting tensor data is not allowed. Delete tensor "
                                              "instead!")

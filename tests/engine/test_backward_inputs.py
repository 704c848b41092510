"""``backward(inputs=...)``: only the given tensors get ``.grad``, as in torch (checked against the
installed torch): leaves and non-leaves, unreachable inputs, one tensor or a sequence, several
roots, and the parts of the graph not on a path to an input are neither run nor freed."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import graphstudio.engine as E  # noqa: E402

LIBS = {"torch": torch, "engine": E}


def _grad(t):
    return None if t.grad is None else np.array(t.grad.tolist())


def _outcome(call):
    try:
        return ("ok", call())
    except RuntimeError as ex:
        return ("error", str(ex))


def _scenarios(lib):
    def leaves():
        return (lib.tensor([1.0, 2.0], requires_grad=True),
                lib.tensor([3.0, 4.0], requires_grad=True))

    def only_a():
        a, b = leaves()
        (a * b).sum().backward(inputs=[a])
        return _grad(a), _grad(b)

    def single_tensor_and_accumulation():
        a, b = leaves()
        (a * b).sum().backward(inputs=a)
        lib.autograd.backward((a * a).sum(), inputs=(a,))
        return _grad(a), _grad(b)

    def non_leaf_input():
        a, b = leaves()
        h = a * 2
        (h * b).sum().backward(inputs=[h])
        return _grad(h), _grad(a), _grad(b), h.retains_grad

    def retained_on_the_path():
        a, b = leaves()
        h = a * 2
        h.retain_grad()
        (h * b).sum().backward(inputs=[a])
        return _grad(a), _grad(b), _grad(h)

    def unreachable_input():
        a, b = leaves()
        d = lib.tensor([1.0, 1.0], requires_grad=True)
        (a * b).sum().backward(inputs=[d])
        return _grad(a), _grad(b), _grad(d)

    def other_branch_not_freed():
        a, b = leaves()
        loss = (a * 3 + b * b).sum()
        loss.backward(inputs=[a])
        loss.backward(inputs=[b])  # b's branch did not run, so its saved values are there
        return _grad(a), _grad(b)

    def run_branch_is_freed():
        a, b = leaves()
        h = a * b
        (h * h).sum().backward(inputs=[h])
        return _grad(h), _outcome(lambda: h.sum().backward())[0]

    def several_roots():
        a, b = leaves()
        lib.autograd.backward([(a * b).sum(), (a * a).sum()], inputs=[b])
        return _grad(a), _grad(b)

    def root_as_input():
        a, b = leaves()
        loss = (a * b).sum()
        loss.backward(inputs=[loss])
        return _grad(loss), _grad(a)

    def input_without_grad():
        a, b = leaves()
        return _outcome(lambda: (a * b).sum().backward(inputs=[lib.tensor(1.0)]))

    def empty_inputs():
        a, b = leaves()
        return _outcome(lambda: (a * b).sum().backward(inputs=[]))

    return {f.__name__: f for f in (only_a, single_tensor_and_accumulation, non_leaf_input,
                                    retained_on_the_path, unreachable_input,
                                    other_branch_not_freed, run_branch_is_freed, several_roots,
                                    root_as_input, input_without_grad, empty_inputs)}


def _same(x, y):
    if isinstance(x, tuple):
        return isinstance(y, tuple) and len(x) == len(y) and all(map(_same, x, y))
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        return isinstance(x, np.ndarray) and isinstance(y, np.ndarray) and np.allclose(x, y)
    return x == y


@pytest.mark.parametrize("name", list(_scenarios(E)))
def test_backward_inputs_matches_torch(name):
    want = _scenarios(torch)[name]()
    got = _scenarios(E)[name]()
    assert _same(got, want), (got, want)


def test_inputs_may_be_a_generator_with_several_roots():
    a = E.tensor([1.0, 2.0], requires_grad=True)
    b = E.tensor([3.0, 4.0], requires_grad=True)
    E.autograd.backward([(a * b).sum(), (b * b).sum()], inputs=(t for t in [b]))
    assert a.grad is None and b.grad.tolist() == [7.0, 10.0]

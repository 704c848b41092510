"""The backward engine: step records, order, retain_graph, retain_grad, grad mode, errors."""

import sys
import warnings

import numpy as np
import pytest

import graphstudio.engine as torch
from graphstudio.engine.autograd import SECOND_BACKWARD, BackwardStep, backward_steps


def _names(steps):
    return [s.name for s in steps]


def test_documented_order():
    x = torch.randn(3, requires_grad=True)
    w = torch.randn(3, requires_grad=True)
    out = (x * 2 + x.exp() + (w * x).tanh()).sum()
    steps = list(backward_steps(out))
    assert _names(steps) == ["SumBackward0", "AddBackward0", "TanhBackward0", "MulBackward0",
                             "AccumulateGrad", "AddBackward0", "ExpBackward0", "MulBackward0",
                             "AccumulateGrad"]
    assert steps[4].leaf is w and steps[8].leaf is x
    assert [s.index for s in steps] == list(range(9))


def test_records_contents_and_fan_out():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    out = (x * 2 + x.exp() + (w * x).tanh()).sum()
    steps = list(backward_steps(out))
    acc_x = steps[-1]
    assert isinstance(acc_x, BackwardStep)
    assert acc_x.grad_inputs == () and acc_x.node.variable is x
    # x receives three contributions: from x*2, exp, and w*x, in that arrival order.
    parts = acc_x.contributions[0]
    assert len(parts) == 3
    total = sum(p.numpy() for p in parts)
    np.testing.assert_allclose(acc_x.grad_outputs[0].numpy(), total)
    np.testing.assert_allclose(acc_x.new_grad.numpy(), x.grad.numpy())
    mul_scalar = steps[7]
    assert mul_scalar.name == "MulBackward0" and len(mul_scalar.grad_inputs) == 2
    assert mul_scalar.grad_inputs[1] is None
    np.testing.assert_allclose(mul_scalar.grad_inputs[0].numpy(), [2, 2, 2])
    for s in steps[:-1]:
        assert len(s.contributions[0]) == 1 and s.contributions[0][0] is s.grad_outputs[0]
        assert len(s.grad_inputs) == len(s.node.next_functions)
        assert s.leaf is None or s.name == "AccumulateGrad"
    with pytest.raises(AttributeError):
        steps[0].index = 5  # frozen


def test_records_not_mutated_by_later_accumulation():
    w = torch.ones(3, requires_grad=True)
    out = (w * 3).sum()
    first = list(backward_steps(out, retain_graph=True))
    snapshot = first[-1].new_grad.numpy().copy()
    got = [s.grad_outputs[0].numpy().copy() for s in first]
    second = list(backward_steps(out, retain_graph=True))
    w.grad.zero_()
    np.testing.assert_array_equal(first[-1].new_grad.numpy(), snapshot)
    for s, g in zip(first, got, strict=True):
        np.testing.assert_array_equal(s.grad_outputs[0].numpy(), g)
    np.testing.assert_array_equal(second[-1].new_grad.numpy(), [6, 6, 6])


def test_backward_steps_is_lazy_and_validates_eagerly():
    x = torch.ones(2, requires_grad=True)
    y = (x * 3).sum()
    it = backward_steps(y)
    assert x.grad is None
    step = next(it)
    assert step.name == "SumBackward0" and x.grad is None
    list(it)
    np.testing.assert_array_equal(x.grad.numpy(), [3, 3])
    with pytest.raises(RuntimeError, match="only for scalar outputs"):
        backward_steps(x * 2)


def test_diamond_and_reused_leaf():
    a = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
    b = a * a
    c = b.exp() + b.sin() + b
    c.backward()
    bb = 1.5 ** 2
    expected = (np.exp(bb) + np.cos(bb) + 1) * 2 * 1.5
    assert a.grad.item() == pytest.approx(expected)


def test_gradients_accumulate_and_keep_dtype():
    w = torch.ones(2, dtype=torch.float64, requires_grad=True)
    f = torch.ones(2, requires_grad=True)
    (w * f).sum().backward()
    assert w.grad.dtype == torch.float64 and f.grad.dtype == torch.float32
    assert (w * f).dtype == torch.float64
    g = w.grad
    (w * 2).sum().backward()
    assert w.grad is g  # accumulated in place, as torch does
    np.testing.assert_array_equal(w.grad.numpy(), [3, 3])


def test_second_backward_raises_but_add_does_not():
    x = torch.ones(3, requires_grad=True)
    y = (x * x).sum()
    y.backward()
    with pytest.raises(RuntimeError) as info:
        y.backward()
    assert str(info.value) == SECOND_BACKWARD
    z = (x + 1).sum()
    z.backward()
    z.backward()
    np.testing.assert_array_equal(x.grad.numpy(), [2 + 2, 4, 4])


def test_retain_graph_keeps_saved_values():
    x = torch.ones(3, requires_grad=True)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    np.testing.assert_array_equal(x.grad.numpy(), [4, 4, 4])


def test_retain_grad_accumulates_and_is_recorded():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x * 3
    h.retain_grad()
    assert h.retains_grad
    out = (h * h).sum()
    steps = list(backward_steps(out, retain_graph=True))
    np.testing.assert_array_equal(h.grad.numpy(), [6, 12])
    mul3 = next(s for s in steps if s.node is h.grad_fn)
    np.testing.assert_array_equal(mul3.grad_outputs[0].numpy(), h.grad.numpy())
    out.backward()
    np.testing.assert_array_equal(h.grad.numpy(), [12, 24])


def test_leaf_root_and_explicit_gradient():
    x = torch.ones(3, requires_grad=True)
    x.backward(torch.tensor([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(x.grad.numpy(), [1, 2, 3])
    steps = list(backward_steps(x, torch.ones(3)))
    assert _names(steps) == ["AccumulateGrad"] and steps[0].leaf is x


def test_accumulate_grad_node_identity():
    w = torch.ones(2, requires_grad=True)
    a, b = w * 2, w * 3
    assert a.grad_fn.next_functions[0][0] is b.grad_fn.next_functions[0][0]
    assert a.grad_fn.next_functions[0][0].variable is w


def test_deep_chain_iterative():
    x = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    y = x
    for _ in range(100_000):
        y = y + 1.0
    assert sys.getrecursionlimit() < 100_000
    y.backward()
    assert y.item() == 100_000 and x.grad.item() == 1.0


def test_grad_mode_contexts_nest_and_decorate():
    x = torch.ones(1, requires_grad=True)
    with torch.no_grad():
        assert not torch.is_grad_enabled()
        with torch.enable_grad():
            assert (x * 2).requires_grad
        assert not (x * 2).requires_grad
        with torch.set_grad_enabled(True):
            assert torch.is_grad_enabled()
        assert not torch.is_grad_enabled()
    assert torch.is_grad_enabled()

    @torch.no_grad()
    def f():
        return x * 2

    @torch.enable_grad()
    def g():
        return x * 2

    assert not f().requires_grad and torch.is_grad_enabled()
    with torch.no_grad():
        assert g().requires_grad
    torch.set_grad_enabled(False)
    try:
        assert not (x * 2).requires_grad
    finally:
        torch.set_grad_enabled(True)
    assert torch.is_grad_enabled()
    with torch.inference_mode():
        assert not torch.is_grad_enabled()


def test_error_messages():
    x = torch.ones(3, requires_grad=True)
    cases = [
        (lambda: (x * 2).backward(), "grad can be implicitly created only for scalar outputs"),
        (lambda: torch.ones(3).sum().backward(),
         "element 0 of tensors does not require grad and does not have a grad_fn"),
        (lambda: torch.tensor([1, 2], requires_grad=True),
         "Only Tensors of floating point and complex dtype can require gradients"),
        (lambda: torch.ones(2) @ torch.ones(3), "inconsistent tensor size, expected tensor [2] "
         "and src [3] to have the same number of elements, but got 2 and 3 elements respectively"),
        (lambda: torch.ones(2, 3) @ torch.ones(4, 5),
         "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
        (lambda: torch.ones(2, 3) @ torch.ones(4),
         "size mismatch, got input (2), mat (2x3), vec (4)"),
        (lambda: torch.ones(3) @ torch.ones(4, 5),
         "mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)"),
        (lambda: torch.ones(3) + torch.ones(4), "The size of tensor a (3) must match the size of "
         "tensor b (4) at non-singleton dimension 0"),
        (lambda: torch.ones(2, 3) * torch.ones(2, 4), "The size of tensor a (3) must match the "
         "size of tensor b (4) at non-singleton dimension 1"),
        (lambda: x.add_(1), "a leaf Variable that requires grad is being used in an in-place "
         "operation."),
        (lambda: x.numpy(), "Can't call numpy() on Tensor that requires grad. Use "
         "tensor.detach().numpy() instead."),
        (lambda: x.view(9), "shape '[9]' is invalid for input of size 3"),
        (lambda: torch.ones(3, 3).t().view(9), "view size is not compatible with input tensor's "
         "size and stride (at least one dimension spans across two contiguous subspaces). Use "
         ".reshape(...) instead."),
        (lambda: x.item(), "a Tensor with 3 elements cannot be converted to Scalar"),
        (lambda: (x * 2).backward(torch.ones(4)), "Mismatch in shape: grad_output[0] has a shape "
         "of torch.Size([4]) and output[0] has a shape of torch.Size([3])."),
        (lambda: torch.stack([x, torch.ones(2)]),
         "stack expects each tensor to be equal size, but got [3] at entry 0 and [2] at entry 1"),
        (lambda: torch.cat([x, torch.ones(2, 2)]),
         "Tensors must have same number of dimensions: got 1 and 2"),
        (lambda: bool(torch.ones(2)), "Boolean value of Tensor with more than one value is "
         "ambiguous"),
    ]
    for fn, message in cases:
        with pytest.raises(RuntimeError) as info:
            fn()
        assert str(info.value) == message


def test_requires_grad_flag_rules():
    x = torch.ones(2, requires_grad=True)
    y = x * 2
    with pytest.raises(RuntimeError) as info:
        y.requires_grad = False
    assert str(info.value).startswith("you can only change requires_grad flags of leaf variables. "
                                      "If you want to use a computed variable")
    assert y.requires_grad_(True) is y  # a no-op on a non-leaf in PyTorch 2.13
    with pytest.raises(RuntimeError, match="^you can only change requires_grad flags of leaf"):
        y.requires_grad_(False)
    with pytest.raises(RuntimeError, match="^only Tensors of floating point dtype can require"):
        torch.ones(2, dtype=torch.int64).requires_grad_()
    assert y.is_leaf is False and x.is_leaf and torch.ones(1).is_leaf


def test_index_errors():
    x = torch.ones(3, requires_grad=True)
    with pytest.raises(IndexError, match=r"index 5 is out of bounds for dimension 0 with size 3"):
        x[5]
    with pytest.raises(IndexError, match=r"index 5 is out of bounds for dimension 0 with size 3"):
        x[[5]]
    with pytest.raises(IndexError, match=r"Dimension out of range \(expected to be in range of "
                                         r"\[-1, 0\], but got 2\)"):
        x.sum(2)


def test_grad_function():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = torch.tensor([3.0, 4.0], requires_grad=True)
    (gx, gy) = torch.autograd.grad((x * y).sum(), (x, y))
    np.testing.assert_array_equal(gx.numpy(), [3, 4])
    np.testing.assert_array_equal(gy.numpy(), [1, 2])
    assert x.grad is None and y.grad is None
    with pytest.raises(RuntimeError, match="appears to not have been used"):
        torch.autograd.grad((x * 2).sum(), (x, y))


def test_inplace_outside_autograd_and_sgd_step():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    view = w.detach()
    (w * w).sum().backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
    assert w.requires_grad and w.is_leaf
    np.testing.assert_array_equal(w.detach().numpy(), [0.0, 0.0])
    np.testing.assert_array_equal(view.numpy(), [0.0, 0.0])  # same memory, like torch
    w.grad = None
    assert w.grad is None


def test_inplace_on_non_leaf_rebases_history():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    y += 1
    assert y.grad_fn.name() == "AddBackward0"
    y.mul_(x)
    y.sum().backward()
    # y = (2x + 1) * x -> dy/dx = 4x + 1
    np.testing.assert_array_equal(x.grad.numpy(), [5, 9])


def test_setitem_records_copy_slices():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    v = torch.tensor(5.0, requires_grad=True)
    y = x * 1
    y[1] = v * 2
    assert y.grad_fn.name() == "torch::autograd::CopySlices"
    assert repr(y.grad_fn).startswith("<CopySlices object at 0x")
    (y * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
    np.testing.assert_array_equal(x.grad.numpy(), [1, 0, 100])
    assert v.grad.item() == 20


def test_warning_is_user_warning():
    x = torch.ones(1, requires_grad=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert (x * 2).grad is None
    assert caught[0].category is UserWarning


def test_bare_decorators():
    x = torch.ones(1, requires_grad=True)

    @torch.no_grad
    def f():
        return x * 2

    @torch.enable_grad
    def g():
        return x * 2

    @torch.inference_mode
    def h():
        return x * 2

    assert not f().requires_grad and not h().requires_grad
    with torch.no_grad():
        assert g().requires_grad
    assert torch.is_grad_enabled()
    with torch.inference_mode(False):
        assert torch.is_grad_enabled()


def test_grad_function_non_leaf_inputs():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x * x
    y = (h.exp() + h).sum()
    gh, gx = torch.autograd.grad(y, (h, x))
    np.testing.assert_allclose(gh.numpy(), np.exp([1.0, 4.0]) + 1, rtol=1e-6)
    np.testing.assert_allclose(gx.numpy(), (np.exp([1.0, 4.0]) + 1) * [2, 4], rtol=1e-6)
    assert x.grad is None

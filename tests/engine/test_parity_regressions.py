"""Differences from torch 2.13 found by the program fuzzer (test_vs_torch_programs.py), pinned with
torch's observed behaviour so they hold without torch installed."""

import math
import warnings

import numpy as np
import pytest

import graphstudio.engine as torch
import graphstudio.engine.functional as F

NAN = float("nan")


@pytest.mark.parametrize("fn, name", [
    (lambda a: a.sum(0), "SumBackward1"), (lambda a: a.mean(-1, keepdim=True), "MeanBackward1"),
    (lambda a: torch.amax(a, 0), "AmaxBackward0"), (lambda a: torch.logsumexp(a, 0),
                                                     "LogsumexpBackward0"),
    (lambda a: a.sum((0,)), "SumBackward1")])
def test_reductions_of_a_0d_tensor_take_dim_0(fn, name):
    a = torch.tensor(1.5, requires_grad=True)
    out = fn(a)
    assert out.shape == () and out.item() == 1.5 and out.grad_fn.name() == name
    out.backward()
    assert a.grad.item() == 1.0


def test_var_of_one_element_backward_is_nan_not_zero_division():
    a = torch.tensor([[1.0, 2.0]], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = a.var(0)
        v.sum().backward()
    assert np.isnan(v.detach().numpy()).all() and np.isnan(a.grad.numpy()).all()
    b = torch.tensor(2.0, requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.var(b, 0).backward()
    assert math.isnan(b.grad.item())


def test_gelu_of_a_0d_tensor():
    a = torch.tensor(1.5, requires_grad=True)
    out = F.gelu(a)
    assert repr(out) == "tensor(1.3998, grad_fn=<GeluBackward0>)"
    out.backward()
    assert abs(a.grad.item() - 1.1275) < 1e-4


def test_transpose_of_a_0d_tensor_backward():
    a = torch.tensor(2.0, requires_grad=True)
    a.transpose(0, -1).backward()
    assert a.grad.item() == 1.0


@pytest.mark.parametrize("key, message", [
    (slice(1, None), "slice() cannot be applied to a 0-dim tensor."),
    (0, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in "
        "C++ to convert a 0-dim tensor to a number"),
    (1, "index 1 is out of bounds for dimension 0 with size 0"),
    ((0,), "too many indices for tensor of dimension 0")])
def test_indexing_a_0d_tensor_errors(key, message):
    with pytest.raises(IndexError) as info:
        torch.tensor(1.5)[key]
    assert str(info.value) == message


@pytest.mark.parametrize("shape, key, message", [
    ((3, 1), (Ellipsis, [1, 1, 0]), "index 1 is out of bounds for dimension 0 with size 1"),
    ((2, 3, 1), (slice(None), [5]), "index 5 is out of bounds for dimension 0 with size 3"),
    ((2, 3, 1), ([0], [5]), "index 5 is out of bounds for dimension 1 with size 3")])
def test_advanced_index_error_names_the_index_tensor(shape, key, message):
    with pytest.raises(IndexError) as info:
        torch.ones(*shape)[key]
    assert str(info.value) == message


@pytest.mark.parametrize("key, shape", [
    (True, (1, 2, 3)), (False, (0, 2, 3)), ((0, True), (1, 3)), ((Ellipsis, True), (2, 3, 1)),
    (([0, 1], True), (2, 3))])
def test_bool_and_0d_mask_indexing_shapes(key, shape):
    a = torch.ones(2, 3, requires_grad=True)
    out = a[key]
    assert tuple(out.shape) == shape and out.grad_fn.name() == "IndexBackward0"
    assert tuple(torch.ones(2, 3)[torch.tensor(key)].shape) == shape if isinstance(key, bool) \
        else True
    assert tuple(torch.tensor(1.5)[torch.tensor(True)].shape) == (1,)


def test_index_saves_its_indices_like_torch():
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    for out in (a[[0, 1, 1]], a[a > 1.5]):
        out.sum().backward()
        with pytest.raises(RuntimeError, match="Trying to backward through the graph a second"):
            out.sum().backward()


def test_reshape_of_a_strided_view_is_reshape_alias():
    a = torch.ones(3, 4, requires_grad=True)
    assert a.t().reshape(1, 4, 3).grad_fn.name() == "ReshapeAliasBackward0"
    assert a.expand(2, 3, 4).reshape(2, 12).grad_fn.name() == "ReshapeAliasBackward0"
    assert a[:, 0].reshape(3, 1).grad_fn.name() == "ReshapeAliasBackward0"
    assert a.reshape(4, 3).grad_fn.name() == "ViewBackward0"
    assert a.t().reshape(12).grad_fn.name() == "UnsafeViewBackward0"
    out = a.t().reshape(1, 4, 3)
    (out * torch.arange(12.0).reshape(1, 4, 3)).sum().backward()
    assert a.grad.tolist() == np.arange(12.0).reshape(4, 3).T.tolist()


def test_loss_dtypes_follow_torch():
    f32, f64 = torch.float32, torch.float64
    bcel = F.binary_cross_entropy_with_logits
    assert bcel(torch.ones(3), torch.ones(3, dtype=f64) * 0.5).dtype == f64
    assert bcel(torch.ones(3, dtype=f64), torch.ones(3) * 0.5, weight=torch.ones(3)).dtype == f32
    with pytest.raises(RuntimeError, match="^Found dtype Double but expected Float$"):
        F.binary_cross_entropy(torch.ones(3) * 0.3, torch.ones(3, dtype=f64) * 0.5)
    with pytest.raises(RuntimeError, match="^expected scalar type Float but found Double$"):
        F.nll_loss(torch.ones(2, 3), torch.tensor([0, 1]), weight=torch.ones(3, dtype=f64))
    with pytest.raises(RuntimeError, match="^expected scalar type Double but found Float$"):
        F.cross_entropy(torch.ones(2, 3, dtype=f64), torch.tensor([0, 1]), weight=torch.ones(3))
    with pytest.raises(RuntimeError, match="^all elements of target should be between 0 and 1$"):
        F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([1.5]))


def test_nll_zero_losses_print_like_torch():
    x1 = torch.tensor([0.0, 1.0])
    assert repr(F.nll_loss(x1, torch.tensor(0), reduction="none")) == "tensor(0.)"
    x2 = torch.zeros(3, 2, dtype=torch.float64)
    out = F.nll_loss(x2, torch.tensor([0, 1, 0]), ignore_index=0, reduction="none")
    assert repr(out) == "tensor([0., -0., 0.], dtype=torch.float64)"


def test_nll_ignored_rows_get_zero_even_from_a_nan_gradient():
    x = torch.zeros(2, 3, requires_grad=True)
    loss = F.nll_loss(x, torch.tensor([1, 2]), ignore_index=1)
    loss.backward(torch.tensor(NAN))
    assert x.grad[0].tolist() == [0.0, 0.0, 0.0]
    assert np.isnan(x.grad[1, 2].item())


def test_nan_subgradients_follow_torch():
    def grads(fn):
        x = torch.tensor([NAN, 1.0, -1.0], requires_grad=True)
        fn(x).sum().backward()
        return [0.0 if v == 0 else v for v in x.grad.tolist()]

    zero = torch.zeros(3)
    assert torch.tensor([NAN, 1.0, -2.0]).sign().tolist() == [0.0, 1.0, -1.0]
    assert grads(lambda x: x.abs()) == [0.0, 1.0, -1.0]
    assert grads(lambda x: x.relu()) == [1.0, 1.0, 0.0]
    assert grads(lambda x: torch.maximum(x, zero)) == [1.0, 1.0, 0.0]
    assert grads(lambda x: torch.minimum(x, zero)) == [1.0, 0.0, 1.0]
    assert grads(lambda x: F.l1_loss(x, zero, reduction="sum")) == [0.0, 1.0, -1.0]
    assert all(math.isnan(v) for v in grads(lambda x: torch.amax(x, 0)))


def test_max_min_over_an_empty_dim():
    with pytest.raises(IndexError, match=r"^min\(\): Expected reduction dim 0 to have non-zero "):
        torch.ones(0, 3).min(0)
    with pytest.raises(IndexError, match=r"^max\(\): Expected reduction dim 1 to have non-zero "):
        torch.ones(2, 0).max(-1)
    assert tuple(torch.ones(0, 3).max(1).values.shape) == (0,)


@pytest.mark.parametrize("key, name", [
    (slice(None), "SliceBackward0"), (slice(0, 10), "SliceBackward0"),
    (Ellipsis, "AliasBackward0"), ((), "AliasBackward0"), ((slice(None), slice(None)),
                                                           "AliasBackward0"),
    ((slice(None),), "AliasBackward0"), ((slice(None), 0), "SelectBackward0")])
def test_full_slices_give_torchs_nodes(key, name):
    a = torch.ones(3, 4, requires_grad=True) * 1
    out = a[key]
    assert out.grad_fn.name() == name
    out.sum().backward()


def test_slicing_an_empty_dim_is_still_a_slice():
    e = torch.ones(0, 4, requires_grad=True) * 1
    assert e[1:].grad_fn.name() == "SliceBackward0" and tuple(e[1:].shape) == (0, 4)


def test_signed_zeros_follow_torch():
    a, b = torch.tensor([-0.0, 0.0]), torch.tensor([0.0, -0.0])
    assert repr(torch.maximum(a, b)) == "tensor([-0., 0.])"
    assert repr(torch.minimum(a, b)) == "tensor([-0., 0.])"
    assert repr(torch.tensor([-0.0, 1.0]).relu()) == "tensor([-0., 1.])"


def test_softmax_of_an_empty_tensor():
    for shape, dim in (((2, 0), 1), ((0, 3), 1), ((0, 3), 0)):
        x = torch.ones(*shape, requires_grad=True)
        assert tuple(x.softmax(dim).shape) == shape and tuple(x.log_softmax(dim).shape) == shape


def test_index_into_an_empty_dim_message():
    for make_key in (lambda t: t[[0, 1]], lambda t: t[[-1]]):
        with pytest.raises(IndexError, match="^index is out of bounds for dimension with size 0$"):
            make_key(torch.ones(0, 3))


def test_advanced_index_result_is_contiguous_so_reshape_views_it():
    a = torch.ones(2, 3, 4, requires_grad=True) * 1
    picked = a[..., [1, 1, 0]]
    assert picked.is_contiguous()
    assert picked.reshape(-1, 2).grad_fn.name() == "ViewBackward0"


@pytest.mark.parametrize("fn, name", [(lambda: torch.ones(1, 3).var(0), "var"),
                                      (lambda: torch.ones(1).std(), "std")])
def test_no_degrees_of_freedom_warns_like_torch(fn, name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = fn()
    assert [(w.category, str(w.message)) for w in caught] == [(UserWarning, (
        f"{name}(): degrees of freedom is <= 0. Correction should be strictly less than the "
        "reduction factor (input numel divided by output numel)."))]
    assert np.isnan(out.numpy()).all()


@pytest.mark.parametrize("call, error, message", [
    (lambda: torch.ones(4).dot(torch.ones(3, dtype=torch.float64)), RuntimeError,
     "dot : expected both vectors to have same dtype, but found Float and Double"),
    (lambda: F.cross_entropy(torch.ones(2, 3), torch.ones(2)), RuntimeError,
     "expected target dtype to be Long or Byte, but got Float"),
    (lambda: F.cross_entropy(torch.ones(2, 3), torch.ones(3)), ValueError,
     "Expected input batch_size (2) to match target batch_size (3)."),
    (lambda: F.nll_loss(torch.ones(3), torch.ones(2)), RuntimeError,
     "expected target dtype to be Long or Byte, but got Float"),
    (lambda: F.nll_loss(torch.ones(3), torch.tensor([1, 2])), ValueError,
     "For 1D input, 1D target must have size 1, but got target size: 2"),
    (lambda: F.nll_loss(torch.tensor(1.0), torch.tensor(0)), ValueError,
     "Expected 1 or more dimensions (got 0)"),
    (lambda: F.cross_entropy(torch.ones(2, 3), torch.ones(2, 3, dtype=torch.int64)), RuntimeError,
     "Expected floating point type for target with class probabilities, got Long"),
])
def test_loss_and_dot_argument_errors_in_torchs_order(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_nll_of_a_1d_input_takes_a_one_element_target():
    x = torch.tensor([0.1, 0.2, 0.7], requires_grad=True)
    out = F.nll_loss(x, torch.tensor([1]), reduction="none")
    assert repr(out) == "tensor(-0.2000, grad_fn=<NllLossBackward0>)"
    out.backward()
    assert x.grad.tolist() == [0.0, -1.0, 0.0]


@pytest.mark.parametrize("call, error, message", [
    (lambda: torch.ones(0, 3).amax(0), IndexError,
     "amax(): Expected reduction dim 0 to have non-zero size."),
    (lambda: torch.ones(0, 3).amax(-2), IndexError,
     "amax(): Expected reduction dim -2 to have non-zero size."),
    (lambda: torch.ones(0, 3).amin(), RuntimeError,
     "amin(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
     "reduction dim with the 'dim' argument."),
    (lambda: torch.ones(0, 3).argmax(0), IndexError,
     "argmax(): Expected reduction dim 0 to have non-zero size."),
    (lambda: torch.ones(0, 3).argmin(), IndexError,
     "argmin(): Expected reduction dim to be specified for input.numel() == 0."),
])
def test_arg_and_amax_of_empty_tensors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message
    assert tuple(torch.ones(0, 3).amax(1).shape) == (0,)

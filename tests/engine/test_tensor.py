"""Tensor creation, attributes, conversions, dtypes and printing."""

import copy
import pickle

import numpy as np
import pytest

import graphstudio.engine as torch
from graphstudio.engine import format_tensor
from graphstudio.engine.printing import format_values


def test_dtypes_and_defaults():
    assert repr(torch.float32) == "torch.float32" and torch.float is torch.float32
    assert torch.double is torch.float64 and torch.long is torch.int64
    assert torch.get_default_dtype() is torch.float32
    assert torch.tensor([1.5]).dtype is torch.float32
    assert torch.tensor([1, 2]).dtype is torch.int64
    assert torch.tensor([True]).dtype is torch.bool
    assert (torch.tensor([1.0]) > 0).dtype is torch.bool
    assert (torch.ones(2) * 2.5).dtype is torch.float32
    assert torch.float32.is_floating_point and not torch.int64.is_floating_point
    torch.set_default_dtype(torch.float64)
    try:
        assert torch.tensor([1.5]).dtype is torch.float64 and torch.ones(1).dtype is torch.float64
    finally:
        torch.set_default_dtype(torch.float32)
    with pytest.raises(TypeError):
        torch.set_default_dtype(torch.int64)


def test_creation_with_requires_grad_and_dtype():
    for make in (torch.zeros, torch.ones, torch.rand, torch.randn, torch.empty):
        t = make(2, 3, dtype=torch.float64, requires_grad=True)
        assert t.shape == (2, 3) and t.dtype is torch.float64 and t.requires_grad and t.is_leaf
    assert torch.full((2,), 0.5, requires_grad=True).requires_grad
    assert torch.eye(2, requires_grad=True).requires_grad
    assert torch.arange(3.0, requires_grad=True).requires_grad
    assert torch.zeros((2, 3)).shape == torch.Size([2, 3])
    assert repr(torch.zeros(2, 3).shape) == "torch.Size([2, 3])"
    like = torch.ones_like(torch.zeros(2, dtype=torch.int64))
    assert like.dtype is torch.int64 and like.tolist() == [1, 1]
    assert torch.Tensor([1, 2]).dtype is torch.float32  # legacy constructor
    assert torch.Tensor(2, 3).shape == (2, 3)


def test_manual_seed_is_deterministic():
    torch.manual_seed(42)
    a = torch.randn(3).tolist() + torch.rand(2).tolist()
    torch.manual_seed(42)
    b = torch.randn(3).tolist() + torch.rand(2).tolist()
    assert a == b
    torch.manual_seed(43)
    assert torch.randn(3).tolist() != a[:3]
    assert torch.randint(0, 10, (5,)).dtype is torch.int64


def test_ragged_and_bad_data():
    with pytest.raises(ValueError, match=r"expected sequence of length 2 at dim 1 \(got 1\)"):
        torch.tensor([[1, 2], [3]])
    with pytest.raises(TypeError):
        torch.tensor("abc")


def test_numpy_sharing_and_detach():
    t = torch.zeros(3)
    arr = t.numpy()
    arr[0] = 5
    assert t[0].item() == 5
    w = torch.ones(2, requires_grad=True)
    d = w.detach()
    d.numpy()[1] = 7
    assert w.detach().tolist() == [1, 7]
    assert w.data.tolist() == [1, 7] and not w.data.requires_grad
    assert torch.from_numpy(arr) is not t and np.shares_memory(torch.from_numpy(arr).numpy(), arr)


def test_scalar_conversions_and_format():
    t = torch.tensor(2.5)
    assert t.item() == 2.5 and float(t) == 2.5 and int(torch.tensor(3)) == 3
    assert f"{t:.3f}" == "2.500"
    assert bool(torch.tensor([1.0])) is True
    assert [1, 2, 3][torch.tensor(1)] == 2
    with pytest.raises(TypeError, match="len\\(\\) of a 0-d tensor"):
        len(t)
    assert len(torch.ones(4, 2)) == 4
    assert [row.tolist() for row in torch.eye(2)] == [[1, 0], [0, 1]]


def test_properties():
    t = torch.ones(2, 3, 4)
    assert t.ndim == 3 and t.dim() == 3 and t.numel() == 24 and t.size(1) == 3
    assert t.size() == (2, 3, 4) and t.size(-1) == 4
    assert t.permute(2, 1, 0).shape == (4, 3, 2)
    assert torch.ones(2, 3).T.shape == (3, 2) and torch.ones(2, 3).mT.shape == (3, 2)


def test_grad_property_rules():
    w = torch.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError, match="different size"):
        w.grad = torch.ones(3)
    w.grad = torch.ones(2)
    assert w.grad.tolist() == [1, 1]
    del w.grad
    assert w.grad is None
    with pytest.raises(RuntimeError, match="requires_grad=False"):
        torch.ones(2).retain_grad()


def test_pickle_and_deepcopy_leaves():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    w2 = pickle.loads(pickle.dumps(w))
    assert w2.tolist() == [1, 2] and w2.requires_grad
    w3 = copy.deepcopy(w)
    w3.detach().numpy()[0] = 9
    assert w.tolist() == [1, 2] and w3.requires_grad
    with pytest.raises(RuntimeError):
        copy.deepcopy(w * 2)
    assert pickle.loads(pickle.dumps(torch.float64)) is torch.float64


def test_inplace_dtype_rules():
    i = torch.tensor([1, 2])
    i += 1
    assert i.tolist() == [2, 3] and i.dtype is torch.int64
    with pytest.raises(RuntimeError, match="result type Float can't be cast to the desired output "
                                           "type Long"):
        i *= 1.5
    f = torch.ones(2)
    f /= 4
    assert f.tolist() == [0.25, 0.25]


def test_format_tensor_helper():
    assert format_tensor(np.array([-0.5214, 1.5953, -0.5861], np.float32),
                         grad_fn_name="AddBackward0") == \
        "tensor([-0.5214,  1.5953, -0.5861], grad_fn=<AddBackward0>)"
    assert format_tensor(np.array([1.0, 2.0]), requires_grad=True) == \
        "tensor([1., 2.], dtype=torch.float64, requires_grad=True)"
    assert format_tensor(np.array([1, 2])) == "tensor([1, 2])"
    assert format_tensor(np.array([[1.0, 1.0], [1.0, 1.0]], np.float32)) == \
        "tensor([[1., 1.],\n        [1., 1.]])"
    assert format_tensor(np.array([1e-5, 1.0], np.float32)) == "tensor([1.0000e-05, 1.0000e+00])"
    assert format_values(np.array([0.5, 0.25], np.float32)) == "[0.5000, 0.2500]"
    big = format_tensor(np.arange(2000, dtype=np.float32) % 7)
    assert big == "tensor([0., 1., 2.,  ..., 2., 3., 4.])"

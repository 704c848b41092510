"""PyTorch's autograd tutorial, run against the engine by changing only the imports."""

import warnings

import numpy as np
import pytest

import graphstudio.engine as torch
import graphstudio.engine.nn.functional as F2

W = [[-1.1373, 1.5912, -0.0512], [-0.5054, -0.9429, 0.0996], [1.0302, 0.4610, -0.7176],
     [-1.4975, 0.0401, 1.0779], [0.9736, -0.4620, -0.0244]]
B = [0.6149, 0.9079, -0.9704]


@pytest.fixture
def single_layer():
    x = torch.ones(5)
    y = torch.zeros(3)
    w = torch.tensor(W, requires_grad=True)
    b = torch.tensor(B, requires_grad=True)
    z = torch.matmul(x, w) + b
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
    return x, y, w, b, z, loss


def test_forward_values(single_layer):
    *_, z, loss = single_layer
    # The tutorial printed these from unrounded random weights; from the 4-decimal weights it
    # shows, the exact values differ by at most 1e-4 (torch 2.13 gives -0.5215 and 0.8961 too).
    np.testing.assert_allclose(z.detach().numpy(), [-0.5214, 1.5953, -0.5861], atol=1.01e-4)
    assert loss.item() == pytest.approx(0.8962, abs=1e-4)
    np.testing.assert_allclose(z.detach().numpy(), [-0.5215, 1.5953, -0.5861], atol=1e-6)
    assert loss.item() == pytest.approx(0.8961470723, abs=1e-6)


def test_reprs_match_torch_for_these_inputs(single_layer):
    *_, z, loss = single_layer
    assert repr(z) == "tensor([-0.5215,  1.5953, -0.5861], grad_fn=<AddBackward0>)"
    assert repr(loss) == "tensor(0.8961, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)"


def test_tutorial_repr_format():
    z = torch.tensor([-0.5214, 1.5953, -0.5861], requires_grad=True) + 0
    assert repr(z) == "tensor([-0.5214,  1.5953, -0.5861], grad_fn=<AddBackward0>)"
    loss = torch.tensor(0.8962, requires_grad=True) * 1
    assert repr(loss) == "tensor(0.8962, grad_fn=<MulBackward0>)"


def test_grad_fn_names_and_next_functions(single_layer):
    x, y, w, b, z, loss = single_layer
    assert z.grad_fn.name() == "AddBackward0"
    assert loss.grad_fn.name() == "BinaryCrossEntropyWithLogitsBackward0"
    assert repr(z.grad_fn).startswith("<AddBackward0 object at 0x")
    (mm, i0), (acc_b, i1) = z.grad_fn.next_functions
    assert (i0, i1) == (0, 0)
    assert mm.name() == "SqueezeBackward4"
    assert acc_b.name() == "torch::autograd::AccumulateGrad" and acc_b.variable is b
    assert loss.grad_fn.next_functions[0][0] is z.grad_fn
    assert loss.grad_fn.next_functions[1] == (None, 0)


def test_gradients(single_layer):
    x, y, w, b, z, loss = single_layer
    loss.backward()
    expected = [0.1242, 0.2771, 0.1192]
    np.testing.assert_allclose(w.grad.numpy(), [expected] * 5, atol=5e-5)
    np.testing.assert_allclose(b.grad.numpy(), expected, atol=5e-5)
    assert repr(b.grad) == "tensor([0.1242, 0.2771, 0.1192])"
    assert x.grad is None


def test_no_grad_and_detach(single_layer):
    x, y, w, b, z, loss = single_layer
    assert z.requires_grad is True
    with torch.no_grad():
        z2 = torch.matmul(x, w) + b
    assert z2.requires_grad is False
    z_det = z.detach()
    assert z_det.requires_grad is False
    assert np.shares_memory(z_det.numpy(), z.detach().numpy())


def test_jacobian_product():
    inp = torch.eye(4, 5, requires_grad=True)
    out = (inp + 1).pow(2).t()
    out.backward(torch.ones_like(out), retain_graph=True)
    g = inp.grad.numpy()
    assert (np.diag(g) == 4).all() and g.sum() == 4 * 4 + 16 * 2
    out.backward(torch.ones_like(out), retain_graph=True)
    g = inp.grad.numpy()
    assert (np.diag(g) == 8).all() and g.sum() == 4 * 8 + 16 * 4
    inp.grad.zero_()
    out.backward(torch.ones_like(out), retain_graph=True)
    assert repr(inp.grad) == ("tensor([[4., 2., 2., 2., 2.],\n        [2., 4., 2., 2., 2.],\n"
                              "        [2., 2., 4., 2., 2.],\n        [2., 2., 2., 4., 2.]])")


def test_functional_module_identity():
    import graphstudio.engine.functional as F

    assert F2 is F and torch.nn.functional is F


def test_non_leaf_grad_warns(single_layer):
    *_, z, loss = single_layer
    loss.backward()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert z.grad is None
    assert caught and "not a leaf Tensor is being accessed" in str(caught[0].message)


TUTORIAL = '''
import torch
x = torch.ones(5)  # input tensor
y = torch.zeros(3)  # expected output
w = torch.tensor(W, requires_grad=True)
b = torch.tensor(B, requires_grad=True)
z = torch.matmul(x, w)+b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print(f"Gradient function for z = {z.grad_fn}")
print(f"Gradient function for loss = {loss.grad_fn}")
loss.backward()
print(w.grad)
print(b.grad)
z = torch.matmul(x, w)+b
print(z.requires_grad)
with torch.no_grad():
    z = torch.matmul(x, w)+b
print(z.requires_grad)
z = torch.matmul(x, w)+b
z_det = z.detach()
print(z_det.requires_grad)
inp = torch.eye(4, 5, requires_grad=True)
out = (inp+1).pow(2).t()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"First call\\n{inp.grad}")
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\\nSecond call\\n{inp.grad}")
inp.grad.zero_()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\\nCall after zeroing gradients\\n{inp.grad}")
print(z, loss, f"{loss.item():.4f}")
'''


def _run_tutorial(module):
    import contextlib
    import io
    import re
    import sys

    saved = sys.modules.get("torch")
    sys.modules["torch"] = module
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(TUTORIAL, {"W": W, "B": B})
    finally:
        if saved is None:
            del sys.modules["torch"]
        else:
            sys.modules["torch"] = saved
    return re.sub(r"0x[0-9a-f]+", "0x...", out.getvalue())


def test_tutorial_script_output():
    text = _run_tutorial(torch)
    assert "Gradient function for z = <AddBackward0 object at 0x...>" in text
    assert ("Gradient function for loss = <BinaryCrossEntropyWithLogitsBackward0 object at 0x...>"
            in text)
    assert "tensor([0.1242, 0.2771, 0.1192])" in text
    assert "True\nFalse\nFalse\n" in text
    assert "First call\ntensor([[4., 2., 2., 2., 2.]," in text
    assert "Second call\ntensor([[8., 4., 4., 4., 4.]," in text


def test_tutorial_script_prints_what_torch_prints():
    real = pytest.importorskip("torch")
    assert _run_tutorial(torch) == _run_tutorial(real)

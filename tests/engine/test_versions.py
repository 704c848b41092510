"""Version counters: a tensor saved as a node's result and then modified in place makes backward
raise PyTorch's error, word for word (messages taken from torch 2.13)."""

import pytest

import graphstudio.engine as torch

HINT = ("Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
        "with torch.autograd.set_detect_anomaly(True, check_nan=False).")


def _message(kind, shape, name, version, expected):
    return ("one of the variables needed for gradient computation has been modified by an inplace "
            f"operation: [torch.{kind}Tensor {shape}], which is output 0 of {name}, is at version "
            f"{version}; expected version {expected} instead. {HINT}")


def _leaf(dtype=torch.float32):
    return torch.tensor([0.5, -1.0, 2.0], dtype=dtype, requires_grad=True)


def _add_one_under_no_grad(b):
    with torch.no_grad():
        b.add_(1)


@pytest.mark.parametrize("build, change, expected", [
    (lambda a: a.exp(), lambda b: b.add_(1), ("Float", "[3]", "Exp", 1, 0)),
    (lambda a: a.sigmoid(), lambda b: b.mul_(2), ("Float", "[3]", "Sigmoid", 1, 0)),
    (lambda a: a.relu(), lambda b: b.__setitem__(0, 5.0), ("Float", "[3]", "Relu", 1, 0)),
    (lambda a: a.sigmoid(), lambda b: b.detach().zero_(), ("Float", "[3]", "Sigmoid", 1, 0)),
    (lambda a: a.exp(), lambda b: (b.add_(1), b.add_(1)), ("Float", "[3]", "Exp", 2, 0)),
    (lambda a: a.tanh(), _add_one_under_no_grad, ("Float", "[3]", "Tanh", 1, 0)),
    (lambda a: a.max(), lambda b: b.add_(1), ("Float", "[]", "Max1", 1, 0)),
    (lambda a: a.softmax(0), lambda b: b.sigmoid_(), ("Float", "[3]", "Softmax", 1, 0)),
    (lambda a: torch.logsumexp(a, 0), lambda b: (b.exp_(), b.add_(1)),
     ("Float", "[]", "Exp", 2, 1)),
])
def test_a_modified_saved_result_raises_torchs_error(build, change, expected):
    b = build(_leaf())
    change(b)
    with pytest.raises(RuntimeError) as info:
        (b.sum() if b.ndim else b).backward()
    assert str(info.value) == _message(*expected)


def test_float64_names_double():
    b = _leaf(torch.float64).tanh()
    b += 1
    with pytest.raises(RuntimeError) as info:
        b.sum().backward()
    assert str(info.value) == _message("Double", "[3]", "Tanh", 1, 0)


@pytest.mark.parametrize("build, change", [
    (lambda a: a.exp(), lambda b: b.data.zero_()),      # .data has its own version counter
    (lambda a: a * 2, lambda b: b.add_(1)),             # mul saves its inputs, not its result
    (lambda a: (a + 1).sin(), lambda b: b.add_(1)),     # sin saves its input
    (lambda a: torch.nn.functional.elu(a), lambda b: b.add_(1)),
])
def test_changes_torch_does_not_notice_pass(build, change):
    a = _leaf()
    b = build(a)
    change(b)
    (b.sum()).backward()
    assert a.grad is not None


def test_versions_count_in_place_changes_like_torch():
    a = torch.ones(3)
    assert a._version == 0
    a.add_(1)
    a.mul_(2)
    a[0] = 3.0
    d = a.detach()
    d.zero_()
    assert a._version == 4 and d._version == 4
    assert a.data._version == 0


def test_retain_graph_then_modify_then_backward_raises():
    a = _leaf()
    b = a.exp()
    b.sum().backward(retain_graph=True)
    b.add_(1)
    with pytest.raises(RuntimeError, match="is at version 1; expected version 0 instead"):
        b.sum().backward()

"""gradcheck and gradcheck_report: they pass correct gradients and catch wrong ones."""

import numpy as np
import pytest

import graphstudio.engine as torch
from graphstudio.engine import autograd
from graphstudio.engine.autograd.gradcheck import GradcheckError, InputReport, gradcheck_report
from graphstudio.engine.node import backward_formula
from graphstudio.engine.tensor import make


@backward_formula("BrokenSquareBackward0")
def BrokenSquareBackward0(self, g):
    (x,) = self._saved
    return (g * (2 * x + (x > 0.5) * 0.1),)  # wrong by 0.1 where x > 0.5


def broken_square(t):
    return make(t._data ** 2, BrokenSquareBackward0, (t,), (t._data,))


def test_exported_as_torch_autograd_gradcheck():
    assert torch.autograd.gradcheck is autograd.gradcheck
    x = torch.tensor([0.3, -1.2], dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda a: (a * a).sum(), (x,))


def test_report_fields_for_passing_inputs():
    a = torch.tensor([[0.3, -1.2]], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([2.0], dtype=torch.float64)
    c = torch.tensor([0.7, 0.1], dtype=torch.float64, requires_grad=True)
    reports = gradcheck_report(lambda x, y, z: (x * y + z.exp()).sum(1), (a, b, c))
    assert [r.index for r in reports] == [0, 2]
    for rep in reports:
        assert isinstance(rep, InputReport) and rep.passed
        assert rep.max_abs_err < 1e-8 and rep.max_rel_err < 1e-7
        assert len(rep.worst_index) == 3


def test_catches_a_wrong_gradient_and_names_the_element():
    x = torch.tensor([0.1, 0.9, 0.2], dtype=torch.float64, requires_grad=True)
    (rep,) = gradcheck_report(broken_square, (x,))
    assert not rep.passed
    assert rep.worst_index == (0, 1, 1)
    assert rep.numerical == pytest.approx(1.8, abs=1e-6)
    assert rep.analytical == pytest.approx(1.9, abs=1e-12)
    assert rep.max_abs_err == pytest.approx(0.1, abs=1e-6)
    assert not torch.autograd.gradcheck(broken_square, (x,), raise_exception=False)
    with pytest.raises(GradcheckError) as info:
        torch.autograd.gradcheck(broken_square, (x,))
    text = str(info.value)
    assert "with respect to input 0" in text and "input element 1" in text
    assert "numerical 1.8" in text and "analytical 1.9" in text
    assert isinstance(info.value, RuntimeError)


def test_float32_inputs_are_checked_in_float64():
    x = torch.tensor([0.5, 1.5], requires_grad=True)
    assert gradcheck_report(lambda a: a.exp(), (x,))[0].passed
    assert x.dtype == torch.float32 and x.grad is None


def test_needs_an_input_that_requires_grad():
    with pytest.raises(ValueError, match="at least one input tensor to require gradient"):
        gradcheck_report(lambda a: a * 2, (torch.ones(2),))


def test_tuple_outputs_and_unused_inputs():
    a = torch.tensor([0.5, -0.5], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
    reports = gradcheck_report(lambda x, y: (x.sin(), x * 3), (a, b))
    assert all(r.passed for r in reports)
    assert reports[1].max_abs_err == 0.0
    np.testing.assert_equal(a.grad, None)

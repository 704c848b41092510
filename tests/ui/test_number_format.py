"""One number format for the window: run values print as PyTorch prints them, per tensor; the
tensor editor keeps its digit-preserving cells."""

from __future__ import annotations

import numpy as np
import pytest

from graphstudio.ui.canvas.preview import format_array, format_number, grad_label
from graphstudio.ui.number_format import format_elements, format_scalar
from graphstudio.ui.tensor_text import display_number


@pytest.mark.parametrize("v", [0.0005, 0.00012, 0.0012, 0.5, -3.25, 1e-7, 123456.789, 2.5e9,
                               0.0, float("nan"), float("-inf")])
def test_the_editor_cell_keeps_its_digits(v):
    """The tensor editor shows 0.00012 as 1.2000e-04 (torch's 0.0001 would lose digits)."""
    assert display_number(v, "float32") == format_number(v)


def test_editor_cells_read_like_before():
    assert format_number(0.00012) == "1.2000e-04"
    assert format_number(0.0012) == "0.0012"
    assert format_number(2.5e9) == "2.5000e+09"
    assert display_number(3, "int64") == "3" and display_number(True, "bool") == "True"


def _torch_values(a) -> str:
    torch = pytest.importorskip("torch")  # only this comparison needs torch
    text = repr(torch.tensor(a))
    body = text[len("tensor("):-1]
    return body.split(", dtype=")[0]


@pytest.mark.parametrize("a", [
    np.float32(3.0), np.float32(32.0), np.float32(0.8962), np.ones(5, np.float32),
    np.array([1.0, -2.0], np.float32), np.array([2, 0, 1], np.int64),
    np.array([0.1242, 0.2771, 0.1192], np.float32), np.array([1e-5, 2.0], np.float32),
    np.array([[1.0, 2.5], [3.0, 4.0]], np.float32), np.array([0.00012, 0.5], np.float32),
])
def test_run_values_print_as_pytorch_prints_them(a):
    assert "\n".join(format_array(a, 7)).replace("\n", "\n" + " " * 7) == _torch_values(a)


def test_scalars_labels_and_cells_follow_torch():
    assert format_scalar(np.float32(3.0)) == "3."
    assert format_scalar(np.float32(0.8962)) == "0.8962"
    assert format_scalar(np.int64(2)) == "2"
    assert grad_label(np.ones(3, np.float32)) == "[1., 1., 1.]"
    assert list(format_elements(np.array([1.0, 2.5]))) == ["1.0000", "2.5000"]
    assert list(format_elements(np.array([1.0, 2.0]))) == ["1.", "2."]

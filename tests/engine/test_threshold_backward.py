"""relu's backward kernel (threshold_backward): the fast path on float gradients gives exactly
``where(input <= threshold, 0, grad)``, bit for bit (+0 where cut, -0 and NaN gradients kept,
a NaN input lets the gradient through), for every float dtype and when shapes broadcast."""

import numpy as np
import pytest

from graphstudio.engine.backward_kernels.activations import threshold_backward


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_bit_for_bit_the_where_formula(dtype):
    grad = np.array([-0.0, 1.5, -2.0, np.nan, -np.inf, 3.0, -1.0, -0.0], dtype)
    inp = np.array([1.0, -1.0, 0.0, 2.0, np.nan, 0.0, np.nan, -3.0], dtype)
    got = threshold_backward(grad, inp, 0)
    want = np.where(inp <= 0, 0, grad)
    assert got.dtype == want.dtype == dtype
    assert got.tobytes() == want.tobytes()
    assert np.signbit(got).tolist() == [True, False, False, False, True, False, True, False]


def test_broadcast_and_strided_gradients():
    rng = np.random.default_rng(0)
    inp = rng.standard_normal((4, 6)).astype(np.float32)
    grad = rng.standard_normal((8, 6)).astype(np.float32)[::2]  # not contiguous
    assert threshold_backward(grad, inp, 0.1).tobytes() == \
        np.where(inp <= 0.1, 0, grad).tobytes()
    row = rng.standard_normal(6).astype(np.float32)  # broadcast against the input
    assert threshold_backward(row, inp, 0).tobytes() == np.where(inp <= 0, 0, row).tobytes()


def test_integer_gradient_takes_the_plain_path():
    got = threshold_backward(np.array([3, -4, 5]), np.array([1.0, 0.0, np.nan]), 0)
    assert got.tolist() == [3, 0, 5]

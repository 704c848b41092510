"""One number format for the whole window: the card and the tensor table agree."""

from __future__ import annotations

import numpy as np
import pytest

from graphstudio.ui.canvas.preview import format_array, format_number
from graphstudio.ui.tensor_text import display_number


@pytest.mark.parametrize("v", [0.0005, 0.00012, 0.0012, 0.5, -3.25, 1e-7, 123456.789, 2.5e9,
                               0.0, float("nan"), float("-inf")])
def test_the_card_and_the_table_show_a_number_alike(v):
    """0.0005 read 5.000e-04 on the card and 0.0005 in the table; 0.00012 read 0.0001 in the
    table (its digits lost)."""
    assert display_number(v, "float32") == format_number(v)


def test_small_values_keep_their_digits_and_the_rest_reads_like_pytorch():
    assert format_number(0.00012) == "1.2000e-04"
    assert format_number(0.0005) == "5.0000e-04"
    assert format_number(0.0012) == "0.0012"
    assert format_number(0.8962) == "0.8962"
    assert format_number(123456.789) == "123456.7890"
    assert format_number(2.5e9) == "2.5000e+09"
    assert format_array(np.array([1.0, -2.0])) == ["[ 1.0000, -2.0000]"]
    assert display_number(3, "int64") == "3" and display_number(True, "bool") == "True"

"""Big tensors are written in bulk (a 1000 x 1000 Parameter took ~3.5 s to save and ~6.5 s to
export, one number at a time), with exactly the text one-at-a-time formatting gives."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.files.gsgraph import graph_from_json, graph_to_json
from graphstudio.graph import literals as nodetypes
from graphstudio.graph.literals import format_number, format_numbers, tensor_literal
from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.pytorch.export import export_script

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 1e-4, 9.99e-5, 1e-5, 1e15, 1e16, 1.5e16, 3.4e38,
           1e39, -1e39, 1e-45, 1e-46, 1e-300, 1e300, 123456789.0, 16777217.0, 2.0**63,
           float("nan"), float("inf"), float("-inf")]


def _one_at_a_time(values, dtype):
    return [format_number(v, dtype) for v in np.asarray(values).reshape(-1).tolist()]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_bulk_formatting_is_the_one_at_a_time_text(dtype):
    rng = np.random.default_rng(0)
    values = np.concatenate([SPECIAL, rng.standard_normal(5000),
                             rng.standard_normal(5000) * 10.0 ** rng.integers(-40, 40, 5000)])
    with np.errstate(all="ignore"):
        arr = values.astype(dtype)
        assert format_numbers(arr, dtype) == _one_at_a_time(arr, dtype)
        assert format_numbers(values, dtype) == _one_at_a_time(values, dtype)  # a wider array


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(width=32) | st.floats(), max_size=20),
       st.sampled_from(["float32", "float64"]))
def test_bulk_formatting_property(values, dtype):
    with np.errstate(all="ignore"):
        assert format_numbers(np.array(values, dtype=np.float64), dtype) == _one_at_a_time(
            np.array(values, dtype=np.float64), dtype)


def _nested(a, dtype):
    """The literal built element by element (the way it used to be)."""
    if a.ndim == 0:
        return format_number(a.item(), dtype)
    return "[" + ", ".join(_nested(x, dtype) for x in a) + "]"


@pytest.mark.parametrize("shape", [(), (0,), (3, 0), (0, 2), (2, 0, 3), (1,), (2, 3), (2, 1, 3),
                                   (3, 4, 5)])
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "bool"])
def test_literals_of_every_shape_and_dtype(shape, dtype):
    arr = (np.random.default_rng(2).standard_normal(shape) * 100).astype(dtype)
    assert tensor_literal(arr, dtype) == _nested(arr, dtype)
    assert tensor_literal(arr) == _nested(arr, str(arr.dtype))


def test_big_tensors_are_not_formatted_one_number_at_a_time(monkeypatch):
    calls = []
    real = nodetypes.format_number

    def counting(v, dtype="float32"):
        calls.append(v)
        return real(v, dtype)

    monkeypatch.setattr(nodetypes, "format_number", counting)
    g = Graph()
    values = np.random.default_rng(1).standard_normal((60, 70)).astype(np.float32)
    g.add_node("parameter", "w", tensor=TensorSpec.from_array(values))
    text = graph_to_json(g)
    script = export_script(g)
    assert len(calls) == 0
    assert np.array_equal(graph_from_json(text).node_by_name("w").tensor.values, values)
    assert f"[{format_number(values[0, 0])}, " in script

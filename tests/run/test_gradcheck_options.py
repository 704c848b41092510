"""The gradient check refuses an eps or tolerance it cannot use, and no numpy warning escapes it
whatever the numbers (PyTorch computes with inf and nan silently; the report says what
happened)."""

from __future__ import annotations

import warnings

import pytest

from graphstudio import cli
from graphstudio.files.gsgraph import load_graph
from graphstudio.paths import examples_dir
from graphstudio.run.gradient_check import GradcheckOptionError, check_graph_gradients

TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"


@pytest.mark.parametrize("options, message", [
    ({"eps": float("inf")}, "eps must be a finite number > 0, not inf"),
    ({"eps": float("nan")}, "eps must be a finite number > 0, not nan"),
    ({"eps": 0.0}, "eps must be a finite number > 0, not 0.0"),
    ({"atol": float("inf")}, "atol must be a finite number >= 0, not inf"),
    ({"rtol": -1.0}, "rtol must be a finite number >= 0, not -1.0")])
def test_unusable_options_are_refused(options, message):
    with pytest.raises(GradcheckOptionError) as info:
        check_graph_gradients(load_graph(TUTORIAL), **options)
    assert str(info.value) == message


@pytest.mark.parametrize("eps", [1e308, 1e300, 5e-324])
def test_no_numpy_warning_escapes(eps):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        reports = check_graph_gradients(load_graph(TUTORIAL), eps=eps)
    assert [r.name for r in reports] == ["w", "b"]


def test_gradcheck_eps_inf_is_one_line(capsys, recwarn):
    assert cli.main(["gradcheck", "--eps", "inf", str(TUTORIAL)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == "graphstudio: eps must be a finite number > 0, not inf\n"
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]

"""Whole-graph gradient check: examples pass, a wrong backward is caught, options and reports."""

from dataclasses import replace

import numpy as np
import pytest

from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.paths import example_path, examples_dir
from graphstudio.run.gradient_check import (
    GradcheckFailed,
    check_graph_gradients,
    format_report,
)

EXAMPLES = sorted(examples_dir().glob("*.gsgraph"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_passes(path):
    graph = load_graph(path)
    reports = check_graph_gradients(graph)
    params = [n.name for n in graph if n.type == "parameter"]
    assert [r.name for r in reports] == params
    for r in reports:
        assert r.passed, format_report(reports)
        if not r.skipped:
            assert r.analytical.dtype == np.float64 and r.numerical.shape == r.analytical.shape
            assert r.max_abs_err < 1e-6


def test_frozen_is_skipped_and_values_match_the_tutorial():
    reports = {r.name: r for r in check_graph_gradients(load_graph(example_path(
        "frozen_parameter")))}
    assert reports["w"].skipped and reports["w"].reason.startswith("frozen")
    assert reports["w"].status == "skipped" and reports["b"].status == "pass"
    np.testing.assert_allclose(reports["b"].analytical, [0.1242, 0.2771, 0.1192], atol=1e-4)


def test_detach_is_a_constant_for_the_differences():
    r, = check_graph_gradients(load_graph(example_path("detach_and_no_grad")))
    np.testing.assert_allclose(r.analytical, [2.0, -4.0, 1.0])  # y = 2x, not 4x
    np.testing.assert_allclose(r.numerical, [2.0, -4.0, 1.0], atol=1e-6)


def test_wrong_backward_is_caught(monkeypatch):
    """A tanh whose value is right but whose graph gives no derivative through the detach."""
    nt = NODE_TYPES["tanh"]
    monkeypatch.setitem(NODE_TYPES, "tanh", replace(
        nt, fn=lambda T, F, a, i: T.tanh(i["input"].detach()) + 0 * i["input"]))
    reports = check_graph_gradients(load_graph(example_path("mlp_classifier")))
    by = {r.name: r for r in reports}
    assert not by["W1"].passed and not by["b1"].passed  # upstream of the tanh
    assert by["W2"].passed and by["b2"].passed
    worst = by["W1"].worst_index
    assert len(worst) == 2 and by["W1"].analytical[worst] == 0.0
    assert "FAIL" in format_report(reports)


def test_loss_choice_progress_and_cancel():
    graph = load_graph(example_path("tutorial_single_layer"))
    seen = []
    reports = check_graph_gradients(graph, loss_node="loss", progress=lambda d, t: seen.append(
        (d, t)))
    assert seen[-1] == (18, 18) and len(seen) == 18  # 15 + 3 elements
    assert all(r.passed for r in reports)
    with pytest.raises(GradcheckFailed, match=r"z has shape \(3,\): set a gradient seed"):
        check_graph_gradients(graph, loss_node="z")
    calls = []
    cancelled = check_graph_gradients(graph, should_stop=lambda: calls.append(1) or
                                      len(calls) > 1)
    assert not cancelled[0].skipped and cancelled[1].reason == "cancelled"


def test_refusals():
    graph = load_graph(example_path("frozen_parameter"))
    graph.set_attr("n4", "requires_grad", False)
    with pytest.raises(GradcheckFailed, match="does not require grad"):
        check_graph_gradients(graph)
    jac = load_graph(example_path("jacobian_product"))
    jac.set_run_option("gradient", None)
    with pytest.raises(GradcheckFailed, match="gradient seed"):
        check_graph_gradients(jac)


def test_grad_nodes_are_differenced_with_grad_enabled():
    """A Grad node is a derivative inside the forward: the differences of d2y = d²(x³)/dx²
    (= 6x) give d³(x³)/dx³ = 6, the analytical x.grad through the recorded gradient ops."""
    r, = check_graph_gradients(load_graph(example_path("second_derivative")))
    assert r.passed and r.analytical == 6.0
    np.testing.assert_allclose(r.numerical, 6.0, atol=1e-6)
    by = {r.name: r for r in check_graph_gradients(load_graph(example_path(
        "gradient_penalty")))}
    np.testing.assert_allclose(by["W"].numerical, by["W"].analytical, atol=1e-6)
    assert np.abs(by["W"].analytical).max() > 0.05  # W's gradient comes through df/dx

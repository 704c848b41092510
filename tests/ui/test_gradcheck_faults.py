"""Check Gradients when the graph moves under it: results of another graph are never shown as
current, and rows of a replaced document go."""

from __future__ import annotations

import numpy as np

from graphstudio.graph.model import TensorSpec


def patched_check(monkeypatch, during):
    """check_graph_gradients that calls ``during()`` half-way (as events processed by the
    progress dialog would)."""
    from graphstudio.ui.tools import gradcheck_dialog

    real = gradcheck_dialog.check_graph_gradients

    def check(graph, **kw):
        out = real(graph, **kw)
        during()
        return out

    monkeypatch.setattr(gradcheck_dialog, "check_graph_gradients", check)


def test_a_check_during_which_the_graph_changed_is_shown_stale_and_marks_nothing(
        tools_window, monkeypatch):
    tw = tools_window("tutorial_single_layer")
    w = tw.graph.node_by_name("w")
    patched_check(monkeypatch, lambda: tw.graph.set_tensor(
        w.id, TensorSpec.from_array(np.ones(w.tensor.shape, np.float32))))
    dlg = tw.tools.check_gradients()
    assert dlg.table.rowCount() == 2
    assert "changed while it was being checked" in dlg.summary.text()
    assert dlg.marks == []


def test_a_check_during_which_another_graph_opened_shows_no_rows(tools_window, monkeypatch):
    """Node ids repeat across documents: a row of the old graph selected an unrelated node."""
    from tests.support.tools_fixtures import EXAMPLES

    tw = tools_window("tutorial_single_layer")
    patched_check(monkeypatch, lambda: tw.window.files.open_file(
        EXAMPLES / "mlp_classifier.gsgraph", ask=False))
    dlg = tw.tools.check_gradients()
    assert dlg.table.rowCount() == 0 and dlg.reports == [] and dlg.marks == []
    assert "Another graph is open" in dlg.summary.text()

"""Running as a new user does (issue 10): undoing back to the run, the Values dock before a
node's step, and the MLP example's promise about its first loss."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from graphstudio.graph.model import TensorSpec
from graphstudio.ui.commands import SetTensorCommand, try_push


def test_undoing_every_edit_makes_the_shown_run_valid_again(run_window):
    r = run_window()
    r.click("run_to_end")
    loss_text = r.text("loss")
    assert "loss = 0.8962" in loss_text and r.c.valid
    x = r.graph.node_by_name("x")
    for value in (2.0, 3.0):
        spec = TensorSpec.from_array(np.full(x.tensor.shape, value, np.float32))
        assert try_push(r.window.undo_stack, SetTensorCommand(r.graph, x.id, spec)) is None
    r.qtbot.waitUntil(lambda: r.c.stale)
    steps = r.window.run_controller.ui.steps
    assert "loss = 0.8962" in r.text("loss") and "stale" in r.text("loss")  # kept, marked
    assert "Undo back to the run makes them valid again" in steps.summary.text()
    assert "undoing the edits brings them back" in r.window.statusBar().currentMessage()
    r.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    r.qtbot.wait(20)
    assert r.c.stale  # one edit still there: still stale
    r.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    r.qtbot.waitUntil(lambda: not r.c.stale)
    assert r.c.valid and r.text("loss") == loss_text and "stale" not in r.text("loss")
    assert "Stale" not in steps.summary.text()
    assert "valid again" in r.window.statusBar().currentMessage()
    r.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    r.qtbot.waitUntil(lambda: r.c.stale)  # redo: the edit is back, and so is "stale"


def test_values_dock_says_at_which_step_a_value_appears(run_window):
    """It said "not computed at this step" until the node's step arrived."""
    r = run_window()
    r.scene.select_nodes([r.id("loss")])
    r.window.docks["values"].raise_()
    values = r.window.run_controller.ui.values
    r.key(Qt.Key.Key_F10)
    at = next(i for i in range(r.c.timeline.forward_count)
              if r.c.timeline.steps[i].node_id == r.id("loss"))
    assert r.c.k == 0 < at
    r.qtbot.waitUntil(lambda: f"computed at step {at + 1} (forward)" in values.value.scalar.text())
    assert "now at step 1" in values.value.scalar.text()
    r.key(Qt.Key.Key_F10)
    r.qtbot.waitUntil(lambda: "now at step 2" in values.value.scalar.text())
    while r.c.k < at:
        r.key(Qt.Key.Key_F10)
    r.qtbot.waitUntil(lambda: "0.8962" in values.value.scalar.text())


def test_mlp_notes_say_the_first_loss_the_run_shows(run_window):
    """The notes promised a loss near ln 3 = 1.10; the first step showed 1.1944."""
    r = run_window("mlp_classifier")
    notes = str(r.graph.meta["notes"])
    assert "near ln 3" not in notes
    r.click("forward")
    shown = r.text("loss")
    assert "loss = 1.1944" in shown and "1.1944" in notes
    # the notes' explanation, checked against the run's own logits and labels
    state = r.c.timeline.state_at(r.c.k)
    logits = np.asarray(state[r.id("logits")].value, np.float64)
    labels = np.asarray(state[r.id("labels")].value)
    lse = np.log(np.exp(logits).sum(axis=1)).mean()
    true = logits[np.arange(len(labels)), labels].mean()
    assert f"{lse:.4f}" in notes and f"{true:.4f}" in notes and f"{logits.std():.2f}" in notes
    assert f"{lse - true:.4f}" == "1.1944" and "1.0986" in notes

"""Training and the person's edits: an edit made while training is never silently overwritten,
and the training command changes only the model."""

from __future__ import annotations

import numpy as np

from graphstudio.graph.model import TensorSpec
from graphstudio.ui.commands import SetTensorCommand, try_push


def start_slow_training(tw):
    tw.window.actions["train"].trigger()
    dock = tw.tools.training
    dock.form.pace_box.setCurrentIndex(dock.form.pace_box.findText("100 steps/s"))
    tw.click(dock.start_button)
    tw.qtbot.waitUntil(lambda: dock.trainer.steps_done >= 3, timeout=5_000)
    return dock


def test_a_parameter_edited_while_training_keeps_the_edit_and_is_named(tools_window):
    """Training wrote its values over every Parameter at the end, also one the person had
    typed new values into meanwhile."""
    tw = tools_window("mlp_classifier")
    dock = start_slow_training(tw)
    b1 = tw.graph.node_by_name("b1")
    mine = TensorSpec.from_array(np.full(b1.tensor.shape, 7.0, np.float32))
    assert try_push(tw.window.undo_stack, SetTensorCommand(tw.graph, b1.id, mine)) is None
    tw.click(dock.stop_button)
    assert np.all(tw.graph.node_by_name("b1").tensor.to_numpy() == 7.0)
    assert set(dock.applied.changes) == {tw.id(n) for n in ("W1", "W2", "b2")}
    assert "not written to b1 (edited meanwhile" in dock.message.text()


def test_the_training_command_calls_no_widget_and_the_dock_follows_the_stack(tools_window):
    tw = tools_window("mlp_classifier")
    dock = start_slow_training(tw)
    tw.click(dock.stop_button)
    cmd = dock.applied
    assert cmd is not None and not hasattr(cmd, "notify")
    trained = dock.message.text()
    tw.window.undo_stack.undo()
    assert dock.message.text().startswith("Undone: the parameters hold")
    tw.window.undo_stack.redo()
    assert dock.message.text() == trained


def test_cards_shown_while_training_go_through_the_run_display(tools_window):
    """The dock wrote the cards' run states itself, behind the run display's cache: the display
    then believed the cards showed the run and skipped them."""
    tw = tools_window("mlp_classifier")
    c = tw.window.run_controller
    c.run_to_end()
    display, b2 = c.display, tw.id("b2")
    ran = display.node_state(b2)
    assert ran is not None and tw.scene.node_item(b2).run_state is ran
    dock = start_slow_training(tw)
    card = tw.scene.node_item(b2)
    tw.qtbot.waitUntil(lambda: card.run_state is not ran, timeout=5_000)
    assert display.node_state(b2) is card.run_state  # the cache says what the card shows
    dock.abandon("test")
    assert card.run_state is display.node_state(b2)
    assert card.run_state.value is ran.value  # the run's own value is back

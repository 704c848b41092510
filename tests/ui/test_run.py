"""The Run toolbar, menu and keys driven as a person would, checked against PyTorch's numbers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from graphstudio.graph.model import TensorSpec
from graphstudio.ui.commands import SetTensorCommand, try_push
from tests.support.run_fixtures import GRAD_ROW


def test_f10_steps_the_tutorial_to_the_end_with_its_numbers(run_window):
    r = run_window()
    assert [a.text() for a in r.window.menuBar().actions()][-2:] == ["&Run", "&Help"]
    presses = 0
    while not (r.c.timeline is not None and r.c.at_end) and presses < 50:
        r.key(Qt.Key.Key_F10)
        presses += 1
    tl = r.c.timeline
    assert presses == len(tl) == 13 and r.c.k == 12
    # model level: the runner's states at the displayed step
    state = tl.state_at(r.c.k)
    assert np.isclose(float(state[r.id("loss")].value), 0.8962, atol=5e-5)
    for name, rows in (("w", 5), ("b", 1)):
        grad = state[r.id(name)].grad
        assert grad.shape[0] == rows if name == "w" else grad.shape == (3,)
        assert np.allclose(np.atleast_2d(grad), [0.1242, 0.2771, 0.1192], atol=5e-5)
    # what the cards say
    assert "loss = 0.8962" in r.text("loss")
    assert r.text("w").count(GRAD_ROW) == 5 and "w.grad = [[0.1242, 0.2771, 0.1192]," in r.text("w")
    assert f"b.grad = {GRAD_ROW}" in r.text("b")
    assert "z.grad = None" in r.text("z") and f"∂L/∂z = {GRAD_ROW}" in r.text("z")
    assert r.wire("z", "loss").label_text() == GRAD_ROW  # 4 decimals, as torch and the cards
    assert "loss = 0.8962" in r.window.statusBar().currentMessage() or r.c.at_end


def test_toolbar_forward_backward_reset_and_step_back_key(run_window):
    r = run_window()
    r.click("forward")
    tl = r.c.timeline
    assert not tl.has_backward and r.c.k == tl.forward_count - 1
    assert "loss = 0.8962" in r.text("loss") and "w.grad" not in r.text("w")
    r.click("backward")
    assert r.c.timeline.has_backward and r.c.at_end and GRAD_ROW in r.text("b")
    r.key(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert r.c.k == len(r.c.timeline) - 2 and "w.grad = None" in r.text("w")
    r.click("step")
    assert r.c.at_end and GRAD_ROW in r.text("w")
    r.click("reset")
    assert r.c.timeline is None and r.card("w").run_state is None
    assert not r.action("step_back").isEnabled()
    assert "Nothing run yet" in r.action("step_back").toolTip()
    r.click("run_to_end")
    assert r.c.at_end and f"b.grad = {GRAD_ROW}" in r.text("b")


def test_step_list_is_the_engines_backward_order(run_window):
    from graphstudio.run.runner import Runner

    r = run_window("mlp_classifier")
    r.click("run_to_end")
    model = r.window.run_controller.ui.steps.model
    listed = [row[2] for row in model.rows if row[0] == "backward"]
    engine = [s.name for s in Runner(r.graph).run().backward_steps]
    assert listed == engine
    assert listed == [s.name for s in r.c.timeline.backward_steps]
    assert listed.count("AccumulateGrad") == 4


def test_freezing_w_reruns_and_greys_the_path(run_window, qtbot):
    r = run_window()
    r.click("run_to_end")
    b_before = r.text("b").split("b.grad = ")[1].splitlines()[0]
    r.scene.toggle_freeze(r.id("w"))
    qtbot.waitUntil(lambda: "w.grad = None" in r.text("w"), timeout=2000)
    assert not r.c.stale and r.c.at_end
    assert r.text("b").split("b.grad = ")[1].splitlines()[0] == b_before == GRAD_ROW
    assert r.c.timeline.state_at(r.c.k)[r.id("w")].grad is None
    for name in ("w", "x", "xw"):
        assert r.card(name).run_state.greyed and r.card(name).opacity() < 1
    assert not r.card("z").run_state.greyed and not r.card("b").run_state.greyed
    assert r.wire("w", "xw").greyed and r.wire("xw", "z").greyed
    assert not r.wire("b", "z").greyed and r.wire("xw", "z").label_text() == ""
    r.window.undo_stack.undo()  # trainable again: the difference goes away at once
    qtbot.waitUntil(lambda: GRAD_ROW in r.text("w"), timeout=2000)
    assert not r.card("xw").run_state.greyed


def test_jacobian_with_zeroing_off_accumulates_4_2_then_8_4(run_window):
    r = run_window("jacobian_product")
    assert not r.action("opt_zero_grad").isChecked()
    eye = np.eye(4, 5, dtype=bool)

    def inp_grad():
        return r.c.timeline.state_at(r.c.k)[r.id("inp")].grad

    r.click("backward")
    g = inp_grad()
    assert np.all(g[eye] == 4) and np.all(g[~eye] == 2)
    assert "[4., 2., 2., 2., 2.]" in r.text("inp")
    r.click("backward")
    g = inp_grad()
    assert np.all(g[eye] == 8) and np.all(g[~eye] == 4)
    assert "[8., 4., 4., 4., 4.]" in r.text("inp")
    r.click("zero_grads")
    assert inp_grad() is None and "inp.grad" not in r.text("inp")
    r.click("backward")
    assert np.all(inp_grad()[eye] == 4)
    # Zero grads on: Backward no longer accumulates
    r.action("opt_zero_grad").trigger()
    assert r.graph.run["zero_grad"] is True
    r.click("backward")
    r.click("backward")
    assert np.all(inp_grad()[eye] == 4)


def test_no_grad_run_offers_no_backward_and_says_why(run_window):
    r = run_window("detach_and_no_grad")
    r.action("opt_no_grad").trigger()
    assert r.graph.run["no_grad"] is True
    back = r.action("backward")
    assert not back.isEnabled() and "no_grad" in back.toolTip() and "grad_fn" in back.toolTip()
    option = r.action("opt_no_grad").text().replace("&", "")  # the tip names the real menu path
    assert f"untick Run ▸ Options ▸ {option})" in back.toolTip()
    r.click("run_to_end")
    tl = r.c.timeline
    assert not tl.has_backward and "no_grad" in tl.backward_unavailable_reason
    assert "requires_grad=False" in r.text("z") and "grad_fn" not in r.text("z")
    # nothing was computed with grad: every result is greyed, every .grad is None
    assert all(r.card(n).run_state.greyed for n in ("y", "y_detached", "z", "loss"))
    assert not r.card("x").run_state.greyed  # a leaf that requires grad, never reached
    assert "x.grad = None" in r.text("x") and r.wire("x", "z").greyed
    assert not r.c.step()
    assert "No backward" in r.window.statusBar().currentMessage()
    menu = r.window.view.build_context_menu(r.card("loss").sceneBoundingRect().center())
    entry = next(a for a in menu.actions() if a.objectName() == "ctx_backward_from")
    assert not entry.isEnabled() and "no_grad" in entry.toolTip()
    r.window.undo_stack.undo()
    assert r.action("backward").isEnabled()


def test_editing_after_a_run_marks_everything_stale_until_the_next_run(run_window):
    r = run_window()
    r.click("run_to_end")
    assert try_push(r.window.undo_stack, SetTensorCommand(
        r.graph, r.id("b"), TensorSpec(init="zeros", shape=(3,))))  is None
    assert r.c.stale
    for name in ("w", "b", "loss"):
        assert "stale" in r.text(name).splitlines() and r.card(name).run_state.stale
    assert r.wire("z", "loss").stale
    assert "stale" in r.window.statusBar().currentMessage().lower()
    summary = r.window.run_controller.ui.steps.summary.text()
    assert "Stale" in summary
    r.graph.move_node(r.id("x"), (5.0, 5.0))  # moving changes no number
    r.click("step")
    assert not r.c.stale and r.c.k == 0
    assert all(not (it.run_state and it.run_state.stale) for it in r.scene.node_items())
    r.click("run_to_end")
    assert "loss = 0.8962" not in r.text("loss")  # b is zeros now: another loss


def test_play_advances_on_a_timer_and_pauses_with_f5(run_window, qtbot):
    r = run_window(animate=True)
    r.window.run_controller.ui.actions.speed.setValue(10)  # 20 steps per second
    r.key(Qt.Key.Key_F5)
    assert r.c.playing and r.action("play").text() == "&Pause"
    qtbot.waitUntil(lambda: r.c.k >= 3, timeout=3000)
    r.key(Qt.Key.Key_F5)
    assert not r.c.playing
    k = r.c.k
    qtbot.wait(150)
    assert r.c.k == k and not r.c.animator.running
    r.c.jump(len(r.c.timeline) - 4)
    r.click("play")
    qtbot.waitUntil(lambda: not r.c.playing, timeout=5000)
    assert r.c.at_end and GRAD_ROW in r.text("b")
    assert all(it.pulse is None for it in r.scene.edge_items())


def test_a_step_animates_wires_without_blocking(run_window, qtbot):
    r = run_window(animate=True)
    r.c.step_ms = 2000
    r.c.step()
    while r.c.k < 1:
        r.c.step()
    r.c.step()  # xw = matmul(x, w): two wires carry values
    assert r.c.animator.running
    qtbot.waitUntil(lambda: r.wire("x", "xw").pulse is not None
                    and r.wire("x", "xw").pulse > 0.01, timeout=2000)
    assert r.card("xw").run_state.highlight == "forward" and "xw =" not in r.text("xw")
    r.key(Qt.Key.Key_F10)  # the next step does not wait: the animation jumps to its end
    assert r.c.k == 3 and "xw = " in r.text("xw") and r.wire("x", "xw").pulse is None
    r.c.animator.finish()


def right_click_menu(r, name: str, qtbot):
    """Right-click ``name``'s card on the canvas (a real mouse click on the viewport) and
    return the popup menu that opens."""
    view = r.window.view
    view.ensureVisible(r.card(name), 20, 20)
    where = view.mapFromScene(r.card(name).sceneBoundingRect().center())
    assert view.viewport().rect().contains(where)
    port = view.viewport()
    QTest.mouseClick(port, Qt.MouseButton.RightButton, pos=where)
    # what the window system sends after a right-click (QTest does not synthesize it)
    QApplication.sendEvent(port, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                   port.mapToGlobal(where)))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    return QApplication.activePopupWidget()


def choose(menu, object_name: str) -> None:
    """Click the entry ``object_name`` of an open popup ``menu`` (which then closes)."""
    action = next(a for a in menu.actions() if a.objectName() == object_name)
    assert action.isEnabled(), action.toolTip()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def entry(menu, object_name: str):
    return next(a for a in menu.actions() if a.objectName() == object_name)


def test_context_menu_backward_from_here_and_retain_grad(run_window, qtbot):
    r = run_window()
    menu = right_click_menu(r, "z", qtbot)
    keep = entry(menu, "ctx_retain_grad")
    assert keep.isEnabled() and not keep.isChecked()
    choose(menu, "ctx_retain_grad")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    assert r.graph.run["retain_grad"] == (r.id("z"),) and "retain_grad" in r.text("z")
    r.click("run_to_end")
    assert f"z.grad = {GRAD_ROW}" in r.text("z")
    r.window.undo_stack.undo()
    qtbot.waitUntil(lambda: "z.grad = None" in r.text("z"), timeout=2000)
    menu = right_click_menu(r, "w", qtbot)
    keep = entry(menu, "ctx_retain_grad")
    assert not keep.isEnabled() and "leaf" in keep.toolTip()
    menu.close()
    # backward from a non-scalar: PyTorch's message, and the seed editor fixes it
    menu = right_click_menu(r, "z", qtbot)
    choose(menu, "ctx_backward_from")
    qtbot.waitUntil(lambda: r.graph.run["loss"] == r.id("z"), timeout=2000)
    assert "loss" in r.text("z").splitlines()
    assert not r.c.timeline.has_backward
    assert "scalar outputs" in r.window.statusBar().currentMessage()
    dialog = r.window.run_controller.ui.open_seed_editor()
    dialog.ones.click()
    assert r.graph.run["gradient"].shape == (3,)
    r.click("backward")
    assert "b.grad = [1., 1., 1.]" in r.text("b")
    dialog.close()


def test_loss_box_and_options_are_undoable_run_options(run_window):
    r = run_window("fan_out_accumulation")
    box = r.window.run_controller.ui.actions.loss_box
    i = box.findData(r.id("x_squared"))
    box.setCurrentIndex(i)
    box.activated.emit(i)
    assert r.graph.run["loss"] == r.id("x_squared")
    assert "Backward: " not in r.window.undo_stack.undoText()
    r.window.undo_stack.undo()
    assert r.graph.run["loss"] == r.id("loss") and box.currentData() == r.id("loss")
    r.action("opt_retain_graph").trigger()
    assert r.graph.run["retain_graph"] is True
    r.window.undo_stack.undo()
    assert not r.action("opt_retain_graph").isChecked()


def test_empty_graph_disables_and_explains(run_window):
    r = run_window(None)
    for key in ("forward", "step", "run_to_end"):
        assert not r.action(key).isEnabled() and "empty" in r.action(key).toolTip()
    assert not r.c.play()


def test_a_graph_with_a_missing_input_runs_what_it_can_and_says_why_no_backward(run_window):
    from graphstudio.ui.commands import DisconnectCommand

    r = run_window()
    assert try_push(r.window.undo_stack, DisconnectCommand(r.graph, r.edge("w", "xw"))) is None
    r.click("run_to_end")
    tl = r.c.timeline
    assert not tl.has_backward and "loss could not be computed" in tl.backward_unavailable_reason
    assert "x = [1., 1." in r.text("x") and "xw =" not in r.text("xw")
    assert "error:" not in r.text("z")  # the card already says what it waits for
    back = r.action("backward")
    assert not back.isEnabled() and "could not be computed" in back.toolTip()
    assert "missing input" in r.window.statusBar().currentMessage()
    r.window.undo_stack.undo()
    assert r.c.stale and r.action("backward").isEnabled()


def test_a_node_with_a_shape_error_says_it_once(run_window):
    """w reshaped to (4, 3): xw's card has the error in its footer and badge; the run's error
    line repeated it in red and widened the card over z."""
    r = run_window()
    w = r.graph.node_by_name("w")
    assert try_push(r.window.undo_stack, SetTensorCommand(
        r.graph, w.id, TensorSpec(init="randn", shape=(4, 3), seed=1))) is None
    r.qtbot.waitUntil(r.card("xw").badge.isVisible)  # shape inference runs on the next turn
    width = r.card("xw").size()[0]
    r.click("run_to_end")
    text = r.text("xw")
    assert text.count("inner dimensions 5 and 4 differ") == 1 and "error:" not in text
    assert r.card("xw").size()[0] == width


def test_backward_from_a_non_scalar_says_where_the_seed_is_set(run_window):
    r = run_window()
    assert r.c.backward_from(r.id("z"))
    seed = r.action("seed").text().replace("&", "")
    status = r.window.statusBar().currentMessage()
    assert "z has shape (3,)" in status and f"(Run ▸ Options ▸ {seed})" in status
    assert f"Options ▸ {seed}" in r.action("backward").toolTip()


def test_cards_print_values_as_pytorch_does(run_window):
    """`loss = tensor(32.)`-style values, `[1., 2., 3.]`; the Python number `three` prints as
    Python (and the CLI) print it: 3.0."""
    r = run_window("fan_out_accumulation")
    r.c.run_to_end()
    assert "three = 3.0" in r.text("three").splitlines()
    assert "x = [1., 2., 3.]" in r.text("x")
    loss = r.c.timeline.node_state(r.id("loss"), len(r.c.timeline) - 1).value
    assert f"loss = {float(loss):.0f}." in r.text("loss")


def test_non_scalar_root_shows_its_seed_not_dl_dout(run_window):
    from graphstudio.ui.run.steps_dock import describe_step

    r = run_window("jacobian_product")
    r.c.run_to_end()
    tl = r.c.timeline
    root = r.graph.nodes[tl.loss_id].name
    r.c.jump(tl.forward_count)
    text = r.text(root)
    assert "\u2202L/\u2202" not in text and "seed v = [[1., 1." in text, text
    detail = describe_step(tl, tl.forward_count, r.graph)
    assert f"{root}.backward(gradient=v)" in detail and "[[1., 1." in detail
    assert "sends → " in detail and "grad 4" not in detail and "[[" in detail.split("sends")[1]


def test_non_scalar_root_labels_gradients_as_of_v_dot_root(run_window, qtbot):
    """out.backward(gradient=v) has no scalar L: what passes through is ∂(v·out)/∂name."""
    r = run_window("jacobian_product")
    r.c.run_to_end()
    root = r.graph.nodes[r.c.timeline.loss_id].name
    assert root == "out"
    for name in ("squared", "inp_plus_1"):
        text = r.text(name)
        assert f"\u2202(v\u00b7out)/\u2202{name} = " in text and "\u2202L/" not in text, text
    assert "seed v = " in r.text(root)
    values = r.window.run_controller.ui.values
    r.scene.select_nodes([r.id("squared")])
    qtbot.waitUntil(lambda: values.node_id == r.id("squared"), timeout=2000)
    values.refresh(force=True)
    title = values.grad.title.text()
    assert "\u2202(v\u00b7out)/\u2202squared" in title and "\u2202L/" not in title, title
    # a scalar loss keeps ∂L/∂name
    t = run_window()
    t.c.run_to_end()
    assert "\u2202L/\u2202z = " in t.text("z"), t.text("z")


def test_before_the_run_shows_the_grad_kept_from_the_previous_backward(run_window):
    from graphstudio.ui.run.steps_dock import describe_step

    r = run_window("jacobian_product")
    r.click("backward")
    r.click("backward")
    r.c.jump(-1)
    assert "inp.grad = [[4., 2., 2., 2., 2.]" in r.text("inp"), r.text("inp")
    assert "inp.grad" in describe_step(r.c.timeline, -1, r.graph)
    r.c.jump(len(r.c.timeline) - 1)
    assert "[8., 4., 4., 4., 4.]" in r.text("inp")


def test_restoring_the_order_does_not_make_results_stale(run_window):
    r = run_window()
    r.c.run_to_end()
    order = list(r.graph.nodes)
    assert r.graph.restore_order(order[::-1])
    assert not r.c.stale and "stale" not in r.text("loss").splitlines()
    assert "loss = 0.8962" in r.text("loss")


def test_values_dock_prints_a_python_number_as_python(run_window, qtbot):
    r = run_window("fan_out_accumulation")
    values = r.window.run_controller.ui.values
    r.c.run_to_end()
    r.scene.select_nodes([r.id("three")])
    qtbot.waitUntil(lambda: values.node_id == r.id("three"), timeout=2000)
    assert ">3.0<" in values.value.scalar.text()
    r.scene.select_nodes([r.id("loss")])
    qtbot.waitUntil(lambda: values.node_id == r.id("loss"), timeout=2000)
    assert ">32.<" in values.value.scalar.text()  # a tensor: tensor(32.)

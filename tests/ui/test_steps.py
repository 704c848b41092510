"""The Steps dock and the display as a function of k: stepping back, jumping by clicks in the
list, fan-out sums, the Values dock, and the rendered figure showing the same annotations."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.support.run_fixtures import GRAD_ROW


@pytest.mark.parametrize("example", ["tutorial_single_layer", "fan_out_accumulation",
                                     "detach_and_no_grad", "frozen_parameter"])
def test_step_back_to_k_shows_exactly_what_stepping_forward_to_k_showed(run_window, example):
    r = run_window(example)
    seen = {-1: r.snapshot()}
    r.key(Qt.Key.Key_F10)
    while True:
        seen[r.c.k] = r.snapshot()
        if r.c.at_end:
            break
        r.key(Qt.Key.Key_F10)
    n = len(r.c.timeline)
    assert set(seen) == set(range(-1, n))
    while r.c.k >= 0:
        r.key(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        assert r.snapshot() == seen[r.c.k], f"step back to {r.c.k} differs"
    # jumps in any order (clicks in the list) land on the same display too
    order = list(range(-1, n))
    random.Random(5).shuffle(order)
    for k in order:
        r.c.jump(k)
        assert r.snapshot() == seen[k], f"jump to {k} differs"


def _click_row(dock, k: int) -> None:
    index = dock.model.index(dock.model.row_of(k))
    dock.view.scrollTo(index)
    rect = dock.view.visualRect(index)
    QTest.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_step_in_the_list_jumps_there_either_way(run_window):
    r = run_window()
    r.click("run_to_end")
    dock = r.window.run_controller.ui.steps
    n = len(r.c.timeline)
    assert dock.model.row_of(n - 1) == len(dock.model.rows) - 1
    _click_row(dock, 2)  # back to "xw = torch.matmul(x, w)"
    assert r.c.k == 2 and r.card("xw").run_state.highlight == "forward"
    assert "z =" not in r.text("z") and "w.grad" not in r.text("w")
    assert "xw = torch.matmul(x, w)" in dock.detail.text()
    _click_row(dock, 9)  # forwards to AccumulateGrad(b)
    assert r.c.k == 9 and f"b.grad = {GRAD_ROW}" in r.text("b") and "w.grad = None" in r.text("w")
    assert dock.view.currentIndex().row() == dock.model.row_of(9)
    assert "Step <b>10</b> of 13" in dock.summary.text()
    header = next(i for i, row in enumerate(dock.model.rows) if row[0] == "header")
    rect = dock.view.visualRect(dock.model.index(header))
    QTest.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert r.c.k == 9  # a header is not a step
    _click_row(dock, -1)
    assert r.c.k == -1 and all(it.run_state is None for it in r.scene.node_items())


def test_step_rows_name_pytorch_grad_fns_in_order(run_window):
    r = run_window()
    r.click("run_to_end")
    rows = r.window.run_controller.ui.steps.model.rows
    kinds = [row[0] for row in rows]
    assert kinds[:2] == ["start", "header"] and kinds.count("header") == 2
    assert [row[2] for row in rows if row[0] == "backward"] == [
        "BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad",
        "SqueezeBackward4", "MmBackward0", "AccumulateGrad"]
    forward = [row[2] for row in rows if row[0] == "forward"]
    assert forward[0] == "x = torch.ones(5)" and "xw = torch.matmul(x, w)" in forward
    assert forward[-1].startswith("loss = F.binary_cross_entropy_with_logits(z, y")


def test_fan_out_contributions_show_and_then_their_sum(run_window):
    r = run_window("fan_out_accumulation")
    r.click("run_to_end")
    tl = r.c.timeline
    acc = next(s for s in tl.backward_steps if s.name == "AccumulateGrad")
    assert len(acc.contributions) == 3
    r.c.jump(acc.index - 1)  # the contributions have arrived, each on its own wire
    x_wires = [it for it in r.scene.edge_items() if it.edge.src == r.id("x")]
    # the two x -> x_squared wires say which port each gradient is for
    assert sorted(it.label_text() for it in x_wires) == sorted(
        ["input: [1., 2., 3.]", "other: [1., 2., 3.]", "[3., 3., 3.]"])
    from graphstudio.ui.run.steps_dock import describe_step

    mul = next(s for s in tl.backward_steps if s.node_id == r.id("x_squared"))
    text = describe_step(tl, mul.index, r.graph)
    assert "x (as input): " in text and "x (as other): " in text
    assert "x.grad = None" in r.text("x")
    r.c.jump(acc.index)  # AccumulateGrad sums them into x.grad
    assert all(it.highlighted == "backward" for it in x_wires)
    assert "x.grad = [5., 7., 9.]" in r.text("x")
    detail = r.window.run_controller.ui.steps.detail.text()
    assert "3 gradients arrived" in detail and "[5., 7., 9.]" in detail


def test_detach_cuts_the_path_and_greys_it(run_window):
    r = run_window("detach_and_no_grad")
    r.click("run_to_end")
    assert "x.grad = [ 2., -4.,  1.]" in r.text("x")
    assert r.card("y_detached").run_state.greyed and "requires_grad=False" in r.text("y_detached")
    assert r.wire("y_detached", "z").greyed and not r.wire("x", "z").greyed
    assert r.wire("y", "y_detached").label_text() == "" and r.wire("y", "y_detached").greyed
    assert not r.wire("x", "y").greyed and r.wire("x", "y").label_text() == ""


def test_values_dock_tables_heatmaps_rule_and_formula(run_window, qtbot):
    r = run_window()
    values = r.window.run_controller.ui.values
    r.click("run_to_end")
    r.scene.select_nodes([r.id("w")])
    qtbot.waitUntil(lambda: values.node_id == r.id("w"), timeout=2000)
    assert values.value.table.rowCount() == 5 and values.value.table.columnCount() == 3
    assert values.grad.table.item(4, 1).text() == "0.2771"
    assert values.value.heat.isVisibleTo(values) and values.grad.heat.isVisibleTo(values)
    vmax = float(np.abs(r.c.timeline.state_at(12)[r.id("w")].value).max())
    # by default value and gradient each get their own symmetric scale: w.grad (0.12-0.28)
    # would be nearly white on the value's ±1.59
    assert not values.same_scale.isChecked()
    assert values.colorbar.vmax == pytest.approx(vmax)
    assert values.grad.image.levels == pytest.approx((-0.2771, 0.2771), abs=1e-4)
    values.same_scale.setChecked(True)  # one scale for value and gradient
    assert values.grad.image.levels[1] == pytest.approx(vmax)
    values.same_scale.setChecked(False)
    assert values.grad.image.levels[1] == pytest.approx(0.2771, abs=1e-4)
    assert "AccumulateGrad" in values.grad_note.text()
    r.scene.select_nodes([r.id("z")])
    qtbot.waitUntil(lambda: values.node_id == r.id("z"), timeout=2000)
    assert "passing through" in values.grad.title.text()
    assert "Retain Grad" in values.grad_note.text()
    # the rule is the engine's own text for the grad_fn z recorded (one source with its formula)
    assert values.rule.text().startswith("self: grad (summed back over the dims")
    assert "other: alpha * grad" in values.rule.text()
    r.scene.select_nodes([r.id("loss")])
    qtbot.waitUntil(lambda: values.node_id == r.id("loss"), timeout=2000)
    assert "0.8962" in values.value.scalar.text() and "log" in values.formula.text()
    assert values.formula.isVisibleTo(values)
    r.key(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "step 12 of 13" in values.where.text(), timeout=2000)


def test_values_dock_histogram_for_large_tensors(run_window, qtbot):
    r = run_window("mlp_classifier")
    values = r.window.run_controller.ui.values
    r.click("run_to_end")
    r.scene.select_nodes([r.id("X")])
    qtbot.waitUntil(lambda: values.node_id == r.id("X"), timeout=2000)
    assert values.value.hist.isVisibleTo(values) and not values.value.table.isVisibleTo(values)
    assert "180 elements" in values.value.stats.text()
    assert "does not require grad" in values.grad_note.text()
    r.scene.select_nodes([r.id("W1")])
    qtbot.waitUntil(lambda: values.node_id == r.id("W1"), timeout=2000)
    assert values.grad.hist.isVisibleTo(values) and values.grad.table.rowCount() == 24


def test_render_after_backward_shows_what_the_window_shows_at_the_end(run_window, tmp_path):
    from PySide6.QtGui import QUndoStack

    from graphstudio.files.gsgraph import load_graph
    from graphstudio.ui.canvas.scene import GraphScene
    from graphstudio.ui.render import apply_run
    from tests.support.run_fixtures import EXAMPLES

    r = run_window()
    r.click("run_to_end")
    graph = load_graph(EXAMPLES / "tutorial_single_layer.gsgraph")
    scene = GraphScene(graph, QUndoStack())
    apply_run(scene, graph, "backward")
    for nid in graph.nodes:
        assert scene.node_item(nid).display_text() == r.scene.node_item(nid).display_text()
    for edge in graph.edges:
        assert scene.edge_item(edge).label_text() == r.scene.edge_item(edge).label_text()
        assert scene.edge_item(edge).greyed == r.scene.edge_item(edge).greyed
    scene.detach()


def test_big_graph_cards_off_screen_catch_up_in_slices(big_run, qtbot):
    from graphstudio.ui.canvas.preview import grad_label
    from graphstudio.ui.run.display import display_at

    c, scene, _view = big_run(300)
    graph = c.graph
    assert c.run_to_end()
    assert c.display.pending > 0  # the cards on screen first, the rest from the event loop
    # a generous timeout: CI machines are shared
    qtbot.waitUntil(lambda: c.display.pending == 0, timeout=30000)
    nodes, edges = display_at(c.timeline, c.k, graph)
    for nid, state in nodes.items():
        assert scene.node_item(nid).display_text() == _text_for(scene, nid, state)
    for edge, d in edges.items():
        assert scene.edge_item(edge).label_text() == ("" if d.grad is None
                                                      else grad_label(d.grad))
        assert scene.edge_item(edge).greyed == d.greyed


def _text_for(scene, nid, state):
    """The card text ``state`` gives (shown on a scratch copy of the card's run state)."""
    item = scene.node_item(nid)
    shown = item.run_state
    item.set_run_state(state)
    text = item.display_text()
    item.set_run_state(shown)
    return text


def test_keys_in_the_steps_list_and_a_theme_switch(run_window, qtbot):
    r = run_window()
    r.click("run_to_end")
    view = r.window.run_controller.ui.steps.view
    _click_row(r.window.run_controller.ui.steps, len(r.c.timeline) - 1)  # focus, as a person
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert r.c.k == len(r.c.timeline) - 3
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert r.c.k == -1
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert r.c.k == 0 and "x = [1., 1." in r.text("x")
    QTest.keyClick(view, Qt.Key.Key_End)
    assert r.c.at_end
    before = r.text("w")
    r.window.set_theme("dark")
    assert r.text("w") == before and r.card("w").theme.name == "dark"
    r.window.run_controller.ui.values.refresh(force=True)
    r.window.set_theme("light")


def test_removing_the_seed_of_a_non_scalar_loss_explains_and_ones_fixes_it(run_window):
    r = run_window("jacobian_product")
    dialog = r.window.run_controller.ui.open_seed_editor()
    assert "shape <b>(5, 4)</b>" in dialog.root.text() and dialog.remove.isEnabled()
    dialog.remove.click()
    assert "gradient" not in r.graph.run
    r.click("backward")
    assert not r.c.timeline.has_backward
    assert "set a gradient seed" in r.action("backward").toolTip()
    assert "set a gradient seed" in r.window.statusBar().currentMessage()
    dialog.ones.click()
    assert r.graph.run["gradient"].shape == (5, 4) and r.c.stale
    r.click("backward")
    assert r.c.timeline.has_backward
    r.window.undo_stack.undo()  # the seed is an undoable run option
    assert "gradient" not in r.graph.run
    dialog.close()


def test_sends_text_uses_the_cards_number_format(run_window):
    """'received [1.0000, ...]' and 'sends → x: [...]' read with the same 4 decimals."""
    from graphstudio.ui.run.steps_dock import describe_step

    r = run_window()
    r.step_to_end()
    tl = r.c.timeline
    texts = [describe_step(tl, k, r.graph) for k in range(tl.forward_count, len(tl))]
    assert any("sends → " in t and "[0.1242, 0.2771, 0.1192]" in t for t in texts), texts


def test_accumulate_grad_on_a_matrix_shows_previous_plus_received(run_window):
    from graphstudio.ui.run.steps_dock import describe_step

    r = run_window("jacobian_product")
    r.c.run_to_end()
    r.graph.run["zero_grad"] = False  # the jacobian example accumulates with zeroing off
    r.c.backward()
    tl = r.c.timeline
    acc = [s for s in tl.backward_steps if s.leaf_id == r.id("inp")][-1]
    text = describe_step(tl, acc.index, r.graph)
    assert "previous .grad" in text and "(received)" in text and "a tensor of shape" not in text
    assert "[[8., 4., 4., 4., 4.]" in text and "[[4., 2., 2., 2., 2.]" in text, text


def test_long_grad_fn_names_wrap_instead_of_being_cut(run_window):
    """'Step 8 · BinaryCrossEntropyWithLogitsBackward0' kept its final 0 in a narrow dock."""
    import re

    from PySide6.QtGui import QFontMetrics

    from graphstudio.ui.run.steps_dock import StepsDock

    r = run_window()
    steps = r.window.findChild(StepsDock)
    r.c.run_to_end()
    tl = r.c.timeline
    for k in (tl.forward_count - 1, tl.forward_count):  # loss's forward step, its grad_fn
        r.c.jump(k)
        detail = steps.detail
        detail.resize(220, detail.height())
        assert "Backward0" in detail.text().replace("\u200b", "")
        fm_bold = QFontMetrics(detail.font())
        plain = re.sub(r"<[^>]+>", " ", detail.text()).replace("&lt;", "<").replace("&gt;", ">")
        words = re.split(r"[\s\u200b]+", plain)
        assert max(fm_bold.horizontalAdvance(w) for w in words) * 1.15 < 220, words
        assert "BinaryCrossEntropyWithLogitsBackward0" in detail.toolTip()


def test_values_dock_follows_the_step_while_nothing_is_selected(run_window, qtbot):
    """With no node selected the Values dock shows the node the current step ran (at 1280x800
    it was an empty panel saying "Select one node"); a selection pins it."""
    r = run_window()
    values = r.window.run_controller.ui.values
    r.scene.select_nodes([])
    r.key(Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: values.node_id == r.id("x"), timeout=2000)
    r.key(Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: values.node_id == r.id("w"), timeout=2000)
    r.scene.select_nodes([r.id("b")])
    r.key(Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: values.node_id == r.id("b"), timeout=2000)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_step_numbers_of_a_long_run_fit_their_column(qapp, scale):
    # a 10,000-node graph's run has 24,044 steps: "24044" must not lose its first digit
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QWidget

    from graphstudio.ui.run.steps_dock import StepDelegate

    class Rows:
        count = 24_044

        def rowCount(self):  # noqa: N802 (Qt's name)
            return self.count

    dock = QWidget()
    dock.model = Rows()
    delegate = StepDelegate(dock)
    delegate.set_scale(scale)
    fm = QFontMetrics(delegate.small)
    assert delegate.number_width() - 4 >= fm.horizontalAdvance("24044")
    dock.model.count = 40
    assert delegate.number_width() == 34.0  # a short run keeps the narrow column

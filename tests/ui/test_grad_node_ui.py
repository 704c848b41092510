"""The Grad node in the window: its inner backward nested in the Steps dock and drawn on the
canvas in its own style while stepping, and gradient hooks set from a node's context menu."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from graphstudio.ui.run.steps_dock import step_rows
from tests.ui.test_run import right_click_menu


def test_inner_backward_rows_and_canvas_style(run_window, qtbot):
    r = run_window("second_derivative")
    while r.c.timeline is None or r.c.k < 4:  # F10 up to the first inner step
        r.key(Qt.Key.Key_F10)
    rows = step_rows(r.c.timeline, r.graph)
    by_k = {k: (kind, title, sub) for kind, k, title, sub in rows}
    assert by_k[3][0] == "forward" and by_k[3][1].startswith("dy_dx = torch.autograd.grad(")
    assert by_k[4] == ("inner", "\u21b3 PowBackward0", "y")
    assert by_k[5] == ("inner", "\u21b3 AccumulateGrad", "\u2192 dy_dx")
    assert by_k[7][2] == "dy_dx \u00b7 grad op" and by_k[11][0] == "backward"
    # step 5 (k = 4): y's PowBackward0 inside dy_dx: teal dashed wires, both cards glow teal
    assert r.c.k == 4
    seed, back = r.wire("y", "dy_dx"), r.wire("x", "y")
    assert seed.inner and seed.label_text() == "1." and "Grad node" in seed.toolTip()
    assert back.inner and back.highlighted == "inner" and back.label_text() == "12."
    assert r.card("y").run_state.highlight == "inner"
    assert r.card("dy_dx").run_state.highlight == "inner"
    detail = r.window.findChild(QLabel, "step_detail").text().replace("\u200b", "")
    assert "PowBackward0</b> (y) inside dy_dx" in detail and "seed 1." in detail
    r.key(Qt.Key.Key_F10)
    r.key(Qt.Key.Key_F10)  # k = 6: d2y's forward step, the inner gradients are gone
    assert r.c.k == 6 and not back.inner and back.label_text() == ""
    r.key(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # back into the group
    assert r.c.k == 5 and r.wire("x", "dy_dx").inner
    r.c.jump(len(r.c.timeline) - 1)  # the outer backward: orange, solid
    assert not back.inner and float(r.c.timeline.state_at(r.c.k)[r.id("x")].grad) == 6.0


def test_hook_from_the_context_menu_is_a_step_and_undoable(run_window, qtbot, monkeypatch):
    r = run_window("second_derivative")
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: (0.5, True))
    menu = right_click_menu(r, "d2y", qtbot)
    sub = next(a for a in menu.actions() if a.objectName() == "ctx_gradient_hook").menu()
    assert sub.isEnabled()
    scale = next(a for a in sub.actions() if a.objectName() == "ctx_hook_scale")
    assert not scale.isChecked()
    menu.close()
    scale.trigger()
    assert r.graph.run["hooks"] == {r.id("d2y"): {"kind": "scale", "k": 0.5}}
    r.click("run_to_end")
    tl = r.c.timeline
    hook = next(s for s in tl.backward_steps if s.hook is not None)
    assert hook.label == "hook on d2y: grad \u00d7 0.5" and hook.index == tl.forward_count
    assert float(tl.state_at(len(tl) - 1)[r.id("x")].grad) == 3.0  # 6 x 0.5
    rows = step_rows(tl, r.graph)
    assert ("backward", hook.index, "hook on d2y: grad \u00d7 0.5", "hook") in rows
    r.window.undo_stack.undo()
    assert "hooks" not in r.graph.run
    qtbot.waitUntil(lambda: r.c.timeline is None or all(
        getattr(s, "hook", None) is None for s in r.c.timeline.steps), timeout=3000)
    np.testing.assert_equal(r.graph.run.get("hooks"), None)

"""Sessions in the window: the Steps dock lists the Jacobian session as sections, F10 walks
across them while inp.grad goes 4/2 -> 8/4 -> 0 -> 4/2 on the canvas, and the Session dock
edits the actions (add, remove, reorder), each an undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

ROW_4_2 = "[[4., 2., 2., 2., 2.],"
ROW_8_4 = "[[8., 4., 4., 4., 4.],"
ROW_ZERO = "[[0., 0., 0., 0., 0.],"


def grad_row(r) -> str | None:
    text = r.text("inp")
    at = text.find("inp.grad = ")
    return None if at < 0 else text[at + len("inp.grad = "):].split("\n")[0].strip()


def test_stepping_walks_the_jacobian_session_across_its_sections(run_window):
    r = run_window("jacobian_product")
    dock = r.window.run_controller.ui.steps
    seen = []
    r.key(Qt.Key.Key_F10)
    while True:
        step = r.c.timeline.steps[r.c.k]
        section = r.c.timeline.section_at(r.c.k)
        if step.kind in ("print", "zero_") or (step.kind == "backward"
                                              and step.name == "AccumulateGrad"):
            seen.append((section.title, step.kind, grad_row(r)))
        if r.c.at_end:
            break
        r.key(Qt.Key.Key_F10)
    assert seen == [
        ("backward #1", "backward", ROW_4_2), ("backward #1", "print", ROW_4_2),
        ("backward #2", "backward", ROW_8_4), ("backward #2", "print", ROW_8_4),
        ("zero_()", "zero_", ROW_ZERO),
        ("backward #3", "backward", ROW_4_2), ("backward #3", "print", ROW_4_2)]
    headers = [title for kind, _k, title, _s in dock.model.rows if kind == "header"]
    assert headers == ["forward · 6 steps", "backward #1 · 4 steps", "backward #2 · 4 steps",
                       "zero_() · 1 step", "backward #3 · 4 steps"]
    assert "Call after zeroing gradients" in dock.detail.text()
    assert "backward #3" in dock.summary.text()
    # stepping back across the zero_() shows 8/4 again
    while r.c.timeline.steps[r.c.k].kind != "zero_":
        r.key(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert grad_row(r) == ROW_ZERO
    r.key(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert grad_row(r) == ROW_8_4


def _press(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_session_dock_edits_actions_undoably_and_step_replays_the_edit(run_window):
    r = run_window("jacobian_product")
    session = r.window.run_controller.ui.session
    r.window.docks["session"].raise_()
    assert session.list.count() == 8
    r.c.run_to_end()
    assert grad_row(r) == ROW_4_2
    # remove inp.grad.zero_(): the third backward accumulates to 12/6
    session.list.setCurrentRow(5)
    assert session.list.currentItem().text() == "inp.grad.zero_()"
    _press(session.buttons["remove"])
    assert session.list.count() == 7 and r.c.stale
    r.c.run_to_end()
    assert grad_row(r) == "[[12.,  6.,  6.,  6.,  6.],"  # as torch prints it
    assert [s.title for s in r.c.timeline.sections][-1] == "backward #3"
    # move the first print down past the second backward
    session.list.setCurrentRow(2)
    _press(session.buttons["down"])
    assert session.list.item(3).text().startswith('print(f"First call')
    # add an action after the selected row from the Add menu
    session.list.setCurrentRow(0)
    session._fill_add_menu()
    zero_menu = next(a.menu() for a in session.add_menu.actions()
                     if a.menu() is not None and a.text() == "Zero .grad of")
    zero_menu.actions()[0].trigger()
    assert session.list.item(1).text() == "inp.grad.zero_()"
    stack = r.window.undo_stack
    for _ in range(3):
        stack.undo()
    assert session.list.count() == 8 and session.list.item(5).text() == "inp.grad.zero_()"
    r.c.run_to_end()
    assert grad_row(r) == ROW_4_2

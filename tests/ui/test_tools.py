"""Check Gradients, Export PyTorch Script and New From Code, driven through the window."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.literals import tensor_literal
from graphstudio.pytorch.export import export_script
from graphstudio.ui.commands import AddNodeCommand, try_push
from graphstudio.ui.tools import gradcheck_dialog
from graphstudio.ui.tools.gradcheck_dialog import COLUMNS, GradcheckMark
from tests.support.tools_fixtures import EXAMPLES, run_output

Button = QMessageBox.StandardButton
RESULT = len(COLUMNS) - 1


def table(dlg) -> list[list[str]]:
    t = dlg.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def marks(tw) -> list[GradcheckMark]:
    return [it for it in tw.scene.items() if isinstance(it, GradcheckMark)]


# ---------------------------------------------------------------------- menus
def test_menus_and_docks_are_installed(tools_window):
    tw = tools_window()
    w = tw.window
    run = [a.text() for a in w.menu("run").actions()]
    assert "&Train…" in run and "Check &Gradients…" in run
    file_menu = [a.text() for a in w.menu("file").actions()]
    assert file_menu[file_menu.index("&New") + 1] == "New From &Code…"
    assert file_menu[file_menu.index("&Export Image…") + 1] == "Export PyTorch &Script…"
    assert {"training", "code"} <= set(w.docks)
    panels = w._panels_menu.actions()
    assert w.actions["panel_training"] in panels and w.actions["panel_code"] in panels
    assert not w.docks["training"].isVisible() and not w.docks["code"].isVisible()
    assert w.actions["train"].shortcut().toString() == "Ctrl+T"
    assert w.actions["check_gradients"].shortcut().toString() == "Ctrl+G"


def test_run_menu_entries_stay_last_whatever_the_install_order(make_window):
    from graphstudio.ui.run import install_run_ui
    from graphstudio.ui.tools import install_tools_ui

    w = make_window()
    install_tools_ui(w)
    install_run_ui(w)
    menu = w.menu("run")
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts[-2:] == ["&Train…", "Check &Gradients…"] and menu.actions()[-3].isSeparator()
    assert texts[0] == "&Forward"


# ---------------------------------------------------------------------- gradient check
def test_gradcheck_passes_on_the_tutorial_and_tags_clear_on_close(tools_window):
    tw = tools_window("tutorial_single_layer")
    tw.window.actions["check_gradients"].trigger()
    dlg = tw.tools.gradcheck_dialog
    assert dlg.isVisible()
    rows = table(dlg)
    assert [r[0] for r in rows] == ["w", "b"] and [r[1] for r in rows] == ["5×3", "3"]
    assert all(r[RESULT] == "pass" for r in rows)
    assert all(float(r[2]) < 1e-6 for r in rows)
    assert "2 parameters checked: all pass" in dlg.summary.text()
    tags = marks(tw)
    assert len(tags) == 2 and all(m.passed and m.text.startswith("grad ✓") for m in tags)
    assert {m.parentItem().node_id for m in tags} == {tw.id("w"), tw.id("b")}
    dlg.table.selectRow(1)
    assert tw.scene.selected_node_ids() == [tw.id("b")]
    dlg.close()
    assert marks(tw) == []


def test_gradcheck_rows_go_when_another_graph_opens(tools_window):
    """The table kept the previous document's parameters after File > Open or New."""
    tw = tools_window("tutorial_single_layer")
    tw.window.actions["check_gradients"].trigger()
    dlg = tw.tools.gradcheck_dialog
    assert dlg.table.rowCount() == 2
    assert tw.window.files.open_file(EXAMPLES / "mlp_classifier.gsgraph", ask=False)
    assert dlg.table.rowCount() == 0 and dlg.reports == [] and marks(tw) == []
    assert "Another graph is open" in dlg.summary.text()
    dlg.run()
    assert [r[0] for r in table(dlg)] == ["W1", "b1", "W2", "b2"]
    dlg.close()


def test_gradcheck_flags_a_wrong_gradient(tools_window, monkeypatch):
    real = gradcheck_dialog.check_graph_gradients

    def broken(graph, **kw):  # autograd's w.grad off by 0.5 at [1, 2]
        out = []
        for r in real(graph, **kw):
            if r.name == "w":
                wrong = r.analytical.copy()
                wrong[1, 2] += 0.5
                r = dataclasses.replace(r, analytical=wrong, max_abs_err=0.5, max_rel_err=4.0,
                                        worst_index=(1, 2), passed=False)
            out.append(r)
        return out

    monkeypatch.setattr(gradcheck_dialog, "check_graph_gradients", broken)
    tw = tools_window("tutorial_single_layer")
    dlg = tw.tools.check_gradients()
    rows = table(dlg)
    assert rows[0][RESULT] == "FAIL" and rows[0][4] == "[1, 2]" and rows[1][RESULT] == "pass"
    assert "1 of 2 checked parameters FAIL: w" in dlg.summary.text()
    assert tw.scene.selected_node_ids() == [tw.id("w")]
    failing = [m for m in marks(tw) if not m.passed]
    assert len(failing) == 1 and failing[0].text == "grad ✗  at [1, 2]"
    assert "autograd" in failing[0].toolTip() and "numerical" in failing[0].toolTip()
    assert dlg.table.item(0, RESULT).background().color().red() > 150  # the error colour
    try_push(tw.window.undo_stack, AddNodeCommand(tw.graph, "relu"))
    assert marks(tw) == [] and "graph changed" in dlg.summary.text()


def test_gradcheck_cancel_and_refusal(tools_window, monkeypatch):
    tw = tools_window("mlp_classifier")
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dlg = tw.tools.check_gradients()
    assert all(r[RESULT] == "skipped: cancelled" for r in table(dlg))
    assert "No parameter was checked (4 skipped)" in dlg.summary.text()
    monkeypatch.undo()
    for name in ("W1", "b1", "W2", "b2"):
        tw.graph.set_attr(tw.id(name), "requires_grad", False)
    assert dlg.run() is False
    assert "Cannot check gradients" in dlg.summary.text() and dlg.table.rowCount() == 0


# ---------------------------------------------------------------------- export
def test_export_writes_the_script_atomically(tools_window, dialogs, tmp_path):
    tw = tools_window("mlp_classifier")
    target = tmp_path / "mlp_script"
    dialogs.save_paths.append(str(target))
    tw.window.actions["export_script"].trigger()
    written = tmp_path / "mlp_script.py"  # the suffix is added
    text = written.read_text(encoding="utf-8")
    assert text == export_script(tw.graph)
    compile(text, str(written), "exec")
    assert [p.name for p in tmp_path.iterdir()] == ["mlp_script.py"]  # no temp file left
    assert "Exported mlp_script.py" in tw.window.statusBar().currentMessage()

    dialogs.save_paths.append(str(tmp_path / "missing" / "x.py"))
    dialogs.answer(Button.Ok)
    tw.window.actions["export_script"].trigger()
    assert "could not be written" in dialogs.texts
    assert QApplication.overrideCursor() is None  # the busy cursor is gone after a failure


def test_export_shows_a_busy_cursor_while_writing(tools_window, dialogs, tmp_path,
                                                  monkeypatch):
    """Every value is written out: a 1000x1000 parameter takes seconds."""
    from graphstudio.ui.tools import export_actions

    shapes = []

    def export(graph):
        cursor = QApplication.overrideCursor()
        shapes.append(None if cursor is None else cursor.shape())
        return export_script(graph)

    monkeypatch.setattr(export_actions, "export_script", export)
    tw = tools_window("tutorial_single_layer")
    dialogs.save_paths.append(str(tmp_path / "t.py"))
    tw.window.actions["export_script"].trigger()
    assert shapes == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None


# ---------------------------------------------------------------------- new from code
def tutorial_text() -> str:
    ex = load_graph(EXAMPLES / "tutorial_single_layer.gsgraph")
    w, b = (tensor_literal(ex.node_by_name(n).tensor.values) for n in ("w", "b"))
    return (f"import torch\n\nx = torch.ones(5)  # input tensor\ny = torch.zeros(3)\n"
            f"w = torch.tensor({w}, requires_grad=True)\n"
            f"b = torch.tensor({b}, requires_grad=True)\n"
            "z = torch.matmul(x, w)+b\n"
            "loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)\n"
            "loss.backward()\n")


def test_new_from_code_gives_the_tutorial_graph(tools_window, dialogs, tmp_path):
    tw = tools_window()
    assert try_push(tw.window.undo_stack, AddNodeCommand(tw.graph, "relu")) is None
    tw.window.actions["new_from_code"].trigger()
    dlg = tw.tools.code_dialog
    assert dlg.isVisible() and "torch.randn(5, 3, requires_grad=True)" in dlg.editor.toPlainText()
    assert dlg.ok_button.isEnabled()  # the tutorial's own code reads
    dlg.editor.setPlainText(tutorial_text())
    assert not dlg.ok_button.isEnabled()  # until it was read again
    tw.qtbot.waitUntil(dlg.ok_button.isEnabled, timeout=3_000)
    assert dlg.status.text().startswith("✓ 7 nodes, 6 wires, 2 parameters")
    dialogs.answer(Button.Discard)  # the relu added above is not saved
    tw.click(dlg.ok_button)
    assert "Unsaved changes" in dialogs.texts
    assert [n.name for n in tw.graph] == ["x", "w", "xw", "b", "z", "y", "loss"]
    want = run_output(load_graph(EXAMPLES / "tutorial_single_layer.gsgraph"), tmp_path)
    assert run_output(tw.graph, tmp_path) == want
    assert tw.window.undo_stack.count() == 0 and tw.window.isWindowModified()
    assert tw.window.document.path is None
    xs = {n.name: n.pos[0] for n in tw.graph}
    assert xs["x"] < xs["xw"] < xs["z"] < xs["loss"]  # laid out left to right


def test_new_from_code_cancelled_at_the_prompt_keeps_the_document(tools_window, dialogs):
    tw = tools_window("tutorial_single_layer")
    try_push(tw.window.undo_stack, AddNodeCommand(tw.graph, "relu"))
    names = [n.name for n in tw.graph]
    dlg = tw.tools.new_from_code()
    dialogs.answer(Button.Cancel)
    tw.click(dlg.ok_button)
    assert [n.name for n in tw.graph] == names and tw.window.undo_stack.count() == 1
    assert "cancelled" in tw.window.statusBar().currentMessage()


def test_a_bad_line_is_named_and_tinted(tools_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    tw = tools_window()
    dlg = tw.tools.new_from_code()
    editor = dlg.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, "out = torch.frobnicate(z)")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    line = editor.toPlainText().splitlines().index("out = torch.frobnicate(z)") + 1
    qtbot.waitUntil(lambda: dlg.error is not None, timeout=3_000)
    assert dlg.error_line() == line
    assert dlg.status.text() == f"✗ Line {line}: unsupported call torch.frobnicate"
    assert not dlg.ok_button.isEnabled()
    tinted = [s.cursor.blockNumber() + 1 for s in editor.extraSelections()]
    assert tinted == [line]
    dlg.accept()  # Enter in the dialog does nothing while the code has a problem
    assert dlg.isVisible() and len(tw.graph) == 0
    editor.setPlainText("x = (")
    assert dlg.validate() is False and dlg.error_line() == 1
    dlg.reject()
    assert len(tw.graph) == 0


def test_every_tools_action_copes_with_an_empty_graph(tools_window, dialogs, tmp_path):
    tw = tools_window()
    w = tw.window
    w.actions["train"].trigger()
    assert not tw.tools.training.start_button.isEnabled()
    dlg = tw.tools.check_gradients()
    assert "Cannot check gradients" in dlg.summary.text()
    dlg.close()
    dialogs.save_paths.append(str(tmp_path / "empty.py"))
    w.actions["export_script"].trigger()
    compile((tmp_path / "empty.py").read_text(encoding="utf-8"), "empty.py", "exec")
    w.actions["new_from_code"].trigger()
    tw.tools.code_dialog.reject()
    w.actions["panel_code"].trigger()
    assert tw.tools.code.info.text() == "PyTorch · empty graph"
    assert len(tw.graph) == 0 and w.undo_stack.count() == 0


def test_new_from_code_refuses_a_tensor_too_big_for_a_graph_file(tools_window):
    """torch.ones(100000, 100000) was accepted: its run failed allocating 37 GiB (or took the
    machine's memory) and its saved file would not open again."""
    tw = tools_window()
    dlg = tw.tools.new_from_code()
    dlg.editor.setPlainText("import torch\nx = torch.ones(5)\n"
                            "big = torch.ones(100000, 100000, requires_grad=True)\n")
    assert dlg.validate() is False and dlg.error_line() == 3
    assert dlg.status.text() == ("✗ Line 3: big would hold 10,000,000,000 elements: at most "
                                 "10,000,000")
    assert not dlg.ok_button.isEnabled()
    dlg.editor.setPlainText("import torch\nbig = torch.ones(1000, 1000)\n")
    assert dlg.validate() is True
    dlg.reject()

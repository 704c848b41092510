"""The Code dock: the graph as its PyTorch program, the selected node's lines highlighted."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest

from graphstudio.graph.model import TensorSpec
from graphstudio.pytorch.export import export_with_spans
from graphstudio.ui.commands import RenameNodeCommand, SetTensorCommand, try_push
from graphstudio.ui.tools.code_dock import COMPACT_LITERAL, DEBOUNCE_MS


def open_code(tw):
    tw.window.actions["panel_code"].trigger()
    dock = tw.window.docks["code"]
    tw.qtbot.waitUntil(dock.isVisible, timeout=2_000)
    return tw.tools.code


def line_of(code, start: str) -> int:
    return next(i for i, ln in enumerate(code.script.splitlines(), 1) if ln.startswith(start))


def test_code_shows_the_graph_and_highlights_the_selected_node(tools_window):
    tw = tools_window("tutorial_single_layer")
    code = open_code(tw)
    script, spans = export_with_spans(tw.graph, COMPACT_LITERAL)
    assert code.editor.toPlainText() == script
    assert code.editor.isReadOnly()
    tw.scene.select_nodes([tw.id("z")])
    assert code.selected_lines() == [line_of(code, "z = xw + b")]
    tw.scene.select_nodes([tw.id("w")])
    first, last = spans[tw.id("w")]
    assert code.selected_lines() == list(range(first, last + 1)) and last > first
    assert code.editor.textCursor().blockNumber() + 1 == first  # scrolled to it
    tw.scene.select_nodes([])
    assert code.selected_lines() == []


def test_code_follows_a_rename_after_the_edits_settle(tools_window):
    tw = tools_window("tutorial_single_layer")
    code = open_code(tw)
    tw.scene.select_nodes([tw.id("z")])
    assert try_push(tw.window.undo_stack, RenameNodeCommand(tw.graph, tw.id("z"), "logits")) \
        is None
    assert "z = xw + b" in code.editor.toPlainText()  # debounced: not at once
    tw.qtbot.waitUntil(lambda: "logits = xw + b" in code.editor.toPlainText(), timeout=3_000)
    assert code.selected_lines() == [line_of(code, "logits = xw + b")]
    assert "F.binary_cross_entropy_with_logits(logits, y)" in code.script
    tw.window.undo_stack.undo()
    tw.qtbot.waitUntil(lambda: "z = xw + b" in code.editor.toPlainText(), timeout=3_000)


def test_clicking_a_statement_selects_its_node(tools_window):
    tw = tools_window("tutorial_single_layer")
    code = open_code(tw)
    editor = code.editor
    block = editor.document().findBlockByNumber(line_of(code, "loss = ") - 1)
    editor.setTextCursor(QTextCursor(block))
    editor.centerCursor()
    assert tw.scene.selected_node_ids() == []
    rect = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
    QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(30, int(rect.center().y())))
    assert tw.scene.selected_node_ids() == [tw.id("loss")]


def test_big_tensors_compact_unless_all_values_and_hidden_dock_catches_up(tools_window):
    tw = tools_window("mlp_classifier")
    code = open_code(tw)
    assert "X = torch.zeros(90, 2)  # 180 float32 values not shown" in code.script
    tw.click(code.all_values)
    assert "X = torch.tensor([" in code.script
    tw.click(code.all_values)
    tw.window.docks["code"].hide()
    b2 = tw.graph.node_by_name("b2")
    spec = TensorSpec.from_array(b2.tensor.to_numpy() + 1, "float32")
    assert try_push(tw.window.undo_stack, SetTensorCommand(tw.graph, b2.id, spec)) is None
    tw.qtbot.wait(2 * DEBOUNCE_MS)
    assert "b2 = torch.zeros(3" in code.script  # not regenerated while hidden
    tw.window.docks["code"].show()
    assert "b2 = torch.tensor([1.0, 1.0, 1.0], requires_grad=True)" in code.script
    code.copy()
    assert QGuiApplication.clipboard().text() == code.script


def test_all_values_leaves_out_huge_tensors(tools_window):
    """With a 1000x1000 parameter "All values" wrote 12 MB into the dock: 6.7 s to show it and
    15 s to select a node; tensors beyond ALL_VALUES_LIMIT stay compact."""
    tw = tools_window("mlp_classifier")
    code = open_code(tw)
    X = tw.graph.node_by_name("X")
    n = 110  # 11,000 values: beyond the 10,000 the dock writes out
    spec = TensorSpec.from_array(np.ones((n, 100), np.float32))
    assert try_push(tw.window.undo_stack, SetTensorCommand(tw.graph, X.id, spec)) is None
    tw.click(code.all_values)
    assert f"X = torch.zeros({n}, 100)  # {n * 100} float32 values not shown" in code.script
    assert "W1 = torch.tensor([" in code.script and len(code.script) < 50_000

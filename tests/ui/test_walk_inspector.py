"""Inspector input errors (issue 10): said next to the field, the typed text kept to correct.

Before, a refused shape or cell only reached the status bar while the field silently went
back to the old value, so the person saw their input vanish without a word near it.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit

from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.ui.inspector import Inspector


@pytest.fixture
def inspector(qtbot):
    g = Graph()
    x = g.add_node("input", name="x", tensor=TensorSpec.from_array(np.ones(3, np.float32)))
    w = g.add_node("parameter", name="w", tensor=TensorSpec(init="randn", shape=(5, 3), seed=0))
    stack = QUndoStack()
    insp = Inspector(g, stack)
    qtbot.addWidget(insp)
    insp.resize(340, 900)
    insp.show()
    qtbot.waitExposed(insp)
    yield g, stack, insp, x.id, w.id
    insp.close_inspector()


def _below(widget, field) -> bool:
    """``widget`` sits right under ``field`` (within a row's height), over the same column."""
    top = widget.mapTo(widget.window(), QPoint(0, 0)).y()
    f = field.mapTo(field.window(), QPoint(0, 0))
    return 0 <= top - (f.y() + field.height()) <= 16 and widget.isVisible()


@pytest.mark.parametrize("text, reason", [
    ("abc", "'abc' is not a shape"),
    ("-2,3", "sizes must be 0 or more"),
    ("100000x100000", "10,000,000,000 elements is too many"),
])
def test_a_refused_shape_is_explained_under_the_field_and_kept(inspector, qtbot, text, reason):
    g, stack, insp, _x, w = inspector
    insp.show_nodes([w])
    te = insp.tensor_editor
    edit = te.shape_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    error = te.field_error
    qtbot.waitUntil(lambda: _below(error, edit))
    assert reason in error.text() and edit.text() == text  # kept, to be corrected
    assert "border" in edit.styleSheet()
    assert g.node(w).tensor.shape == (5, 3) and stack.count() == 0
    # corrected: the shape is taken and the message goes away
    edit.selectAll()
    qtbot.keyClicks(edit, "2, 3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert g.node(w).tensor.shape == (2, 3) and stack.count() == 1
    assert not error.isVisible() and edit.styleSheet() == ""


def test_a_refused_cell_keeps_its_text_in_a_reopened_editor(inspector, qtbot):
    g, stack, insp, x, _w = inspector
    insp.show_nodes([x])
    te = insp.tensor_editor
    view = te.table
    index = te.table_model.index(0, 1)
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "nan")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) not in (None, editor))
    again = view.indexWidget(index)
    assert again.text() == "nan"  # the typed text, open to correct
    assert "cannot be stored in a graph file" in te.field_error.text()
    assert _below(te.field_error, view)
    assert g.node(x).tensor.values.tolist() == [1, 1, 1] and stack.count() == 0
    again.selectAll()
    qtbot.keyClicks(again, "2.5")
    qtbot.keyClick(again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: g.node(x).tensor.values.tolist() == [1, 2.5, 1])
    assert not te.field_error.isVisible()


def test_a_refused_fill_value_is_explained_under_its_field(inspector, qtbot):
    g, stack, insp, x, _w = inspector
    g.set_tensor(x, TensorSpec(init="full", shape=(3,), fill=1.0))
    insp.show_nodes([x])
    te = insp.tensor_editor
    te.fill_edit.setFocus()
    te.fill_edit.selectAll()
    qtbot.keyClicks(te.fill_edit, "one")
    qtbot.keyClick(te.fill_edit, Qt.Key.Key_Return)
    assert te.fill_edit.text() == "one" and _below(te.field_error, te.fill_edit)
    assert "'one' is not a number" in te.field_error.text() and g.node(x).tensor.fill == 1.0

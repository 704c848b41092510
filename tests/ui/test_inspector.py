"""The inspector: every edit is an undoable command, and the editors follow the model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.ui.inspector import Inspector, torch_line_for


@pytest.fixture
def doc(qtbot):
    g = Graph()
    x = g.add_node("input", name="x", tensor=TensorSpec.from_array(np.ones(5, np.float32)))
    w = g.add_node("parameter", name="w",
                   tensor=TensorSpec(init="randn", shape=(5, 3), seed=0))
    mm = g.add_node("matmul", name="xw")
    g.connect(x.id, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    g.add_node("sum", name="total")
    g.add_node("bce_with_logits", name="loss")
    stack = QUndoStack()
    insp = Inspector(g, stack)
    qtbot.addWidget(insp)
    insp.resize(340, 900)
    insp.show()
    yield g, stack, insp
    insp.close_inspector()


def ids(g, *names):
    return [g.node_by_name(n).id for n in names]


def editor(insp, key):
    return insp.editors[key][0]


def test_rename_pushes_a_command_and_refuses_bad_names(doc, qtbot):
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "xw"))
    edit = insp.name_edit
    edit.setText("z")
    edit.editingFinished.emit()
    assert g.node_by_name("z") is not None and stack.count() == 1
    qtbot.keyClicks(edit, "x")  # "zx" is fine ...
    edit.setText("w")  # ... but "w" is taken
    edit.textEdited.emit("w")
    assert "already used" in messages[-1] and "border" in edit.styleSheet()
    edit.editingFinished.emit()
    assert g.node_by_name("z") is not None and stack.count() == 1
    assert edit.text() == "w" and "already used" in insp.field_error.text()  # to correct
    edit.setText("z")
    edit.editingFinished.emit()
    assert not insp.field_error.isVisible() and edit.styleSheet() == ""
    stack.undo()
    assert g.node_by_name("xw") is not None and edit.text() == "xw"
    assert "xw" in insp.header.text()


def test_attribute_editors_match_kinds_and_undo_restores(doc):
    g, stack, insp = doc
    insp.show_nodes(ids(g, "w"))
    box = editor(insp, "requires_grad")
    assert isinstance(box, QCheckBox) and box.isChecked()
    box.click()
    w = g.node_by_name("w")
    assert w.attrs["requires_grad"] is False and stack.undoText() == "Freeze w"
    stack.undo()
    assert w.attrs["requires_grad"] is True and box.isChecked()

    insp.show_nodes(ids(g, "loss"))
    combo = editor(insp, "reduction")
    assert isinstance(combo, QComboBox) and combo.currentText() == "mean"
    combo.activated.emit(combo.findData("sum"))
    assert g.node_by_name("loss").attrs["reduction"] == "sum"

    insp.show_nodes(ids(g, "total"))
    dims = editor(insp, "dim")
    assert isinstance(dims, QLineEdit) and dims.text() == ""
    dims.setText("0, 1")
    dims.setModified(True)
    dims.editingFinished.emit()
    assert g.node_by_name("total").attrs["dim"] == (0, 1)
    keep = editor(insp, "keepdim")
    keep.click()
    assert g.node_by_name("total").attrs["keepdim"] is True
    stack.undo()
    stack.undo()
    assert dims.text() == "" and g.node_by_name("total").attrs["dim"] is None


def test_invalid_attribute_is_refused_and_says_why_under_the_field(doc, qtbot):
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "total"))
    dims = editor(insp, "dim")
    dims.setText("zero")
    dims.setModified(True)
    dims.editingFinished.emit()
    assert messages and stack.count() == 0
    qtbot.wait(5)
    assert dims.text() == "zero" and insp.field_error.isVisible()  # kept, to be corrected
    assert insp.field_error.text() == messages[-1] and "border" in dims.styleSheet()
    dims.setText("0")
    dims.setModified(True)
    dims.editingFinished.emit()
    assert stack.count() == 1 and not insp.field_error.isVisible()


def test_dim_spinner_and_optional_none(qtbot):
    g = Graph()
    sq = g.add_node("squeeze", name="s")
    stack = QUndoStack()
    insp = Inspector(g, stack)
    qtbot.addWidget(insp)
    insp.show_nodes([sq.id])
    spin = editor(insp, "dim")
    assert isinstance(spin, QSpinBox) and spin.text() == "None (all)"
    spin.setValue(-1)
    assert g.node(sq.id).attrs["dim"] == -1
    spin.setValue(spin.minimum())
    assert g.node(sq.id).attrs["dim"] is None
    insp.close_inspector()


def test_tensor_table_edit_pushes_set_tensor_and_undo_restores(doc):
    g, stack, insp = doc
    insp.show_nodes(ids(g, "w"))
    te = insp.tensor_editor
    assert te.table.isVisibleTo(insp)
    model = te.table_model
    assert (model.rowCount(), model.columnCount()) == (5, 3)
    before = g.node_by_name("w").tensor
    assert model.setData(model.index(2, 1), "0.5", Qt.ItemDataRole.EditRole)
    after = g.node_by_name("w").tensor
    assert after.init == "values" and after.values[2, 1] == np.float32(0.5)
    expected = before.to_numpy()
    expected[2, 1] = 0.5
    np.testing.assert_array_equal(after.values, expected)
    assert stack.undoText() == "Set tensor of w"
    assert model.data(model.index(2, 1)) == "0.5000"
    stack.undo()
    assert g.node_by_name("w").tensor == before
    assert te.init_box.currentData() == "randn"


def test_shape_dtype_and_initializer_edits(doc):
    g, stack, insp = doc
    insp.show_nodes(ids(g, "x"))
    te = insp.tensor_editor
    te.shape_edit.setText("2, 3")
    te.shape_edit.editingFinished.emit()
    x = g.node_by_name("x")
    assert x.tensor.shape == (2, 3) and x.tensor.values[0].tolist() == [1, 1, 1]
    te.dtype_box.setCurrentText("float64")
    te._edit_dtype()
    assert g.node_by_name("x").tensor.dtype == "float64"
    te.init_box.setCurrentIndex(te.init_box.findData("randn"))
    te._edit_init()
    spec = g.node_by_name("x").tensor
    assert (spec.init, spec.shape, spec.seed) == ("randn", (2, 3), 0)
    te.seed_spin.setValue(7)
    te._edit_params()
    assert g.node_by_name("x").tensor.seed == 7
    te.shape_edit.setText("200, 300")
    te.shape_edit.editingFinished.emit()
    assert te._heatmap is not None and te._heatmap.isVisibleTo(insp)
    assert not te.table.isVisibleTo(insp)
    assert stack.count() == 5
    for _ in range(5):
        stack.undo()
    np.testing.assert_array_equal(g.node_by_name("x").tensor.values, np.ones(5))


def test_pytorch_line_doc_and_shape_are_shown(doc):
    g, stack, insp = doc
    insp.show_nodes(ids(g, "xw"))
    assert insp.torch_label.text() == "xw = torch.matmul(x, w)"
    assert insp.shape_label.text() == "(3,) float32"
    insp.show_nodes(ids(g, "loss"))
    assert "‹input›" in insp.torch_label.text()
    assert "missing input" in insp.shape_label.text()
    node = g.node_by_name("w")
    from graphstudio.graph.node_table import NODE_TYPES

    assert torch_line_for(g, node, NODE_TYPES["parameter"]).startswith("w = torch.randn(5, 3")


def test_multi_selection_and_document_summary(doc):
    g, stack, insp = doc
    insp.show_nodes(ids(g, "x", "w", "xw"))
    text = " ".join(lbl.text() for lbl in insp.widget().findChildren(QLabel))
    assert "3 nodes selected" in text and "2 wires between them" in text
    insp.show_nodes([])
    text = " ".join(lbl.text() for lbl in insp.widget().findChildren(QLabel))
    assert "5 nodes · 2 wires" in text
    g.add_node("relu")
    insp._refresh_derived()
    assert "6 nodes" in insp.stats_label.text()


def test_removed_node_clears_the_inspector(doc, qtbot):
    g, stack, insp = doc
    insp.show_nodes(ids(g, "total"))
    g.remove_node(ids(g, "total")[0])
    qtbot.waitUntil(lambda: insp.node_id is None and insp._mode == "document")


def test_big_explicit_tensor_line_is_summarised_not_written_out(doc, qtbot):
    """A 1000x1000 parameter: the PyTorch line names the size instead of formatting a million
    numbers (that took seconds on every selection and run step); small ones keep their values."""
    g, stack, insp = doc
    w = g.node_by_name("w")
    insp.show_nodes([w.id])
    te = insp.tensor_editor
    te.shape_edit.setText("1000, 1000")
    te.shape_edit.editingFinished.emit()
    assert g.node_by_name("w").tensor.shape == (1000, 1000)
    g.set_tensor(w.id, TensorSpec.from_array(np.full((1000, 1000), 0.5, np.float32)))
    insp._refresh_derived()
    assert insp.torch_label.text() == (
        "w = torch.tensor(‹1,000,000 values, 1000×1000›, requires_grad=True)")
    g.set_tensor(w.id, TensorSpec.from_array(np.arange(6, dtype=np.int64).reshape(2, 3)))
    insp._refresh_derived()
    assert insp.torch_label.text() == (
        "w = torch.tensor([[0, 1, 2], [3, 4, 5]], requires_grad=True)")
    g.set_tensor(w.id, TensorSpec.from_array(np.zeros((40, 40), np.float64)))
    insp._refresh_derived()
    assert insp.torch_label.text() == (
        "w = torch.tensor(‹1,600 values, 40×40›, dtype=torch.float64, requires_grad=True)")


def _type_into_cell(qtbot, te, row, col, text):
    view = te.table
    index = te.table_model.index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is not editor)  # committed on a queued call
    qtbot.wait(5)  # a refused value's editor opens again (queued) with the text typed
    again = view.indexWidget(index)
    if again is not None:
        assert again.text() == text and te.field_error.isVisible()
        qtbot.keyClick(again, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: view.indexWidget(index) is None)


def test_cell_values_refused_say_why_and_nan_inf_cannot_be_typed(doc, qtbot):
    """A bad value, nan/inf (a graph file cannot store them: the document could no longer be
    saved, nor autosaved) or one beyond the dtype is refused with a reason in the status line;
    int64 overflow used to raise OverflowError."""
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "x"))
    te = insp.tensor_editor
    model = te.table_model
    _type_into_cell(qtbot, te, 0, 0, "2.5")
    assert g.node_by_name("x").tensor.values[0] == 2.5 and stack.count() == 1
    for text in ("nan", "inf", "-inf", "1e400"):
        _type_into_cell(qtbot, te, 0, 1, text)
        assert stack.count() == 1 and "cannot be stored in a graph file" in messages[-1]
    _type_into_cell(qtbot, te, 0, 3, "abc")
    assert stack.count() == 1 and "'abc' is not a number" in messages[-1]
    assert not model.setData(model.index(0, 3), "1e39", Qt.ItemDataRole.EditRole)
    assert "beyond float32" in messages[-1] and stack.count() == 1
    g.set_tensor(g.node_by_name("x").id, TensorSpec.from_array(np.zeros(3, np.int64)))
    for text, reason in [("1e30", "does not fit in int64"), ("0.5", "not a whole number")]:
        assert not model.setData(model.index(0, 0), text, Qt.ItemDataRole.EditRole)
        assert reason in messages[-1]
    assert model.setData(model.index(0, 0), "7", Qt.ItemDataRole.EditRole)
    assert g.node_by_name("x").tensor.values.tolist() == [7, 0, 0]


def test_fill_value_nan_is_refused(doc):
    """A "full" tensor filled with nan was written as invalid JSON the file could not be
    opened from again."""
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "x"))
    te = insp.tensor_editor
    te.init_box.setCurrentIndex(te.init_box.findData("full"))
    te._edit_init()
    assert g.node_by_name("x").tensor.init == "full"
    count = stack.count()
    te.fill_edit.setText("nan")
    te.fill_edit.editingFinished.emit()
    assert stack.count() == count and "cannot be stored" in messages[-1]
    te.fill_edit.setText("2.5")
    te.fill_edit.editingFinished.emit()
    assert g.node_by_name("x").tensor.fill == 2.5


def test_huge_shapes_are_refused_clearly(doc, qtbot):
    """A 20-digit size raised OverflowError (an error dialog) and 4294967296 x 4294967296
    wrapped round to 0 elements in int64 and was accepted; a reshape's target shape is the
    node's to judge, so it may be any integers."""
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "w"))
    te = insp.tensor_editor
    for text, reason in [("99999999999999999999", "too many to edit"),
                         ("4294967296, 4294967296", "18,446,744,073,709,551,616 elements"),
                         ("100000x100000", "10,000,000,000 elements is too many"),
                         ("0, 99999999999", "a size of 99,999,999,999 is too large"),
                         (", ".join(["1"] * 17), "17 dimensions is too many")]:
        te.shape_edit.setText(text)
        te.shape_edit.editingFinished.emit()
        assert reason in messages[-1], text
        assert g.node_by_name("w").tensor.shape == (5, 3) and stack.count() == 0
        assert te.shape_edit.text() == text and te.field_error.text() == messages[-1]
    r = g.add_node("reshape", "r")
    insp.show_nodes([r.id])
    edit = editor(insp, "shape")
    edit.selectAll()
    qtbot.keyClicks(edit, "99999999999999999999")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert g.node(r.id).attrs["shape"] == (99999999999999999999,)


def test_a_name_warning_is_taken_back_once_the_name_is_fine(doc, qtbot):
    """Typing "xw2" passes through "x" (taken): the warning stayed in the status line after
    the rename had gone through."""
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "total"))
    edit = insp.name_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "x")
    assert "already used" in messages[-1]
    qtbot.keyClicks(edit, "w2")
    assert messages[-1] == ""
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert g.node_by_name("xw2") is not None and messages[-1] == ""


def test_eye_of_a_long_vector_is_refused(doc):
    """Initializer "eye" on a (1000000,) tensor made it 1000000 x 1000000: 10^12 elements,
    accepted without a word (a run then tried to allocate 4 TB)."""
    g, stack, insp = doc
    messages = []
    insp.statusMessage.connect(messages.append)
    insp.show_nodes(ids(g, "x"))
    te = insp.tensor_editor
    te.shape_edit.setText("1000000")
    te.shape_edit.editingFinished.emit()
    assert g.node_by_name("x").tensor.shape == (1_000_000,)
    te.init_box.setCurrentIndex(te.init_box.findData("eye"))
    te._edit_init()
    assert g.node_by_name("x").tensor.shape == (1_000_000,)
    assert "1,000,000,000,000 elements is too many" in messages[-1]
    assert te.init_box.currentData() == "values"

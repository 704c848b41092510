"""Adding nodes as a new user does (issue 10): Tab quick-add ranks by what is meant, and each new
Parameter starts with numbers of its own."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QCursor, QUndoStack
from PySide6.QtTest import QTest

from graphstudio.files.gsgraph import graph_from_json, graph_to_json
from graphstudio.graph.model import Graph
from graphstudio.ui.canvas import GraphScene, GraphView
from graphstudio.ui.theme import LIGHT


@pytest.fixture
def empty_canvas(qtbot):
    g = Graph()
    stack = QUndoStack()
    scene = GraphScene(g, stack, LIGHT)
    view = GraphView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    yield g, stack, view
    scene.detach()


def _tab_add(view, text, at):
    QCursor.setPos(view.viewport().mapToGlobal(view.mapFromScene(at)))
    QTest.keyClick(view, Qt.Key_Tab)
    popup = view.quick_add
    assert popup is not None and popup.isVisible()
    QTest.keyClicks(popup.edit, text)
    return popup


def test_typing_input_lists_the_input_category_first(empty_canvas):
    """"input" listed Add, Subtract, ... (their docs mention an input) right after Input."""
    g, stack, view = empty_canvas
    popup = _tab_add(view, "input", QPointF(100, 100))
    shown = [popup.list.item(i).data(Qt.UserRole) for i in range(popup.list.count())]
    assert shown[:3] == ["input", "parameter", "constant"]
    assert shown.index("add") > 2
    popup.edit.clear()
    QTest.keyClicks(popup.edit, "inputs")
    shown = [popup.list.item(i).data(Qt.UserRole) for i in range(popup.list.count())]
    assert shown[:3] == ["input", "parameter", "constant"]
    QTest.keyClick(popup.edit, Qt.Key_Escape)


def test_each_new_parameter_gets_its_own_seed(empty_canvas):
    """Two new Parameters shared seed 0, so b repeated w's first values."""
    g, stack, view = empty_canvas
    for y in (100, 300, 500):
        popup = _tab_add(view, "param", QPointF(100, y))
        QTest.keyClick(popup.edit, Qt.Key_Return)
    params = [n for n in g if n.type == "parameter"]
    assert [p.tensor.seed for p in params] == [0, 1, 2]
    a, b = (p.tensor.to_numpy().reshape(-1) for p in params[:2])
    assert not np.allclose(a, b)
    # the seed is saved with the document
    again = graph_from_json(graph_to_json(g))
    assert [n.tensor.seed for n in again if n.type == "parameter"] == [0, 1, 2]
    # undone with the add, and redo brings back the same numbers
    stack.undo()
    assert len(g) == 2
    stack.redo()
    assert [n.tensor.seed for n in g if n.type == "parameter"] == [0, 1, 2]
    # a freed seed is reused: the next unused one in the document
    stack.undo()
    stack.undo()
    popup = _tab_add(view, "param", QPointF(400, 100))
    QTest.keyClick(popup.edit, Qt.Key_Return)
    assert [n.tensor.seed for n in g if n.type == "parameter"] == [0, 1]

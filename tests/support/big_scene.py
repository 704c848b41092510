"""A big generated document on a shown canvas, with the scene's big-document thresholds lowered
so a few hundred nodes count as big (for the canvas's big-document tests)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from tests.support.graph_generator import make_large_graph

__all__ = ["settle_scene", "show_big_document"]


def show_big_document(qtbot, monkeypatch, n_nodes: int, **thresholds):
    """(scene, view, undo stack) of an ``n_nodes`` document in an 800x600 view; keyword
    arguments set GraphScene class thresholds (LAZY_CARDS, FIRST_CARDS, DEFER_LAYOUT)."""
    from graphstudio.ui.canvas import GraphScene
    from graphstudio.ui.canvas.view import GraphView

    for name, value in thresholds.items():
        monkeypatch.setattr(GraphScene, name, value)
    stack = QUndoStack()
    scene = GraphScene(make_large_graph(n_nodes), stack)
    view = GraphView(scene)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    return scene, view, stack


def settle_scene(scene) -> None:
    """Let ``scene`` paint, build the cards in view and finish all the work it deferred."""
    for _ in range(200):
        QApplication.processEvents()
    for _ in range(20_000):
        if not scene.deferred_work:
            return
        QApplication.processEvents()
    raise AssertionError("the scene never finished its deferred work")

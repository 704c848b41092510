"""Fixtures for the stepping tests (this module holds no tests): a shown MainWindow with the
run UI installed on an example.

``run_window(example)`` opens ``assets/examples/<example>.gsgraph`` in a window (its own
settings and data folder, see ``window_fixtures``), installs the run UI and returns a
:class:`RunWin` with the window, the controller and helpers to read cards and wires.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from graphstudio.ui.run import install_run_ui

EXAMPLES = Path(__file__).resolve().parents[2] / "assets" / "examples"
GRAD_ROW = "[0.1242, 0.2771, 0.1192]"


class RunWin:
    def __init__(self, window, qtbot):
        self.window, self.qtbot = window, qtbot
        self.c = window.run_controller
        self.graph, self.scene = window.graph, window.scene

    def id(self, name: str) -> str:
        return self.graph.node_by_name(name).id

    def card(self, name: str):
        return self.scene.node_item(self.id(name))

    def text(self, name: str) -> str:
        return self.card(name).display_text()

    def edge(self, src: str, dst: str):
        return next(e for e in self.graph.edges if e.src == self.id(src)
                    and e.dst == self.id(dst))

    def wire(self, src: str, dst: str):
        return self.scene.edge_item(self.edge(src, dst))

    def action(self, key: str):
        return self.window.actions[f"run_{key}"]

    def click(self, key: str) -> None:
        """Click the Run toolbar's button for ``key`` (a real mouse click)."""
        bar = self.window.toolbars["run"]
        button = bar.widgetForAction(self.action(key))
        assert button is not None and button.isEnabled(), f"{key} button is disabled"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def key(self, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.window, key, mods)

    def snapshot(self):
        """Everything the canvas shows of the run: every card's text, look and every wire."""
        nodes = {}
        for item in self.scene.node_items():
            s = item.run_state
            nodes[item.node_id] = (item.display_text(), round(item.opacity(), 3),
                                   None if s is None else (s.highlight, s.greyed, s.stale))
        edges = {it.edge: (it.label_text(), it.highlighted, it.greyed, it.stale)
                 for it in self.scene.edge_items()}
        return nodes, edges

    def step_to_end(self, limit: int = 500) -> int:
        n = 0
        while n < limit and self.c.step():
            n += 1
        return n


@pytest.fixture
def run_window(make_window, qtbot):
    def make(example: str | None = "tutorial_single_layer", animate: bool = False) -> RunWin:
        win = make_window()
        install_run_ui(win)
        if example is not None:
            assert win.files.open_file(EXAMPLES / f"{example}.gsgraph", ask=False)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # shortcuts go to the active window
        win.view.setFocus()
        win.run_controller.animate = animate
        return RunWin(win, qtbot)

    return make


@pytest.fixture
def big_run(qtbot):
    """``big_run(n)``: a generated graph of ``n`` nodes in a bare 500x400 view with a run
    controller (no window, animations off): ``(controller, scene, view)``."""
    from PySide6.QtGui import QUndoStack

    from graphstudio.ui.canvas import GraphScene, GraphView
    from graphstudio.ui.run.controller import RunController
    from tests.support.graph_generator import make_large_graph

    made = []

    def make(n: int = 300):
        graph = make_large_graph(n)
        scene = GraphScene(graph, QUndoStack())
        view = GraphView(scene)
        qtbot.addWidget(view)
        view.resize(500, 400)
        view.show()
        c = RunController(graph, scene.undo_stack, scene)
        c.animate = False
        made.append((c, scene))
        return c, scene, view

    yield make
    for c, scene in made:
        c.close()
        scene.detach()

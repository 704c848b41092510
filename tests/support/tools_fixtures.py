"""Fixtures for the tools tests (this module holds no tests): a shown MainWindow with the run
UI and the tools UI installed, optionally on an example.

``tools_window(example)`` opens ``assets/examples/<example>.gsgraph`` (None: an empty graph) in
a window with its own settings and data folder (see ``test_window_support``) and returns a
:class:`ToolsWin` with the window, the :class:`ToolsUI` and helpers.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from graphstudio import cli
from graphstudio.files.gsgraph import save_graph
from graphstudio.ui.run import install_run_ui
from graphstudio.ui.tools import install_tools_ui

EXAMPLES = Path(__file__).resolve().parents[2] / "assets" / "examples"


def run_output(graph, tmp_path) -> str:
    """What ``graphstudio run`` prints for ``graph``."""
    path = tmp_path / "run_output.gsgraph"
    save_graph(graph, path)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["run", str(path)]) == 0
    return buf.getvalue()


class ToolsWin:
    def __init__(self, window, qtbot):
        self.window, self.qtbot = window, qtbot
        self.tools = window.tools_ui
        self.graph, self.scene = window.graph, window.scene

    def id(self, name: str) -> str:
        return self.graph.node_by_name(name).id

    def click(self, button) -> None:
        """A real left click on ``button`` (which must be enabled)."""
        assert button.isEnabled(), f"{button.objectName() or button.text()} is disabled"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def type_into(self, box, text: str) -> None:
        """Select a spin box's text, type ``text`` and press Enter."""
        edit = box.lineEdit()
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    def params(self) -> dict:
        """Every Parameter's tensor as an array, by name."""
        return {n.name: n.tensor.to_numpy() for n in self.graph if n.type == "parameter"}


@pytest.fixture
def tools_window(make_window, qtbot):
    def make(example: str | None = None) -> ToolsWin:
        win = make_window()
        install_run_ui(win)
        install_tools_ui(win)
        win.show()
        qtbot.waitExposed(win)
        if example is not None:
            assert win.files.open_file(EXAMPLES / f"{example}.gsgraph", ask=False)
        return ToolsWin(win, qtbot)
    return make

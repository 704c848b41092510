"""``install_tools_ui(window)``: training, gradient check, PyTorch export and code on a window.

Adds to a :class:`~graphstudio.ui.main_window.MainWindow`:

* the Training dock (bottom, hidden until Run > Train… or View > Panels > Training),
* the Code dock (right, a tab beside the inspector; View > Panels > Code, Ctrl+Shift+C),
* Run > Train… (Ctrl+T) and Run > Check Gradients… (Ctrl+G),
* File > New From Code… (Ctrl+Shift+N, after New) and File > Export PyTorch Script…
  (Ctrl+Shift+E, after Export Image).

Returns the :class:`ToolsUI` (also kept as ``window.tools_ui``).
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Qt

from graphstudio.ui.slots import guarded
from graphstudio.ui.tools.code_dock import CodeDock
from graphstudio.ui.tools.export_actions import export_pytorch_script
from graphstudio.ui.tools.training_dock import TrainingDock

__all__ = ["ToolsUI", "install_tools_ui"]

log = logging.getLogger(__name__)

TRAINING_HEIGHT = 330  # the Training dock's height when it first opens at the bottom


def install_tools_ui(window) -> ToolsUI:
    """Give ``window`` the Training and Code docks and the train / check / export / import
    actions; returns the :class:`ToolsUI`. Calling it again returns the same one."""
    existing = getattr(window, "tools_ui", None)
    if existing is not None:
        return existing
    tools = ToolsUI(window)
    window.tools_ui = tools
    return tools


def _insert_after(menu, anchor, action) -> None:
    acts = menu.actions()
    i = acts.index(anchor) if anchor in acts else -1
    if 0 <= i < len(acts) - 1:
        menu.insertAction(acts[i + 1], action)
    else:
        menu.addAction(action)


class ToolsUI(QObject):
    """The widgets and actions of the tools (kept alive by the window)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.gradcheck_dialog = None
        self.code_dialog = None
        self.training = TrainingDock(window)
        self.training_dock = window.add_dock("training", self.tr("Training"), self.training,
                                             Qt.DockWidgetArea.BottomDockWidgetArea,
                                             visible=False)
        self.code = CodeDock(window, export=self._safe(self.export_script))
        self.code_dock = window.add_dock("code", self.tr("Code"), self.code,
                                         Qt.DockWidgetArea.RightDockWidgetArea, visible=False,
                                         shortcut="Ctrl+Shift+C")
        if "inspector" in window.docks:
            window.tabifyDockWidget(window.docks["inspector"], self.code_dock)
            window.docks["inspector"].raise_()
        self._build_actions()
        window.on_close(self._after_close)

    def _build_actions(self) -> None:
        w = self.window
        run = w.menu("run", self.tr("&Run"))
        self._run_entries = [run.addSeparator(), w.add_action(
            "train", self.tr("&Train…"), self._safe(self.show_training), "Ctrl+T",
            tip=self.tr("Train the parameters with Adam or SGD and watch the loss fall"),
            menu=run),
            w.add_action("check_gradients", self.tr("Check &Gradients…"),
                         self._safe(self.check_gradients), "Ctrl+G",
                         tip=self.tr("Compare every parameter's autograd gradient with central "
                                     "differences"), menu=run)]
        run.aboutToShow.connect(self._run_entries_last)
        file_menu = w.menu("file")
        new_code = w.add_action("new_from_code", self.tr("New From &Code…"),
                                self._safe(self.new_from_code), "Ctrl+Shift+N",
                                tip=self.tr("Build a graph from PyTorch-style code (read, never "
                                            "run)"))
        _insert_after(file_menu, w.actions.get("new"), new_code)
        export = w.add_action("export_script", self.tr("Export PyTorch &Script…"),
                              self._safe(self.export_script), "Ctrl+Shift+E",
                              tip=self.tr("Save the graph as a PyTorch program that prints what "
                                          "Run shows"))
        _insert_after(file_menu, w.actions.get("export"), export)

    def _safe(self, fn):
        return guarded(fn, self.window.show_status)

    def _run_entries_last(self) -> None:
        """Keep Train and Check Gradients at the end of the Run menu, whichever feature was
        installed first."""
        menu = self.window.menu("run")
        n = len(self._run_entries)
        if menu.actions()[-n:] != self._run_entries:
            for action in self._run_entries:
                menu.removeAction(action)
            menu.addActions(self._run_entries)

    # ------------------------------------------------------------------ actions
    def show_training(self) -> TrainingDock:
        first = not self.training_dock.isVisible()
        self.training_dock.show()
        if first and not self.training_dock.isFloating():
            self.window.resizeDocks([self.training_dock], [TRAINING_HEIGHT],
                                    Qt.Orientation.Vertical)
        self.training_dock.raise_()
        self.training.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.training

    def check_gradients(self):
        """Open the gradient check and run it; returns the dialog."""
        from graphstudio.ui.tools.gradcheck_dialog import GradcheckDialog

        if self.gradcheck_dialog is None:
            self.gradcheck_dialog = GradcheckDialog(self.window)
        dlg = self.gradcheck_dialog
        dlg.show()
        dlg.raise_()
        dlg.run()
        return dlg

    def new_from_code(self):
        """Open the New From Code dialog (window-modal, not blocking); returns it."""
        from graphstudio.ui.tools.new_from_code import NewFromCodeDialog

        if self.code_dialog is None:
            self.code_dialog = NewFromCodeDialog(self.window, self.window.theme)
            self.code_dialog.graphReady.connect(self._safe_adopt)
        self.code_dialog.open()
        return self.code_dialog

    def _safe_adopt(self, graph) -> None:
        guarded(partial(self.adopt_graph, graph), self.window.show_status)()

    def adopt_graph(self, graph) -> bool:
        """Make ``graph`` the document (after the unsaved-changes prompt), untitled and
        unsaved, like opening a file; False when the person cancelled."""
        w = self.window
        if not w.files.maybe_save():
            w.show_status(self.tr("New From Code cancelled: the open graph is unchanged"))
            return False
        w.document.restore(graph, None)
        n = len(graph)
        w.show_status(self.tr("New graph from code: {0} node (unsaved)").format(n) if n == 1 else
                      self.tr("New graph from code: {0} nodes (unsaved)").format(n))
        return True

    def export_script(self):
        return export_pytorch_script(self.window)

    # ------------------------------------------------------------------ lifetime
    def _after_close(self) -> None:
        """The window closed (its close hook): stop training, checking and following."""
        self.training.abandon(self.tr("the window closed"))
        self.training.close()
        self.code.close()
        if self.gradcheck_dialog is not None:
            self.gradcheck_dialog.shutdown()

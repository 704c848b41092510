"""``install_run_ui(window)``: the stepping feature on a MainWindow, in one call.

Adds the Run menu and toolbar (:class:`~graphstudio.ui.run.toolbar.RunActions`), the Steps
dock (left, a tab beside the palette), the Values dock (right, a tab beside the inspector;
both come forward at the first run), the
canvas's right-click entries "Backward from Here" and "Retain Grad", View > Follow Step, Text
Size and Presentation (:class:`~graphstudio.ui.run.view_options.ViewOptions`), and returns the
:class:`~graphstudio.ui.run.controller.RunController` (also kept as ``window.run_controller``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.run.controller import RunController
from graphstudio.ui.run.inspector_run import ValuesDock
from graphstudio.ui.run.session_dock import SessionDock
from graphstudio.ui.run.steps_dock import StepsDock
from graphstudio.ui.run.toolbar import RunActions, loss_candidates
from graphstudio.ui.run.view_options import ViewOptions
from graphstudio.ui.slots import guarded

__all__ = ["install_run_ui"]

STEPS_WIDTH = 290  # the Steps list reads well from this width


def install_run_ui(window) -> RunController:
    """Give ``window`` (a MainWindow) the Run menu, toolbar, Steps and Values docks and the
    canvas context-menu entries; returns the controller. Calling it again returns the same
    controller (the window may install it itself)."""
    existing = getattr(window, "run_controller", None)
    if existing is not None:
        return existing
    controller = RunController(window.graph, window.undo_stack, window.scene, window)
    controller.statusMessage.connect(window.show_status)
    ui = _RunUI(window, controller)
    controller.ui = ui
    window.run_controller = controller
    if hasattr(window, "on_close"):
        window.on_close(ui.close)
    return controller


class _RunUI:
    """The widgets of the run feature (kept alive by the controller)."""

    def __init__(self, window, controller):
        self.window, self.controller = window, controller
        self.seed_dialog = None
        self.actions = RunActions(window, controller, self.open_seed_editor)
        theme_of = lambda: window.theme  # noqa: E731 (the window's theme changes)
        self.steps = StepsDock(controller, theme_of)
        self.values = ValuesDock(controller, window.scene, theme_of)
        steps = window.add_dock("steps", QCoreApplication.translate("RunUI", "Steps"),
                                self.steps, Qt.DockWidgetArea.LeftDockWidgetArea)
        if "palette" in window.docks:  # a tab beside the palette: long timelines need height
            window.tabifyDockWidget(window.docks["palette"], steps)
            window.docks["palette"].raise_()
        self.session = SessionDock(window.graph, window.undo_stack, window.show_status)
        session = window.add_dock("session", QCoreApplication.translate("RunUI", "Session"),
                                  self.session,
                                  Qt.DockWidgetArea.LeftDockWidgetArea)
        window.tabifyDockWidget(steps, session)
        if "palette" in window.docks:
            window.docks["palette"].raise_()
        values = window.add_dock("values", QCoreApplication.translate("RunUI", "Values"),
                                 self.values,
                                 Qt.DockWidgetArea.RightDockWidgetArea)
        if "inspector" in window.docks:
            window.tabifyDockWidget(window.docks["inspector"], values)
            window.docks["inspector"].raise_()
        self._raised_values = False
        controller.timelineChanged.connect(self._first_run)
        self.view_options = ViewOptions(window, controller, self)  # Follow Step, Text Size...
        window.view.add_context_menu_provider(self.context_menu)

    def close(self) -> None:
        """The window closed: stop playing, animating and re-running, stop following the graph."""
        self.controller.close()
        self.actions.close()
        self.session.close_dock()
        if self.seed_dialog is not None:
            self.seed_dialog.close()
            self.seed_dialog.unsubscribe()

    def _first_run(self) -> None:
        """The first run of the session brings the Steps and Values tabs forward (once)."""
        if self.controller.timeline is not None and not self._raised_values:
            self._raised_values = True
            docks = self.window.docks
            docks["steps"].raise_()
            docks["values"].raise_()
            # wide enough to read, but on a small window the canvas keeps most of the room
            width = min(STEPS_WIDTH, max(200, self.window.width() // 5))
            if docks["steps"].width() < width:
                self.window.resizeDocks([docks["steps"]], [width], Qt.Orientation.Horizontal)
            values_cap = max(240, self.window.width() // 4)
            if docks["values"].width() > values_cap:
                self.window.resizeDocks([docks["values"]], [values_cap],
                                        Qt.Orientation.Horizontal)

    def open_seed_editor(self):
        from graphstudio.ui.run.seed_dialog import SeedDialog

        if self.seed_dialog is None:
            self.seed_dialog = SeedDialog(self.window)
        self.seed_dialog.show()
        self.seed_dialog.raise_()
        self.seed_dialog.activateWindow()
        return self.seed_dialog

    def context_menu(self, menu, node_id) -> None:
        """Right-click entries for the node under the mouse."""
        c, graph = self.controller, self.window.graph
        node = graph.nodes.get(node_id) if node_id else None
        if node is None:
            return
        menu.setToolTipsVisible(True)
        if not menu.isEmpty():
            menu.addSeparator()
        back = menu.addAction(QCoreApplication.translate("RunUI", "Backward from {0}").format(
            node.name))
        back.setObjectName("ctx_backward_from")
        ok = node_id in {nid for nid, _label in loss_candidates(graph)}
        reason = c.backward_reason() if ok else QCoreApplication.translate(
            "RunUI", "inputs, parameters and constants are leaves")
        back.setEnabled(ok and (reason is None or "no_grad" not in reason))
        back.setToolTip(QCoreApplication.translate(
            "RunUI", "{0}.backward(): make it the loss and run backward").format(node.name)
            if back.isEnabled() else
            QCoreApplication.translate("RunUI", "Not here: {0}").format(reason))
        back.triggered.connect(self._safe(partial(c.backward_from, node_id)))
        keep = menu.addAction(QCoreApplication.translate("RunUI", "Retain Grad"))
        keep.setObjectName("ctx_retain_grad")
        keep.setCheckable(True)
        keep.setChecked(node_id in graph.run.get("retain_grad", ()))
        nt = NODE_TYPES[node.type]
        leaf = nt.has_tensor or node.type in ("constant", "output") or not nt.outputs
        keep.setEnabled(not leaf)
        keep.setToolTip((QCoreApplication.translate(
            "RunUI", "{0}.retain_grad(): keep this non-leaf's .grad after backward")
            if not leaf else QCoreApplication.translate(
                "RunUI", "{0} is a leaf (or shows another node): nothing to retain"))
            .format(node.name))
        keep.triggered.connect(self._safe(partial(c.toggle_retain_grad, node_id)))
        self.hook_menu(menu, node, not leaf or node.type == "parameter")

    def hook_menu(self, menu, node, enabled: bool) -> None:
        """The node's "Gradient hook" submenu: none / print / scale by k / clip to ±c."""
        from graphstudio.graph.grad_hooks import hook_text

        translate = QCoreApplication.translate
        current = self.window.graph.run.get("hooks", {}).get(node.id)
        title = translate("RunInstall", "Gradient hook")
        sub = menu.addMenu(title + (f": {hook_text(current)}" if current else ""))
        sub.menuAction().setObjectName("ctx_gradient_hook")
        sub.setEnabled(enabled)
        sub.setToolTipsVisible(True)
        tip = (translate("RunInstall", "{0}.register_hook(fn): fn sees (and may replace) the "
                         "gradient for {0} in the backward; shown as its own step")
               if enabled else translate("RunInstall", "Only tensors that require grad have "
                                         "hooks: a Parameter or an op's result"))
        sub.menuAction().setToolTip(tip.format(node.name))
        choices = [("none", translate("RunInstall", "None"), None),
                   ("print", translate("RunInstall", "Print"), {"kind": "print"}),
                   ("scale", translate("RunInstall", "Scale by k…"), "k"),
                   ("clip", translate("RunInstall", "Clip to ±c…"), "c")]
        for kind, label, hook in choices:
            act = sub.addAction(label)
            act.setObjectName(f"ctx_hook_{kind}")
            act.setCheckable(True)
            act.setChecked((current or {"kind": "none"})["kind"] == kind)
            act.triggered.connect(self._safe(partial(self.choose_hook, node.id, kind, hook)))

    def choose_hook(self, node_id: str, kind: str, hook) -> bool:
        """Set the hook chosen in the submenu (asking for k or c first)."""
        if isinstance(hook, str):  # the number to ask for
            translate = QCoreApplication.translate
            old = self.window.graph.run.get("hooks", {}).get(node_id, {}).get(hook)
            question = (translate("RunInstall", "Scale the gradient by k:") if kind == "scale"
                        else translate("RunInstall", "Clip the gradient to ±c, c:"))
            value, ok = QInputDialog.getDouble(
                self.window, translate("RunInstall", "Gradient hook"), question,
                old if old is not None else (0.5 if kind == "scale" else 1.0),
                0.0 if kind == "clip" else -1e6, 1e6, 4)
            if not ok:
                return False
            hook = {"kind": kind, hook: value}
        return self.controller.set_hook(node_id, hook)

    def _safe(self, fn):
        return guarded(fn, self.window.show_status, after=self.actions.sync)

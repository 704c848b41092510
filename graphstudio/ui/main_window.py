"""The main window: canvas in the middle, palette and inspector docks, menus, toolbar, status bar.

Docks, menus and toolbars are kept in registries so later features add to them in one call:
:meth:`MainWindow.add_dock`, :meth:`MainWindow.menu` (new menus land before Help),
:meth:`MainWindow.add_action` and :meth:`MainWindow.add_toolbar`. File handling with its dialogs
is :class:`~graphstudio.ui.file_actions.FileActions`; the document state itself lives in
:class:`~graphstudio.ui.document.Document`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QUndoView,
    QWidget,
)

from graphstudio.graph.model import Graph
from graphstudio.ui.canvas.scene import GraphScene
from graphstudio.ui.canvas.view import GraphView
from graphstudio.ui.commands import AddNodeCommand, try_push
from graphstudio.ui.document import Autosaver, Document
from graphstudio.ui.file_actions import FileActions
from graphstudio.ui.help import about_box, empty_hint_html, open_tutorial_link, shortcuts_dialog
from graphstudio.ui.icons import app_icon, icon
from graphstudio.ui.inspector import Inspector
from graphstudio.ui.palette import PaletteWidget
from graphstudio.ui.settings import APP_NAME, AppSettings, app_data_dir
from graphstudio.ui.slots import guarded
from graphstudio.ui.theme import apply_app_theme, get_theme
from graphstudio.ui.window_chrome import DockTitleBar, StatusBar, keep_on_screen
from graphstudio.ui.window_menus import build_menus

MENU_ORDER = ("file", "edit", "view", "help")
MENU_TITLES = {"file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
               "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
               "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
               "help": QT_TRANSLATE_NOOP("MainWindow", "&Help")}  # translated in menu()
DEFAULT_SIZE = (1440, 900)


class MainWindow(QMainWindow):
    """GraphStudio's window for one document (one Graph and one undo stack for its lifetime)."""

    #: emitted once, the first time the window is shown (used by the start-up benchmark)
    firstShown = Signal()

    def __init__(self, settings: AppSettings | None = None,
                 data_dir: str | os.PathLike | None = None, error_handler=None,
                 autosave_interval_ms: int = 30_000):
        super().__init__()
        self.settings = settings if settings is not None else AppSettings()
        self.data_dir = Path(data_dir) if data_dir is not None else app_data_dir()
        self.error_handler = error_handler
        self.theme = get_theme(self.settings.theme)
        self._shown_once = False
        self._refit_on_resize = False
        self._close_hooks: list = []
        self.setWindowIcon(app_icon())
        self.setObjectName("MainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        self.graph = Graph()
        self.undo_stack = QUndoStack(self)
        self.document = Document(self.graph, self.undo_stack, self)
        self.scene = GraphScene(self.graph, self.undo_stack, self.theme, self)
        self.view = GraphView(self.scene)
        self.setCentralWidget(self.view)

        self.actions: dict[str, QAction] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.toolbars: dict[str, QToolBar] = {}
        self._menus: dict[str, QMenu] = {}

        self._build_panels()
        self.files = FileActions(self)
        self._build_menus()
        self._build_status_bar()
        self.autosaver = Autosaver(self.document, self.data_dir, interval_ms=autosave_interval_ms,
                                   parent=self)
        self.autosaver.failed.connect(self.show_status)
        self._connect()
        # Stepping (Run menu, Steps and Values docks) and the tools (training, gradient check,
        # code, export); installed before the layout is restored so their docks are remembered.
        from graphstudio.ui.run import install_run_ui
        from graphstudio.ui.tools import install_tools_ui

        self.run_controller = None
        self.tools_ui = None
        install_run_ui(self)
        install_tools_ui(self)
        from graphstudio.ui.language import install_language_menu
        from graphstudio.ui.lessons import install_lessons_ui

        install_language_menu(self)
        install_lessons_ui(self)
        self._default_state = self.saveState()
        self._restore_window()
        self.setAcceptDrops(True)
        self.view.viewport().installEventFilter(self)
        self.files.update_title()

    # ------------------------------------------------------------------ registries
    def menu(self, key: str, title: str | None = None) -> QMenu:
        """The top-level menu ``key``; a new one is created (before Help) the first time."""
        if key in self._menus:
            return self._menus[key]
        menu = QMenu(title or self.tr(MENU_TITLES.get(key, key.title())), self)
        menu.setObjectName(f"menu_{key}")
        bar = self.menuBar()
        help_menu = self._menus.get("help")
        if help_menu is not None and key != "help":
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self._menus[key] = menu
        return menu

    def add_action(self, key: str, text: str, slot=None, shortcut=None,
                   icon_name: str | None = None, tip: str | None = None,
                   menu: QMenu | str | None = None, canvas: bool = False,
                   checkable: bool = False) -> QAction:
        """Create, register and (optionally) add to ``menu`` an action.

        ``shortcut`` is a key sequence, a standard key or a list of them; ``canvas=True``
        makes the shortcut work only while the canvas has focus (so Delete or F typed in the
        inspector never edits the graph), while the menu entry works everywhere.
        """
        action = QAction(text, self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            seqs = shortcut if isinstance(shortcut, list | tuple) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in seqs])
        if canvas:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        if icon_name:
            action.setProperty("icon_name", icon_name)
            action.setIcon(icon(icon_name, self.theme.node_text))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:  # an exception in any action is reported, never fatal
            action.triggered.connect(guarded(slot, self.show_status))
        if isinstance(menu, str):
            menu = self.menu(menu)
        if menu is not None:
            menu.addAction(action)
        self.actions[key] = action
        return action

    def add_dock(self, key: str, title: str, widget: QWidget,
                 area=Qt.DockWidgetArea.RightDockWidgetArea, visible: bool = True,
                 shortcut=None) -> QDockWidget:
        """Add a dock with a remembered position and a toggle in View > Panels."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.setTitleBarWidget(DockTitleBar(dock, self.theme))  # a close button one can see
        dock.topLevelChanged.connect(
            lambda _floating, d=dock: QTimer.singleShot(0, d, lambda: keep_on_screen(d)))
        dock.visibilityChanged.connect(self._dock_toggled)
        self.addDockWidget(area, dock)
        dock.setVisible(visible)
        toggle = dock.toggleViewAction()
        toggle.setText(title)
        if shortcut is not None:
            toggle.setShortcut(QKeySequence(shortcut))
        self.actions[f"panel_{key}"] = toggle
        self.docks[key] = dock
        if "view" in self._menus:
            self._panels_menu.addAction(toggle)
        return dock

    def add_toolbar(self, key: str, title: str) -> QToolBar:
        bar = QToolBar(title, self)
        bar.setObjectName(f"toolbar_{key}")
        bar.setMovable(False)
        bar.setIconSize(bar.iconSize().scaled(20, 20, Qt.AspectRatioMode.KeepAspectRatio))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbars[key] = bar
        return bar

    def on_close(self, hook) -> None:
        """Run ``hook()`` once when the window closes for good (newest first; one that raises
        is logged and the rest still run): features stop timers and unsubscribe there."""
        self._close_hooks.append(hook)

    # ------------------------------------------------------------------ building
    def _build_panels(self) -> None:
        self.palette = PaletteWidget(self.theme)
        self.inspector = Inspector(self.graph, self.undo_stack, self.theme)
        self.history = QUndoView(self.undo_stack)
        self.history.setEmptyLabel(self.tr("<opened document>"))
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        palette = self.add_dock("palette", self.tr("Palette"), self.palette, left)
        inspector = self.add_dock("inspector", self.tr("Inspector"), self.inspector, right)
        history = self.add_dock("history", self.tr("History"), self.history, right,
                                visible=False)
        self.splitDockWidget(inspector, history, Qt.Orientation.Vertical)
        self.resizeDocks([palette, inspector], [230, 340], Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        build_menus(self, APP_NAME, MENU_ORDER)

    def _build_status_bar(self) -> None:
        bar = StatusBar(self)  # a long message ends in "…" before the node count
        self.setStatusBar(bar)
        bar.setSizeGripEnabled(True)
        self.count_label = QLabel()
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(self.tr("Zoom (Ctrl+0 for actual size, F to frame)"))
        for w in (self.count_label, self.zoom_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self._update_counts)
        self._build_empty_hint()
        self._update_counts()
        self._update_zoom()

    def _connect(self) -> None:
        self.view.zoomChanged.connect(lambda _z: self._update_zoom())
        self.scene.statusMessage.connect(self.show_status)
        self.inspector.statusMessage.connect(self.show_status)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.nodeActivated.connect(self._node_activated)
        self.palette.nodeTypeActivated.connect(self.add_node_at_center)
        # bound methods (not lambdas): Qt disconnects them when the window is destroyed
        self.document.modifiedChanged.connect(self._update_title)
        self.document.pathChanged.connect(self._update_title)
        self.document.reloaded.connect(self._document_reloaded)
        self._unsubscribe = self.graph.subscribe(lambda _e: self._status_timer.start(0))
        self._selection_changed()

    # ------------------------------------------------------------------ canvas helpers
    def show_status(self, message: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout)

    def _selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        self.inspector.show_nodes(ids)
        for key in ("cut", "copy", "duplicate"):
            self.actions[key].setEnabled(bool(ids))

    def _node_activated(self, node_id: str) -> None:
        dock = self.docks["inspector"]
        dock.show()
        dock.raise_()
        self.scene.select_nodes([node_id])

    def _focus_palette(self) -> None:
        self.docks["palette"].show()
        self.palette.focus_filter()

    def add_node_at_center(self, type_id: str) -> str | None:
        """Add a node of ``type_id`` in the middle of the visible canvas; returns its id."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        shown = QPointF(centre.x() - 80, centre.y() - 40)
        pos = QPointF(*self.scene.doc_point(shown))
        start = QPointF(pos)
        taken = {tuple(n.pos) for n in self.graph}
        while (pos.x(), pos.y()) in taken:  # do not stack new nodes exactly on each other
            pos += QPointF(24, 24)
        cmd = AddNodeCommand(self.graph, type_id, pos=(pos.x(), pos.y()))
        reason = try_push(self.undo_stack, cmd)
        if reason:
            self.show_status(reason)
            return None
        self.scene.put_down(cmd.node_id, shown + (pos - start))
        self.scene.select_nodes([cmd.node_id])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return cmd.node_id

    def frame(self) -> None:
        self.view.frame_selection()
        self._update_zoom()

    def zoom_by(self, factor: float) -> None:
        self.view.set_zoom(self.view.zoom() * factor)
        self._update_zoom()

    def zoom_reset(self) -> None:
        self.view.set_zoom(1.0)
        self._update_zoom()

    def _dock_toggled(self, _visible: bool) -> None:
        """A dock shown or hidden resizes the canvas: a graph that was wholly in view is
        framed again in the new size (a tab switch, which resizes nothing, changes nothing)."""
        rect = self.scene.items_bounding_rect()
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        self._refit_on_resize = not rect.isNull() and shown.contains(rect)
        QTimer.singleShot(300, self, self._forget_refit)

    def _forget_refit(self) -> None:
        self._refit_on_resize = False

    def _update_zoom(self) -> None:
        self.zoom_label.setText(f"{self.view.zoom() * 100:.0f}%")

    def _build_empty_hint(self) -> None:
        hint = QLabel(self.view.viewport())
        hint.setObjectName("emptyHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        hint.setTextFormat(Qt.TextFormat.RichText)
        self.empty_hint = hint
        self._style_empty_hint()

    def _style_empty_hint(self) -> None:
        self.empty_hint.setText(empty_hint_html(self.theme.node_text_dim.name()))

    def _place_empty_hint(self) -> None:
        vp = self.view.viewport()
        self.empty_hint.setGeometry(0, 0, vp.width(), vp.height())
        self.empty_hint.setVisible(len(self.graph) == 0)

    def _update_counts(self) -> None:
        self._place_empty_hint()
        n, e = len(self.graph), self.graph.edge_count
        nodes = self.tr("{0} node").format(n) if n == 1 else self.tr("{0} nodes").format(n)
        wires = self.tr("{0} wire").format(e) if e == 1 else self.tr("{0} wires").format(e)
        self.count_label.setText(f"{nodes} · {wires}")

    def _update_title(self, *_args) -> None:
        self.files.update_title()

    def commit_pending_edits(self) -> None:
        """Finish an edit in progress (e.g. a name being typed) so it is not lost."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()

    def _document_reloaded(self) -> None:
        self.inspector.show_nodes([])
        QTimer.singleShot(0, self, self.frame)

    # ------------------------------------------------------------------ theme and layout
    def set_theme(self, name: str) -> None:
        """Switch the whole application to the ``light`` or ``dark`` theme (and remember it)."""
        self.theme = get_theme(name)
        app = QApplication.instance()
        if app is not None:
            apply_app_theme(app, self.theme.name)
        self.scene.set_theme(self.theme)
        if hasattr(self.view, "set_theme"):
            self.view.set_theme(self.theme)
        self.palette.set_theme(self.theme)
        self.inspector.set_theme(self.theme)
        self._style_empty_hint()
        for dock in self.docks.values():
            dock.titleBarWidget().set_theme(self.theme)
        for action in self.actions.values():
            name_ = action.property("icon_name")
            if name_:
                action.setIcon(icon(name_, self.theme.node_text))
        self.actions[f"theme_{self.theme.name}"].setChecked(True)
        self.settings.theme = self.theme.name

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.resizeDocks([self.docks["palette"], self.docks["inspector"]], [230, 340],
                         Qt.Orientation.Horizontal)

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
            screen = QApplication.primaryScreen()
            if screen is not None:
                avail = screen.availableGeometry()
                self.resize(min(DEFAULT_SIZE[0], avail.width()),
                            min(DEFAULT_SIZE[1], avail.height()))
                self.move(avail.center() - self.rect().center())
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def save_window_settings(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()

    # ------------------------------------------------------------------ help
    def show_shortcuts(self):
        self._shortcuts_dialog = shortcuts_dialog(self, self.menuBar())
        return self._shortcuts_dialog

    def show_about(self):
        self._about_box = about_box(self)
        return self._about_box

    def open_tutorial_link(self) -> bool:
        return open_tutorial_link(self)

    # ------------------------------------------------------------------ Qt events
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.firstShown.emit()

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.files.remember_last_file()
        self.save_window_settings()
        hooks, self._close_hooks = self._close_hooks, []
        for hook in reversed(hooks):
            guarded(hook, self.show_status)()
        self.autosaver.shutdown()
        self._unsubscribe()
        self.inspector.close_inspector()
        event.accept()

    def eventFilter(self, watched, event) -> bool:
        et = event.type()
        if et in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            if self.files.handle_file_drop(event):
                return True
        elif et == QEvent.Type.Wheel:
            QTimer.singleShot(0, self, self._update_zoom)
        elif et == QEvent.Type.Resize:
            if self._refit_on_resize:
                self._refit_on_resize = False
                QTimer.singleShot(0, self, lambda: self.view.frame_rect(
                    self.scene.items_bounding_rect()))
            QTimer.singleShot(0, self, self._update_zoom)
            self._place_empty_hint()
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event) -> None:
        if not self.files.handle_file_drop(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if not self.files.handle_file_drop(event):
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if not self.files.handle_file_drop(event):
            super().dropEvent(event)

"""The main window's Edit, View and Help menus and its main toolbar.

Actions are created through :meth:`MainWindow.add_action`, so each is registered by key in
``window.actions`` (where tests, toolbars and the shortcuts list find it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QActionGroup, QKeySequence

from graphstudio.ui.icons import icon

__all__ = ["build_menus"]

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def build_menus(window, app_name: str, menu_order) -> None:
    """Create the menus in ``menu_order`` and fill File, Edit, View and Help."""
    for key in menu_order:
        window.menu(key)
    window.files.build_menu(window.menu("file"))
    _edit_menu(window)
    bar = _view_menu(window)
    _help_menu(window, app_name)
    for key in ("new", "open", "save", None, "undo", "redo", None, "delete", None, "frame",
                "zoom_in", "zoom_out", "auto_layout", None, "export"):
        bar.addSeparator() if key is None else bar.addAction(window.actions[key])


def _edit_menu(window) -> None:
    v = window.view
    std = QKeySequence.StandardKey
    edit = window.menu("edit")
    undo = window.undo_stack.createUndoAction(window, translate("WindowMenus", "&Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = window.undo_stack.createRedoAction(window, translate("WindowMenus", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for key, action, name in (("undo", undo, "undo"), ("redo", redo, "redo")):
        action.setObjectName(f"action_{key}")
        action.setProperty("icon_name", name)
        action.setIcon(icon(name, window.theme.node_text))
        window.actions[key] = action
        edit.addAction(action)
    edit.addSeparator()
    window.add_action("cut", translate("WindowMenus", "Cu&t"), v.cut_selection, std.Cut, "cut",
                      menu=edit, canvas=True)
    window.add_action("copy", translate("WindowMenus", "&Copy"), v.copy_selection, std.Copy,
                      "copy", menu=edit, canvas=True)
    window.add_action("paste", translate("WindowMenus", "&Paste"), lambda: v.paste(),
                      std.Paste, "paste", menu=edit, canvas=True)
    window.add_action("duplicate", translate("WindowMenus", "D&uplicate"),
                      v.duplicate_selection, "Ctrl+D", "duplicate", menu=edit, canvas=True)
    window.add_action("delete", translate("WindowMenus", "&Delete"), v.delete_selection,
                      [Qt.Key.Key_Delete, Qt.Key.Key_Backspace], "delete", menu=edit,
                      canvas=True)
    edit.addSeparator()
    window.add_action("select_all", translate("WindowMenus", "Select &All"), v.select_all,
                      std.SelectAll, "select_all", menu=edit, canvas=True)
    window.add_action("add_node", translate("WindowMenus", "Add &Node…"),
                      lambda: v.open_quick_add(), None, "add_node",
                      translate("WindowMenus",
                                "Add a node by name (Tab or double-click on the canvas)"), edit)
    window.add_action("find", translate("WindowMenus", "&Find Node Type"),
                      window._focus_palette, std.Find, menu=edit,
                      tip=translate("WindowMenus", "Filter the palette"))
    edit.addSeparator()
    history = window.actions["panel_history"]
    history.setText(translate("WindowMenus", "&History"))
    history.setShortcut(QKeySequence("Ctrl+H"))
    history.setProperty("icon_name", "history")
    history.setIcon(icon("history", window.theme.node_text))
    edit.addAction(history)


def _view_menu(window):
    """The View menu; returns the main toolbar (its Panels submenu toggles it)."""
    std = QKeySequence.StandardKey
    v = window.view
    view = window.menu("view")
    window.add_action("frame", translate("WindowMenus", "&Frame Selection"), window.frame, "F",
                      "frame", translate("WindowMenus",
                                         "Fit the selection (or the whole graph) in the view"),
                      view, canvas=True)
    window.add_action("zoom_in", translate("WindowMenus", "Zoom &In"),
                      lambda: window.zoom_by(1.25), [std.ZoomIn, "Ctrl+="], "zoom_in", menu=view)
    window.add_action("zoom_out", translate("WindowMenus", "Zoom &Out"),
                      lambda: window.zoom_by(0.8), std.ZoomOut, "zoom_out", menu=view)
    window.add_action("zoom_reset", translate("WindowMenus", "&Actual Size"), window.zoom_reset,
                      "Ctrl+0", "zoom_reset", menu=view)
    view.addSeparator()
    window.add_action("auto_layout", translate("WindowMenus", "Auto-&layout"), v.auto_layout,
                      "L", "layout",
                      translate("WindowMenus", "Arrange the graph in topological layers"), view,
                      canvas=True)
    view.addSeparator()
    theme_menu = view.addMenu(translate("WindowMenus", "&Theme"))
    group = QActionGroup(window)
    names = {"light": translate("WindowMenus", "Light"), "dark": translate("WindowMenus", "Dark")}
    for name, text in names.items():
        act = window.add_action(f"theme_{name}", text,
                                lambda _c=False, n=name: window.set_theme(n),
                                menu=theme_menu, checkable=True)
        group.addAction(act)
    window.actions[f"theme_{window.theme.name}"].setChecked(True)
    window._panels_menu = view.addMenu(translate("WindowMenus", "&Panels"))
    for key in ("palette", "inspector", "history"):
        window._panels_menu.addAction(window.actions[f"panel_{key}"])
    bar = window.add_toolbar("main", translate("WindowMenus", "Main Toolbar"))
    window._panels_menu.addAction(bar.toggleViewAction())
    view.addSeparator()
    window.add_action("reset_layout", translate("WindowMenus", "&Reset Layout"),
                      window.reset_layout, menu=view,
                      tip=translate("WindowMenus", "Put the panels back where they started"))
    return bar


def _help_menu(window, app_name: str) -> None:
    std = QKeySequence.StandardKey
    help_menu = window.menu("help")
    window.add_action("shortcuts", translate("WindowMenus", "&Keyboard Shortcuts"),
                      window.show_shortcuts, ["Ctrl+/", std.HelpContents], "help",
                      menu=help_menu)
    window.add_action("tutorial", translate("WindowMenus", "PyTorch &Autograd Tutorial"),
                      window.open_tutorial_link,
                      tip=translate("WindowMenus", "Open PyTorch's autograd tutorial, which "
                                                   "the examples follow"),
                      menu=help_menu)
    help_menu.addSeparator()
    window.add_action("about", translate("WindowMenus", "&About {0}").format(app_name),
                      window.show_about, menu=help_menu)

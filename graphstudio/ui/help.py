"""Help menu contents: the keyboard-shortcut table, the About box and the tutorial link."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from graphstudio.ui.icons import app_icon
from graphstudio.ui.settings import APP_NAME

AUTOGRAD_TUTORIAL_URL = "https://pytorch.org/tutorials/beginner/basics/autogradqs_tutorial.html"
CANVAS_GESTURES = [  # (what, how), both translated in shortcuts_dialog()
    (QT_TRANSLATE_NOOP("Help", "Add a node by name"),
     QT_TRANSLATE_NOOP("Help", "Tab, or double-click empty canvas")),
    (QT_TRANSLATE_NOOP("Help", "Add a node from the palette"),
     QT_TRANSLATE_NOOP("Help", "Drag it onto the canvas, or double-click it")),
    (QT_TRANSLATE_NOOP("Help", "Connect"),
     QT_TRANSLATE_NOOP("Help", "Drag from an output port to an input port")),
    (QT_TRANSLATE_NOOP("Help", "Disconnect / reconnect"),
     QT_TRANSLATE_NOOP("Help", "Drag a wire's input end away / to another port")),
    (QT_TRANSLATE_NOOP("Help", "Rename a node"),
     QT_TRANSLATE_NOOP("Help", "Double-click its title")),
    (QT_TRANSLATE_NOOP("Help", "Pan"), QT_TRANSLATE_NOOP("Help", "Middle-drag, or Space + drag")),
    (QT_TRANSLATE_NOOP("Help", "Zoom around the cursor"), QT_TRANSLATE_NOOP("Help", "Mouse wheel")),
    (QT_TRANSLATE_NOOP("Help", "Select several"),
     QT_TRANSLATE_NOOP("Help", "Rubber-band drag, Ctrl/Shift + click")),
    (QT_TRANSLATE_NOOP("Help", "Cancel a wire / clear selection"),
     QT_TRANSLATE_NOOP("Help", "Escape")),
]
MNEMONIC = re.compile(r"\(&\w\)|&(?=\S)")  # "文件(&F)" and "&File" both lose their mnemonic


def menu_label(text: str) -> str:
    """A menu entry's text as a plain label: no mnemonic, no trailing "…"."""
    return MNEMONIC.sub("", text).rstrip("…")


def _menu_rows(menu, seen) -> list[tuple[str, str]]:
    rows = []
    for a in menu.actions():
        if a.menu() is not None:
            rows += _menu_rows(a.menu(), seen)
        elif a.shortcuts() and a not in seen:
            seen.add(a)
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                             for s in a.shortcuts())
            rows.append((menu_label(a.text()), keys))
    return rows


def shortcuts_dialog(parent, menu_bar) -> QDialog:
    """A non-modal table of every menu action's shortcuts, by menu, plus the canvas gestures."""
    rows, seen = [], set()
    for top in menu_bar.actions():
        if top.menu() is not None:
            found = _menu_rows(top.menu(), seen)
            if found:
                rows += [(menu_label(top.text()), None), *found]
    rows.append((QCoreApplication.translate("Help", "Canvas"), None))
    rows += [(QCoreApplication.translate("Help", what), QCoreApplication.translate("Help", how))
             for what, how in CANVAS_GESTURES]
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Help", "Keyboard Shortcuts"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([QCoreApplication.translate("Help", "Action"),
                                     QCoreApplication.translate("Help", "Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.verticalHeader().setDefaultSectionSize(24)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    for r, (what, keys) in enumerate(rows):
        item = QTableWidgetItem(what)
        if keys is None:  # a section heading
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        table.setItem(r, 0, item)
        table.setItem(r, 1, QTableWidgetItem(keys or ""))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnToContents(1)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(520, 640)
    dialog.show()
    return dialog


def about_box(parent) -> QMessageBox:
    """The non-modal About box."""
    from graphstudio import __version__

    title = QCoreApplication.translate("Help", "About {0}").format(APP_NAME)
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, "", parent=parent)
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(f"<h3>{APP_NAME} {__version__}</h3><p>"
                + QCoreApplication.translate(
                    "Help", "Build a computational graph on a canvas and watch PyTorch-style "
                    "autograd run it, forward and backward, one step at a time.")
                + "</p><p>Qt for Python (PySide6) · pyqtgraph · numpy</p>")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def open_tutorial_link(parent) -> bool:
    """Open PyTorch's autograd tutorial (the examples follow it) in the browser; when none can
    be opened, say so and show the address to copy (nothing visible happened before)."""
    if QDesktopServices.openUrl(QUrl(AUTOGRAD_TUTORIAL_URL)):
        return True
    tutorial_address_box(parent)
    return False


def tutorial_address_box(parent) -> QMessageBox:
    """The non-modal "no browser" box: the address as selectable text and a Copy button."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Help", "PyTorch Autograd Tutorial"), "",
                      parent=parent)
    box.setObjectName("tutorialAddress")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(QCoreApplication.translate(
                    "Help", "No web browser could be opened. The tutorial is at this address "
                    "(select it, or press Copy Address):")
                + f"<p><a href='{AUTOGRAD_TUTORIAL_URL}'>{AUTOGRAD_TUTORIAL_URL}</a></p>")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    copy = box.addButton(QCoreApplication.translate("Help", "Copy Address"),
                         QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # copying keeps the box open
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(AUTOGRAD_TUTORIAL_URL))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def empty_hint_html(colour: str) -> str:
    """What the empty canvas says (in ``colour``, the theme's dim text)."""
    title = QCoreApplication.translate("Help", "An empty graph")
    body = QCoreApplication.translate(
        "Help", "Drag a node type from the palette onto the canvas,<br>press <b>Tab</b> to add "
        "one by name,<br>or open an example from <b>File ▸ Open Example</b>.")
    return (f"<div style='color:{colour}'><p style='font-size:15pt'>{title}</p>"
            f"<p>{body}</p></div>")

"""Help menu contents: the keyboard-shortcut table, the About box and the tutorial link."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
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
CANVAS_GESTURES = [
    ("Add a node by name", "Tab, or double-click empty canvas"),
    ("Add a node from the palette", "Drag it onto the canvas, or double-click it"),
    ("Connect", "Drag from an output port to an input port"),
    ("Disconnect / reconnect", "Drag a wire's input end away / to another port"),
    ("Rename a node", "Double-click its title"),
    ("Pan", "Middle-drag, or Space + drag"),
    ("Zoom around the cursor", "Mouse wheel"),
    ("Select several", "Rubber-band drag, Ctrl/Shift + click"),
    ("Cancel a wire / clear selection", "Escape"),
]


def _menu_rows(menu, seen) -> list[tuple[str, str]]:
    rows = []
    for a in menu.actions():
        if a.menu() is not None:
            rows += _menu_rows(a.menu(), seen)
        elif a.shortcuts() and a not in seen:
            seen.add(a)
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                             for s in a.shortcuts())
            rows.append((a.text().replace("&", "").rstrip("…"), keys))
    return rows


def shortcuts_dialog(parent, menu_bar) -> QDialog:
    """A non-modal table of every menu action's shortcuts, by menu, plus the canvas gestures."""
    rows, seen = [], set()
    for top in menu_bar.actions():
        if top.menu() is not None:
            found = _menu_rows(top.menu(), seen)
            if found:
                rows += [(top.text().replace("&", ""), None), *found]
    rows += [("Canvas", None), *CANVAS_GESTURES]
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels(["Action", "Keys"])
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

    box = QMessageBox(QMessageBox.Icon.NoIcon, f"About {APP_NAME}", "", parent=parent)
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(f"<h3>{APP_NAME} {__version__}</h3>"
                "<p>Build a computational graph on a canvas and watch PyTorch-style "
                "autograd run it, forward and backward, one step at a time.</p>"
                "<p>Qt for Python (PySide6) · pyqtgraph · numpy</p>")
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
    def tr(text):
        return QCoreApplication.translate("Help", text)

    box = QMessageBox(QMessageBox.Icon.Information, tr("PyTorch Autograd Tutorial"), "",
                      parent=parent)
    box.setObjectName("tutorialAddress")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(tr("No web browser could be opened. The tutorial is at this address "
                   "(select it, or press Copy Address):")
                + f"<p><a href='{AUTOGRAD_TUTORIAL_URL}'>{AUTOGRAD_TUTORIAL_URL}</a></p>")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    copy = box.addButton(tr("Copy Address"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # copying keeps the box open
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(AUTOGRAD_TUTORIAL_URL))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def empty_hint_html(colour: str) -> str:
    """What the empty canvas says (in ``colour``, the theme's dim text)."""
    return (f"<div style='color:{colour}'><p style='font-size:15pt'>An empty graph</p>"
            "<p>Drag a node type from the palette onto the canvas,<br>"
            "press <b>Tab</b> to add one by name,<br>"
            "or open an example from <b>File ▸ Open Example</b>.</p></div>")

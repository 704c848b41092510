"""The quick-add box: type a few letters of an op, press Enter, get the node under the cursor.

A small frame floating over the canvas with a filter line and a list of node types (fuzzy
search from the registry, best match first). Up/Down move, Enter or a click chooses, Escape or
clicking elsewhere closes. ``port_kind`` limits the list to types that can take a dangling
wire (see ``nodetypes.compatible_types``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
)

from graphstudio.ui.theme import Theme

__all__ = ["QuickAddPopup"]


class _TypeDelegate(QStyledItemDelegate):
    """A row: category colour chip, the op's label, its category dimmed on the right."""

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option, index):
        return QSize(200, 24)

    def paint(self, painter, option, index):
        t = self.theme
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        r = option.rect
        if option.state & QStyle.State_Selected:
            sel = QColor(t.selection)
            sel.setAlpha(60)
            painter.setPen(Qt.NoPen)
            painter.setBrush(sel)
            painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), 4, 4)
        category = index.data(Qt.UserRole + 2)
        painter.setPen(Qt.NoPen)
        painter.setBrush(t.category_color(category))
        painter.drawRoundedRect(QRect(r.left() + 6, r.center().y() - 5, 10, 10), 3, 3)
        painter.setPen(t.node_text)
        text_rect = r.adjusted(24, 0, -8, 0)
        painter.drawText(text_rect, Qt.AlignVCenter | Qt.AlignLeft, index.data(Qt.DisplayRole))
        painter.setPen(t.node_text_dim)
        painter.drawText(text_rect, Qt.AlignVCenter | Qt.AlignRight, category)
        painter.restore()


class QuickAddPopup(QFrame):
    """Emits :attr:`chosen` with a type id, then closes itself."""

    chosen = Signal(str)
    closed = Signal()

    def __init__(self, parent, theme: Theme, port_kind: str | None = None):
        super().__init__(parent)
        self.theme = theme
        self.port_kind = port_kind
        self.setObjectName("QuickAdd")
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        border = theme.node_border.name()
        self.setStyleSheet(
            f"#QuickAdd {{ background: {theme.popup_bg.name()}; border: 1px solid {border};"
            " border-radius: 6px; }"
            f"#QuickAdd QLineEdit {{ padding: 4px 6px; border: 1px solid {border};"
            f" border-radius: 4px; background: {theme.node_body.name()};"
            f" color: {theme.node_text.name()}; }}"
            f"#QuickAdd QListWidget {{ border: none; background: {theme.popup_bg.name()};"
            f" color: {theme.node_text.name()}; }}"
            f"#QuickAdd QLabel {{ color: {theme.node_text_dim.name()}; }}")
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Add node: type to search…"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(_TypeDelegate(theme, self.list))
        self.list.setFocusPolicy(Qt.NoFocus)
        self.doc = QLabel(self)
        self.doc.setWordWrap(True)
        self.doc.setMinimumHeight(32)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(4)
        if port_kind:
            hint = QLabel(self.tr("connect the wire to a new…"), self)
            lay.addWidget(hint)
        lay.addWidget(self.edit)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.doc)
        self.resize(320, 360)
        self.edit.textChanged.connect(self.refilter)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.list.currentItemChanged.connect(self._show_doc)
        self._done = False
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.refilter("")

    def types(self, text: str):
        from graphstudio.graph import type_search

        if self.port_kind:
            return type_search.compatible_types(self.port_kind, text)
        return type_search.search(text)

    def refilter(self, text: str):
        self.list.clear()
        for nt in self.types(text):
            item = QListWidgetItem(nt.label)
            item.setData(Qt.UserRole, nt.type_id)
            item.setData(Qt.UserRole + 2, nt.category)
            item.setData(Qt.UserRole + 1, nt.doc)
            item.setToolTip(nt.doc)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.doc.setText(self.tr("no node type matches"))

    def current_type(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def _show_doc(self, item, _previous=None):
        if item is not None:
            self.doc.setText(item.data(Qt.UserRole + 1))

    def popup_at(self, pos: QPoint):
        """Show with the top-left near ``pos`` (parent coordinates), kept inside the parent."""
        parent = self.parentWidget()
        x = min(max(pos.x(), 4), max(parent.width() - self.width() - 4, 4))
        y = min(max(pos.y(), 4), max(parent.height() - self.height() - 4, 4))
        self.move(x, y)
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.PopupFocusReason)

    def eventFilter(self, obj, event):
        if obj is self.edit and event.type() == QEvent.KeyPress:
            key = event.key()
            if key in (Qt.Key_Down, Qt.Key_Up, Qt.Key_PageDown, Qt.Key_PageUp):
                step = {Qt.Key_Down: 1, Qt.Key_Up: -1, Qt.Key_PageDown: 8, Qt.Key_PageUp: -8}
                row = self.list.currentRow() + step[key]
                self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
                return True
            if key in (Qt.Key_Return, Qt.Key_Enter):
                self._choose(self.current_type())
                return True
            if key == Qt.Key_Escape:
                self.dismiss()
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def _activate(self, item):
        self._choose(item.data(Qt.UserRole))

    def _choose(self, type_id: str | None):
        if self._done or not type_id:
            return
        self.dismiss()
        self.chosen.emit(type_id)

    def _focus_changed(self, _old, new):
        if self._done:
            return
        if new is None or not (new is self or self.isAncestorOf(new)):
            self.dismiss()

    def dismiss(self):
        """Close without choosing (also after choosing)."""
        if self._done:
            return
        self._done = True
        try:
            QApplication.instance().focusChanged.disconnect(self._focus_changed)
        except (RuntimeError, TypeError):
            pass
        self.hide()
        self.closed.emit()
        self.deleteLater()

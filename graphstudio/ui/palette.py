"""The node palette: every node type by category, with a fuzzy filter box.

Drag an entry onto the canvas to create that node where it is dropped (the drag carries the type
id as ``application/x-graphstudio-nodetype``, which the canvas view accepts); double-click it or
press Enter to add it at the centre of the view (:attr:`PaletteWidget.nodeTypeActivated`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.type_search import categories, search
from graphstudio.ui.canvas.clipboard import MIME_NODETYPE
from graphstudio.ui.theme import LIGHT, Theme

__all__ = ["MIME_NODETYPE", "PaletteWidget", "PaletteTree", "chip_icon", "node_type_mime"]
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def node_type_mime(type_id: str) -> QMimeData:
    """The drag payload that makes the canvas create a node of ``type_id``."""
    data = QMimeData()
    data.setData(MIME_NODETYPE, type_id.encode("utf-8"))
    data.setText(type_id)
    return data


def chip_icon(colour: QColor, size: int = 12) -> QIcon:
    """A small rounded colour swatch: the category's colour, as on the node cards."""
    result = QIcon()
    for ratio in (1.0, 2.0):
        pm = QPixmap(int(size * ratio), int(size * ratio))
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(colour.darker(130))
        p.setBrush(colour)
        inset = 1.5 * ratio
        p.drawRoundedRect(QRectF(inset, inset, pm.width() - 2 * inset, pm.height() - 2 * inset),
                          3 * ratio, 3 * ratio)
        p.end()
        pm.setDevicePixelRatio(ratio)
        result.addPixmap(pm)
    return result


def _tooltip(nt) -> str:
    category = QCoreApplication.translate("NodeCategory", nt.category)
    lines = [f"<b>{nt.label}</b> &nbsp;<span style='color:gray'>{category}</span>", nt.doc]
    if nt.torch_name:
        lines.append(f"<code>{nt.torch_name}</code>")
    lines.append("<i>{}</i>".format(QCoreApplication.translate(
        "PaletteWidget", "Drag onto the canvas, or double-click to add.")))
    return "<br>".join(lines)


class PaletteTree(QTreeWidget):
    """The tree of types; its drags carry :data:`MIME_NODETYPE`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setIconSize(QSize(12, 12))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAnimated(False)

    def mimeTypes(self) -> list[str]:
        return [MIME_NODETYPE]

    def mimeData(self, items) -> QMimeData:
        for item in items:
            type_id = item.data(0, TYPE_ROLE)
            if type_id:
                return node_type_mime(type_id)
        return QMimeData()

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction


class PaletteWidget(QWidget):
    """Filter box above the categorised tree of node types."""

    #: a type was double-clicked or chosen with Enter: add it at the view's centre
    nodeTypeActivated = Signal(str)

    def __init__(self, theme: Theme = LIGHT, parent=None):
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter nodes…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip(self.tr("Type part of a name, PyTorch function or alias; Enter "
                                       "adds the highlighted node"))
        self.tree = PaletteTree(self)
        self.no_match = QLabel(self)  # an empty list said nothing
        self.no_match.setObjectName("palette_no_match")
        self.no_match.setWordWrap(True)
        self.no_match.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.tree, 1)

        self._items: dict[str, QTreeWidgetItem] = {}
        self._categories: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.set_theme(theme)

        self.filter.textChanged.connect(self.set_filter)
        self.filter.returnPressed.connect(self._activate_current)
        self.tree.itemActivated.connect(self._on_activated)
        # PySide ignores context= in this constructor: set it explicitly, or Down anywhere in
        # the window would jump to the palette
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.tree.setFocus)

    def _build(self) -> None:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for category, types in categories().items():
            if not types:
                continue
            head = QTreeWidgetItem(self.tree, [QCoreApplication.translate("NodeCategory",
                                                                          category)])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setToolTip(0, self.tr("{0} node types").format(len(types)))
            self._categories[category] = head
            for nt in types:
                item = QTreeWidgetItem(head, [nt.label])
                item.setData(0, TYPE_ROLE, nt.type_id)
                item.setToolTip(0, _tooltip(nt))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                self._items[nt.type_id] = item
        self.tree.expandAll()

    def set_theme(self, theme: Theme) -> None:
        chips = {c: chip_icon(theme.category_color(c)) for c in self._categories}
        for type_id, item in self._items.items():
            item.setIcon(0, chips[NODE_TYPES[type_id].category])

    # ------------------------------------------------------------------ queries
    def item_for(self, type_id: str) -> QTreeWidgetItem:
        return self._items[type_id]

    def visible_type_ids(self) -> list[str]:
        """Types shown under the current filter, in tree order."""
        return [t for t, item in self._items.items() if not item.isHidden()]

    def current_type_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, TYPE_ROLE) if item is not None else None

    # ------------------------------------------------------------------ filtering
    def set_filter(self, text: str) -> None:
        if self.filter.text() != text:
            self.filter.setText(text)  # re-enters through textChanged
            return
        ranked = [nt.type_id for nt in search(text)] if text.strip() else list(self._items)
        shown = set(ranked)
        for type_id, item in self._items.items():
            item.setHidden(type_id not in shown)
        for head in self._categories.values():
            visible = any(not head.child(i).isHidden() for i in range(head.childCount()))
            head.setHidden(not visible)
            head.setExpanded(True)
        best = next((t for t in ranked if t in self._items), None)
        self.no_match.setVisible(bool(text.strip()) and best is None)
        self.no_match.setText(self.tr("No node type matches “{0}”: try a PyTorch name such as "
                                      "matmul, relu or cross_entropy").format(text.strip()))
        if text.strip() and best is not None:
            self.tree.setCurrentItem(self._items[best])
        elif not text.strip():
            self.tree.clearSelection()

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    # ------------------------------------------------------------------ activation
    def _activate_current(self) -> None:
        type_id = self.current_type_id()
        if type_id and not self._items[type_id].isHidden():
            self.nodeTypeActivated.emit(type_id)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        type_id = item.data(0, TYPE_ROLE)
        if type_id:
            self.nodeTypeActivated.emit(type_id)

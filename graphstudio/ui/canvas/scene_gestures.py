"""Selection and the mouse and key gestures on the canvas scene: wire drags, moves, renames.

:class:`SceneGestures` is mixed into :class:`~graphstudio.ui.canvas.scene.GraphScene`; every
gesture ends in an undo command pushed through the scene (never a change to items), and a
failing gesture is reported, never raised out of an event handler.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication

from graphstudio.ui.canvas.freeze_toggle import FreezeToggle
from graphstudio.ui.canvas.interactions import TitleEditor, WireDrag
from graphstudio.ui.canvas.node_item import NodeItem
from graphstudio.ui.canvas.port_item import PortItem
from graphstudio.ui.commands import MoveNodesCommand

__all__ = ["SceneGestures"]

log = logging.getLogger(__name__)


def _failed() -> str:
    return QCoreApplication.translate("GraphScene", "that did not work: {0}")


class SceneGestures:
    """The scene's selection and mouse and key handlers, and the card under a point and the
    inline rename (a mixin for a QGraphicsScene subclass that has ``push``, ``report``,
    ``nodeActivated``, ``editor``, its cards ``_nodes`` and its sketched nodes ``_lazy``)."""

    _interaction: WireDrag | None = None
    _press_positions: dict[str, QPointF] | None = None
    _selecting = False  # True while the scene itself selects
    _band: QRectF | None = None  # the rubber band being dragged (scene coordinates)
    _band_adds = False  # it adds to the selection (Ctrl held when it started)
    rubber_banding = False

    # ------------------------------------------------------------------ selection
    def selected_node_ids(self) -> list[str]:
        """Ids of the selected nodes (cards and sketched nodes), in model order."""
        chosen = {it.node_id for it in self.selectedItems() if isinstance(it, NodeItem)}
        chosen |= self._lazy.selected
        return [nid for nid in self.graph.nodes if nid in chosen]

    def select_nodes(self, node_ids):
        """Select exactly ``node_ids`` (unknown ids are ignored); nodes without a card yet
        are selected in the sketch (no card is built for this)."""
        was, self._selecting = self._selecting, True
        try:
            self.clearSelection()
            sketched = []
            for nid in node_ids:
                item = self._nodes.get(nid)
                if item is not None:
                    item.setSelected(True)
                elif nid in self._lazy:
                    sketched.append(nid)
            changed = self._lazy.set_selected(sketched)
        finally:
            self._selecting = was
        if changed:
            self._sketch_selection_changed()

    def select_sketched(self, rect: QRectF, add: bool = False) -> int:
        """Select the sketched nodes whose rough card meets ``rect`` (a rubber band's area)
        besides those already selected (``add``) or instead; returns how many it found."""
        found = self._lazy.ids_in(rect)
        if self._lazy.set_selected([*self._lazy.selected, *found] if add else found):
            self._sketch_selection_changed()
        return len(found)

    def clearSelection(self):
        """Deselect every card and sketched node."""
        if self._lazy.set_selected(()):
            self._sketch_selection_changed()
        super().clearSelection()

    def _selection_changed(self):
        """Qt changed the cards' selection (a click, a band): the sketched nodes' selection
        goes too unless Ctrl or Shift adds to it, or a band is still being dragged."""
        if self._selecting or self.rubber_banding or not self._lazy.selected:
            return
        if not QGuiApplication.keyboardModifiers() & (Qt.ControlModifier | Qt.ShiftModifier) \
                and self._lazy.set_selected(()):
            self._sketch_selection_changed()

    def _sketch_selection_changed(self):
        """Tell the selection's followers (Inspector, status bar) that sketched nodes' selection
        changed: Qt only signals its items'."""
        was, self._selecting = self._selecting, True
        try:
            self.selectionChanged.emit()
        finally:
            self._selecting = was

    def follow_rubber_band(self, dragging: bool, from_: QPointF, to_: QPointF) -> None:
        """A view's rubber band moved (``dragging``) or was let go. Qt selects the cards in
        it; the nodes the sketch draws (a big document zoomed out) are selected when it is
        let go, if their rough cards meet it (with Ctrl held at its start: added to)."""
        if dragging:
            if not self.rubber_banding:
                self._band_adds = bool(QGuiApplication.keyboardModifiers() & Qt.ControlModifier)
            self._band = QRectF(from_, to_).normalized()
            self.rubber_banding = True
            return
        self.rubber_banding = False
        band, self._band = self._band, None
        if band is not None:
            self.select_sketched(band, add=self._band_adds)

    # ------------------------------------------------------------------ mouse
    def _top_item(self, pos: QPointF):
        for it in self.items(pos):
            if it.isVisible() and it.zValue() < 5:  # skip a live wire
                return it
        return None

    def mousePressEvent(self, event):
        try:
            if self._interaction is not None:
                self._interaction.cancel()
                self._interaction = None
            if event.button() == Qt.LeftButton:
                item = self._top_item(event.scenePos())
                if isinstance(item, PortItem):
                    self._interaction = WireDrag(self, item)
                    event.accept()
                    return
                if item is None and not event.modifiers() & (Qt.ControlModifier
                                                              | Qt.ShiftModifier):
                    self.clearSelection()  # a click on empty canvas selects nothing
                node = self.node_item_at(event.scenePos()) if item is not None else None
                if node is not None and event.modifiers() & Qt.ShiftModifier \
                        and not isinstance(item, FreezeToggle):
                    node.setSelected(not node.isSelected())
                    event.accept()
                    return
            super().mousePressEvent(event)
            if event.button() == Qt.LeftButton:
                self._press_positions = {it.node_id: it.pos() for it in self.selectedItems()
                                         if isinstance(it, NodeItem)}
        except Exception as ex:
            log.exception("mouse press failed")
            self.report(_failed().format(ex))

    def mouseMoveEvent(self, event):
        if self._interaction is not None:
            try:
                self._interaction.move(event.scenePos())
            except Exception as ex:
                log.exception("wire drag failed")
                self._interaction.cancel()
                self._interaction = None
                self.report(_failed().format(ex))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        try:
            if self._interaction is not None and event.button() == Qt.LeftButton:
                interaction, self._interaction = self._interaction, None
                interaction.release(event.scenePos(), event.screenPos())
                event.accept()
                return
            super().mouseReleaseEvent(event)
            if event.button() == Qt.LeftButton and self._press_positions:
                self._commit_move()
        except Exception as ex:
            log.exception("mouse release failed")
            self.report(_failed().format(ex))

    def start_rename(self, node_id: str) -> TitleEditor | None:
        item = self._nodes.get(node_id)
        if item is None:
            return None
        if self.editor is not None:
            self.editor.close()
        self.editor = TitleEditor(item)  # keep the Python object alive while it is shown
        self.editor.finished.connect(self._editor_closed)
        return self.editor

    def _editor_closed(self):
        self.editor = None

    def put_down(self, node_id: str, point: QPointF) -> None:
        """``node_id`` (just added at ``point``) is shown at ``point`` even where a run's room
        stretches the canvas (see ``LazyCards.pin``)."""
        node = self.graph.nodes.get(node_id)
        if node is None:
            return
        self._lazy.pin(node_id, node.pos, (point.x(), point.y()))
        item = self._nodes.get(node_id)
        if item is not None:
            item.setPos(*self._lazy.shown_pos(node_id))

    def node_item_at(self, pos: QPointF) -> NodeItem | None:
        for it in self.items(pos):
            while it is not None and not isinstance(it, NodeItem):
                it = it.parentItem()
            if it is not None:
                return it
        return None

    def _commit_move(self):
        start, self._press_positions = self._press_positions, None
        moves = {}
        for nid, old in start.items():
            item = self._nodes.get(nid)
            if item is not None and item.pos() != old and nid in self.graph:
                spot = (item.pos().x(), item.pos().y())
                moves[nid] = (self._lazy.doc_pos(old.x(), old.y()),  # (a stretched canvas)
                              self._lazy.doc_pos(*spot))
                self._lazy.pin(nid, moves[nid][1], spot)  # it stays where it was let go
        if moves:
            self.push(MoveNodesCommand(self.graph, moves))

    def mouseDoubleClickEvent(self, event):
        try:
            item = self._top_item(event.scenePos())
            node = self.node_item_at(event.scenePos()) if item is not None else None
            if node is None or isinstance(item, PortItem | FreezeToggle):
                super().mouseDoubleClickEvent(event)
                return
            if node.mapFromScene(event.scenePos()).y() <= node.title_rect().height():
                self.start_rename(node.node_id)
            else:
                self.nodeActivated.emit(node.node_id)
            event.accept()
        except Exception as ex:
            log.exception("double-click failed")
            self.report(_failed().format(ex))

    def keyPressEvent(self, event):
        if self._interaction is not None and event.key() == Qt.Key_Escape:
            self._interaction.cancel()
            self._interaction = None
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def interacting(self) -> bool:
        """True while a wire is being dragged."""
        return self._interaction is not None

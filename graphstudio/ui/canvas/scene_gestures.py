"""Mouse and key gestures on the canvas scene: wire drags, shift-clicks, moves, renames.

:class:`SceneGestures` is mixed into :class:`~graphstudio.ui.canvas.scene.GraphScene`; every
gesture ends in an undo command pushed through the scene (never a change to items), and a
failing gesture is reported, never raised out of an event handler.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QPointF, Qt

from graphstudio.ui.canvas.freeze_toggle import FreezeToggle
from graphstudio.ui.canvas.interactions import WireDrag
from graphstudio.ui.canvas.node_item import NodeItem
from graphstudio.ui.canvas.port_item import PortItem
from graphstudio.ui.commands import MoveNodesCommand

__all__ = ["SceneGestures"]

log = logging.getLogger(__name__)


def _failed() -> str:
    return QCoreApplication.translate("GraphScene", "that did not work: {0}")


class SceneGestures:
    """The scene's mouse and key handlers (a mixin for a QGraphicsScene subclass that has
    ``push``, ``report``, ``node_item_at``, ``start_rename`` and ``nodeActivated``)."""

    _interaction: WireDrag | None = None
    _press_positions: dict[str, QPointF] | None = None

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

    def _commit_move(self):
        start, self._press_positions = self._press_positions, None
        moves = {}
        for nid, old in start.items():
            item = self._nodes.get(nid)
            if item is not None and item.pos() != old and nid in self.graph:
                moves[nid] = ((old.x(), old.y()), (item.pos().x(), item.pos().y()))
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

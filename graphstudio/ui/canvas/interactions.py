"""Gestures that span several mouse events, each a small class the scene hands events to.

* :class:`WireDrag` - drag from a port to make a wire; pick up a connected input's wire to
  reconnect or drop it; drop on empty canvas to add a connected node (quick-add).
* :class:`TitleEditor` - rename a node inline on its title bar.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainterPath, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from graphstudio.ui.canvas.edge_item import LiveWire
from graphstudio.ui.canvas.node_item import PAD, NodeItem
from graphstudio.ui.canvas.port_item import PortItem
from graphstudio.ui.commands import ConnectCommand, DisconnectCommand, ReconnectCommand

__all__ = ["TitleEditor", "WireDrag"]

SNAP = 14.0  # how close (scene units) the mouse must be to a port to snap to it


class WireDrag:
    """A wire being dragged from ``port`` (see the module doc)."""

    def __init__(self, scene, port: PortItem):
        self.scene = scene
        graph = scene.graph
        self.picked = None
        self.picked_item = None
        if not port.is_output:
            edge = graph.incoming(port.node_id).get(port.name)
            if edge is not None:  # pick up the existing wire by its input end
                self.picked = edge
                self.picked_item = scene.edge_item(edge)
                port = scene.node_item(edge.src).outputs[edge.src_port]
                if self.picked_item is not None:
                    self.picked_item.setVisible(False)
        self.anchor = port
        self.want_output = not port.is_output
        self.hover: PortItem | None = None
        self.wire = LiveWire(scene.theme, port.scene_anchor(), port.is_output)
        scene.addItem(self.wire)
        self.targets = self._legal_targets()
        for p in self.targets:
            p.set_highlight("target")

    # ------------------------------------------------------------------ rules
    def _legal_targets(self) -> list[PortItem]:
        g, scene, a = self.scene.graph, self.scene, self.anchor
        out = []
        if self.want_output:
            banned = g.downstream(a.node_id) | {a.node_id}
            for nid in g.nodes:
                if nid not in banned:
                    out.extend(scene.node_item(nid).outputs.values())
        else:
            banned = g.upstream(a.node_id) | {a.node_id}
            for nid in g.nodes:
                if nid in banned:
                    continue
                taken = g.incoming(nid)
                for name, p in scene.node_item(nid).inputs.items():
                    occupant = taken.get(name)
                    if occupant is None or occupant == self.picked:
                        out.append(p)
        return out

    def _parts(self, port: PortItem):
        if self.want_output:
            return port.node_id, port.name, self.anchor.node_id, self.anchor.name
        return self.anchor.node_id, self.anchor.name, port.node_id, port.name

    def problem(self, port: PortItem) -> str | None:
        """Why the wire cannot end on ``port`` (None when it can)."""
        if port.is_output != self.want_output:
            if port.is_output:
                return QCoreApplication.translate(
                    "WireDrag", "cannot connect an output to an output: "
                    "drop the wire on an input port (left side of a node)")
            return QCoreApplication.translate(
                "WireDrag", "cannot connect an input to an input: "
                "drop the wire on an output port (right side of a node)")
        parts = self._parts(port)
        if self.picked is not None:
            if (self.picked.dst, self.picked.dst_port) == (parts[2], parts[3]):
                return None
            return self.scene.graph.connection_problem(*parts, replacing=self.picked)
        return self.scene.graph.connection_problem(*parts)

    def port_at(self, pos: QPointF) -> PortItem | None:
        """The port the wire would end on at ``pos``: the nearest one within reach, or the
        best port of the node under the mouse."""
        box = QRectF(pos.x() - SNAP, pos.y() - SNAP, 2 * SNAP, 2 * SNAP)
        ports = [it for it in self.scene.items(box) if isinstance(it, PortItem)
                 and it is not self.anchor]
        if ports:
            return min(ports, key=lambda p: (p.scene_anchor() - pos).manhattanLength())
        node = self.scene.node_item_at(pos)
        if node is None or node.node_id == self.anchor.node_id:
            return None
        side = list((node.outputs if self.want_output else node.inputs).values())
        if not side:
            return None
        legal = [p for p in side if p in self.targets]
        pool = legal or side
        return min(pool, key=lambda p: abs(p.scene_anchor().y() - pos.y()))

    # ------------------------------------------------------------------ events
    def move(self, pos: QPointF):
        port = self.port_at(pos)
        if port is not self.hover:
            if self.hover is not None:
                self.hover.set_highlight("target" if self.hover in self.targets else None)
            self.hover = port
        if port is None:
            self.wire.set_end(pos)
            return
        ok = self.problem(port) is None
        port.set_highlight("ok" if ok else "bad")
        self.wire.set_end(port.scene_anchor(), "ok" if ok else "bad")

    def release(self, pos: QPointF, screen_pos=None):
        port = self.port_at(pos)
        over_node = self.scene.node_item_at(pos)
        self.finish()
        scene, g = self.scene, self.scene.graph
        if port is not None:
            reason = self.problem(port)
            if reason:
                scene.report(reason, screen_pos)
                return
            parts = self._parts(port)
            if self.picked is not None:
                if (self.picked.dst, self.picked.dst_port) != (parts[2], parts[3]):
                    scene.push(ReconnectCommand(g, self.picked, *parts), screen_pos)
            else:
                scene.push(ConnectCommand(g, *parts), screen_pos)
            return
        if over_node is not None:
            if over_node.node_id != self.anchor.node_id:
                text = (QCoreApplication.translate(
                    "WireDrag", "{0} has no output port to connect to") if self.want_output
                    else QCoreApplication.translate(
                        "WireDrag", "{0} has no input port to connect to"))
                scene.report(text.format(over_node.name), screen_pos)
            return
        if self.picked is not None:
            scene.push(DisconnectCommand(g, self.picked), screen_pos)
        elif self.want_output:
            scene.quickAddRequested.emit(pos, (self.anchor.node_id, self.anchor.name, "input"))
        else:
            scene.quickAddRequested.emit(pos, (self.anchor.node_id, self.anchor.name))

    def finish(self):
        """Remove the live wire and the highlights; show a picked-up wire again."""
        for p in self.targets:
            p.set_highlight(None)
        if self.hover is not None:
            self.hover.set_highlight(None)
        if self.wire.scene() is not None:
            self.scene.removeItem(self.wire)
        if self.picked_item is not None and self.picked_item.scene() is not None:
            self.picked_item.setVisible(True)

    cancel = finish


class TitleEditor(QGraphicsTextItem):
    """An inline editor over a node's title: Enter renames, Escape cancels.

    A refused name (invalid or taken) keeps the editor open and says why; leaving the editor
    with a refused name cancels. :attr:`finished` is emitted when it closes.
    """

    finished = Signal()

    def __init__(self, node: NodeItem):
        super().__init__(node.name, node)
        self.node = node
        self._closed = False
        self.setFont(node.fonts().title)
        self.setDefaultTextColor(node.theme.node_text)
        self.setTextInteractionFlags(Qt.TextEditorInteraction)
        self.setZValue(10)
        self.setPos(PAD - 5, (node.title_rect().height() - self.boundingRect().height()) / 2)
        self.setFlag(QGraphicsItem.ItemIsFocusable)
        node.editing = True
        node.update()
        self.setFocus(Qt.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.Document)
        self.setTextCursor(cursor)

    def paint(self, painter, option, widget=None):
        r = self.boundingRect().adjusted(1, 1, -1, -1)
        r.setWidth(max(r.width(), 90.0))
        path = QPainterPath()
        path.addRoundedRect(r, 3, 3)
        painter.setPen(QPen(self.node.theme.selection, 1.5))
        painter.setBrush(self.node.theme.node_body)
        painter.drawPath(path)
        super().paint(painter, option, widget)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.commit(keep_open_on_refusal=True)
        elif event.key() == Qt.Key_Escape:
            self.close()
        elif event.key() == Qt.Key_Tab:
            self.commit(keep_open_on_refusal=True)
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        if not self._closed:
            self.commit(keep_open_on_refusal=False)

    def commit(self, keep_open_on_refusal: bool):
        if self._closed:
            return
        name = self.toPlainText().strip()
        scene = self.scene()
        if name == self.node.name or scene is None:
            self.close()
            return
        reason = scene.rename_node(self.node.node_id, name)
        if reason and keep_open_on_refusal:
            cursor = self.textCursor()
            cursor.select(QTextCursor.Document)
            self.setTextCursor(cursor)
            return
        self.close()

    def close(self):
        if self._closed:
            return
        self._closed = True
        self.node.editing = False
        self.node.update()
        self.clearFocus()
        self.hide()
        self.finished.emit()
        QTimer.singleShot(0, self, self._dispose)

    def abandon(self):
        """Stop without renaming because the node is going away (no focus games, no signal)."""
        self._closed = True
        self.node.editing = False

    def _dispose(self):
        if not shiboken6.isValid(self):  # went with its node
            return
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        self.deleteLater()

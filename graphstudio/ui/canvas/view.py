"""The canvas widget: grid, zoom, pan, selection, clipboard, quick-add and palette drops.

``GraphView(scene)`` shows a :class:`GraphScene`. Keys inside the view: F frames the selection
(or everything), L lays the graph out, Tab opens the quick-add box, Delete/Backspace deletes,
Space+drag pans, Escape cancels a wire drag or clears the selection, and the standard Ctrl+A,
C, X, V, D, Z, Shift+Z (a main window's actions with the same shortcuts take precedence and
call the same methods). Every method that edits pushes an undo command; a refusal is reported
on ``scene.statusMessage``. Right-click entries: :meth:`GraphView.add_context_menu_provider`.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QMenu

from graphstudio.graph.auto_layout import DEFAULT_SIZE
from graphstudio.ui.canvas.clipboard import (
    MIME_NODETYPE,
    make_payload,
    payload_from_mime,
    payload_to_mime,
)
from graphstudio.ui.canvas.quick_add import QuickAddPopup
from graphstudio.ui.canvas.readable import readable_zoom
from graphstudio.ui.commands import (
    AddNodeCommand,
    AutoLayoutCommand,
    DisconnectCommand,
    PasteCommand,
    RemoveNodesCommand,
)
from graphstudio.ui.commands.base import plural
from graphstudio.ui.slots import guarded

__all__ = ["GraphView", "MIN_ZOOM", "MAX_ZOOM"]

log = logging.getLogger(__name__)

MIN_ZOOM, MAX_ZOOM = 0.1, 3.0
GRID = 20.0
GRID_MAJOR = 5  # a major line every 5 minor cells
WORLD = 1.0e6  # the pannable area, far beyond any graph


class GraphView(QGraphicsView):
    """A view of a :class:`GraphScene` with node-editor manners."""

    #: the scale changed (wheel, keys, framing); the new zoom
    zoomChanged = Signal(float)

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing
                            | QPainter.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState)
        self.setCacheMode(QGraphicsView.CacheBackground)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.NoFrame)
        self.setSceneRect(QRectF(-WORLD, -WORLD, 2 * WORLD, 2 * WORLD))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self._pan_from: QPoint | None = None
        self._space = False
        self.quick_add: QuickAddPopup | None = None
        self._menu_providers: list = []
        self.context_popup: QMenu | None = None
        scene.quickAddRequested.connect(self.open_quick_add)
        self.rubberBandChanged.connect(guarded(self._rubber_band_changed, scene.report,
                                               pass_args=True))
        self.centerOn(0, 0)

    def graph_scene(self):
        return self.scene()

    @property
    def graph(self):
        return self.scene().graph

    # ------------------------------------------------------------------ zoom and pan
    def zoom(self) -> float:
        """The current scale (1.0 = one scene unit per pixel)."""
        return self.transform().m11()

    def set_zoom(self, z: float, anchor: QPointF | None = None):
        """Zoom to ``z`` (clamped) keeping scene point ``anchor`` (default: centre) in place."""
        z = min(max(z, self.min_zoom()), MAX_ZOOM)
        f = z / self.zoom()
        if abs(f - 1.0) < 1e-9:
            return
        if anchor is None:
            self.scale(f, f)
        else:
            before = self.mapFromScene(anchor)
            old = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.NoAnchor)
            self.scale(f, f)
            self.setTransformationAnchor(old)
            self._pan_by(before - self.mapFromScene(anchor))
        self.zoomChanged.emit(self.zoom())

    def min_zoom(self) -> float:
        """How far out it zooms: MIN_ZOOM, or further for a document too big to see whole."""
        rect, vp = self.scene().items_bounding_rect(), self.viewport()
        fit = 0.8 * min(vp.width() / rect.width(), vp.height() / rect.height()) \
            if not rect.isEmpty() else MIN_ZOOM
        return min(MIN_ZOOM, max(fit, 1e-4))

    def wheelEvent(self, event):
        dy = event.angleDelta().y() or event.angleDelta().x()
        if not dy:
            event.ignore()
            return
        anchor = self.mapToScene(event.position().toPoint())
        self.set_zoom(self.zoom() * math.pow(1.0015, dy), anchor)
        event.accept()

    def frame_selection(self):
        """Fit the selection (or the whole graph when nothing is selected) in the view."""
        scene = self.scene()
        ids = scene.selected_node_ids()
        rect = QRectF()
        for nid in ids:
            rect = rect.united(scene.node_rect(nid))
        if rect.isNull():
            rect = scene.items_bounding_rect()
        self.frame_rect(rect)

    def frame_rect(self, rect: QRectF, focus: QPointF | None = None):
        """Fit scene ``rect`` (with a margin) in the view, zooming in up to 125% and out no
        further than the readable floor (:func:`readable_zoom`); when it does not fit, show
        the part around ``focus`` (default: the top-left, the inputs): a pan away."""
        if rect.isNull():
            self.resetTransform()
            self.centerOn(0, 0)
            self.zoomChanged.emit(self.zoom())
            return
        rect = rect.adjusted(-60, -60, 60, 60)
        vw, vh = max(self.viewport().width(), 1), max(self.viewport().height(), 1)
        z = max(min(vw / rect.width(), vh / rect.height(), 1.25), readable_zoom())
        self.resetTransform()
        self.set_zoom(z)
        z = self.zoom()
        self.centerOn(self.framed_centre(rect, vw / z, vh / z, focus))
        self.zoomChanged.emit(self.zoom())  # also when z is 1.0 (set_zoom saw no change)

    @staticmethod
    def framed_centre(rect: QRectF, w: float, h: float, focus: QPointF | None) -> QPointF:
        """Where to centre a ``w`` x ``h`` window on ``rect``: its centre along each side that
        fits, else as near ``focus`` (default: the top-left) as stays inside ``rect``."""
        fx = rect.left() if focus is None else focus.x()
        fy = rect.top() if focus is None else focus.y()

        def along(lo, hi, size, f):
            if hi - lo <= size:
                return (lo + hi) / 2
            return min(max(f, lo + size / 2), hi - size / 2)

        return QPointF(along(rect.left(), rect.right(), w, fx),
                       along(rect.top(), rect.bottom(), h, fy))

    def visible_scene_rect(self) -> QRectF:
        """The part of the scene the viewport shows."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _pan_by(self, delta: QPoint):
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() - delta.x())
        v.setValue(v.value() - delta.y())

    # ------------------------------------------------------------------ background
    def drawBackground(self, painter, rect):
        theme = self.scene().theme
        painter.fillRect(rect, theme.canvas_bg)
        z = self.zoom()
        step = GRID
        while step * z < 9:
            step *= GRID_MAJOR
        minor, major = [], []
        for lo, hi, line in ((rect.left(), rect.right(), lambda v: QLineF(v, rect.top(), v,
                                                                           rect.bottom())),
                             (rect.top(), rect.bottom(), lambda v: QLineF(rect.left(), v,
                                                                          rect.right(), v))):
            v = math.floor(lo / step) * step
            while v < hi:
                (major if round(v / step) % GRID_MAJOR == 0 else minor).append(line(v))
                v += step
        painter.setRenderHint(QPainter.Antialiasing, False)
        pen = painter.pen()
        pen.setCosmetic(True)
        pen.setWidthF(1.0)
        pen.setColor(theme.grid_minor)
        painter.setPen(pen)
        painter.drawLines(minor)
        pen.setColor(theme.grid_major)
        painter.setPen(pen)
        painter.drawLines(major)
        painter.setRenderHint(QPainter.Antialiasing, True)

    def set_theme(self, theme):
        """Switch the scene's and the view's colours."""
        self.scene().set_theme(theme)
        self.resetCachedContent()
        self.viewport().update()

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event):
        if event.button() == Qt.MiddleButton or (event.button() == Qt.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._pan_from is not None:
            pos = event.position().toPoint()
            self._pan_by(pos - self._pan_from)
            self._pan_from = pos
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._pan_from is not None and event.button() in (Qt.MiddleButton, Qt.LeftButton):
            self._pan_from = None
            self.viewport().setCursor(Qt.OpenHandCursor if self._space else Qt.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event):
        if event.button() == Qt.LeftButton and self.itemAt(event.position().toPoint()) is None:
            self.open_quick_add(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # ------------------------------------------------------------------ context menu
    def add_context_menu_provider(self, provider):
        """``provider(menu, node_id)`` adds entries to the right-click menu (``node_id``: the
        node under the mouse, or None on empty canvas)."""
        self._menu_providers.append(provider)

    def build_context_menu(self, scene_pos: QPointF) -> QMenu | None:
        """The right-click menu for ``scene_pos`` (the node there is selected first); None when
        no provider has anything to offer."""
        node = self.scene().node_item_at(scene_pos)
        node_id = node.node_id if node is not None else None
        if node is not None and not node.isSelected():
            self.scene().select_nodes([node_id])
        menu = QMenu(self)
        for provider in self._menu_providers:
            provider(menu, node_id)
        return None if menu.isEmpty() else menu

    def contextMenuEvent(self, event):
        try:
            menu = self.build_context_menu(self.mapToScene(event.pos()))
        except Exception as ex:  # a right-click must never take the window down
            log.exception("context menu failed")
            self.scene().report(self.tr("that did not work: {0}").format(ex))
            menu = None
        if menu is None:
            super().contextMenuEvent(event)
            return
        self.context_popup = menu  # keep it alive while it is open
        menu.popup(event.globalPos())
        event.accept()

    def _rubber_band_changed(self, rect, from_, to_):
        self.scene().follow_rubber_band(not rect.isNull(), from_, to_)

    def focusNextPrevChild(self, next_):
        return False  # Tab opens quick-add instead of moving focus

    def keyPressEvent(self, event):
        editor = self.scene().editor
        if editor is not None:  # an inline rename gets every key
            if self.scene().focusItem() is editor:
                super().keyPressEvent(event)
            else:
                self.scene().sendEvent(editor, event)
            return
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))
        actions = [
            (QKeySequence.SelectAll, self.select_all), (QKeySequence.Copy, self.copy_selection),
            (QKeySequence.Cut, self.cut_selection), (QKeySequence.Paste, self.paste),
            (QKeySequence.Undo, self.scene().undo_stack.undo),
            (QKeySequence.Redo, self.scene().undo_stack.redo),
        ]
        for seq, fn in actions:
            if event.matches(seq):
                self._run(fn)
                return
        handlers = {Qt.Key_F: self.frame_selection, Qt.Key_L: self.auto_layout,
                    Qt.Key_Tab: self.open_quick_add, Qt.Key_Delete: self.delete_selection,
                    Qt.Key_Backspace: self.delete_selection}
        if key == Qt.Key_D and mods & Qt.ControlModifier:
            self._run(self.duplicate_selection)
        elif key == Qt.Key_Z and mods & Qt.ControlModifier and mods & Qt.ShiftModifier:
            self._run(self.scene().undo_stack.redo)
        elif plain and key in handlers:
            self._run(handlers[key])
        elif key == Qt.Key_Space and plain:
            if not event.isAutoRepeat():
                self._space = True
                self.viewport().setCursor(Qt.OpenHandCursor)
        elif key == Qt.Key_Escape:
            if self.scene().interacting:
                super().keyPressEvent(event)
            else:
                self.scene().clearSelection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event):
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan_from is None:
                self.viewport().setCursor(Qt.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _run(self, fn):
        """Do a gesture's work now; an exception is reported, never raised (see slots)."""
        guarded(fn, self.scene().report)()

    # ------------------------------------------------------------------ edits
    def _cursor_scene_pos(self) -> QPointF | None:
        """The mouse position in scene coordinates, or None if the mouse is outside the view."""
        p = self.viewport().mapFromGlobal(QCursor.pos())
        if self.viewport().rect().contains(p):
            return self.mapToScene(p)
        return None

    def select_all(self):
        self.scene().select_nodes(list(self.graph.nodes))

    def delete_selection(self):
        """Delete the selected nodes (with their wires) and selected wires: one undo step."""
        scene, g = self.scene(), self.graph
        ids = scene.selected_node_ids()
        gone = set(ids)
        edges = [e for e in scene.selected_edges() if e.src not in gone and e.dst not in gone]
        if not ids and not edges:
            scene.statusMessage.emit(self.tr("nothing selected to delete"))
            return
        if not edges:
            scene.push(RemoveNodesCommand(g, ids))
            return
        stack = scene.undo_stack
        stack.beginMacro(self.tr("Delete {0} items").format(len(ids) + len(edges)) if ids else
                         (self.tr("Delete {0} wires").format(len(edges)) if len(edges) > 1
                          else self.tr("Delete wire")))
        try:
            for e in edges:
                scene.push(DisconnectCommand(g, e))
            if ids:
                scene.push(RemoveNodesCommand(g, ids))
        finally:
            stack.endMacro()

    def copy_selection(self) -> dict | None:
        """Put the selected nodes and the wires among them on the clipboard."""
        ids = self.scene().selected_node_ids()
        if not ids:
            self.scene().statusMessage.emit(self.tr("nothing selected to copy"))
            return None
        payload = make_payload(self.graph, ids)
        QGuiApplication.clipboard().setMimeData(payload_to_mime(payload))
        self.scene().statusMessage.emit(self.tr("copied {0}").format(plural(len(ids))))
        return payload

    def cut_selection(self):
        ids = self.scene().selected_node_ids()
        if self.copy_selection() is not None:
            self.scene().push(RemoveNodesCommand(
                self.graph, ids, text=self.tr("Cut {0}").format(plural(len(ids)))))

    def _clipboard_payload(self) -> dict | None:
        """The nodes on the system clipboard (nothing else: after copying text in another
        app, Ctrl+V must not paste nodes copied earlier)."""
        return payload_from_mime(QGuiApplication.clipboard().mimeData())

    def paste(self, scene_pos: QPointF | None = None):
        """Paste the clipboard's nodes at ``scene_pos`` (default: the mouse, else offset)."""
        payload = self._clipboard_payload()
        if payload is None:
            self.scene().statusMessage.emit(self.tr("the clipboard holds no nodes"))
            return
        pos = scene_pos if scene_pos is not None else self._cursor_scene_pos()
        cmd = PasteCommand(self.graph, payload,
                           pos=self.scene().doc_point(pos) if pos is not None else None)
        if self.scene().push(cmd):
            self.scene().select_nodes(cmd.node_ids)

    def duplicate_selection(self):
        ids = self.scene().selected_node_ids()
        if not ids:
            self.scene().statusMessage.emit(self.tr("nothing selected to duplicate"))
            return
        cmd = PasteCommand(self.graph, make_payload(self.graph, ids), offset=(30.0, 30.0),
                           text=self.tr("Duplicate {0}").format(plural(len(ids))))
        if self.scene().push(cmd):
            self.scene().select_nodes(cmd.node_ids)

    def auto_layout(self):
        """Arrange the whole graph in topological layers (one undo step)."""
        scene = self.scene()
        if scene.push(AutoLayoutCommand(self.graph, sizes=scene.node_sizes())):
            scene.statusMessage.emit(self.tr("laid out by topological layers"))

    def add_node(self, type_id: str, scene_pos: QPointF, connect_from=None) -> str | None:
        """Add a node with its top-left at ``scene_pos``; returns its id (None if refused)."""
        cmd = AddNodeCommand(self.graph, type_id, pos=self.scene().doc_point(scene_pos),
                             connect_from=connect_from)
        if not self.scene().push(cmd):
            return None
        self.scene().put_down(cmd.node_id, scene_pos)
        self.scene().select_nodes([cmd.node_id])
        return cmd.node_id

    # ------------------------------------------------------------------ quick add
    def open_quick_add(self, scene_pos: QPointF | None = None, connect_from=None):
        """Show the quick-add box at ``scene_pos`` (default: the mouse or the view centre).

        ``connect_from`` (see ``AddNodeCommand``) limits the list to types that can take the
        wire and connects the new node.
        """
        if self.quick_add is not None:
            self.quick_add.dismiss()
        if scene_pos is None:
            scene_pos = self._cursor_scene_pos()
        if scene_pos is None:
            scene_pos = self.mapToScene(self.viewport().rect().center())
        kind = None
        if connect_from is not None:
            kind = "input" if len(connect_from) > 2 and connect_from[2] == "input" else "output"
        popup = QuickAddPopup(self, self.scene().theme, port_kind=kind)
        self.quick_add = popup
        anchor = QPointF(scene_pos)

        def chosen(type_id):
            pos = anchor
            if kind == "input":  # the new node feeds the wire: put it left of the drop point
                pos = QPointF(anchor.x() - DEFAULT_SIZE[0], anchor.y() - 40)
            elif kind == "output":
                pos = QPointF(anchor.x(), anchor.y() - 40)
            self._run(lambda: self.add_node(type_id, pos, connect_from))

        def closed():
            if self.quick_add is popup:
                self.quick_add = None
            self.setFocus(Qt.OtherFocusReason)

        popup.chosen.connect(chosen)
        popup.closed.connect(closed)
        popup.popup_at(self.mapFromScene(scene_pos) + QPoint(self.viewport().x(),
                                                             self.viewport().y()))
        return popup

    # ------------------------------------------------------------------ palette drops
    def dragEnterEvent(self, event):
        if event.mimeData().hasFormat(MIME_NODETYPE):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if event.mimeData().hasFormat(MIME_NODETYPE):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        mime = event.mimeData()
        if not mime.hasFormat(MIME_NODETYPE):
            super().dropEvent(event)
            return
        type_id = bytes(mime.data(MIME_NODETYPE)).decode("utf-8", "replace").strip()
        pos = self.mapToScene(event.position().toPoint())
        self._run(lambda: self.add_node(type_id, pos))
        event.acceptProposedAction()
        self.setFocus(Qt.OtherFocusReason)

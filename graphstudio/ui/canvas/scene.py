"""The scene: mirrors a :class:`Graph` through its change events and turns gestures into commands.

``GraphScene(graph, undo_stack, theme=LIGHT)`` builds one :class:`NodeItem` per node and one
:class:`EdgeItem` per edge and then follows the model's events: a ``reset`` rebuilds everything,
every other event updates only what changed. Shapes come from ``shapes_of(graph)``, updated
once per event-loop turn (a zero-delay timer) for the cards whose result changed; a big
document's cards are built, and many changed ones laid out, a slice at a time (node_queue).

Gestures never change items: they push undo commands (:meth:`GraphScene.push` reports refusals).
"""

from __future__ import annotations

import logging
import time

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QGraphicsScene, QToolTip

from graphstudio.graph.model import Edge, Graph
from graphstudio.graph.shape_cache import shapes_of
from graphstudio.ui.canvas.edge_item import EdgeItem
from graphstudio.ui.canvas.interactions import TitleEditor, WireDrag
from graphstudio.ui.canvas.lazy_cards import LazyCards
from graphstudio.ui.canvas.node_item import NodeItem, NodeRunState
from graphstudio.ui.canvas.node_queue import ROUGH_H, ROUGH_W, SLICE_S, NodeQueue, on_screen
from graphstudio.ui.canvas.scene_gestures import SceneGestures
from graphstudio.ui.canvas.sketch import let_go_of_frozen
from graphstudio.ui.commands import (
    RenameNodeCommand,
    SetAttrCommand,
    try_push,
)
from graphstudio.ui.theme import LIGHT, Theme

__all__ = ["GraphScene", "NodeRunState"]

log = logging.getLogger(__name__)


def _node_types():
    from graphstudio.graph.node_table import NODE_TYPES

    return NODE_TYPES



class GraphScene(SceneGestures, QGraphicsScene):
    """The canvas contents for ``graph``; edits go onto ``undo_stack``."""

    #: a refusal, a hint or a confirmation for the status bar
    statusMessage = Signal(str)
    #: a node was double-clicked on its body (e.g. to show it in the inspector)
    nodeActivated = Signal(str)
    #: a wire was dropped on empty canvas: (scene position, connect_from tuple)
    quickAddRequested = Signal(QPointF, object)
    #: a big document's card was built (it came into view, or was asked for by id)
    cardBuilt = Signal(str)

    def __init__(self, graph: Graph, undo_stack, theme: Theme = LIGHT, parent=None):
        super().__init__(parent)
        self.graph = graph
        self.undo_stack = undo_stack
        self.theme = theme
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[Edge, EdgeItem] = {}
        self._interaction: WireDrag | None = None
        self._press_positions: dict[str, QPointF] | None = None
        #: the inline title editor while a rename is in progress
        self.editor: TitleEditor | None = None
        #: True while the view drags a rubber band (it selects nodes, not wires)
        self.rubber_banding = False
        self._shape_timer = QTimer(self)
        self._shape_timer.setSingleShot(True)
        self._shape_timer.setInterval(0)
        self._shape_timer.timeout.connect(self.refresh_shapes)
        self._shape_generation = -1  # of shapes_of(graph) the cards show
        self._unlaid = NodeQueue(self, self._relayout, index_each_slice=True)  # off screen
        self._lazy = LazyCards(self, self._build_card)  # a big document's cards not built
        self._selecting = False  # True while the scene itself selects
        #: set by a run display: node id -> NodeItem's ``run_look`` for a card built now
        self.run_look = None
        self.selectionChanged.connect(self._selection_changed)
        self.setItemIndexMethod(QGraphicsScene.BspTreeIndex)
        self._handlers = {
            "node_added": self._on_node_added, "node_removed": self._on_node_removed,
            "node_moved": self._on_node_moved, "node_renamed": self._on_node_renamed,
            "attr_changed": self._on_attr_changed, "edge_added": self._on_edge_added,
            "edge_removed": self._on_edge_removed, "run_changed": self._on_run_changed,
            "reset": lambda ev: self.rebuild(),
        }
        self._unsubscribe = graph.subscribe(self._on_event)
        self.rebuild()

    # ------------------------------------------------------------------ public API
    #: over LAZY_CARDS nodes, FIRST_CARDS cards are built at once, the others only when they
    #: come near what a view shows (zoomed in to BLOCK_ZOOM or more; until then the sketch
    #: draws them), or when asked for; over DEFER_LAYOUT cards changed by an edit, those off
    #: screen are laid out later
    LAZY_CARDS, FIRST_CARDS, DEFER_LAYOUT = 1500, 200, 200
    #: after a big edit, per event-loop turn: nodes whose downstream is marked stale, and
    #: nodes settled for one card (a few milliseconds each)
    SPREAD_SLICE, SETTLE_SLICE = 3000, 150

    def node_item(self, node_id: str) -> NodeItem | None:
        """The card of ``node_id`` (built on the spot if it was not yet)."""
        item = self._nodes.get(node_id)
        if item is None and node_id in self._lazy:
            item = self._build_card(node_id)
        return item

    def built_card(self, node_id: str) -> NodeItem | None:
        """The card of ``node_id`` if it is built (None otherwise; never builds one)."""
        return self._nodes.get(node_id)

    def built_wire(self, edge: Edge) -> EdgeItem | None:
        """The wire of ``edge`` if both its cards are built (None otherwise; builds none)."""
        return self._edges.get(edge)

    def edge_item(self, edge: Edge) -> EdgeItem | None:
        if edge not in self._edges and (edge.src in self._lazy or edge.dst in self._lazy):
            self.node_item(edge.src), self.node_item(edge.dst)
        return self._edges.get(edge)

    def node_items(self) -> list[NodeItem]:
        """Every card (a big document's cards not built yet are built now: slow)."""
        self._lazy.build_all()
        return list(self._nodes.values())

    def edge_items(self) -> list[EdgeItem]:
        self._lazy.build_all()
        return list(self._edges.values())

    def waiting_cards(self) -> list[str]:
        """Ids of the nodes whose card is not built yet (a big document's, drawn by the
        sketch), in model order."""
        return [nid for nid in self.graph.nodes if nid in self._lazy] if self._lazy.sketch \
            else []

    @property
    def cards_built(self) -> int:
        """How many node cards exist as items (a big document builds those in view)."""
        return len(self._nodes)

    @property
    def deferred_work(self) -> int:
        """Cards still to be built, updated or laid out again from the event loop."""
        return len(self._lazy.queue) + len(self._unlaid) + self._shape_timer.isActive() \
            + self._lazy.settling

    def selected_edges(self) -> list[Edge]:
        return [it.edge for it in self.selectedItems() if isinstance(it, EdgeItem)]

    def items_bounding_rect(self) -> QRectF:
        """The scene rectangle covering all node cards (an empty rect when there are none)."""
        rect = self._lazy.rough_rect()
        for item in self._nodes.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def node_rect(self, node_id: str) -> QRectF:
        """The scene rectangle of ``node_id``'s card, or of its rough card if the sketch draws
        it (building none)."""
        card = self._nodes.get(node_id)
        if card is not None:
            return card.sceneBoundingRect()
        return QRectF(*self.shown_pos(node_id), ROUGH_W, ROUGH_H)

    def shown_pos(self, node_id: str) -> tuple[float, float]:
        """Where the canvas shows ``node_id``'s card: its position, or stretched to make room
        for a run's values on a big document (:meth:`set_room_map`)."""
        return self._lazy.shown_pos(node_id)

    def doc_point(self, point: QPointF) -> tuple[float, float]:
        """The document position shown at scene ``point`` (a new node's, a paste's)."""
        return self._lazy.doc_pos(point.x(), point.y())

    def set_room_map(self, room) -> None:
        """Show the document through ``room`` (a ``run_room.RoomMap``; None: as it is)."""
        self._lazy.set_room(room, self._nodes)

    def node_sizes(self) -> dict[str, tuple[float, float]]:
        """The built cards' sizes (a big document's others are not built for this)."""
        return {nid: item.size() for nid, item in self._nodes.items()}

    def set_theme(self, theme: Theme):
        self.theme = theme
        self._lazy.refresh(())
        for item in self._nodes.values():
            item.set_theme(theme)
        for item in self._edges.values():
            item.update_path()
        self.update()

    def push(self, cmd, screen_pos=None) -> bool:
        """Push an undo command; on refusal report the reason and return False."""
        reason = try_push(self.undo_stack, cmd)
        if reason:
            self.report(reason, screen_pos)
            return False
        return True

    def report(self, message: str, screen_pos=None):
        """Say ``message`` on the status bar and in a tooltip near the cursor."""
        self.statusMessage.emit(message)
        if self.views():
            QToolTip.showText(screen_pos if screen_pos is not None else QCursor.pos(), message,
                              self.views()[0].viewport())

    def rename_node(self, node_id: str, name: str) -> str | None:
        """Rename through the undo stack; returns the refusal reason or None."""
        if node_id not in self.graph:
            return self.tr("no node with id {0}").format(repr(node_id))
        reason = try_push(self.undo_stack, RenameNodeCommand(self.graph, node_id, name))
        if reason:
            self.report(reason)
        return reason

    def toggle_freeze(self, node_id: str) -> bool:
        """Flip a Parameter's ``requires_grad`` through the undo stack."""
        node = self.graph.nodes.get(node_id)
        if node is None or "requires_grad" not in node.attrs:
            return False
        frozen = node.attrs["requires_grad"] is False
        ok = self.push(SetAttrCommand(self.graph, node_id, "requires_grad", frozen))
        if ok:
            self.statusMessage.emit((self.tr("{0} is trainable (requires_grad=True)") if frozen
                                     else self.tr("{0} is frozen (requires_grad=False)"))
                                    .format(node.name))
        return ok

    def detach(self):
        """Stop following the model (call before dropping the scene for another graph)."""
        self._unsubscribe()
        self._shape_timer.stop()
        self._unlaid.clear()
        self._lazy.forget()

    # ------------------------------------------------------------------ mirroring the model
    def rebuild(self):
        """Throw every item away and build them again from the model."""
        if self._interaction is not None:
            self._interaction.cancel()
            self._interaction = None
        self._forget_editor()
        for item in list(self._edges.values()):
            item.detach()
        self.clear()
        self._unlaid.clear()
        let_go_of_frozen()
        types = _node_types()
        shapes = shapes_of(self.graph)
        shapes.results()  # all of them after a reset; the cards show this generation
        self._shape_generation = shapes.generation
        if len(self.graph.nodes) > self.LAZY_CARDS:
            self._rebuild_lazily()
            return
        for node in self.graph.nodes.values():
            item = NodeItem(node, types[node.type], self.theme, self._shape_of(node.id))
            self._nodes[node.id] = item
            self.addItem(item)
        for edge in self.graph.edges:
            self._add_edge_item(edge)
        self._update_loss_marks()

    def _rebuild_lazily(self):
        """The cards nearest the top-left (where the view opens) now; the rest are drawn by
        the sketch until they come into view (:meth:`_queue_shown`)."""
        nodes = self.graph.nodes
        self._lazy.start(nodes)
        order = sorted(nodes, key=lambda nid: nodes[nid].pos[0] + nodes[nid].pos[1])
        for nid in order[:self.FIRST_CARDS]:
            self._build_card(nid)



    def shape_results(self) -> dict:
        """Every node's shape result as last worked out, settling nothing (a big edit's are
        settled a slice at a time, see :meth:`refresh_shapes`); read it, don't change it."""
        try:
            return shapes_of(self.graph).known()
        except Exception as ex:  # inference must never take the canvas down
            log.exception("shape inference failed")
            self.statusMessage.emit(self.tr("shape inference failed: {0}").format(ex))
            return {}

    def restyle_cards(self) -> None:
        """Lay the built cards and their wires out again for the text size in force; the
        sketch draws the others at it (no card is built for this)."""
        for item in self._nodes.values():
            item.set_theme(item.theme)  # fonts and rows follow the text size
        for wire in self._edges.values():
            wire.refresh_label()
        self._lazy.refresh_all()

    def sketch_painted(self) -> None:
        """The sketch was painted: a view moved, so the cards now in view may be missing."""
        self._lazy.painted()

    def _build_card(self, node_id: str) -> NodeItem:
        """The card of ``node_id`` with its marks and the wires to cards already built."""
        node = self.graph.nodes[node_id]
        selected = node_id in self._lazy.selected
        self._lazy.built(node_id)
        item = NodeItem(node, _node_types()[node.type], self.theme, self._shape_of(node_id),
                        self.run_look(node_id) if self.run_look is not None else None)
        item.setPos(*self.shown_pos(node_id))
        self._nodes[node_id] = item
        self.addItem(item)
        if selected:
            was, self._selecting = self._selecting, True
            try:
                item.setSelected(True)
            finally:
                self._selecting = was
        item.set_loss_mark(self.graph.run.get("loss") == node_id)
        item.set_retain_mark(node_id in self.graph.run.get("retain_grad", ()))
        for e in (*self.graph.incoming(node_id).values(), *self.graph.outgoing(node_id)):
            if e not in self._edges and e.src in self._nodes and e.dst in self._nodes:
                self._add_edge_item(e)
        self.cardBuilt.emit(node_id)
        return item

    def clear(self):
        """Remove every item (the item tables are emptied too)."""
        self._forget_editor()
        self._lazy.forget()  # its sketch is deleted with every other item
        super().clear()
        self._nodes.clear()
        self._edges.clear()

    def _on_event(self, ev):
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        try:
            if self._interaction is not None and ev.kind != "node_moved":
                self._interaction.cancel()
                self._interaction = None
            handler = self._handlers.get(ev.kind)
            if handler is not None:
                handler(ev)
        except Exception as ex:  # the canvas must survive whatever arrives
            log.exception("canvas failed to follow %s", ev.kind)
            self.statusMessage.emit(self.tr("canvas error while showing {0}: {1}")
                                    .format(ev.kind, ex))
        if ev.kind not in ("meta_changed", "node_moved"):
            self._shape_timer.start()

    def _on_node_added(self, ev):
        node = ev.new
        item = NodeItem(node, _node_types()[node.type], self.theme)
        item.setPos(*self.shown_pos(node.id))  # (a run's room stretches where it is shown)
        self._nodes[node.id] = item
        self.addItem(item)
        if self.graph.run.get("loss") == node.id:
            item.set_loss_mark(True)
        if node.id in self.graph.run.get("retain_grad", ()):
            item.set_retain_mark(True)

    def _forget_editor(self, node_item=None):
        """Drop the inline editor when its node goes (it is deleted with the node's item)."""
        if self.editor is not None and (node_item is None or self.editor.node is node_item):
            self.editor.abandon()
            self.editor = None

    def _on_node_removed(self, ev):
        self._lazy.built(ev.node_id)
        self._unlaid.take(ev.node_id)
        item = self._nodes.pop(ev.node_id, None)
        if item is None:
            return
        self._forget_editor(item)
        for e in list(item.edges):
            self._remove_edge_item(e.edge)
        self.removeItem(item)

    def _on_node_moved(self, ev):
        item = self.node_item(ev.node_id)  # a card not built yet is built where it now is
        self._lazy.refresh((ev.node_id,))
        spot = self.shown_pos(ev.node_id)
        if item is not None and (item.pos().x(), item.pos().y()) != spot:
            item.setPos(*spot)

    def _on_node_renamed(self, ev):
        item = self._nodes.get(ev.node_id)
        if item is not None:
            item.set_name(ev.new)

    def _on_attr_changed(self, ev):
        if ev.node_id in self._lazy:
            self._lazy.refresh((ev.node_id,))
        item = self._nodes.get(ev.node_id)
        if item is not None and ev.key == "requires_grad":
            item.set_frozen(ev.new is False)

    def _on_edge_added(self, ev):
        self._add_edge_item(ev.edge)
        self._lazy.refresh((ev.edge.src, ev.edge.dst))

    def _on_edge_removed(self, ev):
        self._remove_edge_item(ev.edge)
        self._lazy.refresh((ev.edge.src, ev.edge.dst))

    def _on_run_changed(self, ev):
        if ev.key in ("loss", "retain_grad"):
            self._update_loss_marks()

    def _update_loss_marks(self):
        """The loss tag on the backward root, the retain_grad tag on nodes that keep .grad."""
        loss = self.graph.run.get("loss")
        retained = set(self.graph.run.get("retain_grad", ()))
        for nid, item in self._nodes.items():
            item.set_loss_mark(nid == loss)
            item.set_retain_mark(nid in retained)

    def _add_edge_item(self, edge: Edge):
        src, dst = self._nodes.get(edge.src), self._nodes.get(edge.dst)
        if src is None or dst is None:  # made with the card still to be built
            return
        item = EdgeItem(edge, src.outputs[edge.src_port], dst.inputs[edge.dst_port])
        self._edges[edge] = item
        self.addItem(item)
        item.src_port.set_connected(True)
        item.dst_port.set_connected(True)

    def _remove_edge_item(self, edge: Edge):
        item = self._edges.pop(edge, None)
        if item is None:
            return
        item.detach()
        self.removeItem(item)
        item.dst_port.set_connected(False)
        src = item.src_port
        src.set_connected(any(e.src_port is src for e in src.node_item.edges))

    def refresh_shapes(self):
        """Bring the built cards up to date with shape inference: the cards whose result may
        have changed since the last refresh, those on screen first and the others a slice at a
        time. A big edit's downstream is found a slice per event-loop turn first (the cards
        keep their look meanwhile), and each card settles its own result within a budget
        (``ShapeCache.settle``); cards not built need nothing (they read their result when
        built) and the sketch's blocks are settled in the background (LazyCards)."""
        self._shape_timer.stop()
        cache = shapes_of(self.graph)
        try:
            if not cache.spread(self.SPREAD_SLICE):
                self._shape_timer.start()  # go on next turn
                return
            changed = cache.changed_since(self._shape_generation)
        except Exception:
            log.exception("shape inference failed")
            changed = None
        self._shape_generation = cache.generation
        if changed is None:
            ids = list(self._nodes)
        elif len(changed) > len(self._nodes):
            ids = [nid for nid in self._nodes if nid in changed]
        else:
            ids = [nid for nid in changed if nid in self._nodes]
        self._lazy.shapes_changed(changed)
        now, later = (on_screen(self, ids) if len(ids) > self.DEFER_LAYOUT else (ids, []))
        end = time.perf_counter() + SLICE_S
        for k, nid in enumerate(now):
            if time.perf_counter() > end:  # the rest of the screen next turn, first
                later = now[k:] + later
                break
            self._relayout(nid)
        self._unlaid.queue(later)

    def _relayout(self, node_id: str):
        """Show ``node_id``'s current shape result (laid out again if its look changed); a
        result that needs more than a budget of settling goes on later (it is queued again)."""
        if node_id not in self._nodes:
            return
        try:
            settled = shapes_of(self.graph).settle(node_id, self.SETTLE_SLICE)
        except Exception:
            log.exception("shape inference failed")
            settled = True
        if settled:
            self._nodes[node_id].set_shape_result(self._shape_of(node_id))
        else:
            self._unlaid.queue((node_id,))

    def _shape_of(self, node_id: str):
        """One node's shape result (settled on demand; None if inference failed)."""
        try:
            return shapes_of(self.graph).get(node_id)
        except Exception as ex:  # inference must never take the canvas down
            log.exception("shape inference failed")
            self.statusMessage.emit(self.tr("shape inference failed: {0}").format(ex))
            return None

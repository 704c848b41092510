"""Which of a big document's cards are built, and building those that come into view.

:class:`LazyCards` keeps the :class:`~graphstudio.ui.canvas.sketch.DocumentSketch` that draws
the cards not built yet, builds the cards near what each view shows a slice at a time, settles
a big edit's shape results in the background, and shows the document through a run's
:class:`~graphstudio.ui.canvas.run_room.RoomMap` (where every card and block is drawn).
"""

from __future__ import annotations

import gc
import logging
import time

import numpy as np
from PySide6.QtCore import QObject, QRectF, QTimer

from graphstudio.graph.shape_cache import shapes_of
from graphstudio.ui.canvas.card_blocks import BLOCK_ZOOM
from graphstudio.ui.canvas.node_queue import SLICE_S, NodeQueue
from graphstudio.ui.canvas.sketch import RECOLOUR_ALL, DocumentSketch

__all__ = ["LazyCards"]

log = logging.getLogger(__name__)


def _centre(view) -> tuple[float, float]:
    centre = view.mapToScene(view.viewport().rect().center())
    return centre.x(), centre.y()


class LazyCards(QObject):
    """A big document's cards: which are still drawn by the sketch, and building those that
    come into view a slice at a time (``build(node_id)`` builds one card and calls
    :meth:`built`)."""

    def __init__(self, scene, build):
        super().__init__(scene)
        self._scene, self._build = scene, build
        self.sketch: DocumentSketch | None = None
        self.room = None  # a run_room.RoomMap while a run's values need room (display only)
        self._pinned: dict[str, tuple] = {}  # node id -> (document position, shown there)
        self.queue = NodeQueue(scene, build)  # cards in view still to build
        self._shown_timer = QTimer(self)  # the views moved: build the cards now in view
        self._shown_timer.setSingleShot(True)
        self._shown_timer.setInterval(0)
        self._shown_timer.timeout.connect(self.queue_shown)
        self._recolour: list = []  # id sets whose blocks to draw again once results settle
        self._settle_timer = QTimer(self)  # a big edit's results, a slice a turn
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle_some)

    @property
    def settling(self) -> bool:
        """True while shape results the sketch draws are being settled in the background."""
        return self._settle_timer.isActive()

    def shapes_changed(self, changed) -> None:
        """The results of ``changed`` (None: of every node) may have changed: recolour their
        blocks once the results are settled, which happens a slice at a time from here."""
        if self.sketch is None:
            return
        if changed is None:
            self._recolour = []
            self.sketch.refresh_all()
            return
        if changed:
            self._recolour.append(changed)
            self._settle_timer.start()

    def _settle_some(self) -> None:
        """One slice of settling; when every result is settled, recolour what changed."""
        if self.sketch is None:
            self._recolour = []
            return
        cache, end = shapes_of(self._scene.graph), time.perf_counter() + SLICE_S
        try:
            while not cache.settle(None, 100):
                if time.perf_counter() >= end:
                    self._settle_timer.start()
                    return
        except Exception:  # the blocks keep their colours; the canvas goes on
            log.exception("settling shape results failed")
        pending, self._recolour = self._recolour, []
        distinct = list({id(ids): ids for ids in pending}.values())
        gc.freeze()  # the new results live on too (see let_go_of_frozen)
        if sum(map(len, distinct)) > RECOLOUR_ALL:
            self.sketch.refresh_all()  # cheaper than finding each one's cell; looks come back
            return  # for what is painted (within the paint's budget)
        for ids in distinct:
            self.sketch.recolour(ids)

    def refresh_all(self) -> None:
        if self.sketch is not None:
            self.sketch.refresh_all()

    @property
    def selected(self) -> set[str]:
        """Nodes drawn selected by the sketch (read it, don't change it)."""
        return self.sketch.selected if self.sketch is not None else set()

    def set_selected(self, node_ids) -> bool:
        """Show exactly these of the sketched nodes selected (the others are ignored); True
        if that changed anything."""
        if self.sketch is None:
            return False
        new = {nid for nid in node_ids if nid in self.sketch.waiting}
        old, self.sketch.selected = self.sketch.selected, new
        if old == new:
            return False
        self.sketch.recolour(old ^ new)
        return True

    def ids_in(self, rect: QRectF) -> list[str]:
        """The sketched nodes whose rough card meets ``rect``."""
        return self.sketch.ids_in(rect, with_neighbours=False) if self.sketch is not None \
            else []

    def __contains__(self, node_id) -> bool:
        return self.sketch is not None and node_id in self.sketch

    def start(self, node_ids) -> None:
        """Draw ``node_ids`` with a sketch until their cards are built."""
        self.sketch = DocumentSketch(self._scene, node_ids, self.shown_pos,
                                     self._shown_all(node_ids))
        self._scene.addItem(self.sketch)
        self._shown_timer.start()
        gc.freeze()  # its objects live as long as it is open: see let_go_of_frozen

    def built(self, node_id: str) -> None:
        """The card of ``node_id`` was built, or the node is gone."""
        self.queue.take(node_id)
        if self.sketch is not None:
            self.sketch.take(node_id)

    def refresh(self, node_ids) -> None:
        if self.sketch is not None:
            self.sketch.refresh(node_ids)

    def rough_rect(self) -> QRectF:
        return self.sketch.rough_rect() if self.sketch is not None else QRectF()

    def build_all(self) -> None:
        """Build every card the sketch still draws, then drop the sketch."""
        self.queue.clear()
        if self.sketch is None:
            return
        for nid in list(self.sketch.waiting):
            self._build(nid)
        self._scene.removeItem(self.sketch)
        self.sketch = None

    def forget(self) -> None:
        """Stop building (the scene is cleared: the sketch goes with its items)."""
        self.queue.clear()
        self._shown_timer.stop()
        self._settle_timer.stop()
        self._recolour = []
        self.sketch = None
        self.room = None
        self._pinned = {}

    def shown_pos(self, node_id: str) -> tuple[float, float]:
        """Where the canvas shows ``node_id``: its position, through :attr:`room` if set (a
        card put down where the room opened a gap: where it was put, see :meth:`pin`)."""
        x, y = self._scene.graph.nodes[node_id].pos
        if self.room is None:
            return x, y
        pinned = self._pinned.get(node_id)
        if pinned is not None and pinned[0] == (x, y):
            return pinned[1]
        return self.room.shown(x, y)

    def pin(self, node_id: str, doc: tuple[float, float], shown: tuple[float, float]) -> None:
        """While :attr:`room` stays and ``node_id`` is at ``doc``, show it at ``shown`` (a
        card dropped or a node added in a gap the room opened: a gap has no document
        position of its own, so the card stays where it was put, not at the gap's end)."""
        if self.room is not None:
            self._pinned[node_id] = (tuple(doc), tuple(shown))

    def doc_pos(self, x: float, y: float) -> tuple[float, float]:
        """The document position shown at ``(x, y)``."""
        return (x, y) if self.room is None else self.room.doc(x, y)

    def _shown_all(self, node_ids) -> tuple:
        """(ids, xs, ys): ``node_ids`` and arrays of where they are shown (a whole document
        at array speed)."""
        nodes = self._scene.graph.nodes
        ids = list(node_ids)
        where = np.array([nodes[nid].pos for nid in ids], dtype=float).reshape(-1, 2)
        xs, ys = where[:, 0].copy(), where[:, 1].copy()
        if self.room is not None:
            xs, ys = self.room.xs.many(xs), self.room.ys.many(ys)
        return ids, xs, ys

    def set_room(self, room, cards: dict) -> None:
        """Show the document through ``room`` (None: as it is): the built ``cards`` (node id
        -> card) and the sketch move, each view keeps showing the same place."""
        if room is self.room:
            return
        views = [(view, self.doc_pos(*_centre(view))) for view in self._scene.views()]
        self.room = room
        self._pinned = {}
        for nid, card in cards.items():
            card.setPos(*self.shown_pos(nid))
        if self.sketch is not None:
            old = self.sketch
            self.sketch = DocumentSketch(self._scene, old.waiting, self.shown_pos,
                                         self._shown_all(old.waiting))
            self.sketch.selected = old.selected
            self._scene.removeItem(old)
            self._scene.addItem(self.sketch)
        for view, (x, y) in views:
            view.centerOn(*(room.shown(x, y) if room is not None else (x, y)))
        self._shown_timer.start()

    def painted(self) -> None:
        """The sketch was painted: a view moved, so cards now in view may be missing."""
        self._shown_timer.start()

    def queue_shown(self) -> None:
        """Queue the cards near what each view shows (and their neighbours, so every wire of
        a card in view is a real wire), unless the view is zoomed out to blocks."""
        if self.sketch is None:
            return
        for view in self._scene.views():
            if view.transform().m11() < BLOCK_ZOOM:
                continue
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            dx, dy = shown.width() / 4, shown.height() / 4
            self.queue.queue(self.sketch.ids_in(shown.adjusted(-dx, -dy, dx, dy)))

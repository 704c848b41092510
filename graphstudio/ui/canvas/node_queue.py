"""Work on many nodes' cards done a slice at a time from the event loop, on-screen nodes first.

Building one card (its texts, ports, paths and wires) takes about a millisecond, and so does
laying one out again; doing that for 10,000 cards before the window answered froze opening, and
an edit near the inputs of a big document, for seconds. A :class:`NodeQueue` holds node ids
and calls ``work(node_id)`` on them from the event loop in slices of a few milliseconds, first
those near what the view shows whenever it has moved. The scene keeps two: cards of a big
document still to be built (a card asked for by id is built on the spot and taken off the
queue, so callers never see a missing card), and off-screen cards still to be laid out for a
new shape result.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer

__all__ = ["NodeQueue", "on_screen", "shown_rect"]

SLICE_S = 0.008  # one slice of work (seconds)
ROUGH_W, ROUGH_H = 150.0, 110.0  # a card not built yet counts as this big when framing


def shown_rect(scene) -> QRectF | None:
    """What the views of ``scene`` show, in scene coordinates (None without a view)."""
    rect = None
    for view in scene.views():
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        rect = shown if rect is None else rect.united(shown)
    return rect


def on_screen(scene, node_ids) -> tuple[list[str], list[str]]:
    """``node_ids`` split into those whose card the views may show and the rest, judged by
    the model's positions with room for a card (no call into each card: an edit can change
    thousands); all of them are "shown" without a view."""
    shown = shown_rect(scene)
    if shown is None:
        return list(node_ids), []
    left, top = shown.left() - 2 * ROUGH_W, shown.top() - 2 * ROUGH_H
    right, bottom = shown.right(), shown.bottom()
    now, later = [], []
    for nid in node_ids:
        x, y = scene.shown_pos(nid)
        (now if left <= x <= right and top <= y <= bottom else later).append(nid)
    return now, later


class NodeQueue(QObject):
    """Node ids still waiting for ``work(node_id)``, in the order to do them."""

    def __init__(self, scene, work, index_each_slice: bool = False):
        super().__init__(scene)
        self._scene, self._work, self._index = scene, work, index_each_slice
        self._pending: set[str] = set()
        self._order: deque[str] = deque()
        self._shown: QRectF | None = None  # the view the order was last sorted for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._do_some)

    def __len__(self) -> int:
        return len(self._pending)

    def __contains__(self, node_id) -> bool:
        return node_id in self._pending

    def queue(self, node_ids) -> None:
        """Do these later, in this order (after any already waiting)."""
        ids = [nid for nid in node_ids if nid not in self._pending]
        self._pending.update(ids)
        self._order.extend(ids)
        self._shown = None
        if self._pending:
            self._timer.start()

    def take(self, node_id: str) -> bool:
        """Stop waiting for ``node_id`` (done now or removed); True if it was waiting."""
        if node_id not in self._pending:
            return False
        self._pending.discard(node_id)
        if not self._pending:
            self.clear()
        return True

    def clear(self) -> None:
        self._pending.clear()
        self._order.clear()
        self._timer.stop()

    def finish(self) -> None:
        while self._pending:
            self._do_next()

    def rough_rect(self, graph) -> QRectF:
        """The scene area the waiting nodes' cards take, near enough for framing."""
        spots = [self._scene.shown_pos(nid) for nid in self._pending if nid in graph.nodes]
        xs, ys = [x for x, _y in spots], [y for _x, y in spots]
        if not xs:
            return QRectF()
        return QRectF(min(xs), min(ys), max(xs) - min(xs) + ROUGH_W, max(ys) - min(ys) + ROUGH_H)

    def _do_next(self) -> None:
        while self._order:
            nid = self._order.popleft()
            if nid in self._pending:
                self._pending.discard(nid)
                self._work(nid)
                return
        self._pending.clear()

    def _do_some(self) -> None:
        """One slice: the nodes the view now shows first, then the rest in order."""
        shown = shown_rect(self._scene)
        if shown is not None and shown != self._shown:
            self._shown = shown
            graph = self._scene.graph
            near = shown.adjusted(-ROUGH_W, -ROUGH_H, 0, 0)
            self._order.extendleft(nid for nid in self._pending if nid in graph.nodes
                                   and near.contains(QPointF(*self._scene.shown_pos(nid))))
        end = time.perf_counter() + SLICE_S
        while self._pending and time.perf_counter() < end:
            self._do_next()
        if self._index:  # the scene's index takes in the cards this slice resized now (any
            # item query does that), not thousands at once in the turn of the next edit
            self._scene.items(QRectF(0.0, 0.0, 1.0, 1.0))
        if self._pending:
            self._timer.start()

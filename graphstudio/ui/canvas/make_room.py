"""Cards never cover each other while a run is shown: a display-only layout.

A run makes cards taller and wider (values, ``.grad``, ``grad_fn``; each card keeps room for
the fullest look it has during the run, so stepping never changes a size). On a graph laid
out for the smaller cards, a grown card would cover its neighbour. :class:`MakeRoom` moves
neighbours aside on the canvas only: the document keeps its positions (no undo step, nothing
saved, a file written meanwhile has the positions the person gave), and :meth:`restore`
(Reset) puts every card back. :func:`spread` is the pure layout rule.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QPointF, QTimer

from graphstudio.ui.canvas.edge_item import move_labels_off

__all__ = ["GAP", "LIMIT", "MakeRoom", "spread"]

#: the free space kept between two cards (room for a wire and its label)
GAP = 24.0
#: graphs with more cards are not re-laid (generated big graphs are spaced already)
LIMIT = 300

log = logging.getLogger(__name__)


def spread(rects: dict, gap: float = GAP) -> dict:
    """``{key: (x, y)}``: new top-left corners for ``{key: (x, y, w, h)}`` so that no two
    rectangles come closer than ``gap``. Cards are taken left to right (top to bottom within
    a column); one that meets an earlier card moves right past it or down below it, whichever
    is the shorter move, so a card only ever moves right or down, and past each earlier card
    at most once. Cards already clear of each other stay where they are."""
    placed: list[tuple[float, float, float, float]] = []
    out = {}
    for key in sorted(rects, key=lambda k: (rects[k][0], rects[k][1])):
        x, y, w, h = rects[key]
        for _ in range(len(placed) + 1):
            hit = next((p for p in placed if x < p[0] + p[2] + gap and p[0] < x + w + gap
                        and y < p[1] + p[3] + gap and p[1] < y + h + gap), None)
            if hit is None:
                break
            right, down = hit[0] + hit[2] + gap - x, hit[1] + hit[3] + gap - y
            if right <= down:
                x += right
            else:
                y += down
        placed.append((x, y, w, h))
        out[key] = (x, y)
    return out


class MakeRoom(QObject):
    """Moves the cards of ``scene`` aside (display only) while :attr:`active`."""

    def __init__(self, scene, graph, parent=None):
        super().__init__(parent)
        self.scene, self.graph = scene, graph
        self.active = False
        self.moved: dict[str, tuple[float, float]] = {}  # node id -> where it is shown
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self._apply_quietly)

    def apply(self) -> int:
        """Lay the cards out for their current sizes; returns how many are shown moved."""
        self.active = True
        self._again.stop()
        if len(self.graph.nodes) > LIMIT:  # before building every card to find out
            return 0
        items = {nid: self.scene.node_item(nid) for nid in self.graph.nodes}
        items = {nid: it for nid, it in items.items() if it is not None}
        if len(items) > LIMIT:
            return 0
        rects = {nid: (*self.graph.nodes[nid].pos, *it.size()) for nid, it in items.items()}
        spots = spread(rects)
        moved = {}
        for nid, item in items.items():
            spot = spots[nid]
            if spot != tuple(self.graph.nodes[nid].pos):
                moved[nid] = spot
            if (item.pos().x(), item.pos().y()) != spot:
                item.setPos(QPointF(*spot))
                move_labels_off(self.scene, item.sceneBoundingRect())
        self.moved = moved
        return len(moved)

    def later(self) -> None:
        """Lay out again from the event loop (the graph changed while results are shown)."""
        if self.active:
            self._again.start()

    def _apply_quietly(self) -> None:
        try:
            self.apply()
        except Exception:  # a timer slot must never raise; the cards stay where they are
            log.exception("making room for the cards failed")

    def restore(self) -> None:
        """Every card back where the document has it."""
        self.active = False
        self._again.stop()
        for nid in self.moved:
            item, node = self.scene.node_item(nid), self.graph.nodes.get(nid)
            if item is not None and node is not None:
                item.setPos(QPointF(*node.pos))
        self.moved = {}

"""The sketch of a big document's cards not built yet: blocks and straight wires in one item.

A document over :attr:`GraphScene.LAZY_CARDS` nodes gets card items only near what the view
shows (building a card costs about a millisecond and its memory; 100,000 of them would take
minutes and gigabytes). Every other node is drawn by one :class:`DocumentSketch` as the block a
card turns into when zoomed out (:func:`~graphstudio.ui.canvas.card_blocks.paint_blocks`, the
same drawing code), at the size a card roughly has, and every wire with such an end as a
straight line. Nodes are kept in a grid of cells, so painting a part of the scene looks only
at the cells it covers, and a cell's blocks and lines are computed once until a card in or
next to it is built, removed or moved.

The sketch has an empty shape: clicks, ``items(pos)`` and ``itemAt`` go through it to the
canvas beneath, as if it were not there. It tells the scene whenever it is painted (the view
moved, zoomed or resized), so the scene can build the cards that came into view.

Zoomed so far out that a block is a few pixels (below :data:`FAR_ZOOM`), each cell is drawn as
one patch over its nodes (in the error colours if one of them fails), without wires: a frame of
a 100,000-node document costs its cells, not its nodes. A paint works out new looks for at most
:data:`LOOK_BUDGET_S`; cells left are drawn as plain patches and painted again next turn.

A sketched node can be selected (a rubber band zoomed out, Select All): :attr:`DocumentSketch.
selected` holds those, drawn with the selection outline, and a card built for one is selected.
After a big edit, :class:`~graphstudio.ui.canvas.lazy_cards.LazyCards` settles the shape
results a slice at a time in the background and then recolours the blocks whose result may
have changed.
"""

from __future__ import annotations

import gc
import logging
import math
import time

import numpy as np
import shiboken6
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from graphstudio.ui.canvas.card_blocks import (
    block_title_colour,
    error_kind,
    paint_blocks,
    paint_outlines,
)
from graphstudio.ui.canvas.node_item import ROW_H, TITLE_H
from graphstudio.ui.canvas.node_queue import ROUGH_H, ROUGH_W
from graphstudio.ui.canvas.readable import text_scale

__all__ = ["CELL", "RECOLOUR_ALL", "DocumentSketch", "let_go_of_frozen"]

log = logging.getLogger(__name__)

CELL = 1024.0  # side of one grid cell (scene units)
MARGIN = 8.0  # around the blocks (a cosmetic wire's width)
#: below this zoom a block is a few pixels: each cell is drawn as one patch (no wires)
FAR_ZOOM = 0.03
#: more nodes than this recoloured at once: every look is worked out again when painted
RECOLOUR_ALL = 2000
#: the looks a paint works out at most (seconds); cells still without one are drawn as plain
#: patches and painted again next turn, so zooming out on a huge document never freezes
LOOK_BUDGET_S = 0.02


def _cell(x: float, y: float) -> tuple[int, int]:
    return math.floor(x / CELL), math.floor(y / CELL)


class DocumentSketch(QGraphicsItem):
    """Nodes of ``scene.graph`` that have no card yet (all of ``node_ids`` at first).

    ``scene`` provides ``graph``, ``theme``, ``built_card(node_id)`` (the card if built, never
    building one), ``shape_results()`` and ``sketch_painted()``; ``at(node_id)`` is where the
    canvas shows a node (its position, or stretched: see ``run_room``)."""

    def __init__(self, scene, node_ids, at, where=None):
        """``where``: (ids, xs, ys), ``node_ids`` and arrays of where they are shown, when
        known already (a whole document placed at array speed)."""
        super().__init__()
        self._scene, self._at = scene, at
        self.waiting: set[str] = set(node_ids)
        self.selected: set[str] = set()  # waiting nodes shown selected
        self._looks: dict[tuple[int, int], tuple[list, list]] = {}
        self._patches: dict[tuple[int, int], tuple[QRectF, object]] = {}  # far zoom
        self._more = False  # a paint left looks to work out: paint again next turn
        if where is None:
            ids = list(self.waiting)
            spots = [at(nid) for nid in ids]
            where = (ids, np.fromiter((x for x, _y in spots), float, len(ids)),
                     np.fromiter((y for _x, y in spots), float, len(ids)))
        self._grid, self._extent = _cells_of(*where)
        ids, xs, ys = where
        if len(ids):
            self._bounds = QRectF(float(xs.min()), float(ys.min()),
                                  float(xs.max() - xs.min()) + ROUGH_W,
                                  float(ys.max() - ys.min()) + ROUGH_H)
        else:
            self._bounds = QRectF(0.0, 0.0, ROUGH_W, ROUGH_H)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)  # paint only what is exposed
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setZValue(0.5)  # above wires, below cards (as a card is)

    def __contains__(self, node_id) -> bool:
        return node_id in self.waiting

    def __len__(self) -> int:
        return len(self.waiting)

    # ------------------------------------------------------------------ bookkeeping
    def take(self, node_id: str) -> None:
        """``node_id`` has its card now, or is gone: stop drawing it (repainting only around
        it and its neighbours, where its block and lines were and lines to its card go: a
        repaint of the whole view for each card built cost more than the card)."""
        if node_id in self.waiting:
            self.waiting.discard(node_id)
            self.selected.discard(node_id)
            area = self._forget_around((node_id,))
            if area is None:
                self.update()
            elif not area.isEmpty():
                self.update(area.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def refresh(self, node_ids) -> None:
        """Recompute the look around these nodes (a wire or a neighbour changed)."""
        self._forget_around(node_ids)
        self.update()

    def _forget_around(self, node_ids) -> QRectF | None:
        """Forget the looks of the cells of these nodes and of their neighbours; the area
        their blocks, cards and the straight lines between them take (None: a node is gone,
        every look is forgotten)."""
        graph, area = self._scene.graph, QRectF()
        for nid in node_ids:
            node = graph.nodes.get(nid)
            if node is None:
                self._looks.clear()  # a removed node: its wires' cells are unknown
                self._patches.clear()
                return None
            self._forget(_cell(*self._at(nid)))
            area = area.united(self._area_of(nid))
            for other in self._neighbours(nid):
                if other in graph.nodes:
                    self._forget(_cell(*self._at(other)))
                    area = area.united(self._area_of(other))
        return area

    def _area_of(self, node_id: str) -> QRectF:
        """Where ``node_id``'s block and (if built) card are."""
        x, y = self._at(node_id)
        rect = QRectF(x, y, ROUGH_W, ROUGH_H)
        card = self._scene.built_card(node_id)
        return rect if card is None else rect.united(card.sceneBoundingRect())

    def recolour(self, node_ids) -> None:
        """Draw these nodes' blocks again (their shape result or selection changed)."""
        nodes, dropped = self._scene.graph.nodes, 0
        for nid in node_ids:
            node = nodes.get(nid)
            if node is not None and nid in self.waiting:
                dropped += self._forget(_cell(*self._at(nid)))
        if dropped:
            self.update()

    def refresh_all(self) -> None:
        """Draw every block again (the text size or every result changed)."""
        self._looks.clear()
        self._patches.clear()
        self.update()

    def _forget(self, cell) -> bool:
        """Work out ``cell``'s look again when next painted; True if it had one."""
        self._patches.pop(cell, None)
        return self._looks.pop(cell, None) is not None

    def _neighbours(self, node_id: str) -> list[str]:
        graph = self._scene.graph
        return [e.src for e in graph.incoming(node_id).values()] + \
            [e.dst for e in graph.outgoing(node_id)]

    def ids_in(self, rect: QRectF, with_neighbours: bool = True) -> list[str]:
        """Waiting nodes whose rough card meets ``rect`` (and their waiting neighbours)."""
        near = rect.adjusted(-ROUGH_W, -ROUGH_H, 0, 0)
        found = [nid for c in self._cells(near) for nid in self._grid.get(c, ())
                 if nid in self.waiting and near.contains(QPointF(*self._at(nid)))]
        if with_neighbours:
            seen = set(found)
            for nid in list(found):
                for other in self._neighbours(nid):
                    if other in self.waiting and other not in seen:
                        seen.add(other)
                        found.append(other)
        return found

    def rough_rect(self) -> QRectF:
        """The area the waiting nodes take (as of the sketch's making; only ever shrinks)."""
        return QRectF(self._bounds) if self.waiting else QRectF()

    # ------------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: the canvas under it gets the clicks

    def _cells(self, rect: QRectF):
        x0, y0 = _cell(rect.left(), rect.top())
        x1, y1 = _cell(rect.right(), rect.bottom())
        return ((cx, cy) for cx in range(x0, x1 + 1) for cy in range(y0, y1 + 1))

    def paint(self, painter, option, widget=None):
        self._scene.sketch_painted()
        if not self.waiting:
            return
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < FAR_ZOOM
        cache, work = (self._patches, self._patch) if far else (self._looks, self._look)
        exposed = option.exposedRect.adjusted(-CELL, -CELL, CELL, CELL)
        end = time.perf_counter() + LOOK_BUDGET_S
        looks, plain, worked = [], [], False  # at least one new look a paint
        for c in self._cells(exposed.intersected(self.boundingRect())):
            if c not in self._grid:
                continue
            look = cache.get(c)
            if look is None and (time.perf_counter() < end or not worked):
                look = cache[c] = work(c)
                worked = True
            if look is None:
                plain.append(QRectF(*self._extent[c]))
            else:
                looks.append(look)
        theme = self._scene.theme
        if far:
            self._paint_patches(painter, looks)
        else:
            self._paint_looks(painter, looks)
        if plain:  # worked out on the next turns
            paint_blocks(painter, [(rect, 0.0, theme.wire, theme.wire) for rect in plain])
            if not self._more:
                self._more = True
                QTimer.singleShot(0, self._paint_more)

    def _paint_patches(self, painter, patches) -> None:
        by_colour: dict[int, list[QRectF]] = {}
        for rect, colour, _selected in patches:
            by_colour.setdefault(colour.rgba(), []).append(rect)
        painter.setPen(Qt.NoPen)
        for rgba, rects in by_colour.items():
            painter.setBrush(QColor.fromRgba(rgba))
            painter.drawRects(rects)
        chosen = [rect for rect, _c, selected in patches if selected]
        if chosen:
            paint_outlines(painter, chosen, self._scene.theme.selection)

    def _paint_more(self) -> None:
        if shiboken6.isValid(self):  # not deleted with its scene meanwhile
            self._more = False
            self.update()

    def _paint_looks(self, painter, looks) -> None:
        pen = QPen(self._scene.theme.wire, 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines([line for look in looks for line in look[1]])
        paint_blocks(painter, [block for look in looks for block in look[0]])
        outlines = [rect for look in looks for rect in look[2]]
        if outlines:
            paint_outlines(painter, outlines, self._scene.theme.selection)

    def _patch(self, cell) -> tuple[QRectF, object, bool]:
        """``cell`` far out: one patch over its nodes, in the error colour if one of them
        fails, the paler one if one is downstream of a failure, else the colour of wires;
        and whether one of them is selected."""
        theme, results = self._scene.theme, self._scene.shape_results()
        ids = [nid for nid in self._grid[cell] if nid in self.waiting]
        kinds = {error_kind(results.get(nid)) for nid in ids}
        kind = "error" if "error" in kinds else "upstream" if "upstream" in kinds else None
        return (QRectF(*self._extent[cell]), block_title_colour(theme, kind, theme.wire),
                any(nid in self.selected for nid in ids))

    def _look(self, cell) -> tuple[list, list, list]:
        """The blocks of the waiting nodes in ``cell`` and the wires they own (a wire belongs
        to its input's node when that waits, else to its output's), and the outlines of the
        selected ones."""
        graph, theme = self._scene.graph, self._scene.theme
        results = self._scene.shape_results()
        title_h = TITLE_H * text_scale()
        types = _node_types()
        blocks, lines, outlines = [], [], []
        for nid in self._grid[cell]:
            if nid not in self.waiting:
                continue
            node = graph.nodes[nid]
            frozen = node.attrs.get("requires_grad") is False
            title_c = block_title_colour(theme, error_kind(results.get(nid)), theme.frozen
                                         if frozen else theme.category_color(
                                             types[node.type].category if node.type in types
                                             else None))
            rect = QRectF(*self._at(nid), ROUGH_W, ROUGH_H)
            blocks.append((rect, title_h, title_c,
                           theme.frozen_body if frozen else theme.node_body))
            if nid in self.selected:
                outlines.append(rect)
            for e in graph.incoming(nid).values():
                lines.append(QLineF(self._anchor(e.src, e.src_port, True),
                                    self._anchor(nid, e.dst_port, False)))
            for e in graph.outgoing(nid):
                if e.dst not in self.waiting:
                    lines.append(QLineF(self._anchor(nid, e.src_port, True),
                                        self._anchor(e.dst, e.dst_port, False)))
        return blocks, lines, outlines

    def _anchor(self, node_id: str, port: str, output: bool) -> QPointF:
        card = self._scene.built_card(node_id)
        if card is not None and card.port(port, output) is not None:
            return card.port(port, output).scenePos()
        x, y = self._at(node_id)
        return QPointF(x + (ROUGH_W if output else 0.0), y + TITLE_H * text_scale() + ROW_H / 2)


def _cells_of(ids, xs, ys) -> tuple[dict, dict]:
    """The grid of ``ids`` shown at ``xs``, ``ys`` (arrays): cell -> its ids, and cell ->
    (x, y, width, height) covering their rough cards; worked out a cell, not a node, at a
    time (100,000 nodes in a fraction of the time)."""
    if not len(ids):
        return {}, {}
    cx, cy = np.floor(xs / CELL).astype(np.int64), np.floor(ys / CELL).astype(np.int64)
    order = np.lexsort((cy, cx))
    cx, cy, xs, ys = cx[order], cy[order], xs[order], ys[order]
    starts = np.flatnonzero(np.concatenate(([True], (cx[1:] != cx[:-1]) | (cy[1:] != cy[:-1]))))
    ends = np.append(starts[1:], len(order))
    x0, x1 = np.minimum.reduceat(xs, starts), np.maximum.reduceat(xs, starts)
    y0, y1 = np.minimum.reduceat(ys, starts), np.maximum.reduceat(ys, starts)
    ids = [ids[i] for i in order.tolist()]
    grid, extent = {}, {}
    for s, e, i, j, a, b, c, d in zip(starts.tolist(), ends.tolist(), cx[starts].tolist(),
                                      cy[starts].tolist(), x0.tolist(), x1.tolist(),
                                      y0.tolist(), y1.tolist(), strict=True):
        grid[i, j] = ids[s:e]
        extent[i, j] = (a, c, b - a + ROUGH_W, d - c + ROUGH_H)
    return grid, extent


def let_go_of_frozen() -> None:
    """A big document's millions of objects live as long as it is open, so once its sketch is made
    they are moved out of the cycle collector's way (``gc.freeze``: a full collection walking
    them took 0.2 s at 30,000 nodes and most of a second at 100,000, in whichever edit's turn
    it fell). When the scene is rebuilt (another document, a revert) they go back to the
    collector and what the old document left is collected, so nothing stays for good."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def _node_types():
    from graphstudio.graph.node_table import NODE_TYPES

    return NODE_TYPES

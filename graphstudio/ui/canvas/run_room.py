"""Room for a run's values on a big document: the canvas stretched, display only.

A run makes cards wider and taller (values, ``.grad``, ``grad_fn``); on a document laid out
for bare cards a grown card would cover its neighbours. A small document moves the
neighbours aside one by one (:mod:`~graphstudio.ui.canvas.make_room`); a big one, whose cards
are mostly not built (:mod:`~graphstudio.ui.canvas.sketch`), is shown through a
:class:`RoomMap` instead: each axis is stretched by a step function, so that everything to
the right of a card (past its bare width) moves right by as much as that card grows, on top
of what moved the card itself, and likewise downwards. Two cards clear of each other along
an axis in the document stay clear along it on the canvas, with at least the gap they had,
however much they grew, so no two cards meet; the order of everything is kept. The stretch
is worked out from every node's bare and grown size (:func:`card_room`, a bound for a card
not built) by :class:`RoomPlanner`, a slice at a time, and is the same for the cards and the
sketch. The document keeps its positions: a card dragged meanwhile goes back through
:meth:`RoomMap.doc`.
"""

from __future__ import annotations

import heapq
import math
import time
from bisect import bisect_right

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from graphstudio.ui.canvas.node_item import (
    ERROR_W,
    MIN_W,
    PAD,
    bare_card_height,
    bare_card_width,
    footer_of,
    tag_width,
)
from graphstudio.ui.canvas.preview import Fonts, PreviewRoom
from graphstudio.ui.canvas.readable import text_scale

__all__ = ["AxisStretch", "RoomMap", "RoomPlanner", "card_room", "room_guess", "room_measure"]

#: how long one slice of measuring cards takes at most (seconds)
SLICE_S = 0.015
#: how long the cards built (near the views) may take to measure when a run starts
FIRST_S = 0.15


class AxisStretch:
    """``v -> v + shift(v)`` along one axis, ``shift`` a non-decreasing step function made
    from ``spans``: (start, bare length, grown length) of every card along the axis."""

    def __init__(self, spans):
        self._at: list[float] = []     # where a step is
        self._shift: list[float] = []  # the shift from there on
        widest: dict[tuple[float, float], float] = {}  # cards alike: only the most grown
        for start, bare, grown in spans:  # counts (a column of cards is a few steps)
            key = (start, float(math.floor(bare)))  # (a bare length is a lower bound)
            if grown > widest.get(key, -math.inf):
                widest[key] = grown
        pending: list[tuple[float, float]] = []  # (where, shift from there on), a heap
        current = 0.0
        for (start, bare), grown in sorted(widest.items()):
            while pending and pending[0][0] <= start:
                current = self._step(*heapq.heappop(pending), current)
            heapq.heappush(pending, (start + bare, current + max(0.0, grown - bare)))
        while pending:
            current = self._step(*heapq.heappop(pending), current)
        self._shown_at = [a + d for a, d in zip(self._at, self._shift, strict=True)]

    def _step(self, where: float, shift: float, current: float) -> float:
        if shift <= current:
            return current
        if self._at and self._at[-1] == where:
            self._shift[-1] = shift
        else:
            self._at.append(where)
            self._shift.append(shift)
        return shift

    def __call__(self, v: float) -> float:
        i = bisect_right(self._at, v) - 1
        return v + self._shift[i] if i >= 0 else v

    def many(self, values: np.ndarray) -> np.ndarray:
        """:meth:`__call__` of each of ``values`` (the same numbers, at array speed)."""
        if not self._at:
            return values
        i = np.searchsorted(np.asarray(self._at), values, side="right") - 1
        return values + np.where(i >= 0, np.asarray(self._shift)[np.maximum(i, 0)], 0.0)

    def back(self, shown: float) -> float:
        """The document coordinate shown at ``shown`` (a point in a gap the stretch opened
        goes to the start of what lies past it)."""
        i = bisect_right(self._shown_at, shown) - 1
        if i < 0:
            return min(shown, self._at[0]) if self._at else shown
        v = shown - self._shift[i]
        return min(v, self._at[i + 1]) if i + 1 < len(self._at) else v

    @property
    def total(self) -> float:
        """How much the far end moves."""
        return self._shift[-1] if self._shift else 0.0


class RoomMap:
    """Where the canvas shows a document position (:meth:`shown`) and back (:meth:`doc`)."""

    def __init__(self, boxes: dict):
        """``boxes``: node id -> (x, y, bare width, bare height, grown width, grown height)."""
        self.xs = AxisStretch((b[0], b[2], b[4]) for b in boxes.values())
        self.ys = AxisStretch((b[1], b[3], b[5]) for b in boxes.values())

    def shown(self, x: float, y: float) -> tuple[float, float]:
        return self.xs(x), self.ys(y)

    def shown_many(self, points) -> list[tuple[float, float]]:
        """:meth:`shown` of each (x, y) of ``points``, at array speed (a whole document)."""
        xs = np.fromiter((p[0] for p in points), float, len(points))
        ys = np.fromiter((p[1] for p in points), float, len(points))
        return list(zip(self.xs.many(xs).tolist(), self.ys.many(ys).tolist(), strict=True))

    def doc(self, x: float, y: float) -> tuple[float, float]:
        return self.xs.back(x), self.ys.back(y)


def card_room(theme, node, nodetype, shape_result, states, tags) -> tuple:
    """(bare width, bare height, grown width, grown height) of ``node``'s card: bare, what it
    needs at least (title and ports) at the normal text size (a layout is made for that);
    grown, at most what it takes showing each of ``states``
    (NodeRunStates kept room for) with the footer tags ``tags`` and its shape result, in
    ``theme``'s fonts at the text size in force."""
    fonts = Fonts.of(theme)
    toggle = nodetype.has_tensor and "requires_grad" in node.attrs
    bare_w, bare_h = bare_card_width(fonts, node.name, nodetype, toggle), \
        bare_card_height(nodetype)
    shape_text, error, hint = footer_of(shape_result)
    tags_w = sum(tag_width(fonts, label) + 4 for label in tags)
    text_w = ERROR_W if error else fonts.fm_mono.horizontalAdvance(hint or shape_text)
    preview_w, preview_h = PreviewRoom(states).size(node.name, theme, fonts, error)
    grown_w = max(bare_w, text_w + 2 * PAD + 8 + tags_w, preview_w + 2 * PAD)
    scale = text_scale()  # bare at most as at the text size the document was laid out for
    return bare_w / scale, bare_h / scale, math.ceil(grown_w), bare_h + preview_h


def room_measure(graph, theme, shape_results: dict, node_types, states_of):
    """``measure(node_id)`` for a :class:`RoomPlanner`: the node's position followed by its
    :func:`card_room` box, with the states ``states_of(node_id)`` gives (None: the node is
    left out, as one gone or not in the run)."""
    loss, kept = graph.run.get("loss"), set(graph.run.get("retain_grad", ()))

    def measure(nid: str):
        node = graph.nodes.get(nid)
        states = states_of(nid) if node is not None and node.type in node_types else None
        if states is None:
            return None
        tags = ["stale", *(["retain_grad"] if nid in kept else []),
                *(["loss"] if nid == loss else [])]
        return (*node.pos, *card_room(theme, node, node_types[node.type],
                                      shape_results.get(nid), states, tags))

    return measure


def room_guess(graph, node_types):
    """``guess(node_id)`` for a :class:`RoomPlanner`: (x, y, least bare width, bare height,
    type) of a node not measured yet (None: a node gone)."""
    def guess(nid: str):
        node = graph.nodes.get(nid)
        if node is None or node.type not in node_types:
            return None
        scale = text_scale()  # (as card_room: bare at the text size laid out for)
        return (*node.pos, MIN_W / scale, bare_card_height(node_types[node.type]) / scale,
                node.type)

    return guess


class RoomPlanner(QObject):
    """Measures the cards of ``node_ids`` (``measure(node_id)``: a :func:`card_room` box
    with the position in front, or None to leave it out) a slice at a time and emits
    :attr:`ready` with the :class:`RoomMap` they make. ``first`` are measured first, at once
    when started (the cards built, near what the views show); with ``guess`` (see
    :func:`room_guess`) a first map is emitted then too, every node not measured yet taken
    to grow as the most grown card of its type measured (the final map, emitted when all
    are measured, moves things a little where the guess was off)."""

    ready = Signal(object)

    def __init__(self, node_ids, measure, first=(), guess=None, parent=None):
        super().__init__(parent)
        first = list(first)
        early = set(first)
        self._todo = [nid for nid in node_ids if nid not in early] + first[::-1]
        self._measure, self._guess = measure, guess
        self._boxes: dict = {}
        self._first = len(first)
        self.guessed: RoomMap | None = None  # the first map, when one was guessed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._some)

    def start(self) -> None:
        if not self._first:
            self._timer.start()
            return
        done = self._run(FIRST_S, len(self._todo) - self._first)
        if done is None and self._guess is not None and self._boxes:
            self.guessed = self._guessed()
            self.ready.emit(self.guessed)

    def _guessed(self) -> RoomMap:
        grown: dict[str, tuple[float, float]] = {}  # type -> the most grown, measured
        for nid, box in self._boxes.items():
            place = self._guess(nid)
            kind = place[4] if place is not None else None
            w, h = grown.get(kind, (0.0, 0.0))
            grown[kind] = (max(w, box[4]), max(h, box[5]))
        widest = (max(w for w, _h in grown.values()), max(h for _w, h in grown.values()))
        boxes = dict(self._boxes)
        for nid in self._todo:
            place = self._guess(nid)
            if place is not None:
                boxes[nid] = (*place[:4], *grown.get(place[4], widest))
        return RoomMap(boxes)

    def stop(self) -> None:
        self._timer.stop()
        self._todo = []

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    def _some(self) -> None:
        self._run(SLICE_S)

    def _run(self, budget: float, down_to: int = 0) -> RoomMap | None:
        """Measure for ``budget`` seconds (or until ``down_to`` are left); the map when all
        are measured (emitted), else None (the rest measured from the event loop)."""
        end = time.perf_counter() + budget
        todo, boxes, measure = self._todo, self._boxes, self._measure
        while len(todo) > down_to:
            nid = todo.pop()
            box = measure(nid)
            if box is not None:
                boxes[nid] = box
            if time.perf_counter() >= end and todo:
                self._timer.start()
                return None
        if todo:
            self._timer.start()
            return None
        room = RoomMap(boxes)
        self.ready.emit(room)
        return room

"""Puts step k of a timeline on the canvas, touching only the cards and wires that change.

:class:`SceneDisplay` remembers what every card and wire shows. Moving to another step of the
same timeline recomputes only the nodes the steps in between belong to (plus the highlighted
ones); a new timeline, a change of phase (before / forward / backward) or of the stale flag
recomputes everything, but still repaints only the items whose display really differs. What
is shown is always :func:`~graphstudio.ui.run.display.node_display` /
:func:`~graphstudio.ui.run.display.edge_display` at k, so the route taken to k never matters.
"""

from __future__ import annotations

import contextlib
import html
import logging
import time

from PySide6.QtCore import QCoreApplication, QTimer

from graphstudio.graph.lookup import output_aliases
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.canvas.make_room import LIMIT as MAKE_ROOM_LIMIT
from graphstudio.ui.canvas.make_room import MakeRoom
from graphstudio.ui.canvas.readable import text_scale
from graphstudio.ui.canvas.run_room import RoomPlanner, room_guess, room_measure
from graphstudio.ui.run.display import (
    NO_EDGE,
    edge_display,
    edge_grads,
    greyed_sources,
    in_backward,
    node_display,
    shows_grads,
    step_edges,
    timeline_nodes,
)

__all__ = ["SceneDisplay", "same_state"]

log = logging.getLogger(__name__)

_FIELDS = ("requires_grad", "grad_fn", "stale", "highlight", "greyed", "show_grad", "error",
           "no_grad", "out_label")
_ARRAYS = ("value", "grad", "out_grad")


def same_state(a, b) -> bool:
    """Whether two NodeRunStates show the same (arrays compared by identity: a timeline's
    arrays are immutable and shared between the steps that show them)."""
    if a is None or b is None:
        return a is b
    return (all(getattr(a, f) is getattr(b, f) for f in _ARRAYS)
            and all(getattr(a, f) == getattr(b, f) for f in _FIELDS))


def _edge_shows(item) -> tuple:
    """What an EdgeItem shows, as an EdgeDisplay key."""
    return (id(item.grad), item.highlighted, item.greyed, item.stale,
            getattr(item, "inner", False))


def _phase(timeline, k: int) -> int:
    if k < 0:
        return -1
    if in_backward(timeline, k):
        return 1
    return 2 if shows_grads(timeline, k) else 0


class SceneDisplay:
    """What the scene's items show of a run; see the module docstring."""

    #: a jump over more steps than this recomputes every node instead of the steps' nodes
    FULL_JUMP = 400

    #: a full refresh of more cards than this updates the visible ones at once, the rest
    #: in slices of about SLICE_MS from the event loop (a step never freezes a big graph)
    DEFER_OVER = 150
    SLICE_MS = 6
    #: a jump that changes more cards than this does the same (a step changes two or three)
    DEFER_JUMP_OVER = 24

    def __init__(self, scene, graph):
        self.scene, self.graph = scene, graph
        self.timeline = None
        self.k = -1
        self.stale = False
        self._nodes: dict = {}   # node id -> NodeRunState (None: nothing shown)
        self._edges: dict = {}   # Edge -> EdgeDisplay
        self._aliases: dict[str, list[str]] = {}
        self._overrides: dict = {}  # node id -> what its card shows instead (training)
        self._pending_nodes: set[str] = set()   # still to bring up to (timeline, k)
        self._pending_edges: set = set()
        self._error_tips: set = set()  # cards whose tooltip holds a run error
        self._flush_timer = QTimer()
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush_some)
        self.make_room = MakeRoom(scene, graph)
        self._reserved: set[str] = set()  # cards keeping room for the shown run's results
        self._reserve_ks: tuple[int, ...] = ()
        self.room_planner: RoomPlanner | None = None  # a big document's room for a run
        self.on_room_made = None  # called once a big document's room is shown (Follow Step)
        self.stretch = True  # False: no room made on a big document (an export lays it out)
        built = getattr(scene, "cardBuilt", None)  # a big document builds cards as they show
        if built is not None:
            built.connect(self._card_built)
            scene.run_look = self._look_of_new_card

    # ------------------------------------------------------------------ public
    def clear(self) -> None:
        """Take every run display off the canvas (cards back to their size and place)."""
        for nid, state in self._nodes.items():
            item = self.scene.built_card(nid)
            if item is not None and state is not None:
                item.set_run_state(None)
        for item in self._error_tips:
            with contextlib.suppress(RuntimeError):  # a card the scene has deleted since
                _show_error_tip(item, None)
        self._error_tips = set()
        for edge, d in self._edges.items():
            item = self.scene.built_wire(edge)
            if item is not None and d is not NO_EDGE:
                item.set_run_state(None, False, False)
                item.set_pulse(None)
        self._nodes, self._edges = {}, {}
        self._pending_nodes, self._pending_edges = set(), set()
        self._flush_timer.stop()
        self.timeline, self.k, self.stale = None, -1, False
        for nid, state in self._overrides.items():
            self._set_node(nid, state)
        self._unreserve(self._reserved)
        self._reserved, self._reserve_ks = set(), ()
        self.make_room.restore()
        self._plan_room(None)
        if text_scale() > 1.0:  # larger text: the cards at their new size still need room
            self.make_room.apply()

    def set_override(self, node_id: str, state) -> None:
        """Show ``state`` on ``node_id``'s card instead of the run's (e.g. a Parameter's value
        while training) until :meth:`clear_overrides`; the cache stays truthful."""
        self._overrides[node_id] = state
        self._pending_nodes.discard(node_id)
        self._set_node(node_id, state)

    def clear_overrides(self, node_ids=None) -> None:
        """Give the cards back what the run shows of them (or nothing)."""
        ids = list(self._overrides) if node_ids is None else \
            [nid for nid in node_ids if nid in self._overrides]
        for nid in ids:
            del self._overrides[nid]
        known = timeline_nodes(self.timeline) if self.timeline is not None else ()
        for nid in ids:
            if nid in known and nid in self.graph.nodes:
                self._apply((nid,), ())
            else:
                self._set_node(nid, None)
                self._nodes.pop(nid, None)

    def show(self, timeline, k: int, stale: bool = False, pre=None) -> int:
        """Show step ``k`` of ``timeline``; ``pre`` maps node ids / edges to what they show
        for now instead (an animation's starting look). Returns the number of items updated."""
        pre = pre or {}
        cand = self._candidates(timeline, k, stale)
        if cand is None:
            self._aliases = output_aliases(self.graph)
            known = timeline_nodes(timeline)
            if timeline is not self.timeline:
                self._begin_run(timeline, known)
            nodes = [nid for nid in self.graph.nodes if nid in known]
            edges = list(self.graph.edges)
            stray = [nid for nid in self._nodes if nid not in known
                     and nid not in self._overrides]
            for nid in stray:  # nodes added after the run: nothing to show
                self._set_node(nid, None)
                self._nodes.pop(nid, None)
            if len(nodes) > self.DEFER_OVER:
                nodes, edges = self._visible_first(nodes, edges, timeline, k)
        else:
            nodes, edges = cand
            if len(nodes) > self.DEFER_JUMP_OVER:  # a jump: the cards on screen first
                nodes, edges = self._visible_first(nodes, edges, timeline, k)
        self.timeline, self.k, self.stale = timeline, k, stale
        return self._apply(nodes, edges, pre)

    def _begin_run(self, timeline, known) -> None:
        """A new run: every card it knows keeps room for its fullest look in that run (the
        end of the forward and the end of the run), so stepping never resizes a card; then
        neighbours are moved aside where the grown cards would meet (display only)."""
        self._unreserve(self._reserved - known)
        self._reserved = set()
        self._reserve_ks = tuple(sorted({timeline.forward_count - 1, len(timeline) - 1}))
        self.timeline = timeline
        big = len(self.graph.nodes) > MAKE_ROOM_LIMIT  # reserved as each card is updated,
        for nid in self.graph.nodes:  # but a card keeping the last run's room changes now
            item = self.scene.built_card(nid)
            if nid in known and item is not None and (item.room or not big):
                self._reserve(nid, item, layout=True)
        if big:
            self._plan_room(timeline, known)
        else:
            self.make_room.apply()

    def remake_room(self) -> None:
        """The cards' sizes changed (the text size): a big document's room is made again."""
        if self.timeline is not None and len(self.graph.nodes) > MAKE_ROOM_LIMIT:
            self._plan_room(self.timeline, timeline_nodes(self.timeline))

    def _plan_room(self, timeline, known=()) -> None:
        """A big document shows ``timeline`` (None: no run) on a canvas stretched so that
        every card has the room its fullest look in the run needs (run_room), at once."""
        if self.room_planner is not None:
            self.room_planner.stop()
            self.room_planner = None
        show = getattr(self.scene, "set_room_map", None)
        if show is None or not self.stretch:
            return
        if timeline is None:
            show(None)
            return
        graph, ks = self.graph, self._reserve_ks

        def states_of(nid: str):
            return [node_display(timeline, k, nid, False, graph) for k in ks] \
                if nid in known else None

        measure = room_measure(graph, self.scene.theme, self.scene.shape_results(), NODE_TYPES,
                               states_of)
        built = [nid for nid in graph.nodes if self.scene.built_card(nid) is not None]
        self.room_planner = RoomPlanner(list(graph.nodes), measure, built,
                                        room_guess(graph, NODE_TYPES))
        self.room_planner.ready.connect(lambda room: self._room_made(show, room))
        self.room_planner.start()

    def _room_made(self, show, room) -> None:
        try:  # a slot: never raises
            show(room)
            if self.on_room_made is not None:
                self.on_room_made()
        except Exception:
            log.exception("showing the room made for the run failed")

    def _reserve(self, nid: str, item, layout: bool = False) -> None:
        tl = self.timeline
        item.reserve_for([node_display(tl, k, nid, False, self.graph) for k in self._reserve_ks],
                         layout=layout)
        self._reserved.add(nid)

    def _unreserve(self, node_ids) -> None:
        for nid in node_ids:
            item = self.scene.built_card(nid)
            if item is not None:
                item.reserve_for(())

    def flush(self) -> None:
        """Bring every deferred card and wire up to date now."""
        self._flush_timer.stop()
        nodes, edges = self._pending_nodes, self._pending_edges
        self._pending_nodes, self._pending_edges = set(), set()
        if self.timeline is not None:
            self._apply(nodes, edges)

    @property
    def pending(self) -> int:
        return len(self._pending_nodes) + len(self._pending_edges)

    def _apply(self, nodes, edges, pre=None) -> int:
        timeline, k, stale, pre = self.timeline, self.k, self.stale, pre or {}
        changed = 0
        for nid in nodes:
            if nid in pre:
                state = pre[nid]
            elif nid in self._overrides:
                state = self._overrides[nid]
            else:
                state = node_display(timeline, k, nid, stale, self.graph)
            changed += self._set_node(nid, state)
        if edges:
            grads = edge_grads(timeline, k) if k >= 0 else {}
            lit = step_edges(timeline, k)
            ends = {e.src for e in edges} | {e.dst for e in edges}
            greyed = greyed_sources(timeline, k, ends & timeline_nodes(timeline))
            for edge in edges:
                d = pre[edge] if edge in pre else edge_display(timeline, k, edge, grads, lit,
                                                               greyed, stale)
                changed += self._set_edge(edge, d)
        return changed

    def _visible_first(self, nodes, edges, timeline, k: int):
        """(visible nodes, visible edges); the others wait in the pending sets. Visible: in
        a view now, or in a view's worth around step ``k``'s card (where Follow Step is
        about to pan)."""
        views = self.scene.views()
        if not views:
            return nodes, edges
        step_node = timeline.steps[k].node_id if 0 <= k < len(timeline) else None
        card = self.scene.built_card(step_node) if step_node is not None else None
        areas = []
        for view in views:
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            areas.append(seen.adjusted(-200, -200, 200, 200))
            if card is not None:
                seen.moveCenter(card.sceneBoundingRect().center())
                areas.append(seen.adjusted(-200, -200, 200, 200))

        def shown(item) -> bool:
            rect = item.sceneBoundingRect()
            return any(rect.intersects(area) for area in areas)

        now_n, now_e = [], []
        for nid in nodes:  # a card not built yet is brought up to date when it is
            item = self.scene.built_card(nid)
            if item is None:
                continue
            (now_n.append if shown(item) else self._pending_nodes.add)(nid)
        for edge in edges:
            item = self.scene.built_wire(edge)
            if item is None:
                continue
            (now_e.append if shown(item) else self._pending_edges.add)(edge)
        self._flush_timer.start()
        return now_n, now_e

    def _flush_some(self) -> None:
        """One slice of the deferred updates (at the display's current step), about
        SLICE_MS long so the event loop stays responsive."""
        try:
            if self.timeline is None:
                self._pending_nodes.clear()
                self._pending_edges.clear()
            end = time.perf_counter() + self.SLICE_MS / 1000
            while self.pending and time.perf_counter() < end:
                if self._pending_nodes:
                    nid = self._pending_nodes.pop()
                    if nid in self.graph.nodes:
                        self._apply((nid,), ())
                else:
                    batch = [self._pending_edges.pop()
                             for _ in range(min(16, len(self._pending_edges)))]
                    self._apply((), [e for e in batch if self.scene.built_wire(e) is not None])
        except Exception:  # a timer slot must never raise
            log.exception("deferred run display failed")
            self._pending_nodes.clear()
            self._pending_edges.clear()
        if not self.pending:
            self._flush_timer.stop()

    def follow(self, ev) -> None:
        """Keep the caches truthful as the scene drops and builds items for a model event:
        a removed node's or wire's entry goes, a (re-)added one (undo of a delete) is shown
        at the current step (a node the shown run did not know shows nothing)."""
        if ev.kind in ("node_moved", "node_added", "node_removed"):
            self.make_room.later()  # lay the shown cards out again around the change
        if ev.kind == "node_removed":
            self._nodes.pop(ev.node_id, None)
            self._overrides.pop(ev.node_id, None)
            self._pending_nodes.discard(ev.node_id)
        elif ev.kind == "edge_removed":
            self._edges.pop(ev.edge, None)
            self._pending_edges.discard(ev.edge)
        elif self.timeline is not None and ev.kind in ("node_added", "edge_added"):
            known = timeline_nodes(self.timeline)
            if ev.kind == "node_added":
                if ev.node_id in known:
                    self._apply((ev.node_id,), ())
            elif self.scene.built_wire(ev.edge) is not None:
                self._apply((), (ev.edge,))

    def _look_of_new_card(self, node_id: str):
        """The ``run_look`` of a card about to be built (come into view): what the run shows
        of it at the current step and the looks to keep room for, so it is laid out once."""
        try:
            tl = self.timeline
            known = tl is not None and node_id in timeline_nodes(tl)
            if node_id in self._overrides:
                state = self._overrides[node_id]
            elif known:
                state = node_display(tl, self.k, node_id, self.stale, self.graph)
            else:
                return None
            if not (known and self._reserve_ks):
                return state, ()
            self._reserved.add(node_id)
            return state, [node_display(tl, k, node_id, False, self.graph)
                           for k in self._reserve_ks]
        except Exception:  # the card is built empty and brought up to date after
            log.exception("working out a new card's run display failed")
            return None

    def _card_built(self, node_id: str) -> None:
        """A card built since (a big document's, come into view): it and its wires show what
        the run shows at the current step (the card itself mostly since it was made, see
        :meth:`_look_of_new_card`)."""
        try:
            self._pending_nodes.discard(node_id)
            item = self.scene.built_card(node_id)
            if item is not None and self.timeline is not None \
                    and node_id not in self._overrides:
                self._nodes[node_id] = item.run_state  # what it was built showing
            if self.timeline is None:
                if node_id in self._overrides:
                    self._set_node(node_id, self._overrides[node_id])
                return
            g = self.graph
            wires = [e for e in (*g.incoming(node_id).values(), *g.outgoing(node_id))
                     if self.scene.built_wire(e) is not None]
            self._pending_edges.difference_update(wires)
            known = node_id in timeline_nodes(self.timeline) or node_id in self._overrides
            self._apply((node_id,) if known and node_id in g.nodes else (), wires)
            error = getattr(self._nodes.get(node_id), "error", None)
            if item is not None and error and item not in self._error_tips:
                _show_error_tip(item, error)
                self._error_tips.add(item)
        except Exception:  # a slot must never raise
            log.exception("showing the run on a new card failed")

    def node_state(self, node_id: str):
        """What the card of ``node_id`` shows now (None: nothing)."""
        return self._nodes.get(node_id)

    def edge_state(self, edge):
        return self._edges.get(edge, NO_EDGE)

    # ------------------------------------------------------------------ internals
    def _candidates(self, timeline, k: int, stale: bool):
        """(nodes, edges) that may differ from what is shown, or None: everything."""
        if (timeline is not self.timeline or stale != self.stale
                or _phase(timeline, k) != _phase(timeline, self.k)
                or abs(k - self.k) > self.FULL_JUMP):
            return None
        steps = timeline.steps
        lo, hi = sorted((self.k, k))
        nodes, edges = set(), set(step_edges(timeline, self.k)) | set(step_edges(timeline, k))
        for j in {*range(lo + 1, hi + 1), self.k, k}:
            if 0 <= j < len(steps):
                step = steps[j]
                nodes.add(step.node_id)
                if step.kind == "backward":
                    edges.update(step.edge_grads)
                elif step.kind == "inner":  # its whole inner backward's wires come and go
                    nodes.add(step.within)
                    for i in timeline.inner_group(j):
                        edges.update(steps[i].edge_grads)
        nodes.discard(None)
        for nid in list(nodes):
            nodes.update(self._aliases.get(nid, ()))
        known = timeline_nodes(timeline)
        return [n for n in nodes if n in known and n in self.graph.nodes], \
            [e for e in edges if self.scene.built_wire(e) is not None]

    # The caches say what was put on the items; an item the scene built since (undo of a
    # delete re-creates the card and its wires) shows nothing, so "same as cached" skips only
    # when the item itself still shows the cached state.
    def _set_node(self, nid: str, state) -> int:
        item = self.scene.built_card(nid)
        if (nid in self._nodes and same_state(self._nodes[nid], state)
                and (item is None or item.run_state is self._nodes[nid])):
            return 0
        self._nodes[nid] = state
        if item is None:
            return 0
        if self._reserve_ks and nid not in self._reserved and self.timeline is not None \
                and nid in timeline_nodes(self.timeline):
            self._reserve(nid, item)
        item.set_run_state(state)
        error = getattr(state, "error", None)
        if error or item in self._error_tips:  # most cards never had an error: left alone
            _show_error_tip(item, error)
            (self._error_tips.add if error else self._error_tips.discard)(item)
        return 1

    def _set_edge(self, edge, d) -> int:
        old = self._edges.get(edge, NO_EDGE)
        item = self.scene.built_wire(edge)
        if (old.key() == d.key() and old.grad is d.grad
                and (item is None or _edge_shows(item) == old.key())):
            return 0
        self._edges[edge] = d
        if item is None:
            return 0
        item.set_run_state(d.grad, d.highlighted, d.greyed, stale=d.stale, inner=d.inner)
        return 1


ERROR_TIP = "<hr>"  # what separates a card's own tooltip from the run error added below it


def _show_error_tip(item, error: str | None) -> None:
    """The whole run error in the card's tooltip (the card shows it cut to one line)."""
    base = item.toolTip().split(ERROR_TIP, 1)[0]
    if error:
        base += ERROR_TIP + html.escape(
            QCoreApplication.translate("SceneDisplay", "error: {0}").format(error))
    item.setToolTip(base)

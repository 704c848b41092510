"""Turn what the run shows into lesson events: ``forward``, ``backward`` and ``reach``.

:class:`RunWatcher` is told the shown (timeline, k, valid) every time it changes and returns the
:class:`~graphstudio.lessons.conditions.Event` objects that just happened: the end of the forward
came into view, the end of a backward came into view, or the shown step moved forward past the
backward step of a node (its grad_fn, or AccumulateGrad for a leaf). Moving back never fires.
"""

from __future__ import annotations

from graphstudio.lessons.conditions import Event

__all__ = ["RunWatcher"]


class RunWatcher:
    """Remembers the last shown (timeline, k) to report only what is new."""

    def __init__(self):
        self._timeline = None
        self._k = -1

    def update(self, timeline, k: int, valid: bool) -> list[Event]:
        """Events for showing step ``k`` of ``timeline`` (``valid``: not stale)."""
        new_run = timeline is not self._timeline
        prev = -1 if new_run else self._k
        self._timeline, self._k = timeline, k
        if timeline is None or not valid or k <= prev and not new_run:
            return []
        events = []
        fc = timeline.forward_count
        if fc and k >= fc - 1 and (new_run or prev < fc - 1):
            events.append(Event("forward"))
        for i in range(max(prev + 1, fc), min(k, len(timeline) - 1) + 1):
            step = timeline.steps[i]
            for nid in {step.node_id, getattr(step, "leaf_id", None)} - {None}:
                events.append(Event("reach", (nid,)))
        if timeline.has_backward and k == len(timeline) - 1:
            events.append(Event("backward"))
        return events

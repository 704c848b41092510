"""One timeline for a whole session: its sections' steps one after another.

Replaying a session (:mod:`graphstudio.run.session`) makes a Timeline per forward and per
backward, and a step of its own for each ``zero_()`` and ``print``. :class:`SessionTimelineBuilder`
lays them end to end in a :class:`SessionTimeline`, which is a
:class:`~graphstudio.run.timeline.Timeline` (the canvas and the Steps dock show step k of it as
of any run) that also knows its :class:`Section` s and which steps show gradients: stepping
walks from "backward #1" through "zero_()" to "backward #3" and the cards follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType

import numpy as np

from graphstudio.run.forward_pass import frozen_copy
from graphstudio.run.timeline import NodeState, Timeline

__all__ = ["ActionRecord", "Section", "SessionTimeline", "SessionTimelineBuilder"]


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """A step that is a session action of its own: ``kind`` "zero_" (``node.grad.zero_()``)
    or "print" (``output``: what it printed). Empty gradient fields, as a step without wires."""

    index: int
    node_id: str | None
    label: str
    kind: str
    output: str = ""
    edge_grads: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    contributions: tuple = ()
    contribution_edges: tuple = ()
    grad_inputs: tuple = ()
    leaf_id: str | None = None
    new_grad: np.ndarray | None = None
    name: str = ""


@dataclass(frozen=True)
class Section:
    """Steps ``first`` .. ``first + count - 1`` come from session action ``action`` (its index);
    ``kind``: "forward", "backward", "zero_" or "print"; ``title``: "backward #2", ..."""

    title: str
    kind: str
    first: int
    count: int
    action: int
    no_grad: bool = False
    root: str | None = None
    number: int = 0  # a backward's count: 2 for "backward #2"


@dataclass(frozen=True, eq=False)
class SessionTimeline(Timeline):
    """A Timeline over a session's sections. ``grad_steps[k]``: step k shows ``.grad`` on the
    cards (backward steps and what follows them until the next forward); ``printed``: the
    session's whole output; ``error``: the action it stopped at, in the program's words."""

    sections: tuple[Section, ...] = ()
    grad_steps: tuple[bool, ...] = ()
    printed: str = ""

    def in_backward(self, k: int) -> bool:
        """Whether step ``k`` is in a gradient phase (the display's "backward" look)."""
        return 0 <= k < len(self.grad_steps) and self.grad_steps[k]

    def edge_grads_at(self, k: int) -> dict:
        """As :meth:`Timeline.edge_grads_at`, counting only the current section's backward."""
        return {e: g for e, g in super().edge_grads_at(k).items() if g is not None}

    def section_at(self, k: int) -> Section | None:
        """The section step ``k`` belongs to (None before the first step)."""
        for s in self.sections:
            if s.first <= k < s.first + s.count:
                return s
        return None


class SessionTimelineBuilder:
    """Collects sections in order; :meth:`build` makes the SessionTimeline."""

    def __init__(self, graph):
        self.graph = graph
        self.steps: list = []
        self.grad_steps: list[bool] = []
        self.sections: list[Section] = []
        self.initial: dict[str, NodeState] | None = None
        self.current: dict[str, NodeState] = {}
        self.changes: dict[str, tuple[list, list]] = {}
        self.edge_changes: dict = {}
        self.loss_id: str | None = None

    def start(self, states: dict[str, NodeState]) -> None:
        """The states before the first step (every node of the graph)."""
        self.initial = {nid: replace(s, active=False) for nid, s in states.items()}
        self.current = dict(self.initial)

    def set(self, nid: str, k: int, state: NodeState) -> None:
        self.current[nid] = state
        ks, vals = self.changes.setdefault(nid, ([], []))
        ks.append(k)
        vals.append(state)

    def add_run(self, tl: Timeline, first: int, section: Section, grads: bool) -> None:
        """Steps ``first`` .. end of ``tl`` as ``section`` (the wires start empty)."""
        base = len(self.steps)
        self.clear_wires(base)
        if section.kind == "backward" and self.loss_id is None:
            self.loss_id = tl.loss_id
        for k in range(first, len(tl)):
            kk = base + k - first
            step = tl.steps[k]
            self.steps.append(replace(step, index=kk))
            self.grad_steps.append(grads)
            for nid in tl.changed_at(k):
                if nid in self.current:
                    self.set(nid, kk, replace(tl.node_state(nid, k), active=False))
            for edge, g in getattr(step, "edge_grads", {}).items():
                self.carry(edge, kk, g)
        self.sections.append(replace(section, first=base, count=len(self.steps) - base))

    def add_action(self, record: ActionRecord, section: Section | None,
                   states: dict[str, NodeState] | None = None) -> None:
        """One step of its own (zero_ or print): a new section, or the last one's end."""
        k = len(self.steps)
        self.steps.append(replace(record, index=k))
        self.grad_steps.append(self.grad_steps[-1] if self.grad_steps else False)
        for nid, state in (states or {}).items():
            self.set(nid, k, state)
        if section is not None:
            if section.kind == "zero_":
                self.grad_steps[-1] = True
            self.sections.append(replace(section, first=k, count=1))
        elif self.sections:
            last = self.sections[-1]
            self.sections[-1] = replace(last, count=last.count + 1)
        else:  # prints before anything ran
            self.sections.append(Section("print", "print", k, 1, 0))

    def zeroed(self, nid: str) -> dict[str, NodeState]:
        """The state of ``nid`` (and the Output nodes showing it) once its .grad is zeros."""
        s = self.current[nid]
        grad = None if s.grad is None else frozen_copy(np.zeros_like(s.grad))
        shown = [o.id for o in self.graph.nodes.values() if o.type == "output"
                 and (e := self.graph.incoming(o.id).get("input")) is not None and e.src == nid]
        return {n: replace(self.current[n], grad=grad) for n in (nid, *shown)
                if n in self.current}

    def carry(self, edge, k: int, g) -> None:
        ks, vals = self.edge_changes.setdefault(edge, ([], []))
        if vals and vals[-1] is not None:
            g = frozen_copy(vals[-1] + g)
        ks.append(k)
        vals.append(g)

    def clear_wires(self, k: int) -> None:
        for ks, vals in self.edge_changes.values():
            if vals[-1] is not None:
                ks.append(k)
                vals.append(None)

    def build(self, revision: int, printed: str, error: str | None) -> SessionTimeline:
        first = self.sections[0] if self.sections else None
        fc = first.count if first is not None and first.kind == "forward" else 0
        return SessionTimeline(
            tuple(self.steps), fc, revision, self.loss_id, error, MappingProxyType({}), (),
            None, False, _initial=MappingProxyType(self.initial or {}),
            _changes=MappingProxyType(self.changes),
            _edge_changes=MappingProxyType(self.edge_changes),
            sections=tuple(self.sections), grad_steps=tuple(self.grad_steps), printed=printed)

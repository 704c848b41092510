"""What the canvas shows at step k of a run: a pure function of (timeline, k, stale).

:func:`node_display` and :func:`edge_display` say what one card / one wire shows;
:func:`display_at` gives all of them. The stepping controller applies these (only to the items
that changed), ``graphstudio render --after`` applies :func:`display_at` at the last step, and
the tests compare the two directions of stepping through them, so every path shows the same.

The rules, as in PyTorch:

* forward step k: the node computed at k glows in the value colour and so do its input wires;
  every computed node shows its value, ``requires_grad`` / ``grad_fn``.
* backward steps: the node whose grad_fn runs glows in the gradient colour; the wires its
  gradients leave along are highlighted; every wire shows the gradient it has carried so far;
  when a grad_fn receives several contributions (a fan-out) their wires are highlighted together
  as they are summed. Every tensor card spells out ``.grad`` (``None`` for non-leaves unless
  retain_grad, and for leaves no gradient reaches) and shows ``∂L/∂name`` passing through
  (``∂(v·out)/∂name`` after ``out.backward(gradient=v)`` from a non-scalar ``out``).
  Tensors that do not require grad (inputs, frozen parameters, everything after a detach or
  under no_grad) and the wires into and out of them are greyed: no gradient flows there. A run that
  has no backward (no_grad, no loss) shows the same at its last step; a forward under no_grad
  greys what it computes (``requires_grad=False``, no grad_fn) from the step that computes it.
* a Grad node's inner backward (steps of kind ``"inner"`` after its forward step): the grad_fn's
  node and the Grad node glow in :attr:`~graphstudio.ui.theme.Theme.inner_grad` (teal), the wires
  show the gradients carried so far in that inner backward, dashed and teal (``inner``), and
  they leave the canvas once its steps are over (the Grad node's result is its value).
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from graphstudio.run.session_timeline import SessionTimeline
from graphstudio.ui.canvas.preview import NodeRunState

__all__ = ["CarriedGrads", "EdgeDisplay", "InnerGrads", "apply_display", "display_at", "edge_display",
           "edge_grads", "in_backward",
           "greyed_sources", "node_display", "out_label", "ran_no_grad",
           "seed_label", "shows_grads",
           "step_edges", "timeline_nodes"]


@dataclass(frozen=True)
class EdgeDisplay:
    """What one wire shows: the gradient it carried, a highlight kind, greyed, stale."""

    grad: np.ndarray | None = None
    highlighted: bool | str = False
    greyed: bool = False
    stale: bool = False
    inner: bool = False  # ``grad`` is from a Grad node's inner backward

    def key(self) -> tuple:
        return (id(self.grad), self.highlighted, self.greyed, self.stale, self.inner)


NO_EDGE = EdgeDisplay()
_KNOWN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def ran_no_grad(timeline) -> bool:
    """Whether ``timeline``'s forward ran under ``torch.no_grad()`` (False for no timeline)."""
    return timeline is not None and timeline.no_grad


def _greys(timeline, k: int) -> bool:
    """Whether the no-gradient path is greyed at step ``k``: when cards spell out ``.grad``,
    and at every step of a forward under no_grad (its results are made without a graph)."""
    return shows_grads(timeline, k) or (k >= 0 and ran_no_grad(timeline))


def timeline_nodes(timeline) -> frozenset[str]:
    """The ids of the nodes ``timeline`` knows (the graph's nodes when it ran)."""
    known = _KNOWN.get(timeline)
    if known is None:
        known = _KNOWN[timeline] = frozenset(timeline.state_at(-1))
    return known


def shows_grads(timeline, k: int) -> bool:
    """Whether cards spell out ``.grad`` and grey the no-gradient path at step ``k``: in the
    backward phase, and at the end of a run that has no backward (under no_grad, say)."""
    if in_backward(timeline, k):
        return True
    return (timeline is not None and not timeline.has_backward and k == len(timeline) - 1
            and k >= 0 and bool(timeline.backward_unavailable_reason))


def in_backward(timeline, k: int) -> bool:
    """Whether step ``k`` is in the backward phase of ``timeline`` (a session: a section that
    shows gradients)."""
    if isinstance(timeline, SessionTimeline):
        return timeline.in_backward(k)
    return timeline is not None and timeline.has_backward and k >= timeline.forward_count


def node_display(timeline, k: int, node_id: str, stale: bool = False,
                 graph=None) -> NodeRunState | None:
    """What the card of ``node_id`` shows after step ``k`` (None: nothing, not computed yet).
    ``graph`` gives the names in the gradient's label (see :func:`out_label`)."""
    s = timeline.node_state(node_id, k)
    if not s.computed:
        if k >= 0 and _own_error(s.error):
            return NodeRunState(error=s.error, stale=stale)
        if s.grad is not None:  # a leaf's .grad from an earlier backward (accumulating)
            return NodeRunState(grad=s.grad, show_grad=True, stale=stale)
        return None
    grads = shows_grads(timeline, k)
    no_grad = ran_no_grad(timeline) and s.is_tensor and not s.requires_grad
    highlight = None
    if s.active:
        highlight = "backward" if in_backward(timeline, k) else "forward"
        if timeline.steps[k].kind == "inner":
            highlight = "inner"
    elif 0 <= k < len(timeline) and getattr(timeline.steps[k], "within", None) == node_id:
        highlight = "inner"  # the Grad node whose inner backward this step is
    return NodeRunState(
        value=s.value, grad=s.grad, out_label=out_label(timeline, node_id, k, graph),
        requires_grad=s.requires_grad if s.is_tensor else None,
        grad_fn=s.grad_fn, stale=stale, highlight=highlight,
        greyed=(grads or no_grad) and s.is_tensor and not s.requires_grad,
        show_grad=grads and s.is_tensor, out_grad=s.out_grad, error=s.error, no_grad=no_grad)


def out_label(timeline, node_id: str, k: int, graph=None) -> str | None:
    """What the gradient passing through ``node_id`` is called when it is not ``∂L/∂name``:
    backward from a non-scalar root ``out`` (``out.backward(gradient=v)``) has no L; its root
    receives the seed ``v`` and every other node ``∂(v·out)/∂name`` (names from ``graph``;
    ``?`` for a node it no longer has)."""
    root = timeline.loss_id
    if root is None or not timeline.has_backward:
        return None
    value = timeline.node_state(root, k).value
    if value is None or value.size == 1:
        return None
    if node_id == root:
        return seed_label()

    def name(nid):
        node = graph.nodes.get(nid) if graph is not None else None
        return node.name if node is not None else "?"

    return f"\u2202(v\u00b7{name(root)})/\u2202{name(node_id)}"


def seed_label() -> str:
    """The label of the seed ``v`` a non-scalar root's backward starts with."""
    return QCoreApplication.translate("RunDisplay", "seed v")


def _own_error(error: str | None) -> bool:
    """An error the run found in this node itself (a missing input or an error upstream is
    already on the card, from shape inference: "needs ...", "waiting for ...")."""
    return bool(error) and not error.startswith("missing input") \
        and " has an error (from node " not in error


def step_edges(timeline, k: int) -> dict:
    """The wires step ``k`` highlights, each with its kind ("forward" or "backward")."""
    if timeline is None or not 0 <= k < len(timeline):
        return {}
    step = timeline.steps[k]
    if step.kind == "forward":
        return {e: "forward" for e in step.input_edges}
    if step.kind == "inner":
        return {e: "inner" for e in step.edge_grads}
    out = {e: "backward" for e in step.edge_grads}
    if len(step.contributions) > 1:  # a fan-out: the separate contributions meet here
        out.update({e: "backward" for e in step.contribution_edges if e is not None})
    return out


def greyed_sources(timeline, k: int, node_ids) -> set[str]:
    """Which of ``node_ids`` no gradient flows through at step ``k`` (greyed with their wires)."""
    if not _greys(timeline, k):
        return set()
    out = set()
    for nid in node_ids:
        s = timeline.node_state(nid, k)
        if s.computed and s.is_tensor and not s.requires_grad:
            out.add(nid)
    return out


def edge_display(timeline, k: int, edge, grads=None, lit=None, greyed_src=None,
                 stale: bool = False) -> EdgeDisplay:
    """What the wire ``edge`` shows after step ``k``. ``grads`` (``edge_grads_at(k)``), ``lit``
    (:func:`step_edges`) and ``greyed_src`` (:func:`greyed_sources` of both ends) may be
    passed in when asking for many wires."""
    if timeline is None or k < 0:
        return NO_EDGE
    grads = edge_grads(timeline, k) if grads is None else grads
    lit = step_edges(timeline, k) if lit is None else lit
    if greyed_src is None:
        greyed_src = greyed_sources(timeline, k, (edge.src, edge.dst))
    grad = grads.get(edge)
    highlighted = lit.get(edge, False)
    greyed = edge.src in greyed_src or edge.dst in greyed_src  # either end cuts the path
    if grad is None and not highlighted and not greyed:
        return NO_EDGE
    inner = grads is not None and getattr(grads, "inner", False) and grad is not None
    return EdgeDisplay(grad, highlighted, greyed and not inner, stale and grad is not None,
                       inner)


class InnerGrads(dict):
    """The gradients a Grad node's inner backward carried (:meth:`Timeline.inner_edge_grads_at`),
    marked so that wires show them in the inner style."""

    inner = True


class CarriedGrads(Mapping):
    """The gradients the wires have carried by step ``k`` of the outer backward, looked up
    one wire at a time (a step shows a handful of wires; a big graph has thousands)."""

    inner = False

    def __init__(self, timeline, k: int):
        self.timeline, self.k = timeline, k

    def get(self, edge, default=None):
        grad = self.timeline.edge_grad_at(edge, self.k)
        return default if grad is None else grad

    def __getitem__(self, edge):
        grad = self.timeline.edge_grad_at(edge, self.k)
        if grad is None:
            raise KeyError(edge)
        return grad

    def __contains__(self, edge) -> bool:
        return self.timeline.edge_grad_at(edge, self.k) is not None

    def __iter__(self):
        return iter(self.timeline.edge_grads_at(self.k))

    def __len__(self) -> int:
        return len(self.timeline.edge_grads_at(self.k))


def edge_grads(timeline, k: int) -> Mapping:
    """The gradients the wires show at step ``k``: the inner backward's during a Grad node's
    nested steps (an :class:`InnerGrads`), else the outer backward's (a
    :class:`CarriedGrads`)."""
    if 0 <= k < len(timeline) and timeline.steps[k].kind == "inner":
        return InnerGrads(timeline.inner_edge_grads_at(k))
    return CarriedGrads(timeline, k)


def display_at(timeline, k: int, graph, stale: bool = False):
    """``({node_id: NodeRunState | None}, {edge: EdgeDisplay})`` for every node and wire."""
    known = timeline_nodes(timeline)
    nodes = {nid: node_display(timeline, k, nid, stale, graph) for nid in graph.nodes
             if nid in known}
    grads, lit = edge_grads(timeline, k), step_edges(timeline, k)
    greyed = greyed_sources(timeline, k, nodes)
    edges = {e: edge_display(timeline, k, e, grads, lit, greyed, stale) for e in graph.edges}
    return nodes, edges


def apply_display(scene, timeline, k: int, graph, stale: bool = False,
                  highlight: bool = True) -> None:
    """Show step ``k`` on every item of ``scene`` (the all-items path, e.g. for a rendered
    figure; ``highlight=False`` leaves out the glow of the step itself)."""
    from dataclasses import replace

    nodes, edges = display_at(timeline, k, graph, stale)
    for nid, state in nodes.items():
        item = scene.node_item(nid)
        if item is not None:
            if state is not None and not highlight:
                state = replace(state, highlight=None)
            item.set_run_state(state)
    for edge, d in edges.items():
        item = scene.edge_item(edge)
        if item is not None:
            item.set_run_state(d.grad, d.highlighted and highlight, d.greyed, stale=d.stale,
                               inner=d.inner)

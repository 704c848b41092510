"""The record of one run: a timeline of immutable steps.

A :class:`Timeline` holds the forward steps (one per computed node, in the graph's
deterministic topological order), then the backward steps exactly as the engine's
``backward_steps`` executed them, each mapped back to the graph node that owns its grad_fn and
the edges its gradients travelled along. A Grad node (``torch.autograd.grad(outputs, inputs,
create_graph=True)``) runs a backward inside its forward step: its records (kind ``"inner"``,
``within`` = the Grad node) follow that forward step, nested under it, and count as forward
steps; the gradients they carry show only while stepping through them
(:meth:`Timeline.inner_edge_grads_at`). ``timeline.state_at(k)`` gives every node's
:class:`NodeState` after step k (k = -1: before the run) and ``edge_grads_at(k)`` the gradient
each edge has carried so far, so a viewer shows step k as a pure function of k.

:class:`~graphstudio.run.runner.Runner` executes the graph and hands its live forward pass
and the engine's backward steps to :class:`~graphstudio.run.timeline_builder.TimelineBuilder`,
which turns them into a Timeline of plain data (read-only numpy copies).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from graphstudio.graph.model import Edge

__all__ = ["BackwardRecord", "ForwardRecord", "NodeState", "Timeline"]


@dataclass(frozen=True, slots=True)
class NodeState:
    """What a node shows at one step. Arrays are read-only numpy copies.

    ``value``: its output (None until computed; multi-output nodes: the first output, all of
    them in ``outputs``). ``grad``: its ``.grad`` as PyTorch would report it (leaves that
    require grad, and non-leaves with retain_grad; else None). ``out_grad``: the gradient of
    the root with respect to its output once backward has passed through it (shown on the node
    even when ``.grad`` is None). ``active``: the current step belongs to this node.
    """

    computed: bool = False
    value: np.ndarray | None = None
    outputs: Mapping[str, np.ndarray] | None = None
    is_tensor: bool = True
    requires_grad: bool = False
    grad_fn: str | None = None
    is_leaf: bool = True
    retains_grad: bool = False
    grad: np.ndarray | None = None
    out_grad: np.ndarray | None = None
    error: str | None = None
    active: bool = False


@dataclass(frozen=True, slots=True)
class ForwardRecord:
    """Forward step: ``node_id`` was computed from ``inputs`` (source node ids, port order)."""

    index: int
    node_id: str
    inputs: tuple[str, ...]
    input_edges: tuple[Edge, ...]
    value: np.ndarray
    requires_grad: bool
    grad_fn: str | None
    is_leaf: bool
    label: str
    kind: str = "forward"


@dataclass(frozen=True, slots=True)
class BackwardRecord:
    """Backward step: the engine ran grad_fn ``name`` (owned by graph node ``node_id``).

    ``grad_output``: the gradient it received (the sum of ``contributions``, which arrived
    along ``contribution_edges``; None = from inside the node or the seed). ``grad_inputs``:
    what it sent to each of its ``next_functions``. ``edge_grads``: graph edges a gradient
    travelled along in this step. For AccumulateGrad: ``leaf_id`` and its ``new_grad``.
    ``kind`` ``"inner"``: a step of the backward a Grad node (``within``) runs in the forward
    (``new_grad`` None: the gradient is the Grad node's result, ``.grad`` is untouched).
    ``hook``: for a gradient hook's own step, ``(before, after)`` (``name`` is "hook").
    """

    index: int
    engine_index: int
    name: str
    node_id: str | None
    grad_output: np.ndarray | None
    contributions: tuple[np.ndarray, ...]
    contribution_edges: tuple[Edge | None, ...]
    grad_inputs: tuple[np.ndarray | None, ...]
    edge_grads: Mapping[Edge, np.ndarray]
    leaf_id: str | None
    new_grad: np.ndarray | None
    label: str
    kind: str = "backward"
    within: str | None = None
    hook: tuple | None = None


@dataclass(frozen=True, eq=False)
class Timeline:
    """The immutable record of one run; see the module docstring.

    ``steps``: forward records then backward records (``forward_count`` of the former).
    ``loss_id``: the backward root. ``error``: a fatal problem (None when fine); per-node
    problems are in ``node_errors``. ``warnings``: NaN/Inf results and the like.
    ``backward_unavailable_reason``: why there is no backward (None when there is one or it
    was simply not asked for). ``revision``: the graph revision it ran on (stale when the
    graph's revision differs). ``no_grad``: the forward ran under ``torch.no_grad()`` (no graph
    recorded, so its results have no grad_fn and there is no backward).
    """

    steps: tuple
    forward_count: int
    revision: int
    loss_id: str | None = None
    error: str | None = None
    node_errors: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    backward_unavailable_reason: str | None = None
    no_grad: bool = False
    _initial: Mapping[str, NodeState] = field(default_factory=dict, repr=False)
    _changes: Mapping[str, tuple[list, list]] = field(default_factory=dict, repr=False)
    _edge_changes: Mapping[Edge, tuple[list, list]] = field(default_factory=dict, repr=False)

    def __len__(self):
        return len(self.steps)

    @property
    def has_backward(self) -> bool:
        return len(self.steps) > self.forward_count

    @property
    def backward_steps(self) -> tuple:
        return self.steps[self.forward_count:]

    def step(self, k: int):
        return self.steps[k]

    def node_state(self, node_id: str, k: int) -> NodeState:
        """State of one node after step ``k`` (-1: before the run)."""
        state = self._initial[node_id]
        changes = self._changes.get(node_id)
        if changes:
            i = bisect.bisect_right(changes[0], k)
            if i:
                state = changes[1][i - 1]
        if 0 <= k < len(self.steps) and self.steps[k].node_id == node_id:
            state = replace(state, active=True)
        return state

    def state_at(self, k: int, node_ids=None) -> dict[str, NodeState]:
        """Every node's (or the given nodes') state after step ``k``; -1 = before the run."""
        ids = self._initial if node_ids is None else node_ids
        return {nid: self.node_state(nid, k) for nid in ids}

    def changed_at(self, k: int) -> set[str]:
        """Nodes whose state differs between steps k-1 and k (redraw these, plus the active)."""
        out = {nid for nid, (ks, _) in self._changes.items()
               if (i := bisect.bisect_left(ks, k)) < len(ks) and ks[i] == k}
        for j in (k - 1, k):
            if 0 <= j < len(self.steps):
                out.update(n for n in (self.steps[j].node_id, getattr(self.steps[j], "within",
                                                                       None)) if n is not None)
        return out

    def inner_group(self, k: int) -> range:
        """The steps of the Grad node's inner backward step ``k`` belongs to (empty range when
        ``k`` is not an inner step)."""
        steps = self.steps
        if not 0 <= k < len(steps) or steps[k].kind != "inner":
            return range(0)
        lo = hi = k
        while lo > 0 and steps[lo - 1].kind == "inner" and steps[lo - 1].within == \
                steps[k].within:
            lo -= 1
        while hi + 1 < len(steps) and steps[hi + 1].kind == "inner" and \
                steps[hi + 1].within == steps[k].within:
            hi += 1
        return range(lo, hi + 1)

    def inner_edge_grads_at(self, k: int) -> dict[Edge, np.ndarray]:
        """The gradients a Grad node's inner backward has carried along each wire by step
        ``k`` (empty outside its steps: they belong to that Grad node's forward step)."""
        out: dict[Edge, np.ndarray] = {}
        for j in self.inner_group(k):
            if j > k:
                break
            for edge, g in self.steps[j].edge_grads.items():
                out[edge] = g if edge not in out else out[edge] + g
        return out

    def edge_grad_at(self, edge: Edge, k: int) -> np.ndarray | None:
        """The gradient ``edge`` has carried by step ``k`` (None: none yet); one wire's part
        of :meth:`edge_grads_at`, without visiting every wire."""
        changes = self._edge_changes.get(edge)
        if not changes:
            return None
        i = bisect.bisect_right(changes[0], k)
        return changes[1][i - 1] if i else None

    def edge_grads_at(self, k: int) -> dict[Edge, np.ndarray]:
        """The gradient each edge has carried by step ``k`` (summed if it carried several)."""
        out = {}
        for edge, (ks, vals) in self._edge_changes.items():
            i = bisect.bisect_right(ks, k)
            if i:
                out[edge] = vals[i - 1]
        return out

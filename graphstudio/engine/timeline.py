"""The record of one run: a timeline of immutable steps, and the builder that makes it.

A :class:`Timeline` holds the forward steps (one per computed node, in the graph's
deterministic topological order), then the backward steps exactly as the engine's
``backward_steps`` executed them, each mapped back to the graph node that owns its grad_fn and
the edges its gradients travelled along. ``timeline.state_at(k)`` gives every node's
:class:`NodeState` after step k (k = -1: before the run) and ``edge_grads_at(k)`` the gradient
each edge has carried so far, so a viewer shows step k as a pure function of k.

:class:`~graphstudio.engine.runner.Runner` executes the graph and hands its live forward pass
and the engine's backward steps to :class:`_TimelineBuilder`, which turns them into a
Timeline of plain data (read-only numpy copies).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np

from graphstudio.engine.graph import Edge, Graph

if TYPE_CHECKING:
    from graphstudio.engine.runner import _Forward

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
            if 0 <= j < len(self.steps) and self.steps[j].node_id is not None:
                out.add(self.steps[j].node_id)
        return out

    def edge_grads_at(self, k: int) -> dict[Edge, np.ndarray]:
        """The gradient each edge has carried by step ``k`` (summed if it carried several)."""
        out = {}
        for edge, (ks, vals) in self._edge_changes.items():
            i = bisect.bisect_right(ks, k)
            if i:
                out[edge] = vals[i - 1]
        return out


# ==================================================================== recording a run
class _TimelineBuilder:
    """Turns a forward and the engine's backward steps into a Timeline with state snapshots."""

    def __init__(self, graph: Graph, fwd: _Forward, backward):
        self.graph, self.fwd = graph, fwd
        self.loss_id, self.raw, self.reason, self.error = backward or (None, [], None, None)
        self.steps = []
        self.changes: dict[str, tuple[list, list]] = {}
        self.edge_changes: dict[Edge, tuple[list, list]] = {}
        self.current: dict[str, NodeState] = {}
        self.warnings: list[str] = []
        self.aliases: dict[str, list[str]] = {}  # node -> Output nodes showing it

    def set(self, nid: str, k: int, state: NodeState):
        self.current[nid] = state
        ks, vals = self.changes.setdefault(nid, ([], []))
        ks.append(k)
        vals.append(state)
        for alias in self.aliases.get(nid, ()):
            self.set(alias, k, state)

    def build(self) -> Timeline:
        graph, fwd = self.graph, self.fwd
        initial = {}
        for nid, node in graph.nodes.items():
            initial[nid] = NodeState(grad=fwd.prior_grads.get(nid), error=fwd.errors.get(nid))
            if node.type == "output" and nid not in fwd.errors:
                e = graph._in[nid].get("input")
                if e is not None:
                    self.aliases.setdefault(e.src, []).append(nid)
        self.current = dict(initial)
        for nid, edges in fwd.order:
            if graph.nodes[nid].type != "output":
                self.forward_step(nid, edges)
        fc = len(self.steps)
        if self.raw:
            self.backward_steps()
        if self.error is None and fwd.errors:
            first = next(iter(fwd.errors))
            self.warnings.insert(0, f"node {graph.nodes[first].name!r}: {fwd.errors[first]}"
                                 + (f" (and {len(fwd.errors) - 1} more)"
                                    if len(fwd.errors) > 1 else ""))
        return Timeline(tuple(self.steps), fc, fwd.revision, self.loss_id, self.error,
                        MappingProxyType(dict(fwd.errors)), tuple(self.warnings), self.reason,
                        no_grad=bool(fwd.no_grad), _initial=MappingProxyType(initial),
                        _changes=MappingProxyType(self.changes),
                        _edge_changes=MappingProxyType(self.edge_changes))

    # ------------------------------------------------------------------ forward
    def forward_step(self, nid: str, edges):
        graph, fwd = self.graph, self.fwd
        node = graph.nodes[nid]
        v = fwd.values[nid]
        k = len(self.steps)
        outs = {p: _freeze(_np(o)) for p, o in fwd.outputs[nid].items()}
        value = next(iter(outs.values()))
        tensor = _is_tensor(v)
        first = v[0] if isinstance(v, tuple) else v
        rg = bool(tensor and first.requires_grad)
        gf = first.grad_fn.name() if tensor and first.grad_fn is not None else None
        leaf = (not tensor) or first.is_leaf
        if value.dtype.kind == "f" and not np.isfinite(value).all():
            self.warnings.append(f"node {node.name!r} ({node.type}) produced NaN or Inf values")
        state = NodeState(True, value, MappingProxyType(outs), tensor, rg, gf, leaf,
                          bool(tensor and first.retains_grad), fwd.prior_grads.get(nid))
        self.set(nid, k, state)
        srcs = tuple(e.src for e in edges)
        names = ", ".join(graph.nodes[s].name for s in srcs)
        label = f"{node.name} = {node.type}({names})" if srcs else f"{node.name} ({node.type})"
        self.steps.append(ForwardRecord(k, nid, srcs, tuple(edges), value, rg, gf, leaf, label))

    # ------------------------------------------------------------------ backward
    def ownership(self):
        """Map every grad_fn to the graph node that made it, and each (fn, next index) to the
        graph edge it sends along (None inside a node)."""
        from graphstudio.engine.node import AccumulateGrad

        graph, fwd = self.graph, self.fwd
        owner: dict[object, str] = {}
        main: dict[object, str] = {}
        leaf_of: dict[int, str] = {}
        edge_of: dict[object, tuple] = {}
        for nid, edges in fwd.order:
            node = graph.nodes[nid]
            if node.type == "output":
                continue
            outs = [o for o in fwd.outputs[nid].values() if _is_tensor(o)]
            for o in outs:
                if o.is_leaf:
                    leaf_of.setdefault(id(o), nid)
                elif o.grad_fn not in owner and o.grad_fn is not None:
                    main.setdefault(o.grad_fn, nid)
            ports = [(e, fwd.outputs[e.src][e.src_port]) for e in edges]
            stack = [o.grad_fn for o in outs if o.grad_fn is not None and o.grad_fn not in owner]
            mine = []
            while stack:
                fn = stack.pop()
                if fn in owner or fn.__class__ is AccumulateGrad:
                    continue
                owner[fn] = nid
                mine.append(fn)
                stack.extend(nx for nx, _ in fn.next_functions if nx is not None)
            for fn in mine:
                seen: dict[int, int] = {}
                row = []
                for nx, _ in fn.next_functions:
                    cands = [e for e, t in ports if nx is not None and _grad_node_is(nx, t)]
                    if cands:
                        n = seen.get(id(nx), 0)
                        seen[id(nx)] = n + 1
                        row.append(cands[n % len(cands)])
                    else:
                        row.append(None)
                edge_of[fn] = tuple(row)
        return owner, main, leaf_of, edge_of

    def backward_steps(self):
        from graphstudio.engine.node import AccumulateGrad

        graph = self.graph
        owner, main, leaf_of, edge_of = self.ownership()
        pending: dict[object, list] = {self.raw[0].node: [None]}
        for s in self.raw:
            k = len(self.steps)
            fn = s.node
            contribs = tuple(_freeze(c.numpy()) for c in s.contributions[0])
            src_edges = pending.pop(fn, [])
            src_edges = tuple(src_edges[:len(contribs)]) + (None,) * (len(contribs) -
                                                                       len(src_edges))
            total = s.grad_outputs[0]
            total = None if total is None else _freeze(total.numpy())
            sent = tuple(None if g is None else _freeze(g.numpy()) for g in s.grad_inputs)
            edge_grads = {}
            leaf_id = new_grad = None
            if fn.__class__ is AccumulateGrad:
                nid = leaf_id = leaf_of.get(id(fn.variable))
                new_grad = None if s.new_grad is None else _freeze(s.new_grad.numpy())
                if nid is not None:
                    self.set(nid, k, _with_grads(self.current[nid], new_grad, total))
            else:
                nid = owner.get(fn)
                row = edge_of.get(fn, (None,) * len(sent))
                for (nx, _), g, edge in zip(fn.next_functions, sent, row, strict=True):
                    if nx is None or g is None:
                        continue
                    pending.setdefault(nx, []).append(edge)
                    if edge is not None:
                        edge_grads[edge] = g
                        self.carry(edge, k, g)
                if nid is not None and main.get(fn) == nid:
                    st = self.current[nid]
                    grad = st.grad
                    if st.retains_grad:
                        t = self.fwd.values[nid]
                        t = t[0] if isinstance(t, tuple) else t
                        grad = None if t.grad is None else _freeze(t.grad.numpy())
                    self.set(nid, k, _with_grads(st, grad, total))
            if total is not None and total.dtype.kind == "f" and not np.isfinite(total).all():
                self.warnings.append(f"step {k} ({s.name}): the gradient has NaN or Inf values")
            who = graph.nodes[nid].name if nid is not None else "?"
            label = f"{s.name} ({who})"
            self.steps.append(BackwardRecord(k, s.index, s.name, nid, total, contribs, src_edges,
                                             sent, MappingProxyType(edge_grads), leaf_id,
                                             new_grad, label))

    def carry(self, edge: Edge, k: int, g: np.ndarray):
        ks, vals = self.edge_changes.setdefault(edge, ([], []))
        if vals:
            g = _freeze(vals[-1] + g)
        ks.append(k)
        vals.append(g)


def _with_grads(s: NodeState, grad, out_grad) -> NodeState:
    """``replace(s, grad=grad, out_grad=out_grad)`` without dataclasses.replace's overhead."""
    return NodeState(s.computed, s.value, s.outputs, s.is_tensor, s.requires_grad, s.grad_fn,
                     s.is_leaf, s.retains_grad, grad, out_grad, s.error, s.active)


def _grad_node_is(fn, t) -> bool:
    """Whether ``fn`` is where a gradient for tensor ``t`` goes (its grad_fn or accumulator)."""
    if not _is_tensor(t):
        return False
    if t.grad_fn is not None:
        return fn is t.grad_fn
    return getattr(fn, "variable", None) is t


def _np(v) -> np.ndarray:
    if _is_tensor(v):
        return v.detach().numpy()
    return np.asarray(v)


def _is_tensor(v) -> bool:
    return hasattr(v, "grad_fn")


def _freeze(a) -> np.ndarray:
    a = np.array(a, copy=True)
    a.setflags(write=False)
    return a

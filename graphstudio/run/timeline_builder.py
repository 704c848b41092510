"""Recording a run: turn a live forward pass and the engine's backward steps into a Timeline.

:class:`TimelineBuilder` maps every backward step back to the graph node that owns its grad_fn
and the edges its gradients travelled along, and snapshots each node's state as plain data
(read-only numpy copies), so :class:`~graphstudio.run.timeline.Timeline` can show any step.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import numpy as np

from graphstudio.graph.grad_hooks import hook_text
from graphstudio.graph.lookup import output_aliases
from graphstudio.graph.model import Edge, Graph
from graphstudio.run.forward_pass import ForwardPass, as_array, frozen_copy, is_tensor_value
from graphstudio.run.timeline import BackwardRecord, ForwardRecord, NodeState, Timeline

__all__ = ["TimelineBuilder"]


class TimelineBuilder:
    """Turns a forward and the engine's backward steps into a Timeline with state snapshots."""

    def __init__(self, graph: Graph, fwd: ForwardPass, backward):
        self.graph, self.fwd = graph, fwd
        self.loss_id, self.raw, self.reason, self.error = backward or (None, [], None, None)
        self.steps = []
        self.changes: dict[str, tuple[list, list]] = {}
        self.edge_changes: dict[Edge, tuple[list, list]] = {}
        self.current: dict[str, NodeState] = {}
        self.warnings: list[str] = []
        self.aliases: dict[str, list[str]] = {}  # node -> Output nodes showing it
        self._owners = None  # ownership(), once the first backward records need it

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
        for nid in graph.nodes:
            initial[nid] = NodeState(grad=fwd.prior_grads.get(nid), error=fwd.errors.get(nid))
        for src, outputs in output_aliases(graph, fwd.errors).items():
            self.aliases.setdefault(src, []).extend(outputs)
        self.current = dict(initial)
        for nid, edges in fwd.order:
            if graph.nodes[nid].type != "output":
                self.forward_step(nid, edges)
                if nid in fwd.inner:
                    self.inner_steps(nid, edges)
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
        outs = {p: frozen_copy(as_array(o)) for p, o in fwd.outputs[nid].items()}
        value = next(iter(outs.values()))
        tensor = is_tensor_value(v)
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
            outs = [o for o in fwd.outputs[nid].values() if is_tensor_value(o)]
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
        self.record_steps(self.raw, "backward")

    def inner_steps(self, grad_id: str, edges) -> None:
        """The nested steps of the backward Grad node ``grad_id`` ran in its forward step: the
        seed leaves along its ``outputs`` wire, the gradient arrives along its ``inputs`` wire."""
        ports = {e.dst_port: e for e in edges}
        target = self.fwd.outputs[ports["inputs"].src][ports["inputs"].src_port]
        self.record_steps(self.fwd.inner[grad_id], "inner", grad_id, ports, target)

    def record_steps(self, raw, kind: str, within=None, ports=None, target=None) -> None:
        """Records for the engine's steps ``raw``; ``kind`` "inner": those of Grad node
        ``within`` (``ports``: its input wires; ``target``: the tensor it differentiates by)."""
        if not raw:
            return
        if self._owners is None:
            self._owners = self.ownership()
        pending: dict[object, list] = {raw[0].node: [None]}
        for n, s in enumerate(raw):
            self.hook_step(s, kind, within)
            rec = self.record(s, kind, pending, within)
            if kind == "inner":
                extra = {}
                if n == 0:
                    extra[ports["outputs"]] = rec.grad_output
                if s.grad_outputs[0] is not None and _grad_node_is(s.node, target):
                    extra[ports["inputs"]] = rec.grad_output
                if extra:
                    rec = replace(rec, edge_grads=MappingProxyType({**rec.edge_grads, **extra}))
            self.steps.append(rec)

    def record(self, s, kind: str, pending, within) -> BackwardRecord:
        """One engine step as a record (an outer one updates the node states and wires)."""
        from graphstudio.engine.node import AccumulateGrad

        owner, main, leaf_of, edge_of = self._owners
        graph, outer = self.graph, kind == "backward"
        k, fn = len(self.steps), s.node
        contribs = tuple(_array(c) for c in s.contributions[0])
        src_edges = pending.pop(fn, [])
        src_edges = tuple(src_edges[:len(contribs)]) + (None,) * (len(contribs) -
                                                                   len(src_edges))
        total = None if s.grad_outputs[0] is None else _array(s.grad_outputs[0])
        sent = tuple(None if g is None else _array(g) for g in s.grad_inputs)
        edge_grads = {}
        leaf_id = new_grad = None
        if fn.__class__ is AccumulateGrad:
            nid = leaf_id = leaf_of.get(id(fn.variable))
            new_grad = None if s.new_grad is None else frozen_copy(s.new_grad.numpy())
            if nid is not None and outer:
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
                    if outer:
                        self.carry(edge, k, g)
            if outer and nid is not None and main.get(fn) == nid:
                self.set(nid, k, _with_grads(self.current[nid], self.retained(nid), total))
        if total is not None and total.dtype.kind == "f" and not np.isfinite(total).all():
            self.warnings.append(f"step {k} ({s.name}): the gradient has NaN or Inf values")
        who = graph.nodes[nid].name if nid is not None else "?"
        if nid is not None and graph.nodes[nid].type == "grad":
            who += ": recorded gradient op"
        return BackwardRecord(k, s.index, s.name, nid, total, contribs, src_edges, sent,
                              MappingProxyType(edge_grads), leaf_id, new_grad,
                              f"{s.name} ({who})", kind, within)

    def retained(self, nid: str):
        """Node ``nid``'s ``.grad`` now (kept by retain_grad) or as it was."""
        st = self.current[nid]
        if not st.retains_grad:
            return st.grad
        t = self.fwd.values[nid]
        t = t[0] if isinstance(t, tuple) else t
        return None if t.grad is None else frozen_copy(t.grad.numpy())

    def hook_step(self, s, kind: str, within) -> None:
        """The step of a gradient hook that ran on ``s``'s gradient just before ``s`` (the
        hooks' log says what each received and returned, in the order they ran)."""
        if s.grad_outputs[0] is None:
            return
        for nid, t in self.fwd.hook_tensors.items():
            if _grad_node_is(s.node, t) and self.fwd.hook_log.get(nid):
                before, after, printed = self.fwd.hook_log[nid].pop(0)
                k = len(self.steps)
                label = f"hook on {self.graph.nodes[nid].name}: " \
                        f"{hook_text(self.graph.run['hooks'][nid])}"
                self.steps.append(BackwardRecord(
                    k, s.index, "hook", nid, before, (before,), (None,), (after,),
                    MappingProxyType({}), None, None, label, kind, within,
                    (before, after, printed)))

    def carry(self, edge: Edge, k: int, g: np.ndarray):
        ks, vals = self.edge_changes.setdefault(edge, ([], []))
        if vals:
            g = frozen_copy(vals[-1] + g)
        ks.append(k)
        vals.append(g)


def _with_grads(s: NodeState, grad, out_grad) -> NodeState:
    """``replace(s, grad=grad, out_grad=out_grad)`` without dataclasses.replace's overhead."""
    return NodeState(s.computed, s.value, s.outputs, s.is_tensor, s.requires_grad, s.grad_fn,
                     s.is_leaf, s.retains_grad, grad, out_grad, s.error, s.active)


def _grad_node_is(fn, t) -> bool:
    """Whether ``fn`` is where a gradient for tensor ``t`` goes (its grad_fn or accumulator)."""
    if not is_tensor_value(t):
        return False
    if t.grad_fn is not None:
        return fn is t.grad_fn
    return getattr(fn, "variable", None) is t


def _array(t) -> np.ndarray:
    """A record's frozen numpy copy of an engine gradient (recorded ones too)."""
    return frozen_copy(t.detach().numpy())

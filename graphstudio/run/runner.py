"""Run a graph with the engine and record what happened as a timeline of immutable steps.

``Runner(graph)`` is a session for one document: it keeps the leaf tensors of Input and
Parameter nodes alive across runs (so ``.grad`` accumulates when zero_grad is off, exactly as
in PyTorch) and rebuilds a leaf only when its node's tensor spec, ``requires_grad`` or dtype
changes; the tensors of nodes no longer in the graph are dropped at the start of each
forward. The window's buttons map onto it: Forward = :meth:`Runner.forward`, Backward =
:meth:`Runner.backward`, Zero Grads = :meth:`Runner.zero_grad`; :meth:`Runner.run` does a
fresh forward and backward (the command line, Run to End).

A run returns a :class:`~graphstudio.run.timeline.Timeline` of immutable steps (see
:mod:`graphstudio.run.timeline`, whose names are re-exported here).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from graphstudio.graph.collector import collector_paused
from graphstudio.graph.grad_hooks import hook_function
from graphstudio.graph.lookup import NO_LOSS, failed_loss_reason, pick_loss
from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.run.forward_pass import ForwardPass, frozen_copy, is_tensor_value
from graphstudio.run.timeline import BackwardRecord, ForwardRecord, NodeState, Timeline
from graphstudio.run.timeline_builder import TimelineBuilder

__all__ = ["BackwardRecord", "ForwardRecord", "NodeState", "RunOptions", "Runner", "Session",
           "Timeline", "run_inputs"]


@dataclass(frozen=True)
class RunOptions:
    """How to run, as in PyTorch. Defaults come from ``graph.run`` via :meth:`from_graph`.

    ``loss``: node id of the backward root (None: the single scalar sink). ``gradient``: the
    seed for a non-scalar root (``out.backward(gradient)``). ``no_grad``: run the forward under
    ``torch.no_grad()``. ``zero_grad``: clear every leaf's ``.grad`` before the run (off:
    gradients accumulate across runs). ``retain_graph``: keep saved values so Backward can run
    again on the same forward. ``retain_grad``: non-leaf node ids whose ``.grad`` to keep.
    ``forward_only``: stop after the forward. ``hooks``: gradient hooks by node id (see
    :mod:`graphstudio.graph.grad_hooks`), registered on each node's output as it is computed
    (not under no_grad, where nothing has a gradient).
    """

    loss: str | None = None
    gradient: TensorSpec | None = None
    no_grad: bool = False
    zero_grad: bool = True
    retain_graph: bool = False
    retain_grad: tuple[str, ...] = ()
    forward_only: bool = False
    hooks: Mapping[str, Mapping] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, graph: Graph, **overrides) -> RunOptions:
        keys = ("loss", "gradient", "no_grad", "zero_grad", "retain_graph", "retain_grad",
                "hooks")
        kw = {k: graph.run[k] for k in keys if k in graph.run}
        kw.update(overrides)
        kw["retain_grad"] = tuple(kw.get("retain_grad", ()))
        return cls(**kw)


# ==================================================================== the session
class Runner:
    """A run session for one graph (see the module docstring). Also exported as ``Session``."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._leaves: dict[str, tuple[tuple, object]] = {}
        self._fwd = None  # the last forward: ForwardPass
        self.last: Timeline | None = None

    # ------------------------------------------------------------------ public actions
    def run(self, options: RunOptions | None = None) -> Timeline:
        """Forward, then (unless forward_only / no_grad) backward from the loss."""
        options = options or RunOptions.from_graph(self.graph)
        with collector_paused():  # a timeline: many small objects, no cycles
            if options.zero_grad:
                self.zero_grad()
            fwd = self._forward(options)
            return self._finish(fwd, None if options.forward_only
                                else self._backward(fwd, options))

    def forward(self, options: RunOptions | None = None) -> Timeline:
        options = options or RunOptions.from_graph(self.graph)
        with collector_paused():  # a timeline: many small objects, no cycles
            return self._finish(self._forward(options), None)

    def backward(self, options: RunOptions | None = None) -> Timeline:
        """Backward on the last forward (running a forward first when there is none, the graph
        changed, or the options ask for a different forward)."""
        options = options or RunOptions.from_graph(self.graph)
        with collector_paused():  # a timeline: many small objects, no cycles
            fwd = self._fwd
            if (fwd is None or fwd.revision != self.graph.revision
                    or fwd.no_grad != options.no_grad
                    or fwd.retain_grad != tuple(options.retain_grad)):
                fwd = self._forward(options)
            if options.zero_grad:
                self.zero_grad()
            fwd.prior_grads = self._leaf_grads(fwd)
            return self._finish(fwd, self._backward(fwd, options))

    def zero_grad(self) -> None:
        """Set every leaf's ``.grad`` to None (PyTorch's ``zero_grad(set_to_none=True)``)."""
        for _, t in self._leaves.values():
            if t.requires_grad:
                t.grad = None

    # ------------------------------------------------------------------ parameters
    def restore_grads(self, timeline: Timeline) -> None:
        """Give every leaf that requires grad the ``.grad`` it had when ``timeline`` started, so
        running again after an edit replays the same accumulation (None where the shape
        changed or the node is new)."""
        import graphstudio.engine as T

        for nid, node in self.graph.nodes.items():
            if not NODE_TYPES[node.type].has_tensor or node.tensor is None:
                continue
            t = self.leaf(node)
            if not t.requires_grad:
                continue
            try:
                prior = timeline.node_state(nid, -1).grad
            except KeyError:
                prior = None
            ok = prior is not None and tuple(prior.shape) == tuple(t.shape)
            t.grad = T.tensor(np.array(prior), dtype=t.dtype) if ok else None

    def parameters(self) -> dict[str, object]:
        """Live engine tensors of Parameter nodes that require grad, by node id."""
        out = {}
        for nid, node in self.graph.nodes.items():
            if node.type == "parameter" and node.attrs.get("requires_grad"):
                out[nid] = self.leaf(node)
        return out

    def leaf(self, node):
        """The session's tensor for an Input/Parameter node (rebuilt when its spec changes)."""
        key = (node.tensor, bool(node.attrs.get("requires_grad")))
        held = self._leaves.get(node.id)
        if held is None or held[0] != key:
            held = (key, NODE_TYPES[node.type].compute(node, {}))
            self._leaves[node.id] = held
        return held[1]

    def commit_parameters(self) -> None:
        """Write the live Parameter values (e.g. after optimizer steps) back to the graph, keeping
        the session's tensors (and their ``.grad``) as they are. One tensor_changed event each."""
        for nid, t in self.parameters().items():
            node = self.graph.nodes[nid]
            spec = TensorSpec.from_array(t.detach().numpy(), node.tensor.dtype)
            self._leaves[nid] = ((spec, True), t)
            self.graph.set_tensor(nid, spec)

    @property
    def tensors(self) -> dict[str, object]:
        """The live outputs of the last forward (engine tensors or numbers), by node id."""
        return {} if self._fwd is None else dict(self._fwd.values)

    # ------------------------------------------------------------------ forward
    def _forward(self, options: RunOptions) -> ForwardPass:
        import graphstudio.engine as T

        graph = self.graph
        for nid in [nid for nid in self._leaves if nid not in graph.nodes]:
            del self._leaves[nid]  # a deleted node's tensor (and .grad) is not kept alive
        for handle in self._fwd.hook_handles if self._fwd is not None else ():
            handle.remove()  # the last forward's hooks (a leaf's tensor is kept across runs)
        fwd = ForwardPass(graph.revision, options.no_grad, tuple(options.retain_grad))
        shapes = fwd.shapes = infer_shapes(graph)
        incoming = graph._in
        with T.set_grad_enabled(not options.no_grad):
            for nid in graph.topological_order():
                node = graph.nodes[nid]
                nt = NODE_TYPES[node.type]
                edges = tuple(incoming[nid].values())
                err = shapes[nid].error
                if err is None:
                    bad = next((e for e in edges if e.src in fwd.errors), None)
                    if bad is not None:
                        err = (f"input {bad.dst_port!r} has an error (from node "
                               f"{graph.nodes[bad.src].name!r})")
                if err is None:
                    try:
                        out = self._compute(node, nt, edges, fwd)
                    except Exception as ex:  # the engine's own message, no traceback
                        err = f"{nt.type_id}: {ex}"
                if err is None and nid in options.hooks and not options.no_grad:
                    err = _register_hook(fwd, node, out, options.hooks[nid])
                if err is not None:
                    fwd.errors[nid] = err
                    continue
                outs = out if isinstance(out, tuple) else (out,)
                fwd.values[nid] = out
                fwd.outputs[nid] = dict(zip(nt.output_names or ("out",), outs, strict=False))
                fwd.order.append((nid, edges))
        for nid in options.retain_grad:
            t = fwd.values.get(nid)
            if is_tensor_value(t) and t.grad_fn is not None:
                t.retain_grad()
        fwd.prior_grads = self._leaf_grads(fwd)
        self._fwd = fwd
        return fwd

    def _compute(self, node, nt, edges, fwd):
        if nt.has_tensor:
            return self.leaf(node)
        ins = {}
        for e in edges:
            ins[e.dst_port] = fwd.outputs[e.src][e.src_port]
        if node.type == "grad":  # as the node type's torch.autograd.grad, keeping its steps
            from graphstudio.engine.autograd import grad_steps

            result, fwd.inner[node.id] = grad_steps(ins["outputs"], ins["inputs"],
                                                    create_graph=True)
            return result[0]
        return nt.compute(node, ins)

    def _leaf_grads(self, fwd) -> dict[str, np.ndarray | None]:
        out = {}
        for nid, t in fwd.values.items():
            if is_tensor_value(t) and t.is_leaf and t.requires_grad:
                out[nid] = None if t.grad is None else frozen_copy(t.grad.numpy())
        return out

    # ------------------------------------------------------------------ backward
    def _backward(self, fwd: ForwardPass, options: RunOptions):
        """Run backward_steps; returns (loss_id, raw steps, reason, error)."""
        from graphstudio.engine.autograd import backward_steps

        graph = self.graph
        loss_id, reason = _pick_loss(graph, fwd, options)
        if reason:
            return loss_id, [], reason, None
        root = fwd.values[loss_id]
        name = graph.nodes[loss_id].name
        if not is_tensor_value(root):
            return loss_id, [], f"{name} is a Python number, not a tensor", None
        if options.no_grad or fwd.no_grad:
            return loss_id, [], (f"the forward ran under torch.no_grad(), so {name} has no "
                                 "grad_fn"), None
        if not root.requires_grad:
            return loss_id, [], (f"{name} does not require grad: nothing upstream of it is a "
                                 "Parameter with requires_grad on (or the path is detached)"), None
        gradient = None
        if options.gradient is not None:
            import graphstudio.engine as T

            gradient = T.tensor(options.gradient.to_numpy(), dtype=root.dtype)
        elif root.numel() != 1:
            return loss_id, [], (f"grad can be implicitly created only for scalar outputs: "
                                 f"{name} has shape {tuple(root.shape)}; set a gradient seed"), None
        steps = []
        try:
            for s in backward_steps(root, gradient, options.retain_graph):
                steps.append(s)
        except Exception as ex:
            return loss_id, steps, None, f"backward from {name}: {ex}"
        return loss_id, steps, None, None

    # ------------------------------------------------------------------ timeline
    def _finish(self, fwd: ForwardPass, backward) -> Timeline:
        timeline = TimelineBuilder(self.graph, fwd, backward).build()
        self.last = timeline
        return timeline


Session = Runner


def _register_hook(fwd: ForwardPass, node, out, hook) -> str | None:
    """Register ``hook`` on ``node``'s (first) output tensor; the error text when it cannot
    be (as ``register_hook`` raises in PyTorch)."""
    t = out[0] if isinstance(out, tuple) else out
    if not is_tensor_value(t):
        return f"register_hook: {node.name} is a Python number, not a tensor"
    log = fwd.hook_log.setdefault(node.id, [])

    def record(before, after, printed):
        log.append((frozen_copy(before.detach().numpy()), frozen_copy(after.detach().numpy()),
                    printed))

    try:
        fwd.hook_handles.append(t.register_hook(hook_function(node.name, hook, record)))
    except RuntimeError as ex:
        return f"register_hook: {ex}"
    fwd.hook_tensors[node.id] = t
    return None


def _pick_loss(graph: Graph, fwd: ForwardPass, options: RunOptions):
    """(loss node id, reason there is none): :func:`pick_loss` on the computed values."""

    def is_scalar(nid):
        v = fwd.values.get(nid)
        return is_tensor_value(v) and v.numel() == 1 and v.ndim == 0

    loss_id, reason = pick_loss(graph, options.loss, is_scalar)
    if reason == NO_LOSS:  # unless the scalar output the shapes promise failed to compute
        shapes = fwd.shapes
        failed = failed_loss_reason(graph, fwd.errors, lambda nid: shapes[nid].shape == ())
        return None, failed or f"{NO_LOSS} (right-click a node > Backward from here)"
    if reason:
        return None, reason
    if loss_id in fwd.errors:
        return loss_id, f"{graph.nodes[loss_id].name} could not be computed: {fwd.errors[loss_id]}"
    return loss_id, None


def run_inputs(graph: Graph) -> tuple:
    """Everything a run's numbers depend on, comparable with ``==``: each node's type,
    attributes and tensor, the wires and the run options (not positions, names or notes).
    Equal before and after a series of edits means the document computes what it did."""
    nodes = tuple(sorted(((n.id, n.type, tuple(sorted(n.attrs.items())), n.tensor)
                          for n in graph), key=lambda row: row[0]))
    edges = tuple(sorted((e.src, e.src_port, e.dst, e.dst_port) for e in graph.edges))
    return nodes, edges, tuple(sorted(graph.run.items()))

"""Replaying a document's session: the program's actions, in order, on one graph.

:func:`replay` runs ``graph.run["session"]`` (see :mod:`graphstudio.graph.session_actions`)
with the engine as the program runs with PyTorch: a :class:`Forward` computes its nodes from
the tensors the others hold now (a recomputation leaves the rest as they are, so a ``loss``
made before keeps its ``grad_fn``); a :class:`Backward` runs on whatever graph its root's
tensor was made by (``.grad`` accumulates; without ``retain_graph`` a second backward through
the same graph fails with PyTorch's message); :class:`ZeroGrad` zeroes a ``.grad`` in place;
a :class:`Print` writes what ``print`` would, with the engine's reprs. Leaf tensors come from a
:class:`~graphstudio.run.runner.Runner`, so the window's session and the replay share them.

The result is a :class:`Replay`: the printed text, the action it stopped at (PyTorch's error),
and a :class:`~graphstudio.run.session_timeline.SessionTimeline` with one section per action.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.session_actions import Backward, Forward, Print, ZeroGrad
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.run.forward_pass import ForwardPass, frozen_copy, is_tensor_value
from graphstudio.run.runner import Runner
from graphstudio.run.session_timeline import (
    ActionRecord,
    Section,
    SessionTimeline,
    SessionTimelineBuilder,
)
from graphstudio.run.timeline_builder import TimelineBuilder

__all__ = ["Replay", "SessionError", "replay", "session_of"]


class SessionError(Exception):
    """An action the program could not carry out (the message PyTorch would give)."""


@dataclass(frozen=True)
class Replay:
    """What replaying a session gave: ``printed`` (the program's output), ``error`` (None, or
    "action N (what): why"), ``timeline`` (every section's steps)."""

    printed: str
    error: str | None
    timeline: SessionTimeline


def session_of(graph) -> tuple:
    """The graph's session (an empty tuple for a document without one)."""
    return graph.run.get("session") or ()


def replay(graph, runner: Runner | None = None) -> Replay:
    """Run ``graph``'s session from the start (see the module docstring)."""
    return _Replayer(graph, runner or Runner(graph)).run()


class _Replayer:
    def __init__(self, graph, runner: Runner):
        self.graph, self.runner = graph, runner
        self.shapes = infer_shapes(graph)
        self.values: dict[str, object] = {}
        self.outputs: dict[str, dict[str, object]] = {}
        self.errors: dict[str, str] = {}
        self.made: dict[str, tuple] = {}   # node id -> the edges it was last computed from
        self.printed: list[str] = []
        self.counts = {"forward": 0, "backward": 0}
        self.out = SessionTimelineBuilder(graph)

    def run(self) -> Replay:
        import graphstudio.engine as T

        error = None
        self.out.start({nid: _blank(self.leaf_grad(nid)) for nid in self.graph.nodes})
        for i, action in enumerate(session_of(self.graph)):
            try:
                with T.set_grad_enabled(True):
                    self.act(i, action)
            except SessionError as ex:
                error = f"action {i + 1} ({describe(self.graph, action)}): {ex}"
                break
        text = "".join(self.printed)
        return Replay(text, error, self.out.build(self.graph.revision, text, error))

    def act(self, i: int, action) -> None:
        if isinstance(action, Forward):
            self.forward(i, action)
        elif isinstance(action, Backward):
            self.backward(i, action)
        elif isinstance(action, ZeroGrad):
            self.zero(i, action)
        else:
            self.print(i, action)

    # ------------------------------------------------------------------ forward
    def forward(self, i: int, action: Forward) -> None:
        import graphstudio.engine as T

        graph = self.graph
        order = graph.topological_order(action.nodes)
        with T.set_grad_enabled(not action.no_grad):
            for nid in order:
                self.compute(nid)
        retained = set(graph.run.get("retain_grad", ()))
        for nid in order:
            t = self.values.get(nid)
            if nid in retained and is_tensor_value(t) and t.grad_fn is not None:
                t.retain_grad()
        fwd = self.forward_pass(order, action.no_grad)
        tl = TimelineBuilder(graph, fwd, None).build()
        self.counts["forward"] += 1
        title = "forward under torch.no_grad()" if action.no_grad else "forward"
        self.out.add_run(tl, 0, Section(title, "forward", 0, 0, i, action.no_grad), False)

    def compute(self, nid: str) -> None:
        graph = self.graph
        node = graph.nodes[nid]
        nt = NODE_TYPES[node.type]
        edges = tuple(graph.incoming(nid).values())
        self.errors.pop(nid, None)
        err = self.shapes[nid].error
        missing = next((e for e in edges if e.src not in self.outputs), None)
        if err is None and missing is not None:
            err = f"input {missing.dst_port!r} has no value yet (from node " \
                  f"{graph.nodes[missing.src].name!r})"
        if err is None:
            try:
                if nt.has_tensor:
                    out = self.runner.leaf(node)
                else:
                    out = nt.compute(node, {e.dst_port: self.outputs[e.src][e.src_port]
                                            for e in edges})
            except Exception as ex:  # the engine's own message
                err = f"{nt.type_id}: {ex}"
        if err is not None:
            self.errors[nid] = err
            self.values.pop(nid, None)
            self.outputs.pop(nid, None)
            return
        outs = out if isinstance(out, tuple) else (out,)
        self.values[nid] = out
        self.outputs[nid] = dict(zip(nt.output_names or ("out",), outs, strict=False))
        self.made[nid] = edges

    def forward_pass(self, order, no_grad: bool) -> ForwardPass:
        """The live values as a ForwardPass whose steps are ``order`` (what was computed)."""
        fwd = ForwardPass(self.graph.revision, no_grad, tuple(self.graph.run.get(
            "retain_grad", ())))
        fwd.values, fwd.outputs = dict(self.values), dict(self.outputs)
        fwd.errors = {nid: e for nid, e in self.errors.items() if nid in set(order)}
        fwd.shapes = self.shapes
        fwd.order = [(nid, self.made[nid]) for nid in order if nid in self.values]
        fwd.prior_grads = {nid: self.leaf_grad(nid) for nid in self.graph.nodes}
        return fwd

    def leaf_grad(self, nid: str):
        t = self.values.get(nid)
        if is_tensor_value(t) and t.is_leaf and t.requires_grad and t.grad is not None:
            return frozen_copy(t.grad.numpy())
        return None

    # ------------------------------------------------------------------ backward
    def backward(self, i: int, action: Backward) -> None:
        import graphstudio.engine as T
        from graphstudio.engine.autograd import backward_steps

        root = self.tensor(action.node)
        name = self.graph.nodes[action.node].name
        if not root.requires_grad:
            raise SessionError("element 0 of tensors does not require grad and does not have "
                               "a grad_fn")
        gradient = None
        if action.gradient is not None:
            gradient = T.tensor(action.gradient.to_numpy(), dtype=root.dtype)
        elif root.numel() != 1:
            raise SessionError("grad can be implicitly created only for scalar outputs")
        computed = [nid for nid in self.graph.topological_order() if nid in self.values]
        fwd = self.forward_pass(computed, False)
        try:
            steps = list(backward_steps(root, gradient, action.retain_graph))
        except Exception as ex:  # PyTorch's message, e.g. a second backward without retain
            raise SessionError(f"{name}.backward(): {ex}") from None
        tl = TimelineBuilder(self.graph, fwd, (action.node, steps, None, None)).build()
        self.counts["backward"] += 1
        n = self.counts["backward"]
        self.out.add_run(tl, tl.forward_count,
                         Section(f"backward #{n}", "backward", 0, 0, i, root=action.node,
                                 number=n), True)

    def tensor(self, nid: str):
        node = self.graph.nodes[nid]
        if nid not in self.values:
            why = self.errors.get(nid, "no forward has computed it yet")
            raise SessionError(f"{node.name} has no value: {why}")
        t = self.values[nid]
        if isinstance(t, tuple):
            t = t[0]
        if not is_tensor_value(t):
            raise SessionError(f"{node.name} is a Python number, not a tensor")
        return t

    # ------------------------------------------------------------------ zero_ and print
    def zero(self, i: int, action: ZeroGrad) -> None:
        t = self.tensor(action.node)
        name = self.graph.nodes[action.node].name
        if t.grad is None:
            raise SessionError("'NoneType' object has no attribute 'zero_'")
        t.grad.zero_()
        label = f"{name}.grad.zero_()"
        record = ActionRecord(0, action.node, label, "zero_", name=label)
        self.out.add_action(record, Section("zero_()", "zero_", 0, 0, i),
                            self.out.zeroed(action.node))

    def print(self, i: int, action: Print) -> None:
        from graphstudio.run.session_print import print_text

        text = print_text(self.graph, action, self.field)
        self.printed.append(text)
        first = next((p.node for arg in action.args for p in arg if not isinstance(p, str)),
                     None)
        label = describe(self.graph, action)
        self.out.add_action(ActionRecord(0, first, label, "print", text, name=label), None)

    def field(self, nid: str, attr: str):
        """The live value a print shows: the node's value, .grad, .requires_grad, .grad_fn."""
        node = self.graph.nodes[nid]
        if attr == "value":
            if nid not in self.values:
                raise SessionError(f"{node.name} has no value: "
                                   f"{self.errors.get(nid, 'no forward has computed it yet')}")
            return self.values[nid]
        t = self.tensor(nid)
        return getattr(t, attr)


def _blank(grad):
    from graphstudio.run.timeline import NodeState

    return NodeState(grad=grad)


def describe(graph, action) -> str:
    """An action in the program's words: ``out.backward(torch.ones_like(out), ...)``."""
    from graphstudio.run.session_print import action_code

    return action_code(graph, action)

"""The undo command a training run leaves behind: every trained Parameter's new tensor, one step.

:class:`TrainParametersCommand` is built from a finished
:class:`~graphstudio.engine.training.Trainer`; undo puts back exactly the tensors the Parameters
held before (initializer specs included), redo writes the trained values again.
"""

from __future__ import annotations

from collections.abc import Mapping

from graphstudio.engine.graph import Graph, TensorSpec
from graphstudio.ui.commands import GraphCommand

__all__ = ["TrainParametersCommand", "trained_changes"]


def trained_changes(graph: Graph, trainer) -> tuple[dict[str, TensorSpec], list[str]]:
    """``({node_id: new spec}, [names skipped])`` for writing the trainer's values into
    ``graph``: Parameters removed, no longer Parameters or reshaped since training started are
    skipped (and named); values that did not change are left out."""
    out, skipped = {}, []
    for nid, spec in trainer.trained_specs().items():
        node = graph.nodes.get(nid)
        if node is None or node.type != "parameter" or node.tensor is None \
                or node.tensor.shape != spec.shape:
            skipped.append(trainer.names.get(nid, nid))
        elif node.tensor != spec:
            out[nid] = spec
    return out, skipped


class TrainParametersCommand(GraphCommand):
    """Set several Parameters' tensors at once (``changes = {node_id: spec}``)."""

    def __init__(self, graph: Graph, changes: Mapping[str, TensorSpec], text: str = "Train"):
        super().__init__(graph, text)
        self.changes = dict(changes)
        #: called with True on redo, False on undo (set after the push: not for the first redo)
        self.notify = None

    def redo(self):
        super().redo()
        if self.notify is not None:
            self.notify(True)

    def undo(self):
        super().undo()
        if self.notify is not None:
            self.notify(False)

    def problem(self):
        if not self.changes:
            return "training changed no parameter"
        for nid in self.changes:
            node = self.graph.nodes.get(nid)
            if node is None:
                return f"no node with id {nid!r}"
            if node.type != "parameter":
                return f"{node.name} is not a Parameter"
        return None

    def build(self, j):
        for nid, spec in self.changes.items():
            j.set_tensor(nid, spec)

"""The undo command a training run leaves behind: every trained Parameter's new tensor, one step.

:class:`TrainParametersCommand` is built from a finished
:class:`~graphstudio.run.training.Trainer`; undo puts back exactly the tensors the Parameters
held before (initializer specs included), redo writes the trained values again. Like every
command it changes only the model: the Training dock follows undo/redo through the stack's
``indexChanged``, so the stack never calls into (or keeps alive) a widget.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.ui.commands import GraphCommand

__all__ = ["EDITED", "GONE", "TrainParametersCommand", "optimizer_text", "run_summary",
           "started_specs", "stats_text", "trained_changes"]


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")

#: why a trained value was not written (shown through translate("TrainCommand", ...))
GONE = QT_TRANSLATE_NOOP("TrainCommand", "removed or reshaped meanwhile")
EDITED = QT_TRANSLATE_NOOP("TrainCommand", "edited meanwhile: the edit is kept")


def started_specs(graph: Graph, trainer) -> dict[str, TensorSpec | None]:
    """Each trained Parameter's tensor as training starts (to tell edits made meanwhile)."""
    return {nid: graph.nodes[nid].tensor if nid in graph.nodes else None
            for nid in trainer.names}


def trained_changes(graph: Graph, trainer, started: Mapping[str, TensorSpec | None] | None = None
                    ) -> tuple[dict[str, TensorSpec], list[tuple[str, str]]]:
    """``({node_id: new spec}, [(name, why skipped)])`` for writing the trainer's values into
    ``graph``: Parameters removed, no longer Parameters or reshaped since training started are
    skipped (GONE), and so are those whose tensor differs from ``started`` (EDITED: training
    must not silently overwrite an edit); values that did not change are left out."""
    out, skipped = {}, []
    for nid, spec in trainer.trained_specs().items():
        node = graph.nodes.get(nid)
        name = trainer.names.get(nid, nid)
        if node is None or node.type != "parameter" or node.tensor is None \
                or node.tensor.shape != spec.shape:
            skipped.append((name, GONE))
        elif started is not None and nid in started and node.tensor is not started[nid] \
                and node.tensor != started[nid]:
            skipped.append((name, EDITED))
        elif node.tensor != spec:
            out[nid] = spec
    return out, skipped


def optimizer_text(trainer) -> str:
    """"Adam, lr 0.05" / "SGD, lr 0.1, momentum 0.9"."""
    c = trainer.config
    name = "Adam" if c.optimizer == "adam" else "SGD"
    extra = f", momentum {c.momentum:g}" if c.optimizer == "sgd" and c.momentum else ""
    return f"{name}, lr {c.learning_rate:g}{extra}"  # PyTorch's argument names


def stats_text(losses, steps_done: int, busy_s: float) -> str:
    """The dock's live line: first → last loss (how much lower), step and speed."""
    import math

    from graphstudio.ui.canvas.preview import format_number

    if not losses:
        return ""
    first, last = losses[0], losses[-1]
    rate = steps_done / busy_s if busy_s > 0 else 0.0
    text = translate("TrainCommand", "loss {0} → <b>{1}</b>").format(format_number(first),
                                                                      format_number(last))
    if math.isfinite(first) and math.isfinite(last) and last > 0 and first > last:
        ratio = first / last
        text += translate("TrainCommand", " ({0}× lower)").format(
            f"{ratio:,.0f}" if ratio >= 100 else f"{ratio:.3g}")
    return text + "<br>" + translate("TrainCommand", "step {0} · {1} steps/s").format(
        steps_done, f"{rate:,.0f}")


def run_summary(trainer, skipped: list[tuple[str, str]], changed: bool) -> str:
    """The Training dock's line about a finished run (``skipped`` from trained_changes)."""
    from graphstudio.ui.canvas.preview import format_number

    n, losses = trainer.steps_done, trainer.losses
    done = (translate("TrainCommand", "Stopped after {0} steps")
            if trainer.stop_reason == "stopped" else translate("TrainCommand", "Trained {0} steps"))
    parts = [done.format(n)]
    if losses:
        parts.append(translate("TrainCommand", "loss {0} → {1}").format(
            format_number(losses[0]), format_number(losses[-1])))
    if skipped and n:
        for why in dict.fromkeys(w for _name, w in skipped):
            names = ", ".join(name for name, w in skipped if w == why)
            parts.append(translate("TrainCommand", "not written to {0} ({1})").format(
                names, translate("TrainCommand", why)))
    parts.append(translate("TrainCommand", "Undo (Ctrl+Z) restores the parameters from before")
                 if changed else translate("TrainCommand", "no parameter changed"))
    return " · ".join(parts)


class TrainParametersCommand(GraphCommand):
    """Set several Parameters' tensors at once (``changes = {node_id: spec}``)."""

    def __init__(self, graph: Graph, changes: Mapping[str, TensorSpec], text: str | None = None):
        super().__init__(graph, text or translate("TrainCommand", "Train"))
        self.changes = dict(changes)

    def problem(self):
        if not self.changes:
            return translate("TrainCommand", "training changed no parameter")
        for nid in self.changes:
            node = self.graph.nodes.get(nid)
            if node is None:
                return translate("TrainCommand", "no node with id {0}").format(repr(nid))
            if node.type != "parameter":
                return translate("TrainCommand", "{0} is not a Parameter").format(node.name)
        return None

    def build(self, j):
        for nid, spec in self.changes.items():
            j.set_tensor(nid, spec)

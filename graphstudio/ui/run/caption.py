"""One step in two lines, for presentation mode's caption bar: the PyTorch line and one
sentence saying what it does.

:func:`step_caption` is plain text (the bar sets it in large type). The line is the Steps
dock's (forward: the node's PyTorch line; backward: ``loss.backward()`` with the grad_fn that
runs); the sentence is :func:`graphstudio.run.step_text.explain_step`, the one explanation an
animation frame and a handout page show too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from graphstudio.run.step_text import CONTEXT, explain_step, step_heading
from graphstudio.ui.run.display import ran_no_grad
from graphstudio.ui.run.steps_dock import step_line

__all__ = ["step_caption"]


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def step_caption(timeline, k: int, graph) -> tuple[str, str]:
    """(PyTorch line, ``heading: one sentence``) for step ``k`` of ``timeline`` (k = -1:
    before the run)."""
    if timeline is None:
        return "", QCoreApplication.translate(
            "StepCaption", "No run yet: press \u2192 to take the first step.")
    if k >= len(timeline):
        return "", ""
    sentence = explain_step(timeline, k, graph, _translate)
    heading = step_heading(timeline, k, _translate)
    if k < 0:
        return "", f"{heading}: {sentence}"
    step = timeline.steps[k]
    if step.kind == "forward":
        line = step_line(graph, step.node_id) or step.label
        if ran_no_grad(timeline):
            line = "with torch.no_grad(): " + line
    else:
        root = _name(graph, timeline.loss_id)
        line = f"{root}.backward()   \u2192 {step.name} ({_name(graph, step.node_id)})"
    return line, f"{heading}: {sentence}"


def _name(graph, node_id) -> str:
    node = graph.nodes.get(node_id) if node_id else None
    return node.name if node is not None else "?"

"""What the status bar says about a run: its result, and why it cannot go on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from graphstudio.ui.number_format import format_scalar
from graphstudio.ui.run.display import ran_no_grad

__all__ = ["cards_overlap", "end_text", "result_text"]


def cards_overlap(scene, limit: int = 300) -> bool:
    """Whether any two node cards overlap (graphs above ``limit`` nodes are not checked)."""
    from graphstudio.ui.canvas.node_item import NodeItem

    if len(scene.graph.nodes) > limit:  # before building every card of a big document
        return False
    items = scene.node_items()
    for item in items:
        rect = item.sceneBoundingRect().adjusted(8, 8, -8, -8)  # the glow margin is not card
        if any(o is not item and isinstance(o, NodeItem) for o in scene.items(rect)):
            return True
    return False


def end_text(timeline, backward_reason: str | None) -> str:
    """Why Step does nothing at the end of ``timeline``."""
    if timeline.error:
        return QCoreApplication.translate("RunMessages", "The run stopped: {0}").format(
            timeline.error)
    if not timeline.has_backward and backward_reason:
        return QCoreApplication.translate(
            "RunMessages", "End of the forward. No backward: {0}").format(backward_reason)
    return QCoreApplication.translate(
        "RunMessages", "End of the run. Backward runs it again (with Zero grads off the .grad "
        "values accumulate); Reset starts over")


def result_text(what: str, timeline, graph, backward_reason: str | None, scene=None) -> str:
    """``Backward: 7 forward + 6 backward steps · loss = 0.8962`` (and what went wrong)."""
    tl = timeline
    if tl.error:
        return QCoreApplication.translate("RunMessages", "{0}: {1}").format(what, tl.error)
    if tl.has_backward:
        count = QCoreApplication.translate(
            "RunMessages", "{0} forward + {1} backward steps").format(
            tl.forward_count, len(tl) - tl.forward_count)
    else:
        count = QCoreApplication.translate("RunMessages", "{0} forward steps").format(
            tl.forward_count)
    head = (QCoreApplication.translate(
        "RunMessages", "{0} under torch.no_grad(): no graph recorded, so there is no backward "
        "· {1}") if ran_no_grad(tl) else QCoreApplication.translate(
        "RunMessages", "{0}: {1}")).format(what, count)
    parts = [head]
    if tl.loss_id in graph.nodes:
        state = tl.node_state(tl.loss_id, len(tl) - 1)
        if state.value is not None and state.value.size == 1:
            parts.append(f"{graph.nodes[tl.loss_id].name} = "
                         f"{format_scalar(state.value.reshape(-1)[0])}")
    if not tl.has_backward and backward_reason and not ran_no_grad(tl):
        parts.append(QCoreApplication.translate("RunMessages", "no backward: {0}").format(
            backward_reason))
    parts.extend(tl.warnings[:1])
    if scene is not None and cards_overlap(scene):
        parts.append(QCoreApplication.translate(
            "RunMessages", "cards overlap now that they show values: L lays the graph out"))
    return " · ".join(parts)

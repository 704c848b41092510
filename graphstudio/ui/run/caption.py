"""One step in two lines, for presentation mode's caption bar: the PyTorch line and one
sentence saying what it does.

:func:`step_caption` is plain text (the bar sets it in large type). Forward: the node's line
(``z = xw + b``) and what it computes and records; backward: ``loss.backward()`` with the
grad_fn that runs, and where its gradient goes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from graphstudio.ui.run.display import ran_no_grad
from graphstudio.ui.run.steps_dock import step_line

__all__ = ["step_caption"]


def _names(graph, ids) -> str:
    names = []
    for nid in ids:
        node = graph.nodes.get(nid) if nid else None
        name = node.name if node is not None else "?"
        if name not in names:
            names.append(name)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + QCoreApplication.translate("StepCaption", " and ") + names[-1]


def step_caption(timeline, k: int, graph) -> tuple[str, str]:
    """(PyTorch line, one sentence) for step ``k`` of ``timeline`` (k = -1: before the run)."""
    if timeline is None:
        return "", QCoreApplication.translate(
            "StepCaption", "No run yet: press \u2192 to take the first step.")
    if k < 0:
        return "", QCoreApplication.translate(
            "StepCaption", "Before the run nothing is computed yet; \u2192 computes the first "
            "node.")
    if k >= len(timeline):
        return "", ""
    step = timeline.steps[k]
    n = len(timeline)
    if step.kind == "forward":
        return _forward(timeline, step, k, n, graph)
    return _backward(timeline, step, k, n, graph)


def _forward(timeline, step, k: int, n: int, graph) -> tuple[str, str]:
    line = step_line(graph, step.node_id) or step.label
    name = _names(graph, [step.node_id])
    if ran_no_grad(timeline):
        line = "with torch.no_grad(): " + line
    head = QCoreApplication.translate("StepCaption", "Forward step {k} of {n}: ").format(
        k=k + 1, n=n)
    if not step.inputs:
        what = (QCoreApplication.translate(
            "StepCaption", "{name} is a leaf tensor that requires grad; backward will fill "
            "{name}.grad.") if step.requires_grad else QCoreApplication.translate(
            "StepCaption", "{name} is a leaf tensor with requires_grad=False: no gradient is "
            "kept for it."))
        return line, head + what.format(name=name)
    sources = _names(graph, step.inputs)
    if step.grad_fn:
        what = QCoreApplication.translate(
            "StepCaption", "{name} is computed from {src} and records grad_fn=<{fn}> for the "
            "backward.").format(name=name, src=sources, fn=step.grad_fn)
    elif ran_no_grad(timeline):
        what = QCoreApplication.translate(
            "StepCaption", "{name} is computed from {src} under no_grad, so no grad_fn is "
            "recorded.").format(name=name, src=sources)
    else:
        what = QCoreApplication.translate(
            "StepCaption", "{name} is computed from {src}; nothing it depends on requires "
            "grad, so it records no grad_fn.").format(name=name, src=sources)
    return line, head + what


def _backward(timeline, step, k: int, n: int, graph) -> tuple[str, str]:
    root = _names(graph, [timeline.loss_id])
    at = _names(graph, [step.node_id])
    line = f"{root}.backward()   \u2192 {step.name} ({at})"
    head = QCoreApplication.translate("StepCaption", "Backward step {k} of {n}: ").format(
        k=k + 1, n=n)
    if step.leaf_id:
        leaf = _names(graph, [step.leaf_id])
        before = timeline.node_state(step.leaf_id, k - 1).grad
        m = len(step.contributions)
        arriving = (QCoreApplication.translate(
            "StepCaption", "the sum of the {m} gradients arriving at {leaf}") if m > 1 else
            QCoreApplication.translate("StepCaption", "the gradient arriving at {leaf}")
        ).format(m=m, leaf=leaf)
        what = (QCoreApplication.translate(
            "StepCaption", "AccumulateGrad adds {what} to the {leaf}.grad already there.")
            if before is not None else QCoreApplication.translate(
                "StepCaption", "AccumulateGrad stores {what} in {leaf}.grad."))
        return line, head + what.format(what=arriving, leaf=leaf)
    if k == timeline.forward_count:
        seed = step.grad_output
        what = (QCoreApplication.translate(
            "StepCaption", "backward starts at {root} with the seed v given to "
            "{root}.backward(gradient=v).") if seed is not None and seed.size != 1
            else QCoreApplication.translate(
                "StepCaption", "backward starts at {root} with the gradient "
                "\u2202{root}/\u2202{root} = 1."))
        return line, head + what.format(root=root)
    return line, head + _passing_on(step, at, _names(graph, [e.src for e in step.edge_grads]))


def _passing_on(step, at: str, targets: str) -> str:
    """What a grad_fn that is not AccumulateGrad does with the gradient arriving at ``at``."""
    if len(step.contributions) > 1:
        return QCoreApplication.translate(
            "StepCaption", "{fn} sums the {m} gradients arriving at {at} and sends the result "
            "on to {to}.").format(fn=step.name, m=len(step.contributions), at=at,
                                  to=targets or at)
    if targets:
        return QCoreApplication.translate(
            "StepCaption", "{fn} multiplies the gradient arriving at {at} by the local "
            "derivative of {at} and sends it on to {to} (the chain rule).").format(
            fn=step.name, at=at, to=targets)
    return QCoreApplication.translate(
        "StepCaption", "{fn} passes the gradient on to the next grad_fn inside {at}.").format(
        fn=step.name, at=at)

"""One sentence per step of a run: what it did and why, in PyTorch's words (no Qt).

:func:`explain_step` is the explanation an animation frame, a handout page (and the window's
presentation caption) shows under the step's PyTorch line. Each sentence is a template marked
with :func:`QT_TRANSLATE_NOOP` (context :data:`CONTEXT`) so Qt's ``lupdate`` collects it; a caller
that shows it passes ``translate`` (``QCoreApplication.translate`` bound to the context) and the
template is translated before its names are filled in. Without ``translate`` it reads English.
"""

from __future__ import annotations

from collections.abc import Callable

from graphstudio.graph.node_table import NODE_TYPES

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "explain_step", "step_heading"]

#: the translation context of every sentence here
CONTEXT = "StepText"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's marker name)
    """Marks ``text`` for translation in ``context`` (for lupdate) and returns it unchanged."""
    return text


def _identity(text: str) -> str:
    return text


def step_heading(timeline, k: int, translate: Callable[[str], str] | None = None) -> str:
    """``Step 8 of 13 · backward`` (``Before the run · 13 steps`` for k = -1)."""
    tr = translate or _identity
    n = len(timeline)
    if k < 0:
        return tr(QT_TRANSLATE_NOOP("StepText", "Before the run · {n} steps")).format(n=n)
    phase = (tr(QT_TRANSLATE_NOOP("StepText", "backward")) if k >= timeline.forward_count
             else tr(QT_TRANSLATE_NOOP("StepText", "forward")))
    return tr(QT_TRANSLATE_NOOP("StepText", "Step {k} of {n} · {phase}")).format(
        k=k + 1, n=n, phase=phase)


def explain_step(timeline, k: int, graph, translate: Callable[[str], str] | None = None) -> str:
    """One sentence saying what step ``k`` of ``timeline`` did (k = -1: before the run)."""
    tr = translate or _identity
    if k < 0:
        return tr(QT_TRANSLATE_NOOP(
            "StepText", "Before the run: nothing is computed yet; the forward pass computes the "
                     "nodes one by one, then backward carries gradients back to the leaves."))
    step = timeline.steps[k]
    if step.kind == "forward":
        return _explain_forward(timeline, step, graph, tr)
    return _explain_backward(timeline, step, graph, tr)


def _name(graph, node_id) -> str:
    node = graph.nodes.get(node_id) if node_id else None
    return node.name if node is not None else "?"


def _names(graph, ids, tr) -> str:
    """``a``, ``a and b``, ``a, b and c`` (each name once)."""
    seen = []
    for nid in ids:
        name = _name(graph, nid)
        if name not in seen:
            seen.append(name)
    if len(seen) < 2:
        return "".join(seen)
    return ", ".join(seen[:-1]) + tr(QT_TRANSLATE_NOOP("StepText", " and ")) + seen[-1]


def _explain_forward(timeline, step, graph, tr) -> str:
    name = _name(graph, step.node_id)
    node = graph.nodes.get(step.node_id)
    spec = NODE_TYPES.get(node.type) if node is not None else None
    if spec is not None and not spec.outputs:
        return tr(QT_TRANSLATE_NOOP("StepText", "{name} shows the value of {inputs}.")).format(
            name=name, inputs=_names(graph, step.inputs, tr))
    if not step.inputs:
        if timeline.no_grad or not step.requires_grad:
            text = QT_TRANSLATE_NOOP("StepText", "{name} is a leaf tensor with "
                                                 "requires_grad=False: autograd computes no "
                                                 "gradient for it.")
        else:
            text = QT_TRANSLATE_NOOP("StepText", "{name} is a leaf tensor with requires_grad=True: "
                                              "backward will store its gradient in {name}.grad.")
        return tr(text).format(name=name)
    inputs = _names(graph, step.inputs, tr)
    if timeline.no_grad:
        text = QT_TRANSLATE_NOOP("StepText", "{name} is computed from {inputs} under "
                                          "torch.no_grad(): no graph is recorded, so it has no "
                                          "grad_fn and requires_grad=False.")
    elif step.grad_fn:
        text = QT_TRANSLATE_NOOP("StepText", "{name} is computed from {inputs}; an input requires "
                                          "grad, so autograd records grad_fn=<{grad_fn}> for "
                                          "the backward pass.")
    elif any(timeline.node_state(src, step.index).requires_grad for src in step.inputs):
        text = QT_TRANSLATE_NOOP("StepText", "{name} is computed from {inputs} but cut from the "
                                          "graph (requires_grad=False): no gradient flows back "
                                          "through it.")
    else:
        text = QT_TRANSLATE_NOOP("StepText", "{name} is computed from {inputs}; no input requires "
                                          "grad, so nothing is recorded for backward.")
    return tr(text).format(name=name, inputs=inputs, grad_fn=step.grad_fn)


def _explain_backward(timeline, step, graph, tr) -> str:
    return tr(QT_TRANSLATE_NOOP("StepText", "{received}, then {sent}.")).format(
        received=_received(timeline, step, graph, tr), sent=_sent(timeline, step, graph, tr))


def _received(timeline, step, graph, tr) -> str:
    owner, fn = _name(graph, step.node_id), step.name
    seed = (step.index == timeline.forward_count and step.contribution_edges
            and step.contribution_edges[0] is None)
    if seed:
        if step.grad_output is not None and step.grad_output.size != 1:
            text = QT_TRANSLATE_NOOP("StepText", "Backward starts at {owner}: {fn} receives the "
                                              "seed v given to {owner}.backward(gradient=v)")
        else:
            text = QT_TRANSLATE_NOOP("StepText", "{owner}.backward() starts here: {fn} receives "
                                              "the gradient 1 (\u2202{owner}/\u2202{owner})")
    elif len(step.contributions) > 1:
        return tr(QT_TRANSLATE_NOOP("StepText", "{fn} sums the {n} gradients that arrived from "
                                             "{sources}")).format(
            fn=fn, n=len(step.contributions),
            sources=_names(graph, [e.dst for e in step.contribution_edges if e is not None], tr))
    else:
        text = QT_TRANSLATE_NOOP("StepText", "{fn} receives the gradient of {owner}")
    return tr(text).format(owner=owner, fn=fn)


def _sent(timeline, step, graph, tr) -> str:
    owner = _name(graph, step.node_id)
    if step.leaf_id:
        leaf = _name(graph, step.leaf_id)
        if step.new_grad is None:
            text = QT_TRANSLATE_NOOP("StepText", "leaves {leaf}.grad unchanged")
        elif timeline.node_state(step.leaf_id, step.index - 1).grad is None:
            text = QT_TRANSLATE_NOOP("StepText", "stores it in {leaf}.grad (it was None)")
        else:
            text = QT_TRANSLATE_NOOP("StepText", "adds it to what {leaf}.grad already held")
        return tr(text).format(leaf=leaf)
    if step.edge_grads:
        return tr(QT_TRANSLATE_NOOP("StepText", "applies the chain rule and sends the result "
                                             "back to {targets}")).format(
            targets=_names(graph, [e.src for e in step.edge_grads], tr))
    if any(g is not None for g in step.grad_inputs):
        return tr(QT_TRANSLATE_NOOP("StepText", "passes it on to the next grad_fn inside "
                                             "{owner}")).format(owner=owner)
    return tr(QT_TRANSLATE_NOOP("StepText", "sends no gradient further (no input requires grad)"))

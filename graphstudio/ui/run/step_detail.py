"""The words of the Steps dock: the PyTorch line a forward step runs and what any step did
(:func:`describe_step`, rich text), a Grad node's inner backward and gradient hooks included."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.pytorch.torch_lines import short_statement
from graphstudio.ui.canvas.preview import format_array
from graphstudio.ui.number_format import format_scalar
from graphstudio.ui.run.display import ran_no_grad
from graphstudio.ui.run.session_steps import describe_action

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

__all__ = ["DETAIL_MAX_NUMEL", "describe_step", "html_escape", "result_edge", "step_line"]


def step_line(graph, node_id: str) -> str:
    """The PyTorch line of the node a forward step runs, short enough for one row."""
    from graphstudio.ui.inspector import torch_line_for

    node = graph.nodes.get(node_id)
    if node is None:
        return ""
    return short_statement(torch_line_for(graph, node, NODE_TYPES[node.type]), node)


def result_edge(step):
    """The Grad node's inputs wire when inner step ``step`` hands it its result, else None."""
    return next((e for e in step.edge_grads if e.dst == step.within
                 and e.dst_port == "inputs"), None)


#: tensors up to this many elements are spelled out in the step detail
DETAIL_MAX_NUMEL = 40


def _arr(a) -> str:
    """Values for small tensors (as PyTorch prints them), else the shape and ``|max|``."""
    a = np.asarray(a)
    if a.size <= DETAIL_MAX_NUMEL and a.dtype.kind in "fiub":
        return " ".join(ln.strip() for ln in format_array(a) if ln.strip())
    finite = np.abs(a[np.isfinite(a)]) if a.dtype.kind in "fiub" else a[:0]
    top = f", |max| {format_scalar(finite.max())}" if finite.size else ""
    return translate("StepsDock", "a tensor of shape {0}").format(a.shape) + top


def describe_step(timeline, k: int, graph) -> str:
    """Rich text: what step ``k`` did, in PyTorch's words."""
    if timeline is None:
        return QCoreApplication.translate(
            "StepsDock", "Nothing run yet. <b>F10</b> steps, <b>F5</b> plays, <b>F8</b> runs "
            "to the end.")
    if k < 0:
        return QCoreApplication.translate(
            "StepsDock", "Before the run: nothing computed yet. Step (F10) computes the first "
            "node.") + _kept_note(timeline, graph)
    if k >= len(timeline):
        return ""

    def name(nid):
        n = graph.nodes.get(nid) if nid else None
        return n.name if n else "?"

    step = timeline.steps[k]
    if step.kind in ("zero_", "print"):
        return describe_action(timeline, k, graph)
    if step.kind == "forward":
        gf = f"grad_fn=&lt;{step.grad_fn}&gt;" if step.grad_fn else (
            f"requires_grad={step.requires_grad}")
        block = "with torch.no_grad():<br>&nbsp;&nbsp;&nbsp;&nbsp;" if ran_no_grad(timeline) \
            else ""
        return (translate("StepsDock", "<b>Step {0} · forward</b>").format(k + 1)
                + f"<br><code>{block}{html_escape(step_line(graph, step.node_id))}</code><br>"
                f"{name(step.node_id)} = {_arr(step.value)}, {gf}")
    if step.hook is not None:
        return _describe_hook(step, k, name)
    if step.kind == "inner":
        return _describe_inner(timeline, step, k, graph, name)
    head = translate("StepsDock", "<b>Step {0} · {1}</b> ({2})").format(
        k + 1, step.name, name(step.node_id))
    return "<br>".join([head] + _backward_parts(timeline, step, k, name))


def _backward_parts(timeline, step, k: int, name) -> list[str]:
    """What backward step ``k`` received and where its gradient went."""
    parts = []
    if step.contributions:
        if len(step.contributions) > 1:
            srcs = [name(e.dst) if e is not None else "?" for e in step.contribution_edges]
            terms = " + ".join(_arr(c) for c in step.contributions)
            parts.append(QCoreApplication.translate(
                "StepsDock", "{0} gradients arrived (from {1}) and are summed: {2} = "
                "<b>{3}</b>").format(len(step.contributions), ", ".join(srcs), terms,
                                     _arr(step.grad_output)))
        elif step.contribution_edges and step.contribution_edges[0] is None \
                and k == timeline.forward_count:
            if step.grad_output is not None and step.grad_output.size != 1:
                root = name(step.node_id)
                parts.append(QCoreApplication.translate(
                    "StepsDock", "the seed v given to {0}.backward(gradient=v): {1}").format(
                    root, _arr(step.grad_output)))
            else:
                parts.append(QCoreApplication.translate(
                    "StepsDock", "the seed gradient: {0}").format(_arr(step.grad_output)))
        elif step.grad_output is not None:
            parts.append(translate("StepsDock", "received {0}").format(
                _arr(step.grad_output)))
    if step.leaf_id:
        parts.append(_accumulated(timeline, step, name(step.leaf_id)))
    elif step.edge_grads:
        pairs = [(e.src, e.dst) for e in step.edge_grads]
        as_port = translate("StepsDock", " (as {0})")
        sent = ", ".join(f"{name(e.src)}"
                         f"{as_port.format(e.dst_port) if pairs.count((e.src, e.dst)) > 1 else ''}"
                         f": {_arr(g)}" for e, g in step.edge_grads.items())
        parts.append(translate("StepsDock", "sends → {0}").format(sent))
    elif any(g is not None for g in step.grad_inputs):
        parts.append(QCoreApplication.translate(
            "StepsDock", "passes it on to the next grad_fn inside {0}").format(
            name(step.node_id)))
    return parts


def _kept_note(timeline, graph) -> str:
    """Before a run: which ``.grad`` values the previous backward left (Zero grads off)."""
    kept = [name for nid, st in timeline.state_at(-1).items() if st.grad is not None
            and (name := getattr(graph.nodes.get(nid), "name", None))]
    if not kept:
        return ""
    return (QCoreApplication.translate(
        "StepsDock", " {0} still holds the previous backward's gradient (Zero grads is off), so "
        "this backward adds to it.") if len(kept) == 1 else QCoreApplication.translate(
        "StepsDock", " {0} still hold the previous backward's gradient (Zero grads is off), so "
        "this backward adds to it.")).format(", ".join(n + ".grad" for n in kept))


def _accumulated(timeline, step, leaf: str) -> str:
    """What AccumulateGrad did: previous .grad + received = new .grad."""
    if step.new_grad is None:
        return translate("StepsDock", "{0}.grad unchanged").format(leaf)
    before = timeline.node_state(step.leaf_id, step.index - 1).grad
    if before is None:
        return QCoreApplication.translate(
            "StepsDock", "{0}.grad was None, so it becomes what arrived: {1}").format(
            leaf, _arr(step.new_grad))
    received = step.grad_output if step.grad_output is not None else step.new_grad - before
    return QCoreApplication.translate(
        "StepsDock", "{0}.grad accumulates: {1} (previous .grad) + {2} (received) = "
        "<b>{3}</b>").format(leaf, _arr(before), _arr(received), _arr(step.new_grad))


def _describe_hook(step, k: int, name) -> str:
    before, after, printed = step.hook
    title = translate("StepsDock", "Step {0} · {1}").format(k + 1, html_escape(step.label))
    parts = [f"<b>{title}</b>",
             translate("StepsDock", "The gradient for {0} is complete: {1}. Its hook "
                       "(registered with {0}.register_hook) runs before it flows on").format(
                 name(step.node_id), _arr(before))]
    if printed is not None:
        parts.append(translate("StepsDock", "prints: <code>{0}</code>").format(
            html_escape(printed)))
    else:
        parts.append(translate("StepsDock", "and replaces it with <b>{0}</b>").format(
            _arr(after)))
    return "<br>".join(parts)


def _describe_inner(timeline, step, k: int, graph, name) -> str:
    """An inner backward step: which grad_fn ran inside which Grad node, what it received and
    sent, and the Grad node's result when the gradient reaches its ``inputs``."""
    within = name(step.within)
    title = translate("StepsDock", "Step {0} · {1}").format(k + 1, step.name)
    parts = [f"<b>{title}</b> ({name(step.node_id)}) " + translate(
        "StepsDock", "inside {0}: <code>{1}</code>").format(
        within, html_escape(step_line(graph, step.within)))]
    group = timeline.inner_group(k)
    if group and k == group[0]:
        parts.append(translate("StepsDock", "{0}'s inner backward starts at {1} with the seed "
                               "{2}").format(within, name(step.node_id), _arr(step.grad_output)))
    elif step.grad_output is not None:
        parts.append(translate("StepsDock", "received {0}").format(_arr(step.grad_output)))
    result = result_edge(step)
    if result is not None:
        parts.append(translate("StepsDock", "the gradient w.r.t. {0} is {1}'s result: <b>{2}</b> "
                               "({0}.grad is not touched)").format(
            name(result.src), within, _arr(step.grad_output)))
    sent = [(e, g) for e, g in step.edge_grads.items() if e.dst != step.within]
    if sent:
        parts.append(translate("StepsDock", "sends → {0}").format(", ".join(
            f"{name(e.src)}: {_arr(g)}" for e, g in sent)))
    parts.append(translate("StepsDock", "create_graph=True: these gradient ops are recorded, so "
                           "the backward from the loss can run through them later"))
    return "<br>".join(parts)


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""The Steps dock's rows and step descriptions for a session.

A :class:`~graphstudio.run.session_timeline.SessionTimeline` is listed section by section: a
header per action ("forward", "backward #1", "zero_()", "backward #3" with its step count),
then its steps; a print is a row of its own that shows what it printed. The dock's
:func:`~graphstudio.ui.run.steps_dock.step_rows` and ``describe_step`` hand sessions here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["describe_action", "section_title", "session_rows"]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def section_title(section) -> str:
    """A section's title in the reader's language ("zero_()" and "print" are code)."""
    if section.kind == "backward":
        return QCoreApplication.translate("StepsDock", "backward #{0}").format(section.number)
    if section.kind == "forward":
        return (QCoreApplication.translate("StepsDock", "forward under torch.no_grad()")
                if section.no_grad else QCoreApplication.translate("StepsDock", "forward"))
    return section.title


def session_rows(timeline, graph, step_line) -> list[tuple[str, int, str, str]]:
    """(kind, k, title, subtitle) rows, as :func:`step_rows` gives for one run;
    ``step_line(graph, node_id)`` writes a forward step's PyTorch line."""
    rows = [("start", -1, QCoreApplication.translate("StepsDock", "Before the session"),
             QCoreApplication.translate("StepsDock", "nothing computed yet"))]
    for section in timeline.sections:
        n = sum(1 for s in timeline.steps[section.first:section.first + section.count]
                if s.kind != "print")
        count = (QCoreApplication.translate("StepsDock", "{0} step") if n == 1 else
                 QCoreApplication.translate("StepsDock", "{0} steps"))
        title = section_title(section) + (" · " + count.format(n) if n else "")
        rows.append(("header", -2, title, ""))
        for step in timeline.steps[section.first:section.first + section.count]:
            rows.append(_row(step, graph, step_line, section.no_grad))
    return rows


def _row(step, graph, step_line, no_grad: bool):
    if step.kind == "forward":
        line = step_line(graph, step.node_id) or step.label
        return ("forward", step.index, "    " + line if no_grad else line, step.label)
    if step.kind == "backward":
        node = graph.nodes.get(step.node_id) if step.node_id else None
        who = node.name if node else "?"
        return ("backward", step.index, step.name, f"→ {who}.grad" if step.leaf_id else who)
    first = step.output.strip("\n").split("\n")[0] if step.output else ""
    return (step.kind, step.index, step.label, first)


def describe_action(timeline, k: int, graph) -> str:
    """Rich text for a zero_() or print step."""
    step = timeline.steps[k]
    number = QCoreApplication.translate("StepsDock", "Step {0}").format(k + 1)
    head = f"<b>{number} · {_esc(step.kind)}</b><br><code>{_esc(step.label)}</code>"
    if step.kind == "print":
        out = _esc(step.output.rstrip("\n")).replace("\n", "<br>").replace(" ", "&nbsp;")
        prints = QCoreApplication.translate("StepsDock", "prints:")
        return f"{head}<br>{prints}<br><code>{out}</code>"
    node = graph.nodes.get(step.node_id) if step.node_id else None
    name = node.name if node is not None else "?"
    return f"{head}<br>" + QCoreApplication.translate(
        "StepsDock", "{0}.grad is set to zeros in place: it stays a tensor (not None), and the "
        "next backward adds to those zeros.").format(_esc(name))

"""The exported program of a document with a session: its actions in order.

:mod:`graphstudio.pytorch.export` writes the docstring and the imports, then hands its exporter
here: each :class:`~graphstudio.graph.session_actions.Forward` writes the statements of the
nodes it computes (inside ``with torch.no_grad():`` when it ran without grad), and every other
action its own line (:func:`~graphstudio.run.session_print.action_code`), so running the script
with PyTorch prints what ``graphstudio run`` prints for the document.
"""

from __future__ import annotations

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.session_actions import Backward, Forward
from graphstudio.run.session_print import action_code

__all__ = ["write_session"]


def write_session(exporter) -> None:
    """Append the session to ``exporter`` (its ``graph``, ``emit``, ``statement``, ``shapes``,
    ``rg`` and ``spans``: the line span of each node's first statement)."""
    g = exporter.graph
    retained = set(g.run.get("retain_grad", ()))
    for i, action in enumerate(g.run["session"]):
        if not isinstance(action, Forward):
            root_shape = None
            if isinstance(action, Backward) and action.node in exporter.shapes:
                root_shape = exporter.shapes[action.node].shape
            exporter.emit(action_code(g, action, root_shape))
            continue
        if i:
            exporter.emit()
        indent = 0
        if action.no_grad:
            exporter.emit("with torch.no_grad():")
            indent = 4
        order = g.topological_order(action.nodes)
        for nid in order:
            node = g.nodes[nid]
            first = exporter.emit(exporter.statement(node, indent), indent)
            exporter.spans.setdefault(nid, (first, len(exporter.lines)))
            outs = NODE_TYPES[node.type].output_names
            if nid in retained and not action.no_grad and not NODE_TYPES[node.type].has_tensor \
                    and exporter.rg.get((nid, outs[0] if outs else "out")):
                exporter.emit(f"{node.name}.retain_grad()", indent)
        if not order:
            exporter.emit("pass  # nothing to compute", indent)

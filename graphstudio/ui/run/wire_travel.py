"""Which wires a step's dots travel along, and what cards and wires show meanwhile."""

from __future__ import annotations

from graphstudio.ui.run.display import EdgeDisplay, edge_display, node_display

__all__ = ["travelling_wires"]


def travelling_wires(scene, graph, tl, k: int, stale: bool):
    """(what deferred items show while the dots travel, [(edge item, reverse)]) for step
    ``k``: forward, into the node it computes; backward, along the wires carrying gradient."""
    step = tl.steps[k]
    pre, wires = {}, []
    if step.kind == "forward":
        for e in step.input_edges:
            item = scene.edge_item(e)
            if item is not None:
                wires.append((item, False))
        if wires and step.node_id is not None:
            before = node_display(tl, k - 1, step.node_id, stale, graph)
            from dataclasses import replace

            from graphstudio.ui.canvas.preview import NodeRunState

            pre[step.node_id] = (replace(before, highlight="forward") if before is not None
                                 else NodeRunState(highlight="forward"))
    else:
        inner = step.kind == "inner"
        for e in step.edge_grads:
            item = scene.edge_item(e)
            if item is not None:
                # a gradient travels backward, except the one a Grad node receives as its
                # result (along its inputs wire)
                wires.append((item, not (inner and e.dst == step.within
                                         and e.dst_port == "inputs")))
                old = edge_display(tl, k - 1, e, stale=stale)
                pre[e] = EdgeDisplay(old.grad, step.kind if inner else "backward",
                                     old.greyed, old.stale, old.inner or inner)
    return pre, wires

"""Which node is the loss (the backward root): the one rule the runner, training, export and
gradient checks share.

The loss is the node the document names (``run.loss``) or else the single scalar tensor whose
consumers are all Output nodes; an Output node stands for the node it shows. What "scalar" means
is the caller's: the runner asks the values a forward computed, the tools that work before any
run (training, export, gradient checks) ask the inferred shapes. The two agree whenever shape
inference is right; the runner cannot use the shapes' answer because a node the forward could not
compute must not be chosen, and the tools cannot use values they have not computed yet.
"""

from __future__ import annotations

from collections.abc import Callable

from graphstudio.engine.graph import Graph
from graphstudio.engine.nodetypes import NODE_TYPES

__all__ = ["NO_LOSS", "SEVERAL_LOSSES", "pick_loss"]

NO_LOSS = "no loss node: choose one"
SEVERAL_LOSSES = "several scalar outputs: choose the loss node"


def pick_loss(graph: Graph, ref: str | None,
              is_scalar: Callable[[str], bool]) -> tuple[str | None, str | None]:
    """``(loss node id, None)``, or ``(None, reason for a person)`` when there is none.

    ``ref``: the chosen node's id (None: the single sink for which ``is_scalar(node_id)`` holds).
    An Output node gives the node that feeds it.
    """
    if ref is None:
        sinks = [nid for nid, node in graph.nodes.items()
                 if NODE_TYPES[node.type].outputs
                 and all(graph.nodes[e.dst].type == "output" for e in graph.outgoing(nid))
                 and is_scalar(nid)]
        if len(sinks) != 1:
            return None, NO_LOSS if not sinks else SEVERAL_LOSSES
        ref = sinks[0]
    if ref not in graph.nodes:
        return None, f"the loss node {ref!r} is not in the graph"
    node = graph.nodes[ref]
    if node.type == "output":
        edge = graph.incoming(ref).get("input")
        if edge is None:
            return None, f"{node.name} has no input"
        ref = edge.src
    return ref, None

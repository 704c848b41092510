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

from collections.abc import Callable, Container

from graphstudio.graph.model import Graph
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.shape_inference import infer_shapes

__all__ = ["NO_LOSS", "SEVERAL_LOSSES", "NodeLookupError", "failed_loss_reason", "pick_loss",
           "output_aliases", "resolve_loss", "resolve_node", "sinks"]

NO_LOSS = "no loss node: choose one"
SEVERAL_LOSSES = "several scalar outputs: choose the loss node"


class NodeLookupError(ValueError):
    """No node has that name, or no node can be the loss; the message is for a person."""


def pick_loss(graph: Graph, ref: str | None,
              is_scalar: Callable[[str], bool]) -> tuple[str | None, str | None]:
    """``(loss node id, None)``, or ``(None, reason for a person)`` when there is none.

    ``ref``: the chosen node's id (None: the single sink for which ``is_scalar(node_id)`` holds).
    An Output node gives the node that feeds it.
    """
    if ref is None:
        found = sinks(graph, is_scalar)
        if len(found) != 1:
            return None, NO_LOSS if not found else SEVERAL_LOSSES
        ref = found[0]
    if ref not in graph.nodes:
        return None, f"the loss node {ref!r} is not in the graph"
    node = graph.nodes[ref]
    if node.type == "output":
        edge = graph.incoming(ref).get("input")
        if edge is None:
            return None, f"{node.name} has no input"
        ref = edge.src
    return ref, None


def sinks(graph: Graph, keep: Callable[[str], bool]) -> list[str]:
    """Nodes with an output whose consumers are all Output nodes (the automatic loss's
    candidates) for which ``keep(node_id)`` holds, in graph order."""
    return [nid for nid, node in graph.nodes.items()
            if NODE_TYPES[node.type].outputs
            and all(graph.nodes[e.dst].type == "output" for e in graph.outgoing(nid))
            and keep(nid)]


def failed_loss_reason(graph: Graph, errors: dict[str, str],
                       is_scalar_shape: Callable[[str], bool]) -> str | None:
    """Why there is no automatic loss when the one that would be chosen could not be computed
    (None when no candidate failed: then there simply is none).

    A candidate failed when it is a sink in ``errors`` whose inferred shape is scalar, or whose
    shape is unknown because one of its inputs failed. The reason names it and, when its error
    comes from further up, the node where the failure started.
    """
    def failed(nid):
        return nid in errors and (is_scalar_shape(nid) or any(
            e.src in errors for e in graph.incoming(nid).values()))

    found = sinks(graph, failed)
    if not found:
        return None
    if len(found) > 1:
        names = ", ".join(repr(graph.nodes[nid].name) for nid in found[:4])
        return f"no scalar output could be computed: {names} failed (see their errors)"
    nid = found[0]
    reason = f"the loss {graph.nodes[nid].name!r} could not be computed: {errors[nid]}"
    origin = nid
    seen = {nid}
    while (up := next((e.src for e in graph.incoming(origin).values()
                       if e.src in errors and e.src not in seen), None)) is not None:
        origin = up
        seen.add(up)
    if origin != nid:
        reason += f"; {graph.nodes[origin].name}: {errors[origin]}"
    return reason


def resolve_node(graph: Graph, ref: str, what: str = "node") -> str:
    """The id of the node with id or name ``ref`` (ids win); NodeLookupError when absent."""
    if ref in graph.nodes:
        return ref
    node = graph.node_by_name(ref)
    if node is None:
        raise NodeLookupError(f"no {what} {ref!r} in the graph")
    return node.id


def resolve_loss(graph: Graph, loss: str | None = None) -> str:
    """The backward root's node id, chosen like a run does.

    ``loss`` (id or name), else the document's run option, else the single scalar tensor whose
    consumers are all Output nodes. An Output node stands for the node it shows. The rule is
    :func:`~graphstudio.graph.lookup.pick_loss`'s, judged on the inferred shapes.
    """
    ref = loss if loss is not None else graph.run.get("loss")
    shapes = {}

    def is_scalar(nid):  # by the inferred shapes (nothing has run yet)
        if not shapes:
            shapes.update(infer_shapes(graph))
        return shapes[nid].shape == () and shapes[nid].dtype != "number"

    nid, reason = pick_loss(graph, None if ref is None else resolve_node(graph, ref, "loss node"),
                            is_scalar)
    if reason:
        raise NodeLookupError(reason)
    return nid


def output_aliases(graph: Graph, exclude: Container[str] = ()) -> dict[str, list[str]]:
    """Output nodes show the node wired into them: ``{source id: [output ids]}`` (outputs in
    ``exclude`` left out). The one rule the run's timeline and the canvas both follow."""
    aliases: dict[str, list[str]] = {}
    for nid, node in graph.nodes.items():
        if node.type == "output" and nid not in exclude:
            edge = graph.incoming(nid).get("input")
            if edge is not None:
                aliases.setdefault(edge.src, []).append(nid)
    return aliases

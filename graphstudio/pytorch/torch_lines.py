"""The one generator of a node's PyTorch line: ``name = torch.…(inputs)``.

The Inspector, the Steps dock, the Code dock and the exporter all write a node the same way:
its inputs are the names of the nodes feeding it, an output of a multi-output node is indexed
(``m[0]`` for ``torch.max(x, dim=1)``'s values, as the exported script runs it), and an Output
node prints what it shows. Only how a tensor's values are written differs by reader (the
exporter wraps long literals, the panels abbreviate them); that text is passed in.
"""

from __future__ import annotations

from collections.abc import Callable

from graphstudio.graph.model import Edge, Graph, Node
from graphstudio.graph.node_table import NODE_TYPES

__all__ = ["SHORT_LINE", "argument_names", "node_statement", "output_reference", "short_statement"]

#: A tensor node's line longer than this shows ``torch.tensor(…)`` in the Steps list.
SHORT_LINE = 60


def output_reference(graph: Graph, edge: Edge) -> str:
    """How code names the value an edge carries: ``x``, or ``m[0]`` for a multi-output node."""
    src = graph.nodes[edge.src]
    outs = NODE_TYPES[src.type].output_names
    if len(outs) > 1:
        return f"{src.name}[{outs.index(edge.src_port)}]"
    return src.name


def argument_names(graph: Graph, node_id: str,
                   unconnected: Callable[[str], str | None]) -> dict[str, str]:
    """``{input port: expression}`` for ``node_id``; an unconnected port reads
    ``unconnected(port)`` (left out when that is None)."""
    nt = NODE_TYPES[graph.nodes[node_id].type]
    incoming = graph.incoming(node_id)
    args = {}
    for port in nt.inputs:
        edge = incoming.get(port.name)
        if edge is not None:
            args[port.name] = output_reference(graph, edge)
        else:
            text = unconnected(port.name) if not port.optional else None
            if text is not None:
                args[port.name] = text
    return args


def node_statement(graph: Graph, node: Node, tensor_expression: str | None = None,
                   unconnected: Callable[[str], str | None] = lambda port: f"‹{port}›",
                   print_outputs: bool = True) -> str:
    """``name = expr``. ``tensor_expression`` is the creating call of an Input/Parameter/
    Constant as the caller writes values (default: the node type's own, random initializers
    as calls). An Output node reads ``print(expr)`` for a person; a script that prints later
    (``print_outputs=False``) names it ``shown = expr``."""
    nt = NODE_TYPES[node.type]
    if nt.has_tensor:
        expr = (tensor_expression if tensor_expression is not None
                else nt.torch_line(node, {}, explicit=False))
    else:
        expr = nt.torch_line(node, argument_names(graph, node.id, unconnected))
    if not nt.outputs and print_outputs:
        return f"print({expr})" if expr else ""
    return f"{node.name} = {expr}"


def short_statement(statement: str, node: Node) -> str:
    """A tensor node's statement for a one-line list: long explicit values become ``…``."""
    if NODE_TYPES[node.type].has_tensor and len(statement) > SHORT_LINE:
        rg = ", requires_grad=True" if node.attrs.get("requires_grad") else ""
        return f"{node.name} = torch.tensor(…{rg})"
    return statement

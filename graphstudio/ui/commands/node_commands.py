"""Commands on nodes: add, remove, move, rename, set an attribute or a tensor."""

from __future__ import annotations

from collections.abc import Mapping

from graphstudio.graph.model import Graph, GraphError, TensorSpec, same_value
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.commands.base import (
    GraphCommand,
    node_problem,
    plural,
    port_kind,
    type_label,
)


class AddNodeCommand(GraphCommand):
    """Add a node of ``type_id`` with its top-left corner at ``pos``.

    ``connect_from`` wires the new node to an existing port: ``(src_id, src_port)`` connects
    that output to the new node's first input; ``(dst_id, dst_port, "input")`` connects the new
    node's first output into that input. :attr:`node_id` is the new node's id once pushed.
    """

    def __init__(self, graph: Graph, type_id: str, pos=(0.0, 0.0), name: str | None = None,
                 attrs: Mapping | None = None, tensor: TensorSpec | None = None,
                 connect_from: tuple | None = None):
        super().__init__(graph, f"Add {type_label(type_id)}")
        self.type_id, self.pos, self.name = type_id, pos, name
        self.attrs, self.tensor, self.connect_from = attrs, tensor, connect_from
        self.node_id: str | None = None

    def problem(self):
        nt = NODE_TYPES.get(self.type_id)
        if nt is None:
            return f"unknown node type {self.type_id!r}"
        if self.name is not None:
            p = self.graph.name_problem(self.name)
            if p:
                return p
        for k, v in (self.attrs or {}).items():
            try:
                nt.check_attr(k, v)
            except GraphError as ex:
                return str(ex)
        if self.connect_from is not None:
            node_id, port, *side = self.connect_from
            if node_id not in self.graph:
                return f"no node with id {node_id!r}"
            kind = port_kind(self.graph, node_id, port, side[0] if side else None)
            if kind is None:
                return f"{self.graph.node(node_id).name} has no port {port!r}"
            if kind == "output" and not nt.inputs:
                return f"{nt.label} has no input to connect to"
            if kind == "input" and not nt.outputs:
                return f"{nt.label} has no output to connect from"
            if kind == "input" and node_id in self.graph and \
                    self.graph.incoming(node_id).get(port) is not None:
                return f"input {port!r} of {self.graph.node(node_id).name} is already connected"
        return None

    def build(self, j):
        nt = NODE_TYPES[self.type_id]
        attrs = {k: nt.check_attr(k, v) for k, v in (self.attrs or {}).items()}
        tensor = self.tensor
        if tensor is None and nt.has_tensor:  # a seed of its own (the journal keeps it)
            tensor = nt.default_tensor(n.tensor.seed for n in self.graph
                                       if n.tensor is not None and n.tensor.seed is not None)
        node = j.add_node(self.type_id, name=self.name, pos=self.pos, attrs=attrs,
                          tensor=tensor)
        self.node_id = node.id
        if self.connect_from is not None:
            other, port, *side = self.connect_from
            if port_kind(self.graph, other, port, side[0] if side else None) == "output":
                j.connect(other, port, node.id, nt.first_input)
            else:
                j.connect(node.id, nt.first_output, other, port)


class RemoveNodesCommand(GraphCommand):
    """Delete nodes and every edge touching them; undo restores all of it exactly."""

    def __init__(self, graph: Graph, node_ids, text: str | None = None):
        ids = list(dict.fromkeys(node_ids))
        if text is None:
            if len(ids) == 1 and ids[0] in graph:
                text = f"Delete {graph.node(ids[0]).name}"
            else:
                text = f"Delete {plural(len(ids))}"
        super().__init__(graph, text)
        self.node_ids = ids

    def problem(self):
        if not self.node_ids:
            return "nothing selected to delete"
        return node_problem(self.graph, self.node_ids)

    def build(self, j):
        for nid in self.node_ids:
            j.remove_node(nid)
        gone = set(self.node_ids)
        for key, value in list(self.graph.run.items()):
            if isinstance(value, str) and value in gone:  # e.g. the loss node: no dangling id
                j.set_run_option(key, None)
            elif isinstance(value, tuple | list) and any(
                    isinstance(v, str) and v in gone for v in value):  # e.g. retain_grad ids
                kept = [v for v in value if not (isinstance(v, str) and v in gone)]
                j.set_run_option(key, type(value)(kept) if kept else None)


class MoveNodesCommand(GraphCommand):
    """Move nodes: ``moves = {id: (old_pos, new_pos)}`` (one command per drag)."""

    def __init__(self, graph: Graph, moves: Mapping[str, tuple], text: str | None = None):
        self.moves = {nid: (tuple(map(float, o)), tuple(map(float, n)))
                      for nid, (o, n) in moves.items() if tuple(o) != tuple(n)}
        if text is None:
            if len(self.moves) == 1 and next(iter(self.moves)) in graph:
                text = f"Move {graph.node(next(iter(self.moves))).name}"
            else:
                text = f"Move {plural(len(self.moves))}"
        super().__init__(graph, text)

    def problem(self):
        if not self.moves:
            return "nothing moved"
        return node_problem(self.graph, self.moves)

    def build(self, j):
        for nid, (_old, new) in self.moves.items():
            j.move_node(nid, new)


class RenameNodeCommand(GraphCommand):
    def __init__(self, graph: Graph, node_id: str, name: str):
        old = graph.node(node_id).name if node_id in graph else node_id
        super().__init__(graph, f"Rename {old} \u2192 {name}")
        self.node_id, self.name = node_id, name

    def problem(self):
        if self.node_id not in self.graph:
            return f"no node with id {self.node_id!r}"
        if self.graph.node(self.node_id).name == self.name:
            return "the name did not change"
        return self.graph.name_problem(self.name, self.node_id)

    def build(self, j):
        j.rename_node(self.node_id, self.name)


class SetAttrCommand(GraphCommand):
    """Set one attribute; the value is checked and normalised by the node type."""

    def __init__(self, graph: Graph, node_id: str, key: str, value, text: str | None = None):
        if text is None:
            name = graph.node(node_id).name if node_id in graph else node_id
            if key == "requires_grad" and isinstance(value, bool):
                text = f"{'Unfreeze' if value else 'Freeze'} {name}"
            else:
                text = f"Set {name}.{key} = {value!r}"
        super().__init__(graph, text)
        self.node_id, self.key, self.value = node_id, key, value

    def _checked(self):
        nt = NODE_TYPES[self.graph.node(self.node_id).type]
        return nt.check_attr(self.key, self.value)

    def problem(self):
        if self.node_id not in self.graph:
            return f"no node with id {self.node_id!r}"
        try:
            value = self._checked()
        except GraphError as ex:
            return str(ex)
        if same_value(self.graph.node(self.node_id).attrs.get(self.key), value):
            return f"{self.key} is already {value!r}"
        return None

    def build(self, j):
        j.set_attr(self.node_id, self.key, self._checked())


class SetTensorCommand(GraphCommand):
    def __init__(self, graph: Graph, node_id: str, spec: TensorSpec | None):
        name = graph.node(node_id).name if node_id in graph else node_id
        super().__init__(graph, f"Set tensor of {name}")
        self.node_id, self.spec = node_id, spec

    def problem(self):
        if self.node_id not in self.graph:
            return f"no node with id {self.node_id!r}"
        node = self.graph.node(self.node_id)
        if not NODE_TYPES[node.type].has_tensor:
            return f"{node.name} does not hold a tensor"
        if node.tensor == self.spec:
            return "the tensor did not change"
        return None

    def build(self, j):
        j.set_tensor(self.node_id, self.spec)


# --------------------------------------------------------------------------- wires

"""Commands on nodes: add, remove, move, rename, set an attribute or a tensor."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

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
        super().__init__(graph, QCoreApplication.translate(
            "NodeCommands", "Add {0}").format(type_label(type_id)))
        self.type_id, self.pos, self.name = type_id, pos, name
        self.attrs, self.tensor, self.connect_from = attrs, tensor, connect_from
        self.node_id: str | None = None

    def problem(self):
        nt = NODE_TYPES.get(self.type_id)
        if nt is None:
            return QCoreApplication.translate(
                "NodeCommands", "unknown node type {0}").format(repr(self.type_id))
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
                return node_problem(self.graph, [node_id])
            kind = port_kind(self.graph, node_id, port, side[0] if side else None)
            if kind is None:
                return QCoreApplication.translate("NodeCommands", "{0} has no port {1}").format(
                    self.graph.node(node_id).name, repr(port))
            if kind == "output" and not nt.inputs:
                return QCoreApplication.translate(
                    "NodeCommands", "{0} has no input to connect to").format(nt.label)
            if kind == "input" and not nt.outputs:
                return QCoreApplication.translate(
                    "NodeCommands", "{0} has no output to connect from").format(
                    nt.label)
            if kind == "input" and node_id in self.graph and \
                    self.graph.incoming(node_id).get(port) is not None:
                return QCoreApplication.translate(
                    "NodeCommands", "input {0} of {1} is already connected").format(
                    repr(port), self.graph.node(node_id).name)
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
                text = QCoreApplication.translate(
                    "NodeCommands", "Delete {0}").format(graph.node(ids[0]).name)
            else:
                text = QCoreApplication.translate(
                    "NodeCommands", "Delete {0}").format(plural(len(ids)))
        super().__init__(graph, text)
        self.node_ids = ids

    def problem(self):
        if not self.node_ids:
            return QCoreApplication.translate("NodeCommands", "nothing selected to delete")
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
                text = QCoreApplication.translate("NodeCommands", "Move {0}").format(
                    graph.node(next(iter(self.moves))).name)
            else:
                text = QCoreApplication.translate(
                    "NodeCommands", "Move {0}").format(plural(len(self.moves)))
        super().__init__(graph, text)

    def problem(self):
        if not self.moves:
            return QCoreApplication.translate("NodeCommands", "nothing moved")
        return node_problem(self.graph, self.moves)

    def build(self, j):
        for nid, (_old, new) in self.moves.items():
            j.move_node(nid, new)


class RenameNodeCommand(GraphCommand):
    def __init__(self, graph: Graph, node_id: str, name: str):
        old = graph.node(node_id).name if node_id in graph else node_id
        super().__init__(graph, QCoreApplication.translate(
            "NodeCommands", "Rename {0} \u2192 {1}").format(old, name))
        self.node_id, self.name = node_id, name

    def problem(self):
        if self.node_id not in self.graph:
            return node_problem(self.graph, [self.node_id])
        if self.graph.node(self.node_id).name == self.name:
            return QCoreApplication.translate("NodeCommands", "the name did not change")
        return self.graph.name_problem(self.name, self.node_id)

    def build(self, j):
        j.rename_node(self.node_id, self.name)


class SetAttrCommand(GraphCommand):
    """Set one attribute; the value is checked and normalised by the node type."""

    def __init__(self, graph: Graph, node_id: str, key: str, value, text: str | None = None):
        if text is None:
            name = graph.node(node_id).name if node_id in graph else node_id
            if key == "requires_grad" and isinstance(value, bool):
                text = (QCoreApplication.translate("NodeCommands", "Unfreeze {0}") if value else
                        QCoreApplication.translate("NodeCommands", "Freeze {0}")).format(name)
            else:
                text = QCoreApplication.translate(
                    "NodeCommands", "Set {0}.{1} = {2}").format(name, key, repr(value))
        super().__init__(graph, text)
        self.node_id, self.key, self.value = node_id, key, value

    def _checked(self):
        nt = NODE_TYPES[self.graph.node(self.node_id).type]
        return nt.check_attr(self.key, self.value)

    def problem(self):
        if self.node_id not in self.graph:
            return node_problem(self.graph, [self.node_id])
        try:
            value = self._checked()
        except GraphError as ex:
            return str(ex)
        if same_value(self.graph.node(self.node_id).attrs.get(self.key), value):
            return QCoreApplication.translate(
                "NodeCommands", "{0} is already {1}").format(self.key, repr(value))
        return None

    def build(self, j):
        j.set_attr(self.node_id, self.key, self._checked())


class SetTensorCommand(GraphCommand):
    def __init__(self, graph: Graph, node_id: str, spec: TensorSpec | None):
        name = graph.node(node_id).name if node_id in graph else node_id
        super().__init__(graph, QCoreApplication.translate(
            "NodeCommands", "Set tensor of {0}").format(name))
        self.node_id, self.spec = node_id, spec

    def problem(self):
        if self.node_id not in self.graph:
            return node_problem(self.graph, [self.node_id])
        node = self.graph.node(self.node_id)
        if not NODE_TYPES[node.type].has_tensor:
            return QCoreApplication.translate(
                "NodeCommands", "{0} does not hold a tensor").format(node.name)
        if node.tensor == self.spec:
            return QCoreApplication.translate("NodeCommands", "the tensor did not change")
        return None

    def build(self, j):
        j.set_tensor(self.node_id, self.spec)


# --------------------------------------------------------------------------- wires

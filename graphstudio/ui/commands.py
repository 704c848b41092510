"""Undo commands: every edit a person makes, as a QUndoCommand that changes the MODEL only.

Commands never touch a QGraphicsItem; the scene follows the model's events, so undo is right by
construction. Each command records, the first time it runs, the exact model operations it made
(with the ids and names it picked) in a :class:`_Journal`; redo replays them, undo plays their
inverses backwards and then puts the node order and fan-out order back, so undoing gives the
original document exactly (same ids, names, attributes, tensors, edges and orders).

A command that cannot be applied is refused before it lands on the stack: push commands with
:func:`try_push`, which returns the reason (a sentence for the status bar) or None::

    reason = try_push(stack, ConnectCommand(graph, "n1", "out", "n2", "input"))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from graphstudio.graph.model import Edge, Graph, GraphError, TensorSpec, same_value

__all__ = [
    "AddNodeCommand", "AutoLayoutCommand", "ConnectCommand", "DisconnectCommand",
    "GraphCommand", "MoveNodesCommand", "PasteCommand", "ReconnectCommand", "RemoveNodesCommand",
    "RenameNodeCommand", "SetAttrCommand", "SetMetaCommand", "SetRunOptionCommand",
    "SetTensorCommand", "try_push",
]


def _types():
    from graphstudio.graph.node_table import NODE_TYPES

    return NODE_TYPES


def _label(type_id: str) -> str:
    nt = _types().get(type_id)
    return nt.label if nt is not None else type_id


def _plural(n: int, word: str = "node") -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class _Journal:
    """The model operations a command made, each with its inverse."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.forward: list[Callable[[], Any]] = []
        self.backward: list[Callable[[], Any]] = []
        self.node_order: list[str] | None = None
        self.out_orders: dict[str, list[Edge]] = {}

    # each method applies one operation now and records how to redo and undo it
    def _record(self, do, undo):
        self.forward.append(do)
        self.backward.append(undo)

    def _remember_out(self, node_id: str):
        if node_id not in self.out_orders and node_id in self.graph:
            self.out_orders[node_id] = self.graph.outgoing(node_id)

    def add_node(self, type_id, name=None, pos=(0.0, 0.0), attrs=None, tensor=None, id=None):
        g = self.graph
        node = g.add_node(type_id, name=name, pos=pos, attrs=attrs, tensor=tensor, id=id)
        args = dict(name=node.name, pos=node.pos, attrs=dict(node.attrs), tensor=node.tensor,
                    id=node.id)
        self._record(lambda: g.add_node(type_id, **args), lambda: g.remove_node(node.id))
        return node

    def remove_node(self, node_id: str):
        g = self.graph
        if self.node_order is None:
            self.node_order = list(g.nodes)
        for e in g.incoming(node_id).values():
            self._remember_out(e.src)
        self._remember_out(node_id)
        node, edges = g.remove_node(node_id)
        node = node.copy()

        def restore():
            g.add_node(node.type, name=node.name, pos=node.pos, attrs=dict(node.attrs),
                       tensor=node.tensor, id=node.id)
            for e in edges:
                if e.src in g and e.dst in g:
                    g.connect(e.src, e.src_port, e.dst, e.dst_port)

        self._record(lambda: g.remove_node(node_id), restore)
        return node, edges

    def _set(self, apply, old, new):
        """A setter-style operation: ``apply(new)`` now and on redo, ``apply(old)`` on undo."""
        apply(new)
        self._record(lambda: apply(new), lambda: apply(old))

    def move_node(self, node_id, pos):
        g = self.graph
        self._set(lambda p: g.move_node(node_id, p), g.node(node_id).pos,
                  (float(pos[0]), float(pos[1])))

    def rename_node(self, node_id, name):
        g = self.graph
        self._set(lambda n: g.rename_node(node_id, n), g.node(node_id).name, name)

    def set_attr(self, node_id, key, value):
        g = self.graph
        self._set(lambda v: g.set_attr(node_id, key, v), g.node(node_id).attrs.get(key), value)

    def set_tensor(self, node_id, spec):
        g = self.graph
        self._set(lambda t: g.set_tensor(node_id, t), g.node(node_id).tensor, spec)

    def set_meta(self, key, value):
        self._set(lambda v: self.graph.set_meta(key, v), self.graph.meta.get(key), value)

    def set_run_option(self, key, value):
        self._set(lambda v: self.graph.set_run_option(key, v), self.graph.run.get(key), value)

    def connect(self, src, src_port, dst, dst_port) -> Edge:
        g = self.graph
        edge = g.connect(src, src_port, dst, dst_port)
        self._record(lambda: g.connect(src, src_port, dst, dst_port), lambda: g.disconnect(edge))
        return edge

    def disconnect(self, edge: Edge):
        g = self.graph
        self._remember_out(edge.src)
        g.disconnect(edge)
        self._record(lambda: g.disconnect(edge),
                     lambda: g.connect(edge.src, edge.src_port, edge.dst, edge.dst_port))

    # replay
    def redo(self):
        for op in self.forward:
            op()

    def undo(self):
        for op in reversed(self.backward):
            op()
        self._restore_orders()

    def _restore_orders(self):
        """Put node order and each fan-out's order back (removing then re-adding appends)."""
        g = self.graph
        nodes = self.node_order
        if nodes is not None and set(g.nodes) != set(nodes):
            nodes = None
        outs = {nid: order for nid, order in self.out_orders.items()
                if nid in g and set(g.outgoing(nid)) == set(order)}
        g.restore_order(nodes, outs)


class GraphCommand(QUndoCommand):
    """Base of all commands. Subclasses implement ``problem()`` and ``build(journal)``.

    ``problem()`` says why the command cannot run (None when it can); ``build`` performs the
    edit through the journal on the first redo. If ``build`` fails anyway, its partial work is
    rolled back, :attr:`error` holds the reason and the command marks itself obsolete so the
    stack drops it.
    """

    def __init__(self, graph: Graph, text: str = ""):
        super().__init__(text)
        self.graph = graph
        self.error: str | None = None
        self._journal: _Journal | None = None

    def problem(self) -> str | None:
        return None

    def build(self, journal: _Journal) -> None:
        """Make this command's model changes through ``journal`` (each subclass defines it)."""
        raise TypeError(f"{type(self).__name__} does not define build()")

    def redo(self):
        if self._journal is not None:
            self._journal.redo()
            return
        journal = _Journal(self.graph)
        try:
            self.build(journal)
        except Exception as ex:  # roll back whatever part was done; the stack drops us
            journal.undo()
            self.error = str(ex) or type(ex).__name__
            self.setObsolete(True)
            return
        self._journal = journal

    def undo(self):
        if self._journal is not None:
            self._journal.undo()


def try_push(stack: QUndoStack, cmd: GraphCommand) -> str | None:
    """Push ``cmd`` onto ``stack`` unless it is refused; returns the reason or None."""
    try:
        reason = cmd.problem()
    except Exception as ex:  # a validation bug must not take the window down
        reason = f"{type(ex).__name__}: {ex}"
    if reason:
        return reason
    stack.push(cmd)
    return cmd.error


def _node_problem(graph: Graph, ids) -> str | None:
    for nid in ids:
        if nid not in graph:
            return f"no node with id {nid!r}"
    return None


# --------------------------------------------------------------------------- node commands
def _port_kind(graph: Graph, node_id: str, port: str, side: str | None) -> str | None:
    """'output' or 'input' for ``port`` of ``node_id``, or None if it has no such port."""
    nt = _types()[graph.node(node_id).type]
    if side in (None, "output") and port in nt.output_names:
        return "output"
    if side in (None, "input") and port in nt.input_names:
        return "input"
    return None


class AddNodeCommand(GraphCommand):
    """Add a node of ``type_id`` with its top-left corner at ``pos``.

    ``connect_from`` wires the new node to an existing port: ``(src_id, src_port)`` connects
    that output to the new node's first input; ``(dst_id, dst_port, "input")`` connects the new
    node's first output into that input. :attr:`node_id` is the new node's id once pushed.
    """

    def __init__(self, graph: Graph, type_id: str, pos=(0.0, 0.0), name: str | None = None,
                 attrs: Mapping | None = None, tensor: TensorSpec | None = None,
                 connect_from: tuple | None = None):
        super().__init__(graph, f"Add {_label(type_id)}")
        self.type_id, self.pos, self.name = type_id, pos, name
        self.attrs, self.tensor, self.connect_from = attrs, tensor, connect_from
        self.node_id: str | None = None

    def problem(self):
        nt = _types().get(self.type_id)
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
            kind = _port_kind(self.graph, node_id, port, side[0] if side else None)
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
        nt = _types()[self.type_id]
        attrs = {k: nt.check_attr(k, v) for k, v in (self.attrs or {}).items()}
        node = j.add_node(self.type_id, name=self.name, pos=self.pos, attrs=attrs,
                          tensor=self.tensor)
        self.node_id = node.id
        if self.connect_from is not None:
            other, port, *side = self.connect_from
            if _port_kind(self.graph, other, port, side[0] if side else None) == "output":
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
                text = f"Delete {_plural(len(ids))}"
        super().__init__(graph, text)
        self.node_ids = ids

    def problem(self):
        if not self.node_ids:
            return "nothing selected to delete"
        return _node_problem(self.graph, self.node_ids)

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
                text = f"Move {_plural(len(self.moves))}"
        super().__init__(graph, text)

    def problem(self):
        if not self.moves:
            return "nothing moved"
        return _node_problem(self.graph, self.moves)

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
        nt = _types()[self.graph.node(self.node_id).type]
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
        if not _types()[node.type].has_tensor:
            return f"{node.name} does not hold a tensor"
        if node.tensor == self.spec:
            return "the tensor did not change"
        return None

    def build(self, j):
        j.set_tensor(self.node_id, self.spec)


# --------------------------------------------------------------------------- wires
def _edge_text(graph: Graph, verb: str, src, src_port, dst, dst_port) -> str:
    def nm(nid):
        return graph.node(nid).name if nid in graph else nid

    return f"{verb} {nm(src)} \u2192 {nm(dst)}.{dst_port}"


class ConnectCommand(GraphCommand):
    def __init__(self, graph: Graph, src: str, src_port: str, dst: str, dst_port: str):
        super().__init__(graph, _edge_text(graph, "Connect", src, src_port, dst, dst_port))
        self.parts = (src, src_port, dst, dst_port)

    def problem(self):
        return self.graph.connection_problem(*self.parts)

    def build(self, j):
        j.connect(*self.parts)


class DisconnectCommand(GraphCommand):
    def __init__(self, graph: Graph, edge: Edge):
        super().__init__(graph, _edge_text(graph, "Disconnect", edge.src, edge.src_port,
                                           edge.dst, edge.dst_port))
        self.edge = edge

    def problem(self):
        e = self.edge
        if e.dst not in self.graph or self.graph.incoming(e.dst).get(e.dst_port) != e:
            return f"there is no wire {e}"
        return None

    def build(self, j):
        j.disconnect(self.edge)


class ReconnectCommand(GraphCommand):
    """Move one end of a wire: ``old_edge`` becomes ``src.src_port -> dst.dst_port``."""

    def __init__(self, graph: Graph, old_edge: Edge, src: str, src_port: str, dst: str,
                 dst_port: str):
        super().__init__(graph, _edge_text(graph, "Reconnect", src, src_port, dst, dst_port))
        self.old_edge, self.parts = old_edge, (src, src_port, dst, dst_port)

    def problem(self):
        e = self.old_edge
        if e.dst not in self.graph or self.graph.incoming(e.dst).get(e.dst_port) != e:
            return f"there is no wire {e}"
        if Edge(*self.parts) == e:
            return "the wire did not change"
        return self.graph.connection_problem(*self.parts, replacing=e)

    def build(self, j):
        j.disconnect(self.old_edge)
        j.connect(*self.parts)


# --------------------------------------------------------------------------- bulk edits
class PasteCommand(GraphCommand):
    """Add the nodes (and the edges among them) of a clipboard payload.

    Place them with their bounding box's top-left at ``pos``, or shifted by ``offset`` from
    where they were copied. Ids are new; names are kept when free, else made unique.
    :attr:`node_ids` lists the new ids once pushed.
    """

    def __init__(self, graph: Graph, payload: Mapping, pos=None, offset=(30.0, 30.0),
                 text: str | None = None):
        from graphstudio.ui.canvas.clipboard import payload_nodes

        try:
            self.items, self.edges = payload_nodes(payload)
            self.bad = None
        except (ValueError, KeyError, TypeError) as ex:
            self.items, self.edges, self.bad = [], [], f"the clipboard holds no nodes ({ex})"
        super().__init__(graph, text or f"Paste {_plural(len(self.items))}")
        self.pos, self.offset = pos, offset
        self.node_ids: list[str] = []

    def problem(self):
        if self.bad:
            return self.bad
        if not self.items:
            return "the clipboard holds no nodes"
        types = _types()
        for it in self.items:
            if it["type"] not in types:
                return f"unknown node type {it['type']!r} on the clipboard"
        return None

    def build(self, j):
        xs = [it["pos"][0] for it in self.items]
        ys = [it["pos"][1] for it in self.items]
        if self.pos is not None:
            dx, dy = self.pos[0] - min(xs), self.pos[1] - min(ys)
        else:
            dx, dy = self.offset
        g, ids = self.graph, {}
        for it in self.items:
            name = it["name"] if g.name_problem(it["name"]) is None else g.unique_name(it["name"])
            node = j.add_node(it["type"], name=name, pos=(it["pos"][0] + dx, it["pos"][1] + dy),
                              attrs=it["attrs"], tensor=it["tensor"])
            ids[it["id"]] = node.id
        for e in self.edges:
            if e.src in ids and e.dst in ids:
                j.connect(ids[e.src], e.src_port, ids[e.dst], e.dst_port)
        self.node_ids = list(ids.values())


class AutoLayoutCommand(GraphCommand):
    """Arrange nodes in topological layers (left to right). ``sizes``: {id: (w, h)} if known."""

    def __init__(self, graph: Graph, node_ids=None, sizes: Mapping | None = None):
        from graphstudio.graph.auto_layout import layered_layout

        super().__init__(graph, "Auto-layout")
        new = layered_layout(graph, node_ids=node_ids, sizes=sizes)
        self.moves = {nid: p for nid, p in new.items()
                      if nid in graph and tuple(graph.node(nid).pos) != tuple(p)}

    def problem(self):
        if not self.graph.nodes:
            return "there is nothing to lay out"
        if not self.moves:
            return "the graph is already laid out"
        return None

    def build(self, j):
        for nid, p in self.moves.items():
            j.move_node(nid, p)


# --------------------------------------------------------------------------- document settings
class _SetDocumentCommand(GraphCommand):
    """Set one entry of a document dict (``graph.run`` or ``graph.meta``; None removes it)."""

    store = ""

    def __init__(self, graph: Graph, key: str, value, text: str):
        super().__init__(graph, text)
        self.key, self.value = key, value

    def problem(self):
        if same_value(getattr(self.graph, self.store).get(self.key), self.value):
            return f"{self.key} is already {self.value!r}"
        return None

    def build(self, j):
        (j.set_run_option if self.store == "run" else j.set_meta)(self.key, self.value)


class SetRunOptionCommand(_SetDocumentCommand):
    """Set a run option (``loss``, ``zero_grad``, ``retain_graph``, ...)."""

    store = "run"

    def __init__(self, graph: Graph, key: str, value, text: str | None = None):
        super().__init__(graph, key, value, text or f"Set run option {key} = {value!r}")


class SetMetaCommand(_SetDocumentCommand):
    """Set document metadata (``title``, ``notes``)."""

    store = "meta"

    def __init__(self, graph: Graph, key: str, value, text: str | None = None):
        super().__init__(graph, key, value, text or f"Set {key}")

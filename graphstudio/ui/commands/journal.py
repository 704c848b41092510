"""The exact-undo journal of one command: the model operations it made, replayed or inverted.

It records changes, never a copy of the document: a removed node keeps its place in the node
order, and each removed wire its place among its source's outgoing wires, as one number, so
undoing a delete in a 100,000-node graph holds no list of every node and puts everything back
where it was without reordering the rest (its cost is the node's own wires)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphstudio.graph.model import Edge, Graph

__all__ = ["EditJournal"]


class EditJournal:
    """The model operations a command made, each with its inverse."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.forward: list[Callable[[], Any]] = []
        self.backward: list[Callable[[], Any]] = []

    # each method applies one operation now and records how to redo and undo it
    def _record(self, do, undo):
        self.forward.append(do)
        self.backward.append(undo)

    def _out_place(self, edge: Edge) -> int:
        """Where ``edge`` is among its source's outgoing edges."""
        return self.graph.outgoing(edge.src).index(edge)

    def add_node(self, type_id, name=None, pos=(0.0, 0.0), attrs=None, tensor=None, id=None):
        g = self.graph
        node = g.add_node(type_id, name=name, pos=pos, attrs=attrs, tensor=tensor, id=id)
        args = dict(name=node.name, pos=node.pos, attrs=dict(node.attrs), tensor=node.tensor,
                    id=node.id)
        self._record(lambda: g.add_node(type_id, **args), lambda: g.remove_node(node.id))
        return node

    def remove_node(self, node_id: str):
        g = self.graph
        g.node(node_id)  # GraphError for an unknown id
        index = list(g.nodes).index(node_id)
        # each wire into the node, with its place among its source's wires; the node's own
        # outgoing wires come back in their order simply by being added in it
        places = {e: self._out_place(e) for e in g.incoming(node_id).values()}
        node, edges = g.remove_node(node_id)
        node = node.copy()

        def restore():
            g.add_node(node.type, name=node.name, pos=node.pos, attrs=dict(node.attrs),
                       tensor=node.tensor, id=node.id, index=index)
            for e in edges:
                if e.src in g and e.dst in g:
                    g.connect(e.src, e.src_port, e.dst, e.dst_port, out_index=places.get(e))

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
        outs = g.outgoing(edge.src) if edge.src in g else []
        place = outs.index(edge) if edge in outs else None
        g.disconnect(edge)
        self._record(lambda: g.disconnect(edge),
                     lambda: g.connect(edge.src, edge.src_port, edge.dst, edge.dst_port,
                                       out_index=place))

    # replay
    def redo(self):
        for op in self.forward:
            op()

    def undo(self):
        for op in reversed(self.backward):
            op()

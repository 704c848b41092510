"""The exact-undo journal of one command: the model operations it made, replayed or inverted.

It records changes, never a copy of the document: a removed node keeps its place in the node
order as one number, so undoing a delete in a 100,000-node graph holds no list of every node."""

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
        #: (place in the node order, node id) of each node removed, in the order removed
        self.removed_at: list[tuple[int, str]] = []
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
        self.removed_at.append((next(i for i, nid in enumerate(g.nodes) if nid == node_id),
                                node_id))
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
        nodes = None
        if self.removed_at:  # each removed node back at its place, the last removed first
            removed = {nid for _, nid in self.removed_at}
            nodes = [nid for nid in g.nodes if nid not in removed]
            for index, nid in reversed(self.removed_at):
                nodes.insert(index, nid)
            if len(nodes) != len(g.nodes) or set(nodes) != g.nodes.keys():
                nodes = None
        outs = {nid: order for nid, order in self.out_orders.items()
                if nid in g and set(g.outgoing(nid)) == set(order)}
        g.restore_order(nodes, outs)

"""The graph document model: nodes, edges and the change events a view or an undo stack follows.

The model is the single source of truth. Every mutation goes through one of the methods below,
which validates it, applies it, bumps ``revision`` and emits a plain-Python :class:`GraphEvent`
to every subscriber. The Qt scene mirrors these events; undo commands call these methods only.

Node types (ports, attributes, defaults) come from :mod:`graphstudio.graph.node_table`.
"""

from __future__ import annotations

import keyword
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from graphstudio.graph.elements import (DTYPES, INITS, Edge, GraphError, GraphEvent, Node,
                                        TensorSpec, same_value)
from graphstudio.graph.limits import count_problem, pos_problem, shape_problem, total_problem
from graphstudio.graph.names import NameCounter, python_name, spelled_out
from graphstudio.graph.node_order import (
    checked_order,
    move_last_to,
    new_ids,
    renumber_nodes,
    renumbered_edges,
    renumbered_run,
    topological,
)
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.reach import downstream_of, reaches, upstream_of
from graphstudio.graph.run_options import checked_run_option, json_problem

__all__ = ["DTYPES", "INITS", "Edge", "Graph", "GraphError", "GraphEvent", "Node", "TensorSpec",
           "same_value"]

#: Names the exporter uses for modules; a node may not shadow them.
RESERVED_NAMES = frozenset({"torch", "F", "nn", "print", "None", "True", "False"})

_TAKEN_WORDS = frozenset(keyword.kwlist) | RESERVED_NAMES  # no node may be called these
_ID_RE = re.compile(r"^n(\d+)$")
_ORIGIN = (0.0, 0.0)  # a new node's default place
_log = logging.getLogger("graphstudio.graph")


class Graph:
    """A computational graph document."""

    def __init__(self):
        self.nodes: dict[str, Node] = {}
        self._names: dict[str, str] = {}  # python_name(name) -> node id
        self._counter = NameCounter()
        self._in: dict[str, dict[str, Edge]] = {}
        self._out: dict[str, list[Edge]] = {}
        self.meta: dict[str, Any] = {}
        self.run: dict[str, Any] = {}
        self.revision = 0
        self._next_id = 1
        self._elements = 0  # in the nodes' tensors, kept within the file's limit
        self._edge_count = 0
        self._type_counts: Counter[str] = Counter()
        self._listeners: list[Callable[[GraphEvent], None]] = []

    # ----------------------------------------------------------------- events
    def subscribe(self, callback: Callable[[GraphEvent], None]) -> Callable[[], None]:
        """Call ``callback(event)`` after every change; returns a function that unsubscribes.

        An exception from ``callback`` is logged and does not reach the code making the change
        (see :meth:`_emit`)."""
        self._listeners.append(callback)

        def unsubscribe():
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe

    def _emit(self, event: GraphEvent):
        """Tell every listener. The change is already applied, so a listener that raises must
        not keep the others from hearing it (they would drift from the model) nor undo it
        half-way: its exception is logged (with traceback) on the ``graphstudio`` logger, which
        the window writes to its log file, and the remaining listeners still run."""
        self.revision += 1
        for cb in list(self._listeners):
            try:
                cb(event)
            except Exception:
                _log.exception("a graph listener (%r) failed on %s", cb, event.kind)

    def _tell(self, kind: str, node_id: str, **fields) -> None:
        """:meth:`_emit` for the busiest changes: no event object when nobody listens."""
        if self._listeners:
            self._emit(GraphEvent(kind, node_id, **fields))
        else:  # a graph being built (the code importer's): only the revision changes
            self.revision += 1

    # ----------------------------------------------------------------- queries
    @property
    def edges(self) -> list[Edge]:
        """All edges, grouped by destination node in node order, then by input port order."""
        out = []
        for nid in self.nodes:
            out.extend(self._in[nid].values())
        return out

    @property
    def edge_count(self) -> int:
        """How many edges there are (``len(edges)`` without building the list)."""
        return self._edge_count

    def type_counts(self) -> dict[str, int]:
        """How many nodes of each type there are, types in the order first added."""
        return {t: k for t, k in self._type_counts.items() if k}

    def node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise GraphError(f"no node with id {node_id!r}") from None

    def node_by_name(self, name: str) -> Node | None:
        nid = self._names.get(python_name(name)) if isinstance(name, str) else None
        return None if nid is None or self.nodes[nid].name != name else self.nodes[nid]

    def incoming(self, node_id: str) -> dict[str, Edge]:
        """Edges into ``node_id`` keyed by input port name."""
        return dict(self._in[node_id])

    def outgoing(self, node_id: str) -> list[Edge]:
        return list(self._out[node_id])

    def topological_order(self, node_ids: Iterable[str] | None = None) -> list[str]:
        """Deterministic topological order (Kahn; ties broken by insertion order)."""
        ids = list(self.nodes)
        if node_ids is not None:
            keep = set(node_ids)
            ids = [i for i in ids if i in keep]
        return topological(ids, self._in, self._out)

    def neighbours(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Each node's sources (input port order) and consumers (outgoing edge order)."""
        preds = {nid: [e.src for e in ins.values()] for nid, ins in self._in.items()}
        succs = {nid: [e.dst for e in outs] for nid, outs in self._out.items()}
        return preds, succs

    def upstream(self, node_id: str) -> set[str]:
        """Ids of every node ``node_id`` depends on (not including itself)."""
        return upstream_of(self._in, node_id)

    def downstream(self, node_id: str) -> set[str]:
        return downstream_of(self._out, node_id)

    def __len__(self):
        return len(self.nodes)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes.values())

    def __contains__(self, node_id) -> bool:
        return node_id in self.nodes

    # ----------------------------------------------------------------- names and ids
    def new_id(self) -> str:
        while f"n{self._next_id}" in self.nodes:
            self._next_id += 1
        return f"n{self._next_id}"

    def name_problem(self, name: str, node_id: str | None = None) -> str | None:
        """Why ``name`` cannot be used for node ``node_id`` (None when it can)."""
        if type(name) is str and name.isascii() and name.isidentifier() and name not in \
                _TAKEN_WORDS and name not in self._names:  # the usual case, at once
            return None
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            return (f"{name!r} is not a valid name: use letters, digits and _, "
                    "not starting with a digit")
        same = python_name(name)
        if keyword.iskeyword(same) or same in RESERVED_NAMES:
            return f"{name!r} is reserved (the exported PyTorch script uses it)"
        other = self.nodes[self._names[same]] if same in self._names else None
        if other is not None and other.id != node_id:
            if other.name != name:  # e.g. fullwidth ｘ and x: one variable in Python
                return (f"{spelled_out(name)} is the same Python name as "
                        f"{spelled_out(other.name)}, another node's name")
            return f"the name {name!r} is already used by another node"
        return None

    def unique_name(self, base: str) -> str:
        """A free name like ``base`` (as Python reads it): ``base``, else ``base1``, ``base2``..."""
        base = python_name(base or "node")
        if not (base.isascii() and base.isidentifier()):  # else nothing to replace
            base = re.sub(r"\W", "_", base)
        if not base or base[0].isdigit():
            base = "n_" + base
        if keyword.iskeyword(base) or base in RESERVED_NAMES:
            base = base + "_"
        return self._counter.free(base, self._names)

    # ----------------------------------------------------------------- node edits
    def add_node(self, type: str, name: str | None = None, pos=_ORIGIN,
                 attrs: dict | None = None, tensor: TensorSpec | None = None,
                 id: str | None = None, index: int | None = None) -> Node:
        """Add a node of registry type ``type``; missing attributes take their defaults.

        ``index``: its place in the node order (default: last); undo puts a deleted node back
        where it was with it."""
        spec = NODE_TYPES.get(type)
        if spec is None:
            raise GraphError(f"unknown node type {type!r}")
        if id is None:
            id = self.new_id()
            self._next_id += 1
        elif id in self.nodes:
            raise GraphError(f"a node with id {id!r} already exists")
        elif not isinstance(id, str) or not id:
            raise GraphError(f"invalid node id {id!r}")
        elif m := _ID_RE.match(id):
            self._next_id = max(self._next_id, int(m.group(1)) + 1)
        if problem := count_problem(len(self.nodes) + 1):
            raise GraphError(problem)
        if pos is not _ORIGIN:
            pos = _checked_pos(pos)
        if name is None:
            name = self.unique_name(spec.default_name)
        if problem := self.name_problem(name):
            raise GraphError(problem)
        full = spec.attr_defaults.copy()
        for k, v in (attrs or {}).items():
            full[k] = spec.check_attr(k, v)
        if tensor is None and spec.has_tensor:
            tensor = spec.default_tensor()
        elif tensor is not None and not spec.has_tensor:
            raise GraphError(f"{type} nodes hold no tensor")
        numel = 0 if tensor is None else self._check_tensor(tensor)
        node = Node(id, type, name, pos, full, tensor)
        self._elements += numel
        self.nodes[id] = node
        if index is not None and index < len(self.nodes) - 1:
            move_last_to(self.nodes, max(0, index))
        self._type_counts[type] += 1
        self._names[python_name(name)] = id
        self._in[id] = {}
        self._out[id] = []
        self._tell("node_added", id, new=node)
        return node

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Remove a node and its edges; returns (node, removed edges) for undo."""
        node = self.node(node_id)
        removed = list(self._in[node_id].values()) + list(self._out[node_id])
        for e in removed:
            self.disconnect(e)
        del self.nodes[node_id], self._in[node_id], self._out[node_id]
        del self._names[python_name(node.name)]
        self._counter.release(node.name)
        self._type_counts[node.type] -= 1
        self._elements -= 0 if node.tensor is None else node.tensor.numel
        self._emit(GraphEvent("node_removed", node_id, old=node))
        return node, removed

    def move_node(self, node_id: str, pos) -> None:
        node = self.node(node_id)
        new = _checked_pos(pos)
        if new == node.pos:
            return
        old, node.pos = node.pos, new
        self._tell("node_moved", node_id, old=old, new=new)

    def place_nodes(self, places: Mapping[str, Sequence[float]]) -> None:
        """Move many nodes at once (a layout): ``{node id: (x, y)}``, every id and place checked
        before any node moves; a ``node_moved`` event for each node that moved."""
        nodes, node = self.nodes, self.node
        moves = [(nodes.get(nid) or node(nid), _checked_pos(pos)) for nid, pos in places.items()]
        for node, new in moves:
            if new != node.pos:
                old, node.pos = node.pos, new
                self._tell("node_moved", node.id, old=old, new=new)

    def rename_node(self, node_id: str, name: str) -> None:
        node = self.node(node_id)
        if name == node.name:
            return
        if problem := self.name_problem(name, node_id):
            raise GraphError(problem)
        old, node.name = node.name, name
        del self._names[python_name(old)]
        self._counter.release(old)
        self._names[python_name(name)] = node_id
        self._emit(GraphEvent("node_renamed", node_id, old=old, new=name))

    def set_attr(self, node_id: str, key: str, value) -> None:
        node = self.node(node_id)
        if key not in node.attrs:
            raise GraphError(f"{node.type} node {node.name!r} has no attribute {key!r}")
        value = NODE_TYPES[node.type].check_attr(key, value)
        old = node.attrs[key]
        if same_value(old, value):
            return
        node.attrs[key] = value
        self._emit(GraphEvent("attr_changed", node_id, key=key, old=old, new=value))

    def set_tensor(self, node_id: str, tensor: TensorSpec | None) -> None:
        node = self.node(node_id)
        if node.tensor == tensor:
            return
        if tensor is None or not NODE_TYPES[node.type].has_tensor:
            raise GraphError(f"{node.type} node {node.name!r} "
                             + ("needs a tensor" if tensor is None else "holds no tensor"))
        grown = self._check_tensor(tensor, 0 if node.tensor is None else node.tensor.numel)
        self._elements += grown
        old, node.tensor = node.tensor, tensor
        self._emit(GraphEvent("tensor_changed", node_id, old=old, new=tensor))

    def _check_tensor(self, tensor: TensorSpec, replacing: int = 0,
                      counting_gradient: bool = True) -> int:
        """GraphError, in the file reader's words, when ``tensor`` (replacing one of
        ``replacing`` elements) is more than a graph file holds: too many dimensions or
        elements, or too many elements in the document's tensors together (the run's gradient
        seed counts, as the reader counts it). Returns the change in the nodes' elements."""
        if problem := shape_problem(tensor.shape):
            raise GraphError(problem)
        grown = tensor.numel - replacing
        grad = self.run.get("gradient") if counting_gradient else None
        total = self._elements + grown + (grad.numel if isinstance(grad, TensorSpec) else 0)
        if grown > 0 and (problem := total_problem(total)):
            raise GraphError(problem)
        return grown

    # ----------------------------------------------------------------- edges
    def connection_problem(self, src: str, src_port: str, dst: str, dst_port: str,
                           replacing: Edge | None = None) -> str | None:
        """Why this wire cannot be made (None when it can). ``replacing`` is ignored as occupant."""
        if src not in self.nodes:
            return f"no node with id {src!r}"
        if dst not in self.nodes:
            return f"no node with id {dst!r}"
        reg = NODE_TYPES
        s, d = self.nodes[src], self.nodes[dst]
        if src_port not in reg[s.type].output_names:
            return f"{s.name} has no output port {src_port!r}"
        if dst_port not in reg[d.type].input_names:
            return f"{d.name} has no input port {dst_port!r}"
        if src == dst:
            return f"cannot connect {s.name} to itself"
        occupant = self._in[dst].get(dst_port)
        if occupant is not None and occupant != replacing:
            if occupant.src == src and occupant.src_port == src_port:
                return f"{s.name} is already connected to {d.name}.{dst_port}"
            other = self.nodes[occupant.src].name
            return f"input {dst_port!r} of {d.name} is already connected (to {other})"
        if self._out[dst] and reaches(self._out, self._in, dst, src):
            return f"connecting {s.name} to {d.name} would create a cycle"
        return None

    def connect(self, src: str, src_port: str, dst: str, dst_port: str,
                out_index: int | None = None) -> Edge:
        """Wire ``src.src_port`` to ``dst.dst_port``. ``out_index``: the wire's place among
        ``src``'s outgoing edges (default: last); undo puts a removed wire back with it."""
        problem = self.connection_problem(src, src_port, dst, dst_port)
        if problem:
            raise GraphError(problem)
        return self._add_edge(Edge(src, src_port, dst, dst_port), out_index)

    def _add_edge(self, edge: Edge, out_index: int | None = None) -> Edge:
        """Add an edge already known to be valid (the file loader checks cycles in bulk)."""
        src, dst, dst_port = edge.src, edge.dst, edge.dst_port
        # keep incoming edges in the input ports' declared order
        ins = self._in[dst]
        ins[dst_port] = edge
        if len(ins) > 1:  # already in order unless a port declared after this one is wired
            order = NODE_TYPES[self.nodes[dst].type].input_names
            later = order[order.index(dst_port) + 1:]
            if later and not ins.keys().isdisjoint(later):
                self._in[dst] = {p: ins[p] for p in order if p in ins}
        outs = self._out[src]
        outs.insert(len(outs) if out_index is None else out_index, edge)
        self._edge_count += 1
        self._tell("edge_added", dst, edge=edge)
        return edge

    def disconnect(self, edge: Edge) -> None:
        if self._in.get(edge.dst, {}).get(edge.dst_port) != edge:
            raise GraphError(f"no such edge: {edge}")
        del self._in[edge.dst][edge.dst_port]
        self._out[edge.src].remove(edge)
        self._edge_count -= 1
        self._emit(GraphEvent("edge_removed", edge.dst, edge=edge))

    def restore_order(self, node_order: Sequence[str] | None = None,
                      out_orders: Mapping[str, Sequence[Edge]] | None = None) -> bool:
        """Reorder ``nodes`` to ``node_order`` and each ``out_orders`` node's outgoing edges.

        Removing then re-adding a node or edge appends it; undo calls this to put the order back.
        Order is part of the document (the saved file, ``edges``, ties in
        :meth:`topological_order` and so the exported script), so a change emits one neutral
        ``order_changed`` event (old and new: ``(node ids, {node id: outgoing edges})``) and
        bumps ``revision``; nothing is added, removed or altered. Each order must be a
        permutation of the current contents (GraphError otherwise, before anything changes).
        Returns whether anything moved.
        """
        new_nodes = None
        if node_order is not None:
            new_nodes = checked_order(node_order, self.nodes)
            if new_nodes == list(self.nodes):
                new_nodes = None
        new_outs = {}
        for nid, order in (out_orders or {}).items():
            current = self._out[self.node(nid).id]
            order = list(order)
            if len(order) != len(current) or set(order) != set(current):
                raise GraphError(f"the order given is not a reordering of the outgoing edges of "
                                 f"{self.nodes[nid].name}")
            if order != current:
                new_outs[nid] = order
        if new_nodes is None and not new_outs:
            return False
        old = (tuple(self.nodes), {nid: tuple(self._out[nid]) for nid in new_outs})
        if new_nodes is not None:  # in place: a held reference to ``nodes`` stays current
            items = [(nid, self.nodes[nid]) for nid in new_nodes]
            self.nodes.clear()
            self.nodes.update(items)
        for nid, order in new_outs.items():
            self._out[nid][:] = order
        new = (tuple(self.nodes), {nid: tuple(o) for nid, o in new_outs.items()})
        self._emit(GraphEvent("order_changed", old=old, new=new))
        return True

    def renumber(self, order: Sequence[str]) -> dict[str, str]:
        """Ids ``n1``, ``n2``, ... in ``order`` (a reordering of the nodes, which becomes their
        order); edges and run options follow, outgoing edges in the order of :attr:`edges`. In
        place, one ``reset`` event (no copy for the code importer). Returns {old: new id}."""
        order = checked_order(order, self.nodes)
        new = new_ids(order)
        self._in, self._out = renumbered_edges(order, self.edges, new)
        renumber_nodes(self.nodes, order, new)  # in place: a held ``nodes`` stays current
        self._names = {key: new[nid] for key, nid in self._names.items()}
        self.run = renumbered_run(self.run, new)
        self._next_id = len(order) + 1
        self._emit(GraphEvent("reset"))
        return dict(new)

    # ----------------------------------------------------------------- document settings
    def set_meta(self, key: str, value) -> None:
        """Document metadata (``title``, ``notes``, ...): plain JSON values; None removes."""
        problem = json_problem(value)
        if problem:
            raise GraphError(f"meta {key!r}: {problem}")
        old = self.meta.get(key)
        if same_value(old, value):
            return
        if value is None:
            self.meta.pop(key, None)
        else:
            self.meta[key] = value
        self._emit(GraphEvent("meta_changed", key=key, old=old, new=value))

    def set_run_option(self, key: str, value) -> None:
        """A run option (see :data:`~graphstudio.graph.run_options.RUN_OPTIONS`); other keys take plain JSON. None removes."""
        if value is not None:
            value = checked_run_option(key, value)
        if key == "gradient" and value is not None:
            self._check_tensor(value, counting_gradient=False)
        old = self.run.get(key)
        if same_value(old, value):
            return
        if value is None:
            self.run.pop(key, None)
        else:
            self.run[key] = value
        self._emit(GraphEvent("run_changed", key=key, old=old, new=value))

    def replace_with(self, other: Graph) -> None:
        """Make this document a copy of ``other`` (one ``reset`` event; listeners kept)."""
        self.nodes = {nid: n.copy() for nid, n in other.nodes.items()}
        self._names = dict(other._names)
        self._counter.clear()
        self._in = {nid: dict(v) for nid, v in other._in.items()}
        self._out = {nid: list(v) for nid, v in other._out.items()}
        self.meta = dict(other.meta)
        self.run = dict(other.run)
        self._next_id = other._next_id
        self._elements = sum(n.tensor.numel for n in self.nodes.values() if n.tensor is not None)
        self._edge_count = other._edge_count
        self._type_counts = Counter(n.type for n in self.nodes.values())
        self._emit(GraphEvent("reset"))

    def copy(self) -> Graph:
        g = Graph()
        g.replace_with(self)
        g.revision = 0
        return g


def _checked_pos(pos) -> tuple[float, float]:
    new = (float(pos[0]), float(pos[1]))
    if (problem := pos_problem(new)) is not None:
        raise GraphError(f"{problem}: {new}")
    return new

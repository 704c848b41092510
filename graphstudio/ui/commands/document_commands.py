"""Commands on the document as a whole: paste, auto-layout, run options and metadata."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from graphstudio.graph.model import Graph, same_value
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.commands.base import (
    GraphCommand,
    plural,
)


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
            self.items, self.edges = [], []
            self.bad = QCoreApplication.translate(
                "DocumentCommands", "the clipboard holds no nodes ({0})").format(ex)
        super().__init__(graph, text or QCoreApplication.translate(
            "DocumentCommands", "Paste {0}").format(plural(len(self.items))))
        self.pos, self.offset = pos, offset
        self.node_ids: list[str] = []

    def problem(self):
        if self.bad:
            return self.bad
        if not self.items:
            return QCoreApplication.translate("DocumentCommands",
                                              "the clipboard holds no nodes")
        types = NODE_TYPES
        for it in self.items:
            if it["type"] not in types:
                return QCoreApplication.translate(
                    "DocumentCommands", "unknown node type {0} on the clipboard").format(
                    repr(it["type"]))
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

        super().__init__(graph, QCoreApplication.translate("DocumentCommands", "Auto-layout"))
        new = layered_layout(graph, node_ids=node_ids, sizes=sizes)
        self.moves = {nid: p for nid, p in new.items()
                      if nid in graph and tuple(graph.node(nid).pos) != tuple(p)}

    def problem(self):
        if not self.graph.nodes:
            return QCoreApplication.translate("DocumentCommands",
                                              "there is nothing to lay out")
        if not self.moves:
            return QCoreApplication.translate("DocumentCommands",
                                              "the graph is already laid out")
        return None

    def build(self, j):
        for nid, p in self.moves.items():
            j.move_node(nid, p)


# --------------------------------------------------------------------------- document settings
class SetDocumentCommand(GraphCommand):
    """Set one entry of a document dict (``graph.run`` or ``graph.meta``; None removes it)."""

    store = ""

    def __init__(self, graph: Graph, key: str, value, text: str):
        super().__init__(graph, text)
        self.key, self.value = key, value

    def problem(self):
        if same_value(getattr(self.graph, self.store).get(self.key), self.value):
            return QCoreApplication.translate("DocumentCommands", "{0} is already {1}").format(
                self.key, repr(self.value))
        return None

    def build(self, j):
        (j.set_run_option if self.store == "run" else j.set_meta)(self.key, self.value)


class SetRunOptionCommand(SetDocumentCommand):
    """Set a run option (``loss``, ``zero_grad``, ``retain_graph``, ...)."""

    store = "run"

    def __init__(self, graph: Graph, key: str, value, text: str | None = None):
        super().__init__(graph, key, value, text or QCoreApplication.translate(
            "DocumentCommands", "Set run option {0} = {1}").format(key, repr(value)))


class SetMetaCommand(SetDocumentCommand):
    """Set document metadata (``title``, ``notes``)."""

    store = "meta"

    def __init__(self, graph: Graph, key: str, value, text: str | None = None):
        super().__init__(graph, key, value, text or QCoreApplication.translate(
            "DocumentCommands", "Set {0}").format(key))

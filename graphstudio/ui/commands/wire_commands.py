"""Commands on wires: connect, disconnect, reconnect."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from graphstudio.graph.model import Edge, Graph
from graphstudio.ui.commands.base import (
    GraphCommand,
    edge_text,
)


class ConnectCommand(GraphCommand):
    def __init__(self, graph: Graph, src: str, src_port: str, dst: str, dst_port: str):
        super().__init__(graph, edge_text(graph, QCoreApplication.translate(
            "WireCommands", "Connect {0} \u2192 {1}.{2}"), src, src_port, dst, dst_port))
        self.parts = (src, src_port, dst, dst_port)

    def problem(self):
        return self.graph.connection_problem(*self.parts)

    def build(self, j):
        j.connect(*self.parts)


class DisconnectCommand(GraphCommand):
    def __init__(self, graph: Graph, edge: Edge):
        super().__init__(graph, edge_text(graph, QCoreApplication.translate(
            "WireCommands", "Disconnect {0} \u2192 {1}.{2}"), edge.src, edge.src_port,
            edge.dst, edge.dst_port))
        self.edge = edge

    def problem(self):
        e = self.edge
        if e.dst not in self.graph or self.graph.incoming(e.dst).get(e.dst_port) != e:
            return QCoreApplication.translate("WireCommands", "there is no wire {0}").format(e)
        return None

    def build(self, j):
        j.disconnect(self.edge)


class ReconnectCommand(GraphCommand):
    """Move one end of a wire: ``old_edge`` becomes ``src.src_port -> dst.dst_port``."""

    def __init__(self, graph: Graph, old_edge: Edge, src: str, src_port: str, dst: str,
                 dst_port: str):
        super().__init__(graph, edge_text(graph, QCoreApplication.translate(
            "WireCommands", "Reconnect {0} \u2192 {1}.{2}"), src, src_port, dst, dst_port))
        self.old_edge, self.parts = old_edge, (src, src_port, dst, dst_port)

    def problem(self):
        e = self.old_edge
        if e.dst not in self.graph or self.graph.incoming(e.dst).get(e.dst_port) != e:
            return QCoreApplication.translate("WireCommands", "there is no wire {0}").format(e)
        if Edge(*self.parts) == e:
            return QCoreApplication.translate("WireCommands", "the wire did not change")
        return self.graph.connection_problem(*self.parts, replacing=e)

    def build(self, j):
        j.disconnect(self.old_edge)
        j.connect(*self.parts)


# --------------------------------------------------------------------------- bulk edits

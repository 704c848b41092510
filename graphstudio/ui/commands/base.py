"""The base of every undo command, and how commands are pushed (refused ones never land)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from graphstudio.graph.model import Graph
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.commands.journal import EditJournal

__all__ = ["GraphCommand", "edge_text", "node_problem", "plural", "port_kind", "try_push",
           "type_label"]


def type_label(type_id: str) -> str:
    nt = NODE_TYPES.get(type_id)
    return nt.label if nt is not None else type_id


def plural(n: int) -> str:
    """``n`` nodes, in the reader's language ("1 node", "3 nodes")."""
    return (QCoreApplication.translate("GraphCommand", "{0} node") if n == 1 else
            QCoreApplication.translate("GraphCommand", "{0} nodes")).format(n)


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
        self._journal: EditJournal | None = None

    def problem(self) -> str | None:
        return None

    def build(self, journal: EditJournal) -> None:
        """Make this command's model changes through ``journal`` (each subclass defines it)."""
        raise TypeError(f"{type(self).__name__} does not define build()")

    def redo(self):
        if self._journal is not None:
            self._journal.redo()
            return
        journal = EditJournal(self.graph)
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


def node_problem(graph: Graph, ids) -> str | None:
    for nid in ids:
        if nid not in graph:
            return QCoreApplication.translate("GraphCommand", "no node with id {0}").format(
                repr(nid))
    return None


def port_kind(graph: Graph, node_id: str, port: str, side: str | None) -> str | None:
    """'output' or 'input' for ``port`` of ``node_id``, or None if it has no such port."""
    nt = NODE_TYPES[graph.node(node_id).type]
    if side in (None, "output") and port in nt.output_names:
        return "output"
    if side in (None, "input") and port in nt.input_names:
        return "input"
    return None


def edge_text(graph: Graph, template: str, src, src_port, dst, dst_port) -> str:
    """``template`` (a translated text with ``{0}`` the source node, ``{1}`` the destination
    node and ``{2}`` its input port) filled in with the wire's names."""
    def nm(nid):
        return graph.node(nid).name if nid in graph else nid

    return template.format(nm(src), nm(dst), dst_port)

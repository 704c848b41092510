"""Undoable edits of a document's session: add, remove and move actions.

The session is the run option ``session`` (a tuple of actions, see
:mod:`graphstudio.graph.session_actions`), so each edit is one
:class:`~graphstudio.ui.commands.document_commands.SetRunOptionCommand` with the new tuple;
removing the last action leaves a plain document again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from graphstudio.ui.commands.document_commands import SetRunOptionCommand

__all__ = ["InsertActionCommand", "MoveActionCommand", "RemoveActionCommand"]


def _session(graph) -> tuple:
    return tuple(graph.run.get("session") or ())


class InsertActionCommand(SetRunOptionCommand):
    """Insert ``action`` at position ``index`` (the end when None)."""

    def __init__(self, graph, action, index: int | None = None, what: str = ""):
        actions = list(_session(graph))
        actions.insert(len(actions) if index is None else index, action)
        super().__init__(graph, "session", tuple(actions),
                         text=QCoreApplication.translate(
                             "SessionCommands", "Add session action {0}").format(what).strip())


class RemoveActionCommand(SetRunOptionCommand):
    """Remove the action at ``index``."""

    def __init__(self, graph, index: int, what: str = ""):
        actions = list(_session(graph))
        del actions[index]
        super().__init__(graph, "session", tuple(actions) or None,
                         text=QCoreApplication.translate(
                             "SessionCommands", "Remove session action {0}").format(what).strip())


class MoveActionCommand(SetRunOptionCommand):
    """Move the action at ``index`` by ``delta`` places (-1: up, +1: down)."""

    def __init__(self, graph, index: int, delta: int, what: str = ""):
        actions = list(_session(graph))
        j = max(0, min(len(actions) - 1, index + delta))
        actions.insert(j, actions.pop(index))
        super().__init__(graph, "session", tuple(actions),
                         text=QCoreApplication.translate(
                             "SessionCommands", "Move session action {0}").format(what).strip())

"""Undo commands: every edit a person makes, as a QUndoCommand that changes the MODEL only.

Commands never touch a QGraphicsItem; the scene follows the model's events, so undo is right by
construction. Each command records, the first time it runs, the exact model operations it made
(with the ids and names it picked) in a :class:`~.journal.EditJournal`; redo replays them,
undo plays their inverses backwards and then puts the node order and fan-out order back, so
undoing gives the original document exactly (same ids, names, attributes, tensors, edges and
orders).

A command that cannot be applied is refused before it lands on the stack: push commands with
:func:`try_push`, which returns the reason (a sentence for the status bar) or None::

    reason = try_push(stack, ConnectCommand(graph, "n1", "out", "n2", "input"))
"""

from graphstudio.ui.commands.base import GraphCommand, try_push
from graphstudio.ui.commands.document_commands import (
    AutoLayoutCommand,
    PasteCommand,
    SetMetaCommand,
    SetRunOptionCommand,
)
from graphstudio.ui.commands.node_commands import (
    AddNodeCommand,
    MoveNodesCommand,
    RemoveNodesCommand,
    RenameNodeCommand,
    SetAttrCommand,
    SetTensorCommand,
)
from graphstudio.ui.commands.wire_commands import (
    ConnectCommand,
    DisconnectCommand,
    ReconnectCommand,
)

__all__ = [
    "AddNodeCommand", "AutoLayoutCommand", "ConnectCommand", "DisconnectCommand",
    "GraphCommand", "MoveNodesCommand", "PasteCommand", "ReconnectCommand", "RemoveNodesCommand",
    "RenameNodeCommand", "SetAttrCommand", "SetMetaCommand", "SetRunOptionCommand",
    "SetTensorCommand", "try_push",
]

"""The Session dock: the document's actions in order, editable and undoable.

Each row is an action as the program's line (``out.backward(torch.ones_like(out),
retain_graph=True)``, ``inp.grad.zero_()``, ``print(...)``). **Add** inserts after the selected
row (forward, forward under no_grad, backward from a node, zero a leaf's ``.grad``, print a
node's value or ``.grad``), **Remove**, **Up** and **Down** edit the list; every edit is one
undo step (:mod:`graphstudio.ui.commands.session_commands`) and makes the shown run stale, so
the next Step replays the edited session.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.session_actions import Backward, Field, Forward, Print, ZeroGrad
from graphstudio.run.session_print import action_code
from graphstudio.ui.commands import try_push
from graphstudio.ui.commands.session_commands import (
    InsertActionCommand,
    MoveActionCommand,
    RemoveActionCommand,
)
from graphstudio.ui.run.toolbar import loss_candidates
from graphstudio.ui.slots import guarded

__all__ = ["SessionDock"]


class SessionDock(QWidget):
    """The Session panel for ``graph`` (edits go on ``undo_stack``; ``say`` reports)."""

    def __init__(self, graph, undo_stack, say, parent=None):
        super().__init__(parent)
        self.graph, self.undo_stack, self.say = graph, undo_stack, say
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("session_list")
        self.list.setMinimumWidth(60)
        mono = QFont()
        mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        mono.setPointSizeF(8.5)
        self.list.setFont(mono)
        self.add_menu = QMenu(self)
        self.add_menu.aboutToShow.connect(guarded(self._fill_add_menu, say))
        self.buttons = {}
        row = QHBoxLayout()
        for key, text in (("add", self.tr("Add")), ("remove", self.tr("Remove")),
                          ("up", self.tr("Up")), ("down", self.tr("Down"))):
            b = QPushButton(text)
            b.setObjectName(f"session_{key}")
            b.setMinimumWidth(40)  # the dock shares its width with Steps: never widen it
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.buttons[key] = b
            row.addWidget(b)
        self.buttons["add"].setMenu(self.add_menu)
        self.buttons["remove"].clicked.connect(guarded(self.remove_selected, say))
        self.buttons["up"].clicked.connect(guarded(partial(self.move_selected, -1), say))
        self.buttons["down"].clicked.connect(guarded(partial(self.move_selected, 1), say))
        self.list.currentRowChanged.connect(lambda _row: self._sync_buttons())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.addWidget(self.note)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        self._unsubscribe = graph.subscribe(self._on_event)
        self.refresh()

    def close_dock(self) -> None:
        self._unsubscribe()

    def _on_event(self, ev) -> None:
        if ev.kind in ("run_changed", "reset", "node_renamed", "node_removed", "node_added"):
            guarded(self.refresh, self.say)()

    # ------------------------------------------------------------------ the list
    def actions(self) -> tuple:
        return tuple(self.graph.run.get("session") or ())

    def refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for action in self.actions():
            self.list.addItem(action_code(self.graph, action))
        n = self.list.count()
        self.note.setText(self.tr("The program's actions, replayed in order by Step and Run to "
                                  "End.") if n else
                          self.tr("No session: Step runs one forward and backward. Add "
                                  "actions to replay a program's cells."))
        if n:
            self.list.setCurrentRow(min(max(row, 0), n - 1))
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        row, n = self.list.currentRow(), self.list.count()
        self.buttons["remove"].setEnabled(0 <= row < n)
        self.buttons["up"].setEnabled(0 < row < n)
        self.buttons["down"].setEnabled(0 <= row < n - 1)

    # ------------------------------------------------------------------ edits
    def insert(self, action) -> bool:
        """Insert ``action`` after the selected row (at the end when none), undoably."""
        row = self.list.currentRow()
        index = row + 1 if 0 <= row < self.list.count() else None
        what = action_code(self.graph, action)
        reason = try_push(self.undo_stack, InsertActionCommand(self.graph, action, index, what))
        if reason:
            self.say(reason)
            return False
        self.list.setCurrentRow(self.list.count() - 1 if index is None else index)
        return True

    def remove_selected(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < self.list.count():
            return False
        what = self.list.item(row).text()
        return try_push(self.undo_stack, RemoveActionCommand(self.graph, row, what)) is None

    def move_selected(self, delta: int) -> bool:
        row = self.list.currentRow()
        if not 0 <= row + delta < self.list.count() or not 0 <= row < self.list.count():
            return False
        what = self.list.item(row).text()
        if try_push(self.undo_stack, MoveActionCommand(self.graph, row, delta, what)):
            return False
        self.list.setCurrentRow(row + delta)
        return True

    def _fill_add_menu(self) -> None:
        m, g = self.add_menu, self.graph
        m.clear()
        m.addAction(self.tr("Forward"), partial(self.insert, Forward()))
        m.addAction(self.tr("Forward under torch.no_grad()"),
                    partial(self.insert, Forward(None, True)))
        back = m.addMenu(self.tr("Backward from"))
        seed = g.run.get("gradient")
        for nid, label in loss_candidates(g):
            back.addAction(label, partial(self.insert, Backward(nid, seed, True)))
        leaves = [(nid, n.name) for nid, n in g.nodes.items()
                  if n.type == "parameter" and n.attrs.get("requires_grad")]
        zero = m.addMenu(self.tr("Zero .grad of"))
        grad = m.addMenu(self.tr("Print .grad of"))
        for nid, name in leaves:
            zero.addAction(f"{name}.grad.zero_()", partial(self.insert, ZeroGrad(nid)))
            grad.addAction(f"print({name}.grad)",
                           partial(self.insert, Print(((Field(nid, "grad"),),))))
        show = m.addMenu(self.tr("Print"))
        for nid, n in g.nodes.items():
            if len(NODE_TYPES[n.type].output_names) <= 1:
                show.addAction(f"print({n.name})",
                               partial(self.insert, Print(((Field(nid),),))))
        for sub in (back, zero, grad, show):
            sub.setEnabled(not sub.isEmpty())

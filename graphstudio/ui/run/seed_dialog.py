"""Run ▸ Options ▸ Gradient Seed: the ``gradient`` a non-scalar loss starts backward with.

``out.backward(gradient)`` computes the vector-Jacobian product ``gradientᵀ·J``; the seed is
edited with the same tensor editor as a Parameter's values, and every edit is one undoable
``SetRunOptionCommand`` on the graph's ``run`` section (saved with the file).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from graphstudio.graph.model import GraphError, TensorSpec
from graphstudio.ui.commands import SetRunOptionCommand, try_push
from graphstudio.ui.editors.tensor_editor import TensorEditor

__all__ = ["SeedDialog", "loss_shape"]

log = logging.getLogger(__name__)


def loss_shape(graph):
    """(loss node name, its inferred output shape) or (None, None) when there is no loss."""
    from graphstudio.graph.shape_cache import shapes_of

    nid = graph.run.get("loss")
    if nid not in graph.nodes:
        return None, None
    node = graph.nodes[nid]
    if node.type == "output":
        e = graph.incoming(nid).get("input")
        if e is None:
            return node.name, None
        nid, node = e.src, graph.nodes[e.src]
    result = shapes_of(graph).get(nid)
    shape = None if result is None or result.error else result.shape
    return node.name, shape


class SeedDialog(QDialog):
    """A non-modal editor for ``graph.run["gradient"]``."""

    def __init__(self, window):
        super().__init__(window)
        self.window, self.graph = window, window.graph
        self.setWindowTitle(self.tr("Gradient Seed"))
        self.setObjectName("seed_dialog")
        self.setModal(False)
        self.resize(380, 420)
        self.intro = QLabel(self.tr(
            "Backward from a non-scalar output needs the gradient to start with: "
            "<code>out.backward(gradient)</code> computes the vector-Jacobian product "
            "gradient<sup>T</sup>·J. <code>torch.ones_like(out)</code> sums every element's "
            "gradient."))
        self.intro.setWordWrap(True)
        self.root = QLabel()
        self.root.setWordWrap(True)
        self.editor = TensorEditor(window.theme)
        self.editor.specEdited.connect(self._edited)
        self.editor.problem.connect(window.show_status)
        self.ones = QPushButton(self.tr("Ones Like the Loss"))
        self.ones.setToolTip("gradient = torch.ones_like(loss)")
        self.ones.clicked.connect(self._use_ones)
        self.remove = QPushButton(self.tr("Remove Seed"))
        self.remove.setToolTip(self.tr("No seed: backward needs a scalar loss"))
        self.remove.clicked.connect(lambda: self._push(None))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.ones, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.root)
        lay.addWidget(self.editor, 1)
        lay.addWidget(buttons)
        self._unsubscribe = self.graph.subscribe(self._on_event)
        self.refresh()

    def refresh(self) -> None:
        name, shape = loss_shape(self.graph)
        spec = self.graph.run.get("gradient")
        if name is None:
            self.root.setText(self.tr("<i>Choose the loss node first</i> (toolbar Loss box, "
                                      "or right-click a node > Backward from Here)."))
        else:
            text = self.tr("Backward starts from <b>{0}</b>").format(name)
            if shape is not None:
                text += self.tr(", shape <b>{0}</b>").format(tuple(shape))
                if spec is not None and tuple(spec.shape) != tuple(shape):
                    text += (f"<br><span style='color:{self.window.theme.error.name()}'>"
                             + self.tr("The seed's shape {0} does not match.").format(
                                 tuple(spec.shape)) + "</span>")
                elif spec is None and tuple(shape) == ():
                    text += self.tr(" (a scalar: no seed needed)")
            self.root.setText(text)
        self.editor.set_spec(spec)
        self.ones.setEnabled(shape is not None)
        self.remove.setEnabled(spec is not None)

    def _use_ones(self) -> None:
        _name, shape = loss_shape(self.graph)
        if shape is not None:
            self._push(TensorSpec(init="ones", shape=tuple(shape), dtype="float32"))

    def _edited(self, spec) -> None:
        self._push(spec)

    def _push(self, spec) -> None:
        try:
            reason = try_push(self.window.undo_stack,
                              SetRunOptionCommand(self.graph, "gradient", spec,
                                                  text=self.tr("Set gradient seed")
                                                  if spec is not None
                                                  else self.tr("Remove gradient seed")))
        except GraphError as ex:
            reason = str(ex)
        if reason:
            self.window.show_status(reason)
        self.refresh()

    def unsubscribe(self) -> None:
        """Stop following the graph (the window closed)."""
        self._unsubscribe()

    def _on_event(self, ev) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if ev.kind in ("run_changed", "reset", "edge_added", "edge_removed", "node_removed",
                       "attr_changed", "tensor_changed") and self.isVisible():
            try:
                self.refresh()
            except Exception:
                log.exception("seed dialog refresh failed")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.refresh()
        super().showEvent(event)

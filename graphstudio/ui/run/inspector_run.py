"""The Values dock: the selected node at the current step, read closely.

Its value and gradient as tables and pyqtgraph heatmaps on one symmetric diverging scale (a
colour bar shows it; untick to scale each on its own), a histogram for larger tensors, why
``.grad`` is None when it is (not a leaf, frozen, not reached yet), the gradient passing
through a non-leaf, the op's local derivative rule and, for a loss, the formula PyTorch uses.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from graphstudio.engine import derivative_rule
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.canvas.item_kinds import NODE_CARD
from graphstudio.ui.run.array_view import ArrayPanel, ColorBar, symmetric_vmax
from graphstudio.ui.run.display import (
    in_backward,
    node_display,
    seed_label,
    shows_grads,
    timeline_nodes,
)
from graphstudio.ui.run.scene_display import same_state

__all__ = ["REFRESH_MS", "ValuesDock", "selected_cards"]

log = logging.getLogger(__name__)

#: the least time between two refreshes: stepping faster than this (playing, F10 held)
#: shows every step on the canvas and the latest one here, about ten times a second
REFRESH_MS = 100


def _section(text: str) -> QLabel:
    label = QLabel(text.upper())
    f = label.font()
    f.setPointSizeF(7.5)
    f.setBold(True)
    label.setFont(f)
    label.setEnabled(False)  # the dim caption colour
    label.setContentsMargins(0, 8, 0, 0)
    return label


def wrapped(text: str, fm: QFontMetrics, width: float) -> str:
    """``text`` broken into lines no wider than ``width`` in ``fm``'s font: at spaces, and
    inside a word wider than a line (Chinese has no spaces)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while len(word) > 1 and fm.horizontalAdvance(word) > width:
            cut = len(word) - 1
            while cut > 1 and fm.horizontalAdvance(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return "\n".join(lines)


def _wrap(text: str = "", mono: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        f = label.font()
        f.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        f.setPointSizeF(8.5)
        label.setFont(f)
    return label


def selected_cards(scene) -> list[str]:
    """The ids of the selected node cards (in no particular order; the scene's own
    ``selected_node_ids`` walks every node of the graph to put them in model order)."""
    return [it.node_id for it in scene.selectedItems() if it.type() == NODE_CARD]


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ValuesDock(QScrollArea):
    """Values of the node selected on ``scene`` at ``controller``'s current step."""

    def __init__(self, controller, scene, theme_of, parent=None):
        super().__init__(parent)
        self.controller, self.scene, self.theme = controller, scene, theme_of
        self.graph = controller.graph
        self.node_id: str | None = None
        self._shown: tuple = ("", None, None)
        self._shown_state = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(12, 10, 12, 12)
        lay.setSpacing(4)
        self.header = _wrap()
        self.where = _wrap()
        self.line = _wrap(mono=True)
        self._same_scale_text = self.tr("One colour scale for value and gradient")
        self.same_scale = QCheckBox(self._same_scale_text)
        self.same_scale.setChecked(False)  # gradients are often far smaller than values
        self.same_scale.setToolTip(self.tr(
            "Colour the value and the gradient against the same ±max, so colours compare (off: "
            "each symmetric about zero on its own scale, so a small gradient stays visible)"))
        self.colorbar = ColorBar()
        self.value = ArrayPanel()
        self.grad = ArrayPanel()
        self.grad_note = _wrap()
        self.rule_title = _section(self.tr("Local derivative"))
        self.rule = _wrap(mono=True)
        self.formula_title = _section(self.tr("PyTorch computes"))
        self.formula = _wrap(mono=True)
        self.value_title = _section(self.tr("Value"))
        self.grad_title = _section(self.tr("Gradient"))
        for w in (self.header, self.where, self.line, self.same_scale, self.colorbar,
                  self.value_title, self.value, self.grad_title, self.grad,
                  self.grad_note, self.rule_title, self.rule, self.formula_title, self.formula):
            lay.addWidget(w)
        lay.addStretch(1)
        self.setWidget(page)
        self._body = [self.line, self.same_scale, self.colorbar, self.value_title, self.value,
                      self.grad_title, self.grad, self.grad_note]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh_due)
        self._clock = QElapsedTimer()  # since the last refresh (invalid: none yet)
        self._missed = False  # a refresh was due while the dock was hidden
        self.same_scale.toggled.connect(lambda _on: self.refresh(force=True))
        scene.selectionChanged.connect(self._soon)
        controller.stepChanged.connect(self._later)
        controller.timelineChanged.connect(self._later)
        self._apply_theme()
        self.refresh(force=True)

    def _later(self, *_args) -> None:
        """Refresh once the event loop is free: several steps, a selection change and a new
        run in one turn make one refresh, at most one every REFRESH_MS while stepping fast
        (playing, F10 held), and none while the dock is hidden (it catches up when shown)."""
        if self._timer.isActive():
            return
        since = self._clock.elapsed() if self._clock.isValid() else REFRESH_MS
        self._timer.start(max(0, REFRESH_MS - int(since)))

    def _soon(self) -> None:
        """Refresh on the next turn of the event loop (the person picked another node)."""
        self._timer.start(0)

    def _refresh_due(self) -> None:
        if not self.isVisible():
            self._missed = True
            return
        self.refresh()

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._missed:
            self._missed = False
            self._later()

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()
            self._later()
        elif event.type() == QEvent.Type.FontChange:  # View > Text Size: its children next
            QTimer.singleShot(0, self, self._wrap_check_box)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._wrap_check_box()

    def _wrap_check_box(self) -> None:
        """A check box's text never wraps by itself: broken into lines for the dock's width,
        so a larger text size never makes the page wider than the dock (and cut off)."""
        room = self.viewport().width() - 24 - self.same_scale.iconSize().width() - 12
        text = wrapped(self._same_scale_text, QFontMetrics(self.same_scale.font()), room)
        if text != self.same_scale.text():
            self.same_scale.setText(text)

    def _apply_theme(self) -> None:
        bg = self.theme().canvas_bg
        self.value.set_background(bg)
        self.grad.set_background(bg)

    # ------------------------------------------------------------------ showing
    def refresh(self, force: bool = False) -> None:
        self._timer.stop()
        self._clock.start()
        try:
            self._refresh(force)
        except Exception as ex:  # showing values must never break the window
            log.exception("values dock failed")
            self.where.setText(self.tr("(cannot show this node: {0})").format(_esc(ex)))

    def _refresh(self, force: bool) -> None:
        ids = selected_cards(self.scene)
        nid = ids[0] if len(ids) == 1 else None
        c = self.controller
        tl = c.timeline
        if not ids and tl is not None and 0 <= c.k < len(tl):
            step_node = tl.steps[c.k].node_id  # nothing selected: the node the step ran
            nid = step_node if step_node in self.graph.nodes else None
        state = None
        if nid is not None and tl is not None and nid in timeline_nodes(tl):
            state = node_display(tl, c.k, nid, c.stale, c.graph)
        if nid is None:
            self._shown, self._shown_state, self.node_id = ("", None, None), None, None
            self._show_nothing(self.tr("Select one node to read its value and gradient at "
                                       "this step.") if len(ids) != 1 else "")
            return
        node = self.graph.nodes[nid]
        nt = NODE_TYPES[node.type]
        t = self.theme()
        self._show_where(state)
        key = (nid, tl, c.k >= 0 and shows_grads(tl, c.k),
               c.k if state is None or state.value is None else None)  # "computed at step 5"
        if not force and key == self._shown and same_state(state, self._shown_state):
            return  # the same numbers: leave tables and plots alone
        self._shown, self._shown_state, self.node_id = key, state, nid
        chip = t.category_color(nt.category).name()
        self.header.setText(f"<span style='font-size:12pt'><b>{_esc(node.name)}</b></span>"
                            f" <span style='color:{chip}'>·&nbsp;{_esc(nt.label)}</span>")
        from graphstudio.ui.run.steps_dock import step_line

        self.line.setText(_esc(step_line(self.graph, nid)))
        self._show_rule(nt, state)
        for w in self._body:
            w.setVisible(True)
        if state is None or state.value is None:
            self.value.show_none("", self._when_computed(tl, c.k, nid))
            self.grad.show_none("", "")
            self.grad_note.setText("")
            self.colorbar.setVisible(False)
            self.same_scale.setVisible(False)
            return
        self._show_arrays(node.name, state, t)

    def _when_computed(self, tl, k: int, nid: str) -> str:
        """What the value part says while the node has no value at step k: the step that
        computes it (it follows the current step; "not computed at this step" said nothing)."""
        if tl is None:
            return self.tr("run the graph to see its value (F10 steps)")
        at = next((i for i in range(tl.forward_count) if tl.steps[i].node_id == nid), None)
        if at is None:
            return self.tr("not computed in this run")
        if at <= k:
            return self.tr("computed at step {0} (forward), no value to show").format(at + 1)
        here = self.tr("before the run") if k < 0 else self.tr("at step {0}").format(k + 1)
        return self.tr("computed at step {0} (forward)\nnow {1}: F10 steps on").format(
            at + 1, here)

    def _show_nothing(self, text: str) -> None:
        self.header.setText("<b>" + self.tr("Values") + "</b>")
        self.where.setText(text)
        for w in self._body + [self.rule_title, self.rule, self.formula_title, self.formula]:
            w.setVisible(False)

    def _show_where(self, state) -> None:
        c, t = self.controller, self.theme()
        tl = c.timeline
        if tl is None:
            self.where.setText(self.tr("No run yet."))
            return
        phase = self.tr("before the run") if c.k < 0 else (
            self.tr("backward") if in_backward(tl, c.k) else self.tr("forward"))
        text = self.tr("at step {0} of {1} · {2}").format(c.k + 1, len(tl), phase)
        if c.stale:
            text += (f"<br><span style='color:{t.stale.name()}'>"
                     + self.tr("stale: the graph changed since this run") + "</span>")
        if state is not None and state.error:
            text += f"<br><span style='color:{t.error.name()}'>{_esc(state.error)}</span>"
        self.where.setText(text)

    def _show_arrays(self, name: str, s, t) -> None:
        grad = s.grad if s.grad is not None else s.out_grad
        same = self.same_scale.isChecked()
        vmax_v = symmetric_vmax(s.value, grad) if same else symmetric_vmax(s.value)
        vmax_g = vmax_v if same else symmetric_vmax(grad)
        self.same_scale.setVisible(grad is not None)
        self.colorbar.setVisible(True)
        self.colorbar.set_vmax(vmax_v)
        shape = tuple(s.value.shape)
        bits = [self.tr("shape {0}").format(shape), str(s.value.dtype)]
        if s.grad_fn:
            bits.append(f"grad_fn=&lt;{_esc(s.grad_fn)}&gt;")
        elif s.requires_grad is not None:
            bits.append(f"requires_grad={s.requires_grad}")
        vc = t.value.name()
        from graphstudio.ui.run.steps_dock import soft_breaks

        self.value.show_array(soft_breaks(f"<span style='color:{vc}'><b>{_esc(name)}</b></span>"
                                          " · " + " · ".join(bits)), s.value, vmax_v, t.value,
                              python_number=s.requires_grad is None and not s.grad_fn)
        self.value.title.setToolTip("<p>" + " · ".join(bits) + "</p>")
        gc = t.grad.name()
        if s.grad is not None:
            self.grad.show_array(f"<span style='color:{gc}'><b>{_esc(name)}.grad</b></span>",
                                 s.grad, vmax_g, t.grad)
        elif s.out_grad is not None:
            label = _esc(s.out_label or f"∂L/∂{name}")
            what = (self.tr("given to {0}.backward(gradient=v)").format(_esc(name))
                    if s.out_label == seed_label() else self.tr("passing through"))
            self.grad.show_array(f"<span style='color:{gc}'><b>{label}</b></span> {what}",
                                 s.out_grad, vmax_g, t.grad)
        else:
            self.grad.show_none(f"<b>{_esc(name)}.grad</b>", "None")
        self.grad_note.setText(self._grad_note(name, s))
        if not same and grad is not None:
            self.colorbar.setToolTip(self.tr("value ±{0}; gradient ±{1}").format(
                f"{vmax_v:.4g}", f"{vmax_g:.4g}"))
        else:
            self.colorbar.setToolTip("")

    def _grad_note(self, name: str, s) -> str:
        """Why ``.grad`` is what it is, in PyTorch's terms."""
        c = self.controller
        backward = c.timeline is not None and in_backward(c.timeline, c.k)
        if s.requires_grad is None:
            return self.tr("A Python number, not a tensor: it has no .grad.")
        if s.no_grad:
            return self.tr("{0} was computed under torch.no_grad(): no graph is recorded, so it "
                           "has requires_grad=False, no grad_fn and no gradient can reach "
                           "it.").format(name)
        if not s.requires_grad:
            return self.tr("{0} does not require grad (an input, a frozen parameter, after a "
                           "detach or under no_grad): no gradient flows here, {0}.grad is "
                           "None.").format(name)
        if s.grad_fn and s.grad is None:
            if s.out_grad is not None:
                return self.tr("{0} is not a leaf, so PyTorch does not keep its .grad (None): "
                               "the gradient only passes through. Right-click > Retain Grad "
                               "keeps it.").format(name)
            return self.tr("{0} is not a leaf: its .grad stays None unless you call "
                           "{0}.retain_grad() (right-click > Retain Grad).").format(name)
        if s.grad is None:
            return (self.tr("backward has not reached it yet.") if backward else
                    self.tr("None until a backward pass reaches it."))
        if not s.grad_fn:
            return self.tr("AccumulateGrad stored this in .grad (it adds to what was there).")
        return self.tr("{0}.retain_grad() is on, so its .grad is kept.").format(name)

    def _show_rule(self, nt, state=None) -> None:
        """The derivative rule of the grad_fn this run recorded for the node (its engine rule
        text), else the node type's."""
        rule = nt.derivative
        recorded = getattr(state, "grad_fn", None)
        if recorded and recorded not in nt.grad_fns:
            try:
                rule = f"{recorded}: " + derivative_rule(recorded).replace("\n", "\n    ")
            except KeyError:
                pass  # a grad_fn without a rule of its own: the type's rule stands
        self.rule_title.setVisible(bool(rule))
        self.rule.setVisible(bool(rule))
        self.rule.setText(_esc(rule))
        self.formula_title.setVisible(bool(nt.formula))
        self.formula.setVisible(bool(nt.formula))
        self.formula.setText(_esc(nt.formula))

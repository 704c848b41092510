"""The Run menu and toolbar: Forward, Backward, Step, Step Back, Play/Pause with a speed slider,
Run to End, Reset, Zero Grads, the loss node and the run options.

Options live in the graph's ``run`` section and change through ``SetRunOptionCommand`` (so
they are saved with the file and undoable). An action that cannot run now is disabled and its
tooltip and status tip say why (e.g. Backward after a ``no_grad`` forward).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.ui.commands import SetRunOptionCommand, try_push
from graphstudio.ui.icons import icon
from graphstudio.ui.slots import guarded

__all__ = ["SPEEDS", "RunActions", "loss_candidates"]

log = logging.getLogger(__name__)

#: play speeds in steps per second, one per slider notch
SPEEDS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 20.0)
DEFAULT_SPEED = 3  # 1.5 steps/s

#: tooltips, translated where they are shown (context RunActions)
TIPS = {
    "forward": QT_TRANSLATE_NOOP("RunActions", "Run the forward pass (Runner.forward): every node "
        "computes its value"),
    "backward": QT_TRANSLATE_NOOP("RunActions", "Run backward from the loss on the last forward "
        "(loss.backward())"),
    "step": QT_TRANSLATE_NOOP("RunActions", "One step on: the next node computes, or the next "
        "grad_fn runs (F10)"),
    "step_back": QT_TRANSLATE_NOOP("RunActions", "One step back: show the run as it was a step "
        "earlier (Shift+F10)"),
    "play": QT_TRANSLATE_NOOP("RunActions", "Play the run step by step at the chosen speed (F5 "
        "pauses)"),
    "run_to_end": QT_TRANSLATE_NOOP("RunActions", "Finish the run and show the end: values and "
        "every .grad"),
    "reset": QT_TRANSLATE_NOOP("RunActions", "Forget the run: nothing shown, and every "
        "accumulated .grad dropped"),
    "zero_grads": QT_TRANSLATE_NOOP("RunActions", "Set every parameter's .grad to None "
        "(optimizer.zero_grad())"),
    "zero_grad": QT_TRANSLATE_NOOP("RunActions", "Clear .grad before each backward (off: "
        "gradients accumulate across runs, as in the tutorial)"),
    "no_grad": QT_TRANSLATE_NOOP("RunActions", "Run the forward under torch.no_grad(): no "
        "grad_fn, no backward"),
    "retain_graph": QT_TRANSLATE_NOOP("RunActions", "Keep the saved values after backward so "
        "Backward can run again on the same forward (backward(retain_graph=True))"),
    "seed": QT_TRANSLATE_NOOP("RunActions", "The gradient a non-scalar loss starts backward with "
        "(out.backward(gradient))"),
}


#: above this many nodes the Loss box lists every candidate only when it is opened
LAZY_LOSS_LIST = 500


class LossBox(QComboBox):
    """The Loss choice; ``before_popup`` runs before its list opens (to fill it in full)."""

    def __init__(self, before_popup):
        super().__init__()
        self._before_popup = before_popup

    def showPopup(self):
        try:
            self._before_popup()
        except Exception:  # the list as it stands is still a valid choice
            log.exception("could not list the loss candidates")
        super().showPopup()


def loss_candidates(graph, node_ids=None) -> list[tuple[str, str]]:
    """(node id, label) of the nodes a backward can start from, in graph order (among
    ``node_ids`` when given)."""
    out = []
    chosen = graph.nodes.items() if node_ids is None else (
        (nid, graph.nodes[nid]) for nid in node_ids if nid in graph.nodes)
    for nid, node in chosen:
        nt = NODE_TYPES.get(node.type)
        if nt is None or nt.has_tensor or node.type in ("constant",):
            continue
        if not nt.outputs and node.type != "output":
            continue
        out.append((nid, f"{node.name}  ({nt.label})"))
    return out


class RunActions(QObject):
    """Builds the Run menu and toolbar on ``window`` for ``controller`` and keeps them current."""

    def __init__(self, window, controller, open_seed_editor):
        super().__init__(window)
        self.window, self.controller = window, controller
        self._loss_items: list | None = None  # every candidate, while still current
        self._loss_shown: list | None = None  # what the Loss box lists
        self.graph = window.graph
        c = controller
        menu = window.menu("run", self.tr("&Run"))
        self.menu = menu
        add = window.add_action

        def act(key, text, slot, shortcut=None, icon_name=None, checkable=False):
            return add(f"run_{key}", text, self._safe(slot), shortcut, icon_name,
                       self._tip(key), menu, checkable=checkable)

        self.actions = {
            "forward": act("forward", self.tr("&Forward"), c.forward, "F6", "run_forward"),
            "backward": act("backward", self.tr("&Backward"), c.backward, "F7", "run_backward"),
        }
        menu.addSeparator()
        self.actions["step"] = act("step", self.tr("&Step"), c.step, "F10", "run_step")
        self.actions["step_back"] = act("step_back", self.tr("Step B&ack"), c.step_back,
                                        "Shift+F10", "run_step_back")
        self.actions["play"] = act("play", self.tr("&Play"), c.toggle_play, "F5", "run_play")
        self.actions["run_to_end"] = act("run_to_end", self.tr("Run to &End"), c.run_to_end, "F8",
                                         "run_to_end")
        menu.addSeparator()
        self.actions["reset"] = act("reset", self.tr("&Reset"), c.reset, "Ctrl+Shift+F5",
                                    "run_reset")
        self.actions["zero_grads"] = act("zero_grads", self.tr("&Zero Grads"), c.zero_grads, None,
                                         "run_zero_grads")
        menu.addSeparator()
        options = menu.addMenu(self.tr("&Options"))
        self.options_menu = options
        self.toggles = {}
        for key, text in (("zero_grad", self.tr("&Zero Grads Before Backward")),
                          ("no_grad", self.tr("Forward under &no_grad")),
                          ("retain_graph", self.tr("&Retain Graph"))):
            a = add(f"run_opt_{key}", text, None, None, None, self._tip(key), options,
                    checkable=True)
            a.triggered.connect(self._safe(
                lambda *_args, k=key: self.set_option(k, self.toggles[k].isChecked())))
            self.toggles[key] = a
        options.addSeparator()
        self.actions["seed"] = add("run_seed", self.tr("&Gradient Seed…"),
                                   self._safe(open_seed_editor), None, "run_seed",
                                   self._tip("seed"), options)
        self._build_toolbar()
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.timeout.connect(self.sync)
        c.stateChanged.connect(self.sync)
        c.timelineChanged.connect(self.sync)
        c.stepChanged.connect(self._step_changed)
        self._unsubscribe = self.graph.subscribe(self._on_event)
        self.sync()

    # ------------------------------------------------------------------ building
    def _build_toolbar(self) -> None:
        bar = self.window.add_toolbar("run", self.tr("Run Toolbar"))
        self.toolbar = bar
        for key in ("forward", "backward", None, "step_back", "play", "step", "run_to_end",
                    None, "reset", "zero_grads"):
            bar.addSeparator() if key is None else bar.addAction(self.actions[key])
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("run_speed")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(DEFAULT_SPEED)
        self.speed.setFixedWidth(90)
        self.speed.setToolTip(self.tr("Play speed (steps per second)"))
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(42)
        self.speed.valueChanged.connect(self._speed_changed)
        self._speed_changed(self.speed.value())
        bar.addWidget(self._labelled(self.tr("Speed"), self.speed, self.speed_label))
        bar.addSeparator()
        self.loss_box = LossBox(lambda: self._fill_loss_box(full=True))
        self.loss_box.setObjectName("run_loss")
        self.loss_box.setToolTip(self.tr("The node backward starts from (right-click a node > "
                                         "Backward from Here)"))
        self.loss_box.setMinimumContentsLength(14)
        self.loss_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.loss_box.activated.connect(self._safe(self._loss_chosen))
        bar.addWidget(self._labelled(self.tr("Loss"), self.loss_box))
        opts = QToolButton()
        opts.setText(self.tr("Options"))
        opts.setToolTip(self.tr("Run options: zero grads, no_grad, retain_graph, gradient seed"))
        opts.setMenu(self.options_menu)
        opts.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        opts.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addWidget(opts)
        self.options_button = opts

    def _tip(self, key: str) -> str:
        """The tooltip of action ``key`` in the reader's language."""
        return self.tr(TIPS[key]) if key in TIPS else ""

    @staticmethod
    def _labelled(text: str, *widgets) -> QWidget:
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(6, 0, 4, 0)
        lay.setSpacing(6)
        label = QLabel(text)
        label.setEnabled(False)  # the dim colour, as a caption
        lay.addWidget(label)
        for w in widgets:
            lay.addWidget(w)
        return box

    def _safe(self, fn):
        """``fn`` as a guarded slot (signal arguments passed on) that brings the buttons up to
        date afterwards."""
        return guarded(fn, self.window.show_status, after=self.sync, pass_args=True)

    # ------------------------------------------------------------------ options
    def set_option(self, key: str, value) -> bool:
        """Set run option ``key`` through the undo stack (None removes it)."""
        if self.graph.run.get(key) == value:
            return True
        if key == "zero_grad" and value and "zero_grad" not in self.graph.run:
            return True
        reason = try_push(self.window.undo_stack, SetRunOptionCommand(self.graph, key, value))
        if reason:
            self.window.show_status(reason)
            return False
        return True

    def _loss_chosen(self, index: int) -> None:
        nid = self.loss_box.itemData(index)
        if nid != self.graph.run.get("loss"):
            self.set_option("loss", nid)

    def _speed_changed(self, value: int) -> None:
        sps = SPEEDS[value]
        self.controller.set_speed(sps)
        self.speed_label.setText(f"{sps:g}/s")

    # ------------------------------------------------------------------ keeping current
    def close(self) -> None:
        """The window closed: stop following the graph."""
        self._sync_timer.stop()
        self._unsubscribe()

    def _on_event(self, ev) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if ev.kind in ("node_moved", "meta_changed"):
            return
        if ev.kind in ("node_added", "node_removed", "node_renamed", "reset", "order_changed"):
            self._loss_items = None  # the candidates may differ now
        self._sync_timer.start(0)

    def _step_changed(self, _k: int) -> None:
        self._enable_steps()

    def sync(self) -> None:
        """Enable, check and explain every action for the current state."""
        if not shiboken6.isValid(self):
            return
        g, c = self.graph, self.controller
        empty = not g.nodes
        run = g.run
        for key, a in self.toggles.items():
            a.setChecked(bool(run.get(key, key == "zero_grad")))
            a.setEnabled(not empty)
        for key in ("forward", "run_to_end", "reset", "zero_grads", "play"):
            self._enable(key, not empty, self.tr("Add nodes first: the graph is empty"))
        reason = c.backward_reason()
        self._enable("backward", reason is None, self.tr("No backward: {0}").format(reason))
        self._enable_steps()
        playing = c.playing
        play = self.actions["play"]
        play.setText(self.tr("&Pause") if playing else self.tr("&Play"))
        play.setProperty("icon_name", "run_pause" if playing else "run_play")
        play.setIcon(icon("run_pause" if playing else "run_play", self.window.theme.node_text))
        self._fill_loss_box()

    def _enable_steps(self) -> None:
        empty = not self.graph.nodes
        self._enable("step", not empty, self.tr("Add nodes first: the graph is empty"))
        c = self.controller
        back = c.timeline is not None and c.k >= 0
        self._enable("step_back", back, self.tr("At the start of the run")
                     if c.timeline is not None
                     else self.tr("Nothing run yet: Step (F10) starts a run"))

    def _enable(self, key: str, enabled: bool, why: str) -> None:
        a = self.actions[key]
        a.setEnabled(enabled)
        tip = self._tip(key) if enabled else why
        shortcut = a.shortcut().toString()
        if enabled and shortcut and shortcut not in tip:
            tip += f" ({shortcut})"
        a.setToolTip(tip)
        a.setStatusTip(tip)

    def _fill_loss_box(self, full: bool = False) -> None:
        """The Loss box's choices; in a big document only the current one until it opens
        (listing thousands of nodes after every edit froze the window)."""
        box, g = self.loss_box, self.graph
        current = g.run.get("loss")
        items = self._loss_items
        if items is None:
            items = [(None, self.tr("auto: the scalar output"))]
            if full or len(g.nodes) <= LAZY_LOSS_LIST:
                items += loss_candidates(g)
                self._loss_items = items
            else:
                items += loss_candidates(g, [current] if current is not None else [])
        if self._loss_shown != items:
            self._loss_shown = items
            box.blockSignals(True)
            box.clear()
            for nid, label in items:
                box.addItem(label, nid)
            box.blockSignals(False)
        i = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(i, 0))

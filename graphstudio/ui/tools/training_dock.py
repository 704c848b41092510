"""The Training dock: train the graph's Parameters with Adam or SGD and watch it happen.

A :class:`~graphstudio.run.training.Trainer` works on a private copy of the document. A
QTimer gives it short slices (``run_for(0.03 s)``, or a few steps at a time at a slower pace)
and between slices the window handles its events, so it stays responsive. Each slice extends
the loss curve; a few times a second the Parameter cards show their current values and
gradients and the decision boundary of a 2-D classifier is redrawn. When training finishes or
is stopped, one :class:`~graphstudio.ui.tools.train_command.TrainParametersCommand` writes the
trained values into the document, so Undo brings back the parameters from before training. A
loss that stops being finite, or a step that fails, ends training with the reason in the dock
and leaves the document as it was."""

from __future__ import annotations

import logging
import time

import numpy as np
import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from graphstudio.run.training import Trainer, TrainingError, decision_boundary
from graphstudio.ui.canvas.preview import NodeRunState
from graphstudio.ui.commands import try_push
from graphstudio.ui.slots import guarded
from graphstudio.ui.tools.train_command import (
    TrainParametersCommand,
    optimizer_text,
    run_summary,
    started_specs,
    stats_text,
    trained_changes,
)
from graphstudio.ui.tools.training_form import TrainingForm
from graphstudio.ui.tools.training_plots import BoundaryView, LossPlot

__all__ = ["TrainingDock"]

log = logging.getLogger(__name__)

SLICE_S = 0.03          # one timer slice at full speed (at least) ...
MAX_SLICE_S = 0.08      # ... growing to twice the time the window needs between slices
CARDS_EVERY_S = 0.25    # how often the Parameter cards show the current values
BOUNDARY_EVERY_S = 0.2  # how often the decision boundary is redrawn
BOUNDARY_RES = 80
WIDE = 760              # narrower than this, the dock stacks its parts vertically


class TrainingDock(QWidget):
    """The dock's widget for ``window`` (a MainWindow). ``state`` is ``"idle"``,
    ``"running"`` or ``"paused"``; :attr:`stateChanged` is emitted when it changes and when a
    run ends (then :attr:`summary` says how it went)."""

    stateChanged = Signal(str)

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.graph = window.graph
        self.theme = window.theme
        self.trainer: Trainer | None = None
        self.state = "idle"
        self.summary = ""
        self.applied: TrainParametersCommand | None = None
        self._applied_at = 0  # the undo stack's index just after ``applied`` was pushed
        self._applied_done = False
        self._started: dict = {}  # each trained Parameter's tensor when training started
        self.busy_s = 0.0
        self._steps: list[int] = []
        self._losses: list[float] = []
        self._norms: dict[str, list[float]] = {}
        self._cards: set[str] = set()
        self._last_cards = self._last_boundary = self._tick_end = 0.0
        self._told_overlap = False
        self._boundary_ok = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._losses_timer = QTimer(self)
        self._losses_timer.setSingleShot(True)
        self._losses_timer.setInterval(200)
        self._losses_timer.timeout.connect(self._refresh_losses)
        self._build()
        self._unsubscribe = self.graph.subscribe(self._on_event)
        window.undo_stack.indexChanged.connect(self._undo_index_changed)
        self._refresh_losses()
        self._sync()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.form = TrainingForm()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("train_start")
        self.start_button.setToolTip(self.tr("Train the parameters with these settings"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("train_pause")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("train_stop")
        self.stop_button.setToolTip(self.tr("End training now and keep the steps taken so far"))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for b in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(b)
        self.progress = QProgressBar()
        self.progress.setObjectName("train_progress")
        self.progress.setFormat(self.tr("%v / %m steps"))
        self._steps_setting(self.form.steps_box.value())  # "0 / 200 steps", not "0 / 1"
        self.form.steps_box.valueChanged.connect(self._steps_setting)
        self.stats = QLabel()
        self.stats.setObjectName("train_stats")
        self.stats.setWordWrap(True)
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("train_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        settings = QWidget()
        col = QVBoxLayout(settings)
        col.setContentsMargins(0, 0, 4, 0)
        col.setSpacing(8)
        col.addWidget(self.form)
        col.addLayout(buttons)
        col.addWidget(self.progress)
        col.addWidget(self.stats)
        col.addWidget(self.message)
        col.addStretch(1)
        self.side = side = QScrollArea()  # a short dock scrolls its settings (they made an
        side.setWidget(settings)  # 800x600 window taller than the screen, over the status bar)
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setFixedWidth(300)
        self.loss_plot = LossPlot(self.theme)
        self.boundary = BoundaryView(self.theme)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(8, 6, 8, 6)
        self.box.setSpacing(14)
        self.box.addWidget(side)
        self.box.addWidget(self.loss_plot, 3)
        self.box.addWidget(self.boundary, 2)

        self.start_button.clicked.connect(guarded(self.start, self._say_error))
        self.pause_button.clicked.connect(guarded(self.toggle_pause, self._say_error))
        self.stop_button.clicked.connect(guarded(self.stop, self._say_error))
        self.form.pace_box.currentIndexChanged.connect(guarded(self._pace_changed,
                                                               self._say_error))

    # ------------------------------------------------------------------ actions
    def start(self) -> bool:
        """Start training (or resume when paused); False when it cannot start."""
        if self.state == "paused":
            return self.resume()
        if self.state == "running":
            return False
        self._refresh_losses()
        try:
            trainer = Trainer(self.graph, self.form.config())
        except TrainingError as ex:
            self._say_error(self.tr("Cannot train: {0}").format(ex))
            return False
        self.trainer, self.applied, self.busy_s = trainer, None, 0.0
        self._started = started_specs(self.graph, trainer)
        self._steps, self._losses = [], []
        self._norms = {name: [] for name in trainer.names.values()}
        self._wall0 = time.perf_counter()
        self._last_cards = self._last_boundary = 0.0
        self._told_overlap = False
        self.progress.setRange(0, trainer.config.steps)
        self.progress.setValue(0)
        self.loss_plot.clear()
        self._setup_boundary(trainer)
        self._say("")
        self._set_state("running")
        self._start_timer()
        self.window.show_status(self.tr("Training {0}: {1} steps of {2}").format(
            ", ".join(trainer.names.values()), trainer.config.steps, optimizer_text(trainer)))
        return True

    def pause(self) -> None:
        if self.state == "running":
            self._timer.stop()
            self._set_state("paused")
            self._update_views(force=True)
            self._say(self.tr("Paused at step {0}: Resume goes on, Stop keeps the steps taken")
                      .format(self.trainer.steps_done))

    def resume(self) -> bool:
        if self.state != "paused":
            return False
        self._set_state("running")
        self._say("")
        self._start_timer()
        return True

    def toggle_pause(self) -> None:
        self.resume() if self.state == "paused" else self.pause()

    def stop(self) -> None:
        """End training now; the steps taken so far are written to the document."""
        if self.state in ("running", "paused"):
            self.trainer.stop("stopped")
            self._finish()

    def abandon(self, why: str) -> None:
        """End training without touching the document (it was replaced, the window closes)."""
        if self.state in ("running", "paused"):
            self._timer.stop()
            self.trainer.stop(why)
            self._restore_cards()
            self._set_state("idle")
            self._say_error(self.tr("Training abandoned: {0}. Nothing was changed").format(why))

    def _undo_index_changed(self, index: int) -> None:
        """Undo/redo moved past the last run's command: say whether its values are in."""
        cmd, stack = self.applied, self.window.undo_stack
        if cmd is None or not shiboken6.isValid(cmd) or self._applied_at < 1 \
                or stack.count() < self._applied_at or stack.command(self._applied_at - 1) \
                is not cmd:
            return  # no run, or its command left the stack
        done = index >= self._applied_at
        if done == self._applied_done:
            return
        self._applied_done = done
        self._say(self.summary if done else self.tr("Undone: the parameters hold their values "
                  "from before training again (Redo, Ctrl+Shift+Z, puts the trained values back)"))

    def _forget_run(self, keep_message: bool = False) -> None:
        """Another document: the last run's curve, boundary and summary are not about it."""
        self.trainer = self.applied = None
        self._steps, self._losses, self._norms = [], [], {}
        self.loss_plot.clear()
        self.boundary.clear()
        self.boundary.show_start_hint()
        self.stats.setText("")
        if not keep_message:
            self._say("")
        self._steps_setting(self.form.steps_box.value())

    def close(self) -> None:
        """Stop following the graph (the window is closing)."""
        self._timer.stop()
        self._losses_timer.stop()
        self._unsubscribe()

    # ------------------------------------------------------------------ the loop
    def _start_timer(self) -> None:
        self._tick_end = 0.0
        pace = self.form.pace()
        self._timer.start(0 if pace is None else max(16, int(1000 / pace)))

    def _pace_changed(self) -> None:
        if self.state == "running":
            self._start_timer()

    def _tick(self) -> None:
        t = self.trainer
        if self.state != "running" or t is None:
            self._timer.stop()
            return
        error = None
        start = time.perf_counter()
        gap = start - self._tick_end if self._tick_end else 0.0
        try:
            pace = self.form.pace()
            if pace is None:  # train ~2/3 of the time, repaint and handle input in between
                records = t.run_for(min(max(SLICE_S, 2 * gap), MAX_SLICE_S))
            else:
                records = t.step(max(1, round(pace * self._timer.interval() / 1000)))
        except TrainingError as ex:
            records, error = [], str(ex)
        except Exception as ex:  # an engine bug must not take the window down
            log.exception("training step failed")
            records, error = [], f"{type(ex).__name__}: {ex}"
            t.stop("error")
        self.busy_s += time.perf_counter() - start
        for r in records:
            self._steps.append(r.step)
            self._losses.append(r.loss)
            for name, series in self._norms.items():
                series.append(r.grad_norms.get(name, 0.0))
        if error is not None or t.done:
            self._finish(error)
        else:
            self._update_views()
        self._tick_end = time.perf_counter()

    def _finish(self, error: str | None = None) -> None:
        self._timer.stop()
        t = self.trainer
        self._update_views(force=True, cards=False)
        self._restore_cards()
        self._set_state("idle")
        problem = error or t.error
        if problem is None and t.stop_reason not in (None, "stopped"):
            problem = t.stop_reason
        wall = time.perf_counter() - self._wall0
        if problem is not None:
            advice = self.tr(" (try a smaller learning rate)") if "loss became" in problem else ""
            self.summary = self.tr("Training stopped: {0}{1}. The parameters were left as they "
                                   "were").format(problem, advice)
            self._say_error(self.summary)
            self.window.show_status(self.summary)
            return
        changes, skipped = trained_changes(self.graph, t, self._started)
        n = t.steps_done
        text = (self.tr("Train {0} step ({1})") if n == 1 else self.tr("Train {0} steps ({1})")
                ).format(n, optimizer_text(t))
        if changes:
            cmd = TrainParametersCommand(self.graph, changes, text)
            reason = try_push(self.window.undo_stack, cmd)
            if reason:
                self._say_error(self.tr("The trained values could not be written: {0}")
                                .format(reason))
                return
            self.applied, self._applied_done = cmd, True
            self._applied_at = self.window.undo_stack.index()
        self.summary = run_summary(t, skipped, bool(changes))
        self._say(self.summary)
        self.window.show_status(self.summary + (f" ({wall:.2f} s)" if n else ""))  # seconds

    # ------------------------------------------------------------------ showing progress
    def _update_views(self, force: bool = False, cards: bool = True) -> None:
        t = self.trainer
        if t is None:
            return
        self.progress.setValue(min(t.steps_done, self.progress.maximum()))
        self.loss_plot.set_data(np.asarray(self._steps), np.asarray(self._losses),
                                {k: np.asarray(v) for k, v in self._norms.items()})
        self._show_stats(t)
        now = time.perf_counter()
        if self.state == "running" or force:
            if cards and (force or now - self._last_cards >= CARDS_EVERY_S):
                self._last_cards = now
                self._show_cards(t)
            if self._boundary_ok and (force or now - self._last_boundary >= BOUNDARY_EVERY_S):
                self._last_boundary = now
                self._show_boundary(t)

    def _show_stats(self, t: Trainer) -> None:
        self.stats.setText(stats_text(self._losses, t.steps_done, self.busy_s))

    def _show_cards(self, t: Trainer) -> None:
        """Each trained Parameter's card shows its value (and .grad) now."""
        scene, display = self.window.scene, self._display()
        for nid, tensor in t.params.items():
            item = scene.node_item(nid)
            if item is None:
                continue
            grad = None if tensor.grad is None else np.array(tensor.grad.numpy())
            state = NodeRunState(value=np.array(tensor.detach().numpy()), grad=grad,
                                 requires_grad=True, show_grad=True)
            if display is not None:  # through the run display, so its cache stays truthful
                display.set_override(nid, state)
            else:
                item.set_run_state(state)
            self._cards.add(nid)
        if not self._told_overlap:
            self._told_overlap = True
            from graphstudio.ui.run.messages import cards_overlap

            if cards_overlap(scene):
                self.window.show_status(self.tr("Cards overlap now that they show values: L lays "
                                                "the graph out (training goes on)"))

    def _display(self):
        """The run display (SceneDisplay) when the run UI is installed."""
        return getattr(getattr(self.window, "run_controller", None), "display", None)

    def _restore_cards(self) -> None:
        """Give the cards back what the stepping view shows of them (or nothing)."""
        display = self._display()
        if display is not None:
            display.clear_overrides(self._cards)
        else:
            for nid in self._cards:
                item = self.window.scene.node_item(nid)
                if item is not None and shiboken6.isValid(item):
                    item.set_run_state(None)
        self._cards = set()

    def _setup_boundary(self, t: Trainer) -> None:
        self.boundary.clear()
        self._boundary_ok = False
        try:
            db = decision_boundary(t.graph, t, resolution=BOUNDARY_RES)
        except Exception as ex:  # TrainingError, or a classifier the picture cannot evaluate
            self.boundary.show_message(self.tr("No decision boundary: {0}").format(ex))
            return
        self._boundary_ok = True
        self.boundary.set_boundary(db)

    def _show_boundary(self, t: Trainer) -> None:
        try:
            self.boundary.set_boundary(decision_boundary(t.graph, t, resolution=BOUNDARY_RES))
        except Exception as ex:  # e.g. NaN parameters: keep the last picture
            self._boundary_ok = False
            self.boundary.show_message(self.tr("The decision boundary stopped updating: {0}")
                                       .format(ex))

    # ------------------------------------------------------------------ state and text
    def _steps_setting(self, steps: int) -> None:
        """Between runs the progress bar counts towards the Steps setting."""
        if self.state not in ("running", "paused"):
            self.progress.setRange(0, steps)
            self.progress.setValue(0)

    def _set_state(self, state: str) -> None:
        self.state = state
        self._sync()
        self.stateChanged.emit(state)

    def _sync(self) -> None:
        running, paused = self.state == "running", self.state == "paused"
        active = running or paused
        self.start_button.setEnabled(not active)
        self.pause_button.setEnabled(active)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Go on training") if paused else self.tr(
            "Pause training; the window shows the values so far"))
        self.stop_button.setEnabled(active)
        self.form.set_running(active)
        if not self.graph.nodes and not active:
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("The graph is empty: open an example or add "
                                                 "nodes"))
        else:
            self.start_button.setToolTip(self.tr("Train the parameters with these settings"))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _say_error(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {self.theme.error.name()};")
        self.message.setText(text)

    # ------------------------------------------------------------------ following the graph
    def _on_event(self, ev) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        try:
            if ev.kind in ("node_moved", "meta_changed"):
                return
            if ev.kind == "reset":
                keep_message = self.state != "idle"
                self.abandon(self.tr("another graph was opened"))
                self._forget_run(keep_message)
            if self.state == "idle":
                self._losses_timer.start()
                self._sync()
        except Exception:  # a model listener must never raise into the model
            log.exception("training dock failed to follow %s", ev.kind)

    def _refresh_losses(self) -> None:
        self._losses_timer.stop()
        if self.state == "idle" and self.isVisible():  # showEvent lists them when it opens
            try:
                self.form.fill_losses(self.graph)
            except Exception:  # the loss list is a convenience; never fail an edit over it
                log.exception("could not list the loss candidates")
        self._sync()

    def set_theme(self, theme) -> None:
        self.theme = theme
        self.loss_plot.set_theme(theme)
        self.boundary.set_theme(theme)
        if self.trainer is not None and self._boundary_ok and self.state != "running":
            self._show_boundary(self.trainer)

    # ------------------------------------------------------------------ Qt events
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_losses()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.window.theme is not self.theme:
            self.set_theme(self.window.theme)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= WIDE
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.TopToBottom)
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.side.setMinimumWidth(300 if wide else 0)
            self.side.setMaximumWidth(300 if wide else 16777215)

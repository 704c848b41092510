"""The lesson driver: one open lesson on a window, following what the learner does.

:class:`LessonDriver` owns the :class:`~graphstudio.lessons.progress.LessonProgress` and turns the
window's own signals into lesson events (never screen positions): the document's events (an
attribute edited, a run option changed, a wire added), the run controller's step and timeline
signals (through :class:`~graphstudio.lessons.run_events.RunWatcher`), every registered action's
``triggered``, and the Training dock finishing a run. After each it re-evaluates the step (once
per turn of the event loop) and emits :attr:`changed`. It opens the graph a step asks for, keeps
progress per lesson in the settings, and starts the hint timer.
"""

from __future__ import annotations

import logging
import os

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from graphstudio.lessons.catalog import graph_for_step, graph_path
from graphstudio.lessons.conditions import Event
from graphstudio.lessons.progress import LessonProgress, StepStatus
from graphstudio.lessons.run_events import RunWatcher

__all__ = ["LessonDriver"]

log = logging.getLogger(__name__)


class _World:
    """What checks read: the document and the run as the window shows it."""

    def __init__(self, driver):
        self._d = driver

    @property
    def graph(self):
        return self._d.window.graph

    @property
    def timeline(self):
        return self._d.controller.timeline

    @property
    def k(self) -> int:
        return self._d.controller.k

    @property
    def valid(self) -> bool:
        return self._d.controller.valid

    @property
    def training_loss(self):
        return self._d.training_loss


class LessonDriver(QObject):
    """See the module docstring. ``status`` is the current step's last evaluation."""

    changed = Signal()
    hintDue = Signal()

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.controller = window.run_controller
        self.progress: LessonProgress | None = None
        self.status: StepStatus | None = None
        self.training_loss = None
        self.hint_shown = False
        self.world = _World(self)
        self._watcher = RunWatcher()
        self._opened: str | None = None  # the graph file the lesson last opened
        self._connected: set[str] = set()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.evaluate)
        self.hint_timer = QTimer(self)
        self.hint_timer.setSingleShot(True)
        self.hint_timer.timeout.connect(self._hint_due)
        self._unsubscribe = window.graph.subscribe(self._on_graph_event)
        self.controller.stepChanged.connect(self._on_run)
        self.controller.timelineChanged.connect(self._on_run)
        training = getattr(getattr(window, "tools_ui", None), "training", None)
        if training is not None:
            training.stateChanged.connect(self._on_training)

    # ------------------------------------------------------------------ the lesson
    @property
    def lesson(self):
        return self.progress.lesson if self.progress is not None else None

    def start(self, lesson, index: int | None = None) -> bool:
        """Open ``lesson`` at ``index`` (default: where the learner left it)."""
        step, passed = self.window.settings.lesson_progress(lesson.id)
        self.progress = LessonProgress(lesson, step if index is None else index, passed)
        self.training_loss = None
        self._connect_actions()
        return self._enter_step()

    def close(self) -> None:
        """Stop the lesson (progress stays saved)."""
        self.progress, self.status, self._opened = None, None, None
        self.hint_timer.stop()
        self.changed.emit()

    def go(self, index: int) -> bool:
        self.progress.go(index)
        return self._enter_step()

    def next(self) -> bool:
        if self.progress.at_last:
            return False
        return self.go(self.progress.index + 1)

    def back(self) -> bool:
        if self.progress.index == 0:
            return False
        return self.go(self.progress.index - 1)

    def restart(self) -> bool:
        self.progress.restart()
        return self._enter_step(fresh=True)

    def skip(self) -> bool:
        self.progress.skip()
        return self._enter_step()

    def shutdown(self) -> None:
        self.hint_timer.stop()
        self._refresh.stop()
        self._unsubscribe()

    # ------------------------------------------------------------------ internals
    def _enter_step(self, fresh: bool = False) -> bool:
        p = self.progress
        ok = self._open_graph(graph_for_step(p.lesson, p.index), fresh)
        self.window.settings.save_lesson_progress(p.lesson.id, p.index, p.passed)
        self.hint_shown, self.status = False, None
        self.hint_timer.start(int(p.lesson.hint_seconds * 1000))
        self._watcher.update(self.controller.timeline, self.controller.k, self.controller.valid)
        self.evaluate()
        return ok

    def _open_graph(self, ref: str | None, fresh: bool = False) -> bool:
        """Open the graph ``ref`` unless the lesson already has it open (``fresh``: again)."""
        if not ref:
            return True
        path = os.path.normcase(str(graph_path(self.lesson, ref)))
        if path == self._opened and not fresh:
            return True
        # a graph this lesson opened is practice: replaced without asking; anything else asks
        ask = self._opened is None
        if not self.window.files.open_file(path, ask=ask):
            return False
        self._opened = path
        return True

    def evaluate(self) -> None:
        """Evaluate the current step now and tell the panel."""
        self._refresh.stop()
        p = self.progress
        if p is None:
            return
        try:
            was = self.status.complete if self.status is not None else False
            self.status = p.status(self.world)
            if self.status.complete and not was:
                self.hint_timer.stop()
                self.window.settings.save_lesson_progress(p.lesson.id, p.index, p.passed)
        except Exception:  # a check must never take the window down
            log.exception("evaluating lesson step %s failed", p.step.id)
        self.changed.emit()

    def _notice(self, event: Event) -> None:
        if self.progress is None or not shiboken6.isValid(self):
            return
        self.progress.notice(event, self.window.graph)
        self._refresh.start()

    def _connect_actions(self) -> None:
        for key, action in self.window.actions.items():
            if key not in self._connected:
                self._connected.add(key)
                action.triggered.connect(lambda *_a, k=key: self._notice(Event("action", (k,))))

    def _on_graph_event(self, ev) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if ev.kind == "attr_changed":
            self._notice(Event("edit", (ev.node_id, ev.key)))
        elif ev.kind == "run_changed":
            self._notice(Event("option", (ev.key,)))
        elif ev.kind == "edge_added":
            self._notice(Event("connect", (ev.edge.src, ev.edge.dst)))
        elif self.progress is not None:
            self._refresh.start()

    def _on_run(self, *_args) -> None:
        c = self.controller
        for event in self._watcher.update(c.timeline, c.k, c.valid):
            self._notice(event)
        if self.progress is not None:
            self._refresh.start()

    def _on_training(self, state: str) -> None:
        if state == "idle":  # the trained values are written just after the state changes
            QTimer.singleShot(0, self, self._training_done)

    def _training_done(self) -> None:
        training = self.window.tools_ui.training
        if training.applied is None or training.trainer is None:
            return
        losses = training.trainer.losses
        self.training_loss = float(losses[-1]) if len(losses) else None
        self._notice(Event("train"))

    def _hint_due(self) -> None:
        if self.progress is not None and not (self.status and self.status.complete):
            self.hint_shown = True
            self.hintDue.emit()

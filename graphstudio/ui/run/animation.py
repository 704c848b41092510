"""Wire travel animation: dots running along wires while a step happens, never blocking input.

A :class:`WireAnimator` drives one ``QVariantAnimation`` (0 to 1 over ``duration`` ms) from
the event loop: each frame moves a dot along every wire of the step (forward: from the source
port to the node being computed; backward: from the node back to its inputs) and when the
dots arrive it calls ``on_done``, which shows what the step produced. :meth:`finish` jumps to
the end at once (the next step, a jump or an edit never waits for an animation).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

__all__ = ["WireAnimator"]

log = logging.getLogger(__name__)


class WireAnimator(QObject):
    """Moves pulses along wires; one animation at a time."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._anim.valueChanged.connect(self._frame)
        self._anim.finished.connect(self._finished)
        self._wires: list[tuple[object, bool]] = []
        self._on_done = None

    @property
    def running(self) -> bool:
        return self._on_done is not None

    def start(self, wires, duration_ms: int, on_done) -> None:
        """Run dots along ``wires`` (``(edge_item, reverse)`` pairs) for ``duration_ms``, then
        call ``on_done()``. A running animation is finished first."""
        self.finish()
        self._wires = [(w, bool(rev)) for w, rev in wires]
        self._on_done = on_done
        if not self._wires or duration_ms <= 0:
            self.finish()
            return
        self._anim.setDuration(int(duration_ms))
        self._frame(0.0)
        self._anim.start()

    def finish(self) -> None:
        """Jump to the end: hide the dots and run ``on_done`` now (no-op when idle)."""
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
        self._finished()

    def _alive(self):
        return [(w, rev) for w, rev in self._wires if shiboken6.isValid(w) and w.scene()]

    def _frame(self, value) -> None:
        t = float(value)
        for wire, reverse in self._alive():
            wire.set_pulse(1.0 - t if reverse else t)

    def _finished(self) -> None:
        done, self._on_done = self._on_done, None
        for wire, _rev in self._alive():
            wire.set_pulse(None)
        self._wires = []
        if done is not None:
            try:
                done()
            except Exception:  # a display update must never escape into the event loop
                log.exception("showing the end of an animated step failed")

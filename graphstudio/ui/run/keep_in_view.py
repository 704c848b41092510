"""Keep the whole graph in view while a run makes its cards grow.

Cards gain value and gradient lines as a run proceeds (and the Steps dock, coming forward at the
first run, narrows the canvas), so a graph that fitted the view before the run ran off its right
edge. When the whole graph was visible as a run started, the view re-frames it whenever it no
longer fits, until the person zooms or pans themselves (then the view is theirs).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

__all__ = ["KeepGraphInView"]


class KeepGraphInView(QObject):
    def __init__(self, view, controller, parent=None):
        super().__init__(parent)
        self.view, self.controller = view, controller
        self.active = False
        self._state = None  # the view's zoom and centre after our last frame
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        controller.timelineChanged.connect(self._run_started)
        controller.stepChanged.connect(lambda _k: self._timer.start(0))

    def _view_state(self):
        """Zoom and the scene point at the centre (a viewport resize keeps both)."""
        v = self.view
        return v.zoom(), v.mapToScene(v.viewport().rect().center())

    def _moved_by_hand(self) -> bool:
        zoom, centre = self._state
        now_zoom, now_centre = self._view_state()
        d = now_centre - centre
        return now_zoom != zoom or abs(d.x()) + abs(d.y()) > 3.0 / zoom

    def _visible(self):
        v = self.view
        return v.mapToScene(v.viewport().rect()).boundingRect()

    def _run_started(self) -> None:
        items = self.view.scene().items_bounding_rect()
        self.active = self.controller.timeline is not None and not items.isNull() and (
            self._visible().contains(items))
        self._state = self._view_state() if self.active else None
        if self.active:
            self._timer.start(0)

    def check(self) -> bool:
        """Re-frame if the graph outgrew the view since the run started; True if it did."""
        if not self.active:
            return False
        if self._moved_by_hand():  # zoomed or panned by hand: leave it
            self.active = False
            return False
        items = self.view.scene().items_bounding_rect()
        if items.isNull() or self._visible().contains(items):
            return False
        self.view.frame_rect(items)
        self._state = self._view_state()
        return True

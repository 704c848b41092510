"""The camera follows the step: each step's node (and, backward, the wire carrying the
gradient) comes into view with a short smooth pan.

:class:`FollowStep` listens to the run controller. After each step it looks at the card of the
node the step ran (backward: with the wires its gradients leave along, when they fit in the
view) and, unless that is comfortably inside the view already, pans the least distance that
brings it in, over at most :data:`PAN_MS` (at once when the controller's animations are off).
It never zooms: the person's zoom stays. At the start of a run, when the whole graph was in
view and its cards, grown by the run, no longer fit, it frames the graph again (never below
the readable floor, see :mod:`~graphstudio.ui.canvas.readable`) around the step's node.
View > Follow Step (:attr:`enabled`) turns the following off.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QRectF, QVariantAnimation

__all__ = ["FollowStep", "PAN_MS"]

#: how long a follow pan takes
PAN_MS = 220
#: "comfortably visible": this far inside the viewport's edges (screen pixels)
MARGIN_PX = 24.0


class FollowStep(QObject):
    def __init__(self, view, controller, enabled: bool = True, parent=None):
        super().__init__(parent)
        self.view, self.controller = view, controller
        self.enabled = enabled
        self.pans = 0  # pans started (for tests and the benchmark)
        self._graph_was_visible = False
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(PAN_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._pan_frame)
        controller.timelineChanged.connect(self._run_started)
        controller.stepChanged.connect(self._step_shown)

    @property
    def panning(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        if not on:
            self._anim.stop()

    def finish(self) -> None:
        """Jump to the end of a pan in progress."""
        if self.panning:
            end = self._anim.endValue()
            self._anim.stop()
            self.view.centerOn(end)

    # ------------------------------------------------------------------ what to show
    def step_rect(self, k: int) -> QRectF | None:
        """The scene area step ``k`` is about: its node's card, with (backward) the wires its
        gradients leave along when card and wires fit in the view together."""
        tl = self.controller.timeline
        if tl is None or not 0 <= k < len(tl):
            return None
        step = tl.steps[k]
        scene = self.view.scene()
        card = scene.node_item(step.node_id) if step.node_id else None
        if card is None:
            return None
        rect = card.sceneBoundingRect()
        if step.kind == "backward":
            wide = QRectF(rect)
            for edge in step.edge_grads:
                wire = scene.edge_item(edge)
                if wire is not None:
                    wide = wide.united(wire.sceneBoundingRect())
            if self._fits(wide):
                rect = wide
        return rect

    def _fits(self, rect: QRectF) -> bool:
        area = self._comfortable()
        return rect.width() <= area.width() and rect.height() <= area.height()

    def _comfortable(self) -> QRectF:
        m = MARGIN_PX / max(self.view.zoom(), 1e-6)
        return self.view.visible_scene_rect().adjusted(m, m, -m, -m)

    def _centre(self) -> QPointF:
        return self.view.visible_scene_rect().center()

    # ------------------------------------------------------------------ moving
    def bring_into_view(self, rect: QRectF, animate: bool = True) -> bool:
        """Pan the least distance that puts ``rect`` comfortably in view (its top-left part
        when it is larger than the view); False when it was already."""
        area = self._comfortable()
        if area.contains(rect):
            return False
        dx = _shift(rect.left(), rect.right(), area.left(), area.right())
        dy = _shift(rect.top(), rect.bottom(), area.top(), area.bottom())
        if not dx and not dy:
            return False
        self._anim.stop()
        start = self._centre()
        end = start + QPointF(dx, dy)
        self.pans += 1
        if animate:
            self._anim.setStartValue(start)
            self._anim.setEndValue(end)
            self._anim.start()
        else:
            self.view.centerOn(end)
        return True

    def keep_step_in_view(self) -> None:
        """The canvas moved under the view (a big document's room for a run was made): the
        current step's node comes back into view at once, when following."""
        rect = self.step_rect(self.controller.k) if self.enabled else None
        if rect is not None:
            self.bring_into_view(rect, animate=False)

    def centre_on_graph(self) -> None:
        """At the present zoom, show as much of the graph as fits, around the current step's
        node (the view changed size: presentation mode, a panel shown or hidden)."""
        items = self.view.scene().items_bounding_rect()
        if items.isNull():
            return
        self._anim.stop()
        rect = self.step_rect(self.controller.k)
        seen = self.view.visible_scene_rect()
        self.view.centerOn(self.view.framed_centre(
            items.adjusted(-60, -60, 60, 60), seen.width(), seen.height(),
            rect.center() if rect is not None else None))

    def _pan_frame(self, centre) -> None:
        self.view.centerOn(centre)

    # ------------------------------------------------------------------ controller signals
    def _run_started(self) -> None:
        items = self.view.scene().items_bounding_rect()
        self._graph_was_visible = self.controller.timeline is not None and \
            not items.isNull() and self.view.visible_scene_rect().contains(items)

    def _step_shown(self, k: int) -> None:
        refit, self._graph_was_visible = self._graph_was_visible, False
        if not self.enabled:
            return
        rect = self.step_rect(k)
        if refit:  # the run grew the cards out of a view that showed them all
            items = self.view.scene().items_bounding_rect()
            if not self.view.visible_scene_rect().contains(items):
                self._anim.stop()
                self.view.frame_rect(items, rect.center() if rect is not None else None)
        if rect is not None:
            self.bring_into_view(rect, animate=self.controller.animate)


def _shift(lo: float, hi: float, area_lo: float, area_hi: float) -> float:
    """How far to move the view along one axis so [lo, hi] lies in [area_lo, area_hi] (its
    start, when it is longer)."""
    if hi - lo > area_hi - area_lo or lo < area_lo:
        return lo - area_lo
    if hi > area_hi:
        return hi - area_hi
    return 0.0

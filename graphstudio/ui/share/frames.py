"""Pictures of a run, one per step, as the window shows them: the frames of an animation and
the pictures of a handout.

:class:`RunFrames` puts a graph on its own offscreen :class:`GraphScene` and shows step k with
the window's :class:`~graphstudio.ui.run.scene_display.SceneDisplay` (values travelling forward,
gradients travelling back, ``.grad`` arriving, the no-gradient path greyed, the step's glow).
Cards are laid out once, at the last step where they are biggest (overlaps spread, as
``render --after`` does), so nothing moves between frames. The camera follows the step: a
graph that fits at a zoom where card text is at least :data:`~graphstudio.ui.canvas.readable.READABLE_PX` tall is shown
whole; a bigger one is shown at that zoom, panned to the step's card (and, going backward,
the wires its gradient leaves along). Under the picture, the caption strip
(:mod:`.caption`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from graphstudio.ui.canvas.readable import READABLE_PX, text_px
from graphstudio.ui.share.caption import CaptionPainter, caption_texts

__all__ = ["MAX_ZOOM", "RunFrames", "card_text_px", "to_pil"]

#: the smallest card text a frame shows, in pixels
#: a small graph is enlarged up to this zoom to fill the frame
MAX_ZOOM = 1.6
#: room left around the graph or the step, in scene units
MARGIN = 24.0


def card_text_px(theme=None) -> float:
    """The height in pixels, at zoom 1, of the smallest text a card draws (the window's own
    canvas text size, :func:`graphstudio.ui.canvas.readable.text_px`)."""
    return float(text_px())


def to_pil(image: QImage):
    """``image`` as a Pillow RGB image (a copy)."""
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw",
                            "RGB", rgb.bytesPerLine(), 1)


class RunFrames:
    """The frames of ``timeline`` (a run of ``graph``, which this lays out: pass a copy of a
    document's graph) at ``size`` pixels in ``theme``. Call :meth:`close` when done."""

    def __init__(self, graph, timeline, size: tuple[int, int], theme):
        from PySide6.QtGui import QUndoStack

        from graphstudio.ui.canvas.scene import GraphScene
        from graphstudio.ui.render import spread_if_overlapping
        from graphstudio.ui.run.scene_display import SceneDisplay

        self.graph, self.timeline, self.theme = graph, timeline, theme
        self.size = size
        self._stack = QUndoStack()
        self.scene = GraphScene(graph, self._stack, theme)
        self.display = SceneDisplay(self.scene, graph)
        self.display.stretch = False  # the copy is laid out for its cards just below
        self.display.show(timeline, len(timeline) - 1)
        self.display.flush()
        spread_if_overlapping(self.scene, graph)
        self.overview = self.scene.items_bounding_rect().adjusted(-MARGIN, -MARGIN,
                                                                  MARGIN, MARGIN)
        scale = max(1.0, size[1] / 720.0)
        self.caption = CaptionPainter(theme, size[0], scale)
        self.captions = caption_texts(timeline, graph)
        self.title = str(graph.meta.get("title") or "")
        self.min_zoom = READABLE_PX / card_text_px(theme)  # the window's floor, one source

    @property
    def canvas_size(self) -> tuple[int, int]:
        """The picture's part of a frame (above the caption strip)."""
        return self.size[0], self.size[1] - self.caption.height()

    def close(self) -> None:
        self.display.clear()
        self.scene.clear()
        self.scene.deleteLater()

    def show(self, k: int) -> None:
        """Put step ``k`` (-1: before the run) on the scene."""
        self.display.show(self.timeline, k)
        self.display.flush()

    # ------------------------------------------------------------------ camera
    def zoom(self) -> float:
        """The zoom of every frame: the whole graph when it fits readably, else the floor."""
        cw, ch = self.canvas_size
        fit = min(cw / self.overview.width(), ch / self.overview.height())
        return min(fit, MAX_ZOOM) if fit >= self.min_zoom else self.min_zoom

    def focus(self, k: int) -> QRectF:
        """The scene rectangle step ``k`` is about: its card, and going backward the wires
        its gradient leaves along (k = -1: the first step's card)."""
        from graphstudio.ui.run.display import step_edges

        steps = self.timeline.steps
        step = steps[max(k, 0)] if steps else None
        item = self.scene.node_item(step.node_id) if step and step.node_id else None
        rect = item.sceneBoundingRect() if item is not None else QRectF(self.overview)
        if k >= 0 and step.kind == "backward":
            for edge in step_edges(self.timeline, k):
                wire = self.scene.edge_item(edge)
                if wire is not None:
                    rect = rect.united(wire.sceneBoundingRect())
        return rect

    def camera(self, k: int) -> QRectF:
        """The scene rectangle frame ``k`` shows (the canvas part's aspect), framing the cards
        as they look at step ``k`` (which this puts on the scene)."""
        self.show(k)
        cw, ch = self.canvas_size
        z = self.zoom()
        w, h = cw / z, ch / z
        ov = self.overview
        if w >= ov.width() and h >= ov.height():
            centre = ov.center()
        else:
            focus = self.focus(k)
            if focus.width() > w - 2 * MARGIN or focus.height() > h - 2 * MARGIN:
                item = self.scene.node_item(self.timeline.steps[max(k, 0)].node_id or "")
                focus = item.sceneBoundingRect() if item is not None else focus
            centre = focus.center()
        x = _clamp(centre.x() - w / 2, ov.left(), ov.right() - w)
        y = _clamp(centre.y() - h / 2, ov.top(), ov.bottom() - h)
        return QRectF(QPointF(x, y), QRectF(0, 0, w, h).size())

    # ------------------------------------------------------------------ pictures
    def paint_canvas(self, painter: QPainter, target: QRectF, k: int) -> None:
        """Paint step ``k`` of the scene, framed by :meth:`camera`, into ``target``."""
        painter.fillRect(target, self.theme.canvas_bg)
        self.scene.render(painter, target, self.camera(k), Qt.AspectRatioMode.KeepAspectRatio)

    def frame(self, k: int) -> QImage:
        """The frame of step ``k``: the canvas at that step and the caption strip."""
        self.show(k)
        w, h = self.size
        image = QImage(w, h, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        cw, ch = self.canvas_size
        self.paint_canvas(painter, QRectF(0, 0, cw, ch), k)
        self.caption.paint(painter, ch, self.captions[k], self.title)
        painter.end()
        return image


def _clamp(v: float, lo: float, hi: float) -> float:
    """``v`` kept within [lo, hi]; the middle when the range is empty (the view is larger)."""
    if hi < lo:
        return (lo + hi) / 2
    return min(max(v, lo), hi)

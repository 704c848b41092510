"""The caption strip under a shared frame: the step number, its PyTorch line (forward) or
``grad_fn`` name (backward), and the one-sentence explanation of the step.

The line is the Steps dock's own row (:func:`~graphstudio.ui.run.steps_dock.step_rows`), the
sentence :func:`~graphstudio.run.step_text.explain_step`, so an animation, a handout and the
window say the same thing about a step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextOption

from graphstudio.run.step_text import CONTEXT, explain_step, step_heading
from graphstudio.ui.run.steps_dock import step_rows

__all__ = ["Caption", "CaptionPainter", "caption_texts", "translate_step_text"]

#: caption font sizes in pixels at a 720-pixel-high frame (they grow with taller frames)
HEADING_PX, CODE_PX, SENTENCE_PX = 15.0, 16.0, 15.0
MONO_FAMILIES = ["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"]


def translate_step_text(text: str) -> str:
    """``text`` (a :mod:`graphstudio.run.step_text` template) in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Caption:
    """What the strip says about one step."""

    heading: str
    code: str
    owner: str
    sentence: str
    phase: str  # "start", "forward" or "backward"


def caption_texts(timeline, graph) -> dict[int, Caption]:
    """``{k: Caption}`` for every step of ``timeline`` (k = -1: before the run)."""
    out = {}
    no_grad = timeline.no_grad
    for kind, k, title, sub in step_rows(timeline, graph):
        if kind == "header":
            continue
        code = title.strip()
        if kind == "forward" and no_grad:
            code = "with torch.no_grad(): " + code
        if kind == "start":
            code, sub = "", ""
        owner = sub if kind == "backward" else ""
        out[k] = Caption(step_heading(timeline, k, translate_step_text), code, owner,
                         explain_step(timeline, k, graph, translate_step_text), kind)
    return out


class CaptionPainter:
    """Draws a :class:`Caption` in a strip ``width`` pixels wide, ``scale`` times the base
    font sizes; :meth:`height` says how tall the strip is."""

    def __init__(self, theme, width: int, scale: float = 1.0):
        self.theme, self.width = theme, width
        self.pad = round(14 * scale)
        self.heading = QFont()
        self.heading.setPixelSize(round(HEADING_PX * scale))
        self.heading.setBold(True)
        self.code = QFont()
        self.code.setFamilies(MONO_FAMILIES)
        self.code.setPixelSize(round(CODE_PX * scale))
        self.code.setBold(True)
        self.sentence = QFont()
        self.sentence.setPixelSize(round(SENTENCE_PX * scale))

    def _line(self, font) -> float:
        return QFontMetricsF(font).lineSpacing()

    def height(self) -> int:
        """Room for the heading, one code line and two lines of explanation."""
        return round(2 * self.pad + self._line(self.heading) + self._line(self.code)
                     + 2 * self._line(self.sentence) + self.pad * 0.8)

    def phase_colour(self, phase: str) -> QColor:
        t = self.theme
        return {"forward": t.value, "backward": t.grad}.get(phase, t.node_text_dim)

    def paint(self, painter: QPainter, top: float, caption: Caption, note: str = "") -> None:
        """Paint ``caption`` in the strip starting at ``top``; ``note`` goes right of the
        heading (e.g. the graph's title)."""
        t, w, pad = self.theme, self.width, self.pad
        rect = QRectF(0, top, w, self.height())
        painter.fillRect(rect, t.popup_bg)
        painter.fillRect(QRectF(0, top, w, max(3.0, pad / 4)), self.phase_colour(caption.phase))
        y = top + pad
        painter.setFont(self.heading)
        painter.setPen(QPen(t.node_text))
        line_h = self._line(self.heading)
        painter.drawText(QRectF(pad, y, w - 2 * pad, line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         caption.heading)
        if note:
            painter.setPen(QPen(t.node_text_dim))
            head_w = QFontMetricsF(self.heading).horizontalAdvance(caption.heading)
            room = w - 3 * pad - head_w
            text = QFontMetricsF(self.heading).elidedText(note, Qt.TextElideMode.ElideRight,
                                                          room)
            painter.drawText(QRectF(pad, y, w - 2 * pad, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        y += line_h
        self._paint_code(painter, y, caption)
        y += self._line(self.code) + pad * 0.4
        painter.setFont(self.sentence)
        painter.setPen(QPen(t.node_text))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        painter.drawText(QRectF(pad, y, w - 2 * pad, 2 * self._line(self.sentence)),
                         caption.sentence, option)

    def _paint_code(self, painter: QPainter, y: float, caption: Caption) -> None:
        pad, w = self.pad, self.width
        fm = QFontMetricsF(self.code)
        owner = f"  ({caption.owner})" if caption.owner else ""
        painter.setFont(self.code)
        painter.setPen(QPen(self.phase_colour(caption.phase)))
        code = fm.elidedText(caption.code, Qt.TextElideMode.ElideRight,
                             w - 2 * pad - fm.horizontalAdvance(owner))
        rect = QRectF(pad, y, w - 2 * pad, self._line(self.code))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, code)
        if owner:
            painter.setPen(QPen(self.theme.node_text_dim))
            painter.drawText(rect.adjusted(fm.horizontalAdvance(code), 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, owner)

"""The freeze toggle on a Parameter's title bar: trainable (∇) or frozen (snowflake), one
click flips ``requires_grad`` through an undoable command."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsItem

from graphstudio.ui.canvas.port_item import Hoverable

__all__ = ["FreezeToggle"]


class FreezeToggle(Hoverable, QGraphicsItem):
    """The snowflake on a Parameter's title: click to freeze/unfreeze (``requires_grad``)."""

    S = 9.0

    def __init__(self, parent):
        super().__init__(parent)
        self.frozen = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(3)

    def set_frozen(self, frozen: bool):
        self.frozen = frozen
        self.setToolTip(QCoreApplication.translate(
            "NodeItem", "Frozen (requires_grad=False): click to train it again") if frozen
            else QCoreApplication.translate(
                "NodeItem", "Trainable (requires_grad=True): click to freeze"))
        self.update()

    def boundingRect(self):
        return QRectF(-self.S - 2, -self.S - 2, 2 * self.S + 4, 2 * self.S + 4)

    def mousePressEvent(self, event):
        event.accept()

    def mouseReleaseEvent(self, event):
        event.accept()
        scene = self.scene()
        if self.boundingRect().contains(event.pos()) and scene is not None:
            try:
                scene.toggle_freeze(self.parentItem().node_id)
            except Exception as ex:  # a click must never take the window down
                scene.report(QCoreApplication.translate(
                    "NodeItem", "could not change requires_grad: {0}").format(ex))


    def paint(self, painter, option, widget=None):
        theme = self.parentItem().theme
        if self._hover or self.frozen:
            painter.setPen(Qt.NoPen)
            painter.setBrush(QBrush(Qt.white if self.frozen else theme.title_text))
            painter.setOpacity(0.95 if self.frozen else 0.25)
            painter.drawEllipse(QPointF(0, 0), self.S + 1, self.S + 1)
            painter.setOpacity(1.0)
        colour = theme.frozen.darker(130) if self.frozen else theme.title_text
        pen = QPen(colour, 1.6 if self.frozen else 1.2, Qt.SolidLine, Qt.RoundCap)
        painter.setPen(pen)
        r = self.S - 2.0
        if not self.frozen:  # trainable: a nabla (gradients reach it), not the same snowflake
            painter.setOpacity(0.85)
            painter.setBrush(Qt.NoBrush)
            painter.drawPolygon([QPointF(-r, -r * 0.7), QPointF(r, -r * 0.7), QPointF(0, r)])
            painter.setOpacity(1.0)
            return
        for k in range(3):  # six spokes with small V tips: a snowflake
            a = math.pi / 3 * k + math.pi / 2
            dx, dy = math.cos(a) * r, math.sin(a) * r
            painter.drawLine(QPointF(-dx, -dy), QPointF(dx, dy))
            for sgn in (1, -1):
                tip = QPointF(sgn * dx * 0.62, sgn * dy * 0.62)
                for da in (0.6, -0.6):
                    b = a + da + (0 if sgn > 0 else math.pi)
                    painter.drawLine(tip, tip + QPointF(math.cos(b) * 2.6, math.sin(b) * 2.6))
        painter.setOpacity(1.0)

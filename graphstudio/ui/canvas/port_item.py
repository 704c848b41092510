"""A port: the little circle on a node card where a wire starts or ends; also the card's error
badge (another small child item with its own tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem

__all__ = ["PORT_RADIUS", "ErrorBadge", "Hoverable", "PortItem", "paint_port"]

PORT_RADIUS = 5.0
_HIT = 9.0  # a generous grab area around the circle


class Hoverable:
    """Mixin for canvas items that redraw when the mouse enters or leaves them."""

    _hover = False

    def hoverEnterEvent(self, event):
        self.set_hover(True)

    def hoverLeaveEvent(self, event):
        self.set_hover(False)

    def set_hover(self, on: bool):
        if on != self._hover:
            self._hover = on
            self.update()


class PortItem(Hoverable, QGraphicsItem):
    """An input (left edge) or output (right edge) of a :class:`NodeItem`.

    ``highlight`` is set by a wire drag: None, ``"target"`` (a legal place to drop),
    ``"ok"`` (hovered and legal) or ``"bad"`` (hovered and refused).
    """

    def __init__(self, node_item, name: str, is_output: bool, doc: str = "",
                 optional: bool = False):
        super().__init__(node_item)
        self.node_item = node_item
        self.name = name
        self.is_output = is_output
        self.optional = optional
        self.connected = False
        self.highlight: str | None = None
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CrossCursor)
        self.setZValue(2)
        if is_output:
            tip = QCoreApplication.translate("PortItem", "<b>{0}</b> (output)")
        elif optional:
            tip = QCoreApplication.translate("PortItem", "<b>{0}</b> (optional input)")
        else:
            tip = QCoreApplication.translate("PortItem", "<b>{0}</b> (input)")
        self.setToolTip(tip.format(name) + (f"<br>{doc}" if doc else ""))

    @property
    def node_id(self) -> str:
        return self.node_item.node_id

    def scene_anchor(self) -> QPointF:
        """Where wires attach, in scene coordinates."""
        return self.scenePos()

    def set_connected(self, connected: bool):
        if connected != self.connected:
            self.connected = connected
            self.node_item.update()

    def set_highlight(self, kind: str | None):
        if kind != self.highlight:
            self.highlight = kind
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-_HIT, -_HIT, 2 * _HIT, 2 * _HIT)

    def paint(self, painter, option, widget=None):
        """Only hover and drag highlights; the card itself draws the resting circle."""
        if not (self._hover or self.highlight):
            return
        theme = self.node_item.theme
        if self.highlight == "target":
            painter.setPen(QPen(theme.port_compatible, 2.0))
            painter.setBrush(Qt.NoBrush)
            painter.drawEllipse(QPointF(0, 0), PORT_RADIUS + 3.5, PORT_RADIUS + 3.5)
        elif self.highlight in ("ok", "bad"):
            c = theme.port_compatible if self.highlight == "ok" else theme.error
            painter.setPen(QPen(c, 2.5))
            painter.setBrush(Qt.NoBrush)
            painter.drawEllipse(QPointF(0, 0), PORT_RADIUS + 5.0, PORT_RADIUS + 5.0)
        if self._hover or self.highlight in ("ok", "bad"):
            paint_port(painter, self, theme, PORT_RADIUS + 1.5)


def paint_port(painter, port: PortItem, theme, r: float = PORT_RADIUS, at=None):
    """The resting look: filled when connected, a ring when free, dotted when optional."""
    fill = port.node_item.port_color()
    if port.connected:
        painter.setPen(QPen(theme.port_border, 1.5))
        painter.setBrush(fill)
    elif port.optional:
        painter.setPen(QPen(fill, 1.5, Qt.DotLine))
        painter.setBrush(theme.node_body)
    else:
        painter.setPen(QPen(fill, 2.0))
        painter.setBrush(theme.node_body)
    painter.drawEllipse(at if at is not None else QPointF(0, 0), r, r)


class ErrorBadge(QGraphicsItem):
    """The red error mark on the card's top-right corner (tooltip: the message)."""

    R = 8.0

    def __init__(self, parent):
        super().__init__(parent)
        self.setZValue(3)
        self.setVisible(False)

    def boundingRect(self):
        return QRectF(-self.R - 1, -self.R - 1, 2 * self.R + 2, 2 * self.R + 2)

    def paint(self, painter, option, widget=None):
        theme = self.parentItem().theme
        painter.setPen(QPen(theme.node_body, 1.5))
        painter.setBrush(theme.error)
        painter.drawEllipse(QPointF(0, 0), self.R, self.R)
        painter.setPen(QPen(Qt.white, 2.2, Qt.SolidLine, Qt.RoundCap))
        painter.drawLine(QPointF(0, -4), QPointF(0, 1.2))
        painter.drawPoint(QPointF(0, 4.2))

"""Wires: items for model edges (:class:`EdgeItem`) and the one being dragged (:class:`LiveWire`).

A wire is a horizontal cubic Bezier from an output port to an input port. Its path is cached and
rebuilt only when an end moves. Display methods the stepping view drives:

* :meth:`EdgeItem.set_run_state` - the gradient the wire carries (a label at mid-wire),
  highlighted (True/"backward" in the gradient colour, "forward" in the value colour), greyed,
  stale (the label dims, dashed, until the next run), ``inner``: the gradient of a Grad node's
  inner backward (dashed, in the theme's ``inner_grad`` teal; its tooltip says so).
* :meth:`EdgeItem.set_pulse` - a dot travelling along the wire (animations), or None.

Painting stays cheap on big graphs: pens are shared (:func:`wire_pen`); a repaint of a small
part of a long wire draws only the pieces of it there (:func:`wire_pieces`); zoomed out by
hand far below the readable floor (:func:`zoomed_far_out`), wires are thin plain lines
without their gradient labels or travelling dots.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle

from graphstudio.ui.canvas.item_kinds import NODE_CARD
from graphstudio.ui.canvas.port_item import Hoverable
from graphstudio.ui.canvas.preview import Fonts, grad_label, static_text
from graphstudio.ui.canvas.readable import greek_zoom

__all__ = ["EdgeItem", "LiveWire", "move_labels_off", "wire_path", "wire_pen", "wire_pieces",
           "zoomed_far_out"]

LABEL_QUERY_LIMIT = 300  # above this many cards a label only avoids its wire's own cards
#: a wire is drawn piece by piece when less than this part of its box is to be repainted
PARTIAL_FRACTION = 0.5
PIECE_LENGTH = 80.0  # about this long (scene units) each
MAX_PIECES = 64  # a wire across a whole big graph: still pieces of a few hundred units

_PENS: dict = {}


def wire_path(a: QPointF, b: QPointF) -> QPainterPath:
    """The S-shaped wire from ``a`` (an output) to ``b`` (an input)."""
    dx = max(abs(b.x() - a.x()) * 0.5, 40.0)
    if b.x() < a.x():  # a backwards wire loops out further so it stays readable
        dx = max(dx, min(abs(b.y() - a.y()) * 0.5 + 40.0, 160.0))
    p = QPainterPath(a)
    p.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
    return p


def wire_pen(colour: QColor, width: float, dashed: bool = False) -> QPen:
    """The pen a wire of ``colour`` is drawn with (shared: a repaint makes no new pens);
    ``width`` 0: a thin one-pixel line at any zoom (zoomed far out)."""
    key = (colour.rgba(), width, dashed)
    pen = _PENS.get(key)
    if pen is None:
        pen = QPen(colour, width, Qt.DashLine if dashed else Qt.SolidLine)
        pen.setCapStyle(Qt.RoundCap)
        pen.setCosmetic(width == 0)
        _PENS[key] = pen
    return pen


def wire_pieces(path: QPainterPath, count: int) -> list[tuple[QPainterPath, QRectF]]:
    """The S-shaped wire ``path`` (one cubic, see :func:`wire_path`) cut into ``count`` cubic
    pieces end to end, each with its bounding rectangle: a repaint of part of a long wire
    draws only the pieces there (a clip alone still rasterises the whole stroke)."""
    el = [path.elementAt(i) for i in range(4)]
    curve = [QPointF(e.x, e.y) for e in el]
    pieces = []
    for i in range(count, 0, -1):
        head, curve = _split(curve, 1.0 / i)
        piece = QPainterPath(head[0])
        piece.cubicTo(head[1], head[2], head[3])
        pieces.append((piece, piece.controlPointRect()))
    return pieces


def _split(curve, t: float):
    """A cubic (four points) split at ``t`` by de Casteljau: (before, after)."""
    p0, p1, p2, p3 = curve
    a, b, c = p0 + (p1 - p0) * t, p1 + (p2 - p1) * t, p2 + (p3 - p2) * t
    d, e = a + (b - a) * t, b + (c - b) * t
    f = d + (e - d) * t
    return (p0, a, d, f), (f, e, c, p3)


def zoomed_far_out(option, painter) -> bool:
    """Whether the view is zoomed out by hand so far that cards draw bars for text: wires are
    then thin plain lines and their labels are left out."""
    return option.levelOfDetailFromTransform(painter.worldTransform()) < greek_zoom()


def move_labels_off(scene, rect: QRectF) -> None:
    """Wire labels a grown card (now covering ``rect``) hides find another spot (graphs up
    to LABEL_QUERY_LIMIT cards: a scene query per grown card)."""
    if len(getattr(scene, "_nodes", ())) > LABEL_QUERY_LIMIT:
        return
    for it in scene.items(rect):
        if isinstance(it, EdgeLabel) and it.isVisible():
            it.edge_item.place_label()


class EdgeLabel(QGraphicsItem):
    """The gradient a wire carries, as a small pill at mid-wire drawn above the node cards."""

    def __init__(self, edge_item):
        super().__init__()
        self.edge_item = edge_item
        self.text = ""
        self._rect = QRectF()
        self._static = None  # (text, font, laid-out text): no text layout per repaint
        self.setZValue(4)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def font(self):
        """The label's font: the cards' small font (as readable as port names)."""
        return Fonts.of(self.edge_item.theme).small

    def set_text(self, text: str):
        fm = QFontMetricsF(self.font())
        w, h = fm.horizontalAdvance(text) + 10, fm.height() + 4
        self.prepareGeometryChange()
        self.text, self._rect = text, QRectF(-w / 2, -h / 2, w, h)
        self.update()

    def boundingRect(self):
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter, option, widget=None):
        if zoomed_far_out(option, painter):  # unreadable at this zoom: left out
            return
        e, t = self.edge_item, self.edge_item.theme
        colour = t.stale if e.stale else (t.greyed if e.greyed else
                                          (t.inner_grad if e.inner else t.grad))
        painter.setPen(QPen(colour, 1.4 if e.inner else 1.0,
                            Qt.DashLine if e.stale or e.inner else Qt.SolidLine))
        painter.setBrush(t.node_body)
        painter.drawRoundedRect(self._rect, 4, 4)
        font = self.font()
        painter.setFont(font)
        if e.stale:  # an old run's number: dimmed until the next run
            painter.setOpacity(0.55)
        if self._static is None or self._static[0] != self.text or self._static[1] != font:
            self._static = (self.text, font, static_text(self.text, font, cache=False))
        st = self._static[2]
        size = st.size()
        painter.drawStaticText(self._rect.center() - QPointF(size.width(), size.height()) / 2,
                               st)


class EdgeItem(Hoverable, QGraphicsItem):
    """The wire for model edge ``edge`` between two :class:`PortItem` s."""

    def __init__(self, edge, src_port, dst_port):
        super().__init__()
        self.edge = edge
        self.src_port, self.dst_port = src_port, dst_port
        self.grad = None
        self.highlighted: bool | str = False
        self.greyed = False
        self.stale = False
        self.inner = False
        self.pulse: float | None = None
        self._label = ""
        self.label_item: EdgeLabel | None = None
        self._path = QPainterPath()
        self._shape = None
        self._pieces = None  # wire_pieces of the path, made at its first partial repaint
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)  # the exposed rect, for pieces
        self.setAcceptHoverEvents(True)
        self.setZValue(-1)
        src_port.node_item.edges.add(self)
        dst_port.node_item.edges.add(self)
        self.update_path()

    @property
    def theme(self):
        return self.src_port.node_item.theme

    def detach(self):
        """Forget the nodes and drop the label (before the item is removed from the scene)."""
        self.src_port.node_item.edges.discard(self)
        self.dst_port.node_item.edges.discard(self)
        if self.label_item is not None and self.label_item.scene() is not None:
            self.label_item.scene().removeItem(self.label_item)
        self.label_item = None

    def _label_spot(self, path: QPainterPath) -> QPointF:
        """Mid-wire, or the nearest point along the wire where the label hides no node card nor
        (on graphs up to LABEL_QUERY_LIMIT cards) another wire's label, else just above or
        below the wire; with no free spot, the one covering least (labels first)."""
        scene, label = self.scene(), self.label_item
        if scene is None or label is None:
            return path.pointAtPercent(0.5)
        ends = (self.src_port.node_item, self.dst_port.node_item)
        # on big graphs only the wire's own two cards are avoided (a scene query per try
        # costs too much when a step relabels many wires)
        big = len(getattr(scene, "_nodes", ())) > LABEL_QUERY_LIMIT
        box = label.boundingRect()

        def clashes(pt: QPointF) -> int:
            """How badly a label at ``pt`` covers things (another label counts most)."""
            rect = box.translated(pt)
            if big:
                return sum(rect.intersects(n.sceneBoundingRect()) for n in ends)
            return sum(10 if isinstance(it, EdgeLabel) else 1 for it in scene.items(rect)
                       if it.type() == NODE_CARD or (isinstance(it, EdgeLabel)
                                                      and it is not label and it.isVisible()))

        along = [path.pointAtPercent(t) for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)]
        step = box.height() + 2
        # then above / below the wire, further out each round (a short wire between two
        # wide cards has no free spot on it), then beside the whole span
        shift = box.width() * 0.6
        beside = [] if big else [p + QPointF(dx, n * dy) for n in range(0, 9)
                                 for dx in (0.0, shift, -shift)
                                 for p in along[:3] for dy in (step, -step)
                                 if n or dx]
        best, best_score = along[0], None
        for p in along + beside:
            score = clashes(p)
            if score == 0:
                return p
            if best_score is None or score < best_score:
                best, best_score = p, score
        return best

    def _has_twin(self) -> bool:
        """Whether another wire joins the same two nodes (x into both ports of x * x)."""
        e = self.edge
        return any(o is not self and o.edge.src == e.src and o.edge.dst == e.dst
                   for o in self.src_port.node_item.edges)

    def refresh_label(self) -> None:
        """Measure and place the label again (the text size changed)."""
        if self.label_item is not None and self._label:
            self.label_item.set_text(self._label)
            self.place_label()

    def place_label(self) -> None:
        """Find the label a spot again (a card it sits on grew)."""
        if self.label_item is not None and self._label:
            self.label_item.setPos(self._label_spot(self._path))

    def itemChange(self, change, value):
        if change == QGraphicsItem.ItemSelectedChange and value and \
                getattr(self.scene(), "rubber_banding", False):
            return False  # a rubber band selects nodes; wires are picked by clicking them
        if change == QGraphicsItem.ItemVisibleHasChanged and self.label_item is not None:
            self.label_item.setVisible(bool(value) and bool(self._label))
        return super().itemChange(change, value)

    def update_path(self):
        path = wire_path(self.src_port.scene_anchor(), self.dst_port.scene_anchor())
        rect = path.boundingRect().adjusted(-10, -10, 10, 10)  # room for a travelling dot
        if self.label_item is not None and self._label:
            self.label_item.setPos(self._label_spot(path))
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._path, self._shape, self._pieces = path, None, None
        self.update()

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._shape = stroker.createStroke(self._path)
        return self._shape


    # ------------------------------------------------------------------ run display
    def set_run_state(self, grad=None, highlighted: bool | str = False, greyed: bool = False,
                      stale: bool = False, inner: bool = False):
        """Show the gradient this wire carries (None: no label), a highlight, or the greyed look;
        ``stale``: the label is from a run of an earlier version of the graph; ``inner``: the
        gradient is from a Grad node's inner backward (dashed teal)."""
        self.grad = grad
        self.highlighted = highlighted
        self.greyed = bool(greyed)
        self.stale = bool(stale)
        if bool(inner) != self.inner:
            self.inner = bool(inner)
            self.setToolTip(QCoreApplication.translate(
                "EdgeItem", "Dashed teal: a gradient inside a Grad node's forward step "
                "(torch.autograd.grad with create_graph=True). Orange: the backward from the "
                "loss.") if self.inner else "")
        label = grad_label(grad) if grad is not None else ""
        if label and self._has_twin():  # x -> x*x: say which port each gradient is for
            label = f"{self.edge.dst_port}: {label}"
        if label and self.label_item is None and self.scene() is not None:
            self.label_item = EdgeLabel(self)
            self.scene().addItem(self.label_item)
        if self.label_item is not None:
            if label != self._label or not label:
                self._label = label
                self.label_item.set_text(label)
                if label:  # a new size: find a spot that hides no card
                    self.label_item.setPos(self._label_spot(self._path))
            self.label_item.setVisible(bool(label) and self.isVisible())
            self.label_item.update()  # its colour follows greyed / stale
        self._label = label
        self.update()

    def set_pulse(self, t: float | None):
        """Draw a dot at fraction ``t`` (0..1) along the wire; None hides it."""
        self.pulse = None if t is None else min(max(float(t), 0.0), 1.0)
        self.update()

    def label_text(self) -> str:
        return self._label

    def _colour(self, selected: bool):
        t = self.theme
        if selected:
            return t.selection, 2.6
        if self.highlighted:
            return {"forward": t.value, "inner": t.inner_grad}.get(self.highlighted, t.grad), 3.2
        if self.inner:
            return t.inner_grad, 2.2
        if self.greyed:
            return t.greyed, 1.6
        return (t.wire_hover if self._hover else t.wire), (2.4 if self._hover else 1.8)

    def paint(self, painter, option, widget=None):
        selected = bool(option.state & QStyle.State_Selected)
        colour, width = self._colour(selected)
        painter.setBrush(Qt.NoBrush)
        if zoomed_far_out(option, painter):  # a thin plain line, no travelling dot
            painter.setPen(wire_pen(colour, 0))
            painter.drawPath(self._path)
            return
        dashed = (self.greyed or self.inner) and not selected
        painter.setPen(wire_pen(colour, width, dashed))
        self._draw_wire(painter, option.exposedRect, width, dashed)
        t = self.theme
        if self.pulse is not None:  # a value (forward) or gradient (backward) on its way
            backward = self.highlighted not in ("forward", False) or (
                not self.highlighted and self.grad is not None)
            c = t.inner_grad if self.inner else (t.grad if backward else t.value)
            at = self._path.pointAtPercent(self.pulse)
            halo = QColor(c)
            halo.setAlpha(70)
            painter.setPen(Qt.NoPen)
            painter.setBrush(halo)
            painter.drawEllipse(at, 9.0, 9.0)
            painter.setPen(QPen(t.node_body, 1.5))
            painter.setBrush(c)
            painter.drawEllipse(at, 5.5, 5.5)


    def _draw_wire(self, painter, exposed: QRectF, width: float, dashed: bool) -> None:
        """The whole path, or (solid wires, a small part of the box to repaint) the pieces
        that reach into ``exposed``."""
        box = self._rect
        part = exposed.intersected(box)
        if dashed or part.width() * part.height() >= \
                PARTIAL_FRACTION * box.width() * box.height():
            painter.drawPath(self._path)
            return
        if self._pieces is None:
            count = max(2, min(MAX_PIECES, round(self._path.length() / PIECE_LENGTH)))
            self._pieces = wire_pieces(self._path, count)
        reach = part.adjusted(-width, -width, width, width)
        for piece, rect in self._pieces:
            if rect.intersects(reach):
                painter.drawPath(piece)


class LiveWire(QGraphicsItem):
    """The wire following the mouse while a connection is dragged."""

    def __init__(self, theme, anchor: QPointF, anchor_is_output: bool):
        super().__init__()
        self.theme = theme
        self.anchor, self.anchor_is_output = anchor, anchor_is_output
        self.end = anchor
        self.state: str | None = None  # None, "ok" or "bad"
        self._path = QPainterPath()
        self._rect = QRectF()
        self.setZValue(5)
        self.set_end(anchor)

    def set_end(self, end: QPointF, state: str | None = None):
        self.end, self.state = end, state
        a, b = (self.anchor, end) if self.anchor_is_output else (end, self.anchor)
        self._path = wire_path(a, b)
        self.prepareGeometryChange()
        self._rect = self._path.boundingRect().adjusted(-8, -8, 8, 8)
        self.update()

    def boundingRect(self):
        return self._rect

    def paint(self, painter, option, widget=None):
        t = self.theme
        colour = {"ok": t.port_compatible, "bad": t.error}.get(self.state, t.wire_hover)
        pen = QPen(colour, 2.2, Qt.SolidLine if self.state else Qt.DashLine)
        pen.setCapStyle(Qt.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(self.end, 4.0, 4.0)

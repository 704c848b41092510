"""A node card: category-coloured title, labelled ports, shape/error badges, run-state preview.

The card is painted by one item with cached paths and QStaticText (fast with 1,000 nodes);
ports, the error badge and the freeze toggle are small child items so they get their own
tooltips and clicks. Display methods the stepping view drives:

* :meth:`NodeItem.set_shape_result` - output shape badge / error badge from ``infer_shapes``.
* :meth:`NodeItem.set_run_state` - value, grad, ``requires_grad``, ``grad_fn``, stale mark,
  forward/backward highlight and the greyed (no gradient flows) look; see :class:`NodeRunState`.
* :meth:`NodeItem.display_text` - the text the card shows (for tests and accessibility).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle

from graphstudio.ui.canvas.card_blocks import (
    BLOCK_ZOOM,
    block_title_colour,
    error_kind,
    paint_blocks,
)
from graphstudio.ui.canvas.edge_item import move_labels_off
from graphstudio.ui.canvas.freeze_toggle import FreezeToggle
from graphstudio.ui.canvas.item_kinds import NODE_CARD
from graphstudio.ui.canvas.port_item import ErrorBadge, Hoverable, PortItem, paint_port
from graphstudio.ui.canvas.preview import (
    Fonts,
    NodeRunState,
    Preview,
    PreviewRoom,
    format_array,
    format_number,
    static_text,
    without_error,
)
from graphstudio.ui.canvas.readable import greek_zoom, text_scale
from graphstudio.ui.theme import Theme

__all__ = ["ERROR_W", "MIN_W", "PAD", "NodeItem", "NodeRunState", "bare_card_height",
           "bare_card_width", "footer_of", "format_array", "format_number", "named_outputs",
           "tag_width"]

TITLE_H = 26.0
ROW_H = 22.0
PAD = 10.0
FOOTER_H = 24.0
RADIUS = 7.0
MIN_W = 150.0
TAG_W = 36.0
ERROR_W = 220.0  # widest the footer's error text gets: an error widens a card by less than the
# auto-layout's gap between columns (a card of MIN_W + H_GAP: test_big_document_room)


def named_outputs(nodetype) -> list[str]:
    """The outputs whose names a card shows (a lone ``out`` goes unnamed)."""
    names = [p.name for p in nodetype.outputs]
    return names if len(names) > 1 or names != ["out"] else []


def bare_card_width(fonts: Fonts, name: str, nodetype, freeze_toggle: bool) -> float:
    """The width a card needs for its title and port names: what it has at least, with no
    footer or preview (a card is as wide as the widest of those, see ``NodeItem``)."""
    title_w = fonts.fm_title.horizontalAdvance(name) + fonts.label_width(nodetype.label)
    title_w += 3 * PAD + (24 if freeze_toggle else 0)
    in_w = max((fonts.label_width(p.name) for p in nodetype.inputs), default=0)
    out_w = max((fonts.label_width(n) for n in named_outputs(nodetype)), default=0)
    return max(MIN_W, title_w, in_w + out_w + 4 * PAD)


def bare_card_height(nodetype) -> float:
    """The height of a card with no preview: title, a row per port, the footer."""
    s = text_scale()
    rows = max(len(nodetype.inputs), len(named_outputs(nodetype)))
    return TITLE_H * s + 4 + rows * ROW_H * s + (4 if rows else 0) + FOOTER_H * s


def footer_of(result) -> tuple[str, str | None, str | None]:
    """(shape text, error, hint) a card's footer shows for a shape ``result`` (or None)."""
    shape_text, error, hint = "", None, None
    if result is not None:
        if result.error is None:
            shape_text = str(tuple(result.shape)) if result.shape is not None else ""
            if result.dtype not in (None, "float32"):
                shape_text += f" {result.dtype}"
        elif result.error.startswith("missing input"):
            hint = QCoreApplication.translate("NodeItem", "needs input {0}").format(
                result.error[len("missing input "):])
        elif " has an error (from node " in result.error:
            hint = QCoreApplication.translate("NodeItem", "waiting for {0}").format(
                result.error.split("(from node ", 1)[1].rstrip(")"))
        else:
            error = result.error
    return shape_text, error, hint


def tag_width(fonts: Fonts, label: str) -> float:
    """The width of a footer tag (``stale``, ``retain_grad``, ``loss``)."""
    return max(TAG_W, math.ceil(fonts.fm_small.horizontalAdvance(label)) + 10.0)


class NodeItem(Hoverable, QGraphicsItem):
    """The card for node ``node_id`` of type ``nodetype`` (a registry ``NodeType``)."""

    def type(self) -> int:
        return NODE_CARD

    def __init__(self, node, nodetype, theme: Theme, shape_result=None, run_look=None):
        """``run_look``: (run state, states to keep room for) of a card built while a run is
        shown, so it is laid out once, with the step's values (not empty, then again)."""
        super().__init__()
        self.node_id = node.id
        self.nodetype = nodetype
        self.theme = theme
        self.name = node.name
        self.edges: set = set()
        self.frozen = node.attrs.get("requires_grad") is False and nodetype.has_tensor
        self.shape_text = ""
        self.error: str | None = None
        self.error_kind: str | None = None  # card_blocks.error_kind of the result shown
        self.hint: str | None = None
        self.is_loss = False
        self.retains_grad = False
        self.run_state: NodeRunState | None = None
        self._fonts = Fonts.of(theme)
        self._preview: Preview | None = None
        self.editing = False  # an inline TitleEditor covers the name
        self._w = MIN_W
        self._h = 0.0
        self._title_h, self._row_h, self._footer_h = TITLE_H, ROW_H, FOOTER_H
        self.room = PreviewRoom(())  # the room kept for a run's results
        self.setFlags(QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemIsSelectable
                      | QGraphicsItem.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)  # moving/panning just blits
        self.setZValue(1)
        self.setPos(*node.pos)
        self.inputs = {p.name: PortItem(self, p.name, False, p.doc, p.optional)
                       for p in nodetype.inputs}
        self.outputs = {p.name: PortItem(self, p.name, True, p.doc) for p in nodetype.outputs}
        self.badge = ErrorBadge(self)
        self.freeze_toggle = None
        if nodetype.has_tensor and "requires_grad" in node.attrs:
            self.freeze_toggle = FreezeToggle(self)
            self.freeze_toggle.set_frozen(self.frozen)
        self.setToolTip(f"<b>{nodetype.label}</b>: {nodetype.doc}")
        if shape_result is not None:
            self._read_shape_result(shape_result)
        if run_look is not None:
            self.room = PreviewRoom(run_look[1])
            self._take_run_state(run_look[0])
        self._layout()

    # ------------------------------------------------------------------ geometry
    def port(self, name: str, output: bool) -> PortItem | None:
        return (self.outputs if output else self.inputs).get(name)

    def size(self) -> tuple[float, float]:
        return self._w, self._h

    def title_rect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._title_h)

    def fonts(self):
        """The card's fonts (every text on it is drawn with one of ``fonts().all()``)."""
        return self._fonts

    def boundingRect(self) -> QRectF:
        m = 7.0  # room for the selection border and the forward/backward glow
        return QRectF(-m, -m, self._w + 2 * m, self._h + 2 * m)

    def shape(self):
        p = QPainterPath()
        p.addRoundedRect(QRectF(0, 0, self._w, self._h), RADIUS, RADIUS)
        return p

    def _layout(self):
        """Recompute texts, width, height, port positions and cached paths."""
        f = Fonts.of(self.theme)
        self._fonts = f
        s = text_scale()  # rows grow with the text (View > Text Size)
        self._title_h, self._row_h, self._footer_h = TITLE_H * s, ROW_H * s, FOOTER_H * s
        self._st_name = static_text(self.name, f.title, cache=False)
        op = self.nodetype.label
        self._st_op = static_text(op if op.lower() != self.name.lower() else "", f.small)
        self._st_in = {n: static_text(n, f.small) for n in self.inputs}
        self._st_out = {n: static_text(n, f.small) for n in named_outputs(self.nodetype)}
        tags = [label for label, _c in self._tags()]
        if self.room and "stale" not in tags:  # room for it when an edit comes
            tags.append("stale")
        tags_w = sum(self._tag_width(label) + 4 for label in tags)
        footer = self._footer_text(tags_w)
        self._st_footer = static_text(footer, f.mono)
        bare_w = bare_card_width(f, self.name, self.nodetype, self.freeze_toggle is not None)
        footer_w = f.fm_mono.horizontalAdvance(footer) + 2 * PAD + 8 + tags_w
        preview_w, preview_h = self._layout_preview(f.fm_mono)
        w = math.ceil(max(bare_w, footer_w, preview_w + 2 * PAD))
        self._body_top = self._title_h + 4
        self._preview_top = bare_card_height(self.nodetype) - self._footer_h
        h = self._preview_top + preview_h + self._footer_h
        if (w, h) != (self._w, self._h):
            grew = w > self._w or h > self._h
            self.prepareGeometryChange()
            self._w, self._h = w, h
            self._place()
            if grew and self.scene() is not None:
                move_labels_off(self.scene(), self.sceneBoundingRect())
        self.update()

    def _place(self):
        """Put ports and badges where the current size says and rebuild the card's paths."""
        before = {p: p.pos() for p in (*self.inputs.values(), *self.outputs.values())}
        for i, p in enumerate(self.inputs.values()):
            p.setPos(0, self._body_top + (i + 0.5) * self._row_h)
        for i, p in enumerate(self.outputs.values()):
            if self._st_out:
                p.setPos(self._w, self._body_top + (i + 0.5) * self._row_h)
            elif self.inputs:
                p.setPos(self._w, self._body_top + 0.5 * self._row_h)
            else:  # a source node: the output sits beside the shape badge
                p.setPos(self._w, self._h - self._footer_h / 2)
        self.badge.setPos(self._w - 2, 2)
        if self.freeze_toggle is not None:
            self.freeze_toggle.setPos(self._w - 15, self._title_h / 2)
        body = QPainterPath()
        body.addRoundedRect(QRectF(0, 0, self._w, self._h), RADIUS, RADIUS)
        title = QPainterPath()
        title.addRoundedRect(QRectF(0, 0, self._w, self._title_h + RADIUS), RADIUS, RADIUS)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, self._w, self._title_h))
        self._body_path, self._title_path = body, title.intersected(clip)
        moved = {p for p, pos in before.items() if p.pos() != pos}
        for e in self.edges:  # only wires whose end moved (showing values widens many cards)
            if e.src_port in moved or e.dst_port in moved:
                e.update_path()

    # ------------------------------------------------------------------ model-driven updates
    def set_name(self, name: str):
        self.name = name
        self._layout()

    def set_frozen(self, frozen: bool):
        frozen = bool(frozen) and self.freeze_toggle is not None
        if frozen != self.frozen:
            self.frozen = frozen
            if self.freeze_toggle is not None:
                self.freeze_toggle.set_frozen(frozen)
            self.update()

    def set_theme(self, theme: Theme):
        self.theme = theme
        self._layout()
        for child in self.childItems():
            child.update()

    def set_loss_mark(self, is_loss: bool):
        if is_loss != self.is_loss:
            self.is_loss = is_loss
            self._layout()

    def set_retain_mark(self, retains: bool):
        """Tag a non-leaf whose ``.grad`` is kept (``retain_grad()``)."""
        if retains != self.retains_grad:
            self.retains_grad = retains
            self._layout()

    def set_shape_result(self, result, layout: bool = True) -> bool:
        """Show a ``ShapeResult`` (shape/dtype or error); returns True when the look changed.
        ``layout=False``: keep size and texts until :meth:`relayout` (cards off screen)."""
        changed = self._read_shape_result(result)
        if changed and layout:
            self._layout()
        return changed

    def relayout(self):
        self._layout()

    def _read_shape_result(self, result) -> bool:
        shape_text, error, hint = footer_of(result)
        if (shape_text, error, hint) == (self.shape_text, self.error, self.hint):
            return False
        self.shape_text, self.error, self.hint = shape_text, error, hint
        self.error_kind = error_kind(result)
        self.badge.setVisible(error is not None)
        self.badge.setToolTip(error or "")
        return True

    def _footer_text(self, tags_w: float = 0.0) -> str:
        """The footer's text; an error is cut to leave ``tags_w`` for the tags beside it."""
        if self.error:  # the message without the op prefix, cut to fit (tooltip: all of it)
            msg = self.error.split(": ", 1)[1] if ": " in self.error else self.error
            return self._fonts.fm_mono.elidedText(msg, Qt.ElideRight,
                                                  max(ERROR_W - tags_w, 60.0))
        if self.hint:
            return self.hint
        return self.shape_text

    # ------------------------------------------------------------------ run state
    def set_run_state(self, state):
        """Show (or with None clear) what a run computed for this node.

        ``state`` is a :class:`NodeRunState` or any object with some of its attributes (the
        runner's ``NodeState`` works as is)."""
        self._take_run_state(state)
        self._layout()

    def _take_run_state(self, state) -> None:
        state = NodeRunState.of(state)
        self.run_state = state
        # greyed (no gradient flows) yet every number still readable on a projector
        self.setOpacity(0.6 if (state is not None and state.greyed) else 1.0)

    def reserve_for(self, states, layout: bool = True) -> None:
        """Keep room on the card for each of ``states`` (NodeRunStates, None ignored): a run
        hands its fullest looks of this card, so stepping through it never changes the
        card's size (neighbours laid out for that size stay clear). ``()`` frees the room."""
        self.room = PreviewRoom(states)
        if layout:  # (or the run state set next lays the card out)
            self._layout()

    def _layout_preview(self, fm) -> tuple[float, float]:
        state = without_error(self.run_state, self.error)
        self._preview = Preview(state, self.name, self.theme, self._fonts)
        w, h = self.room.size(self.name, self.theme, self._fonts, self.error)
        return max(self._preview.width, w), max(self._preview.height, h)

    def display_text(self) -> str:
        """Everything the card says, one line per row: name, op, ports, shape, preview."""
        lines = [self.name, self.nodetype.label]
        if self.error:
            lines.append(self.error)
        elif self._footer_text():
            lines.append(self._footer_text())
        lines.extend(self._preview.text_lines())
        lines.extend(label for label, _c in self._tags() if label != "stale")
        return "\n".join(lines)

    # ------------------------------------------------------------------ Qt plumbing
    def itemChange(self, change, value):
        if change == QGraphicsItem.ItemPositionHasChanged:
            for e in self.edges:
                e.update_path()
        elif change == QGraphicsItem.ItemSelectedHasChanged:
            self.setZValue(2 if value else 1)
        return super().itemChange(change, value)

    def set_hover(self, on: bool):
        super().set_hover(on)
        for e in self.edges:  # show where this node's wires go
            e.set_hover(on)

    def port_color(self):
        if self.frozen:
            return self.theme.frozen
        return self.theme.category_color(self.nodetype.category)

    def paint(self, painter, option, widget=None):
        t = self.theme
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.State_Selected)
        title_c = t.frozen if self.frozen else t.category_color(self.nodetype.category)
        body_c = t.frozen_body if self.frozen else t.node_body
        if lod < BLOCK_ZOOM:  # zoomed far out: blocks only
            self._paint_block(painter, lod, selected, title_c, body_c)
            return
        self._paint_body(painter, selected, title_c, body_c)
        # title: name (bold) and op label (dim, right); zoomed out, the name only
        painter.setPen(t.title_text)
        f = self._fonts
        painter.setFont(f.title)
        if not self.editing:
            painter.drawStaticText(QPointF(PAD, (self._title_h - f.fm_title.height()) / 2),
                                   self._st_name)
        if lod < greek_zoom():  # text too small to read: ports, and the values as grey lines
            self._preview.paint_greeked(painter, self._preview_top, self._w)
        else:
            self._paint_texts(painter)
        for port in (*self.inputs.values(), *self.outputs.values()):
            paint_port(painter, port, t, at=port.pos())

    def _paint_block(self, painter, lod, selected, title_c, body_c) -> None:
        t = self.theme
        paint_blocks(painter, [(QRectF(0, 0, self._w, self._h), self._title_h,
                                block_title_colour(t, self.error_kind, title_c), body_c)])
        if selected:
            painter.setPen(QPen(t.selection, 3.0 / max(lod, 0.05)))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(QRectF(0, 0, self._w, self._h))

    def _paint_body(self, painter, selected, title_c, body_c) -> None:
        """The glow of the running step, the shadow, body, title bar and border."""
        t = self.theme
        hl = self.run_state.highlight if self.run_state is not None else None
        if hl in ("forward", "backward", "inner"):
            glow = {"forward": t.value, "inner": t.inner_grad}.get(hl, t.grad)
            for width, alpha in ((10.0, 50), (5.0, 110)):
                c = glow.lighter(100)
                c.setAlpha(alpha)
                painter.setPen(QPen(c, width))
                painter.setBrush(Qt.NoBrush)
                painter.drawPath(self._body_path)
        painter.setPen(Qt.NoPen)
        painter.setBrush(t.shadow)
        painter.drawPath(self._body_path.translated(0, 2.5))
        painter.setBrush(body_c)
        painter.drawPath(self._body_path)
        painter.setBrush(title_c)
        painter.drawPath(self._title_path)
        if self.error:
            border = QPen(t.error, 2.0)
        elif selected:
            border = QPen(t.selection, 2.2)
        elif self.frozen:
            border = QPen(t.frozen, 1.4, Qt.DashLine)
        else:
            border = QPen(t.wire_hover if self._hover else t.node_border, 1.0)
        painter.setPen(border)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self._body_path)

    def _paint_texts(self, painter) -> None:
        """The op label, port names, the values and gradients, and the footer."""
        t, f = self.theme, self._fonts
        op_w = self._st_op.size().width()
        right = self._w - PAD - (24 if self.freeze_toggle is not None else 0)
        painter.setFont(f.small)
        fs = f.fm_small
        opacity = painter.opacity()  # a greyed card is drawn translucent: keep its opacity
        painter.setOpacity(opacity * 0.8)
        painter.drawStaticText(QPointF(right - op_w, (self._title_h - fs.height()) / 2 + 0.5),
                               self._st_op)
        painter.setOpacity(opacity)
        painter.setPen(t.node_text)
        for i, name in enumerate(self.inputs):
            y = self._body_top + i * self._row_h + (self._row_h - fs.height()) / 2
            painter.drawStaticText(QPointF(PAD, y), self._st_in[name])
        for i, name in enumerate(self.outputs):
            st = self._st_out.get(name)
            if st is not None:
                y = self._body_top + i * self._row_h + (self._row_h - fs.height()) / 2
                painter.drawStaticText(QPointF(self._w - PAD - st.size().width(), y), st)
        self._preview.paint(painter, self._preview_top, self._w,
                            self._h - self._footer_h - self._preview_top)
        self._paint_footer(painter)

    def _tags(self) -> list[tuple[str, object]]:
        """Small labels on the footer's right: the stale, retain_grad and loss marks."""
        tags = []
        if self.run_state is not None and self.run_state.stale:
            tags.append(("stale", self.theme.stale))
        if self.retains_grad:
            tags.append(("retain_grad", self.theme.grad))
        if self.is_loss:
            tags.append(("loss", self.theme.grad))
        return tags

    def _tag_width(self, label: str) -> float:
        return tag_width(self._fonts, label)

    def _paint_footer(self, painter):
        t = self.theme
        text = self._footer_text()
        y0, fh = self._h - self._footer_h, self._footer_h
        fm = self._fonts.fm_mono
        if text:
            colour = t.error if self.error else (t.node_text_dim if self.hint else t.badge_text)
            tw = self._st_footer.size().width()
            pill = QRectF(PAD - 4, y0 + 3, tw + 8, fh - 8)
            if not self.hint:
                bg = t.error if self.error else t.badge_bg
                c = bg.lighter(100)
                c.setAlpha(40 if self.error else 255)
                painter.setPen(Qt.NoPen)
                painter.setBrush(c)
                painter.drawRoundedRect(pill, 4, 4)
            painter.setPen(colour)
            painter.setFont(self._fonts.mono)
            painter.drawStaticText(QPointF(PAD, y0 + (fh - fm.height()) / 2 - 1),
                                   self._st_footer)
        right = self._w - PAD
        painter.setFont(self._fonts.small)
        for label, colour in reversed(self._tags()):
            tw = self._tag_width(label)
            r = QRectF(right - tw, y0 + 3, tw, fh - 8)
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(r, 4, 4)
            painter.drawText(r, Qt.AlignCenter, label)
            right -= tw + 4

"""What a run shows on a node card: the run state, numbers formatted like PyTorch, heatmaps.

:class:`NodeRunState` is what the stepping view hands a card; :class:`Preview` turns it into
lines (``w = [...]``, ``w.grad = [...]``, ``grad_fn=<AddBackward0>``) and small heatmaps for
big tensors, in the value (blue-violet) and gradient (orange) colours. Also the shared card
fonts and label texts.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QStaticText, QTransform

from graphstudio.ui.canvas.readable import text_px
from graphstudio.ui.number_format import format_lines, format_number, format_scalar
from graphstudio.ui.theme import Theme, heatmap_image

__all__ = ["Fonts", "NodeRunState", "Preview", "PreviewRoom", "format_array", "format_number",
           "grad_label", "static_text", "without_error"]

TEXT_MAX_ROWS = 6     # tensors of up to 6 printed rows of up to 5 numbers show in full
TEXT_MAX_COLS = 5
SUMMARY_LEAD = 3      # a bigger tensor's card shows its first 3 values, min, max, heatmap
HEAT_MAX = (120.0, 64.0)
PAD = 10.0
ERROR_ROW_W = 260.0  # widest a run error's line gets on a card (the card's tooltip has it all)


@dataclass
class NodeRunState:
    """What a run says about one node at the displayed step (all optional).

    ``value``/``grad``: arrays or numbers (``grad`` is the node's ``.grad`` as PyTorch reports
    it); ``out_grad``: the gradient passing through the node's output during backward (shown as
    ``∂L/∂name`` when it differs from ``.grad``); ``show_grad``: print ``name.grad = None``
    when ``grad`` is None (after a backward pass); ``highlight``: None, ``"forward"``,
    ``"backward"`` or ``"inner"`` (a Grad node's inner backward); ``greyed``: no gradient
    flows through this node (frozen path, detach,
    no_grad); ``stale``: the graph changed since this run; ``error``: what went wrong;
    ``no_grad``: computed under ``torch.no_grad()`` (no graph recorded); ``out_label``: what
    ``out_grad`` is called (default ``∂L/∂name``; after ``out.backward(gradient=v)`` from a
    non-scalar ``out``: ``seed v`` on ``out``, ``∂(v·out)/∂name`` on the others).
    """

    value: Any = None
    grad: Any = None
    requires_grad: bool | None = None
    grad_fn: str | None = None
    stale: bool = False
    highlight: str | None = None
    greyed: bool = False
    show_grad: bool = False
    out_grad: Any = None
    error: str | None = None
    no_grad: bool = False
    out_label: str | None = None

    @classmethod
    def of(cls, state) -> NodeRunState | None:
        """``state`` itself, or any object with some of these attributes (e.g. the runner's
        ``NodeState``) read into a NodeRunState; None stays None."""
        if state is None or isinstance(state, cls):
            return state
        return cls(**{f.name: getattr(state, f.name) for f in fields(cls)
                      if hasattr(state, f.name)})


def format_array(a, indent: int = 0) -> list[str]:
    """Lines showing ``a`` the way PyTorch prints it (the format chosen for the whole tensor,
    numbers padded to one width), e.g. ``[[ 1., -2.],`` / `` [ 3.,  4.]]`` or ``0.8962``."""
    return format_lines(a, indent)


def shows_as_text(a) -> bool:
    """Whether ``a`` is spelled out in full on a card: up to TEXT_MAX_ROWS printed rows of up
    to TEXT_MAX_COLS numbers (bigger ones get a summary; the Values dock has the table)."""
    arr = np.asarray(a)
    if arr.ndim == 0 or arr.size == 0:
        return True
    return arr.shape[-1] <= TEXT_MAX_COLS and arr.size // arr.shape[-1] <= TEXT_MAX_ROWS


def summary_lines(label: str, arr: np.ndarray) -> list[str]:
    """A big tensor in three short lines: its shape, its first few values, its min and max."""
    head = QCoreApplication.translate("Preview", "{0}: shape {1}").format(label, tuple(arr.shape))
    if arr.dtype.kind not in "fiub" or arr.size == 0:
        return [head]
    flat = arr.reshape(-1)
    lead = ", ".join(format_scalar(v) for v in flat[:SUMMARY_LEAD])
    finite = flat[np.isfinite(flat)] if arr.dtype.kind == "f" else flat
    lines = [head, f"  [{lead}{', …' if flat.size > SUMMARY_LEAD else ''}]"]
    if finite.size:
        lines.append("  " + QCoreApplication.translate("Preview", "min {0}  max {1}").format(
            format_scalar(finite.min()), format_scalar(finite.max())))
    return lines


class Fonts:
    """The card fonts and their metrics for one theme at the current text size (shared by
    every card). All are at least the interface font's size (see
    :mod:`~graphstudio.ui.canvas.readable`): ``title`` (bold, a pixel larger), ``small``
    (port names, op label, tags, wire labels) and ``mono`` (values, ``.grad``, ``grad_fn``;
    monospace so PyTorch's padded columns line up)."""

    _cache: dict[tuple[str, int], Fonts] = {}

    def __init__(self, theme: Theme):
        px = text_px()
        self.px = px
        self.title, self.small = theme.font(9.0, bold=True), theme.font(9.0)
        self.title.setPixelSize(text_px(1))
        self.small.setPixelSize(px)
        self.mono = theme.font(9.0)
        self.mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.mono.setPixelSize(px)
        self.fm_title, self.fm_small = QFontMetricsF(self.title), QFontMetricsF(self.small)
        self.fm_mono = QFontMetricsF(self.mono)
        advances = {self.fm_mono.horizontalAdvance(chr(c)) for c in range(32, 127)}
        self._mono_w = advances.pop() if len(advances) == 1 else None  # truly fixed pitch
        self._label_w: dict[str, float] = {}

    def label_width(self, label: str) -> float:
        """The width of an op label or port name in the small font (remembered: there are a
        few hundred of them, shared by every card)."""
        w = self._label_w.get(label)
        if w is None:
            w = self._label_w[label] = self.fm_small.horizontalAdvance(label)
        return w

    def mono_width(self, text: str) -> float:
        """The width of ``text`` in the mono font: a printable ASCII text in a font whose
        every such character is as wide is worked out without asking the font."""
        if self._mono_w is not None and text.isascii() and text.isprintable():
            return len(text) * self._mono_w
        return self.fm_mono.horizontalAdvance(text)

    def all(self) -> tuple:
        """Every font a card or a wire label draws with."""
        return self.title, self.small, self.mono

    @classmethod
    def of(cls, theme: Theme) -> Fonts:
        key = (theme.name, text_px())
        f = cls._cache.get(key)
        if f is None:
            f = cls._cache[key] = cls(theme)
        return f


_STATIC: dict[tuple[str, str], QStaticText] = {}


_FONT_KEYS: dict[int, tuple] = {}


def _font_key(font) -> str:
    """``font.key()``, remembered per font object (the card fonts live as long as the app)."""
    entry = _FONT_KEYS.get(id(font))
    if entry is None or entry[0] is not font:
        entry = _FONT_KEYS[id(font)] = (font, font.key())
        if len(_FONT_KEYS) > 64:
            _FONT_KEYS.clear()
            _FONT_KEYS[id(font)] = entry
    return entry[1]


def static_text(text: str, font, cache: bool = True) -> QStaticText:
    """A QStaticText for ``text`` (short repeated labels are shared between cards)."""
    key = (text, _font_key(font)) if cache else None
    st = _STATIC.get(key) if cache else None
    if st is None:
        st = QStaticText(text)
        st.setTextFormat(Qt.PlainText)
        st.setPerformanceHint(QStaticText.AggressiveCaching)
        st.prepare(QTransform(), font)  # size() in this font (right-aligned labels use it)
        if cache and len(_STATIC) < 4096:
            _STATIC[key] = st
    return st


def grad_label(grad) -> str:
    """Short text for the gradient on a wire: a number, up to three numbers (formatted like
    the cards and the Steps dock), or the shape."""
    arr = np.asarray(grad)
    if arr.ndim == 0 or arr.size == 1:
        return format_scalar(arr.reshape(-1)[0])
    if arr.ndim == 1 and arr.size <= 3:  # the window's one number format, as on the cards
        return format_array(arr)[0]
    return "grad " + "\u00d7".join(str(s) for s in arr.shape)


def without_error(state: NodeRunState | None, error: str | None) -> NodeRunState | None:
    """``state`` without its error line when the card's footer and badge say it already (a
    second red line widened the card over its neighbours)."""
    if state is not None and state.error and state.error == error:
        state = replace(state, error=None)
    return state


class PreviewRoom:
    """The preview area a card keeps for a run: as large as the largest of ``states``
    (false when there are none)."""

    def __init__(self, states):
        self.states = tuple(NodeRunState.of(s) for s in states if s is not None)
        self._key, self._size = None, (0.0, 0.0)

    def __bool__(self) -> bool:
        return bool(self.states)

    def size(self, name: str, theme: Theme, fonts: Fonts, error: str | None):
        """(width, height) for a card called ``name`` drawn with ``fonts`` (remembered)."""
        key = (name, id(fonts), theme.name, error)
        if self.states and key != self._key:
            formatted: dict = {}  # the states share their arrays (a value, its .grad)
            previews = [Preview(without_error(s, error), name, theme, fonts, measure=True,
                                formatted=formatted) for s in self.states]
            self._key = key
            self._size = (max(p.width for p in previews), max(p.height for p in previews))
        return self._size


def _same(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.array_equal(a, b))


class Preview:
    """The laid-out preview of one card (empty when ``state`` is None). ``measure``: only its
    size is wanted (a card's room), so its text rows keep their strings, not laid-out texts."""

    def __init__(self, state: NodeRunState | None, name: str, theme: Theme, fonts: Fonts,
                 measure: bool = False, formatted: dict | None = None):
        """``formatted``: the lines of arrays formatted already (by id and indent), shared
        by the previews of one card's states while they are measured."""
        self.state, self.name, self.theme, self.fonts = state, name, theme, fonts
        self._formatted = formatted
        self.rows: list[tuple] = []
        self.width = self.height = 0.0
        fm = fonts.fm_mono
        y = 0.0
        for kind, data, colour in self._rows():
            if kind == "text":
                text = data if measure else static_text(data, fonts.mono, cache=False)
                self.rows.append((kind, text, colour, y))
                self.width, y = max(self.width, fonts.mono_width(data)), y + fm.height()
            else:
                iw, ih = data.width(), data.height()
                scale = min(HEAT_MAX[0] / iw, HEAT_MAX[1] / ih, 12.0)
                size = (max(iw * scale, 8.0), max(ih * scale, 8.0))
                self.rows.append((kind, data, colour, y + 3, size))
                self.width, y = max(self.width, size[0]), y + size[1] + 6
        self.height = y + 8 if self.rows else 0.0

    def _rows(self) -> list[tuple]:
        """(kind, data, colour) rows: text lines like a PyTorch session, heatmaps for big ones."""
        s, t = self.state, self.theme
        if s is None:
            return []
        rows: list[tuple] = []
        shown = [(self.name, s.value, t.value, False),
                 (f"{self.name}.grad", s.grad, t.grad, s.show_grad)]
        if s.out_grad is not None and (s.grad is None or not _same(s.grad, s.out_grad)):
            shown.append((s.out_label or f"\u2202L/\u2202{self.name}", s.out_grad, t.grad, False))
        for label, data, colour, say_none in shown:
            if data is None:
                if say_none:
                    rows.append(("text", f"{label} = None", t.node_text_dim))
                continue
            arr = np.asarray(data)
            if label == self.name and s.requires_grad is None and not s.grad_fn and arr.ndim == 0 \
                    and arr.dtype.kind in "fiub":  # a Python number prints as Python does: 3.0
                rows.append(("text", f"{label} = {arr.item()!r}", colour))
            elif shows_as_text(arr):
                lines = self._lines(data, arr, len(label) + 3)
                pad = " " * (len(label) + 3)
                rows.append(("text", f"{label} = {lines[0]}", colour))
                rows.extend(("text", pad + ln, colour) for ln in lines[1:])
            else:  # values and gradients alike: shape, leading values, min/max, heatmap
                rows.extend(("text", line, colour) for line in summary_lines(label, arr))
                rows.append(("heat", heatmap_image(arr), colour))
        if s.grad_fn:
            rows.append(("text", f"grad_fn=<{s.grad_fn}>", t.node_text_dim))
        elif s.requires_grad is not None:
            note = "  # no_grad" if s.no_grad else ""
            rows.append(("text", f"requires_grad={s.requires_grad}{note}", t.node_text_dim))
        if s.error:  # one line, cut to fit: a long message made the card very wide
            line = " ".join(QCoreApplication.translate("Preview", "error: {0}").format(
                s.error).split())
            rows.append(("text", self.fonts.fm_mono.elidedText(line, Qt.ElideRight, ERROR_ROW_W),
                         t.error))
        return rows

    def _lines(self, data, arr, indent: int) -> list[str]:
        if self._formatted is None:
            return format_array(arr, indent)
        key = (id(data), indent)
        lines = self._formatted.get(key)
        if lines is None:
            lines = self._formatted[key] = format_array(arr, indent)
        return lines

    def paint_greeked(self, painter, top: float, card_w: float):
        """Zoomed out: each text line as a faint bar in its colour, heatmaps as they are, so a
        card that holds values never looks empty."""
        if not self.rows:
            return
        h = self.fonts.fm_mono.height()
        painter.setPen(Qt.NoPen)
        for row in self.rows:
            if row[0] == "text":
                _, st, colour, y = row
                w = min(st.size().width(), card_w - 2 * PAD)
                c = QColor(colour)
                c.setAlpha(110)
                painter.setBrush(c)
                painter.drawRoundedRect(QRectF(PAD, top + 2 + y + h * 0.25, w, h * 0.5), 2, 2)
            else:
                _, img, colour, y, (w, h_img) = row
                painter.drawImage(QRectF(PAD, top + 2 + y, w, h_img), img)

    def text_lines(self) -> list[str]:
        lines = [row[1].text() for row in self.rows if row[0] == "text"]
        if self.state is not None and self.state.stale:
            lines.append("stale")
        return lines

    def paint(self, painter, top: float, card_w: float, area_h: float):
        """Draw below a separator line at ``top``; stale results are dimmed and outlined."""
        if not self.rows:
            return
        t = self.theme
        stale = self.state.stale
        painter.setPen(QPen(t.node_border, 1.0))
        painter.drawLine(QPointF(6, top - 2), QPointF(card_w - 6, top - 2))
        painter.setFont(self.fonts.mono)
        if stale:
            painter.setOpacity(0.55)
        for row in self.rows:
            if row[0] == "text":
                _, st, colour, y = row
                painter.setPen(colour)
                painter.drawStaticText(QPointF(PAD, top + 2 + y), st)
            else:
                _, img, colour, y, (w, h) = row
                target = QRectF(PAD, top + 2 + y, w, h)
                painter.setRenderHint(QPainter.SmoothPixmapTransform, False)
                painter.drawImage(target, img)
                painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(Qt.NoBrush)
                painter.drawRect(target)
        painter.setOpacity(1.0)
        if stale:
            painter.setPen(QPen(t.stale, 1.2, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(QRectF(4, top - 1, card_w - 8, area_h + 1), 4, 4)

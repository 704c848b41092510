"""Colours and fonts of GraphStudio, light and dark, and the diverging heatmap colormap.

Everything that paints asks a :class:`Theme` for its colours, so switching themes is one call
(``GraphScene.set_theme`` / :func:`apply_app_theme`). Two colours carry meaning everywhere:
:attr:`Theme.value` (blue-violet) for forward values and :attr:`Theme.grad` (orange) for
gradients (:attr:`Theme.inner_grad`, teal and dashed, for the backward a Grad node runs inside
its forward step). Heatmaps use :func:`diverging_lut`, a colour-blind-safe blue-white-red scale
(ColorBrewer "RdBu", reversed so negative is blue) that is symmetric about zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

__all__ = [
    "CATEGORIES",
    "DARK",
    "LIGHT",
    "Theme",
    "apply_app_theme",
    "diverging_lut",
    "get_theme",
    "heatmap_image",
]

#: The node categories, in palette order (shown translated in the "NodeCategory" context).
CATEGORIES = (
    QT_TRANSLATE_NOOP("NodeCategory", "Inputs"), QT_TRANSLATE_NOOP("NodeCategory", "Math"),
    QT_TRANSLATE_NOOP("NodeCategory", "Activations"),
    QT_TRANSLATE_NOOP("NodeCategory", "Reductions"), QT_TRANSLATE_NOOP("NodeCategory", "Shape"),
    QT_TRANSLATE_NOOP("NodeCategory", "Losses"), QT_TRANSLATE_NOOP("NodeCategory", "Autograd"))


@dataclass(frozen=True)
class Theme:
    """A complete colour scheme. Colours are ``QColor``; use ``category_color(cat)`` for titles."""

    name: str
    dark: bool
    canvas_bg: QColor
    grid_minor: QColor
    grid_major: QColor
    node_body: QColor
    node_border: QColor
    node_text: QColor
    node_text_dim: QColor
    title_text: QColor
    categories: dict[str, QColor]
    port: QColor
    port_border: QColor
    port_compatible: QColor
    wire: QColor
    wire_hover: QColor
    selection: QColor
    error: QColor
    frozen: QColor
    frozen_body: QColor
    value: QColor
    grad: QColor
    inner_grad: QColor  # gradients a Grad node's inner backward carries (dashed wires)
    stale: QColor
    greyed: QColor
    badge_bg: QColor
    badge_text: QColor
    ok: QColor
    popup_bg: QColor
    shadow: QColor
    font_family: str = field(default="")

    def category_color(self, category: str | None) -> QColor:
        """Title-bar colour of a node category (a neutral slate for unknown ones)."""
        return self.categories.get(category or "", self.categories["Autograd"])

    def font(self, point_size: float = 9.0, bold: bool = False) -> QFont:
        f = QFont(self.font_family) if self.font_family else QFont()
        f.setPointSizeF(point_size)
        f.setBold(bold)
        return f


def _c(hex_or_rgba: str, alpha: int | None = None) -> QColor:
    c = QColor(hex_or_rgba)
    if alpha is not None:
        c.setAlpha(alpha)
    return c


def _cats(*hexes: str) -> dict[str, QColor]:
    return {name: _c(h) for name, h in zip(CATEGORIES, hexes, strict=True)}


LIGHT = Theme(
    name="light",
    dark=False,
    canvas_bg=_c("#f4f5f7"),
    grid_minor=_c("#eaecef"),
    grid_major=_c("#dcdfe4"),
    node_body=_c("#ffffff"),
    node_border=_c("#b9bfc8"),
    node_text=_c("#23272e"),
    node_text_dim=_c("#6b7380"),
    title_text=_c("#ffffff"),
    categories=_cats("#3e9b6b", "#4876b8", "#b08f1c", "#2a95a3", "#8c7356", "#b8508c", "#646e84"),
    port=_c("#8a93a0"),
    port_border=_c("#ffffff"),
    port_compatible=_c("#2fb36b"),
    wire=_c("#7d8694"),
    wire_hover=_c("#3a4350"),
    selection=_c("#1f2733"),  # neutral: not the value or the gradient colour
    error=_c("#d7263d"),
    frozen=_c("#8fa7bf"),
    frozen_body=_c("#eef3f8"),
    value=_c("#6a4fd8"),
    grad=_c("#ec7a12"),
    inner_grad=_c("#0a8f8f"),
    stale=_c("#a08a5a"),
    greyed=_c("#b4b8bf"),
    badge_bg=_c("#e9ecf1"),
    badge_text=_c("#3b424d"),
    ok=_c("#2fb36b"),
    popup_bg=_c("#ffffff"),
    shadow=_c("#1b2330", 28),
)

DARK = Theme(
    name="dark",
    dark=True,
    canvas_bg=_c("#1d1f23"),
    grid_minor=_c("#232529"),
    grid_major=_c("#2c2f35"),
    node_body=_c("#2c2f35"),
    node_border=_c("#454a53"),
    node_text=_c("#e4e6ea"),
    node_text_dim=_c("#9aa1ad"),
    title_text=_c("#ffffff"),
    categories=_cats("#2f7d56", "#3a6499", "#8f7517", "#237b87", "#6f5b45", "#94406f", "#525a6c"),
    port=_c("#9aa3b0"),
    port_border=_c("#1d1f23"),
    port_compatible=_c("#3ccf7e"),
    wire=_c("#8a93a1"),
    wire_hover=_c("#d9dee6"),
    selection=_c("#f4f6fa"),  # neutral: not the value or the gradient colour
    error=_c("#ff4d5e"),
    frozen=_c("#6f8aa6"),
    frozen_body=_c("#27303a"),
    value=_c("#9b87ff"),
    grad=_c("#ff9a3c"),
    inner_grad=_c("#3cc8c8"),
    stale=_c("#b9a373"),
    greyed=_c("#555a63"),
    badge_bg=_c("#3a3e46"),
    badge_text=_c("#d6dae1"),
    ok=_c("#3ccf7e"),
    popup_bg=_c("#2c2f35"),
    shadow=_c("#000000", 90),
)

_THEMES = {"light": LIGHT, "dark": DARK}


def get_theme(name: str | None) -> Theme:
    """The theme called ``name`` ("light" or "dark"); anything else gives LIGHT."""
    return _THEMES.get((name or "light").lower(), LIGHT)


# --------------------------------------------------------------------------- application look
_STYLESHEET = """
QDockWidget::title {{ background: {dock_title}; padding: 4px 6px; }}
#dockTitleBar {{ background: {dock_title}; }}
QToolBar {{ background: {toolbar}; border: none; spacing: 4px; padding: 2px; }}
QToolBar::separator {{ background: {border}; width: 1px; margin: 4px 3px; }}
QStatusBar {{ background: {toolbar}; color: {text_dim}; }}
QToolTip {{ background: {tip_bg}; color: {text}; border: 1px solid {border}; padding: 3px; }}
"""


class OutlinedFusion(QProxyStyle):
    """Fusion with check boxes and menus outlined in ``outline``. On the dark theme Fusion
    outlines both in the window colour darkened: unchecked boxes and the context menu's edge
    were nearly black on near black."""

    OUTLINED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                QStyle.PrimitiveElement.PE_PanelMenu, QStyle.PrimitiveElement.PE_FrameMenu)

    def __init__(self, outline: QColor):
        super().__init__(QStyleFactory.create("Fusion"))
        self.outline = QColor(outline)

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 (Qt's name)
        super().drawPrimitive(element, option, painter, widget)
        if element not in self.OUTLINED:
            return
        colour = QColor(self.outline)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox and not (
                option.state & QStyle.StateFlag.State_Enabled):
            colour.setAlpha(90)  # a disabled box: faint, flat
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # a crisp 1 px line
        painter.setPen(QPen(colour, 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()


def apply_app_theme(app, name: str) -> Theme:
    """Give ``app`` (a QApplication) the Fusion style (:class:`OutlinedFusion` on the dark
    theme), a matching palette and a small stylesheet."""
    theme = get_theme(name)
    app.setStyle(OutlinedFusion(_c("#8a919c")) if theme.dark else "Fusion")
    pal = QPalette()
    if theme.dark:
        window, base, alt = _c("#26282d"), _c("#1f2125"), _c("#2b2e33")
        text, button = _c("#e4e6ea"), _c("#30343a")
        dock_title, toolbar, border, tip = "#2e3137", "#26282d", "#3c4048", "#33363c"
    else:
        window, base, alt = _c("#eceef1"), _c("#ffffff"), _c("#f5f6f8")
        text, button = _c("#23272e"), _c("#f2f3f5")
        dock_title, toolbar, border, tip = "#dfe2e7", "#eceef1", "#c9ced6", "#ffffff"
    roles = {
        QPalette.Window: window, QPalette.WindowText: text, QPalette.Base: base,
        QPalette.AlternateBase: alt, QPalette.Text: text, QPalette.Button: button,
        QPalette.ButtonText: text, QPalette.ToolTipBase: _c(tip), QPalette.ToolTipText: text,
        QPalette.Highlight: _c("#3d7bd9"), QPalette.HighlightedText: _c("#ffffff"),
        QPalette.PlaceholderText: theme.node_text_dim, QPalette.Link: theme.value,
        QPalette.BrightText: theme.error,
    }
    for role, colour in roles.items():
        pal.setColor(role, colour)
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        pal.setColor(QPalette.Disabled, role, theme.node_text_dim)
    for role in (QPalette.Base, QPalette.Button):  # disabled fields look flat, not clickable
        pal.setColor(QPalette.Disabled, role, window)
    app.setPalette(pal)
    app.setStyleSheet(_STYLESHEET.format(
        dock_title=dock_title, toolbar=toolbar, border=border, tip_bg=tip,
        text=text.name(), text_dim=theme.node_text_dim.name(),
    ))
    return theme


# --------------------------------------------------------------------------- heatmaps
# ColorBrewer RdBu (11 classes), ordered from most negative (dark blue) to most positive (dark red).
_RDBU = ("#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
         "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f")


def diverging_lut(n: int = 256) -> np.ndarray:
    """An ``(n, 3)`` uint8 lookup table, blue (negative) - white (zero) - red (positive).

    Symmetric: entry ``i`` and ``n-1-i`` are the same distance from white. Usable directly by
    ``pyqtgraph.ImageItem.setLookupTable``.
    """
    if n < 2:
        raise ValueError("a lookup table needs at least 2 entries")
    anchors = np.array([QColor(h).getRgb()[:3] for h in _RDBU], dtype=float)
    x = np.linspace(0.0, 1.0, len(anchors))
    t = np.linspace(0.0, 1.0, n)
    lut = np.stack([np.interp(t, x, anchors[:, k]) for k in range(3)], axis=1)
    return np.clip(np.rint(lut), 0, 255).astype(np.uint8)


_LUT_CACHE: dict[int, np.ndarray] = {}


def _argb_lut(n: int) -> np.ndarray:
    lut = _LUT_CACHE.get(n)
    if lut is None:
        rgb = diverging_lut(n).astype(np.uint32)
        lut = (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)
        _LUT_CACHE[n] = lut
    return lut


def as_2d(array) -> np.ndarray:
    """View any array as 2-D for display: scalars 1x1, vectors one row, N-D as (-1, last)."""
    a = np.asarray(array, dtype=float)
    if a.ndim == 0:
        return a.reshape(1, 1)
    if a.ndim == 1:
        return a.reshape(1, -1)
    if a.ndim > 2:
        return a.reshape(-1, a.shape[-1])
    return a


def heatmap_image(array, vmax: float | None = None) -> QImage:
    """A QImage (one pixel per element) colouring ``array`` on the diverging scale [-vmax, vmax].

    ``vmax`` defaults to the largest absolute finite value (1 when all are zero). NaN and inf
    show as mid grey. The image owns its pixels; scale it when drawing.
    """
    a = as_2d(array)
    finite = np.isfinite(a)
    if vmax is None or not np.isfinite(vmax) or vmax <= 0:
        vmax = float(np.max(np.abs(a[finite]))) if finite.any() else 0.0
        vmax = vmax if vmax > 0 else 1.0
    lut = _argb_lut(256)
    idx = np.clip(np.rint((np.where(finite, a, 0.0) / vmax + 1.0) * 127.5), 0, 255).astype(np.intp)
    pixels = lut[idx]
    pixels[~finite] = 0xFF8C8C8C
    pixels = np.ascontiguousarray(pixels, dtype=np.uint32)
    h, w = pixels.shape
    img = QImage(pixels.data, w, h, 4 * w, QImage.Format_RGB32)
    return img.copy()

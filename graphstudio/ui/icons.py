"""Toolbar and menu icons drawn from the line-art SVGs in ``assets/icons``, tinted for the theme.

The SVGs stroke with ``currentColor``; :func:`icon` substitutes the theme's text colour and
renders crisp pixmaps at the usual sizes (and 2x for high-DPI screens), plus a faded variant for
disabled actions, so one file serves both themes.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 48)
_DEFAULT_COLOR = "#3b424d"


def icon_dir() -> Path:
    from graphstudio.paths import assets_dir

    return assets_dir() / "icons"


@cache
def _svg_source(name: str) -> str:
    return (icon_dir() / f"{name}.svg").read_text(encoding="utf-8")


def _render(svg: str, size: int, ratio: float, opacity: float = 1.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(opacity)
    renderer.render(painter, QRectF(0, 0, pm.width(), pm.height()))
    painter.end()
    pm.setDevicePixelRatio(ratio)
    return pm


@lru_cache(maxsize=256)
def _icon(name: str, color: str) -> QIcon:
    svg = _svg_source(name).replace("currentColor", color)
    result = QIcon()
    for size in SIZES:
        for ratio in (1.0, 2.0):
            result.addPixmap(_render(svg, size, ratio), QIcon.Mode.Normal)
            result.addPixmap(_render(svg, size, ratio, opacity=0.35), QIcon.Mode.Disabled)
    return result


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The icon ``assets/icons/<name>.svg`` stroked in ``color`` (an empty icon if missing)."""
    if isinstance(color, QColor):
        color = color.name()
    try:
        return _icon(name, color or _DEFAULT_COLOR)
    except OSError:
        return QIcon()


def app_icon() -> QIcon:
    """The application's (full-colour) window icon."""
    try:
        source = _svg_source("graphstudio")
    except OSError:
        return QIcon()
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        result.addPixmap(_render(source, size, 1.0))
    return result

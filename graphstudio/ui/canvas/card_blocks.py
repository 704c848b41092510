"""Cards drawn as plain blocks (body and title bar), the look of a card zoomed far out.

One drawing code path for that look: a built :class:`~graphstudio.ui.canvas.node_item.NodeItem`
below :data:`BLOCK_ZOOM` and the :class:`~graphstudio.ui.canvas.sketch.DocumentSketch` of a big
document's cards not built yet both hand their blocks to :func:`paint_blocks`, which draws
them batched by colour (a whole zoomed-out document in a few painter calls), with the title
colour from :func:`block_title_colour`: a node whose rule failed in the error colour, and every
node downstream of a failure (its input has an error) in a paler error colour, so zoomed out
a shape error shows where it starts and how far it reaches.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen

__all__ = ["BLOCK_ZOOM", "Block", "block_title_colour", "error_kind", "paint_blocks",
           "paint_outlines"]

#: below this zoom a card is a block (title bar and body, no text or ports); far below the
#: readable floor, so only a person zooming out by hand sees it
BLOCK_ZOOM = 0.3

#: how much of the error colour a node downstream of a failure takes (the rest: its own)
UPSTREAM_ERROR_MIX = 0.55

#: (card rectangle, title bar height, title colour, body colour)
Block = tuple[QRectF, float, QColor, QColor]


def paint_blocks(painter, blocks) -> None:
    """Draw ``blocks`` (an iterable of :data:`Block`): bodies first, then the title bars."""
    bodies: dict[int, list[QRectF]] = defaultdict(list)
    titles: dict[int, list[QRectF]] = defaultdict(list)
    for rect, title_h, title_c, body_c in blocks:
        bodies[body_c.rgba()].append(rect)
        titles[title_c.rgba()].append(QRectF(rect.x(), rect.y(), rect.width(), title_h))
    painter.setPen(Qt.NoPen)
    for rects_by_colour in (bodies, titles):
        for rgba, rects in rects_by_colour.items():
            painter.setBrush(QColor.fromRgba(rgba))
            painter.drawRects(rects)


def error_kind(result) -> str | None:
    """``"error"`` when a ShapeResult's own rule failed, ``"upstream"`` when one of its inputs
    has an error, None otherwise (no result, fine, or only a missing input)."""
    if result is None or result.error is None or result.error.startswith("missing input"):
        return None
    return "upstream" if " has an error (from node " in result.error else "error"


def block_title_colour(theme, kind: str | None, normal: QColor) -> QColor:
    """A block's title colour for an :func:`error_kind` (``normal`` when there is no error)."""
    if kind == "error":
        return theme.error
    if kind == "upstream":
        a, b, k = theme.error, normal, UPSTREAM_ERROR_MIX
        return QColor.fromRgbF(a.redF() * k + b.redF() * (1 - k), a.greenF() * k
                               + b.greenF() * (1 - k), a.blueF() * k + b.blueF() * (1 - k))
    return normal


def paint_outlines(painter, rects, colour: QColor) -> None:
    """The selection outline of blocks ``rects`` (3 px on screen at any zoom)."""
    pen = QPen(colour, 3.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.NoBrush)
    painter.drawRects(rects)

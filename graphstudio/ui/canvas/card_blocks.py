"""Cards drawn as plain blocks (body and title bar), the look of a card zoomed far out.

One drawing code path for that look: a built :class:`~graphstudio.ui.canvas.node_item.NodeItem`
below :data:`BLOCK_ZOOM` and the :class:`~graphstudio.ui.canvas.sketch.DocumentSketch` of a big
document's cards not built yet both hand their blocks to :func:`paint_blocks`, which draws
them batched by colour (a whole zoomed-out document in a few painter calls).
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

__all__ = ["BLOCK_ZOOM", "Block", "paint_blocks"]

#: below this zoom a card is a block (title bar and body, no text or ports); far below the
#: readable floor, so only a person zooming out by hand sees it
BLOCK_ZOOM = 0.3

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

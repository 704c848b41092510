"""What the new-user walk could not see (issue 10): dark-theme check boxes and menu edges, an
Input's requires_grad that looked clickable, trainable and frozen told apart only by colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QCheckBox, QLabel, QMenu, QStyleOptionButton, QWidget

from graphstudio.graph.model import Graph
from graphstudio.ui.canvas import GraphScene
from graphstudio.ui.inspector import Inspector
from graphstudio.ui.theme import DARK, LIGHT


def _contrast(image: QImage, rect, background) -> int:
    """The largest lightness difference from ``background`` on ``rect``'s outline."""
    edge = [(x, rect.top()) for x in range(rect.left(), rect.right() + 1)]
    edge += [(rect.left(), y) for y in range(rect.top(), rect.bottom() + 1)]
    return max(abs(image.pixelColor(x, y).lightness() - background.lightness()) for x, y in edge)


def test_dark_theme_unchecked_boxes_and_menu_edges_can_be_seen(window, qtbot):
    window.set_theme("dark")
    try:
        holder = QWidget()
        qtbot.addWidget(holder)
        box = QCheckBox("Log scale", holder)
        holder.resize(160, 40)
        box.move(10, 10)
        holder.show()
        qtbot.waitExposed(holder)
        image = holder.grab().toImage()
        bg = image.pixelColor(2, 2)
        indicator = box.style().subElementRect(box.style().SubElement.SE_CheckBoxIndicator,
                                               _option(box), box).translated(box.pos())
        assert _contrast(image, indicator, bg) >= 60, indicator

        menu = QMenu(window)
        menu.addAction("Backward from loss")
        retain = menu.addAction("Retain Grad")
        retain.setCheckable(True)
        menu.popup(window.mapToGlobal(QPoint(200, 200)))
        qtbot.waitExposed(menu)
        image = menu.grab().toImage()
        inner = image.pixelColor(image.width() // 2, 3)
        border = image.pixelColor(image.width() // 2, 0)
        assert abs(border.lightness() - inner.lightness()) >= 50
        menu.close()
    finally:
        window.set_theme("light")


def _option(box):
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    return opt


def test_an_inputs_requires_grad_reads_as_a_fact_not_a_control(qtbot):
    g = Graph()
    x = g.add_node("input", name="x")
    insp = Inspector(g, QUndoStack())
    qtbot.addWidget(insp)
    insp.show_nodes([x.id])
    row = insp.findChild(QLabel, "inputRequiresGrad")
    assert row is not None and row.text().startswith("False")
    assert "Parameter" in row.text()
    boxes = [b for b in insp.findChildren(QCheckBox) if not b.isEnabled()]
    assert boxes == []  # nothing that looks clickable and is not
    insp.close_inspector()


def _ink(item, theme) -> np.ndarray:
    """Where the freeze toggle draws, colour ignored: a boolean mask of changed pixels."""
    size = 40
    masks = []
    for fill in (0xFF000000, 0xFFFFFFFF):  # on black and on white: ink differs from both
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(fill)
        painter = QPainter(image)
        painter.translate(size / 2, size / 2)
        painter.scale(1.8, 1.8)
        item.paint(painter, None)
        painter.end()
        ptr = image.constBits()
        pixels = np.frombuffer(ptr, np.uint32, size * size).reshape(size, size)
        masks.append(pixels != np.uint32(fill))
    return masks[0] | masks[1]


def test_trainable_and_frozen_parameters_differ_in_shape_not_only_colour(qtbot):
    for theme in (LIGHT, DARK):
        g = Graph()
        w = g.add_node("parameter", name="w")
        scene = GraphScene(g, QUndoStack(), theme)
        toggle = scene.node_item(w.id).freeze_toggle
        trainable = _ink(toggle, theme)
        scene.toggle_freeze(w.id)
        assert toggle.frozen
        frozen = _ink(toggle, theme)
        assert trainable.sum() > 20 and frozen.sum() > 20
        # the snowflake's six spokes meet in the middle; the trainable glyph (a nabla) is open
        # there, so the two read apart in grey too, not only by the frozen colour
        assert not trainable[18:23, 18:23].any() and frozen[18:23, 18:23].all()
        scene.detach()

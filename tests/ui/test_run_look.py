"""How a run looks: selection, heatmap scales, label placement (colours, not numbers)."""

from __future__ import annotations

import pytest

from graphstudio.ui.theme import DARK, LIGHT


def _chroma(c) -> int:
    return max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue())


def _hue_far(a, b) -> bool:
    return abs(a.hslHue() - b.hslHue()) > 40 or _chroma(a) < 40


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_selection_is_neutral_not_the_value_or_gradient_colour(theme):
    sel = theme.selection
    assert _chroma(sel) < 40  # a neutral, so a selected card never reads as a gradient
    assert _hue_far(sel, theme.grad) and _hue_far(sel, theme.value)
    assert sel != theme.grad and sel != theme.value


def test_selected_card_during_forward_is_outlined_neutral(run_window):
    from PySide6.QtGui import QImage, QPainter

    r = run_window("detach_and_no_grad")
    assert r.c.forward()
    card = r.card("y_detached")
    r.scene.clearSelection()
    card.setSelected(True)
    rect = card.boundingRect()
    img = QImage(int(rect.width()) + 2, int(rect.height()) + 2, QImage.Format_ARGB32)
    img.fill(0)
    p = QPainter(img)
    p.translate(-rect.left() + 1, -rect.top() + 1)
    from PySide6.QtWidgets import QStyle, QStyleOptionGraphicsItem

    opt = QStyleOptionGraphicsItem()
    opt.state = QStyle.State_Selected
    card.paint(p, opt)
    p.end()
    grad = card.theme.grad
    orange = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = img.pixelColor(x, y)
            if c.alpha() > 200 and abs(c.hslHue() - grad.hslHue()) < 12 \
                    and c.hslSaturation() > 150:
                orange += 1
    assert orange == 0


def _covered(r, it) -> list[str]:
    from graphstudio.ui.canvas.node_item import NodeItem

    lab = it.label_item.sceneBoundingRect().adjusted(1, 1, -1, -1)
    return [x.name for x in r.scene.items(lab) if isinstance(x, NodeItem)]


@pytest.mark.parametrize("example", ["tutorial_single_layer", "fan_out_accumulation"])
def test_wire_labels_do_not_cover_cards(run_window, example):
    r = run_window(example)
    r.c.run_to_end()
    for k in (len(r.c.timeline) - 1, r.c.timeline.forward_count + 1):
        r.c.jump(k)
        for it in r.scene.edge_items():
            if it.label_text():
                assert _covered(r, it) == [], (k, it.label_text(), _covered(r, it))

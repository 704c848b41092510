"""Pictures of big documents: the PNG keeps within its pixel budget, every card is built when
the picture is drawn at a scale that shows cards, and none needlessly when it shows blocks."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QUndoStack

from graphstudio.ui import render
from graphstudio.ui.canvas import GraphScene
from graphstudio.ui.canvas.card_blocks import BLOCK_ZOOM
from tests.support.graph_generator import make_large_graph


def test_png_scale_keeps_within_the_side_and_pixel_budget():
    assert render.png_scale(QRectF(0, 0, 400, 300)) == render.PNG_SCALE
    wide = render.png_scale(QRectF(0, 0, 60_000, 100))
    assert round(60_000 * wide) == render.MAX_PNG_SIDE
    s = render.png_scale(QRectF(0, 0, 30_000, 30_000))
    assert 30_000 * s * 30_000 * s <= render.MAX_PNG_PIXELS * 1.0001


def _scene(monkeypatch, n):
    monkeypatch.setattr(GraphScene, "LAZY_CARDS", 60)
    monkeypatch.setattr(GraphScene, "FIRST_CARDS", 10)
    return GraphScene(make_large_graph(n), QUndoStack())


def test_a_picture_at_card_scale_shows_every_card(qapp, tmp_path, monkeypatch):
    scene = _scene(monkeypatch, 300)
    assert scene.cards_built < 300
    out = render.render_scene(scene, tmp_path / "big.png", scale=1.0)
    assert scene.cards_built == 300
    assert not QImage(str(out)).isNull()
    scene.detach()


def test_a_picture_at_block_scale_leaves_the_sketch_to_draw_blocks(qapp, tmp_path, monkeypatch):
    scene = _scene(monkeypatch, 300)
    monkeypatch.setattr(render, "MAX_PNG_PIXELS", 200_000)  # forces a scale below BLOCK_ZOOM
    source = render.scene_rect(scene)
    assert render.png_scale(source) < BLOCK_ZOOM
    out = render.render_scene(scene, tmp_path / "blocks.png")
    assert scene.cards_built < 300
    image = QImage(str(out))
    assert image.width() * image.height() <= 200_000 * 1.01
    bg = image.pixelColor(0, 0)
    drawn = sum(image.pixelColor(x, y) != bg for x in range(0, image.width(), 3)
                for y in range(0, image.height(), 3))
    assert drawn > image.width() * image.height() / 9 * 0.1  # the blocks of the whole document
    scene.detach()

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


def test_an_svg_of_too_many_cards_is_refused_before_building_any(qapp, tmp_path, monkeypatch):
    import pytest

    scene = _scene(monkeypatch, 300)
    built = scene.cards_built
    monkeypatch.setattr(render, "MAX_SVG_CARDS", 250)
    with pytest.raises(render.RenderError, match="export a PNG"):
        render.render_scene(scene, tmp_path / "big.svg")
    assert scene.cards_built == built and not (tmp_path / "big.svg").exists()
    scene.detach()


def test_building_cards_for_a_picture_reports_progress_and_can_be_cancelled(qapp, tmp_path,
                                                                            monkeypatch):
    scene = _scene(monkeypatch, 300)
    assert render.cards_to_build(scene, ".png", scale=1.0) == 300 - scene.cards_built
    seen = []

    def cancel_halfway(done, total):
        seen.append((done, total))
        return done < total / 2

    assert render.render_scene(scene, tmp_path / "big.png", scale=1.0,
                               progress=cancel_halfway) is None
    assert not (tmp_path / "big.png").exists() and scene.cards_built < 300
    total = seen[0][1]
    assert [d for d, _t in seen] == list(range(0, seen[-1][0] + 1, render.PROGRESS_EVERY))
    seen.clear()
    assert render.render_scene(scene, tmp_path / "big.png", scale=1.0,
                               progress=lambda d, t: seen.append((d, t)) or True) is not None
    assert scene.cards_built == 300 and seen[-1][0] == seen[-1][1] < total
    scene.detach()


def test_export_image_of_a_big_document_shows_progress_and_cancel_writes_nothing(
        window, dialogs, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from graphstudio.files.gsgraph import save_graph
    from graphstudio.ui.share import export_dialog

    monkeypatch.setattr(GraphScene, "LAZY_CARDS", 60)
    monkeypatch.setattr(GraphScene, "FIRST_CARDS", 10)
    monkeypatch.setattr(export_dialog, "PROGRESS_FROM_CARDS", 50)
    save_graph(make_large_graph(300), tmp_path / "big.gsgraph")
    assert window.files.open_file(tmp_path / "big.gsgraph", ask=False)
    shown = []

    def press_cancel():
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(5, press_cancel)
            return
        shown.append(boxes[0].labelText())
        boxes[0].cancel()

    QTimer.singleShot(0, press_cancel)
    dialogs.save_paths.append(str(tmp_path / "big.svg"))
    assert window.files.export_image() is False
    assert shown and "cards for big.svg" in shown[0]
    assert not (tmp_path / "big.svg").exists() and window.scene.cards_built < 300
    assert "cancelled" in window.statusBar().currentMessage()

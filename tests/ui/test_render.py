"""Offscreen pictures of graph files: the same scene as the window, PNG and SVG."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from graphstudio.files.gsgraph import GraphFileError
from graphstudio.paths import examples_dir
from graphstudio.ui.render import RenderError, render_file

TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_png_is_non_blank_and_plausibly_sized(qapp, tmp_path, theme):
    out = render_file(TUTORIAL, tmp_path / "t.png", theme=theme)
    image = QImage(str(out))
    assert not image.isNull()
    assert 600 <= image.width() <= 6000 and 300 <= image.height() <= 6000
    assert distinct_colours(image) > 20  # cards, wires, text: not a flat fill
    corner = image.pixelColor(2, 2)
    assert (corner.lightness() > 128) == (theme == "light")


def test_svg_export(qapp, tmp_path):
    out = render_file(TUTORIAL, tmp_path / "t.svg")
    text = out.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "loss" in text


def test_bad_requests_fail_clearly(qapp, tmp_path):
    with pytest.raises(RenderError, match=r"\.png or \.svg"):
        render_file(TUTORIAL, tmp_path / "t.jpg")
    with pytest.raises(RenderError, match="after must be"):
        render_file(TUTORIAL, tmp_path / "t.png", after="sideways")
    bad = tmp_path / "bad.gsgraph"
    bad.write_text("{}")
    with pytest.raises(GraphFileError):
        render_file(bad, tmp_path / "t.png")
    assert not (tmp_path / "t.png").exists()


def test_export_image_from_the_window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from graphstudio.ui.main_window import MainWindow
    from graphstudio.ui.settings import AppSettings
    from tests.support.window_fixtures import Dialogs

    d = Dialogs()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", d.save_name)
    win = MainWindow(settings=AppSettings.at(tmp_path / "s.ini"), data_dir=tmp_path)
    win.files.open_file(TUTORIAL, ask=False)
    d.save_paths.append(str(tmp_path / "shot"))
    assert win.files.export_image()
    image = QImage(str(tmp_path / "shot.png"))
    assert image.width() > 600 and distinct_colours(image) > 20
    win.close()


def test_after_backward_shows_values_and_gradients(qapp, tmp_path):
    from PySide6.QtGui import QUndoStack

    from graphstudio.files.gsgraph import load_graph
    from graphstudio.ui.canvas.scene import GraphScene
    from graphstudio.ui.render import apply_run, render_scene

    graph = load_graph(TUTORIAL)
    scene = GraphScene(graph, QUndoStack())
    apply_run(scene, graph, "backward")
    w = scene.node_item(graph.node_by_name("w").id).display_text()
    assert "w.grad" in w and "0.1242" in w
    x = scene.node_item(graph.node_by_name("x").id)
    assert x.run_state.greyed and not scene.node_item(graph.node_by_name("w").id).run_state.greyed
    out = render_scene(scene, tmp_path / "after.png")
    assert QImage(str(out)).width() > 800
    assert render_file(TUTORIAL, tmp_path / "fwd.png", after="forward").exists()


def test_svg_text_has_the_size_the_cards_were_laid_out_for(qtbot, tmp_path):
    """QSvgGenerator's default 72 dpi made every label 3/4 size in the SVG, and a PNG exported
    after it drew the labels past their cards (the shared text layouts kept the SVG's)."""
    import re

    from PySide6.QtGui import QUndoStack

    from graphstudio.files.gsgraph import load_graph
    from graphstudio.ui.canvas import GraphScene
    from graphstudio.ui.render import render_scene

    scene = GraphScene(load_graph(TUTORIAL), QUndoStack())
    before = QImage(str(render_scene(scene, tmp_path / "a.png")))
    svg = render_scene(scene, tmp_path / "b.svg").read_text()
    title_pt = scene.node_items()[0]._fonts.title.pointSizeF()
    sizes = {float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)}
    assert round(title_pt * 96 / 72, 2) in {round(s, 2) for s in sizes}
    after = QImage(str(render_scene(scene, tmp_path / "c.png")))
    assert after == before
    scene.detach()

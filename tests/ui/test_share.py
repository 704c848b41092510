"""Sharing a run from the window and the frames behind it: a frame is the window's picture of
the same step, the camera keeps card text readable and follows the step, frames stream to the
file, and File > Export Animation / Export Handout run without blocking and can be cancelled."""

from __future__ import annotations

import gc
import re
import weakref

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from graphstudio.paths import examples_dir
from graphstudio.run.step_text import explain_step
from graphstudio.ui.canvas.readable import READABLE_PX as READABLE_TEXT_PX
from graphstudio.ui.share.export_job import ShareOptions, run_for_share
from graphstudio.ui.share.frame_writers import open_writer
from graphstudio.ui.share.frames import RunFrames, card_text_px, to_pil
from graphstudio.ui.theme import get_theme
from tests.support.graph_generator import make_large_graph

TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"


def scene_picture(scene, source: QRectF, size, theme) -> Image.Image:
    """``source`` of ``scene`` drawn into ``size`` pixels, as a frame's canvas is drawn."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for hint in (QPainter.RenderHint.Antialiasing, QPainter.RenderHint.TextAntialiasing,
                 QPainter.RenderHint.SmoothPixmapTransform):
        painter.setRenderHint(hint)
    target = QRectF(0, 0, *size)
    painter.fillRect(target, theme.canvas_bg)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return to_pil(image)


def test_a_frame_is_the_windows_picture_of_the_same_step(window, dialogs, tmp_path, qtbot):
    from graphstudio.ui.share.animation import AnimationJob

    window.files.open_file(TUTORIAL, ask=False)
    window.scene.clearSelection()
    k = 8  # AddBackward0 sends z's gradient to xw and b (step 9 in the Steps dock)
    out = tmp_path / "run.png"  # APNG: lossless, so pixels compare exactly
    graph = window.graph.copy()
    AnimationJob(graph, run_for_share(graph), out, ShareOptions(theme=window.theme.name)).run()
    controller = window.run_controller
    assert controller.run_to_end()
    assert controller.jump(k)
    controller.display.flush()
    # the same camera the frame used, on the window's own scene
    frames = RunFrames(window.graph.copy(), controller.timeline, (1280, 720), window.theme)
    try:
        camera, canvas = frames.camera(k), frames.canvas_size
    finally:
        frames.close()
    seen = scene_picture(window.scene, camera, canvas, window.theme)
    im = Image.open(out)
    im.seek(k + 1)  # frame 0 is before the run
    frame = im.convert("RGB").crop((0, 0, *canvas))
    diff = np.abs(np.asarray(frame, dtype=int) - np.asarray(seen, dtype=int)).max(axis=2)
    # the same picture: cards the window's view has painted come from its bitmap cache, so a
    # few text pixels are antialiased differently (0.2% here), nothing more
    same = int((diff > 24).sum())
    assert same < 0.005 * diff.size, f"{same} pixels differ"
    # and the picture really is of step k: the glow and the gradients differ from step k-1
    controller.jump(k - 1)
    controller.display.flush()
    before = scene_picture(window.scene, camera, canvas, window.theme)
    d2 = np.abs(np.asarray(before, dtype=int) - np.asarray(frame, dtype=int)).max(axis=2)
    assert (d2 > 24).sum() > 8 * max(same, 1000)


def test_the_camera_keeps_card_text_readable_and_follows_the_step(qapp):
    graph = make_large_graph(120)
    timeline = run_for_share(graph)
    theme = get_theme("light")
    frames = RunFrames(graph, timeline, (1280, 720), theme)
    try:
        assert card_text_px(theme) * frames.zoom() >= READABLE_TEXT_PX - 1e-9
        cw, ch = frames.canvas_size
        assert frames.overview.width() > cw / frames.zoom()  # too big to show whole: it pans
        cameras = set()
        for k in (0, timeline.forward_count // 2, timeline.forward_count + 3, len(timeline) - 1):
            camera = frames.camera(k)
            item = frames.scene.node_item(timeline.steps[k].node_id)
            assert camera.contains(item.sceneBoundingRect().center()), k
            cameras.add((round(camera.x()), round(camera.y())))
        assert len(cameras) > 1
    finally:
        frames.close()


def test_a_small_graph_is_shown_whole(qapp):
    from graphstudio.files.gsgraph import load_graph

    graph = load_graph(examples_dir() / "detach_and_no_grad.gsgraph")
    frames = RunFrames(graph, run_for_share(graph), (1920, 1080), get_theme("dark"))
    try:
        assert frames.camera(0).contains(frames.overview)
        assert frames.camera(0) == frames.camera(len(frames.timeline) - 1)
    finally:
        frames.close()


def test_frames_are_streamed_not_kept(tmp_path):
    """The writer holds no frame it was given (the GIF keeps only its own copy of the last)."""
    refs = []

    def frames():
        for i in range(12):
            image = Image.new("RGB", (320, 240), (255, 255, 255))
            image.paste((200, 20 * i, 20), (10 * i, 10, 10 * i + 30, 50))
            refs.append(weakref.ref(image))
            yield image

    for ext in (".gif", ".png", ".webp"):
        refs.clear()
        with open(tmp_path / f"s{ext}", "wb") as fp:
            writer = open_writer(f"s{ext}", fp, (320, 240), 12)
            for image in frames():
                writer.add(image, 100)
                del image
                gc.collect()
                # only the generator's own last image lives on, never one given before
                assert not any(r() is not None for r in refs[:-1])
            writer.close()
        assert Image.open(tmp_path / f"s{ext}").n_frames == 12


def test_step_sentences_follow_the_language(qapp):
    from graphstudio.files.gsgraph import load_graph
    from graphstudio.ui.share.caption import translate_step_text
    from graphstudio.ui.share.language import install_language

    graph = load_graph(TUTORIAL)
    timeline = run_for_share(graph)
    try:
        install_language(qapp, "zh_CN")
        zh = explain_step(timeline, 8, graph, translate_step_text)
        assert re.search(r"[\u4e00-\u9fff]", zh) and "AddBackward0" in zh and "xw" in zh
    finally:
        install_language(qapp, "en")
    assert explain_step(timeline, 8, graph, translate_step_text) == explain_step(
        timeline, 8, graph)


@pytest.mark.parametrize("key,name,pages", [("export_animation", "run.gif", None),
                                            ("export_handout", "run.pdf", 14)])
def test_export_from_the_window_never_blocks(window, dialogs, tmp_path, qtbot, key, name,
                                             pages):
    window.files.open_file(TUTORIAL, ask=False)
    share = window.files.share
    out = tmp_path / name
    dialogs.save_paths.append(str(out))
    window.actions[key].trigger()
    assert share.running and share.progress.isVisible()
    assert not share.progress.isModal()
    qtbot.waitUntil(lambda: not share.running, timeout=30000)
    assert out.exists() and not list(tmp_path.glob("*.part"))
    if pages is None:
        assert Image.open(out).n_frames == 14
    else:
        assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", out.read_bytes())) == pages
    assert "Exported" in window.statusBar().currentMessage()


def test_cancelling_an_export_leaves_no_file(window, dialogs, tmp_path, qtbot):
    window.files.open_file(TUTORIAL, ask=False)
    share = window.files.share
    out = tmp_path / "run.webp"
    out.write_bytes(b"the previous file")
    dialogs.save_paths.append(str(out))
    window.actions["export_animation"].trigger()
    qtbot.waitUntil(lambda: share.job is not None and share.job.done >= 2, timeout=10000)
    from PySide6.QtWidgets import QPushButton

    (button,) = share.progress.findChildren(QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not share.running
    assert out.read_bytes() == b"the previous file"
    assert not list(tmp_path.glob("*.part"))
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_graph_that_does_not_run_is_explained(window, dialogs, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.support.graph_generator import add_shape_error

    add_shape_error(window.graph)
    dialogs.save_paths.append(str(tmp_path / "x.gif"))
    dialogs.answer(QMessageBox.StandardButton.Ok)
    assert not window.files.share.export_animation()
    assert "the graph does not run: node 'matmul'" in dialogs.texts
    assert not list(tmp_path.glob("x.gif*")) and not list(tmp_path.glob(".x.gif*"))

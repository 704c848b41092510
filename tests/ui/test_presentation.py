"""View > Follow Step, View > Text Size and View > Presentation (issue 10, items 2 and 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from graphstudio.run.step_text import explain_step, step_heading
from graphstudio.ui.canvas.readable import (
    READABLE_PX,
    readable_zoom,
    set_screen_floor,
    set_text_scale,
    text_scale,
)
from graphstudio.ui.run.caption import step_caption
from graphstudio.ui.run.keep_in_view import PAN_MS
from tests.support.run_fixtures import run_window  # noqa: F401 (fixture)
from tests.support.window_fixtures import (  # noqa: F401
    close_quietly,
    dialogs,
    make_window,
    settings,
)
from tests.ui.test_readable import open_at_1280, visible


@pytest.fixture(autouse=True)
def normal_text_size():
    yield
    set_text_scale(1.0)
    set_screen_floor(None)


def node_rect(r, k):
    return r.scene.node_item(r.c.timeline.steps[k].node_id).sceneBoundingRect()


# ---------------------------------------------------------------------- follow step
def test_each_step_pans_smoothly_to_its_node(run_window, qtbot):  # noqa: F811
    r = open_at_1280(run_window, "mlp_classifier")
    r.c.animate = True
    r.c.step_ms = 10
    follow = r.c.ui.view_options.follow
    assert follow.enabled and r.window.actions["follow_step"].isChecked()
    r.c.run_to_end()
    r.c.jump(-1)
    for _ in range(len(r.c.timeline)):
        pans = follow.pans
        r.c.step()
        k = r.c.k
        if follow.pans > pans:  # a pan started: short and smooth, ending with the node in view
            assert follow.panning and follow._anim.duration() <= 250
            qtbot.waitUntil(lambda: not follow.panning, timeout=PAN_MS + 500)
        r.c.animator.finish()
        assert visible(r.window.view).contains(node_rect(r, k)), f"step {k + 1}"
    assert follow.pans >= 2  # the MLP is wider than the view: the camera had to move


def test_no_pan_when_the_node_is_already_in_view(run_window):  # noqa: F811
    r = open_at_1280(run_window, "tutorial_single_layer")
    follow = r.c.ui.view_options.follow
    r.c.step()  # step 1: x, at the top-left, in view since the file opened
    assert follow.pans == 0
    centre = r.window.view.visible_scene_rect().center()
    r.c.jump(0)
    assert follow.pans == 0 and r.window.view.visible_scene_rect().center() == centre


def test_backward_brings_the_wire_carrying_the_gradient_into_view(run_window):  # noqa: F811
    r = open_at_1280(run_window, "tutorial_single_layer")
    r.c.run_to_end()
    tl = r.c.timeline
    k = next(i for i in range(tl.forward_count, len(tl)) if tl.steps[i].edge_grads
             and tl.steps[i].node_id == r.id("z"))
    r.c.jump(k)
    area = visible(r.window.view)
    for edge in tl.steps[k].edge_grads:
        assert area.contains(r.scene.edge_item(edge).sceneBoundingRect())


def test_follow_step_off_leaves_the_view_alone_and_is_remembered(run_window, settings):  # noqa: F811
    r = open_at_1280(run_window, "mlp_classifier")
    r.window.actions["follow_step"].trigger()
    assert not r.c.ui.view_options.follow.enabled and settings.follow_step is False
    centre = r.window.view.visible_scene_rect().center()
    r.c.run_to_end()
    QApplication.processEvents()
    assert r.window.view.visible_scene_rect().center() == centre
    again = run_window("mlp_classifier")
    assert not again.window.actions["follow_step"].isChecked()


# ---------------------------------------------------------------------- text size
def test_text_size_scales_cards_labels_steps_and_values(run_window, settings):  # noqa: F811
    r = open_at_1280(run_window, "tutorial_single_layer")
    r.c.run_to_end()
    w = r.card("w")
    px, width = w.fonts().mono.pixelSize(), w.size()[0]
    steps = r.c.ui.steps
    row, detail_pt = steps.row_h, steps.detail.font().pointSizeF()
    values_pt = r.c.ui.values.header.font().pointSizeF()
    r.window.actions["text_size_150"].trigger()
    assert text_scale() == 1.5 and settings.text_scale == 1.5
    assert w.fonts().mono.pixelSize() == round(px * 1.5) and w.size()[0] > width
    label = next(e.label_item for e in r.scene.edge_items() if e.label_item is not None)
    assert label.font().pixelSize() == w.fonts().small.pixelSize()
    assert steps.row_h == round(row * 1.5)
    assert steps.detail.font().pointSizeF() == pytest.approx(detail_pt * 1.5)
    assert r.c.ui.values.header.font().pointSizeF() == pytest.approx(values_pt * 1.5)
    assert readable_zoom() == pytest.approx(11.0 / w.fonts().small.pixelSize())
    names = [it.name for it in r.scene.node_items()]
    rects = [it.sceneBoundingRect().adjusted(7, 7, -7, -7) for it in r.scene.node_items()]
    clash = [(names[i], names[j]) for i in range(len(rects)) for j in range(i)
             if rects[i].intersects(rects[j])]
    assert clash == []  # bigger cards made room for each other
    close_quietly(r.window)
    set_text_scale(1.0)
    again = run_window("tutorial_single_layer")  # the same settings: 150% again
    assert text_scale() == 1.5 and again.window.actions["text_size_150"].isChecked()


# ---------------------------------------------------------------------- presentation
def test_presentation_mode(run_window, settings):  # noqa: F811
    r = open_at_1280(run_window, "tutorial_single_layer")
    win = r.window
    present = r.c.ui.view_options.presentation
    QTest.keyClick(win, Qt.Key.Key_F11)
    assert present.active and settings.presentation
    assert not win.docks["palette"].isVisible() and not win.docks["inspector"].isVisible()
    assert text_scale() >= 1.5 and present.bar.isVisible()
    QApplication.processEvents()  # (the view re-centres from the event loop)
    z = win.view.zoom()
    card = r.card("w")  # enlarged on screen too: at least 1.5 x 11 px
    assert min(f.pixelSize() for f in card.fonts().all()) * z >= 1.5 * READABLE_PX - 1e-6
    QTest.keyClick(win.view, Qt.Key.Key_Right)
    assert r.c.k == 0
    assert present.caption.line.text() == "x = torch.ones(5)"
    QTest.keyClick(win.view, Qt.Key.Key_Right)
    QTest.keyClick(win.view, Qt.Key.Key_Right)
    assert r.c.k == 2 and present.caption.line.text() == "xw = torch.matmul(x, w)"
    assert "grad_fn=<" in present.caption.sentence.text()
    QTest.keyClick(win.view, Qt.Key.Key_Left)
    assert r.c.k == 1
    QTest.keyClick(win.view, Qt.Key.Key_End)
    assert r.c.at_end and "AccumulateGrad" in present.caption.line.text()
    QTest.keyClick(win.view, Qt.Key.Key_Home)
    assert r.c.k == -1
    QTest.keyClick(win.view, Qt.Key.Key_Space)
    assert r.c.playing
    QTest.keyClick(win.view, Qt.Key.Key_Space)
    assert not r.c.playing
    QTest.keyClick(win.view, Qt.Key.Key_Escape)
    assert not present.active and not settings.presentation
    assert win.docks["palette"].isVisible() or win.docks["steps"].isVisible()
    assert win.docks["inspector"].isVisible() or win.docks["values"].isVisible()
    assert text_scale() == 1.0 and not present.bar.isVisible()
    assert readable_zoom() == pytest.approx(READABLE_PX / card.fonts().small.pixelSize())
    k = r.c.k
    QTest.keyClick(win.view, Qt.Key.Key_Right)  # arrows are the canvas's again
    assert r.c.k == k


def test_presentation_is_remembered(run_window, settings):  # noqa: F811
    r = run_window("tutorial_single_layer")
    r.window.actions["presentation"].trigger()
    close_quietly(r.window)
    set_text_scale(1.0)
    again = run_window("tutorial_single_layer")
    present = again.c.ui.view_options.presentation
    assert present.active and not again.window.docks["inspector"].isVisible()
    present.leave()  # the panels open before presentation come back after a restart too
    assert again.window.docks["palette"].isVisible() or again.window.docks["steps"].isVisible()


def test_captions_say_each_step_in_one_sentence(run_window):  # noqa: F811
    r = run_window("fan_out_accumulation")
    r.c.run_to_end()
    tl, g = r.c.timeline, r.graph
    seen = set()
    for k in range(-1, len(tl)):
        line, sentence = step_caption(tl, k, g)
        assert sentence.count(". ") == 0 and sentence.endswith(".")  # one sentence
        assert sentence == f"{step_heading(tl, k)}: {explain_step(tl, k, g)}"  # one source
        seen.add(sentence.split(":", 1)[-1].split()[0])
        if k >= tl.forward_count:
            assert line.startswith("loss.backward()")
    joined = " ".join(step_caption(tl, k, g)[1] for k in range(len(tl)))
    assert "sums the 3 gradients that arrived from" in joined and "stores it in x.grad" in joined
    assert "loss.backward() starts here" in joined and "(\u2202loss/\u2202loss)" in joined
    assert "AddBackward0 receives the gradient of y" in joined


def test_presentation_leaves_the_canvas_alone_on_screen(run_window):  # noqa: F811
    """Every side panel steps aside (the Session and Code docks too); they come back after."""
    r = open_at_1280(run_window, "jacobian_product")
    docks = r.window.docks
    for key in ("session", "code"):
        docks[key].show()
    before = {k: d.isVisible() for k, d in docks.items()}
    QTest.keyClick(r.window, Qt.Key.Key_F11)
    assert [k for k, d in docks.items() if d.isVisible() and k != "lesson"] == []
    QTest.keyClick(r.window, Qt.Key.Key_Escape)
    assert {k: d.isVisible() for k, d in docks.items()} == before


@pytest.mark.parametrize("size", ["text_size_150", "text_size_200"])
def test_the_values_dock_fits_its_width_at_a_larger_text_size(run_window, size):  # noqa: F811
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    r = open_at_1280(run_window, "mlp_classifier")
    r.c.run_to_end()
    r.scene.select_nodes([r.id("W1")])
    r.window.actions[size].trigger()
    values = r.c.ui.values
    values.refresh(force=True)
    for _ in range(5):
        QApplication.processEvents()
    page = values.widget()
    assert page.width() <= values.viewport().width()  # nothing runs past the dock's edge
    box = values.same_scale
    longest = max(box.text().split("\n"), key=len)
    assert QFontMetrics(box.font()).horizontalAdvance(longest) < values.viewport().width()
    table = values.value.table
    fm = QFontMetrics(table.font())
    assert all(table.columnWidth(c) >= fm.horizontalAdvance(table.item(0, c).text()) + 8
               for c in range(table.columnCount()))

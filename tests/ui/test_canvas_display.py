"""What node cards and wires display: run states (values, grads, grad_fn, stale, greyed), theme
colours and the diverging heatmap scale."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QApplication

from graphstudio.graph.model import Edge, Graph
from graphstudio.ui.canvas import GraphScene, NodeRunState
from graphstudio.ui.canvas.preview import format_array, grad_label
from graphstudio.ui.theme import DARK, LIGHT, diverging_lut, get_theme, heatmap_image


@pytest.fixture
def scene(qtbot):
    g = Graph()
    w = g.add_node("parameter", "w", pos=(0, 0))
    b = g.add_node("parameter", "b", pos=(0, 200))
    z = g.add_node("add", "z", pos=(300, 50))
    loss = g.add_node("sum", "loss", pos=(550, 50))
    g.connect(w.id, "out", z.id, "input")
    g.connect(b.id, "out", z.id, "other")
    g.connect(z.id, "out", loss.id, "input")
    s = GraphScene(g, QUndoStack())
    s.ids = {n.name: n.id for n in g.nodes.values()}
    yield s
    s.detach()


def test_tutorial_numbers_show_in_the_card_text(scene):
    ids, item = scene.ids, scene.node_item
    grad = np.tile(np.array([0.1242, 0.2771, 0.1192], dtype=np.float32), (5, 1))
    item(ids["w"]).set_run_state(NodeRunState(value=np.ones((5, 3)), grad=grad,
                                              requires_grad=True, show_grad=True))
    item(ids["loss"]).set_run_state(NodeRunState(value=np.float32(0.89616),
                                                 grad_fn="BinaryCrossEntropyWithLogitsBackward0"))
    w_text = item(ids["w"]).display_text()
    assert w_text.count("[0.1242, 0.2771, 0.1192]") == 5
    assert "w.grad = [[0.1242, 0.2771, 0.1192]," in w_text
    assert "requires_grad=True" in w_text
    loss_text = item(ids["loss"]).display_text()
    assert "loss = 0.8962" in loss_text
    assert "grad_fn=<BinaryCrossEntropyWithLogitsBackward0>" in loss_text


def test_grad_none_stale_greyed_and_clearing(scene):
    z = scene.node_item(scene.ids["z"])
    h0 = z.size()[1]
    z.set_run_state(NodeRunState(value=np.array([1.0, -2.0]), grad_fn="AddBackward0",
                                 show_grad=True, stale=True, greyed=True))
    text = z.display_text()
    assert "z = [ 1., -2.]" in text and "z.grad = None" in text
    assert "grad_fn=<AddBackward0>" in text and "stale" in text.splitlines()
    assert z.opacity() < 1.0 and z.size()[1] > h0
    z.set_run_state(None)
    assert z.opacity() == 1.0 and z.size()[1] == h0 and "z =" not in z.display_text()


def test_stale_and_clear_through_the_run_display(scene):
    """The cards get their run look from SceneDisplay (the scene keeps no second path)."""
    from graphstudio.run.runner import Runner, RunOptions
    from graphstudio.ui.run.scene_display import SceneDisplay

    g = scene.graph
    tl = Runner(g).forward(RunOptions.from_graph(g))
    display = SceneDisplay(scene, g)
    w = scene.node_item(scene.ids["w"])
    display.show(tl, len(tl) - 1)
    assert w.run_state is not None and not w.run_state.stale
    display.show(tl, len(tl) - 1, stale=True)
    assert w.run_state.stale and "stale" in w.display_text().splitlines()
    display.clear()
    assert w.run_state is None


def test_large_tensors_become_a_heatmap(scene):
    w = scene.node_item(scene.ids["w"])
    w.set_run_state(NodeRunState(value=np.arange(400.0).reshape(20, 20) - 200, show_grad=False))
    text = w.display_text()
    lines = text.splitlines()
    at = lines.index("w: shape (20, 20)")
    assert lines[at + 1].strip() == "[-200., -199., -198., …]"  # the first values
    assert lines[at + 2].split() == ["min", "-200.", "max", "199."]
    assert any(row[0] == "heat" for row in w._preview.rows)


def test_large_gradients_passing_through_get_max_and_a_heatmap_too(scene):
    w = scene.node_item(scene.ids["w"])
    value = np.arange(90 * 24.0).reshape(90, 24)
    w.set_run_state(NodeRunState(value=value, out_grad=-value / 1000, show_grad=False))
    text = w.display_text()
    assert "\u2202L/\u2202w: shape (90, 24)" in text, text
    assert "min -2.1590  max -0." in text, text
    heats = [row for row in w._preview.rows if row[0] == "heat"]
    assert len(heats) == 2 and heats[1][2] == w.theme.grad


def test_highlight_kinds_and_theme_switch_keep_text(scene):
    w = scene.node_item(scene.ids["w"])
    for kind in ("forward", "backward", None):
        w.set_run_state(NodeRunState(value=np.float32(2.0), highlight=kind))
        assert "w = 2." in w.display_text()
    scene.set_theme(DARK)
    assert w.theme is DARK and "w = 2." in w.display_text()


def test_edge_grad_label_highlight_greyed_and_pulse(scene, qtbot):
    g = scene.graph
    edge = Edge(scene.ids["z"], "out", scene.ids["loss"], "input")
    item = scene.edge_item(edge)
    item.set_run_state(np.array([0.1242, 0.2771, 0.1192]), highlighted=True, greyed=False)
    assert item.label_text() == "[0.1242, 0.2771, 0.1192]"
    assert item.label_item is not None and item.label_item.isVisible()
    assert item.label_item.zValue() > scene.node_item(edge.dst).zValue()
    item.set_pulse(0.5)
    item.set_run_state(np.ones((5, 3)), highlighted="forward", greyed=True)
    assert item.label_text() == "grad 5\u00d73" and item.greyed
    item.set_run_state(None)
    assert item.label_text() == "" and not item.label_item.isVisible()
    g.disconnect(edge)
    assert item.label_item is None  # removed with its wire


def test_grad_label_and_format_array():
    assert grad_label(np.float32(0.5)) == "0.5000"
    assert grad_label(np.array([[1.0]])) == "1."
    assert format_array(np.array([[1.0, -2.0], [3.0, 4.0]])) == \
        ["[[ 1., -2.],", " [ 3.,  4.]]"]
    assert format_array(np.array(1e-5)) == ["1.0000e-05"]


def test_freeze_look_follows_the_model(scene):
    w = scene.node_item(scene.ids["w"])
    scene.graph.set_attr(scene.ids["w"], "requires_grad", False)
    assert w.frozen and w.freeze_toggle.frozen and not w.badge.isVisible()
    assert w.port_color() == LIGHT.frozen


def test_loss_mark_follows_run_option(scene):
    scene.graph.set_run_option("loss", scene.ids["loss"])
    assert scene.node_item(scene.ids["loss"]).is_loss
    scene.graph.set_run_option("loss", None)
    assert not scene.node_item(scene.ids["loss"]).is_loss


def test_shape_inference_is_coalesced_per_event_loop_turn(scene, monkeypatch):
    import graphstudio.graph.shape_cache as shapes

    calls = []
    real = shapes.update_shapes
    monkeypatch.setattr(shapes, "update_shapes",
                        lambda g, r, touched: calls.append(set(touched)) or real(g, r, touched))
    added = [scene.graph.add_node("relu", pos=(i * 10, 400)).id for i in range(10)]
    assert calls == []
    QApplication.processEvents()
    assert calls == [set(added)]  # once, and only for the nodes the edits touched
    assert all(scene.node_item(nid).hint == "needs input 'input'" for nid in added)


# ----------------------------------------------------------------------------- theme
def test_diverging_lut_is_symmetric_and_white_in_the_middle():
    lut = diverging_lut(255).astype(int)
    mid = lut[127]
    assert (mid > 240).all()
    light = np.array([QColor(*map(int, c)).lightness() for c in lut])
    assert np.abs(light - light[::-1]).max() <= 16  # as light at -v as at +v
    assert (np.diff(light[:127]) >= 0).all() and (np.diff(light[128:]) <= 0).all()
    assert lut[0][2] > lut[0][0]  # negative end is blue
    assert lut[-1][0] > lut[-1][2]  # positive end is red


def test_heatmap_image_colours_sign_and_handles_nan():
    img = heatmap_image(np.array([[-1.0, 0.0, 1.0, np.nan]]))
    assert (img.width(), img.height()) == (4, 1)
    neg, zero, pos, nan = (QColor(img.pixel(i, 0)) for i in range(4))
    assert neg.blue() > neg.red() and pos.red() > pos.blue()
    assert min(zero.red(), zero.green(), zero.blue()) > 240
    assert nan.red() == nan.green() == nan.blue()
    assert heatmap_image(np.zeros(3)).width() == 3
    assert heatmap_image(np.ones((2, 3, 4))).height() == 6


def test_get_theme_and_colours_are_distinct():
    assert get_theme("dark") is DARK and get_theme("nope") is LIGHT
    for t in (LIGHT, DARK):
        special = {t.error.name(), t.frozen.name(), t.value.name(), t.grad.name(),
                   t.greyed.name(), t.stale.name()}
        assert len(special) == 6
        assert len({c.name() for c in t.categories.values()}) == 7


def test_any_state_object_works_and_passing_gradient_shows(scene):
    from types import SimpleNamespace

    z = scene.node_item(scene.ids["z"])
    state = SimpleNamespace(value=np.array([1.0, 2.0]), grad=None, out_grad=np.array([0.5, 0.5]),
                            requires_grad=True, grad_fn="AddBackward0", is_leaf=False,
                            error=None, active=True)
    z.set_run_state(state)
    text = z.display_text()
    assert "z = [1., 2.]" in text and "\u2202L/\u2202z = [0.5000, 0.5000]" in text
    assert "grad_fn=<AddBackward0>" in text
    z.set_run_state(SimpleNamespace(value=None, error="log of a negative number"))
    assert "error: log of a negative number" in z.display_text()


def _value_pixels(item, scale: float) -> int:
    """Pixels in the card's preview area coloured like values (blue-violet) at ``scale``."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    w, h = item.size()
    img = QImage(int(w * scale) + 2, int(h * scale) + 2, QImage.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.scale(scale, scale)
    item.paint(p, QStyleOptionGraphicsItem())
    p.end()
    top = int(item._preview_top * scale) + 1
    count = 0
    for y in range(top, img.height()):
        for x in range(img.width()):
            c = img.pixelColor(QPointF(x, y).toPoint())
            if c.blue() > c.red() + 25 and c.blue() > c.green() + 10:
                count += 1
    return count


@pytest.mark.parametrize("scale", [1.0, 0.5, 0.35])
def test_zoomed_out_card_still_shows_its_values(scene, scale):
    """At 52% zoom (where the Jacobian example opens) cards used to be blank white boxes: text
    now stays down to 45% and below that the lines are drawn as bars in the value colour."""
    w = scene.node_item(scene.ids["w"])
    w.set_run_state(NodeRunState(value=np.ones((5, 3)), requires_grad=True))
    assert _value_pixels(w, scale) > 20


def test_static_text_is_measured_in_its_own_font(qapp):
    """Right-aligned title labels use QStaticText.size(): measured in the default font they
    ran off the card in presentation mode's larger text ("Inpu", "Parameter" under the icon)."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from graphstudio.ui.canvas.preview import static_text

    big = QFont(qapp.font())
    big.setPixelSize(30)
    width = static_text("Parameter", big).size().width()
    assert width == pytest.approx(QFontMetricsF(big).horizontalAdvance("Parameter"), abs=2)

"""A run step costs what it changes: the Values dock refreshes at most every REFRESH_MS and
not while hidden, the Steps dock's texts never lay the window out again, a big jump updates
the cards on screen first, and wires draw only the pieces a repaint needs (thin lines with
no labels when zoomed out by hand far below the readable floor)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from graphstudio.ui.canvas.edge_item import wire_path, wire_pen, wire_pieces
from graphstudio.ui.canvas.readable import greek_zoom
from graphstudio.ui.run import inspector_run
from graphstudio.ui.run.display import node_display
from graphstudio.ui.run.scene_display import same_state


class EventCount(QObject):
    def __init__(self, kind):
        super().__init__()
        self.kind, self.count = kind, 0

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() == self.kind:
            self.count += 1
        return False


# ---------------------------------------------------------------------- the Values dock
def test_values_dock_refreshes_once_for_a_burst_of_steps_and_ends_on_the_last(
        run_window, monkeypatch):
    r = run_window("mlp_classifier")
    r.window.docks["values"].raise_()
    values = r.c.ui.values
    r.c.run_to_end()
    r.c.jump(-1)
    r.qtbot.waitUntil(lambda: values.node_id is None)
    r.qtbot.wait(inspector_run.REFRESH_MS + 20)
    calls = []
    real = values._refresh
    monkeypatch.setattr(values, "_refresh", lambda force: (calls.append(r.c.k), real(force)))
    clock = time.perf_counter()
    for _ in range(8):  # a burst: F10 held down
        r.c.step()
        QApplication.processEvents()
    elapsed_ms = (time.perf_counter() - clock) * 1000
    # the first step at once, then at most one refresh every REFRESH_MS (a slow machine
    # may take longer over the burst), never one a step
    assert len(calls) <= 2 + elapsed_ms // inspector_run.REFRESH_MS, (calls, elapsed_ms)
    assert len(calls) < 8
    last = r.c.timeline.steps[r.c.k].node_id
    r.qtbot.waitUntil(lambda: values.node_id == last, timeout=2000)
    assert calls[-1] == r.c.k
    assert values.where.text().startswith(f"at step {r.c.k + 1} of ")


def test_hidden_values_dock_does_no_work_and_catches_up_when_shown(run_window, monkeypatch):
    r = run_window()
    r.click("run_to_end")
    values = r.c.ui.values
    r.window.docks["values"].hide()  # closed (or a tab behind another)
    r.qtbot.waitUntil(lambda: not values.isVisible())
    calls = []
    real = values._refresh
    monkeypatch.setattr(values, "_refresh", lambda force: (calls.append(r.c.k), real(force)))
    r.c.jump(2)
    r.qtbot.wait(inspector_run.REFRESH_MS * 2)
    assert calls == []
    r.window.docks["values"].show()
    r.qtbot.waitUntil(lambda: calls == [2], timeout=2000)
    assert values.node_id == r.c.timeline.steps[2].node_id


def test_values_dock_finds_the_selection_without_walking_the_graph(run_window, monkeypatch):
    import inspect

    r = run_window()
    r.click("run_to_end")
    r.window.docks["values"].raise_()
    values = r.c.ui.values
    real = r.scene.selected_node_ids

    def walks(*args):
        assert not inspect.stack()[1].filename.endswith("inspector_run.py"), \
            "the Values dock walked every node of the graph"
        return real(*args)

    monkeypatch.setattr(r.scene, "selected_node_ids", walks)
    r.scene.select_nodes([r.id("w")])
    r.qtbot.waitUntil(lambda: values.node_id == r.id("w"), timeout=2000)
    assert inspector_run.selected_cards(r.scene) == [r.id("w")]


# ---------------------------------------------------------------------- the Steps dock
def test_stepping_never_lays_the_window_out_again(run_window):
    r = run_window("mlp_classifier")
    r.c.run_to_end()
    r.window.docks["values"].hide()  # its tables and plots change size: laid out, 10 times a s
    steps = r.c.ui.steps
    for k in range(-1, len(r.c.timeline)):  # every step's detail seen once: grown to fit
        r.c.jump(k)
    QApplication.processEvents()
    r.c.jump(0)  # Step Back is enabled from here on (its toolbar button is laid out once)
    for _ in range(3):
        QApplication.processEvents()
    list_height = steps.view.height()
    layouts = EventCount(QEvent.Type.LayoutRequest)
    r.window.installEventFilter(layouts)
    while r.c.step():
        QApplication.processEvents()
        assert steps.view.height() == list_height  # the list never jumps up and down
    r.window.removeEventFilter(layouts)
    assert layouts.count == 0
    assert "Step <b>" in steps.summary.text() and steps.detail.text()


def test_a_new_run_gives_the_step_detail_its_own_height_again(run_window):
    r = run_window("mlp_classifier")
    r.c.run_to_end()
    box = r.c.ui.steps.detail_box
    for k in range(len(r.c.timeline)):
        r.c.jump(k)
    grown = box.height()
    assert grown >= box.min_height
    r.c.reset()
    QApplication.processEvents()
    assert box.height() <= grown
    needed = max(box.min_height, box.label.heightForWidth(box.width()))
    assert box.height() == needed


# ---------------------------------------------------------------------- jumps
def test_a_big_jump_updates_the_cards_on_screen_first_then_the_rest(big_run, qtbot):
    c, scene, view = big_run(300)
    assert c.run_to_end()
    c.display.flush()
    c.jump(c.timeline.forward_count + 1)
    c.display.flush()
    view.centerOn(scene.node_item(c.timeline.steps[0].node_id))
    c.jump(len(c.timeline) - 1)  # some hundred cards change
    assert c.display.pending > 0
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    on_screen = [it for it in scene.node_items() if it.sceneBoundingRect().intersects(seen)]
    assert on_screen
    for item in on_screen:  # up to date at once
        assert same_state(item.run_state, node_display(c.timeline, c.k, item.node_id))
    qtbot.waitUntil(lambda: c.display.pending == 0, timeout=30000)
    for item in scene.node_items():
        assert same_state(item.run_state, node_display(c.timeline, c.k, item.node_id))


# ---------------------------------------------------------------------- wires
def _bezier(path, t):
    p = [path.elementAt(i) for i in range(4)]
    u = 1 - t
    return (u ** 3 * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t ** 3 * p[3].x,
            u ** 3 * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t ** 3 * p[3].y)


def test_wire_pieces_follow_the_curve_end_to_end():
    path = wire_path(QPointF(10, 20), QPointF(610, 380))
    pieces = wire_pieces(path, 7)
    assert len(pieces) == 7
    for i, (piece, rect) in enumerate(pieces):
        start, end = piece.elementAt(0), piece.elementAt(3)
        for got, t in ((start, i / 7), (end, (i + 1) / 7)):
            assert np.allclose((got.x, got.y), _bezier(path, t), atol=1e-6)
        assert rect.contains(QRectF(piece.boundingRect()))


def _paint(item, exposed, scale=1.0):
    """``item`` painted alone into an image, the top-left of its box at (20, 20) (scaled)."""
    image = QImage(700, 460, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(20, 20)
    painter.scale(scale, scale)
    painter.translate(-item.boundingRect().topLeft())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = exposed
    item.paint(painter, option)
    painter.end()
    ptr = image.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(460, 700, 4).copy()


def _drawn(image) -> int:
    return int((image[..., 0] < 250).sum())


@pytest.fixture
def long_wire(qtbot):
    from PySide6.QtGui import QUndoStack

    from graphstudio.graph.model import Graph
    from graphstudio.ui.canvas import GraphScene

    g = Graph()
    w = g.add_node("parameter", "w", pos=(0, 0))
    loss = g.add_node("sum", "loss", pos=(900, 320))
    g.connect(w.id, "out", loss.id, "input")
    scene = GraphScene(g, QUndoStack())
    wire = scene.edge_item(next(iter(g.edges)))
    wire.set_run_state(np.array([0.25, -1.5], dtype=np.float32))
    assert wire.label_item is not None and wire.label_item.isVisible()
    yield wire
    scene.detach()


def test_a_partial_repaint_draws_the_same_wire_where_it_is_exposed(long_wire):
    wire = long_wire
    box = wire.boundingRect()
    full = _paint(wire, box)
    part = QRectF(box.center().x() - 15, box.top(), 30, box.height())
    partial = _paint(wire, part)
    x0 = int(part.left() - box.left()) + 20 + 2
    x1 = int(part.right() - box.left()) + 20 - 2
    inside_full, inside_part = full[:, x0:x1], partial[:, x0:x1]
    assert _drawn(inside_full) > 0  # the wire crosses the exposed strip
    assert np.abs(inside_full.astype(int) - inside_part.astype(int)).max() <= 40
    assert _drawn(partial) < _drawn(full)  # only the pieces there were drawn


def test_zoomed_out_by_hand_wires_are_thin_lines_without_labels(long_wire):
    wire = long_wire
    label = wire.label_item
    far = greek_zoom() * 0.5
    assert _drawn(_paint(label, label.boundingRect())) > 0
    assert _drawn(_paint(label, label.boundingRect(), scale=far)) == 0
    assert wire_pen(QColor("#7d8694"), 0).isCosmetic()
    assert wire_pen(QColor("#7d8694"), 1.8) is wire_pen(QColor("#7d8694"), 1.8)
    box = wire.boundingRect()
    thin = _paint(wire, box, scale=far)
    assert _drawn(thin) > 0  # still there: a plain line
    # about one pixel wide: no more pixels than a line as long as the wire's box is
    # wide and tall (antialiased, so twice that)
    assert _drawn(thin) <= 2 * (box.width() + box.height()) * far
    wire.set_pulse(0.5)  # no travelling dot either
    assert _drawn(_paint(wire, box, scale=far)) == _drawn(thin)
    assert _drawn(_paint(wire, box, scale=greek_zoom() * 1.01)) > _drawn(thin)
    wire.set_pulse(None)


# ---------------------------------------------------------------------- the camera
class PaintedArea(QObject):
    """The area of every paint event a widget receives."""

    def __init__(self):
        super().__init__()
        self.areas: list[int] = []

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.areas.append(sum(r.width() * r.height() for r in event.region()))
        return False


def test_follow_step_scrolls_the_view_instead_of_repainting_all_of_it(run_window):
    from tests.ui.test_readable import open_at_1280

    r = open_at_1280(run_window, "mlp_classifier")
    follow = r.c.ui.view_options.follow
    view = r.window.view
    r.c.run_to_end()
    r.c.jump(-1)
    QApplication.processEvents()
    transform = view.transform()
    painted = PaintedArea()
    view.viewport().installEventFilter(painted)
    whole = view.viewport().width() * view.viewport().height()
    fractions = []
    while True:
        pans = follow.pans
        painted.areas.clear()
        if not r.c.step():
            break
        QApplication.processEvents()
        if follow.pans > pans:
            assert view.transform() == transform  # panned by scrolling, not a new transform
            fractions.append(sum(painted.areas) / whole)
    view.viewport().removeEventFilter(painted)
    assert len(fractions) >= 2
    # a pan blits what stays in view and paints the strip it uncovers (and the cards the
    # step changed), never the whole canvas each time
    assert min(fractions) < 0.5 and sorted(fractions)[len(fractions) // 2] < 0.8, fractions

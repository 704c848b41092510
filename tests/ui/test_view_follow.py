"""The view keeps a run's growing cards in sight, and the zoom label follows every zoom."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from graphstudio.ui.canvas.readable import readable_zoom


def _visible(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _open_framed(run_window, example, size=(1500, 950)):  # noqa: F811
    r = run_window(example)
    r.window.resize(*size)
    QApplication.processEvents()
    r.window.frame()
    return r, r.window.view


def test_a_run_that_grows_the_cards_keeps_them_readable_and_the_step_in_view(
        run_window, qtbot):  # noqa: F811
    """The tutorial fitted the view before the run; after it the view re-framed the grown
    cards at 38% zoom (4 px text). Now framing stops at the readable floor and the view shows
    the last step's node, and the zoom label says the zoom."""
    r, view = _open_framed(run_window, "tutorial_single_layer")
    assert view.zoom() >= readable_zoom() - 1e-9
    r.click("run_to_end")
    QApplication.processEvents()
    assert view.zoom() >= readable_zoom() - 1e-9
    last = r.c.timeline.steps[-1].node_id
    assert _visible(view).contains(r.scene.node_item(last).sceneBoundingRect())
    assert r.window.zoom_label.text() == f"{view.zoom() * 100:.0f}%"


def test_a_view_zoomed_by_hand_is_left_alone(run_window, qtbot):  # noqa: F811
    r, view = _open_framed(run_window, "tutorial_single_layer")
    r.c.forward()
    QApplication.processEvents()
    centre = view.viewport().rect().center()
    wheel = QWheelEvent(QPointF(centre), QPointF(view.mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    zoom = view.zoom()
    assert r.window.zoom_label.text() == f"{zoom * 100:.0f}%"  # wheel zoom, label follows
    r.c.backward()
    QApplication.processEvents()
    QApplication.processEvents()
    assert view.zoom() == zoom


def test_on_a_small_window_the_run_docks_leave_the_canvas_room(run_window, qtbot):  # noqa: F811
    """At 1024 px the Steps (290 px) and Values (330 px) docks left the canvas 390 px."""
    r = run_window("tutorial_single_layer")
    r.window.resize(1024, 640)
    QApplication.processEvents()
    r.click("run_to_end")
    QApplication.processEvents()
    docks = r.window.docks
    assert docks["steps"].width() <= 240 and docks["values"].width() <= 1024 // 4 + 8
    assert r.window.view.viewport().width() >= 500

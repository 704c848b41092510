"""The view keeps a run's growing cards in sight, and the zoom label follows every zoom."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.support.run_fixtures import run_window  # noqa: F401 (fixture)
from tests.support.window_fixtures import dialogs, make_window, settings  # noqa: F401


def _visible(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _open_framed(run_window, example):  # noqa: F811
    r = run_window(example)
    r.window.resize(1500, 950)
    QApplication.processEvents()
    r.window.frame()
    view = r.window.view
    assert _visible(view).contains(r.scene.items_bounding_rect())
    return r, view


def test_a_run_that_grows_the_cards_keeps_the_whole_graph_in_view(run_window, qtbot):  # noqa: F811
    """The tutorial fitted the view before the run; after it the loss card ran off the right
    edge (cards gain value lines, the Steps dock comes forward). Now the view re-frames it,
    and the zoom label says the new zoom."""
    r, view = _open_framed(run_window, "tutorial_single_layer")
    before = view.zoom()
    r.click("run_to_end")
    qtbot.waitUntil(lambda: _visible(view).contains(r.scene.items_bounding_rect()), timeout=2000)
    assert view.zoom() < before
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

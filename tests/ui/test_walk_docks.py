"""Docks as a new user meets them (issue 10): a close button one can see, the canvas refitted
when a dock goes away, the Training dock inside an 800x600 window, floating docks on screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton


def _ink(button: QToolButton) -> int:
    """Pixels of the button's icon that differ from its top-left (background) pixel."""
    image = button.grab().toImage()
    bg = image.pixelColor(1, 1)
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if abs(image.pixelColor(x, y).lightness() - bg.lightness()) > 60)


def test_every_dock_has_a_close_button_one_can_see_and_use(run_window, qtbot):
    r = run_window()
    win = r.window
    try:
        for theme in ("dark", "light"):
            win.set_theme(theme)
            for key, dock in win.docks.items():
                if not dock.isVisible():
                    continue
                close = dock.titleBarWidget().findChild(QToolButton, "dockClose")
                assert close is not None and close.isVisible(), key
                assert _ink(close) > 12, (key, theme)  # drawn in a colour the bar shows
    finally:
        win.set_theme("light")
    dock = win.docks["inspector"]
    close = dock.titleBarWidget().findChild(QToolButton, "dockClose")
    QTest.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dock.isVisible()
    assert not win.actions["panel_inspector"].isChecked()


def test_the_canvas_refits_when_a_dock_is_hidden(run_window, qtbot):
    r = run_window()
    win = r.window
    win.resize(1920, 1200)  # the whole graph in view at a readable zoom
    qtbot.wait(50)
    win.frame()
    before = win.view.zoom()
    for key in ("inspector", "values", "code"):  # the right-hand tabs: the canvas widens
        win.docks[key].close()
    qtbot.waitUntil(lambda: win.view.zoom() > before * 1.05)
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.contains(win.scene.items_bounding_rect())
    assert win.zoom_label.text() == f"{win.view.zoom() * 100:.0f}%"


def test_training_dock_fits_an_800x600_window(run_window, qtbot):
    """The dock's least size (824 x 343) made the window taller and wider than an 800x600
    screen: the status bar went below the screen and the loss plot's axis was cut."""
    r = run_window()
    win = r.window
    win.resize(800, 600)
    win.tools_ui.show_training()
    qtbot.wait(50)
    assert win.minimumSizeHint().width() <= 800 and win.minimumSizeHint().height() <= 600
    assert (win.width(), win.height()) == (800, 600)
    dock = win.docks["training"]
    bar = win.statusBar()
    assert dock.geometry().bottom() < bar.geometry().top()
    plot = win.tools_ui.training.loss_plot.loss_plot  # the pyqtgraph widget
    bottom = plot.mapTo(win, QPoint(0, plot.height()))
    assert bottom.y() <= dock.geometry().bottom()  # the plot is inside the dock
    axis = plot.getPlotItem().getAxis("bottom")
    assert axis.isVisible() and axis.sceneBoundingRect().bottom() <= plot.height()
    assert axis.sceneBoundingRect().height() >= 30  # ticks and the "step" label both drawn


def test_a_floating_dock_is_never_larger_than_the_screen(run_window, qtbot):
    r = run_window()
    win = r.window
    dock = win.docks["training"]
    win.tools_ui.show_training()
    area = QGuiApplication.primaryScreen().availableGeometry()
    dock.resize(area.width() + 900, area.height() + 700)
    float_button = dock.titleBarWidget().findChild(QToolButton, "dockFloat")
    QTest.mouseClick(float_button, Qt.MouseButton.LeftButton)
    assert dock.isFloating()
    qtbot.waitUntil(lambda: dock.width() <= area.width() and dock.height() <= area.height())
    assert area.contains(dock.frameGeometry().topLeft())
    QTest.mouseClick(float_button, Qt.MouseButton.LeftButton)
    assert not dock.isFloating()

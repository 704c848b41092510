"""Fixtures for the lesson tests (this module holds no tests): a shown window in a chosen
language, and a :class:`Learner` who does what the steps ask with real clicks on the real
widgets (toolbar buttons, the Inspector's check box, the Lesson panel's buttons)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from graphstudio.lessons.catalog import lessons_dir
from graphstudio.ui.language import apply_language

LESSONS = {"tutorial": "01_autograd_tutorial", "accumulation": "02_gradient_accumulation",
           "training": "03_training_a_classifier"}


class Learner:
    def __init__(self, window, qtbot):
        self.window, self.qtbot = window, qtbot
        self.ui = window.lessons_ui
        self.panel, self.driver = self.ui.panel, self.ui.driver

    # ------------------------------------------------------------------ doing
    def click(self, widget) -> None:
        assert widget.isEnabled(), f"{widget.objectName() or widget.text()} is disabled"
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    def use(self, key: str) -> None:
        """Click the action's toolbar button when it has one, else choose it from its menu."""
        action = self.window.actions[key]
        for bar in self.window.toolbars.values():
            button = bar.widgetForAction(action)
            if button is not None and button.isVisible():
                self.click(button)
                return
        assert action.isEnabled(), f"{key} is disabled"
        action.trigger()

    def select(self, name: str) -> None:
        self.window.scene.select_nodes([self.window.graph.node_by_name(name).id])

    def untick_requires_grad(self, name: str) -> None:
        self.select(name)
        box = self.window.inspector.editors["requires_grad"][0]
        assert box.isChecked() and box.isVisible()
        QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert not box.isChecked()

    # ------------------------------------------------------------------ the panel
    @property
    def step_id(self) -> str:
        return self.driver.progress.step.id

    def complete(self) -> bool:
        QApplication.processEvents()
        return self.panel.buttons["next"].isEnabled()

    def wait_complete(self, timeout: int = 10_000) -> None:
        try:
            self.qtbot.waitUntil(self.complete, timeout=timeout)
        except Exception:
            st = self.driver.status
            raise AssertionError(f"step {self.step_id} not complete: waits "
                                 f"{[(c.text, m) for c, m in st.waits]}, checks "
                                 f"{[(c.text, ok, why) for c, ok, why in st.checks]}") from None

    def next(self) -> None:
        self.wait_complete(2_000)
        self.click(self.panel.buttons["next"])


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    apply_language(qapp, request.param)
    yield request.param
    apply_language(qapp, "en")


@pytest.fixture
def learner(make_window, qtbot, language):
    """``learner(lesson_key)``: a shown window with that lesson started at its first step."""
    def make(key: str) -> Learner:
        win = make_window()
        win.show()
        qtbot.waitExposed(win)
        win.run_controller.animate = False
        who = Learner(win, qtbot)
        assert who.ui.start(str(lessons_dir() / f"{LESSONS[key]}.gslesson"), 0)
        return who
    return make

"""``install_lessons_ui(window)``: the Lesson dock, File > Open Lesson…, Help > Lessons, and the
offer on first launch (``graphstudio.ui.app.build_window`` opens the dock on the list of lessons
beside the tutorial example).

Returns the :class:`LessonsUI` (also kept as ``window.lessons_ui``): ``start(path)`` opens a
lesson file; a file that cannot be used gets one error dialog naming its line.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from graphstudio.lessons.catalog import lessons_dir, shipped_lessons
from graphstudio.lessons.format import LESSON_EXTENSION, LessonError
from graphstudio.lessons.parser import read_lesson
from graphstudio.ui.lessons.driver import LessonDriver
from graphstudio.ui.lessons.highlight import Highlighter, unknown_elements
from graphstudio.ui.lessons.panel import LessonPanel
from graphstudio.ui.slots import guarded

__all__ = ["LessonsUI", "install_lessons_ui"]

LESSON_HEIGHT = 430  # the Lesson dock's share of the right side when a lesson starts


def install_lessons_ui(window) -> LessonsUI:
    existing = getattr(window, "lessons_ui", None)
    if existing is None:
        existing = window.lessons_ui = LessonsUI(window)
    return existing


class LessonsUI(QObject):
    """The lesson feature of one window (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.driver = LessonDriver(window, self)
        self.highlighter = Highlighter(window)
        self.panel = LessonPanel(self.driver, shipped_lessons)
        self.dock = window.add_dock("lesson", self.tr("Lesson"), self.panel,
                                    Qt.DockWidgetArea.RightDockWidgetArea, visible=False)
        # below the Inspector/Values/Code tabs, not a tab among them: the run raises Values,
        # and the lesson must stay in view while the learner reads the numbers
        window.removeDockWidget(self.dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock,
                             Qt.Orientation.Vertical)
        self.dock.setVisible(False)
        self.panel.startRequested.connect(guarded(self.start, window.show_status, pass_args=True))
        self.panel.openFileRequested.connect(guarded(self.open_dialog, window.show_status))
        self.driver.changed.connect(self._step_shown)
        window.document.reloaded.connect(self._graph_reloaded)
        self._shown_step = None
        self._build_actions()
        window.on_close(self.driver.shutdown)

    def _build_actions(self) -> None:
        w = self.window
        file_menu = w.menu("file")
        action = w.add_action("open_lesson", self.tr("Open &Lesson…"), self.open_dialog,
                              tip=self.tr("Open a lesson file (.gslesson) from anywhere"))
        recent = getattr(w.files, "recent_menu", None)
        acts = file_menu.actions()
        anchor = recent.menuAction() if recent is not None else None
        i = acts.index(anchor) + 1 if anchor in acts else len(acts)
        if i < len(acts):
            file_menu.insertAction(acts[i], action)
        else:
            file_menu.addAction(action)
        help_menu = w.menu("help")
        lessons = w.add_action("lessons", self.tr("&Lessons"), self.show_panel, "Ctrl+F1",
                               tip=self.tr("Guided lessons: the autograd tutorial step by step"))
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, lessons) if first else help_menu.addAction(lessons)

    # ------------------------------------------------------------------ actions
    def show_panel(self) -> None:
        """Show the Lesson dock (on the list of lessons when none is open)."""
        if self.driver.progress is None:
            self.panel.fill_list()
        self.dock.show()
        self.dock.raise_()
        self.window.resizeDocks([self.dock], [LESSON_HEIGHT], Qt.Orientation.Vertical)

    def open_dialog(self) -> bool:
        start = self.window.settings.last_dir if self.driver.lesson else str(lessons_dir())
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Lesson"), start,
            self.tr("GraphStudio lessons (*{0});;All files (*)").format(LESSON_EXTENSION))
        return bool(path) and self.start(path)

    def start(self, path: str, index: int | None = None) -> bool:
        """Open the lesson in ``path`` (where it was left, or at step ``index``)."""
        try:
            lesson = read_lesson(path)
        except LessonError as ex:
            self.window.files.error(self.tr("Cannot open lesson"),
                                    self.tr("{0} could not be opened.").format(
                                        os.path.basename(path)), str(ex))
            return False
        missing = unknown_elements(self.window, lesson)
        if missing:
            self.window.files.error(self.tr("Cannot open lesson"), self.tr(
                "{0} names parts of the window that do not exist:").format(
                os.path.basename(path)), "\n".join(missing))
            return False
        self.show_panel()
        self._shown_step = None
        return self.driver.start(lesson, index)

    def _step_shown(self) -> None:
        p = self.driver.progress
        key = (p.lesson.id, p.index) if p is not None else None
        if key != self._shown_step:
            self._shown_step = key
            self.highlighter.show(p.step.highlight if p is not None else ())
        else:
            self.highlighter.follow_nodes()

    def _graph_reloaded(self) -> None:
        QTimer.singleShot(0, self, self.highlighter.refresh)

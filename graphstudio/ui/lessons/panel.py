"""The Lesson panel: pick a lesson, then read each step, do what it asks, and go on.

Two pages: the list of lessons (shipped ones, plus Open Lesson File…) and the lesson itself:
its title, "Step 3 of 12", the step text, the tasks (each wait and check with a tick once
met), a hint that appears after a while, and Back / Restart / Skip / Next. Next unlocks when
the :class:`~graphstudio.ui.lessons.driver.LessonDriver` says the step is complete. All text
follows the interface language (lesson text in the learner's language when the file has it).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from graphstudio.lessons.format import pick
from graphstudio.lessons.markup import to_html
from graphstudio.ui.language import ui_language
from graphstudio.ui.slots import guarded

__all__ = ["LessonPanel"]

_CODE_CSS = "font-family:monospace; background:rgba(127,127,127,0.15);"
_TICK, _OPEN = "✓", "○"


def _label(wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class LessonPanel(QWidget):
    """The dock's widget. ``startRequested(path)`` asks the installer to open a lesson;
    ``openFileRequested`` asks for File > Open Lesson."""

    startRequested = Signal(str)
    openFileRequested = Signal()

    def __init__(self, driver, catalog, parent=None):
        super().__init__(parent)
        self.driver, self.catalog = driver, catalog
        self.setObjectName("lesson_panel")
        self.pages = QStackedWidget()
        self._build_chooser()
        self._build_lesson()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.pages)
        driver.changed.connect(self.refresh)
        driver.hintDue.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_chooser(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.intro = _label()
        self.lesson_list = QListWidget()
        self.lesson_list.setObjectName("lesson_list")
        self.lesson_list.setWordWrap(True)
        self.lesson_list.itemActivated.connect(self._start_item)
        row = QHBoxLayout()
        self.start_button = QPushButton()
        self.start_button.setObjectName("lesson_start")
        self.start_button.clicked.connect(lambda: self._start_item(self.lesson_list.currentItem()))
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openFileRequested)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.start_button)
        lay.addWidget(self.intro)
        lay.addWidget(self.lesson_list, 1)
        lay.addLayout(row)
        self.pages.addWidget(page)

    def _build_lesson(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title_label = _label()
        self.step_label = _label()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.text = QTextBrowser()
        self.text.setObjectName("lesson_text")
        self.text.setOpenExternalLinks(True)
        self.tasks = _label()
        self.tasks.setObjectName("lesson_tasks")
        self.hint = _label()
        self.hint.setObjectName("lesson_hint")
        self.hint.setStyleSheet("QLabel { background: #fdf0d5; color: #3b2a00; padding: 6px; "
                                "border-radius: 4px; }")
        row = QHBoxLayout()
        self.buttons = {}
        for key, slot in (("lessons", self._to_chooser), ("back", self.driver.back),
                          ("restart", self.driver.restart), ("skip", self.driver.skip),
                          ("next", self._next)):
            b = QToolButton()  # no minimum width of its own: the panel stays narrow
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setObjectName(f"lesson_{key}")
            b.clicked.connect(guarded(slot, self.driver.window.show_status))
            self.buttons[key] = b
            row.addWidget(b)
            if key == "lessons":
                row.addStretch(1)
        font = self.buttons["next"].font()
        font.setBold(True)
        self.buttons["next"].setFont(font)
        for w in (self.title_label, self.step_label, self.bar):
            lay.addWidget(w)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.tasks)
        lay.addWidget(self.hint)
        lay.addLayout(row)
        self.pages.addWidget(page)

    # ------------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.intro.setText(self.tr("<b>Lessons</b>: guided practice on a live graph. Each step "
                                   "says what to do and checks that it happened."))
        self.start_button.setText(self.tr("Start"))
        self.open_button.setText(self.tr("Open Lesson File…"))
        for key, text in (("lessons", self.tr("Lessons")), ("back", self.tr("Back")),
                          ("restart", self.tr("Restart")), ("skip", self.tr("Skip")),
                          ("next", self.tr("Next"))):
            self.buttons[key].setText(text)
        self.fill_list()
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fill_list(self) -> None:
        lang = ui_language()
        current = self.lesson_list.currentRow()
        self.lesson_list.clear()
        settings = self.driver.window.settings
        for path, lesson in self.catalog():
            if isinstance(lesson, Exception):
                item = QListWidgetItem(self.tr("{0}: cannot be used: {1}").format(
                    path.name, str(lesson)))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                step, passed = settings.lesson_progress(lesson.id)
                n = len(lesson.steps)
                state = (self.tr("done") if len(passed) == n else
                         self.tr("step {0} of {1}").format(step + 1, n) if passed or step
                         else self.tr("%n steps", "", n))
                summary = pick(lesson.summary, lang)
                item = QListWidgetItem(f"{pick(lesson.title, lang)}  ({state})"
                                       + (f"\n{summary}" if summary else ""))
                item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.lesson_list.addItem(item)
        self.lesson_list.setCurrentRow(max(current, 0))

    def refresh(self) -> None:
        d = self.driver
        if d.progress is None:
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        p, lang = d.progress, ui_language()
        n = len(p.lesson.steps)
        self.title_label.setText(f"<b>{html.escape(pick(p.lesson.title, lang))}</b>")
        self.step_label.setText(self.tr("Step {0} of {1}: {2}").format(
            p.index + 1, n, html.escape(pick(p.step.title, lang))))
        self.bar.setRange(0, n)
        self.bar.setValue(len(p.passed | p.skipped))
        html_text = to_html(pick(p.step.text, lang), _CODE_CSS)
        if self.text.property("shown_html") != html_text:
            self.text.setHtml(html_text)
            self.text.setProperty("shown_html", html_text)
        self.tasks.setText(self._tasks_html())
        complete = d.status is not None and d.status.complete
        hint = pick(p.step.hint, lang) or self.tr("Do what the step asks; the highlighted parts "
                                                  "of the window show where.")
        self.hint.setText(self.tr("Hint: {0}").format(to_html(hint, _CODE_CSS)))
        self.hint.setVisible(d.hint_shown and not complete)
        self.buttons["back"].setEnabled(p.index > 0)
        self.buttons["skip"].setEnabled(not complete)
        self.buttons["next"].setEnabled(complete)
        self.buttons["next"].setText(self.tr("Finish") if p.at_last else self.tr("Next"))

    def _tasks_html(self) -> str:
        st = self.driver.status
        if st is None or not (st.waits or st.checks):
            return ""
        rows = [f"{_TICK if ok else _OPEN} {html.escape(self._wait_text(c))}"
                for c, ok in st.waits]
        rows += [f"{_TICK if ok else _OPEN} <code>{html.escape(c.text)}</code>"
                 for c, ok, _why in st.checks]
        done = self.tr("Done: Next is open.") if st.complete else ""
        return "<br>".join(rows) + (f"<br><b>{done}</b>" if done else "")

    def _wait_text(self, cond) -> str:
        a = cond.args
        if cond.kind == "action":
            action = self.driver.window.actions.get(a[0])
            name = action.text().replace("&", "").rstrip("…") if action else a[0]
            return self.tr("Use {0}").format(name)
        return {
            "forward": lambda: self.tr("Run the forward pass"),
            "backward": lambda: self.tr("Run the backward pass"),
            "reach": lambda: self.tr("Step the backward to {0}").format(a[0]),
            "edit": lambda: self.tr("Change {0} of {1}").format(a[1], a[0]),
            "option": lambda: self.tr("Change the run option {0}").format(a[0]),
            "connect": lambda: self.tr("Connect {0} to {1}").format(a[0], a[1]),
            "train": lambda: self.tr("Train the network"),
        }[cond.kind]()

    # ------------------------------------------------------------------ actions
    def _start_item(self, item) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.startRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _next(self) -> None:
        if self.driver.progress.at_last:
            self._to_chooser()
        else:
            self.driver.next()

    def _to_chooser(self) -> None:
        self.driver.close()
        self.fill_list()

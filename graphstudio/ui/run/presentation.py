"""View > Presentation (F11): the window as a class sees it on a projector.

The palette, inspector, history, Steps and Values panels step aside, giving the canvas the
window's width (they come back as they were on leaving; the caption says which step of how many
it is), the text grows to at least :data:`PRESENT_SCALE`, and a caption bar under the
canvas shows the current step's PyTorch line and one sentence about it in large type
(:func:`~graphstudio.ui.run.caption.step_caption`). The keys a presenter uses: Left/Right
step back and on, Home/End go to the start and the end, Space plays or pauses, Esc leaves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QVBoxLayout, QWidget

from graphstudio.ui.canvas.readable import (
    READABLE_PX,
    readable_zoom,
    set_screen_floor,
    text_scale,
)
from graphstudio.ui.run.caption import step_caption
from graphstudio.ui.slots import guarded

__all__ = ["PRESENT_SCALE", "Presentation"]

#: text is at least this large while presenting
PRESENT_SCALE = 1.5
#: panels hidden while presenting
HIDDEN_PANELS = ("palette", "inspector", "history", "values", "steps", "session", "code",
                 "training")


class CaptionBar(QWidget):
    """The current step in large type: its PyTorch line, then one sentence."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("presentation_caption")
        self.line, self.sentence = QLabel(), QLabel()
        self.line.setObjectName("caption_line")
        self.sentence.setObjectName("caption_sentence")
        for label in (self.line, self.sentence):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 8, 16, 10)
        lay.setSpacing(4)
        lay.addWidget(self.line)
        lay.addWidget(self.sentence)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.restyle()

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped text needs at the bar's width (a toolbar asks no
        height-for-width)."""
        need = self.layout().heightForWidth(self.width())
        if need > 0 and need != self.height():
            self.setFixedHeight(need)

    def restyle(self) -> None:
        scale = max(text_scale(), PRESENT_SCALE)
        mono = QFont()
        mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        mono.setPixelSize(round(16 * scale))
        mono.setBold(True)
        self.line.setFont(mono)
        plain = QFont()
        plain.setPixelSize(round(14 * scale))
        self.sentence.setFont(plain)

    def show_caption(self, line: str, sentence: str) -> None:
        self.line.setText(line)
        self.line.setVisible(bool(line))
        self.sentence.setText(sentence)
        self._fit_height()


class Presentation(QObject):
    """Presentation mode for ``window``; ``options`` is its ViewOptions (text size)."""

    def __init__(self, window, controller, options):
        super().__init__(window)
        self.window, self.controller, self.options = window, controller, options
        self.active = False
        self._panels: dict[str, bool] = {}
        self.caption = CaptionBar()
        self.bar = QToolBar(self.tr("Presentation Caption"), window)
        self.bar.setObjectName("toolbar_presentation")
        self.bar.setMovable(False)
        self.bar.addWidget(self.caption)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.bar)
        self.bar.hide()
        self.action = window.add_action(
            "presentation", self.tr("&Presentation"), self.toggle, "F11", checkable=True,
            tip=self.tr("Large text and a caption for a class: \u2190/\u2192 step, Home/End, "
                        "Space plays, Esc leaves"))
        c = controller
        self.keys = {}
        for key, shortcut, slot in (
                ("back", Qt.Key.Key_Left, c.step_back), ("on", Qt.Key.Key_Right, c.step),
                ("start", Qt.Key.Key_Home, lambda: c.jump(-1)),
                ("end", Qt.Key.Key_End, c.run_to_end),
                ("play", Qt.Key.Key_Space, c.toggle_play), ("leave", Qt.Key.Key_Escape,
                                                             self.leave)):
            act = window.add_action(f"present_{key}", key, slot, shortcut)
            act.setEnabled(False)
            window.addAction(act)  # shortcuts work with no menu entry
            self.keys[key] = act
        c.stepChanged.connect(guarded(self._show_step, window.show_status))
        c.timelineChanged.connect(guarded(self._show_step, window.show_status))

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        """Hide the side panels, enlarge the text, show the caption bar."""
        if self.active:
            return
        self.active = True
        docks, settings = self.window.docks, self.window.settings
        if settings.presentation:  # a restart in presentation mode: the panels were hidden
            shown = set(settings.panels_before_presentation)
        else:
            shown = {k for k in HIDDEN_PANELS if k in docks and docks[k].isVisible()}
            settings.panels_before_presentation = sorted(shown)
        self._panels = {k: k in shown for k in HIDDEN_PANELS if k in docks}
        for key in self._panels:
            docks[key].hide()
        for act in self.keys.values():
            act.setEnabled(True)
        self.action.setChecked(True)
        set_screen_floor(READABLE_PX * PRESENT_SCALE)  # enlarged on the screen, too
        self.options.set_text_scale(max(self.window.settings.text_scale, PRESENT_SCALE),
                                    remember=False)
        self.bar.show()
        self._show_step()
        self.window.settings.presentation = True
        QTimer.singleShot(0, self, self._recentre)  # once the canvas has its new size

    def leave(self) -> None:
        """Panels and text size back as they were; the caption bar goes."""
        if not self.active:
            return
        self.active = False
        for key, visible in self._panels.items():
            self.window.docks[key].setVisible(visible)
        for act in self.keys.values():
            act.setEnabled(False)
        self.action.setChecked(False)
        self.bar.hide()
        set_screen_floor(None)
        self.options.set_text_scale(self.window.settings.text_scale, remember=False)
        self.window.settings.presentation = False
        QTimer.singleShot(0, self, self._recentre)

    def _recentre(self) -> None:
        guarded(self._show_readable, self.window.show_status)()

    def _show_readable(self) -> None:
        """Zoom in to the floor if the view is below it, then show the graph around the step."""
        view = self.window.view
        if view.zoom() < readable_zoom() - 1e-9:
            view.set_zoom(readable_zoom())
        self.options.follow.centre_on_graph()

    def restyle(self) -> None:
        self.caption.restyle()

    def _show_step(self, *_args) -> None:
        if self.active:
            c = self.controller
            self.caption.show_caption(*step_caption(c.timeline, c.k, c.graph))

"""A word-wrapped label whose new text does not lay the whole window out again.

``QLabel.setText`` asks its parent's layout to be redone, and a layout passes the request up
to the dock and the main window: a few milliseconds on every step for a line like "Step 5 of
2374" that keeps its height. :class:`SteadyLabel` holds the label outside any layout, sizes
it itself, and asks for a new layout only when the text needs another height (``grow_only``:
only when it needs more, so the panel below it keeps still while stepping).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

__all__ = ["SteadyLabel"]


class SteadyLabel(QWidget):
    """Holds ``label`` (kept as the widget tests and fonts find) at the height its text
    needs for the holder's width, never less than ``min_height``."""

    def __init__(self, label: QLabel, min_height: int = 0, grow_only: bool = False,
                 parent=None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        label.setWordWrap(True)
        self.min_height = min_height
        self.grow_only = grow_only
        self._measured: tuple = ()  # (text, width, font) the last fit measured
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(max(min_height, 1))

    def set_text(self, text: str) -> None:
        """Show ``text``; a new layout only when it needs a different (larger) height."""
        if text != self.label.text():
            self.label.setText(text)
            self.fit()

    def reset_height(self) -> None:
        """Back to the height the current text needs (a new run: grow again from there)."""
        self._measured = ()
        self.setFixedHeight(max(self.min_height, self._needed()))

    def fit(self) -> None:
        label = self.label
        key = (label.text(), self.width(), label.font().key())
        if key == self._measured:  # the label's own layout request after set_text
            return
        self._measured = key
        need = max(self.min_height, self._needed())
        if need > self.height() or (need < self.height() and not self.grow_only):
            self.setFixedHeight(need)

    def _needed(self) -> int:
        width = self.width()
        if width <= 0:
            return self.min_height
        return self.label.heightForWidth(width)

    def event(self, event):
        if event.type() == QEvent.Type.LayoutRequest:  # the label's font or text changed
            self.fit()
        return super().event(event)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        if event.size().width() != event.oldSize().width():
            self.fit()

"""Why an editor field refused what was typed, shown right under that field.

The inspector and the tensor editor keep the refused text in the field (outlined in red) so it
can be corrected, and a :class:`FieldError` line under it says what is wrong; before, only the
status bar said it while the field silently went back to the old value.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QLayout, QSizePolicy, QWidget

from graphstudio.ui.theme import Theme

__all__ = ["ERROR_STYLE", "FieldError"]

ERROR_STYLE = "border: 1px solid #d7263d; border-radius: 2px;"


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    """The layout (``layout`` or one nested in it) that holds ``widget`` directly."""
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        found = _layout_holding(child, widget)
        if found is not None:
            return found
    return None


class FieldError(QLabel):
    """A red, selectable, wrapped line that moves under whichever field refused an edit."""

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.field: QWidget | None = None
        self.set_theme(theme)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self.setStyleSheet(f"color: {theme.error.name()};")

    def show_at(self, field: QWidget, message: str) -> None:
        """Say ``message`` under ``field`` and outline the field in red."""
        self.clear_error()
        parent = field.parentWidget()
        layout = _layout_holding(parent.layout() if parent is not None else None, field)
        if isinstance(layout, QFormLayout):
            row, _role = layout.getWidgetPosition(field)
            layout.insertRow(row + 1, self)
        elif isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(field) + 1, self)
        self.field = field
        field.setStyleSheet(ERROR_STYLE)
        self.setText(message)
        self.show()

    def clear_error(self, field: QWidget | None = None) -> None:
        """Take the message away (only if it is about ``field``, when one is given)."""
        if self.field is None or (field is not None and field is not self.field):
            return
        parent = self.parentWidget()
        layout = _layout_holding(parent.layout() if parent is not None else None, self)
        if isinstance(layout, QFormLayout):
            layout.takeRow(self)
        elif layout is not None:
            layout.removeWidget(self)
        self.field.setStyleSheet("")
        self.field = None
        self.hide()

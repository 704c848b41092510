"""The window's frame: dock title bars with a close button one can see, floating docks kept on
the screen, and a status bar whose long messages end in "…" before the node count.

The application stylesheet once hid the close icon (``titlebar-close-icon: none``), so a dock
could only be closed from View > Panels. :class:`DockTitleBar` replaces Qt's title bar: the
title, a float/dock button and a close button, both drawn from ``assets/icons`` in the theme's
text colour. Dragging and double-clicking the title still move and float the dock (the label
ignores the mouse, so :class:`QDockWidget` gets those events as with its own bar).

Qt's status bar clips a long message mid-letter against its permanent widgets; :class:`StatusBar`
draws it cut with "…" and puts all of it in the tooltip (``currentMessage()`` stays whole).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QStatusBar,
    QStyle,
    QStyleOption,
    QToolButton,
    QWidget,
)

from graphstudio.ui.icons import icon
from graphstudio.ui.theme import Theme

__all__ = ["DockTitleBar", "StatusBar", "keep_on_screen"]

SCREEN_SHARE = 0.9  # a floating dock takes at most this much of its screen's free area


class DockTitleBar(QWidget):
    """Title, float and close buttons for ``dock``; :meth:`set_theme` recolours the icons."""

    def __init__(self, dock: QDockWidget, theme: Theme):
        super().__init__(dock)
        self.dock = dock
        self.setObjectName("dockTitleBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(dock.windowTitle())
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.float_button = self._button("dockFloat", self.tr("Float or dock this panel"))
        self.close_button = self._button("dockClose", self.tr("Close this panel (View ▸ Panels "
                                                              "shows it again)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 3, 2)
        layout.setSpacing(1)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button.clicked.connect(dock.close)
        dock.windowTitleChanged.connect(self.title.setText)
        self.set_theme(theme)

    def _button(self, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setIconSize(QSize(14, 14))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def set_theme(self, theme: Theme) -> None:
        self.float_button.setIcon(icon("dock_float", theme.node_text))
        self.close_button.setIcon(icon("dock_close", theme.node_text))


def keep_on_screen(dock: QDockWidget) -> None:
    """A floating ``dock`` no larger than its screen's free area, and wholly on it."""
    if not dock.isFloating():
        return
    screen = dock.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(dock.width(), int(area.width() * SCREEN_SHARE))
    height = min(dock.height(), int(area.height() * SCREEN_SHARE))
    dock.resize(max(width, dock.minimumWidth()), max(height, dock.minimumHeight()))
    frame = dock.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    dock.move(max(x, area.left()), max(y, area.top()))


class StatusBar(QStatusBar):
    """A status bar that cuts a long message with "…" before its permanent widgets."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.permanent: list[QWidget] = []
        self.messageChanged.connect(lambda _text: self._update_tip())

    def addPermanentWidget(self, widget, stretch=0):  # noqa: N802 (Qt's name)
        self.permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def message_rect(self) -> QRect:
        """Where the message goes: from the left edge to just before the permanent widgets."""
        right = min((w.x() for w in self.permanent if w.isVisible()), default=self.width())
        return QRect(6, 0, max(right - 12, 0), self.height())

    def shown_message(self) -> str:
        """The message as drawn: on one line, cut with "…" when it does not fit."""
        text = " ".join(self.currentMessage().split())
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def _update_tip(self) -> None:
        whole = " ".join(self.currentMessage().split())
        self.setToolTip(whole if whole and self.shown_message() != whole else "")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter,
                                   self)
        for widget in self.permanent:
            if widget.isVisible():
                item = QStyleOption()
                item.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                item.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, item,
                                           painter, widget)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading
                         | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                         self.shown_message())

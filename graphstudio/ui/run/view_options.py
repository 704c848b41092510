"""View > Follow Step, View > Text Size and View > Presentation, installed with the run UI.

:class:`ViewOptions` owns the step-following camera (:class:`~graphstudio.ui.run.keep_in_view.
FollowStep`) and the presentation mode, and applies the text size to everything that shows
numbers: the cards and wire labels (through :mod:`~graphstudio.ui.canvas.readable`), the Steps
list and the Values dock. All three choices are remembered in the window's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QWidget

from graphstudio.ui.canvas.readable import TEXT_SCALES, set_text_scale, text_scale
from graphstudio.ui.run.keep_in_view import FollowStep
from graphstudio.ui.run.presentation import Presentation

__all__ = ["ViewOptions", "scale_widget_fonts"]

_BASE = "gs_base_font_pt"  # a widget property: its font size at 100%


def scale_widget_fonts(widget: QWidget, scale: float) -> None:
    """Every font in ``widget``'s tree at ``scale`` times its size at 100% (remembered on the
    widget the first time)."""
    for w in [widget, *widget.findChildren(QWidget)]:
        base = w.property(_BASE)
        font = w.font()
        if base is None:
            base = font.pointSizeF()
            if base <= 0:
                continue
            w.setProperty(_BASE, base)
        size = float(base) * scale
        if abs(font.pointSizeF() - size) > 1e-3:
            font.setPointSizeF(size)
            w.setFont(font)


class ViewOptions(QObject):
    """The View menu's reading options for ``window`` (with the run UI ``ui``)."""

    def __init__(self, window, controller, ui):
        super().__init__(window)
        self.window, self.controller, self.ui = window, controller, ui
        settings = window.settings
        self.follow = FollowStep(window.view, controller, settings.follow_step, self)
        controller.display.on_room_made = self.follow.keep_step_in_view
        menu = window.menu("view")
        menu.addSeparator()
        self.follow_action = window.add_action(
            "follow_step", self.tr("&Follow Step"), self._follow_toggled, menu=menu,
            checkable=True, tip=self.tr("Pan the canvas to each step's node (and, backward, "
                                        "the wire carrying the gradient)"))
        self.follow_action.setChecked(self.follow.enabled)
        sizes = menu.addMenu(self.tr("Text &Size"))
        sizes.setObjectName("menu_text_size")
        group = QActionGroup(self)
        self.size_actions = {}
        for scale in TEXT_SCALES:
            pct = round(scale * 100)
            act = window.add_action(f"text_size_{pct}", f"{pct}%",
                                    lambda s=scale: self.set_text_scale(s), menu=sizes,
                                    checkable=True)
            group.addAction(act)
            self.size_actions[scale] = act
        self.presentation = Presentation(window, controller, self)
        menu.addAction(self.presentation.action)
        self.set_text_scale(settings.text_scale, remember=False)
        if settings.presentation:
            self.presentation.enter()

    def _follow_toggled(self) -> None:
        on = self.follow_action.isChecked()
        self.follow.set_enabled(on)
        self.window.settings.follow_step = on

    def set_follow(self, on: bool) -> None:
        """Turn View > Follow Step on or off (and remember it)."""
        self.follow_action.setChecked(bool(on))
        self._follow_toggled()

    def set_text_scale(self, scale: float, remember: bool = True) -> float:
        """Show all canvas text, the Steps list and the Values dock at ``scale`` (1.0-2.0)."""
        scale = set_text_scale(scale)
        nearest = min(self.size_actions, key=lambda s: abs(s - scale))
        self.size_actions[nearest].setChecked(True)
        if remember:
            self.window.settings.text_scale = scale
        self.apply_text_scale()
        return scale

    def apply_text_scale(self) -> None:
        """Lay every card, wire label and dock out again for the text size in force."""
        scale = text_scale()
        scene = self.window.scene
        scene.restyle_cards()  # the built cards; the sketch draws the rest
        display = self.controller.display
        if self.controller.timeline is not None or scale > 1.0:
            display.make_room.apply()
            display.remake_room()
        else:
            display.make_room.restore()
        self.ui.steps.set_text_scale(scale)
        scale_widget_fonts(self.ui.steps, scale)
        scale_widget_fonts(self.ui.values, scale)
        self.presentation.restyle()

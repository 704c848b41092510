"""The readable floor: how small canvas text may get on screen, and the text size setting.

A class reads the canvas from the back of a room on a 1280x800 projector: below about 11 px
on screen the digits of a value or a ``.grad`` blur into each other (cards were measured
framed at 38-51% zoom with 4-6 px text, and nobody could read them). So every card text
(values, ``.grad``, ``grad_fn``, port names), every wire label and every tag is drawn at
least :data:`READABLE_PX` pixels tall at any zoom the window chooses by itself (opening a
file, F, Run to End, following a step): :func:`readable_zoom` is the lowest such zoom. Only
a person zooming out by hand goes below it, and the cards turn their text into bars only
well below it (:func:`greek_zoom`).

The card text is sized from the interface font (never smaller) times the View > Text Size
factor (:func:`set_text_scale`, 100-200%), so the floor zoom falls as the text grows.
Presentation mode raises the on-screen floor itself (:func:`set_screen_floor`): larger text
there means larger on the projector, not a view zoomed out to the same 11 px.
"""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QGuiApplication

__all__ = ["READABLE_PX", "TEXT_SCALES", "base_text_px", "greek_zoom", "readable_zoom",
           "screen_floor", "set_screen_floor", "set_text_scale", "text_px", "text_scale"]

#: the smallest text height on screen, in pixels, at any zoom the window picks by itself
READABLE_PX = 11.0
#: card text never smaller than this many pixels at 100% zoom (an interface font may be tiny)
MIN_BASE_PX = 12
#: text turns into bars below this fraction of the readable zoom (zoomed out by hand)
GREEK_FRACTION = 0.5
#: the View > Text Size choices
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)

_scale = [1.0]
_floor = [READABLE_PX]


def text_scale() -> float:
    """The View > Text Size factor (1.0 to 2.0)."""
    return _scale[0]


def set_text_scale(scale: float) -> float:
    """Set the text size factor (clamped to 1.0-2.0); returns the factor now in force."""
    _scale[0] = min(max(float(scale), TEXT_SCALES[0]), TEXT_SCALES[-1])
    return _scale[0]


def base_text_px() -> int:
    """The interface font's pixel size (at least MIN_BASE_PX): card text at 100%."""
    app = QGuiApplication.instance()
    px = QFontInfo(QGuiApplication.font()).pixelSize() if app is not None else MIN_BASE_PX
    return max(MIN_BASE_PX, int(px))


def text_px(extra: int = 0) -> int:
    """The pixel size of canvas text (``extra`` px more for titles), Text Size applied."""
    return round((base_text_px() + extra) * text_scale())


def screen_floor() -> float:
    """The smallest text height on screen the window frames for (READABLE_PX, or more while
    presenting to a room)."""
    return _floor[0]


def set_screen_floor(px: float | None = None) -> None:
    """Frame for text at least ``px`` tall on screen (None: READABLE_PX again)."""
    _floor[0] = max(READABLE_PX, float(px)) if px is not None else READABLE_PX


def readable_zoom() -> float:
    """The lowest zoom at which the smallest canvas text is :func:`screen_floor` tall on
    screen (READABLE_PX unless presenting)."""
    return _floor[0] / text_px()


def greek_zoom() -> float:
    """Below this zoom cards draw their text lines as bars."""
    return readable_zoom() * GREEK_FRACTION

"""Show the learner what a lesson step talks about: nodes and ports on the canvas get a glowing
outline, toolbar buttons of actions and dock titles get a coloured frame.

Elements are named as in the lesson file: ``node NAME``, ``port NAME.PORT``, ``action KEY``
(``window.actions`` keys; an action without a button of its own lights the toolbar button whose
menu holds it, e.g. the run Options), ``dock KEY`` (``window.docks`` keys; the dock is shown).
:func:`unknown_elements` lists the ones a window does not have, so a lesson naming a missing
action is refused with its line instead of silently highlighting nothing.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QToolButton

__all__ = ["COLOR", "Highlighter", "unknown_elements"]

COLOR = QColor("#f0a020")  # amber: reads on the light and the dark canvas
_STYLE = "QToolButton {{ border: 3px solid {0}; border-radius: 5px; }}"
_DOCK_STYLE = "QDockWidget::title {{ background: {0}; color: black; }}"


def unknown_elements(window, lesson) -> list[str]:
    """``line N: action 'x'`` for every action or dock a lesson names that ``window`` lacks."""
    out = []
    for step in lesson.steps:
        for spec in step.highlight:
            kind, key = spec.split(" ", 1)
            table = {"action": window.actions, "dock": window.docks}.get(kind)
            if table is not None and key not in table:
                out.append(f"line {step.line}: {kind} {key!r}")
        for cond in step.waits:
            if cond.kind == "action" and cond.args[0] not in window.actions:
                out.append(f"line {cond.line}: action {cond.args[0]!r}")
    return out


class Highlighter:
    """Draws the highlights of one step on ``window``; :meth:`clear` takes them all away."""

    def __init__(self, window):
        self.window = window
        self._items: list[QGraphicsPathItem] = []
        self._styled: list[tuple[object, str]] = []
        self.shown: list[str] = []  # the element specs currently lit
        self._wanted: list[str] = []

    def show(self, specs) -> None:
        self.clear()
        self._wanted = list(specs)
        for spec in specs:
            kind, what = spec.split(" ", 1)
            lit = getattr(self, f"_{kind}")(what)
            if lit:
                self.shown.append(spec)

    def clear(self) -> None:
        for item in self._items:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        for widget, style in self._styled:
            if shiboken6.isValid(widget):
                widget.setStyleSheet(style)
        self._items, self._styled, self.shown = [], [], []

    def refresh(self) -> None:
        """Draw again (the nodes were rebuilt, e.g. another graph opened)."""
        self.show(self._wanted)

    def follow_nodes(self) -> None:
        """Fit the node and port outlines again (a run changed the cards' sizes)."""
        for item in self._items:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self._items = []
        for spec in self._wanted:
            kind, what = spec.split(" ", 1)
            if kind in ("node", "port"):
                getattr(self, f"_{kind}")(what)

    # ------------------------------------------------------------------ kinds
    def _outline(self, rect, radius: float) -> bool:
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        item = QGraphicsPathItem(path)
        pen = QPen(COLOR, 4)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setBrush(Qt.BrushStyle.NoBrush)
        item.setZValue(1000)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.window.scene.addItem(item)
        self._items.append(item)
        return True

    def _node(self, name: str) -> bool:
        node = self.window.graph.node_by_name(name)
        item = self.window.scene.node_item(node.id) if node is not None else None
        if item is None:
            return False
        rect = item.mapRectToScene(item.boundingRect() | item.childrenBoundingRect())
        return self._outline(rect.adjusted(-7, -7, 7, 7), 10)

    def _port(self, spec: str) -> bool:
        name, port = spec.split(".", 1)
        node = self.window.graph.node_by_name(name)
        item = self.window.scene.node_item(node.id) if node is not None else None
        found = item and (item.port(port, False) or item.port(port, True))
        if not found:
            return False
        return self._outline(found.sceneBoundingRect().adjusted(-6, -6, 6, 6), 8)

    def _style(self, widget, style: str) -> bool:
        self._styled.append((widget, widget.styleSheet()))
        widget.setStyleSheet(style)
        return True

    def _action(self, key: str) -> bool:
        action = self.window.actions.get(key)
        if action is None:
            return False
        for bar in self.window.toolbars.values():
            button = bar.widgetForAction(action)
            if button is not None:
                return self._style(button, _STYLE.format(COLOR.name()))
        for bar in self.window.toolbars.values():
            for button in bar.findChildren(QToolButton):
                menu = button.menu()
                if menu is not None and action in menu.actions():
                    return self._style(button, _STYLE.format(COLOR.name()))
        return False

    def _dock(self, key: str) -> bool:
        dock = self.window.docks.get(key)
        if dock is None:
            return False
        dock.show()
        dock.raise_()
        return self._style(dock, _DOCK_STYLE.format(COLOR.name()))

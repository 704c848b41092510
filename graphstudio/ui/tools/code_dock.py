"""The Code dock: the whole graph as the PyTorch program File > Export writes, kept current.

The text is :func:`~graphstudio.pytorch.export.export_with_spans` of the document,
regenerated a moment after edits settle (only while the dock is visible; it catches up when
shown). The statements of the selected nodes are highlighted and scrolled into view; clicking a
statement selects its node on the canvas. Big tensors are written as a shape-only call with a
comment unless "All values" is ticked (the exported file always has every value).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from graphstudio.pytorch.export import export_with_spans
from graphstudio.ui.tools.highlighter import PythonHighlighter, code_font

__all__ = ["CodeDock"]

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
COMPACT_LITERAL = 64  # tensors with more elements are written without their values
#: "All values" still leaves out tensors bigger than this (a 1000x1000 parameter made 12 MB of
#: text: seconds to write and to lay out on every change; the exported script has them all)
ALL_VALUES_LIMIT = 10_000


class CodeDock(QWidget):
    """The Code dock's widget for ``window`` (a MainWindow). ``export`` is called by the
    dock's Export button (File > Export PyTorch Script)."""

    def __init__(self, window, export=None, parent=None):
        super().__init__(parent)
        self.window, self.graph, self.scene = window, window.graph, window.scene
        self.theme = window.theme
        self.spans: dict[str, tuple[int, int]] = {}
        self.script = ""
        self._dirty = True
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("code_view")
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(code_font())
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.editor.viewport().installEventFilter(self)
        self.highlighter = PythonHighlighter(self.editor.document(), self.theme)
        self.all_values = QCheckBox(self.tr("All values"))
        self.all_values.setObjectName("code_all_values")
        self.all_values.setToolTip(self.tr(
            "Write every tensor's values (otherwise tensors with more than {0} elements show "
            "only their shape); beyond {1} elements only the exported script (File > Export) "
            "writes them").format(COMPACT_LITERAL, f"{ALL_VALUES_LIMIT:,}"))
        copy = QPushButton(self.tr("Copy"))
        copy.setObjectName("code_copy")
        copy.setToolTip(self.tr("Copy the program to the clipboard"))
        copy.clicked.connect(self.copy)
        self.info = QLabel()
        self.info.setObjectName("code_info")
        self.info.setEnabled(False)  # the dim caption colour
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.info, 1)
        head.addWidget(self.all_values)
        head.addWidget(copy)
        if export is not None:
            save = QPushButton(self.tr("Export…"))
            save.setObjectName("code_export")
            save.setToolTip(self.tr("Save the program (with every value) as a .py file"))
            save.clicked.connect(export)
            head.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.editor, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.all_values.toggled.connect(lambda _on: self.refresh())
        self._unsubscribe = self.graph.subscribe(self._on_event)
        self.scene.selectionChanged.connect(self._selection_changed)

    # ------------------------------------------------------------------ content
    def refresh(self) -> None:
        """Regenerate the program now."""
        self._timer.stop()
        self._dirty = False
        limit = ALL_VALUES_LIMIT if self.all_values.isChecked() else COMPACT_LITERAL
        try:
            script, spans = export_with_spans(self.graph, limit)
        except Exception as ex:  # the engine's message instead of a program
            log.exception("export for the Code dock failed")
            script = self.tr("# The graph cannot be written as PyTorch yet:\n# {0}\n").format(ex)
            spans = {}
        self.spans = spans
        if script != self.script:
            self.script = script
            bar = self.editor.verticalScrollBar()
            top = bar.value()
            self.editor.setPlainText(script)
            bar.setValue(top)
        n = len(script.splitlines())
        self.info.setText(self.tr("PyTorch · {0} lines").format(n) if self.graph.nodes
                          else self.tr("PyTorch · empty graph"))
        self._highlight(scroll=False)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.script)
        self.window.show_status(self.tr("Copied the PyTorch program"))

    def _on_event(self, ev) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if ev.kind == "node_moved":
            return
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def close(self) -> None:
        self._timer.stop()
        self._unsubscribe()

    # ------------------------------------------------------------------ selection
    def selected_lines(self) -> list[int]:
        """The 1-based lines highlighted now (the selected nodes' statements)."""
        lines = []
        for sel in self.editor.extraSelections():
            lines.append(sel.cursor.blockNumber() + 1)
        return lines

    def _selection_changed(self) -> None:
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.scene)):
            return
        try:
            self._highlight(scroll=True)
        except Exception:  # never let a display update raise into the scene's signal
            log.exception("code highlight failed")

    def _highlight(self, scroll: bool) -> None:
        ids = [nid for nid in self.scene.selected_node_ids() if nid in self.spans]
        colour = QColor(self.theme.selection)
        colour.setAlpha(70)
        doc = self.editor.document()
        selections = []
        for nid in ids:
            first, last = self.spans[nid]
            for line in range(first, last + 1):
                block = doc.findBlockByNumber(line - 1)
                if not block.isValid():
                    continue
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(colour)
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(block)
                selections.append(sel)
        self.editor.setExtraSelections(selections)
        if scroll and ids:
            first = min(self.spans[nid][0] for nid in ids)
            block = doc.findBlockByNumber(first - 1)
            if block.isValid():
                self.editor.setTextCursor(QTextCursor(block))
                self.editor.centerCursor()

    def node_at_line(self, line: int) -> str | None:
        """The node whose statement covers 1-based ``line`` (None: no node's)."""
        for nid, (first, last) in self.spans.items():
            if first <= line <= last:
                return nid
        return None

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.editor.viewport() and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and not self.editor.textCursor().hasSelection()):
            try:
                line = self.editor.cursorForPosition(event.position().toPoint()).blockNumber() + 1
                nid = self.node_at_line(line)
                if nid is not None and nid in self.graph.nodes:
                    self.scene.select_nodes([nid])
                    item = self.scene.node_item(nid)
                    if item is not None:
                        self.window.view.ensureVisible(item, 40, 40)
            except Exception:  # a click must never raise out of an event filter
                log.exception("selecting from the code failed")
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ theme
    def set_theme(self, theme) -> None:
        self.theme = theme
        self.highlighter.set_theme(theme)
        self._highlight(scroll=False)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.window.theme is not self.theme:
            self.set_theme(self.window.theme)

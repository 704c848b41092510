"""File > New From Code: paste PyTorch-style code, get the graph, laid out.

The code is read with :func:`~graphstudio.pytorch.code_import.graph_from_code` (``ast`` only;
it is never executed) a moment after each edit, so the dialog says at once what the graph will
hold or which line it cannot read (that line is tinted). OK replaces the document the way
File > Open does, after the unsaved-changes prompt; the new graph is untitled and unsaved.
"""

from __future__ import annotations

import logging
import math
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
)

from graphstudio.files.regular_file import open_regular
from graphstudio.graph.limits import MAX_ELEMENTS, brief
from graphstudio.pytorch.code_import import MAX_CODE_CHARS, CodeImportError, graph_from_code
from graphstudio.ui.file_guard import error_reason
from graphstudio.ui.tools.highlighter import PythonHighlighter, code_font

__all__ = ["TUTORIAL_CODE", "NewFromCodeDialog"]

log = logging.getLogger(__name__)

#: the code of PyTorch's autograd tutorial, what the dialog starts with
TUTORIAL_CODE = '''"""The tutorial's single layer

z = x @ w + b and a binary cross-entropy loss, from PyTorch's autograd tutorial.
"""
import torch

x = torch.ones(5)  # input tensor
y = torch.zeros(3)  # expected output
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w)+b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
loss.backward()
print(w.grad)
print(b.grad)
'''

INTRO = QT_TRANSLATE_NOOP(
    "NewFromCodeDialog",
    "Paste PyTorch-style code. It is read, never run: tensors (<tt>torch.tensor</tt>, "
    "<tt>ones</tt>, <tt>zeros</tt>, <tt>randn</tt>, …; <tt>requires_grad=True</tt> makes a "
    "Parameter), operators, <tt>torch.*</tt> and <tt>F.*</tt> functions, tensor methods "
    "and <tt>loss.backward()</tt>. <tt>randn</tt> draws from GraphStudio's generator, so "
    "its numbers differ from PyTorch's; write values with <tt>torch.tensor([...])</tt> "
    "to keep them.")  # shown through self.tr(INTRO)
VALIDATE_MS = 300


class NewFromCodeDialog(QDialog):
    """The code editor with live checking. :attr:`graph` is the graph the current text gives
    (None while it has a problem); :attr:`graphReady` is emitted with it on OK."""

    graphReady = Signal(object)

    def __init__(self, parent=None, theme=None):
        super().__init__(parent)
        self.setObjectName("new_from_code_dialog")
        self.setWindowTitle(self.tr("New From Code"))
        self.graph = None
        self.error: CodeImportError | None = None
        self.theme = theme if theme is not None else getattr(parent, "theme", None)
        intro = QLabel(self.tr(INTRO))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("new_from_code_editor")
        self.editor.setFont(code_font())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabStopDistance(4 * self.editor.fontMetrics().horizontalAdvance(" "))
        self.editor.setPlainText(TUTORIAL_CODE)
        self.highlighter = PythonHighlighter(self.editor.document(), self.theme) \
            if self.theme is not None else None
        self.status = QLabel()
        self.status.setObjectName("new_from_code_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create Graph"))
        self.ok_button.setObjectName("new_from_code_ok")
        load = QPushButton(self.tr("Load File…"))
        load.setObjectName("new_from_code_load")
        load.setToolTip(self.tr("Put the contents of a .py file in the editor (it is not run)"))
        load.clicked.connect(self._load_file)
        tutorial = QPushButton(self.tr("Tutorial Code"))
        tutorial.setToolTip(self.tr("Start again from the autograd tutorial's code"))
        tutorial.clicked.connect(lambda: self.editor.setPlainText(TUTORIAL_CODE))
        role = QDialogButtonBox.ButtonRole.ResetRole
        self.buttons.addButton(load, role)
        self.buttons.addButton(tutorial, role)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_MS)
        self._timer.timeout.connect(self.validate)
        self.editor.textChanged.connect(self._edited)
        self.validate()

    # ------------------------------------------------------------------ checking
    def _edited(self) -> None:
        self.graph = None
        self.ok_button.setEnabled(False)
        self._timer.start()

    def validate(self) -> bool:
        """Read the code now; True when it gives a graph."""
        self._timer.stop()
        text = self.editor.toPlainText()
        self.graph, self.error = None, None
        try:
            if not text.strip():
                raise CodeImportError(self.tr("write or paste some code first"))
            if len(text) > MAX_CODE_CHARS:
                raise CodeImportError(self.tr("the code is longer than {0} characters")
                                      .format(MAX_CODE_CHARS))
            graph = graph_from_code(text)
            _check_sizes(graph, text)
            self.graph = graph
        except CodeImportError as ex:
            self.error = ex
        except Exception as ex:  # an importer bug must not take the dialog down
            log.exception("reading the code failed")
            self.error = CodeImportError(f"{type(ex).__name__}: {ex}")
        self._show_result()
        return self.graph is not None

    def error_line(self) -> int | None:
        return getattr(self.error, "line", None) if self.error is not None else None

    def _show_result(self) -> None:
        error_colour = self.theme.error if self.theme is not None else QColor("#d7263d")
        ok_colour = self.theme.ok if self.theme is not None else QColor("#2fb36b")
        selections = []
        if self.graph is not None:
            n, e = len(self.graph), len(self.graph.edges)
            params = sum(1 for node in self.graph if node.type == "parameter")
            self.status.setStyleSheet(f"color: {ok_colour.darker(130).name()};")
            self.status.setText("✓ " + self.tr("{0}, {1}, {2}: Create Graph replaces the open "
                                               "document").format(*self._counted(n, e, params)))
        else:
            self.status.setStyleSheet(f"color: {error_colour.name()};")
            msg = brief(str(self.error))  # a 4,000-digit literal is "a 4,000-digit number"
            line = self.error_line()
            if line is not None and not msg.startswith("line"):
                msg = self.tr("line {0}: {1}").format(line, msg)
            self.status.setText(f"✗ {msg[:1].upper()}{msg[1:]}")
            block = self.editor.document().findBlockByNumber((line or 0) - 1)
            if line is not None and block.isValid():
                sel = QTextEdit.ExtraSelection()
                tint = QColor(error_colour)
                tint.setAlpha(55)
                sel.format.setBackground(tint)
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(block)
                selections.append(sel)
        self.editor.setExtraSelections(selections)
        self.ok_button.setEnabled(self.graph is not None)

    def _counted(self, nodes: int, wires: int, params: int) -> list[str]:
        """"7 nodes", "6 wires", "2 parameters" (singular for one)."""
        return [self.tr("{0} node").format(nodes) if nodes == 1 else
                self.tr("{0} nodes").format(nodes),
                self.tr("{0} wire").format(wires) if wires == 1 else
                self.tr("{0} wires").format(wires),
                self.tr("{0} parameter").format(params) if params == 1 else
                self.tr("{0} parameters").format(params)]

    # ------------------------------------------------------------------ buttons
    def _load_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load Code"), "",
                                              self.tr("Python files (*.py);;All files (*)"))
        if not path:
            return
        try:
            with open_regular(path) as f:
                raw = f.read(MAX_CODE_CHARS + 1)
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as ex:
            reason = error_reason(ex)
            self.status.setText("✗ " + self.tr("{0} could not be read: {1}").format(
                os.path.basename(path), reason))
            return
        self.editor.setPlainText(text)
        self.validate()

    def accept(self) -> None:
        if self._timer.isActive() or self.graph is None:
            if not self.validate():
                return
        graph = self.graph
        super().accept()
        self.graphReady.emit(graph)


def _check_sizes(graph, text: str) -> None:
    """Refuse tensors beyond what a graph file holds (``torch.ones(100000, 100000)`` made a
    graph whose run failed allocating 37 GiB and whose file would not open again)."""
    for node in graph:
        spec = node.tensor
        if spec is None:
            continue
        numel = math.prod(spec.shape)
        if numel > MAX_ELEMENTS:
            line = next((i for i, ln in enumerate(text.splitlines(), 1)
                         if ln.replace(" ", "").startswith(f"{node.name}=")), None)
            raise CodeImportError(QCoreApplication.translate(
                "NewFromCodeDialog", "{0} would hold {1} elements: at most {2}").format(
                    node.name, f"{numel:,}", f"{MAX_ELEMENTS:,}"), line)

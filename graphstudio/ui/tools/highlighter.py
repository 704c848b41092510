"""A small Python syntax highlighter for the Code dock and the New From Code editor.

Keywords, ``torch``/``F`` names, numbers, strings (triple-quoted ones across lines), comments
and the names assigned at the start of a line, in colours that read on both themes.
"""

from __future__ import annotations

import keyword
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from graphstudio.ui.theme import Theme

__all__ = ["PythonHighlighter", "code_font"]

_RULES = (
    ("keyword", r"\b(?:" + "|".join(keyword.kwlist) + r")\b"),
    ("builtin", r"\b(?:print|len|range|float|int|True|False|None)\b"),
    ("torch", r"\b(?:torch|F|nn)\b(?:\.\w+)*"),
    ("number", r"\b(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)\b"),
    ("assign", r"^\s*\w+(?=\s*=[^=])"),
    ("string", r"[rRbBfF]?(?:'[^'\\\n]*(?:\\.[^'\\\n]*)*'|\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\")"),
    ("comment", r"#[^\n]*"),
)
_COMPILED = [(kind, re.compile(rx)) for kind, rx in _RULES]
_TRIPLE = re.compile(r'"""|\'\'\'')

_LIGHT = {"keyword": "#8f3fb0", "builtin": "#2a6fb0", "torch": "#1f7a72", "number": "#b35c00",
          "assign": "#23272e", "string": "#3f7f2f", "comment": "#7b8391", "docstring": "#3f7f2f"}
_DARK = {"keyword": "#d09af0", "builtin": "#7fb6ec", "torch": "#6fd0c2", "number": "#f2a65a",
         "assign": "#f0f2f5", "string": "#9ccf7f", "comment": "#8b93a0", "docstring": "#9ccf7f"}


def code_font() -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(9.5)
    return font


class PythonHighlighter(QSyntaxHighlighter):
    """Highlights a QTextDocument holding Python; :meth:`set_theme` recolours it."""

    def __init__(self, document, theme: Theme):
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        colours = _DARK if theme.dark else _LIGHT
        self.formats = {}
        for kind, colour in colours.items():
            f = QTextCharFormat()
            f.setForeground(QColor(colour))
            if kind in ("keyword", "assign"):
                f.setFontWeight(QFont.Weight.Bold)
            if kind in ("comment", "docstring"):
                f.setFontItalic(True)
            self.formats[kind] = f
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        start = 0
        if self.previousBlockState() == 1:  # inside a triple-quoted string
            m = _TRIPLE.search(text)
            end = m.end() if m else len(text)
            self.setFormat(0, end, self.formats["docstring"])
            if m is None:
                self.setCurrentBlockState(1)
                return
            start = end
        self.setCurrentBlockState(0)
        rest = text[start:]
        m = _TRIPLE.search(rest)
        if m is not None and "#" not in rest[:m.start()]:
            close = _TRIPLE.search(rest, m.end())
            end = close.end() if close else len(rest)
            self._rules(rest[:m.start()], start)
            self.setFormat(start + m.start(), end - m.start(), self.formats["docstring"])
            if close is None:
                self.setCurrentBlockState(1)
                return
            self._rules(rest[end:], start + end)
            return
        self._rules(rest, start)

    def _rules(self, text: str, offset: int) -> None:
        for kind, rx in _COMPILED:
            for m in rx.finditer(text):
                self.setFormat(offset + m.start(), m.end() - m.start(), self.formats[kind])

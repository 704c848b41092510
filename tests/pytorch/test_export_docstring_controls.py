"""Characters that make a script read differently from how it runs never reach an exported
docstring as they are: the bidirectional controls and the line and paragraph separators are
escaped, as NUL and ESC are."""

from __future__ import annotations

import ast

import pytest

from graphstudio.graph.model import Graph
from graphstudio.pytorch.export import export_script


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069",
                                  "\u2028", "\u2029", "\x00", "\x1b"])
def test_controls_in_title_and_notes_are_escaped(char):
    g = Graph()
    g.add_node("input", "x")
    g.meta["title"] = f"safe{char}title"
    g.meta["notes"] = f"a note {char} here"
    script = export_script(g)
    assert char not in script
    escape = f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    assert f"safe{escape}title" in script
    doc = ast.get_docstring(ast.parse(script), clean=False)
    assert f"safe{char}title" in doc  # Python reads the escape back as the character

"""The UI's dependencies point one way: ui -> engine, never ui -> the command-line modules."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "graphstudio" / "ui"
CLI_MODULES = ("graphstudio.cli", "graphstudio.cli.dispatch", "graphstudio.cli.common",
               "graphstudio.cli.run_commands", "graphstudio.cli.tool_commands",
               "graphstudio.__main__")


def imported_modules(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_no_ui_module_imports_the_cli():
    """export_actions took write_text_atomic from graphstudio.cli.tool_commands."""
    offenders = {str(p.relative_to(UI)): sorted(m for m in imported_modules(p)
                                                if m in CLI_MODULES)
                 for p in UI.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}

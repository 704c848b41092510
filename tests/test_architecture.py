"""The package layout's rules (docs/ARCHITECTURE.md), checked on the source text:

- no import cycle between graphstudio's modules, counting imports inside functions (they hide a
  cycle, they do not remove it); a module importing its own package's ``__init__`` (the
  package's public face) is not an edge;
- no private name (``_x``) imported from another module;
- no source file over 500 lines, no folder holding more than 20 modules;
- the autograd library (``graphstudio.engine``) imports nothing of GraphStudio outside itself;
- nothing outside ``graphstudio.ui`` imports Qt or pyqtgraph (the CLI may start the window
  through ``graphstudio.ui`` only);
- no module ``__getattr__`` (a trick that hides cycles and names);
- no function over 60 lines unless it says why in a ``# long:`` comment at its top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "graphstudio"
MAX_LINES = 500
MAX_MODULES = 20
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    keep = len(base) - node.level + (1 if path.name == "__init__.py" else 0)
    return ".".join(base[:keep] + ([node.module] if node.module else []))


def imports_of(module: str) -> list[tuple[str, str | None]]:
    """``(imported module, imported name or None)`` for every import in ``module``."""
    path, found = MODULES[module], []
    for node in ast.walk(TREES[module]):
        if isinstance(node, ast.Import):
            found += [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node)
            for a in node.names:
                sub = f"{base}.{a.name}"
                found.append((sub, None) if sub in MODULES else (base, a.name))
    return found


def dependency_graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for m in MODULES:
        for target, _ in imports_of(m):
            if target in MODULES and target != m and not m.startswith(target + "."):
                edges[m].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    assert cycles(dependency_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_private_name_crosses_a_module_boundary():
    private = [f"{m} imports {name} from {target}" for m in MODULES
               for target, name in imports_of(m)
               if name and name.startswith("_") and not name.startswith("__")
               and target in MODULES and target != m]
    assert private == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.name))
def test_source_files_stay_under_500_lines(path):
    assert path.read_text(encoding="utf-8").count("\n") + 1 <= MAX_LINES, path


def test_no_folder_holds_more_than_20_modules():
    crowded = {str(d.relative_to(ROOT)): n for d in [PACKAGE, *PACKAGE.rglob("*")] if d.is_dir()
               if (n := len([f for f in d.glob("*.py") if f.name != "__init__.py"])) > MAX_MODULES}
    assert crowded == {}


def test_the_autograd_library_imports_nothing_else_of_graphstudio():
    outside = {f"{m} -> {t}" for m in MODULES if m.startswith("graphstudio.engine")
               for t, _ in imports_of(m)
               if t.startswith("graphstudio") and not t.startswith("graphstudio.engine")}
    assert outside == set()


def test_qt_only_in_the_ui():
    qt = ("PySide6", "pyqtgraph", "shiboken6")
    offenders = {f"{m} -> {t}" for m in MODULES if not m.startswith("graphstudio.ui")
                 for t, _ in imports_of(m) if t.split(".")[0] in qt}
    assert offenders == set()


def test_no_module_getattr():
    tricks = [m for m, tree in TREES.items()
              if any(isinstance(n, ast.FunctionDef) and n.name == "__getattr__"
                     for n in tree.body)]
    assert tricks == []


def test_functions_stay_short_or_say_why():
    long = []
    for m, tree in TREES.items():
        lines = MODULES[m].read_text(encoding="utf-8").splitlines()
        for n in ast.walk(tree):
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef):
                length = n.end_lineno - n.lineno + 1
                top = lines[n.lineno:n.lineno + 8]
                if length > MAX_FUNCTION_LINES and not any(
                        t.strip().startswith("# long:") for t in top):
                    long.append(f"{m}.{n.name}: {length} lines")
    assert long == []

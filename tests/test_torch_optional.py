"""torch is optional: every test module must collect and run without it (the README promises
that the tests comparing against PyTorch skip cleanly). A module may import torch only after
``pytest.importorskip("torch")`` in the same or an enclosing scope, or inside a ``try`` that
catches ImportError; this test reads every module under ``tests/`` and names the lines that
do otherwise, so a plain ``import torch`` at the top of a test module fails here, with torch
installed or not."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

_BLOCKS = ("body", "orelse", "finalbody")


def _names_torch(name: str | None) -> bool:
    return name is not None and (name == "torch" or name.startswith("torch."))


def _imports_torch(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Import):
        return any(_names_torch(alias.name) for alias in stmt.names)
    return isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and _names_torch(stmt.module)


def _is_importorskip(stmt: ast.stmt) -> bool:
    """``pytest.importorskip("torch")``, alone or assigned (``torch = ...``)."""
    call = getattr(stmt, "value", None)
    if not isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)) or not isinstance(call,
                                                                                     ast.Call):
        return False
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return (name == "importorskip" and bool(call.args)
            and isinstance(call.args[0], ast.Constant) and _names_torch(call.args[0].value))


def _catches_import_error(handlers: list[ast.ExceptHandler]) -> bool:
    caught = set()
    for h in handlers:
        if h.type is None:
            return True
        types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
        caught |= {getattr(t, "id", None) for t in types}
    return bool(caught & {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


def _unguarded(body: list[ast.stmt], guarded: bool) -> list[int]:
    lines = []
    for stmt in body:
        if _is_importorskip(stmt):
            guarded = True
        elif _imports_torch(stmt):
            if not guarded:
                lines.append(stmt.lineno)
        elif isinstance(stmt, ast.Try | ast.TryStar):
            inner = guarded or _catches_import_error(stmt.handlers)
            lines += _unguarded(stmt.body, inner)
            for h in stmt.handlers:
                lines += _unguarded(h.body, guarded)
            lines += _unguarded(stmt.orelse + stmt.finalbody, guarded)
        else:  # functions and classes see the guard above them; so do if/with/for blocks
            for block in _BLOCKS:
                lines += _unguarded(getattr(stmt, block, None) or [], guarded)
    return lines


def unguarded_torch_imports(source: str) -> list[int]:
    """Line numbers of the torch imports in ``source`` that no skip or ImportError guards."""
    return sorted(_unguarded(ast.parse(source).body, guarded=False))


def test_no_test_module_needs_torch_to_be_collected():
    offenders = [f"{path.relative_to(TESTS.parent)}:{line}"
                 for path in sorted(TESTS.rglob("*.py"))
                 for line in unguarded_torch_imports(path.read_text(encoding="utf-8"))]
    assert not offenders, ("import torch without pytest.importorskip('torch') before it "
                           "(the suite must pass without torch): " + ", ".join(offenders))


@pytest.mark.parametrize("source, lines", [
    ("import torch\n", [1]),
    ("import numpy\nimport torch.nn.functional as F\n", [2]),
    ("from torch import nn\n", [1]),
    ("import pytest\n\ndef test_a():\n    import torch\n", [4]),
    ("class TestA:\n    def test_a(self):\n        from torch.nn import functional\n", [3]),
    ("if True:\n    import torch\n", [2]),
    ("try:\n    import torch\nexcept ValueError:\n    pass\n", [2]),
    ("import torchvision\nimport torchaudio as t\n", []),
    ("torch = pytest.importorskip('torch')\nimport torch.nn.functional as F\n", []),
    ("import pytest\npytest.importorskip('torch')\n\ndef test_a():\n    import torch\n", []),
    ("def test_a():\n    torch = pytest.importorskip('torch')\n    import torch.nn as nn\n", []),
    ("def test_a():\n    import torch\n    torch = pytest.importorskip('torch')\n", [2]),
    ("def f():\n    pytest.importorskip('torch')\n\ndef g():\n    import torch\n", [5]),
    ("try:\n    import torch\nexcept ImportError:\n    torch = None\n", []),
    ("try:\n    import torch\nexcept (OSError, ModuleNotFoundError):\n    torch = None\n", []),
    ("code = '''\nimport torch\n'''\n", []),
    ("from . import torch_helpers\nfrom .torch import x\n", []),
])
def test_the_check_tells_guarded_from_unguarded_imports(source, lines):
    assert unguarded_torch_imports(source) == lines

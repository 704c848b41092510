"""Importing long programs: refused before any graph is built when past the node limit, the
names found in one pass exactly as a full walk of the syntax tree finds them, and the cycle
collector paused only for the length of an import."""

import ast
import gc

import pytest

from graphstudio.graph.model import Graph
from graphstudio.pytorch import import_source
from graphstudio.pytorch.code_import import CodeImportError, graph_from_code
from graphstudio.pytorch.import_scan import scan_program


@pytest.fixture
def nodes_added(monkeypatch):
    """How many times any graph had a node added (a list, so that it can be read later)."""
    calls = []
    add_node = Graph.add_node

    def counting(self, *args, **kwargs):
        calls.append(args[0] if args else kwargs.get("type"))
        return add_node(self, *args, **kwargs)

    monkeypatch.setattr(Graph, "add_node", counting)
    return calls


def program(assignments: int, with_block: bool = False) -> str:
    lines = ["import torch", "x = torch.ones(2)"]
    body = [f"y{i} = x * 2" for i in range(assignments - 1)]
    if with_block:
        lines += ["with torch.no_grad():"] + ["    " + line for line in body]
    else:
        lines += body
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("with_block", [False, True])
def test_a_program_past_the_node_limit_is_refused_before_a_node_is_built(
        monkeypatch, nodes_added, with_block):
    monkeypatch.setattr(import_source, "MAX_NODES", 40)
    graph = graph_from_code(program(40, with_block))  # at the limit: built
    assert len(graph) > 40 and nodes_added  # (constants 2 add nodes of their own)
    nodes_added.clear()
    with pytest.raises(CodeImportError) as refused:
        graph_from_code(program(41, with_block))
    assert str(refused.value) == ("the code would make at least 41 nodes, more than the limit "
                                  "of 40 in a graph")
    assert refused.value.line is None
    assert nodes_added == []  # refused while reading: not one node of any graph was made


SCANNED = '''
"""A docstring."""
import torch
a = torch.ones(2)
a = a * 2
b, (c, d) = a, (a, a)
e += (f := a) + sum(g for g in [a])
print([h for h in range(2)], k := 3)
for i in range(2):
    j = a
    j = i
else:
    m = 1
with torch.no_grad() as n:
    p = a
while q := 0:
    r = 1
try:
    s = 1
except ValueError as t:
    u = 1
finally:
    v = 1
def fn(w, *x2, y2=1):
    z = w
    return z + (zz := 1)
class K:
    kk = 1
match a:
    case [mm, 2] if (gg := mm):
        mc = 1
lam = lambda la: (la2 := la)
ann: int = (an := 2)
aug = 1
aug -= 1
del aug
'''


def walked(tree: ast.Module):
    """What a full walk of ``tree`` finds (the definitions :func:`scan_program` keeps)."""
    assigned = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign | ast.AugAssign)
                for t in ast.walk(n) if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)}
    stores: dict[str, int] = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            stores[n.id] = stores.get(n.id, 0) + 1
    reads = {s: sorted(n.id for n in ast.walk(s.value) if isinstance(n, ast.Name))
             for s in ast.walk(tree) if isinstance(s, ast.stmt)
             and isinstance(getattr(s, "value", None), ast.AST)}
    return assigned, {k for k, v in stores.items() if v > 1}, reads


@pytest.mark.parametrize("text", [SCANNED, "import torch\n", program(30, True)])
def test_one_pass_finds_the_names_a_full_walk_finds(text):
    tree = ast.parse(text)
    assigned, reassigned, reads = walked(tree)
    found = scan_program(tree)
    assert found.assigned == assigned
    assert found.reassigned == reassigned
    assert {s: sorted(names) for s, names in found.value_names.items()} == reads
    if text == SCANNED:
        assert {"a", "b", "c", "d", "e", "f", "p", "z", "kk", "mc", "lam", "la2", "g", "aug"} \
            <= found.assigned
        assert not {"h", "i", "k", "n", "t", "w", "zz", "gg", "an"} & found.assigned
        assert reassigned == {"a", "j", "aug"}


def test_the_cycle_collector_is_paused_only_while_importing(monkeypatch):
    seen = []
    infer = graph_from_code.__globals__["infer_shapes"]
    monkeypatch.setitem(graph_from_code.__globals__, "infer_shapes",
                        lambda g: seen.append(gc.isenabled()) or infer(g))
    assert gc.isenabled()
    graph_from_code("import torch\nx = torch.ones(2)\ny = x * 2\n")
    assert seen == [False] and gc.isenabled()
    with pytest.raises(CodeImportError, match="line 3: unknown name 'q'"):
        graph_from_code("import torch\nx = torch.ones(2)\ny = q * 2\n")
    assert gc.isenabled()  # on again after a refusal too
    gc.disable()
    try:
        graph_from_code("import torch\nx = torch.ones(2)\n")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


@pytest.mark.parametrize("text", ["import torch\nx = torch.ones(2)\ny = x * 2\n",
                                  "import torch\nx = torch.ones(2)\ny = q * 2\n"])
def test_the_builder_and_its_syntax_tree_are_freed_at_once(monkeypatch, text):
    """No reference cycle is left for the collector: a long program's tree (hundreds of
    thousands of objects) is freed when the import ends, not at the next full collection."""
    import weakref

    builders = []
    make = graph_from_code.__globals__["_Builder"]

    def recorded(tree):
        b = make(tree)
        builders.append(weakref.ref(b))
        return b

    monkeypatch.setitem(graph_from_code.__globals__, "_Builder", recorded)
    gc.disable()
    try:
        try:
            graph_from_code(text)
        except CodeImportError:
            pass
        assert len(builders) == 1 and builders[0]() is None
    finally:
        gc.enable()

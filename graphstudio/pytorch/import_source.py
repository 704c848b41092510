"""Reading a program for the code importer (:mod:`graphstudio.pytorch.code_import`): its text
parsed, and refused at once when it is too long or would make more nodes than a graph holds,
before a single node is built.
"""

from __future__ import annotations

import ast

from graphstudio.graph.limits import MAX_NODES
from graphstudio.pytorch.import_tensors import CodeImportError

__all__ = ["MAX_CODE_CHARS", "least_nodes", "parse_code"]

MAX_CODE_CHARS = 20_000_000

#: assigned values that make at least one node: an op, a call, a number, ``a = b`` (an Output)
_MAKES_A_NODE = (ast.BinOp, ast.UnaryOp, ast.Call, ast.Constant, ast.Name)


def least_nodes(statements) -> int:
    """The fewest nodes ``statements`` can make (each assignment of a value above makes one)."""
    count = 0
    for s in statements:
        if isinstance(s, ast.With):
            count += least_nodes(s.body)
        elif isinstance(s, ast.AugAssign) or (isinstance(s, ast.Assign)
                                              and isinstance(s.value, _MAKES_A_NODE)):
            count += 1
    return count


def parse_code(text: str) -> ast.Module:
    """The module ``text`` holds; CodeImportError when it is too long, not Python, or would
    make more than MAX_NODES nodes."""
    if len(text) > MAX_CODE_CHARS:
        raise CodeImportError(f"the code is too long ({len(text)} characters)")
    try:
        tree = ast.parse(text)
    except SyntaxError as ex:
        raise CodeImportError(f"syntax error: {ex.msg}", ex.lineno) from None
    except (RecursionError, MemoryError, ValueError) as ex:
        raise CodeImportError(f"cannot read the code: {type(ex).__name__}") from None
    least = least_nodes(tree.body)
    if least > MAX_NODES:
        raise CodeImportError(f"the code would make at least {least:,} nodes, more than the "
                              f"limit of {MAX_NODES:,} in a graph")
    return tree


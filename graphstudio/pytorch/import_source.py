"""Reading a program for the code importer (:mod:`graphstudio.pytorch.code_import`): its text
parsed, and refused at once when it is too long or would make more nodes than a graph holds,
before a single node is built.

The character limit stays what one big tensor literal needs (10 million elements of two
characters or more), so it cannot also bound the statements. A long program is therefore read
in slices of CHUNK_LINES lines first: a slice that parses on its own ends where a statement
ends (an open string, bracket or continuation would be a syntax error), so the statements of
the slices are exactly the program's, and their nodes are counted as they come. Once the count
passes MAX_NODES the program is refused, after parsing a sixth of a 600,000-line program
instead of all of it (and one slice's tree in memory, not the whole program's). A slice that
does not parse alone (a literal or block spanning its edge) ends the slicing: the whole text is
then parsed as usual, so a program that fits is never refused.
"""

from __future__ import annotations

import ast

from graphstudio.graph.limits import MAX_NODES
from graphstudio.pytorch.import_tensors import CodeImportError

__all__ = ["MAX_CODE_CHARS", "least_nodes", "parse_code"]

MAX_CODE_CHARS = 20_000_000
CHUNK_LINES = 20_000  # lines a slice of a long program (see the module docstring)

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
        raise CodeImportError(f"the code is too long ({len(text):,} characters; at most "
                              f"{MAX_CODE_CHARS:,})")
    if text.count("\n") > MAX_NODES:  # only then can slices prove too many statements
        _refuse_if_slices_overflow(text)
    try:
        tree = ast.parse(text)
    except SyntaxError as ex:
        raise CodeImportError(f"syntax error: {ex.msg}", ex.lineno) from None
    except (RecursionError, MemoryError, ValueError) as ex:
        raise CodeImportError(f"cannot read the code: {type(ex).__name__}") from None
    _refuse_beyond_limit(least_nodes(tree.body))
    return tree


def _refuse_beyond_limit(least: int) -> None:
    if least > MAX_NODES:
        raise CodeImportError(f"the code would make at least {least:,} nodes, more than the "
                              f"limit of {MAX_NODES:,} in a graph")


def _refuse_if_slices_overflow(text: str) -> None:
    """CodeImportError as soon as whole slices of ``text`` prove more than MAX_NODES nodes;
    returns quietly when a slice does not parse alone or the count stays within the limit."""
    lines = text.split("\n")
    least = 0
    for start in range(0, len(lines), CHUNK_LINES):
        try:
            tree = ast.parse("\n".join(lines[start:start + CHUNK_LINES]))
        except (SyntaxError, RecursionError, MemoryError, ValueError):
            return  # the full parse below says what is wrong, or counts exactly
        least += least_nodes(tree.body)
        del tree
        _refuse_beyond_limit(least)


"""The names a program uses, found in one pass over its syntax tree before the code importer
(:mod:`graphstudio.pytorch.code_import`) builds anything.

The importer needs, before the first node: every name assigned anywhere (so a generated name
never takes one the program uses later), how often each name is assigned (a name assigned
twice may be a recomputation, :mod:`graphstudio.pytorch.session_import`), and for each
statement the names its value reads. :func:`scan_program` gathers all three in a single walk,
so reading a program costs the same per statement however long it is.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

__all__ = ["ProgramNames", "names_in", "scan_program"]

#: nodes below which no name can be (operators, load/store markers, constants)
_NO_NAMES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop, ast.Constant)
#: the types of values below which no name can be, known without isinstance: markers,
#: operators, constants, and a field's plain values (an attribute's name, a missing part)
_LEAVES = frozenset({ast.Constant, str, int, type(None),
                     *(c for base in _NO_NAMES[:-1] for c in base.__subclasses__())})
#: what holds statements: a statement, an ``except`` clause, a ``case`` of a match
_HOLDS_STATEMENTS = (ast.stmt, ast.excepthandler, ast.match_case)


@dataclass
class ProgramNames:
    """What :func:`scan_program` found."""

    #: names stored by an assignment statement (``a = ...``, ``a += ...``, at any depth)
    assigned: set[str] = field(default_factory=set)
    #: names stored more than once anywhere in the program
    reassigned: set[str] = field(default_factory=set)
    #: statement -> the names its ``value`` reads or stores, in no particular order
    value_names: dict[ast.stmt, list[str]] = field(default_factory=dict)


def names_in(node: ast.AST, out: list[ast.Name]) -> list[ast.Name]:
    """Every :class:`ast.Name` in the tree under ``node`` (itself included), added to ``out``:
    the ones :func:`ast.walk` finds, without its per-node generators."""
    stack = [node]
    push, pop, found = stack.append, stack.pop, out.append
    while stack:
        node = pop()
        if type(node) is ast.Name:
            found(node)
            continue
        for name in node._fields:
            child = getattr(node, name, None)
            kind = type(child)
            if kind is list:
                for c in child:
                    if type(c) not in _LEAVES and isinstance(c, ast.AST) and \
                            not isinstance(c, _NO_NAMES):
                        push(c)
            elif kind not in _LEAVES and isinstance(child, ast.AST) and \
                    not isinstance(child, _NO_NAMES):
                push(child)
    return out


def scan_program(tree: ast.Module) -> ProgramNames:
    """The names ``tree`` assigns, reassigns and reads (see :class:`ProgramNames`)."""
    found = ProgramNames()
    stores: dict[str, int] = {}
    holders = [tree]
    while holders:
        holder = holders.pop()
        for field_name in holder._fields:
            child = getattr(holder, field_name, None)
            if type(child) is list and child and isinstance(child[0], _HOLDS_STATEMENTS):
                holders.extend(child)
            elif isinstance(holder, ast.stmt) and field_name == "value" and \
                    isinstance(child, ast.AST):
                names = names_in(child, [])
                found.value_names[holder] = [n.id for n in names]
                _count_stores(holder, names, stores, found)
            elif isinstance(child, ast.AST) or type(child) is list:
                _count_stores(holder, _names_of_field(child), stores, found)
    found.reassigned = {name for name, count in stores.items() if count > 1}
    return found


def _names_of_field(child) -> list[ast.Name]:
    out: list[ast.Name] = []
    for c in child if type(child) is list else (child,):
        if isinstance(c, ast.AST):
            names_in(c, out)
    return out


def _count_stores(holder: ast.AST, names: list[ast.Name], stores: dict[str, int],
                  found: ProgramNames) -> None:
    assignment = isinstance(holder, ast.Assign | ast.AugAssign)
    for n in names:
        if type(n.ctx) is ast.Store:
            stores[n.id] = stores.get(n.id, 0) + 1
            if assignment:
                found.assigned.add(n.id)

"""Reading a program's cells as a session, for :mod:`graphstudio.pytorch.code_import`.

The importer builds the graph statement by statement; :class:`SessionRecorder` follows along
and keeps what the program *does* with it, in order (see
:mod:`graphstudio.graph.session_actions`):

* nodes built since the last action are computed by a :class:`Forward` placed before the next
  print, backward or ``zero_()`` (under ``torch.no_grad()`` when they were built inside one);
* assigning a name again to the same expression of the same inputs (``z = torch.matmul(x, w)
  + b`` once more, inside ``with torch.no_grad():`` or not) reuses its nodes: a Forward of
  exactly the nodes that statement made;
* every ``x.backward(...)``, ``x.grad.zero_()`` and ``print(...)`` becomes its action; a print
  keeps the program's text, f-strings and fields (a value, ``.grad``, ``.requires_grad``,
  ``.grad_fn``).

A program needs a session when it does something one forward and one backward cannot show: a
second backward, a ``zero_()``, a recomputation, or a print followed by more work. Otherwise
(one backward, prints only at the end, like an exported script) the graph stays a plain
document, exactly as before sessions existed.
"""

from __future__ import annotations

import ast

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.session_actions import FIELD_ATTRS, Backward, Field, Forward, Print, ZeroGrad
from graphstudio.pytorch.import_scan import ProgramNames

__all__ = ["SessionRecorder"]


class SessionRecorder:
    """Follows a code importer (``builder``: its graph ``g``, ``env``, ``no_grad`` depth,
    ``lookup``, ``literal`` and ``fail``) and records the session."""

    def __init__(self, builder, names: ProgramNames):
        self.b = builder
        self.actions: list = []
        self.made: list[str] = []      # every node id, in the order the importer added them
        self.pending: list[tuple[str, bool]] = []  # built, not yet computed: (id, no_grad)
        self.needed = False
        self.printed_last = False      # the last action was a print (more work: a session)
        self.backwards = 0
        self.reassigned = names.reassigned
        self.value_names = names.value_names
        self.assigned: dict[str, tuple] = {}  # name -> (expression, reads, made ids, result)

    def added(self, node_id: str) -> None:
        """The importer added node ``node_id`` (it calls this for every node it adds)."""
        self.made.append(node_id)
        self.pending.append((node_id, self.b.no_grad > 0))

    # ------------------------------------------------------------------ statements
    def mark(self, stmt) -> int:
        """Before ``stmt`` runs: what its expression reads now (``h = torch.tanh(h)`` reads the
        old ``h``, not the one it makes; only :meth:`done` of a name assigned again needs
        it), and how many nodes exist."""
        if _assigned_name(stmt) in self.reassigned:
            env = self.b.env
            self.reads_before = {n: env.get(n) for n in self.value_names.get(stmt, ())}
        return len(self.made)

    def done(self, stmt, mark: int) -> None:
        """After ``stmt`` ran: remember an assignment that may be repeated later, and note
        that building after a print makes the prints part of a session."""
        if len(self.made) > mark and self.printed_last:
            self.needed = True
        target = _assigned_name(stmt)
        if target is None or target not in self.reassigned or target not in self.b.env \
                or len(self.made) == mark:
            return
        self.assigned[target] = (stmt.value, self.reads_before, tuple(self.made[mark:]),
                                 self.b.env[target])

    def recompute(self, stmt) -> bool:
        """``name = <the same expression as before>``: a Forward of its nodes (True), or not
        a recomputation (False: the importer builds new nodes as usual)."""
        name = _assigned_name(stmt)
        old = self.assigned.get(name) if name is not None else None
        if old is None or self.b.env.get(name) != old[3]:
            return False
        value, reads, made, _ = old
        if type(stmt.value) is not type(value) or any(
                self.b.env.get(n) != ref for n, ref in reads.items()) or \
                ast.dump(stmt.value) != ast.dump(value):
            return False  # the cheap tests first: comparing whole expressions costs more
        g = self.b.g
        kinds = [NODE_TYPES[g.nodes[n].type] for n in made]
        if any(nt.type_id == "parameter" for nt in kinds) or all(
                nt.has_tensor or nt.type_id in ("constant", "output") for nt in kinds):
            return False  # a new leaf (or only a number) in PyTorch: a new node here too
        self.needed = True
        self.flush()
        self.add(Forward(tuple(made), self.b.no_grad > 0))
        return True

    def flush(self) -> None:
        """A Forward for the nodes built since the last one (split where no_grad changes)."""
        pending, start = self.pending, 0
        self.pending = []
        while start < len(pending):
            mode, end = pending[start][1], start
            while end < len(pending) and pending[end][1] == mode:
                end += 1
            self.add(Forward(tuple(nid for nid, _ in pending[start:end]), mode))
            start = end

    def add(self, action) -> None:
        last = self.actions[-1] if self.actions else None
        if isinstance(action, Forward) and isinstance(last, Forward) and \
                last.no_grad == action.no_grad:
            had = set(last.nodes)
            nodes = last.nodes + tuple(n for n in action.nodes if n not in had)
            self.actions[-1] = Forward(nodes, action.no_grad)
        else:
            self.actions.append(action)
        self.printed_last = isinstance(action, Print)

    # ------------------------------------------------------------------ actions
    def backward(self, e: ast.Call, nid: str) -> tuple:
        """``nid.backward(gradient, retain_graph)``: recorded; returns (seed spec or None,
        retain_graph) for the document's own run options."""
        b = self.b
        kw = {k.arg: k.value for k in e.keywords}
        if set(kw) - {"gradient", "retain_graph"} or len(e.args) > 2:
            b.fail("backward takes gradient and retain_graph only")
        args = dict(zip(("gradient", "retain_graph"), e.args, strict=False))
        if set(args) & set(kw):
            b.fail("backward got an argument twice")
        args.update(kw)
        seed = None if args.get("gradient") is None else b.seed_spec(args["gradient"])
        flag = b.literal(args["retain_graph"]) if "retain_graph" in args else None
        if not isinstance(flag, bool | None):
            b.fail("retain_graph must be True or False")
        self.flush()
        self.backwards += 1
        if self.backwards > 1 or self.printed_last:
            self.needed = True
        self.add(Backward(nid, seed, bool(flag)))
        return seed, bool(flag)

    def call_statement(self, e: ast.Call) -> bool:
        """``x.grad.zero_()`` (True when recorded)."""
        f = e.func
        if not (isinstance(f, ast.Attribute) and f.attr == "zero_" and not e.args
                and not e.keywords and isinstance(f.value, ast.Attribute)
                and f.value.attr == "grad" and isinstance(f.value.value, ast.Name)):
            return False
        nid, _ = self.b.lookup(f.value.value.id)
        self.flush()
        self.needed = True
        self.add(ZeroGrad(nid))
        return True

    def print_call(self, e: ast.Call) -> None:
        sep, end = " ", "\n"
        for k in e.keywords:
            value = self.b.literal_or_none(k.value)
            if k.arg not in ("sep", "end") or not isinstance(value, str | type(None)):
                self.b.fail("print takes sep= and end= strings only here")
            if value is not None:
                sep, end = (value, end) if k.arg == "sep" else (sep, value)
        if any(isinstance(a, ast.Starred) for a in e.args):
            self.b.fail("print(*args) is not supported")
        args = tuple(self.argument(a) for a in e.args)
        self.flush()
        self.add(Print(args, sep, end))

    def argument(self, a) -> tuple:
        if isinstance(a, ast.JoinedStr):
            pieces = []
            for v in a.values:
                if isinstance(v, ast.Constant):
                    pieces.append(v.value)
                    continue
                if v.format_spec is not None:
                    self.b.fail("a format spec in a printed f-string ({x:.4f}) is not "
                                "supported: print the value itself")
                if v.conversion not in (-1, ord("r"), ord("s")):
                    self.b.fail("only !r and !s conversions are supported in a print")
                pieces.append(self.field(v.value, "r" if v.conversion == ord("r") else ""))
            return tuple(pieces)
        if isinstance(a, ast.Constant) and isinstance(a.value, str | int | float | bool):
            return (str(a.value),)
        return (self.field(a, ""),)

    def field(self, e, conversion: str) -> Field:
        attr = "value"
        if isinstance(e, ast.Attribute) and e.attr in FIELD_ATTRS[1:]:
            attr, e = e.attr, e.value
        if not isinstance(e, ast.Name):
            self.b.fail(f"print shows a name or its .grad, .requires_grad or .grad_fn, not "
                        f"{ast.unparse(e)[:60]}")
        nid, port = self.b.lookup(e.id)
        if port is None or len(NODE_TYPES[self.b.g.nodes[nid].type].output_names) > 1:
            self.b.fail(f"printing {e.id}, one of several outputs, is not supported")
        return Field(nid, attr, conversion)

    # ------------------------------------------------------------------ the end
    def finish(self) -> None:
        """Store the session on the graph when the program needs one."""
        if not self.needed:
            return
        self.flush()
        actions = list(self.actions)
        first = actions[0] if actions else None
        if isinstance(first, Forward) and not first.no_grad and \
                set(first.nodes) == set(self.b.g.nodes):
            actions[0] = Forward(None, False)
        self.b.g.set_run_option("session", tuple(actions))


def _assigned_name(stmt) -> str | None:
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
            isinstance(stmt.targets[0], ast.Name):
        return stmt.targets[0].id
    return None

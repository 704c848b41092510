"""The ``wait:`` and ``check:`` lines of a lesson step: parsing and evaluation.

A **wait** names something the learner does; it is met by an :class:`Event` seen after the step
began (the window reports them: runs shown, menu actions used, edits to the document):

=====================  ==========================================================
``forward``            a forward pass is shown to its end (Forward, Step, Play, Run to End)
``backward``           a backward pass is shown to its end
``reach NAME``         the shown backward step reaches NAME (its grad_fn, or a leaf's
                       AccumulateGrad) while stepping, playing or clicking in the Steps list
``action KEY``         the window action KEY is used (menu, toolbar or shortcut)
``edit NAME ATTR``     attribute ATTR of node NAME is changed (e.g. ``edit w requires_grad``)
``option KEY``         the run option KEY is changed (``zero_grad``, ``no_grad``, ``loss`` …)
``connect SRC DST``    a wire from SRC into DST is added
``train``              a training run finishes and writes its parameters
=====================  ==========================================================

A **check** is state that must hold (now), read from the document and from the run as shown:

=================================  ===============================================
``grad NAME ~ VALUES``             NAME's shown ``.grad`` equals VALUES (JSON numbers or
                                   nested lists, broadcast; within half a unit of the
                                   last decimal written); also ``< X``, ``> X``,
                                   ``none`` (``.grad`` is None) and ``set``
``value NAME ~ VALUES``            the same for NAME's shown value
``grad_fn NAME NAME_OF_FN``        e.g. ``grad_fn z AddBackward0`` (or ``none``)
``requires_grad NAME true|false``  of the shown tensor
``is_leaf NAME true|false``        of the shown tensor
``attr NAME KEY JSON``             a node attribute in the document
``option KEY true|false``          a run option (``zero_grad``, ``no_grad``, ``retain_graph``)
``wire SRC DST``                   a wire from SRC into DST exists
``training_loss < X``              the last training run's final loss (``>`` too)
=================================  ===============================================
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np

__all__ = ["BOOL_OPTIONS", "CHECKS", "WAITS", "Condition", "Event", "parse_condition"]

WAITS = {"forward": 0, "backward": 0, "reach": 1, "action": 1, "edit": 2, "option": 1,
         "connect": 2, "train": 0}
CHECKS = {"grad": None, "value": None, "grad_fn": 2, "requires_grad": 2, "is_leaf": 2,
          "attr": None, "option": 2, "wire": 2, "training_loss": 2}
BOOL_OPTIONS = ("zero_grad", "no_grad", "retain_graph")
_DECIMALS = re.compile(r"\d\.(\d+)")


@dataclass(frozen=True)
class Event:
    """Something that happened: ``kind`` (a wait name) and its subjects (node ids, keys)."""

    kind: str
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    """One parsed ``wait:`` or ``check:`` line (``text`` as written)."""

    role: str          # "wait" or "check"
    kind: str
    args: tuple[str, ...]
    text: str
    line: int
    target: object = None   # parsed numbers / JSON value, when the kind takes one
    op: str = ""            # "~", "<", ">", "none", "set"

    # ------------------------------------------------------------------ waits
    def met_by(self, event: Event, graph) -> bool:
        """True if ``event`` is what this wait asks for (names resolved in ``graph``)."""
        if event.kind != self.kind:
            return False
        if self.kind in ("reach", "edit", "connect"):
            ids = [_node_id(graph, n) for n in self.args[:2 if self.kind == "connect" else 1]]
            if ids != list(event.args[:len(ids)]):
                return False
            return self.kind != "edit" or event.args[1] == self.args[1]
        return self.args == event.args[:len(self.args)]

    # ------------------------------------------------------------------ checks
    def holds(self, world) -> tuple[bool, str]:
        """(True, "") if this check holds in ``world`` (``graph``, ``timeline``, ``k``,
        ``valid``, ``training_loss``); else (False, why)."""
        g = world.graph
        if self.kind == "option":
            from graphstudio.run.runner import RunOptions

            now = bool(getattr(RunOptions.from_graph(g), self.args[0]))
            return _verdict(now == self.target, f"{self.args[0]} is {now}")
        if self.kind == "training_loss":
            loss = world.training_loss
            if loss is None:
                return False, "no training run has finished"
            return _compare(np.asarray(loss), self.op, self.target, self.args[-1])
        node = g.node_by_name(self.args[0])
        if node is None:
            return False, f"no node named {self.args[0]!r}"
        if self.kind == "attr":
            now = node.attrs.get(self.args[1])
            return _verdict(now == self.target, f"{self.args[1]} is {now!r}")
        if self.kind == "wire":
            src = g.node_by_name(self.args[1])
            ok = src is not None and any(e.src == node.id and e.dst == src.id for e in g.edges)
            return _verdict(ok, "no such wire")
        return self._shown(world, node.id)

    def _shown(self, world, node_id: str) -> tuple[bool, str]:
        tl = world.timeline
        if tl is None or not world.valid:
            return False, "nothing is shown (run first)"
        try:
            state = tl.node_state(node_id, world.k)
        except KeyError:
            return False, f"{self.args[0]} is not in the shown run"
        if self.kind in ("requires_grad", "is_leaf"):
            if not state.computed:
                return False, f"{self.args[0]} is not computed yet"
            now = getattr(state, self.kind)
            return _verdict(now == self.target, f"{self.kind} is {now}")
        if self.kind == "grad_fn":
            if not state.computed:
                return False, f"{self.args[0]} is not computed yet"
            return _verdict((state.grad_fn or "none") == self.target, f"grad_fn {state.grad_fn}")
        shown = state.grad if self.kind == "grad" else state.value
        if self.op == "none":
            return _verdict(shown is None, "it is set")
        if shown is None:
            return False, f"{self.kind} is None"
        if self.op == "set":
            return True, ""
        return _compare(np.asarray(shown, dtype=float), self.op, self.target, self.text)


def _node_id(graph, name: str) -> str | None:
    node = graph.node_by_name(name)
    return node.id if node is not None else None


def _verdict(ok: bool, why: str) -> tuple[bool, str]:
    return (True, "") if ok else (False, why)


def _compare(shown: np.ndarray, op: str, target, text: str) -> tuple[bool, str]:
    if op in ("<", ">"):
        ok = bool(np.all(shown < target) if op == "<" else np.all(shown > target))
        return _verdict(ok, f"shown {np.round(shown, 4).tolist()}")
    want = np.asarray(target, dtype=float)
    try:
        np.broadcast_shapes(shown.shape, want.shape)
    except ValueError:
        return False, f"shape {list(shown.shape)} does not match {list(want.shape)}"
    places = [len(m) for m in _DECIMALS.findall(text.split("~", 1)[-1])]
    tol = 0.5 * 10.0 ** -max(places) if places else 1e-4
    ok = bool(np.all(np.abs(shown - want) <= tol * 1.0001))
    return _verdict(ok, f"shown {np.round(shown, 4).tolist()}")


# ====================================================================== parsing
def parse_condition(role: str, text: str, line: int) -> Condition:
    """Parse one ``wait:`` (role "wait") or ``check:`` line; ValueError saying what is wrong."""
    words = text.split()
    if not words:
        raise ValueError(f"an empty {role}:")
    kind, args = words[0], tuple(words[1:])
    table = WAITS if role == "wait" else CHECKS
    if kind not in table:
        raise ValueError(f"unknown {role} {kind!r}; one of: {', '.join(table)}")
    if role == "wait":
        _arity(kind, args, WAITS[kind], "NAME/KEY")
        return Condition(role, kind, args, text, line)
    return _parse_check(kind, args, text, line)


def _arity(kind: str, args: tuple, n: int, what: str) -> None:
    if len(args) != n:
        raise ValueError(f"{kind!r} takes {n} word{'s' * (n != 1)} after it, got {len(args)}")


def _parse_check(kind: str, args: tuple, text: str, line: int) -> Condition:
    make = lambda target=None, op="", a=args: Condition(  # noqa: E731
        "check", kind, a, text, line, target, op)
    if kind in ("grad", "value"):
        if len(args) == 2 and args[1] in ("none", "set"):
            return make(op=args[1], a=args[:1])
        if len(args) < 3 or args[1] not in ("~", "<", ">"):
            raise ValueError(f"write {kind} NAME ~ VALUES, {kind} NAME < X, {kind} NAME > X, "
                             f"{kind} NAME none or {kind} NAME set")
        return make(_numbers(" ".join(args[2:]), args[1]), args[1], args[:1])
    if kind == "training_loss":
        if len(args) != 2 or args[0] not in ("<", ">"):
            raise ValueError("write training_loss < X or training_loss > X")
        return make(_numbers(args[1], args[0]), args[0])
    if kind == "attr":
        if len(args) < 3:
            raise ValueError("write attr NAME KEY VALUE (VALUE in JSON: true, 0.5, \"text\")")
        return make(_json(" ".join(args[2:])), a=args[:2])
    _arity(kind, args, CHECKS[kind], "")
    if kind in ("requires_grad", "is_leaf", "option"):
        if args[1] not in ("true", "false"):
            raise ValueError(f"{kind} takes true or false, got {args[1]!r}")
        if kind == "option" and args[0] not in BOOL_OPTIONS:
            raise ValueError(f"unknown option {args[0]!r}; one of: {', '.join(BOOL_OPTIONS)}")
        return make(args[1] == "true")
    if kind == "grad_fn":
        return make(args[1])
    return make()


def _json(text: str):
    try:
        return json.loads(text)
    except ValueError:
        raise ValueError(f"not a JSON value: {text!r}") from None


def _numbers(text: str, op: str):
    value = _json(text)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"not numbers: {text!r}") from None
    if arr.dtype == object or not np.all(np.isfinite(arr)):
        raise ValueError(f"not finite numbers: {text!r}")
    if op in ("<", ">") and arr.ndim:
        raise ValueError(f"{op} takes one number, got {text!r}")
    return arr

"""Gradient hooks of the document: ``tensor.register_hook(fn)`` on a node's output.

The run option ``"hooks"`` maps node ids to a hook: ``{"kind": "print"}``, ``{"kind": "scale",
"k": 0.5}`` (the gradient times k) or ``{"kind": "clip", "c": 1.0}`` (``g.clamp(-c, c)``). This
module is the one source of what each hook means: :func:`hook_text` (the step's words),
:func:`hook_source` (the line the exported script registers) and :func:`hook_function` (what
the runner registers with the engine; the same text is printed by a print hook).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from graphstudio.graph.literals import format_number

__all__ = ["HOOK_KINDS", "check_hooks", "hook_function", "hook_source", "hook_text",
           "print_prefix"]

#: kind -> the number it takes (None: no number)
HOOK_KINDS = {"print": None, "scale": "k", "clip": "c"}


def check_hooks(value) -> dict[str, dict]:
    """``value`` as a hooks mapping ({node id: hook}), or ValueError saying what is wrong."""
    if not isinstance(value, Mapping):
        raise ValueError("hooks must map node ids to hooks")
    out = {}
    for nid, hook in value.items():
        if not isinstance(nid, str) or not isinstance(hook, Mapping):
            raise ValueError(f"hook for {nid!r} must be an object with a kind")
        kind = hook.get("kind")
        if kind not in HOOK_KINDS:
            raise ValueError(f"hook kind must be one of {', '.join(HOOK_KINDS)}, got {kind!r}")
        key = HOOK_KINDS[kind]
        if set(hook) - {"kind", key}:
            raise ValueError(f"a {kind} hook takes {key or 'no number'}, got "
                             f"{sorted(set(hook) - {'kind'})}")
        if key is None:
            out[nid] = {"kind": kind}
            continue
        number = hook.get(key)
        if isinstance(number, bool) or not isinstance(number, int | float) or \
                not math.isfinite(number) or (kind == "clip" and number < 0):
            what = "a number >= 0" if kind == "clip" else "a finite number"
            raise ValueError(f"{kind} hook: {key} must be {what}, got {number!r}")
        out[nid] = {"kind": kind, key: float(number)}
    return out


def hook_text(hook: Mapping) -> str:
    """What the hook does, in the Steps dock's words: ``grad × 0.5``."""
    kind = hook["kind"]
    if kind == "scale":
        return f"grad \u00d7 {format_number(hook['k'])}"
    if kind == "clip":
        c = format_number(hook["c"])
        return f"grad.clamp(-{c}, {c})"
    return "print(grad)"


def print_prefix(name: str) -> str:
    """What a print hook on node ``name`` prints before the gradient."""
    return f"grad of {name}:"


def hook_source(name: str, hook: Mapping) -> str:
    """The PyTorch line registering the hook on tensor ``name``."""
    kind = hook["kind"]
    if kind == "scale":
        body = f"g * {format_number(hook['k'])}"
    elif kind == "clip":
        c = format_number(hook["c"])
        body = f"g.clamp(-{c}, {c})"
    else:
        body = f"print({print_prefix(name)!r}, g)"
    return f"{name}.register_hook(lambda g: {body})"


def hook_function(name: str, hook: Mapping, log: Callable) -> Callable:
    """The function to register on tensor ``name``: it does what :func:`hook_source` says and
    calls ``log(before, after, printed)`` (``printed``: a print hook's line, else None)."""
    kind = hook["kind"]

    def run(g):
        printed = None
        if kind == "scale":
            out = g * hook["k"]
        elif kind == "clip":
            out = g.clamp(-hook["c"], hook["c"])
        else:
            out, printed = g, f"{print_prefix(name)} {g!s}"  # print(a, g): str(g)
        log(g, out, printed)
        return None if kind == "print" else out

    return run

"""Reading ``torch.autograd.grad(outputs, inputs, create_graph=True)`` as a Grad node.

The code importer calls :func:`grad_operands` for the spellings a graph can hold:
``torch.autograd.grad(y, x, create_graph=True)[0]`` (what the exporter writes) and
``g, = torch.autograd.grad(...)`` / ``(g,) = ...``; ``outputs`` and ``inputs`` may be given as
one-element lists or tuples and by keyword. A Grad node always records its backward, so the
call must say ``create_graph=True``; anything it cannot hold is refused with the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

__all__ = ["AUTOGRAD_GRAD", "grad_operands", "is_autograd_grad"]

AUTOGRAD_GRAD = "torch.autograd.grad"
_SIGNATURE = ("outputs", "inputs", "grad_outputs", "retain_graph", "create_graph")
_HARMLESS = {"grad_outputs": (None,), "retain_graph": (None, True), "only_inputs": (True,),
             "allow_unused": (None, False), "is_grads_batched": (False,),
             "materialize_grads": (False,)}


def is_autograd_grad(call, dotted: Callable) -> bool:
    """Whether ``call`` is a call of ``torch.autograd.grad`` (``dotted`` resolves names)."""
    return isinstance(call, ast.Call) and dotted(call.func) == AUTOGRAD_GRAD


def grad_operands(call: ast.Call, literal: Callable, fail: Callable) -> tuple[ast.AST, ast.AST]:
    """The ``outputs`` and ``inputs`` expressions of a ``torch.autograd.grad`` call, or
    ``fail(message)`` when the call is not one a Grad node runs."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(
            k.arg is None for k in call.keywords):
        fail(f"{AUTOGRAD_GRAD}: *args and **kwargs are not supported")
    if len(call.args) > len(_SIGNATURE):
        fail(f"{AUTOGRAD_GRAD}: too many positional arguments")
    bound = dict(zip(_SIGNATURE, call.args, strict=False))
    for k in call.keywords:
        if k.arg in bound:
            fail(f"{AUTOGRAD_GRAD} got {k.arg} twice")
        bound[k.arg] = k.value
    for key in ("outputs", "inputs"):
        if key not in bound:
            fail(f"{AUTOGRAD_GRAD}: missing {key}")
    if literal(bound.get("create_graph", ast.Constant(False))) is not True:
        fail(f"{AUTOGRAD_GRAD} needs create_graph=True here: a Grad node records the backward "
             "so that its result can be differentiated again")
    for key, value in bound.items():
        if key in ("outputs", "inputs", "create_graph"):
            continue
        if key not in _HARMLESS:
            fail(f"{AUTOGRAD_GRAD}: unsupported argument {key}=")
        if not (isinstance(value, ast.Constant) and value.value in _HARMLESS[key]):
            fail(f"{AUTOGRAD_GRAD}: a Grad node runs with {key}={_HARMLESS[key][-1]!r}")
    return _single(bound["outputs"], "outputs", fail), _single(bound["inputs"], "inputs", fail)


def _single(e, key: str, fail: Callable):
    """``e`` itself, or the one element of a one-element list or tuple."""
    if isinstance(e, ast.List | ast.Tuple):
        if len(e.elts) != 1:
            fail(f"{AUTOGRAD_GRAD}: a Grad node takes one tensor as {key} "
                 f"(got {len(e.elts)})")
        return e.elts[0]
    return e

"""Reading literal values and tensor-making calls for :mod:`graphstudio.pytorch.code_import`.

``torch.tensor([...])``, ``torch.ones(2, 3)``, ``torch.full((2,), 1.5)``, ``torch.eye(3)``,
``torch.arange(0, 6).reshape(2, 3)``, ``torch.randn(5, 3) * 0.1``, ``..._like(t)`` become a
:class:`~graphstudio.graph.model.TensorSpec`, and Python literals (numbers, lists,
``float('inf')``, ``torch.float64``) their values, all without evaluating anything.
"""

from __future__ import annotations

import ast
import math
from dataclasses import replace

import numpy as np

from graphstudio.graph.limits import brief
from graphstudio.graph.model import GraphError, TensorSpec
from graphstudio.graph.shape_inference import infer_shapes

__all__ = ["CREATORS", "CodeImportError", "DTYPES", "TensorParsing"]

CREATORS = ("tensor", "ones", "zeros", "full", "eye", "arange", "rand", "randn", "ones_like",
            "zeros_like", "full_like", "rand_like", "randn_like")
DTYPES = {"float32": "float32", "float": "float32", "float64": "float64", "double": "float64",
          "int64": "int64", "long": "int64", "bool": "bool"}


class CodeImportError(ValueError):
    """Code the importer cannot turn into a graph; ``line`` is 1-based (None: the whole text)."""

    def __init__(self, message: str, line: int | None = None):
        self.line, self.reason = line, message
        super().__init__(f"line {line}: {message}" if line else message)


class TensorParsing:
    """Mixin for the code importer: needs ``fail(message)``, ``dotted(expr)``,
    ``lookup(name) -> (node id, port)`` and the graph being built as ``g``."""

    def number(self, e) -> float | None:
        """The value of a plain number literal (``2``, ``-0.5``, ``float('inf')``), else None."""
        if not isinstance(e, ast.Constant | ast.UnaryOp | ast.Call) or (
                isinstance(e, ast.Call) and not isinstance(e.func, ast.Name)):
            return None  # not a number, and quickly so (no error message composed)
        if isinstance(e, ast.Constant):
            self.checked_int(e.value)  # too large: say so, not "unsupported expression"
        try:
            v = self.literal(e)
        except CodeImportError:
            return None
        return v if isinstance(v, int | float) and not isinstance(v, bool) else None

    def literal(self, e):
        """A Python literal (numbers, bools, None, strings, lists, ``float('inf')``, dtypes)."""
        if isinstance(e, ast.Constant) and isinstance(e.value, int | float | bool | str | None):
            return self.checked_int(e.value)
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub | ast.UAdd):
            v = self.literal(e.operand)
            if isinstance(v, int | float) and not isinstance(v, bool):
                return -v if isinstance(e.op, ast.USub) else v
        if isinstance(e, ast.List | ast.Tuple):
            return [self.literal(x) for x in e.elts]
        if (isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "float"
                and len(e.args) == 1 and isinstance(e.args[0], ast.Constant)
                and str(e.args[0].value).lower() in ("inf", "-inf", "nan", "+inf")):
            return float(e.args[0].value)
        fn = self.dotted(e)
        if fn and fn.startswith("torch.") and fn[6:] in DTYPES:
            return DTYPES[fn[6:]]
        self.fail(f"expected a literal value, got {ast.unparse(e)[:60]}")

    def checked_int(self, value):
        """``value``, failing (with the number shortened) for an integer PyTorch cannot hold:
        it unpacks Python ints into 64 bits."""
        if isinstance(value, int) and not -2**63 <= value < 2**63:
            self.fail(brief(f"{value} is too large: PyTorch integers have 64 bits (from "
                            f"-2**63 to 2**63 - 1)"))
        return value

    def literal_or_none(self, e):
        try:
            return self.literal(e)
        except CodeImportError:
            return None

    def leaf(self, e):
        """``(TensorSpec, requires_grad)`` when ``e`` makes a tensor directly, else None.

        requires_grad is True or False when the code says so (a Parameter, a frozen one) and
        None when it does not (an Input)."""
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult):
            for inner, scale in ((e.left, e.right), (e.right, e.left)):
                made = self.leaf(inner) if self.number(scale) is not None else None
                if made and made[0].init in ("rand", "randn") and made[1] is None:
                    old = made[0].fill if made[0].fill is not None else 1.0
                    return replace(made[0], fill=old * self.number(scale)), None
            return None
        if not isinstance(e, ast.Call):
            return None
        fn = self.dotted(e.func)
        if fn is not None:
            return self.create(fn[6:], e) if fn[6:] in CREATORS and fn[:6] == "torch." else None
        if not isinstance(e.func, ast.Attribute):
            return None
        made = self.leaf(e.func.value)
        if made is None:
            return None
        spec, rg = made
        method = e.func.attr
        if method == "requires_grad_":
            flag = self.literal(e.args[0]) if e.args else True
            return spec, bool(flag)
        if method in ("reshape", "view") and not e.keywords:
            shape = tuple(self.size(e.args))
            if -1 in shape:
                known = math.prod(s for s in shape if s != -1) or 1
                shape = tuple(spec.numel // known if s == -1 else s for s in shape)
            if math.prod(shape) != spec.numel:
                self.fail(f"cannot reshape {spec.numel} values to {shape}")
            if spec.init in ("values", "eye"):
                return TensorSpec.from_array(spec.to_numpy().reshape(shape), spec.dtype), rg
            return replace(spec, shape=shape), rg
        return None

    def size(self, args) -> list[int]:
        vals = [self.literal(a) for a in args]
        if len(vals) == 1 and isinstance(vals[0], list):
            vals = vals[0]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
            self.fail("sizes must be whole numbers")
        return vals

    def create(self, kind: str, e: ast.Call):
        kw = {k.arg: k.value for k in e.keywords}
        unknown = set(kw) - {"dtype", "requires_grad", "device"}
        if unknown:
            self.fail(f"torch.{kind}: unsupported argument {sorted(unknown)[0]}=")
        if "device" in kw and self.literal(kw["device"]) not in ("cpu", None):
            self.fail("only the CPU device is supported")
        dtype = self.literal(kw["dtype"]) if "dtype" in kw else None
        if dtype is not None and dtype not in DTYPES.values():
            self.fail(f"unsupported dtype {ast.unparse(kw['dtype'])}")
        rg = bool(self.literal(kw["requires_grad"])) if "requires_grad" in kw else None
        args = e.args
        try:
            spec = self.spec(kind, args, dtype)
        except GraphError as ex:
            self.fail(f"torch.{kind}: {ex}")
        if rg and spec.dtype not in ("float32", "float64"):
            self.fail("only floating point tensors can require gradients")
        return spec, rg

    def spec(self, kind: str, args, dtype) -> TensorSpec:
        if kind.endswith("_like"):
            if not args or not isinstance(args[0], ast.Name):
                self.fail(f"torch.{kind} needs a tensor variable")
            nid, port = self.lookup(args[0].id)
            shape, dt = infer_shapes(self.g)[nid].outputs.get(port or "", (None, None))
            if shape is None:
                self.fail(f"the shape of {args[0].id} is not known")
            base = kind[:-5]
            fill = self.literal(args[1]) if base == "full" and len(args) > 1 else None
            dt = dtype or (dt if dt in DTYPES.values() else "float32")
            return TensorSpec(base, shape, dt, fill=fill)
        if kind == "tensor":
            if len(args) != 1:
                self.fail("torch.tensor takes one list of values")
            data = self.literal(args[0])
            flat = list(_flatten(data))
            if not all(isinstance(v, int | float | bool) for v in flat):
                self.fail("torch.tensor values must be numbers or booleans")
            guess = ("bool" if flat and all(isinstance(v, bool) for v in flat) else
                     "int64" if flat and all(isinstance(v, int) for v in flat) else "float32")
            try:
                arr = np.array(data, dtype=np.float64 if guess == "float32" else None)
            except ValueError:
                self.fail("torch.tensor values must form a rectangular array")
            if arr.dtype == object:
                self.fail("torch.tensor values must form a rectangular array")
            dt = dtype or guess
            return TensorSpec.from_array(arr.astype(dt), dt)
        if kind == "full":
            if len(args) != 2:
                self.fail("torch.full takes a size and a value")
            fill = self.literal(args[1])
            guess = ("bool" if isinstance(fill, bool) else "int64" if isinstance(fill, int)
                     else "float32")
            return TensorSpec("full", tuple(self.size(args[:1])), dtype or guess, fill=fill)
        if kind == "eye":
            n = self.size(args)
            return TensorSpec("eye", (n[0], n[1] if len(n) > 1 else n[0]), dtype or "float32")
        if kind == "arange":
            nums = [self.literal(a) for a in args]
            if not 1 <= len(nums) <= 3 or not all(isinstance(v, int | float) for v in nums):
                self.fail("torch.arange takes (end), (start, end) or (start, end, step)")
            start, end, step = ([0, *nums, 1][-3:] if len(nums) == 1 else
                                (nums + [1])[:3])
            if step == 0:
                self.fail("torch.arange: step must not be zero")
            count = max(math.ceil((end - start) / step), 0)
            guess = "int64" if all(isinstance(v, int) for v in nums) else "float32"
            return TensorSpec("arange", (count,), dtype or guess, fill=start, step=step)
        return TensorSpec(kind, tuple(self.size(args)), dtype or "float32")


def _flatten(v):
    if isinstance(v, list):
        for x in v:
            yield from _flatten(x)
    else:
        yield v

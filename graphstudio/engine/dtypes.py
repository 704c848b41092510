"""Torch-like dtype objects over numpy dtypes, and PyTorch's type-promotion rule.

``torch.float32`` prints as ``torch.float32``; each dtype knows its numpy counterpart. Promotion
follows PyTorch, not numpy: dimensioned tensors outrank zero-dim tensors, which outrank Python
scalars, and a lower-ranked operand only changes the result when it belongs to a higher category
(bool < int < float), so ``float32_tensor * 2.0`` and ``float32_tensor * float64_scalar_tensor``
stay float32.
"""

import numpy as np

__all__ = ["dtype", "get_default_dtype", "set_default_dtype", "from_numpy", "result_dtype",
           "array_from_data"]


class dtype:
    __slots__ = ("name", "np", "is_floating_point", "is_complex", "is_signed", "itemsize")

    def __init__(self, name, np_type, is_floating_point):
        self.name = name
        self.np = np.dtype(np_type)
        self.is_floating_point = is_floating_point
        self.is_complex = False
        self.is_signed = self.np.kind in "fi"
        self.itemsize = self.np.itemsize

    def __repr__(self):
        return f"torch.{self.name}"

    def __reduce__(self):
        return (_by_name, (self.name,))


float16 = dtype("float16", np.float16, True)
float32 = dtype("float32", np.float32, True)
float64 = dtype("float64", np.float64, True)
uint8 = dtype("uint8", np.uint8, False)
int8 = dtype("int8", np.int8, False)
int16 = dtype("int16", np.int16, False)
int32 = dtype("int32", np.int32, False)
int64 = dtype("int64", np.int64, False)
bool_ = dtype("bool", np.bool_, False)

ALL = (float16, float32, float64, uint8, int8, int16, int32, int64, bool_)
# The names torch exports, aliases included (``torch.float`` is float32, ``torch.long`` int64, ...).
EXPORTS = {d.name: d for d in ALL}
EXPORTS.update(half=float16, float=float32, double=float64, short=int16, int=int32, long=int64)

_FROM_NP = {d.np: d for d in ALL}
_default = [float32]


def _by_name(name):
    return EXPORTS[name]


def from_numpy(np_dtype):
    """The engine dtype for a numpy dtype (TypeError for ones torch has no counterpart for)."""
    try:
        return _FROM_NP[np_dtype]
    except KeyError:
        try:
            return _FROM_NP[np.dtype(np_dtype)]
        except (KeyError, TypeError):
            raise TypeError(f"can't convert np.ndarray of type {np_dtype}. The only supported "
                            "types are: float64, float32, float16, int64, int32, int16, int8, "
                            "uint8, and bool.") from None


def to_numpy(d):
    """numpy dtype for an engine dtype, a numpy dtype or a Python type (None stays None)."""
    if d is None or isinstance(d, np.dtype):
        return d
    if isinstance(d, dtype):
        return d.np
    if d is float:
        return _default[0].np
    if d is int:
        return int64.np
    if d is bool:
        return bool_.np
    return np.dtype(d)


def get_default_dtype():
    return _default[0]


def set_default_dtype(d):
    if not isinstance(d, dtype) or d not in (float16, float32, float64):
        raise TypeError("only floating-point types are supported as the default type")
    _default[0] = d


def default_np():
    return _default[0].np


def _category(np_dtype):
    kind = np_dtype.kind
    return 2 if kind == "f" else (0 if kind == "b" else 1)


def promote_types(a, b):
    """PyTorch's promoteTypes: an integer or bool meeting a float gives that float (numpy would
    widen int64 * float32 to float64); otherwise numpy's table agrees."""
    fa, fb = a.kind == "f", b.kind == "f"
    if fa != fb:
        return a if fa else b
    return np.promote_types(a, b)


def _promote(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return promote_types(a, b)


def _combine(higher, lower):
    # torch's combine_categories: a lower-priority group only wins when its category is higher.
    if higher is None:
        return lower
    if lower is None or _category(higher) == 2:
        return higher
    if higher.kind == "b" or _category(lower) == 2:
        return promote_types(higher, lower)
    return higher


def result_dtype(*operands):
    """numpy dtype of the result of a torch binary/ternary op on arrays and Python scalars.

    ``operands`` are numpy arrays (0-d arrays count as zero-dim tensors) or Python bool/int/float.
    """
    dim = zero = wrapped = None
    for op in operands:
        if isinstance(op, np.ndarray):
            if op.ndim:
                dim = _promote(dim, op.dtype)
            else:
                zero = _promote(zero, op.dtype)
        elif isinstance(op, bool):
            wrapped = _promote(wrapped, bool_.np)
        elif isinstance(op, int):
            wrapped = _promote(wrapped, int64.np)
        else:
            wrapped = _promote(wrapped, _default[0].np)
    return _combine(dim, _combine(zero, wrapped))


_SCALAR_NAMES = {"float16": "Half", "float32": "Float", "float64": "Double", "uint8": "Byte",
                 "int8": "Char", "int16": "Short", "int32": "Int", "int64": "Long", "bool": "Bool"}


_CPP_NAMES = {"float16": "c10::Half", "float32": "float", "float64": "double",
              "uint8": "unsigned char", "int8": "signed char", "int16": "short int",
              "int32": "int", "int64": "long int", "bool": "bool"}


def cpp_name(np_dtype):
    """The C++ type name some PyTorch messages use (``float``, ``double``, ``long int``)."""
    return _CPP_NAMES[from_numpy(np_dtype).name]


def scalar_name(np_dtype):
    """PyTorch's C++ scalar-type name (``Float``, ``Double``, ``Long``...) used in error texts."""
    return _SCALAR_NAMES[from_numpy(np_dtype).name]


# --- Python data to arrays --------------------------------------------------------------
def _ragged_check(data):
    """Raise PyTorch's ValueError for ragged nested sequences (iteratively)."""
    queue = [(data, 0)]
    lengths = {}
    for seq, depth in queue:
        if isinstance(seq, (list, tuple)):
            n = len(seq)
            expected = lengths.setdefault(depth, n)
            if n != expected:
                raise ValueError(f"expected sequence of length {expected} at dim {depth} (got {n})")
            queue.extend((item, depth + 1) for item in seq)
        elif depth in lengths:
            raise TypeError("not a sequence")


def array_from_data(data, np_dtype):
    """A fresh numpy array from Python data or numpy arrays with PyTorch's dtype inference (the
    default float dtype for Python floats, int64 for ints; numpy float64 scalars stay float64).
    """
    if isinstance(data, (np.ndarray, np.generic)):
        from_numpy(data.dtype)  # refuse dtypes torch has no counterpart for
        return np.array(data, dtype=np_dtype, copy=True)
    if isinstance(data, str) or data is None:
        raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
    if isinstance(data, (list, tuple)):
        try:
            arr = np.array(data, dtype=np_dtype)
        except ValueError:
            _ragged_check(data)
            raise
    else:
        arr = np.array(data, dtype=np_dtype)
    if np_dtype is None:
        kind = arr.dtype.kind
        if kind == "f":
            has_np64 = any(isinstance(v, np.floating) for v in _leaves(data))
            if not has_np64:
                arr = arr.astype(default_np())
        elif kind in "iu":
            arr = arr.astype(np.int64, copy=False)
        elif kind == "O" or kind not in "b":
            raise TypeError(f"new(): invalid data type '{arr.dtype}'")
    return arr


def _leaves(data):
    stack = [data]
    while stack:
        v = stack.pop()
        if isinstance(v, (list, tuple)):
            stack.extend(v)
        else:
            yield v

"""PyTorch's tensor printing (``torch/_tensor_str.py`` defaults: precision 4, threshold 1000,
edgeitems 3, linewidth 80), reproduced on numpy arrays.

``format_tensor(array, grad_fn_name=None, requires_grad=False)`` gives the full ``tensor(...)``
text; ``format_values(array)`` just the bracketed values (for a node label or a tooltip);
``format_elements(array)`` each element on its own, in the format the tensor prints with (for
a table of values).
"""

import math

import numpy as np

from . import dtypes

__all__ = ["format_elements", "format_tensor", "format_values", "tensor_repr", "PRINT_OPTIONS",
           "set_printoptions"]

DEFAULTS = {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80, "sci_mode": None}
PRINT_OPTIONS = dict(DEFAULTS)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    """``torch.set_printoptions``: change how tensors print (``profile="default"`` resets)."""
    if profile == "default":
        PRINT_OPTIONS.update(DEFAULTS)
    for key, value in (("precision", precision), ("threshold", threshold),
                       ("edgeitems", edgeitems), ("linewidth", linewidth)):
        if value is not None:
            PRINT_OPTIONS[key] = value
    PRINT_OPTIONS["sci_mode"] = sci_mode


class _Formatter:
    """Chooses integer / fixed / scientific mode and the common width from the values shown."""

    def __init__(self, values):
        self.floating = values.dtype.kind == "f"
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        precision = PRINT_OPTIONS["precision"]
        flat = values.reshape(-1)
        if not self.floating:
            for v in flat.tolist():
                self.max_width = max(self.max_width, len(str(v)))
            return
        finite = flat[np.isfinite(flat) & (flat != 0)]
        if finite.size == 0:
            return
        absvals = np.abs(finite).astype(np.float64)
        lo, hi = absvals.min(), absvals.max()
        self.int_mode = bool(np.all(finite == np.ceil(finite)))
        forced = PRINT_OPTIONS["sci_mode"]
        self.sci_mode = (hi / lo > 1000.0 or hi > 1.0e8 or lo < 1.0e-4) if forced is None \
            else forced
        as_float = finite.astype(np.float64).tolist()
        if self.sci_mode:
            strs = [f"{v:.{precision}e}" for v in as_float]
        elif self.int_mode:
            strs = [f"{v:.0f}." for v in as_float]
        else:
            strs = [f"{v:.{precision}f}" for v in as_float]
        self.max_width = max(self.max_width, max(len(s) for s in strs))

    def format(self, value):
        precision = PRINT_OPTIONS["precision"]
        if self.floating:
            if self.sci_mode:
                ret = f"{value:{self.max_width}.{precision}e}"
            elif self.int_mode:
                ret = f"{value:.0f}"
                if not (math.isinf(value) or math.isnan(value)):
                    ret += "."
            else:
                ret = f"{value:.{precision}f}"
        else:
            ret = str(value)
        return (self.max_width - len(ret)) * " " + ret


def _summarized(a, edge):
    """The values actually printed when summarising (the first and last ``edge`` per dim)."""
    if a.ndim == 0:
        return a
    if a.ndim == 1:
        return np.concatenate((a[:edge], a[-edge:])) if a.shape[0] > 2 * edge else a
    rows = list(range(edge)) + list(range(a.shape[0] - edge, a.shape[0])) \
        if a.shape[0] > 2 * edge else range(a.shape[0])
    return np.stack([_summarized(a[i], edge) for i in rows])


def _vector(a, indent, summarize, fmt):
    edge = PRINT_OPTIONS["edgeitems"]
    element_length = fmt.max_width + 2
    per_line = max(1, int(math.floor((PRINT_OPTIONS["linewidth"] - indent) / element_length)))
    if summarize and a.shape[0] > 2 * edge:
        data = ([fmt.format(v) for v in a[:edge].tolist()] + [" ..."]
                + [fmt.format(v) for v in a[-edge:].tolist()])
    else:
        data = [fmt.format(v) for v in a.tolist()]
    lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _body(a, indent, summarize, fmt):
    # Iterative over the leading dims would obscure the layout rule; depth is the tensor's rank
    # (small), so recursion here is bounded.
    if a.ndim == 0:
        return fmt.format(a.item())
    if a.ndim == 1:
        return _vector(a, indent, summarize, fmt)
    edge = PRINT_OPTIONS["edgeitems"]
    if summarize and a.shape[0] > 2 * edge:
        parts = ([_body(a[i], indent + 1, summarize, fmt) for i in range(edge)] + ["..."]
                 + [_body(a[i], indent + 1, summarize, fmt)
                    for i in range(a.shape[0] - edge, a.shape[0])])
    else:
        parts = [_body(a[i], indent + 1, summarize, fmt) for i in range(a.shape[0])]
    return "[" + ("," + "\n" * (a.ndim - 1) + " " * (indent + 1)).join(parts) + "]"


def format_values(array, indent=7):
    """The bracketed values as PyTorch prints them; ``indent`` is the width of the prefix."""
    a = np.asarray(array)
    if a.dtype == np.float16:
        a = a.astype(np.float32)
    if a.size == 0:
        return "[]"
    summarize = a.size > PRINT_OPTIONS["threshold"]
    fmt = _Formatter(_summarized(a, PRINT_OPTIONS["edgeitems"]) if summarize else a)
    return _body(a, indent, summarize, fmt)


def format_elements(array, summarize_over=None):
    """Each element of ``array`` as text (an object array of its shape), in the one format
    PyTorch picks when printing the whole tensor (integer / fixed / scientific, the precision),
    without the padding that aligns the columns: ``[1.0, 2.5]`` gives ``["1.0000", "2.5000"]``,
    ``[1.0, 2.0]`` gives ``["1.", "2."]``.

    As torch does, the format is chosen from the values that would be printed: all of them, or
    only the corner values (``edgeitems`` per dimension) when the tensor has more than
    ``summarize_over`` elements (default ``PRINT_OPTIONS["threshold"]``, torch's rule; a
    viewer showing every element may pass a larger count to choose from all of them).
    """
    a = np.asarray(array)
    if a.dtype == np.float16:
        a = a.astype(np.float32)
    if a.size == 0:
        return np.empty(a.shape, dtype=object)
    limit = PRINT_OPTIONS["threshold"] if summarize_over is None else summarize_over
    fmt = _Formatter(_summarized(a, PRINT_OPTIONS["edgeitems"]) if a.size > limit else a)
    flat = [fmt.format(v).strip() for v in a.reshape(-1).tolist()]
    return np.array(flat, dtype=object).reshape(a.shape)


def format_tensor(array, grad_fn_name=None, requires_grad=False):
    """The full ``repr`` of a tensor holding ``array`` (a numpy array), PyTorch style."""
    a = np.asarray(array)
    prefix = "tensor("
    indent = len(prefix)
    suffixes = []
    dt = dtypes.from_numpy(a.dtype)
    default = dtypes.get_default_dtype()
    if a.size == 0:
        if a.ndim != 1:
            suffixes.append(f"size={tuple(a.shape)}")
        if dt is not default:
            suffixes.append(f"dtype={dt!r}")
    elif dt not in (default, dtypes.int64, dtypes.bool_):
        suffixes.append(f"dtype={dt!r}")
    body = format_values(a, indent)
    if grad_fn_name is not None:
        suffixes.append(f"grad_fn=<{grad_fn_name}>")
    elif requires_grad:
        suffixes.append("requires_grad=True")
    text = prefix + body
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > PRINT_OPTIONS["linewidth"]:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def tensor_repr(t):
    fn = t.grad_fn
    return format_tensor(t._data, None if fn is None else type(fn).__name__, t._requires_grad)

"""Gradient checking: analytical Jacobians (from the engine's backward) against central differences,
both in float64, like ``torch.autograd.gradcheck``.

``gradcheck_report(fn, inputs)`` returns one ``InputReport`` per input that requires grad (the
app's gradient-check table); ``gradcheck(fn, inputs)`` returns True or raises ``GradcheckError``
naming the input, the worst element and both values.
"""

from dataclasses import dataclass

import numpy as np

from ..backward import grad as _grad
from ..grad_mode import no_grad
from ..tensor import Tensor, wrap

__all__ = ["gradcheck", "gradcheck_report", "InputReport", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Raised by ``gradcheck`` when analytical and numerical gradients disagree."""


@dataclass(frozen=True)
class InputReport:
    """How input ``index``'s analytical gradient compares with central differences.

    ``worst_index`` is ``(output_number, output_element, input_element)`` (flat element indices) of
    the entry that misses the tolerance by most (or has the largest error when all pass);
    ``numerical``/``analytical`` are the two values there.
    """

    index: int
    max_abs_err: float
    max_rel_err: float
    worst_index: tuple
    numerical: float
    analytical: float
    passed: bool


def _as_tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def _float_outputs(out):
    return [o for o in _as_tuple(out) if isinstance(o, Tensor) and o._data.dtype.kind == "f"]


def _prepare(inputs):
    """float64 leaf copies of the tensor inputs (other arguments pass through)."""
    prepared = []
    for x in inputs:
        if isinstance(x, Tensor) and x._data.dtype.kind == "f":
            t = wrap(x._data.astype(np.float64))
            t._requires_grad = x._requires_grad
            prepared.append(t)
        else:
            prepared.append(x)
    return prepared


def _numerical(fn, args, x, eps, out_sizes):
    """Central-difference Jacobian blocks d out_k / d x, shape (out_size, x.size) per output."""
    flat = x._data.reshape(-1)
    blocks = [np.zeros((n, flat.size)) for n in out_sizes]
    with no_grad():
        for j in range(flat.size):
            orig = flat[j]
            flat[j] = orig + eps
            plus = [o._data.astype(np.float64).reshape(-1) for o in _float_outputs(fn(*args))]
            flat[j] = orig - eps
            minus = [o._data.astype(np.float64).reshape(-1) for o in _float_outputs(fn(*args))]
            flat[j] = orig
            for k, (p, m) in enumerate(zip(plus, minus, strict=True)):
                blocks[k][:, j] = (p - m) / (2 * eps)
    return blocks


def _analytical(outputs, wrt):
    """Jacobian blocks from one backward pass per output element."""
    blocks = [[np.zeros((o._data.size, x._data.size)) for o in outputs] for x in wrt]
    for k, o in enumerate(outputs):
        if not o._requires_grad:
            continue
        for e in range(o._data.size):
            seed = np.zeros(o._data.size, o._data.dtype)
            seed[e] = 1
            grads = _grad(o, wrt, wrap(seed.reshape(o._data.shape)), retain_graph=True,
                          allow_unused=True)
            for i, g in enumerate(grads):
                if g is not None:
                    blocks[i][k][e, :] = g._data.reshape(-1)
    return blocks


def gradcheck_report(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3):
    """Compare analytical and numerical Jacobians for each input that requires grad."""
    args = _prepare(_as_tuple(inputs))
    wrt = [x for x in args if isinstance(x, Tensor) and x._requires_grad]
    positions = [i for i, x in enumerate(args) if isinstance(x, Tensor) and x._requires_grad]
    if not wrt:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but "
                         "none of the them have requires_grad=True.")
    outputs = _float_outputs(fn(*args))
    analytical = _analytical(outputs, wrt)
    sizes = [o._data.size for o in outputs]
    reports = []
    for pos, x, ana_blocks in zip(positions, wrt, analytical, strict=True):
        num_blocks = _numerical(fn, args, x, eps, sizes)
        reports.append(_compare(pos, num_blocks, ana_blocks, atol, rtol))
    return reports


def _compare(pos, num_blocks, ana_blocks, atol, rtol):
    best = None  # (excess, abs_err, (k, e, j), numerical, analytical)
    max_abs = max_rel = 0.0
    passed = True
    for k, (num, ana) in enumerate(zip(num_blocks, ana_blocks, strict=True)):
        if num.size == 0:
            continue
        with np.errstate(invalid="ignore"):
            err = np.abs(num - ana)
        err = np.where(np.isnan(num) & np.isnan(ana), 0, err)
        err = np.where(np.isnan(err), np.inf, err)
        rel = err / np.maximum(np.abs(num), 1e-300)
        excess = err - (atol + rtol * np.abs(num))
        max_abs = max(max_abs, float(err.max()))
        max_rel = max(max_rel, float(np.where(err == 0, 0, rel).max()))
        e, j = np.unravel_index(int(np.argmax(excess)), excess.shape)
        if best is None or excess[e, j] > best[0]:
            best = (excess[e, j], err[e, j], (k, int(e), int(j)), float(num[e, j]),
                    float(ana[e, j]))
        passed = passed and bool((excess <= 0).all())
    if best is None:
        return InputReport(pos, 0.0, 0.0, (), 0.0, 0.0, True)
    return InputReport(pos, max_abs, max_rel, best[2], best[3], best[4], passed)


def gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, **_ignored):
    """True when every analytical gradient matches central differences within ``atol + rtol*|n|``.

    On failure raises ``GradcheckError`` (or returns False with ``raise_exception=False``) with the
    input, the worst element, both values and the errors.
    """
    for r in gradcheck_report(fn, inputs, eps=eps, atol=atol, rtol=rtol):
        if not r.passed:
            if not raise_exception:
                return False
            k, e, j = r.worst_index
            raise GradcheckError(
                f"Jacobian mismatch for output {k} with respect to input {r.index}: worst at "
                f"output element {e}, input element {j}: numerical {r.numerical!r} vs analytical "
                f"{r.analytical!r} (max abs error {r.max_abs_err:.3g}, max rel error "
                f"{r.max_rel_err:.3g}; atol={atol}, rtol={rtol})")
    return True

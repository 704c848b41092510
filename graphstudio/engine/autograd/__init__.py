"""``torch.autograd``: the functions a PyTorch user calls on it.

``backward``, ``grad`` and the engine's stepper ``backward_steps`` (with its ``BackwardStep``
records) live in ``backward.py``; ``gradcheck`` in ``autograd/gradcheck.py``. This module
gathers them
under the name PyTorch users know (``torch.autograd.grad(...)``).
"""

# ruff: noqa: F401  (re-exports)
from ..backward import (
    SECOND_BACKWARD,
    BackwardStep,
    backward,
    backward_steps,
    grad,
    grad_steps,
    sum_to_shape,
)
from ..grad_mode import enable_grad, no_grad, set_grad_enabled
from .gradcheck import GradcheckError, InputReport, gradcheck, gradcheck_report

__all__ = ["BackwardStep", "backward_steps", "backward", "grad", "grad_steps", "sum_to_shape",
           "gradcheck",
           "gradcheck_report", "InputReport", "GradcheckError", "no_grad", "enable_grad",
           "set_grad_enabled"]

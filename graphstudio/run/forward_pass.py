"""The live result of one forward pass, and the small array helpers a run's records share."""

from __future__ import annotations

import numpy as np

from graphstudio.graph.model import Edge

__all__ = ["ForwardPass", "as_array", "frozen_copy", "is_tensor_value"]


class ForwardPass:
    """The live result of one forward pass."""

    def __init__(self, revision, no_grad, retain_grad):
        self.revision, self.no_grad, self.retain_grad = revision, no_grad, retain_grad
        self.values: dict[str, object] = {}
        self.outputs: dict[str, dict[str, object]] = {}
        self.errors: dict[str, str] = {}
        self.shapes: dict = {}  # the inferred shapes the forward ran with
        self.order: list[tuple[str, tuple[Edge, ...]]] = []
        self.prior_grads: dict[str, np.ndarray | None] = {}
        #: Grad node id -> the engine's BackwardSteps of the backward it ran (nested steps)
        self.inner: dict[str, list] = {}
        #: gradient hooks: the tensor each is registered on (node id -> tensor), their handles,
        #: and per node what each call received and returned (and printed), in the order run
        self.hook_tensors: dict[str, object] = {}
        self.hook_handles: list = []
        self.hook_log: dict[str, list[tuple]] = {}


def as_array(v) -> np.ndarray:
    """The numpy value of an engine tensor (detached) or of a plain number."""
    if is_tensor_value(v):
        return v.detach().numpy()
    return np.asarray(v)


def is_tensor_value(v) -> bool:
    """Whether a node's output is an engine tensor (not a Python number)."""
    return hasattr(v, "grad_fn")


def frozen_copy(a) -> np.ndarray:
    """A read-only copy of ``a``: what a timeline keeps, so nothing can change a record."""
    a = np.array(a, copy=True)
    a.setflags(write=False)
    return a

"""Optimizers with PyTorch's update rules and defaults: SGD (momentum, Nesterov) and Adam.

They work on engine tensors in place, under ``no_grad``, exactly like ``torch.optim``::

    opt = Adam(runner.parameters().values(), lr=0.05)
    opt.zero_grad(); runner.run(RunOptions(zero_grad=False)); opt.step()

Arithmetic follows ``torch.optim``'s single-tensor (``foreach=False``) code path in float32, with
Python-float hyper-parameters rounded to the tensor's dtype where PyTorch's kernels round them,
so results agree with torch to float32 rounding.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

__all__ = ["OPTIMIZERS", "SGD", "Adam", "Optimizer", "make_optimizer"]


class Optimizer:
    """Base: one parameter group (``param_groups[0]`` holds the hyper-parameters) and
    per-parameter ``state`` keyed by the tensor."""

    defaults: dict = {}

    def __init__(self, params: Iterable, **hyper):
        params = list(params)
        if not params:
            raise ValueError("optimizer got an empty parameter list")
        unknown = set(hyper) - set(self.defaults)
        if unknown:
            raise TypeError(f"{type(self).__name__} got an unexpected argument "
                            f"{sorted(unknown)[0]!r}")
        group = dict(self.defaults, **hyper)
        self._check(group)
        group["params"] = params
        self.param_groups = [group]
        self.state: dict = {}

    def _check(self, group: dict) -> None:
        for key in ("lr", "weight_decay", "eps"):
            if key in group and group[key] < 0:
                raise ValueError(f"Invalid {'learning rate' if key == 'lr' else key}: "
                                 f"{group[key]}")

    def zero_grad(self, set_to_none: bool = True) -> None:
        for p in self.param_groups[0]["params"]:
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    p.grad.zero_()

    def step(self) -> None:
        """One update of every parameter that has a ``.grad``."""
        import graphstudio.engine as T

        group = self.param_groups[0]
        with T.no_grad():
            for p in group["params"]:
                if p.grad is None:
                    continue
                data = p.detach().numpy()
                grad = p.grad.numpy().astype(data.dtype, copy=True)
                if group.get("maximize"):
                    grad = -grad
                state = self.state.setdefault(p, {})
                self._update(data, grad, state, group)

    def _update(self, data: np.ndarray, grad: np.ndarray, state: dict, group: dict) -> None:
        raise TypeError(f"{type(self).__name__} does not define an update")  # pragma: no cover


def _s(x, dtype):
    """A Python scalar as PyTorch's kernels apply it to a tensor of ``dtype``."""
    return np.asarray(x, dtype=dtype)


class SGD(Optimizer):
    """``torch.optim.SGD``: lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False."""

    defaults = {"lr": 1e-3, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0,
                "nesterov": False, "maximize": False}

    def _check(self, group):
        super()._check(group)
        if group["momentum"] < 0:
            raise ValueError(f"Invalid momentum value: {group['momentum']}")
        if group["nesterov"] and (group["momentum"] <= 0 or group["dampening"] != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")

    def _update(self, data, grad, state, group):
        dt = data.dtype
        d_p = grad
        if group["weight_decay"]:
            d_p = d_p + _s(group["weight_decay"], dt) * data
        m = group["momentum"]
        if m:
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = d_p.copy()
            else:
                buf *= _s(m, dt)
                buf += _s(1 - group["dampening"], dt) * d_p
            d_p = d_p + _s(m, dt) * buf if group["nesterov"] else buf
        data -= _s(group["lr"], dt) * d_p


class Adam(Optimizer):
    """``torch.optim.Adam``: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
    amsgrad=False."""

    defaults = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0,
                "amsgrad": False, "maximize": False}

    def _check(self, group):
        super()._check(group)
        b1, b2 = group["betas"]
        for i, b in enumerate((b1, b2)):
            if not 0.0 <= b < 1.0:
                raise ValueError(f"Invalid beta parameter at index {i}: {b}")

    def _update(self, data, grad, state, group):
        dt = data.dtype
        b1, b2 = group["betas"]
        if not state:
            state["step"] = 0
            state["exp_avg"] = np.zeros_like(data)
            state["exp_avg_sq"] = np.zeros_like(data)
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = np.zeros_like(data)
        state["step"] += 1
        step = state["step"]
        if group["weight_decay"]:
            grad = grad + _s(group["weight_decay"], dt) * data
        m, v = state["exp_avg"], state["exp_avg_sq"]
        # exp_avg.lerp_(grad, 1 - beta1): PyTorch's lerp for weights below 0.5
        m += _s(1 - b1, dt) * (grad - m)
        v *= _s(b2, dt)
        v += _s(1 - b2, dt) * grad * grad
        step_size = group["lr"] / (1 - b1 ** step)
        bc2_sqrt = math.sqrt(1 - b2 ** step)
        if group["amsgrad"]:
            np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
            v = state["max_exp_avg_sq"]
        denom = np.sqrt(v) / _s(bc2_sqrt, dt) + _s(group["eps"], dt)
        data -= _s(step_size, dt) * (m / denom)


OPTIMIZERS = {"sgd": SGD, "adam": Adam}


def make_optimizer(name: str, params: Iterable, **hyper) -> Optimizer:
    """``make_optimizer("adam", params, lr=0.05)``; ValueError for an unknown name."""
    try:
        cls = OPTIMIZERS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r} (use one of {', '.join(OPTIMIZERS)})"
                         ) from None
    return cls(params, **hyper)

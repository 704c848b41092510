"""A document's run options: which there are, the type each takes, and the check every value
passes before the graph stores it (``Graph.set_run_option``, the file reader)."""

from __future__ import annotations

import numpy as np

from graphstudio.graph.elements import GraphError, TensorSpec
from graphstudio.graph.grad_hooks import check_hooks
from graphstudio.graph.session_actions import is_session

__all__ = ["RUN_OPTIONS", "checked_run_option", "json_problem"]

#: Run options the runner reads, and the type each takes (``graph.run`` / the file's "run").
RUN_OPTIONS = {"loss": "a node id", "gradient": "a TensorSpec (the seed for a non-scalar root)",
               "zero_grad": "true or false", "no_grad": "true or false",
               "retain_graph": "true or false", "retain_grad": "a list of node ids",
               "session": "a tuple of session actions (graphstudio.graph.session_actions)",
               "hooks": "an object mapping node ids to gradient hooks (see grad_hooks)"}


def checked_run_option(key, value):
    """``value`` as the graph stores it (GraphError naming the option when it does not fit)."""
    if key == "hooks":
        try:
            return check_hooks(value)
        except ValueError as ex:
            raise GraphError(f"run option 'hooks': {ex}"[:300]) from None
    ok = {"loss": isinstance(value, str),
          "gradient": isinstance(value, TensorSpec),
          "retain_grad": isinstance(value, list | tuple) and all(isinstance(v, str)
                                                                 for v in value),
          "session": is_session(value)}.get(
        key, isinstance(value, bool) if key in RUN_OPTIONS else json_problem(value) is None)
    if not ok:
        what = RUN_OPTIONS.get(key) or json_problem(value)
        raise GraphError(f"run option {key!r} must be {what}, got {value!r}"[:300])
    return tuple(value) if key == "retain_grad" else value


def json_problem(value, depth: int = 0) -> str | None:
    """Why ``value`` is not plain JSON (str, finite number, bool, None, lists, str-keyed dicts)."""
    if depth > 20:
        return "plain JSON nested at most 20 deep"
    if value is None or isinstance(value, str | bool | int):
        return None
    if isinstance(value, float):
        return None if np.isfinite(value) else "plain JSON (finite numbers)"
    if isinstance(value, list | tuple):
        return next((p for v in value if (p := json_problem(v, depth + 1))), None)
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            return "plain JSON (string keys)"
        return next((p for v in value.values() if (p := json_problem(v, depth + 1))), None)
    return "plain JSON (text, numbers, true/false, lists, objects)"



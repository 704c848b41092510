"""One source per derivative rule: each backward formula's registration carries its readable text,
and ``derivative_rule`` returns it by ``grad_fn`` name."""

import pytest

import graphstudio.engine as E
import graphstudio.engine.node as grad_fn_module
from graphstudio.engine.node import GradFn, derivative_rule, derivative_rules


def _all_grad_fn_classes():
    """Every backward function the engine's op modules define."""
    from graphstudio.engine import functional, indexing, linalg, ops, reductions, shape_ops, unary

    out = set()
    for mod in (functional, indexing, linalg, ops, reductions, shape_ops, unary):
        out.update(v for v in vars(mod).values()
                   if isinstance(v, type) and issubclass(v, GradFn) and v is not GradFn)
    assert len(out) > 60
    return out


def test_mul_rule_is_per_argument_like_derivatives_yaml():
    text = derivative_rule("MulBackward0")
    lines = text.split("\n")
    assert lines[0].startswith("self: grad * other")
    assert lines[1].startswith("other: grad * self")
    assert E.derivative_rule is derivative_rule


def test_every_registered_formula_has_a_rule_for_each_input():
    missing = []
    for cls in _all_grad_fn_classes():
        if cls.__name__ in ("GraphRoot", "MultiOutputFn"):  # no formula of their own
            continue
        rules = derivative_rules(cls.__name__)
        if not rules or not all(text.strip() for text in rules.values()):
            missing.append(cls.__name__)
    assert missing == []


def test_rule_found_from_what_grad_fn_name_returns():
    x = E.ones(2, 2, requires_grad=True)
    y = x.clone()
    y[0] = 5.0
    assert derivative_rule(y.grad_fn.name()).startswith("self: grad with the overwritten")
    acc = (x * 2).grad_fn.next_functions[0][0]
    assert derivative_rule(acc.name()).startswith("variable: variable.grad += grad")
    assert "result" in derivative_rule(x.exp().grad_fn.name())


def test_unknown_name_raises_key_error():
    with pytest.raises(KeyError, match="NoSuchBackward0"):
        derivative_rule("NoSuchBackward0")


def test_grad_fns_are_gradfn_and_no_second_node_class():
    assert not hasattr(grad_fn_module, "Node")  # the document's Node is the only class so named
    assert isinstance((E.ones(1, requires_grad=True) * 2).grad_fn, GradFn)

"""The table of node types: one :class:`~graphstudio.graph.node_types.NodeType` per entry.

``ALL_TYPES`` lists every node type in palette order, category by category, and
``NODE_TYPES`` maps type ids to them; both are read through
:mod:`graphstudio.graph.node_types`, which holds the classes this table is built from (ports,
attributes, the node type itself) and the registry helpers. The builders below (``_op``,
``_binop``, ``_unary``, ``_reduce``, ``_shape_op``, ``_join``, ``_loss``, ``_tensor_type``) turn
one line of metadata into a NodeType with its shape rule, PyTorch line and compute function.
Adding an op means adding one entry to ``ALL_TYPES`` (plus its engine function).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from graphstudio.graph import shape_rules as S
from graphstudio.graph.elements import TensorSpec
from graphstudio.graph.literals import format_number, tensor_literal
from graphstudio.graph.node_types import AttrSpec, NodeType, PortSpec

_NUM = {"float32": "torch.float32", "float64": "torch.float64", "int64": "torch.int64",
        "bool": "torch.bool"}
REDUCTIONS = ("mean", "sum", "none")


def _ports(*specs: str) -> tuple[PortSpec, ...]:
    """``"name: doc"`` strings; a name ending in ``?`` is optional."""
    out = []
    for s in specs:
        name, _, doc = s.partition(":")
        out.append(PortSpec(name.strip().rstrip("?"), doc.strip(), name.strip().endswith("?")))
    return tuple(out)


def _kw(attrs: Mapping[str, Any], specs: Sequence[AttrSpec], always: Sequence[str] = ()) -> str:
    """``", k=v"`` for every attribute that differs from its default or is in ``always``
    (None values are left out: they mean PyTorch's default)."""
    parts = []
    for a in specs:
        v = attrs.get(a.name, a.default)
        if (v != a.default or a.name in always) and v is not None:
            if isinstance(v, tuple) and len(v) == 1 and a.kind == "dims":
                v = v[0]
            parts.append(f"{a.name}={v!r}")
    return "".join(", " + p for p in parts)


def _dims(v):
    """A ``dims`` attribute as the engine wants it: None, an int, or a tuple."""
    return v[0] if isinstance(v, tuple) and len(v) == 1 else v


# --- tensor-holding nodes -------------------------------------------------------------
def _shape_args(shape) -> str:
    return ", ".join(map(str, shape)) if shape else "()"


def _tensor_line(spec: TensorSpec, requires_grad: bool, explicit: bool) -> str:
    dt = spec.dtype
    dkw = "" if dt == "float32" else f", dtype={_NUM[dt]}"
    rg = ", requires_grad=True" if requires_grad else ""
    scale = 1.0 if spec.fill is None else spec.fill
    if spec.init == "values" or (spec.init in ("rand", "randn") and explicit):
        arr = spec.to_numpy()
        if arr.size == 0:
            return f"torch.zeros({_shape_args(arr.shape)}{dkw}{rg})"
        ekw = ", dtype=torch.float64" if dt == "float64" else ""
        return f"torch.tensor({tensor_literal(arr, dt)}{ekw}{rg})"
    if spec.init in ("zeros", "ones"):
        return f"torch.{spec.init}({_shape_args(spec.shape)}{dkw}{rg})"
    if spec.init == "full":
        return (f"torch.full({tuple(spec.shape)!r}, {format_number(spec.fill or 0, dt)}"
                f"{dkw}{rg})")
    if spec.init == "eye":
        return f"torch.eye({_shape_args(spec.shape)}{dkw}{rg})"
    if spec.init == "arange":
        start, step = spec.fill or 0, spec.step or 1
        stop = start + step * spec.numel
        args = ", ".join(format_number(v, "int64" if dt == "int64" else "float64")
                         for v in (start, stop, step))
        text = f"torch.arange({args}{dkw})"
        if len(spec.shape) != 1:
            text += f".reshape({_shape_args(spec.shape)})"
        return text + (".requires_grad_()" if requires_grad else "")
    text = f"torch.{spec.init}({_shape_args(spec.shape)}{dkw})"
    if scale != 1.0:
        text = f"({text} * {format_number(scale, 'float64')})"
    text += ".requires_grad_()" if requires_grad else ""
    return f"{text}  # {RANDOM_NOTE.format(seed=spec.seed)}"  # the call, honestly labelled


#: The comment after a rand/randn call written without its values: the numbers come from
#: GraphStudio's seeded generator (numpy's PCG64), which torch.manual_seed cannot reproduce.
RANDOM_NOTE = "GraphStudio's generator, seed {seed}: not torch's numbers"


def _tensor_rule(needs_grad: bool):
    def rule(attrs, spec):
        if spec is None:
            raise S.ShapeError("no tensor set")
        if needs_grad and attrs.get("requires_grad") and spec.dtype not in S.FLOATS:
            raise S.ShapeError(f"only floating point tensors can require gradients, this one "
                               f"is {spec.dtype}")
        return ((spec.shape, spec.dtype),)

    return rule


def _tensor_fn(T, F, attrs, spec):
    t = T.tensor(spec.to_numpy(), dtype=getattr(T, spec.dtype))
    if attrs.get("requires_grad"):
        t.requires_grad_(True)
    return t


def _tensor_type(type_id, label, doc, default_name, attrs, tensor, aliases):
    return NodeType(
        type_id, label, "Inputs", doc, default_name, (), _ports("out: the tensor"), attrs,
        has_tensor=True, torch_name="torch.tensor", aliases=aliases,
        rule=_tensor_rule(bool(attrs)),
        line=lambda a, spec, explicit: _tensor_line(spec, bool(a.get("requires_grad")),
                                                    explicit),
        fn=_tensor_fn, tensor_default=tensor)


def _grad_rule(attrs, ins):
    """Grad: ``outputs`` a floating scalar, the result has the ``inputs``' shape and dtype."""
    S.need_tensor(ins, "outputs", "inputs")
    shape, dtype = ins["outputs"]
    if len(shape) and int(np.prod(shape)) != 1:
        raise S.ShapeError(f"grad can be implicitly created only for scalar outputs (outputs "
                           f"has shape {list(shape)})")
    if dtype not in S.FLOATS or ins["inputs"][1] not in S.FLOATS:
        raise S.ShapeError("only floating point tensors have gradients")
    return (ins["inputs"],)


# --- ops ------------------------------------------------------------------------------
_X = _ports("input: the tensor")
_XY = _ports("input: the first operand", "other: the second operand")


def _op(type_id, label, category, doc, inputs, rule, line, fn, gradient, attrs=(),
        outputs=None, default_name=None, torch_name="", formula="", aliases=()):
    """``gradient``: the names of the grad_fns the engine records for this op, whose rules
    (:func:`graphstudio.engine.derivative_rule`) the inspector shows; or, for a node no
    gradient passes through, a sentence saying so."""
    grad_fns, note = (gradient, "") if isinstance(gradient, tuple) else ((), gradient)
    return NodeType(type_id, label, category, doc, default_name or type_id, inputs,
                    _ports("out: the result") if outputs is None else outputs, attrs, False,
                    torch_name, grad_fns, formula, aliases, rule, line, fn, gradient_note=note)


def _binop(type_id, label, sym, pyop, derivative, aliases=()):
    return _op(type_id, label, "Math", f"Elementwise input {sym} other, with broadcasting",
               _XY, S.elementwise(sym), lambda a, x: f"{x['input']} {sym} {x['other']}",
               lambda T, F, a, i: pyop(i["input"], i["other"]), derivative,
               torch_name=f"torch.{type_id}", aliases=aliases)


def _unary(type_id, label, category, doc, derivative, rule=S.unary_float, mod="torch",
           attrs=(), aliases=()):
    """``torch.<type_id>(x)`` or ``F.<type_id>(x, **attrs)``."""

    def line(a, x):
        return f"{mod}.{type_id}({x['input']}{_kw(a, attrs, always=('dim',))})"

    def fn(T, F, a, i):
        f = getattr(T if mod == "torch" else F, type_id)
        return f(i["input"], **{s.name: a[s.name] for s in attrs})

    return _op(type_id, label, category, doc, _X, rule, line, fn, derivative, attrs,
               torch_name=f"{'torch.nn.functional' if mod == 'F' else 'torch'}.{type_id}",
               aliases=aliases)


def _reduce(type_id, label, doc, rule, derivative, attrs, outputs=None, method=None):
    method = method or type_id

    def line(a, x):
        return f"{x['input']}.{method}({_kw(a, attrs, ('dim',) if outputs else ()).lstrip(', ')})"

    def fn(T, F, a, i):
        kw = {s.name: (_dims(a[s.name]) if s.kind == "dims" else a[s.name]) for s in attrs}
        if kw.get("dim", 0) is None:
            kw.pop("dim")
            if not kw.get("keepdim"):
                kw.pop("keepdim", None)
        res = getattr(i["input"], method)(**kw)
        return tuple(res) if outputs else res

    return _op(type_id, label, "Reductions", doc, _X, rule, line, fn, derivative, attrs,
               outputs=outputs, torch_name=f"torch.Tensor.{method}")


def _shape_op(type_id, label, doc, rule, attrs, args, derivative):
    """A ``x.<type_id>(<args>)`` view op; ``args(attrs)`` gives the positional values."""

    def line(a, x):
        return f"{x['input']}.{type_id}({', '.join(map(repr, args(a)))})"

    def fn(T, F, a, i):
        return getattr(i["input"], type_id)(*args(a))

    return _op(type_id, label, "Shape", doc, _X, rule, line, fn, derivative, attrs,
               torch_name=f"torch.Tensor.{type_id}")


def _join(type_id, label, doc, rule, derivative):
    def line(a, x):
        ts = ", ".join(x[p] for p in ("a", "b", "c") if p in x)
        return f"torch.{type_id}([{ts}]{_kw(a, _DIM0)})"

    def fn(T, F, a, i):
        return getattr(T, type_id)([i[p] for p in ("a", "b", "c") if p in i], dim=a["dim"])

    return _op(type_id, label, "Shape", doc,
               _ports("a: first tensor", "b: second tensor", "c?: optional third tensor"),
               rule, line, fn, derivative, _DIM0, torch_name=f"torch.{type_id}")


_REDUCTION = AttrSpec("reduction", "choice", "mean", "how to combine the per-element losses",
                      REDUCTIONS)
_IGNORE = AttrSpec("ignore_index", "int", -100, "a target class that contributes nothing")
_DIM0 = (AttrSpec("dim", "dim", 0, "the dimension to join along"),)


def _loss(type_id, label, doc, inputs, rule, formula, derivative, extra=(), aliases=()):
    attrs = (_REDUCTION, *extra)
    names = [p.name for p in inputs]

    def line(a, x):
        pos = ", ".join(x[n] for n in names[:2])
        kws = "".join(f", {n}={x[n]}" for n in names[2:] if n in x)
        return f"F.{type_id}({pos}{kws}{_kw(a, attrs)})"

    def fn(T, F, a, i):
        kws = {n: i[n] for n in names[2:] if n in i}
        return getattr(F, type_id)(i["input"], i["target"], **kws,
                                   **{s.name: a[s.name] for s in attrs})

    short = {"binary_cross_entropy": "bce", "binary_cross_entropy_with_logits":
             "bce_with_logits"}.get(type_id, type_id)
    return _op(short, label, "Losses", doc, inputs, rule, line, fn, derivative, attrs,
               default_name="loss", torch_name=f"torch.nn.functional.{type_id}",
               formula=formula, aliases=("loss", type_id, *aliases))


def _linear_line(a, x):
    bias = f", {x['bias']}" if "bias" in x else ""
    return f"F.linear({x['input']}, {x['weight']}{bias})"


def _clamp_line(a, x):
    return f"torch.clamp({x['input']}{_kw(a, _CLAMP, ('min', 'max'))})"


_CLAMP = (AttrSpec("min", "float", 0.0, "lower bound (empty: none)", optional=True),
          AttrSpec("max", "float", 1.0, "upper bound (empty: none)", optional=True))
_KEEP = AttrSpec("keepdim", "bool", False, "keep reduced dimensions with size 1")
_ALLDIMS = (AttrSpec("dim", "dims", None, "dimension(s) to reduce (empty: all)", optional=True),
            _KEEP)
_ONEDIM = (AttrSpec("dim", "dim", -1, "the dimension to reduce"), _KEEP)
_VALIDX = _ports("values: the extreme values", "indices: where they are (int64)")
_SOFTDIM = (AttrSpec("dim", "dim", -1, "the dimension that sums to one"),)
_LOGITS = "input: raw scores (logits)"
_CLASSES = ("input: scores, shape (N, C) or (C,)", "target: class indices (int64), shape (N,)",
            "weight?: per-class weights, shape (C,)")

ALL_TYPES: tuple[NodeType, ...] = (
    # ---------------------------------------------------------------- Inputs
    _tensor_type("input", "Input", "A data tensor that never requires grad (x, y, targets)",
                 "x", (), TensorSpec("ones", (3,)), ("data", "tensor", "x", "target")),
    _tensor_type("parameter", "Parameter",
                 "A leaf tensor that requires grad; untick requires_grad to freeze it", "w",
                 (AttrSpec("requires_grad", "bool", True, "gradients flow into .grad; "
                           "off = frozen"),),
                 TensorSpec("randn", (3,), seed=0),
                 ("weight", "bias", "leaf", "variable", "freeze", "frozen")),
    NodeType("constant", "Constant", "Inputs", "A Python number (a scalar that is not a tensor)",
             "c", (), _ports("out: the number"),
             (AttrSpec("value", "float", 1.0, "the number"),),
             torch_name="float", aliases=("scalar", "number"),
             rule=lambda a, ins: (((), "number"),),
             line=lambda a, x: format_number(a["value"], "float64"),
             fn=lambda T, F, a, i: float(a["value"])),
    # ---------------------------------------------------------------- Math
    _binop("add", "Add", "+", lambda a, b: a + b,
           ("AddBackward0",),
           ("plus", "+")),
    _binop("sub", "Subtract", "-", lambda a, b: a - b, ("SubBackward0",),
           ("minus", "-")),
    _binop("mul", "Multiply", "*", lambda a, b: a * b, ("MulBackward0",),
           ("times", "product", "*")),
    _binop("div", "Divide", "/", lambda a, b: a / b, ("DivBackward0",),
           ("divide", "/")),
    _op("pow", "Power", "Math", "Elementwise input ** exponent",
        _ports("input: the base", "exponent: the power (a tensor or a Constant)"),
        lambda a, ins: S.elementwise("**")(a, {"input": ins["input"], "other": ins["exponent"]}),
        lambda a, x: f"{x['input']} ** {x['exponent']}",
        lambda T, F, a, i: i["input"] ** i["exponent"],
        ("PowBackward0", "PowBackward1"), torch_name="torch.pow",
        aliases=("square", "**")),
    _op("matmul", "MatMul", "Math", "Matrix product input @ other (1-D, 2-D and batched)",
        _XY, S.matmul, lambda a, x: f"torch.matmul({x['input']}, {x['other']})",
        lambda T, F, a, i: T.matmul(i["input"], i["other"]),
        ("MmBackward0",), torch_name="torch.matmul",
        aliases=("mm", "dot", "@")),
    _op("neg", "Negate", "Math", "Elementwise -input", _X, S.unary_same,
        lambda a, x: f"-{x['input']}", lambda T, F, a, i: -i["input"], ("NegBackward0",),
        torch_name="torch.neg", aliases=("negative", "minus")),
    _unary("exp", "Exp", "Math", "Elementwise e ** input", ("ExpBackward0",)),
    _unary("log", "Log", "Math", "Elementwise natural logarithm", ("LogBackward0",),
           aliases=("ln",)),
    _unary("sqrt", "Sqrt", "Math", "Elementwise square root", ("SqrtBackward0",)),
    _unary("abs", "Abs", "Math", "Elementwise absolute value", ("AbsBackward0",),
           rule=S.unary_same),
    _op("clamp", "Clamp", "Math", "Limit input to [min, max]", _X, S.clamp, _clamp_line,
        lambda T, F, a, i: i["input"].clamp(min=a["min"], max=a["max"]),
        ("ClampBackward1",), _CLAMP, torch_name="torch.clamp",
        aliases=("clip",)),
    _op("maximum", "Maximum", "Math", "Elementwise larger of input and other", _XY,
        S.binary_tensor, lambda a, x: f"torch.maximum({x['input']}, {x['other']})",
        lambda T, F, a, i: T.maximum(i["input"], i["other"]),
        ("MaximumBackward0",), torch_name="torch.maximum"),
    _op("minimum", "Minimum", "Math", "Elementwise smaller of input and other", _XY,
        S.binary_tensor, lambda a, x: f"torch.minimum({x['input']}, {x['other']})",
        lambda T, F, a, i: T.minimum(i["input"], i["other"]),
        ("MinimumBackward0",), torch_name="torch.minimum"),
    _op("where", "Where", "Math", "Pick input where condition is true, else other",
        _ports("condition: a bool tensor", "input: taken where true", "other: taken where false"),
        S.where, lambda a, x: f"torch.where({x['condition']}, {x['input']}, {x['other']})",
        lambda T, F, a, i: T.where(i["condition"], i["input"], i["other"]),
        ("WhereBackward0",),
        torch_name="torch.where", aliases=("select", "if")),
    _op("linear", "Linear", "Math", "input @ weightᵀ + bias (a fully connected layer)",
        _ports("input: shape (..., in_features)", "weight: shape (out_features, in_features)",
               "bias?: shape (out_features,)"),
        S.linear, _linear_line,
        lambda T, F, a, i: F.linear(i["input"], i["weight"], i.get("bias")),
        ("AddmmBackward0",),
        torch_name="torch.nn.functional.linear", aliases=("dense", "fully connected", "layer")),
    # ---------------------------------------------------------------- Activations
    _unary("relu", "ReLU", "Activations", "max(input, 0) elementwise",
           ("ReluBackward0",), rule=S.unary_same),
    _unary("leaky_relu", "Leaky ReLU", "Activations", "input if > 0 else negative_slope·input",
           ("LeakyReluBackward0",), rule=S.unary_same, mod="F",
           attrs=(AttrSpec("negative_slope", "float", 0.01, "slope for negative inputs"),)),
    _unary("sigmoid", "Sigmoid", "Activations", "1 / (1 + e ** -input)",
           ("SigmoidBackward0",), aliases=("logistic",)),
    _unary("tanh", "Tanh", "Activations", "Hyperbolic tangent", ("TanhBackward0",)),
    _unary("softplus", "Softplus", "Activations", "log(1 + e ** (beta·input)) / beta",
           ("SoftplusBackward0",), mod="F",
           attrs=(AttrSpec("beta", "float", 1.0, "sharpness", minimum=1e-6),
                  AttrSpec("threshold", "float", 20.0, "above this beta·input, linear"))),
    _unary("gelu", "GELU", "Activations", "input·Φ(input), Φ the normal CDF",
           ("GeluBackward0",), mod="F",
           attrs=(AttrSpec("approximate", "choice", "none", "exact or tanh approximation",
                           ("none", "tanh")),)),
    _unary("softmax", "Softmax", "Activations", "exp(input) normalised to sum to 1 along dim",
           ("SoftmaxBackward0",), rule=S.dim_float,
           attrs=_SOFTDIM),
    _unary("log_softmax", "Log Softmax", "Activations", "log(softmax(input)), computed stably",
           ("LogSoftmaxBackward0",), rule=S.dim_float, attrs=_SOFTDIM),
    # ---------------------------------------------------------------- Reductions
    _reduce("sum", "Sum", "Sum of elements (all, or along dim)", S.reduce_sum,
            ("SumBackward0",), _ALLDIMS),
    _reduce("mean", "Mean", "Mean of elements (all, or along dim)", S.reduce_mean,
            ("MeanBackward0",), _ALLDIMS),
    _reduce("max", "Max", "Largest element (a 0-d tensor)", S.reduce_all,
            ("MaxBackward1",), ()),
    _reduce("min", "Min", "Smallest element (a 0-d tensor)", S.reduce_all,
            ("MinBackward1",), ()),
    _reduce("max_dim", "Max along dim", "Largest values along dim, and their indices",
            S.reduce_dim, ("MaxBackward0",), _ONEDIM, _VALIDX, "max"),
    _reduce("min_dim", "Min along dim", "Smallest values along dim, and their indices",
            S.reduce_dim, ("MinBackward0",), _ONEDIM, _VALIDX, "min"),
    # ---------------------------------------------------------------- Shape
    _shape_op("reshape", "Reshape", "Same elements, new shape (one size may be -1)", S.reshape,
              (AttrSpec("shape", "shape", (-1,), "the new shape"),), lambda a: a["shape"],
              ("ViewBackward0",)),
    _shape_op("transpose", "Transpose", "Swap two dimensions", S.transpose,
              (AttrSpec("dim0", "dim", 0, "first dimension"),
               AttrSpec("dim1", "dim", 1, "second dimension")),
              lambda a: (a["dim0"], a["dim1"]), ("TransposeBackward0",)),
    _shape_op("t", "2-D transpose (.t())", "Transpose a tensor of at most 2 dimensions",
              S.t, (), lambda a: (), ("TBackward0",)),
    _shape_op("permute", "Permute", "Reorder all dimensions", S.permute,
              (AttrSpec("dims", "dims", (1, 0), "the new order of the dimensions"),),
              lambda a: a["dims"], ("PermuteBackward0",)),
    _shape_op("squeeze", "Squeeze", "Drop dimensions of size 1 (all, or just dim)", S.squeeze,
              (AttrSpec("dim", "dim", None, "the dimension (empty: all of size 1)",
                        optional=True),),
              lambda a: () if a["dim"] is None else (a["dim"],),
              ("SqueezeBackward0",)),
    _shape_op("unsqueeze", "Unsqueeze", "Insert a dimension of size 1 at dim", S.unsqueeze,
              (AttrSpec("dim", "dim", 0, "where the new dimension goes"),),
              lambda a: (a["dim"],), ("UnsqueezeBackward0",)),
    _join("cat", "Concatenate", "Join tensors along an existing dimension", S.cat,
          ("CatBackward0",)),
    _join("stack", "Stack", "Join equal-shaped tensors along a new dimension", S.stack,
          ("StackBackward0",)),
    # ---------------------------------------------------------------- Losses
    _loss("mse_loss", "MSE loss", "Mean squared error between input and target",
          _ports("input: predictions", "target: wanted values"), S.regression_loss,
          "ℓ = mean((x - y)²)", ("MseLossBackward0",), aliases=("squared", "l2")),
    _loss("l1_loss", "L1 loss", "Mean absolute error between input and target",
          _ports("input: predictions", "target: wanted values"), S.regression_loss,
          "ℓ = mean(|x - y|)", ("MeanBackward0", "AbsBackward0", "SubBackward0"),
          aliases=("absolute", "mae")),
    _loss("binary_cross_entropy", "BCE", "Binary cross-entropy of probabilities in [0, 1]",
          _ports("input: probabilities", "target: 0..1 labels", "weight?: per-element weights"),
          S.bce_loss, "ℓ = mean(-w·[y·log x + (1-y)·log(1-x)]), each log clamped to >= -100",
          ("BinaryCrossEntropyBackward0",)),
    _loss("binary_cross_entropy_with_logits", "BCE with logits",
          "Binary cross-entropy on raw scores (sigmoid built in, numerically stable)",
          _ports(_LOGITS, "target: 0..1 labels", "pos_weight?: weight of positive examples"),
          S.bce_loss,
          "ℓ = mean(-[p·y·log σ(x) + (1-y)·log(1-σ(x))]), computed stably as "
          "(1-y)·x + (1+(p-1)·y)·(log(1+e^-|x|) + max(-x, 0))",
          ("BinaryCrossEntropyWithLogitsBackward0",), aliases=("sigmoid",)),
    _loss("nll_loss", "NLL loss", "Negative log likelihood of log-probabilities and classes",
          _ports("input: log-probabilities, shape (N, C) or (C,)", *_CLASSES[1:]),
          S.class_loss,
          "ℓ = Σ_n -w[t_n]·x[n, t_n] / Σ_n w[t_n] (mean), skipping t_n = ignore_index",
          ("NllLossBackward0",), (_IGNORE,)),
    _loss("cross_entropy", "Cross-entropy", "Softmax + negative log likelihood for classes",
          _ports(*_CLASSES), S.class_loss,
          "ℓ = nll_loss(log_softmax(x, dim=1), t): log-sum-exp shifted by the row max",
          ("NllLossBackward0", "LogSoftmaxBackward0"), (_IGNORE,), ("softmax", "ce")),
    # ---------------------------------------------------------------- Autograd
    _op("detach", "Detach", "Autograd", "The same values, cut from the graph (no gradient)", _X,
        S.unary_same, lambda a, x: f"{x['input']}.detach()",
        lambda T, F, a, i: i["input"].detach(), "no gradient flows through a detach",
        torch_name="torch.Tensor.detach", aliases=("stop gradient", "no grad")),
    _op("grad", "Grad", "Autograd",
        "The gradient of a scalar w.r.t. inputs, itself differentiable "
        "(torch.autograd.grad with create_graph=True)",
        _ports("outputs: the scalar to differentiate", "inputs: the tensor to differentiate by"),
        _grad_rule, lambda a, x: f"torch.autograd.grad({x['outputs']}, {x['inputs']}, "
                                 "create_graph=True)[0]",
        lambda T, F, a, i: T.autograd.grad(i["outputs"], i["inputs"], create_graph=True)[0],
        "the gradient's own backward runs through the recorded gradient ops (higher order)",
        default_name="grad", torch_name="torch.autograd.grad",
        aliases=("gradient", "second derivative", "hessian", "gradient penalty",
                 "create_graph")),
    _op("output", "Output", "Autograd", "Marks a tensor to show and print (a sink)",
        _ports("input: the tensor to show"), lambda a, ins: (ins["input"],),
        lambda a, x: x["input"], lambda T, F, a, i: i["input"], "passes the value through",
        outputs=(), default_name="output", torch_name="print", aliases=("print", "show",
                                                                          "sink")),
)

NODE_TYPES: dict[str, NodeType] = {nt.type_id: nt for nt in ALL_TYPES}

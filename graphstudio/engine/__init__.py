"""GraphStudio's engine: a PyTorch-like autograd on numpy.

``import graphstudio.engine as torch`` gives the tensor API. The engine imports nothing of
GraphStudio outside itself (the graph document, files and runner build on it), and no Qt, ever.
"""

# --- tensor / autograd API (owned by the engine work) -------------------------------------
# ruff: noqa: F401  (re-exports)
from . import autograd, functional, nn  # noqa: E402  (after Tensor has its methods)
from . import dtypes as _dtypes
from . import methods as _methods  # noqa: F401  (binds Tensor's operators and methods)
from .creation import (
    arange,
    as_tensor,
    empty,
    empty_like,
    eye,
    from_numpy,
    full,
    full_like,
    is_tensor,
    linspace,
    manual_seed,
    ones,
    ones_like,
    rand,
    rand_like,
    randint,
    randn,
    randn_like,
    tensor,
    zeros,
    zeros_like,
)
from .dtypes import get_default_dtype, set_default_dtype
from .grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled
from .indexing import chunk, masked_fill, narrow, select, split, unbind
from .linalg import addmm, bmm, dot, matmul, mm, mv, outer
from .node import derivative_rule
from .ops import (
    add,
    clamp,
    clip,
    div,
    eq,
    ge,
    gt,
    isfinite,
    isinf,
    isnan,
    le,
    logical_not,
    lt,
    maximum,
    minimum,
    mul,
    ne,
    neg,
    pow,
    reciprocal,
    square,
    sub,
    true_divide,
    where,
)
from .printing import format_tensor, set_printoptions
from .reductions import (
    amax,
    amin,
    argmax,
    argmin,
    log_softmax,
    logsumexp,
    max,
    mean,
    min,
    prod,
    softmax,
    std,
    sum,
    var,
)
from .shape_ops import (
    cat,
    clone,
    concat,
    concatenate,
    flatten,
    index_select,
    permute,
    repeat_interleave,
    reshape,
    squeeze,
    stack,
    t,
    transpose,
    unsqueeze,
)
from .tensor import Size, Tensor
from .unary import (
    abs,
    ceil,
    cos,
    exp,
    exp2,
    expm1,
    floor,
    log,
    log1p,
    log2,
    relu,
    round,
    sgn,
    sigmoid,
    sign,
    sin,
    sqrt,
    tanh,
)

globals().update(_dtypes.EXPORTS)  # torch.float32, torch.float, torch.int64, torch.bool, ...
dtype = _dtypes.dtype


def is_floating_point(input):
    return input.is_floating_point()


def numel(input):
    return input.numel()

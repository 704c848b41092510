"""What the code importer recognises: PyTorch's spellings of each node type, the statements it
refuses by name, and the words it builds names from."""

from __future__ import annotations

import ast

from graphstudio.graph.node_table import NODE_TYPES

__all__ = ["ALIASES", "BINOPS", "FUNCTIONAL", "METHODS", "NUMBER_NAMES", "OPS", "STATEMENTS",
           "TORCH", "TORCH_DEFAULTS", "USUAL_MODS", "WORDS", "name_base"]

ALIASES = {"subtract": "sub", "multiply": "mul", "divide": "div", "true_divide": "div",
            "negative": "neg", "clip": "clamp", "mm": "matmul", "concat": "cat",
            "concatenate": "cat", "absolute": "abs", "view": "reshape",
            "binary_cross_entropy": "bce", "binary_cross_entropy_with_logits": "bce_with_logits"}
OPS = {tid for tid, nt in NODE_TYPES.items() if not nt.has_tensor} - {"constant", "output"}
TORCH = {n for n in OPS if NODE_TYPES[n].category != "Losses"} - {
    "linear", "leaky_relu", "softplus", "gelu", "max_dim", "min_dim", "grad"}
FUNCTIONAL = {"linear", "relu", "leaky_relu", "sigmoid", "tanh", "softplus", "gelu", "softmax",
               "log_softmax", "mse_loss", "l1_loss", "bce", "bce_with_logits", "nll_loss",
               "cross_entropy"}
METHODS = TORCH - {"where", "cat", "stack"}
BINOPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow",
           ast.MatMult: "matmul"}
WORDS = {"add": "plus", "sub": "minus", "mul": "times", "div": "over", "pow": "pow"}
NUMBER_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten")
#: What ``torch``, ``F`` and ``nn`` mean when the code does not import them (nor assign them)
USUAL_MODS = {"torch": "torch", "F": "torch.nn.functional", "nn": "torch.nn"}
#: PyTorch's defaults where the node type's differ (what an omitted argument means)
TORCH_DEFAULTS = {"clamp": {"min": None, "max": None}}
STATEMENTS = {"For": "a for loop", "While": "a while loop", "If": "an if statement",
               "FunctionDef": "a function definition", "ClassDef": "a class definition",
               "Return": "return", "Try": "try", "Delete": "del", "Global": "global",
               "AsyncFunctionDef": "a function definition", "Raise": "raise",
               "Assert": "assert"}


def name_base(tid: str, parts: list[str]) -> str:
    """The name for a nested expression's node of type ``tid`` made from its operands' names
    (``xw`` for ``x @ w``, ``a_plus_b``, ``z_sum``, ``loss``), before it is made unique."""
    nt = NODE_TYPES[tid]
    if nt.category == "Losses":
        base = "loss"
    elif tid in ("matmul", "mul") and len(parts) == 2 and all(
            len(p) == 1 and p.isalpha() for p in parts):
        base = parts[0] + parts[1]
    elif tid in WORDS and len(parts) == 2:
        base = f"{parts[0]}_{WORDS[tid]}_{parts[1]}"
    elif tid == "matmul" and len(parts) == 2:
        base = f"{parts[0]}_{parts[1]}"
    elif tid == "grad" and len(parts) == 2:
        base = f"d{parts[0]}_d{parts[1]}"
    elif len(parts) == 1:
        word = {"detach": "detached", "max_dim": "max", "min_dim": "min"}.get(tid, tid)
        base = f"{parts[0]}_{word}"
    else:
        base = nt.default_name
    return base if base.isidentifier() and len(base) <= 24 else nt.default_name

"""Export a graph as a readable PyTorch program that prints what ``graphstudio run`` prints.

The script builds every tensor with its exact values (``torch.tensor([...])``; rand/randn
initializers are written as the values they produced, since the engine's generator is not
torch's), or with the creating call for deterministic initializers (``torch.ones(5)``), then one
line per op from the node type's own :meth:`~graphstudio.graph.node_types.NodeType.torch_line`,
in the order a run computes them. The run options follow: ``with torch.no_grad():`` around the
forward, ``h.retain_grad()``, a gradient hook's ``z.register_hook(lambda g: g * 0.5)`` right
after ``z``, ``loss.backward()`` or ``out.backward(seed, retain_graph=True)``.
Last come the ``print`` lines of ``graphstudio run``, using torch's own repr, so running the
script with PyTorch reproduces the engine's output line for line.

:func:`export_with_line_map` also tells on which line each node's statement starts (the Code
dock highlights the selected node); :func:`export_with_spans` gives first and last lines.
"""

from __future__ import annotations

import re
import textwrap

import numpy as np

from graphstudio.graph.grad_hooks import hook_source
from graphstudio.graph.literals import format_numbers, nest_literal
from graphstudio.graph.lookup import NodeLookupError, resolve_loss
from graphstudio.graph.model import Graph, Node
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.pytorch.torch_lines import node_statement

__all__ = ["DOC_FOOTER", "UNTITLED", "export_script", "export_with_line_map",
           "export_with_spans"]

WIDTH = 100
UNTITLED = "A GraphStudio graph."
DOC_FOOTER = ("Exported from GraphStudio: run it with PyTorch to print what `graphstudio run`\n"
              "prints for the graph.")
_TENSOR_CALL = "torch.tensor("


def export_script(graph: Graph, max_literal: int | None = None) -> str:
    """The PyTorch program for ``graph`` (see the module docstring).

    ``max_literal``: tensors with more elements than this are written as a shape-only call
    with a comment instead of their values (for a quick look; the script then no longer
    reproduces the numbers). None writes every value.
    """
    return export_with_spans(graph, max_literal)[0]


def export_with_line_map(graph: Graph, max_literal: int | None = None
                         ) -> tuple[str, dict[str, int]]:
    """``(script, {node_id: line number})``: the 1-based line where each node's statement
    starts."""
    script, spans = export_with_spans(graph, max_literal)
    return script, {nid: first for nid, (first, _) in spans.items()}


def export_with_spans(graph: Graph, max_literal: int | None = None
                      ) -> tuple[str, dict[str, tuple[int, int]]]:
    """``(script, {node_id: (first line, last line)})`` of each node's statement; a ValueError
    for a negative ``max_literal``."""
    if max_literal is not None and max_literal < 0:
        raise ValueError(f"the most elements written out must be a whole number >= 0, not "
                         f"{max_literal}")
    return _Exporter(graph, max_literal).build()


# ====================================================================== the exporter
class _Exporter:
    def __init__(self, graph: Graph, max_literal: int | None):
        self.graph, self.max_literal = graph, max_literal
        self.shapes = infer_shapes(graph)
        self.order = graph.topological_order()
        self.no_grad = bool(graph.run.get("no_grad"))
        self.rg = _requires_grad(graph, self.order, self.no_grad)
        self.lines: list[str] = []
        self.spans: dict[str, tuple[int, int]] = {}

    def emit(self, text: str = "", indent: int = 0) -> int:
        """Append (possibly multi-line) text; returns the number of its first line."""
        first = len(self.lines) + 1
        for line in text.split("\n"):
            self.lines.append((" " * indent + line) if line else "")
        return first

    def build(self) -> tuple[str, dict[str, tuple[int, int]]]:
        g = self.graph
        self.emit(_docstring(g))
        self.emit()
        self.emit("import torch")
        self.emit("import torch.nn.functional as F")
        self.emit()
        if g.run.get("session"):  # the program's own actions, in order
            from graphstudio.pytorch.session_export import write_session

            write_session(self)
            return "\n".join(self.lines) + "\n", self.spans
        indent = 0
        if self.no_grad:
            self.emit("with torch.no_grad():  # the run option no_grad: no grad_fn anywhere")
            indent = 4
        retained = self.retained()
        for nid in self.order:
            first = self.emit(self.statement(g.nodes[nid], indent), indent)
            self.spans[nid] = (first, len(self.lines))
            if nid in retained and g.nodes[nid].type != "output":
                self.emit(f"{g.nodes[nid].name}.retain_grad()", indent)
            if nid in g.run.get("hooks", {}) and not self.no_grad:
                self.emit(hook_source(g.nodes[nid].name, g.run["hooks"][nid]), indent)
        if not self.order:
            self.emit("pass  # an empty graph", indent)
        self.emit()
        self.emit(self.backward())
        self.emit()
        self.emit("# what `graphstudio run` prints")
        self.prints(retained)
        return "\n".join(self.lines) + "\n", self.spans

    # ------------------------------------------------------------------ statements
    def statement(self, node: Node, indent: int) -> str:
        nt = NODE_TYPES[node.type]
        if nt.has_tensor:
            return f"{node.name} = {self.tensor_expr(node, indent)}"
        text = node_statement(self.graph, node, unconnected=lambda port: "None",
                              print_outputs=False)
        err = self.shapes[node.id].error
        if err and not err.startswith("input "):
            text += f"  # error: {err}"
        return text

    def tensor_expr(self, node: Node, indent: int) -> str:
        """The creating expression; a frozen Parameter says ``requires_grad=False`` outright so
        that reading the code back gives a Parameter again, not an Input."""
        nt, spec = NODE_TYPES[node.type], node.tensor
        if spec is None:
            return "None  # error: no tensor set"
        frozen = node.type == "parameter" and not node.attrs.get("requires_grad")
        if self.max_literal is not None and spec.numel > self.max_literal and (
                spec.init in ("values", "rand", "randn")):
            if spec.init == "values":
                dims = ", ".join(map(str, spec.shape))
                kw = "" if spec.dtype == "float32" else f", dtype=torch.{spec.dtype}"
                if node.type == "parameter" and not frozen:
                    kw += ", requires_grad=True"
                short = _frozen(f"torch.zeros({dims}{kw})", frozen)
                return f"{short}  # {spec.numel} {spec.dtype} values not shown"
            call = nt.torch_line(node, {}, explicit=False).partition("  # ")[0]
            return f"{_frozen(call, frozen)}  # not the engine's values (shown without them)"
        line = _frozen(nt.torch_line(node, {}, explicit=True), frozen)
        if len(node.name) + 3 + len(line) + indent <= WIDTH:
            return line
        arr = spec.to_numpy()
        texts = np.array(format_numbers(arr, spec.dtype), dtype=object).reshape(arr.shape)
        literal = _literal(texts)
        if not line.startswith(_TENSOR_CALL + literal):
            return line
        rest = line[len(_TENSOR_CALL) + len(literal):]
        return _TENSOR_CALL + "\n".join(_hanging(texts)) + rest

    # ------------------------------------------------------------------ backward
    def retained(self) -> set[str]:
        """Nodes whose tensor keeps ``.grad`` (retain_grad on a tensor with a grad_fn), with the
        Output nodes that show them."""
        g = self.graph
        ident = {nid: _source(g, nid) for nid in self.order}
        wanted = {ident[r] for r in g.run.get("retain_grad", ()) if r in ident}
        wanted = {r for r in wanted if self.rg.get((r, _first_port(g, r)))
                  and not NODE_TYPES[g.nodes[r].type].has_tensor}
        return {nid for nid in self.order if ident[nid] in wanted}

    def backward(self) -> str:
        g = self.graph
        try:
            loss = resolve_loss(g)
        except NodeLookupError as ex:
            return f"# no backward: {ex}"
        name = g.nodes[loss].name
        shape = self.shapes[loss]
        if shape.error:
            return f"# no backward: {name} cannot be computed"
        if shape.dtype == "number":
            return f"# no backward: {name} is a Python number, not a tensor"
        if self.no_grad:
            return f"# no backward: the forward ran under torch.no_grad(), so {name} has no grad_fn"
        if not self.rg.get((loss, _first_port(g, loss))):
            return f"# no backward: {name} does not require grad"
        args = []
        seed = g.run.get("gradient")
        if seed is not None:
            holder = Node("seed", "input", "seed", tensor=seed)
            args.append(NODE_TYPES["input"].torch_line(holder, {}, explicit=True))
        elif int(np.prod(shape.shape)) != 1:
            return (f"# no backward: {name} has shape {tuple(shape.shape)}, not a scalar, and "
                    "there is no gradient seed")
        if g.run.get("retain_graph"):
            args.append("retain_graph=True")
        return f"{name}.backward({', '.join(args)})"

    # ------------------------------------------------------------------ printing
    def prints(self, retained: set[str]) -> None:
        g = self.graph
        for nid in self.order:
            node = g.nodes[nid]
            n = node.name
            outs = NODE_TYPES[node.type].output_names
            if len(outs) > 1:
                parts = ", ".join(f"{{{n}[{i}]!r}}" for i in range(len(outs)))
                self.emit(f'print(f"{n}: ({parts})")')
            else:
                self.emit(f'print(f"{n}: {{{n}!r}}")')
        for nid in self.order:
            node = g.nodes[nid]
            if self.shapes[nid].dtype == "number" or len(NODE_TYPES[node.type].output_names) > 1:
                continue
            if node.type == "parameter" or nid in retained:
                self.emit(f'print(f"{node.name}.grad: {{{node.name}.grad!r}}")')


def _source(graph: Graph, nid: str) -> str:
    """The node whose tensor ``nid`` holds (an Output node holds its input's)."""
    node = graph.nodes[nid]
    if node.type == "output":
        e = graph.incoming(nid).get("input")
        return nid if e is None else e.src
    return nid


def _first_port(graph: Graph, nid: str) -> str:
    outs = NODE_TYPES[graph.nodes[nid].type].output_names
    return outs[0] if outs else "out"


def _requires_grad(graph: Graph, order, no_grad: bool) -> dict[tuple[str, str], bool]:
    """Which outputs require grad, worked out without running anything (as PyTorch decides)."""
    rg: dict[tuple[str, str], bool] = {}
    for nid in order:
        node = graph.nodes[nid]
        nt = NODE_TYPES[node.type]
        ins = [rg.get((e.src, e.src_port), False) for e in graph.incoming(nid).values()]
        if nt.has_tensor:
            flag = bool(node.attrs.get("requires_grad"))
        elif node.type == "output":
            rg[(nid, "out")] = any(ins)
            continue
        else:
            flag = any(ins) and not no_grad and node.type not in ("detach", "constant")
        for i, port in enumerate(nt.output_names):
            rg[(nid, port)] = flag and not (port == "indices" and i > 0)
    return rg


# ====================================================================== text helpers
def _frozen(expr: str, frozen: bool) -> str:
    """``expr`` with ``requires_grad=False`` added (inside its call when it is one call)."""
    if not frozen:
        return expr
    depth, start = 0, expr.find("(")
    for i in range(max(start, 0), len(expr)):
        depth += {"(": 1, ")": -1}.get(expr[i], 0)
        if depth == 0:
            break
    if start > 0 and i == len(expr) - 1:
        return expr[:-1] + ", requires_grad=False)"
    return expr + ".requires_grad_(False)"


#: what a docstring cannot hold as it is: control characters but the newline (NUL makes the
#: script unparsable, a carriage return turns into a newline), lone surrogates (not UTF-8), the
#: bidirectional controls that make code read differently from how it runs (U+202A-U+202E,
#: U+2066-U+2069) and the line and paragraph separators (U+2028, U+2029)
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                      r"\ud800-\udfff]")


def _escaped(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _docstring(graph: Graph) -> str:
    title = str(graph.meta.get("title") or UNTITLED)
    parts = [title]
    notes = str(graph.meta.get("notes") or "").strip()
    for para in notes.split("\n\n") if notes else ():
        parts.append(textwrap.fill(" ".join(para.split()), WIDTH - 4, break_on_hyphens=False))
    parts.append(DOC_FOOTER)
    body = "\n\n".join(parts).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{_CONTROL.sub(_escaped, body)}\n"""'


def _literal(texts: np.ndarray) -> str:
    """The one-line literal of an array of number texts (see :func:`format_numbers`)."""
    return nest_literal(texts.reshape(-1).tolist(), texts.shape)


def _hanging(texts: np.ndarray) -> list[str]:
    """A long tensor literal: ``[`` then one line per row (rows wrapped when long), ``]``.
    ``texts``: the tensor's numbers already written (an object array of its shape)."""
    if texts.ndim == 1:
        return ["["] + _pack(texts.tolist(), 4, True) + ["]"]
    lines = ["["]
    for row in texts:
        sub = _compact(row, 4)
        sub[0] = " " * 4 + sub[0]
        sub[-1] += ","
        lines.extend(sub)
    return lines + ["]"]


def _compact(texts: np.ndarray, indent: int) -> list[str]:
    """numpy-style nested literal lines; the first line without its indentation."""
    one = _literal(texts)
    if indent + len(one) <= WIDTH or texts.ndim == 0:
        return [one]
    if texts.ndim == 1:
        lines = _pack(texts.tolist(), indent + 1, False)
        lines[0] = "[" + lines[0].lstrip()
        lines[-1] += "]"
        return lines
    lines = []
    for i, row in enumerate(texts):
        sub = _compact(row, indent + 1)
        sub[0] = ("[" if i == 0 else " " * (indent + 1)) + sub[0]
        sub[-1] += "," if i < len(texts) - 1 else "]"
        lines.extend(sub)
    return lines


def _pack(items: list[str], indent: int, trailing: bool) -> list[str]:
    """Comma-separated items filled into lines of at most WIDTH columns, indented."""
    pad, room, last = " " * indent, WIDTH - indent, len(items) - 1
    lines, cur, used = [], [], 0  # used: len(" ".join(cur))
    for i, item in enumerate(items):
        piece = item + "," if trailing or i < last else item
        if cur and used + 1 + len(piece) > room:
            lines.append(pad + " ".join(cur))
            cur, used = [piece], len(piece)
        else:
            used += len(piece) + (1 if cur else 0)
            cur.append(piece)
    lines.append(pad + " ".join(cur))
    return lines

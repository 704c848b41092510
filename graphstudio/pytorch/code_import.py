"""Build a graph from PyTorch-style code, by reading it with :mod:`ast` (never running it).

:func:`graph_from_code` understands what a graph can hold: tensors (``torch.tensor([...])`` of
literal lists, ``torch.ones/zeros/full/eye/arange/rand/randn`` and their ``_like`` forms, with
``dtype=`` and ``requires_grad=True`` for a Parameter, else an Input; ``.reshape(...)``,
``.requires_grad_()``, ``randn(...) * scale``; ``torch.manual_seed(n)`` seeds later rand/randn
with the engine's generator); numbers (a Constant), ``a = b`` (an Output showing ``b``);
``+ - * / ** @``, unary minus, ``torch.X``/``F.X``/``torch.nn.functional.X`` calls and tensor
methods (``.sum()``, ``.t()``, ``.T``, ``.max(dim=1)`` with ``[0]``/``.values``, ...) for every op
of the node registry, ``.detach()``, ``torch.autograd.grad(y, x, create_graph=True)[0]`` (a Grad
node: :mod:`~graphstudio.pytorch.import_grad`); ``with torch.no_grad():``; ``x.backward(gradient,
retain_graph=True)``, ``x.grad.zero_()``, ``h.retain_grad()``, ``print(...)``; imports of torch
(``import torch as t`` is followed; without imports ``torch``, ``F`` and ``nn`` mean what they
usually do) and a docstring (title and notes). A program that runs more than one forward and
backward (the tutorial's cells) gets a session: :mod:`graphstudio.pytorch.session_import`.

Variable names become node names; nested expressions get names such as ``xw`` (for
``torch.matmul(x, w)``) or ``z_sum``. Nodes are laid out left to right by topological layer.
Anything else (shape errors too) raises :class:`CodeImportError` naming the line.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from graphstudio.graph.collector import collector_paused
from graphstudio.graph.limits import MAX_ELEMENTS
from graphstudio.graph.model import Graph, GraphError, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.pytorch.export import DOC_FOOTER, UNTITLED
from graphstudio.pytorch.import_grad import AUTOGRAD_GRAD, grad_operands, is_autograd_grad
from graphstudio.pytorch.import_layout import arrange
from graphstudio.pytorch.import_names import (
    ALIASES,
    BINOPS,
    FUNCTIONAL,
    METHODS,
    NUMBER_NAMES,
    STATEMENTS,
    TORCH,
    TORCH_DEFAULTS,
    USUAL_MODS,
    name_base,
)
from graphstudio.pytorch.import_scan import scan_program
from graphstudio.pytorch.import_source import MAX_CODE_CHARS, parse_code
from graphstudio.pytorch.import_tensors import CodeImportError, TensorParsing
from graphstudio.pytorch.session_import import SessionRecorder

__all__ = ["CodeImportError", "MAX_CODE_CHARS", "graph_from_code", "graph_from_tree"]


def graph_from_code(text: str) -> Graph:
    """A new graph built from PyTorch-style ``text`` (see the module docstring)."""
    with collector_paused():  # parse_code refuses too long a program
        return graph_from_tree(parse_code(text))


def graph_from_tree(tree: ast.Module) -> Graph:
    """The graph of a program read by :func:`parse_code` (the tree stays the caller's)."""
    with collector_paused():
        builder = _Builder(tree)
        try:
            return builder.build()
        except RecursionError:
            raise CodeImportError("the code is nested too deeply") from None
        finally:  # its session recorder refers back to it: a cycle the collector would wait for
            builder.session = None


class _Builder(TensorParsing):
    def __init__(self, tree: ast.Module):
        self.tree = tree
        self.g = Graph()
        self.env: dict[str, tuple[str, str | None]] = {}  # variable -> (node id, port or None)
        self.mods: dict[str, str] = {}  # local name -> dotted torch path
        self.labels: dict[str, str] = {}  # constant node id -> its number as a name part
        self.node_line: dict[str, int] = {}
        self.next_number: dict[str, int] = {}  # stem -> where fresh() goes on numbering
        names = scan_program(tree)
        self.reserved = names.assigned
        self.seed = 0
        self.line = None
        self.no_grad = 0
        self.ops = {True: 0, False: 0}
        self.no_grad_line = None
        self.backward_line = None
        self.session = SessionRecorder(self, names)

    def fail(self, message: str):
        raise CodeImportError(message, self.line)

    # ------------------------------------------------------------------ statements
    def build(self) -> Graph:
        body = self.tree.body
        doc = ast.get_docstring(self.tree)
        if doc is not None:
            body = body[1:]
            self.meta(doc)
        self.block(body)
        if self.ops[True] and self.ops[False]:
            self.line = self.no_grad_line
            self.fail("torch.no_grad() around only part of the forward: a graph runs all of its "
                      "forward with or without grad (use .detach() to cut single values)")
        if self.ops[True]:
            self.g.set_run_option("no_grad", True)
        self.check_shapes()
        self.session.finish()
        return arrange(self.g)

    def block(self, stmts):
        for stmt in stmts:
            self.line = stmt.lineno
            mark = self.session.mark(stmt)
            self.statement(stmt)
            self.session.done(stmt, mark)

    def statement(self, s):
        if isinstance(s, ast.Import | ast.ImportFrom):
            return self.imports(s)
        if isinstance(s, ast.Pass):
            return
        if isinstance(s, ast.Assign):
            if self.session.recompute(s):
                return
            if len(s.targets) != 1:
                self.fail("chained assignment (a = b = ...) is not supported")
            return self.assign(s.targets[0], s.value)
        if isinstance(s, ast.AugAssign) and type(s.op) in BINOPS and isinstance(s.target,
                                                                              ast.Name):
            return self.assign(s.target, ast.BinOp(ast.Name(s.target.id, ast.Load()), s.op,
                                                   s.value))
        if isinstance(s, ast.Expr):
            return self.expression_statement(s.value)
        if isinstance(s, ast.With):
            return self.with_block(s)
        what = STATEMENTS.get(type(s).__name__, type(s).__name__)
        self.fail(f"unsupported statement: {what}")

    def imports(self, s):
        for alias in s.names:
            if isinstance(s, ast.Import):
                if alias.name.split(".")[0] != "torch":
                    self.fail(f"unsupported import {alias.name} (only torch)")
                if alias.asname:
                    self.mods[alias.asname] = alias.name
                else:
                    self.mods["torch"] = "torch"
            else:
                if not (s.module or "").startswith("torch") or alias.name == "*":
                    self.fail(f"unsupported import from {s.module}")
                self.mods[alias.asname or alias.name] = f"{s.module}.{alias.name}"

    def assign(self, target, value):
        if isinstance(target, ast.Tuple | ast.List):
            names = [t.id for t in target.elts if isinstance(t, ast.Name)]
            if len(names) != len(target.elts):
                self.fail("only names can be unpacked")
            if is_autograd_grad(value, self.dotted) and len(names) == 1:
                self.env[names[0]] = self.grad_node(value, names[0])
                return
            nid, port = self.expr(value, names[0])
            outs = NODE_TYPES[self.g.nodes[nid].type].output_names
            if port is not None or len(outs) != len(names):
                self.fail(f"cannot unpack {len(names)} values from {self.g.nodes[nid].name}")
            for n, p in zip(names, outs, strict=True):
                self.env[n] = (nid, p)
            return
        if not isinstance(target, ast.Name):
            self.fail("only assignments to a name are supported (no x[i] = ..., x.a = ...)")
        name = target.id
        if isinstance(value, ast.Name):  # a = b: an Output node showing b
            ref = self.lookup(value.id)
            node = self.add("output", self.var_name(name), {})
            self.connect(ref, node, "input")
            self.env[name] = ref
            return
        number = self.number(value)
        if number is not None:
            self.env[name] = (self.constant(number, self.var_name(name)), "out")
            return
        self.env[name] = self.expr(value, name)

    def expression_statement(self, e):
        if isinstance(e, ast.Constant) and isinstance(e.value, str):
            return  # a string used as a comment
        if not isinstance(e, ast.Call):
            self.fail("this statement does nothing a graph can show")
        fn = self.dotted(e.func)
        if fn == "print":
            return self.session.print_call(e)
        if fn == "torch.manual_seed":
            if len(e.args) != 1 or not isinstance(self.literal(e.args[0]), int):
                self.fail("torch.manual_seed takes one integer")
            self.seed = self.literal(e.args[0])
            return
        if isinstance(e.func, ast.Attribute) and fn is None:
            method = e.func.attr
            if method == "backward":
                return self.backward(e)
            if method == "retain_grad" and not e.args and not e.keywords:
                nid, _ = self.expr(e.func.value)
                kept = tuple(self.g.run.get("retain_grad", ()))
                if nid not in kept:
                    self.g.set_run_option("retain_grad", kept + (nid,))
                return
            if self.session.call_statement(e):
                return
            if method == "requires_grad_":
                self.fail("call .requires_grad_() where the tensor is made "
                          "(torch.randn(3).requires_grad_()) or pass requires_grad=True")
        self.fail(f"unsupported call {self.describe(e.func)} as a statement")

    def backward(self, e):
        if self.no_grad:
            self.fail("backward inside torch.no_grad()")
        nid, port = self.expr(e.func.value)
        seed, flag = self.session.backward(e, nid)
        if self.backward_line is not None:
            return  # a later backward: the session replays it
        self.backward_line = self.line
        self.g.set_run_option("loss", nid)
        if seed is not None:
            self.g.set_run_option("gradient", seed)
        if flag:
            self.g.set_run_option("retain_graph", True)

    def seed_spec(self, e) -> TensorSpec:
        if isinstance(e, ast.Name):
            nid, _ = self.lookup(e.id)
            spec = self.g.nodes[nid].tensor
            if spec is None:
                self.fail(f"the gradient {e.id} must be a tensor made directly, not computed")
            return spec
        made = self.leaf(e)
        if made is None:
            self.fail("the gradient must be a tensor made directly (torch.ones(...), "
                      "torch.tensor([...]), torch.ones_like(out))")
        return made[0]

    def with_block(self, s):
        if len(s.items) != 1 or s.items[0].optional_vars is not None or \
                self.dotted(getattr(s.items[0].context_expr, "func", None)) != "torch.no_grad":
            self.fail("only `with torch.no_grad():` blocks are supported")
        self.no_grad_line = self.no_grad_line or self.line
        self.no_grad += 1
        self.block(s.body)
        self.no_grad -= 1

    def meta(self, doc: str):
        paras = [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]
        if paras and paras[-1] == " ".join(DOC_FOOTER.split()):
            paras.pop()
        if paras and paras[0] != UNTITLED:
            self.g.set_meta("title", paras[0])
        if len(paras) > 1:
            self.g.set_meta("notes", "\n\n".join(paras[1:]))

    # ------------------------------------------------------------------ names and nodes
    def lookup(self, name: str) -> tuple[str, str | None]:
        if name not in self.env:
            self.fail(f"unknown name {name!r}" + (" (a module, not a tensor)"
                                                   if name in self.mods else ""))
        return self.env[name]

    def var_name(self, var: str) -> str:
        return var if self.g.name_problem(var) is None else self.fresh(var)

    def fresh(self, base: str) -> str:
        """A name free in the graph and used by no variable (numbering on where it stopped)."""
        name = self.g.unique_name(base)  # sanitised and free in the graph
        stem = name.rstrip("0123456789") or name
        i = self.next_number.get(stem, 1)
        while name in self.reserved or self.g.name_problem(name) is not None:
            name, i = f"{stem}{i}", i + 1
        self.next_number[stem] = i
        return name

    def add(self, type_id: str, name: str, attrs: dict, tensor=None) -> str:
        if tensor is not None and tensor.numel > MAX_ELEMENTS:  # before the model's own words
            self.fail(f"{name} would hold {tensor.numel:,} elements: at most {MAX_ELEMENTS:,}")
        try:
            node = self.g.add_node(type_id, name, attrs=attrs, tensor=tensor)
        except GraphError as ex:
            self.fail(str(ex))
        self.node_line[node.id] = self.line
        self.session.added(node.id)
        if type_id not in ("constant", "output") and not NODE_TYPES[type_id].has_tensor:
            self.ops[self.no_grad > 0] += 1
        return node.id

    def tensor_port(self, ref) -> str:
        nid, out = ref
        if out is None:
            name = self.g.nodes[nid].name
            self.fail(f"{name} is a (values, indices) pair: use {name}[0] or {name}.values")
        return out

    def connect(self, ref, dst: str, port: str):
        self.g.connect(ref[0], self.tensor_port(ref), dst, port)

    def constant(self, value: float, name: str | None = None) -> str:
        if name is None:
            v = float(value)
            label = (NUMBER_NAMES[int(v)] if v.is_integer() and 0 <= v <= 10 else "c")
            name = self.fresh(label)
        nid, text = self.add("constant", name, {"value": float(value)}), repr(float(value))
        self.labels[nid] = text.removesuffix(".0").replace(".", "_").replace("-", "neg")
        return nid

    def label(self, ref) -> str:
        return self.labels.get(ref[0], self.g.nodes[ref[0]].name)

    def auto_name(self, tid: str, refs: list) -> str:
        return self.fresh(name_base(tid, [self.label(r) for r in refs]))

    # ------------------------------------------------------------------ expressions
    def dotted(self, e) -> str | None:
        """``F.relu`` -> ``torch.nn.functional.relu`` when the root is an imported torch name
        (or, without an import, ``torch``, ``F`` or ``nn`` as usual); ``print`` for print;
        None otherwise."""
        parts = []
        while isinstance(e, ast.Attribute):
            parts.append(e.attr)
            e = e.value
        if not isinstance(e, ast.Name):
            return None
        root = self.mods.get(e.id)
        if root is None and e.id not in self.env and e.id not in self.reserved:
            root = USUAL_MODS.get(e.id)  # a pasted snippet without its import lines
        if root is not None:
            return ".".join([root, *reversed(parts)])
        if e.id == "print" and not parts and "print" not in self.env:
            return "print"
        return None

    def describe(self, func) -> str:
        fn = self.dotted(func)
        if fn is not None:
            return fn
        if isinstance(func, ast.Attribute):
            return f".{func.attr}()"
        return ast.unparse(func)[:60]

    def expr(self, e, name: str | None = None) -> tuple[str, str | None]:
        """The (node id, port) ``e`` evaluates to, adding the nodes it needs; the outermost new
        node is called ``name`` when given."""
        if isinstance(e, ast.Name):
            return self.lookup(e.id)
        number = self.number(e)
        if number is not None:
            return self.constant(number), "out"
        made = self.leaf(e)
        if made is not None:
            spec, rg = made
            if spec.init in ("rand", "randn"):
                spec = replace(spec, seed=self.seed)
                self.seed += 1
            kind = "input" if rg is None else "parameter"
            attrs = {} if rg is None else {"requires_grad": rg}
            nm = self.var_name(name) if name else self.fresh(
                "tensor" if spec.init == "values" else spec.init)
            return self.add(kind, nm, attrs, spec), "out"
        if isinstance(e, ast.BinOp) and type(e.op) in BINOPS:
            tid = BINOPS[type(e.op)]
            ports = ("input", "exponent") if tid == "pow" else ("input", "other")
            return self.op(tid, dict(zip(ports, (e.left, e.right), strict=True)), {}, name)
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub | ast.UAdd):
            if isinstance(e.op, ast.UAdd):
                return self.expr(e.operand, name)
            return self.op("neg", {"input": e.operand}, {}, name)
        if isinstance(e, ast.Call):
            return self.call(e, name)
        if isinstance(e, ast.Attribute):
            if e.attr == "T":
                return self.op("t", {"input": e.value}, {}, name)
            nid, port = self.expr(e.value)
            outs = NODE_TYPES[self.g.nodes[nid].type].output_names
            if port is None and e.attr in outs:
                return nid, e.attr
            self.fail(f"unsupported attribute .{e.attr}")
        if isinstance(e, ast.Subscript):
            if is_autograd_grad(e.value, self.dotted) and self.literal_or_none(e.slice) == 0:
                return self.grad_node(e.value, name)
            nid, port = self.expr(e.value)
            index = self.literal(e.slice) if port is None else None
            outs = NODE_TYPES[self.g.nodes[nid].type].output_names
            if port is None and isinstance(index, int) and -len(outs) <= index < len(outs):
                return nid, outs[index]
            self.fail("indexing tensors is not supported")
        self.fail(f"unsupported expression {ast.unparse(e)[:60]}")

    def call(self, e: ast.Call, name):
        fn = self.dotted(e.func)
        kwargs = {}
        for k in e.keywords:
            if k.arg is None:
                self.fail("**kwargs are not supported")
            kwargs[k.arg] = k.value
        if any(isinstance(a, ast.Starred) for a in e.args):
            self.fail("*args are not supported")
        if fn == AUTOGRAD_GRAD:
            self.fail(f"{fn}(...) returns a tuple: take its [0] for the gradient")
        if fn is not None:
            short = fn.rsplit(".", 1)[-1]
            tid = ALIASES.get(short, short)
            if fn.startswith("torch.nn.functional.") and tid in FUNCTIONAL:
                return self.op_args(tid, list(e.args), kwargs, name, fn)
            if fn == f"torch.{short}" and tid in TORCH:
                return self.op_args(tid, list(e.args), kwargs, name, fn)
            self.fail(f"unsupported call {fn}")
        if isinstance(e.func, ast.Attribute):
            method = e.func.attr
            tid = ALIASES.get(method, method)
            if tid in METHODS:
                return self.op_args(tid, [e.func.value, *e.args], kwargs, name, f".{method}()")
            self.fail(f"unsupported method .{method}()")
        self.fail(f"unsupported call {self.describe(e.func)}")

    def op_args(self, tid: str, args: list, kwargs: dict, name, what: str):
        """Bind PyTorch-style arguments to the node type's ports and attributes."""
        if tid in ("max", "min"):
            other = args[1] if len(args) > 1 else kwargs.get("other")
            if other is not None and not isinstance(self.literal_or_none(other), int):
                tid = "maximum" if tid == "max" else "minimum"
            elif len(args) > 1 or "dim" in kwargs:
                tid += "_dim"
        nt = NODE_TYPES[tid]
        if tid in ("reshape", "permute") and len(args) > 1:
            key = nt.attrs[0].name
            rest = args[1:]
            args = args[:1] + [rest[0] if len(rest) == 1 else ast.Tuple(rest, ast.Load())]
            if key in kwargs:
                self.fail(f"{what}: {key} given twice")
        if tid in ("cat", "stack"):
            seq = args[0] if args else kwargs.pop("tensors", None)
            if not isinstance(seq, ast.List | ast.Tuple) or not 2 <= len(seq.elts) <= 3:
                self.fail(f"{what} takes a list of two or three tensors")
            args = [*seq.elts[:3], *args[1:]] if len(seq.elts) == 3 else [*seq.elts, None,
                                                                           *args[1:]]
            signature = ("a", "b", "c", "dim")
        elif nt.category == "Losses":
            signature = nt.input_names[:2] + (("weight",) if "weight" in nt.input_names else ())
        else:
            signature = nt.input_names + tuple(a.name for a in nt.attrs)
        if len(args) > len(signature):
            self.fail(f"{what}: too many positional arguments")
        bound = {k: v for k, v in zip(signature, args, strict=False) if v is not None}
        for k, v in kwargs.items():
            if k in bound:
                self.fail(f"{what} got {k} twice")
            bound[k] = v
        ports = {k: v for k, v in bound.items() if k in nt.input_names}
        attrs = dict(TORCH_DEFAULTS.get(tid, {}))
        for k, v in bound.items():
            if k in ports:
                continue
            if k not in {a.name for a in nt.attrs}:
                self.fail(f"{what}: unsupported argument {k}=")
            value = self.literal(v)
            if nt.attr(k).kind == "shape" and isinstance(value, int):
                value = (value,)
            attrs[k] = tuple(value) if isinstance(value, list) else value
        return self.op(tid, ports, attrs, name)

    def grad_node(self, call: ast.Call, name):
        """A Grad node for ``torch.autograd.grad(outputs, inputs, create_graph=True)``."""
        outputs, inputs = grad_operands(call, self.literal, self.fail)
        return self.op("grad", {"outputs": outputs, "inputs": inputs}, {}, name)

    def op(self, tid: str, ports: dict, attrs: dict, name):
        nt = NODE_TYPES[tid]
        refs = {}
        for port in nt.input_names:
            v = ports.get(port)
            if v is None or (isinstance(v, ast.Constant) and v.value is None):
                if port in nt.required_inputs:
                    self.fail(f"{nt.label}: missing {port}")
                continue
            refs[port] = self.expr(v)
            self.tensor_port(refs[port])
        try:
            attrs = {k: nt.check_attr(k, v) for k, v in attrs.items()} if attrs else attrs
        except GraphError as ex:
            self.fail(f"{nt.label}: {ex}")
        nm = self.var_name(name) if name else self.auto_name(tid, list(refs.values()))
        nid = self.add(tid, nm, attrs)
        for port, ref in refs.items():
            self.connect(ref, nid, port)
        return nid, (None if len(nt.output_names) > 1 else nt.output_names[0])

    # ------------------------------------------------------------------ checks
    def check_shapes(self):
        for nid, result in infer_shapes(self.g).items():
            if result.error and not result.error.startswith("input "):
                self.line = self.node_line.get(nid)
                self.fail(f"{self.g.nodes[nid].name}: {result.error}")

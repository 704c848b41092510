"""Reading ``.gsgraph`` documents defensively: every problem is a GraphFileError naming where
and what; nothing in a file is ever evaluated."""

from __future__ import annotations

import json
import math
import os

import numpy as np

from graphstudio.files.format import (
    FORMAT,
    MIGRATIONS,
    RUN_BOOLS,
    TENSOR_KEYS,
    VERSION,
    GraphFileError,
)
from graphstudio.files.regular_file import open_regular
from graphstudio.files.session_format import read_session
from graphstudio.graph.grad_hooks import check_hooks
from graphstudio.graph.limits import (
    MAX_EDGES,
    MAX_FILE_BYTES,
    MAX_NDIM,
    MAX_NODES,
    count_problem,
    number_problem,
    pos_problem,
    seed_problem,
    shape_problem,
    shown,
    total_problem,
)
from graphstudio.graph.model import INITS, Graph, GraphError, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES


def load_graph(path) -> Graph:
    """Read a ``.gsgraph`` file. Raises GraphFileError, and only that, on any problem."""
    return load_graph_and_bytes(path)[0]


def load_graph_and_bytes(path) -> tuple[Graph, bytes]:
    """:func:`load_graph`, and the bytes it read (the window remembers a hash of them to notice
    a rewrite that keeps the file's size and modification time)."""
    try:
        source = os.fspath(path)
    except TypeError:
        raise GraphFileError(f"not a file path: {path!r}") from None
    try:
        with open_regular(source) as f:  # a FIFO or device is refused before it can block
            raw = _read_limited(f)
    except OSError as ex:
        raise GraphFileError(f"cannot read the file: {ex.strerror or ex}", source) from None
    if len(raw) > MAX_FILE_BYTES:
        raise GraphFileError(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB", source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as ex:
        raise GraphFileError(f"not UTF-8 text (byte {ex.start})", source) from None
    return graph_from_json(text, source), raw


def _read_limited(f) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes, read in chunks (no 64 MiB buffer up front)."""
    chunks, total = [], 0
    while total <= MAX_FILE_BYTES:
        chunk = f.read(min(1 << 20, MAX_FILE_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def graph_from_json(text: str, source: str = "<string>") -> Graph:
    """Parse a document. Raises GraphFileError, and only that, on any problem."""
    try:
        return _Reader(source).read(text)
    except GraphFileError:
        raise
    except (RecursionError, MemoryError) as ex:
        raise GraphFileError(f"the document is too deeply nested or too large "
                             f"({type(ex).__name__})", source) from None
    except Exception as ex:  # a bug in the checks below must still read as a file problem
        raise GraphFileError(f"unreadable document ({type(ex).__name__}: {ex})", source) from None


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed")


def _unique_keys(pairs):
    d = dict(pairs)
    if len(d) != len(pairs):
        seen = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise ValueError(f"duplicate key {shown(dup)}")
    return d


_NODE_KEYS = frozenset({"id", "type", "name", "pos", "attrs", "tensor"})


_EDGE_KEYS = frozenset({"from", "to"})


class _TooMany(ValueError):
    """Raised while parsing, as soon as the document holds more than MAX_NODES nodes or
    MAX_EDGES edges; ``where`` says which."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where = where


class _CountingKeys:
    """The JSON parser's object hook: checks keys are unique and counts node-shaped and
    edge-shaped objects, so an over-limit file is refused while it is parsed, not after a
    million nodes or edges exist."""

    def __init__(self):
        self.nodes = self.edges = 0

    def __call__(self, pairs):
        d = _unique_keys(pairs)
        if "id" in d and "type" in d and "name" in d and d.keys() <= _NODE_KEYS:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _TooMany("nodes", f"more nodes than the limit of {MAX_NODES:,}")
        elif d.keys() == _EDGE_KEYS:
            self.edges += 1
            if self.edges > MAX_EDGES:
                raise _TooMany("edges", f"more edges than the limit of {MAX_EDGES:,}")
        return d


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.total_elements = 0

    def fail(self, where, what):
        raise GraphFileError(what, self.source, where)

    def read(self, text: str) -> Graph:
        if not isinstance(text, str):
            self.fail(None, "the document must be text")
        if len(text) > MAX_FILE_BYTES:
            self.fail(None, f"the document is larger than {MAX_FILE_BYTES // 2**20} MiB")
        try:
            doc = json.loads(text, parse_constant=_reject_constant,
                             object_pairs_hook=_CountingKeys())
        except _TooMany as ex:
            self.fail(ex.where, str(ex))
        except ValueError as ex:
            what = f"line {ex.lineno} column {ex.colno}: {ex.msg}" if hasattr(ex, "lineno") \
                else str(ex)
            self.fail(None, f"not valid JSON: {what}")
        doc = self.migrate(self.obj(doc, "the document"))
        self.keys(doc, "the document", {"format", "version", "nodes", "edges"},
                  {"run", "meta", "session"})
        graph = Graph()
        nodes = self.lst(doc["nodes"], "nodes")
        if problem := count_problem(len(nodes)):
            self.fail("nodes", problem)
        for i, nd in enumerate(nodes):
            self.node(graph, nd, i)
        self.edges(graph, self.lst(doc["edges"], "edges"))
        graph.meta.update(self.meta(self.obj(doc.get("meta", {}), "meta")))
        for k, v in self.obj(doc.get("run", {}), "run").items():
            graph.run[k] = self.run_option(graph, k, v)
        if doc.get("session"):
            graph.run["session"] = read_session(self, graph, doc["session"])
        graph.revision = 0
        return graph

    def meta(self, meta: dict) -> dict:
        """``meta`` with its ``title`` and ``notes`` checked to be text (or null): shown to
        people, they must never turn up as a Python repr of a list or dict."""
        for key in ("title", "notes"):
            if meta.get(key) is not None and not isinstance(meta[key], str):
                self.fail(f"meta.{key}", f"expected text, got {_kind(meta[key])}")
        return meta

    def migrate(self, doc: dict) -> dict:
        if doc.get("format") != FORMAT:
            self.fail("format", f"not a GraphStudio graph (format is {shown(doc.get('format'))}, "
                                f"expected {FORMAT!r})")
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            self.fail("version", f"the version must be an integer, got {shown(version)}")
        if version > VERSION:
            self.fail("version", f"the file was made by a newer GraphStudio (format version "
                                 f"{shown(version)}; this one reads up to {VERSION}): please update")
        while version < VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                self.fail("version", f"format version {version} is too old to read")
            try:
                doc = self.obj(step(dict(doc)), f"migrating version {version}")
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as ex:
                self.fail("version", f"cannot migrate from version {version}: {ex}")
            version += 1
            doc["version"] = version
        return doc

    # ------------------------------------------------------------------ type helpers
    def obj(self, v, where) -> dict:
        if not isinstance(v, dict):
            self.fail(where, f"expected an object, got {_kind(v)}")
        return v

    def lst(self, v, where) -> list:
        if not isinstance(v, list):
            self.fail(where, f"expected a list, got {_kind(v)}")
        return v

    def text(self, v, where) -> str:
        if not isinstance(v, str) or not v:
            self.fail(where, f"expected a non-empty string, got {_kind(v)}")
        return v

    def keys(self, d: dict, where, required, optional=()):
        for k in required:
            if k not in d:
                self.fail(where, f"missing field {k!r}")
        extra = set(d) - set(required) - set(optional)
        if extra:
            self.fail(where, f"unknown field {sorted(extra)[0]!r}")

    def number(self, v, where, integer=False):
        ok = isinstance(v, int) if integer else isinstance(v, int | float)
        if not ok or isinstance(v, bool):
            self.fail(where, f"expected {'an integer' if integer else 'a number'}, got "
                             f"{_kind(v)}")
        if not integer and not math.isfinite(v):
            self.fail(where, "expected a finite number")
        return v

    # ------------------------------------------------------------------ nodes
    def node(self, graph: Graph, nd, i):
        nd = self.obj(nd, f"nodes[{i}]")
        nid = self.text(nd.get("id"), f"nodes[{i}].id")
        where = f'node "{nid}"'
        self.keys(nd, where, {"id", "type", "name"}, {"pos", "attrs", "tensor"})
        type_id = self.text(nd["type"], f"{where}.type")
        nt = NODE_TYPES.get(type_id)
        if nt is None:
            self.fail(where, f"unknown node type {type_id!r}")
        where = f'node "{nid}" ({type_id})'
        if nid in graph.nodes:
            self.fail(where, "duplicate node id")
        pos = self.lst(nd.get("pos", [0, 0]), f"{where}.pos")
        if len(pos) != 2:
            self.fail(f"{where}.pos", "expected [x, y]")
        pos = [self.number(p, f"{where}.pos") for p in pos]
        if problem := pos_problem(pos):
            self.fail(f"{where}.pos", problem)
        attrs = self.obj(nd.get("attrs", {}), f"{where}.attrs")
        tensor = None
        if nt.has_tensor:
            if "tensor" not in nd:
                self.fail(where, "missing field 'tensor'")
            tensor = self.tensor(nd["tensor"], f"{where}.tensor")
        elif "tensor" in nd:
            self.fail(where, f"{type_id} nodes hold no tensor")
        name = nd["name"]
        if not isinstance(name, str):
            self.fail(f"{where}.name", f"expected a string, got {_kind(name)}")
        try:
            graph.add_node(type_id, name, pos, attrs, tensor, id=nid)
        except GraphError as ex:
            self.fail(where, str(ex))

    def shape(self, v, where) -> tuple[int, ...]:
        v = self.lst(v, where)
        if len(v) > MAX_NDIM:  # before reading the sizes
            self.fail(where, shape_problem((0,) * len(v)))
        shape = tuple(self.number(s, where, integer=True) for s in v)
        if problem := shape_problem(shape):
            self.fail(where, problem)
        self.total_elements += math.prod(shape)
        if problem := total_problem(self.total_elements):
            self.fail(where, problem)
        return shape

    def tensor(self, td, where) -> TensorSpec:
        td = self.obj(td, where)
        init = td.get("init", "values")
        if init not in INITS:
            self.fail(where, f"unknown initializer {init!r} (use one of {', '.join(INITS)})")
        req = {"dtype", "shape"} | ({"data"} if init == "values" else {"init"})
        self.keys(td, where, req, ("init", *TENSOR_KEYS.get(init, ())))
        shape = self.shape(td["shape"], f"{where}.shape")
        dtype = td["dtype"]
        if dtype not in ("float32", "float64", "int64", "bool"):
            self.fail(f"{where}.dtype", f"unsupported dtype {dtype!r}")
        if init == "values":
            values = self.values(td["data"], shape, dtype, f"{where}.data")
            return self.spec(where, values=values, dtype=dtype)
        num = {k: self.fits(self.number(td[k], f"{where}.{k}"), dtype, f"{where}.{k}")
               for k in ("value", "start", "step", "scale") if k in td}
        seed = self.number(td.get("seed", 0), f"{where}.seed", integer=True)
        if problem := seed_problem(seed):
            self.fail(f"{where}.seed", problem)
        fill = num.get("value", num.get("start", num.get("scale")))
        return self.spec(where, init=init, shape=shape, dtype=dtype,
                         seed=seed if init in ("rand", "randn") else None, fill=fill,
                         step=num.get("step"))

    def fits(self, v, dtype, where):
        """An initializer's number must be representable in the tensor's dtype."""
        if problem := number_problem(v, dtype):
            self.fail(where, problem)
        return v

    def spec(self, where, **kw) -> TensorSpec:
        try:
            return TensorSpec(**kw)
        except GraphError as ex:
            self.fail(where, str(ex))

    def values(self, data, shape, dtype, where) -> np.ndarray:
        """Check the nested lists against the shape and dtype without trusting numpy."""
        level = [data]
        for depth, size in enumerate(shape):
            nxt = []
            for item in level:
                if not isinstance(item, list) or len(item) != size:
                    self.fail(where, f"does not match shape {list(shape)} at depth {depth}: "
                                     f"expected a list of {size}, got {_kind(item)}")
                nxt.extend(item)
            level = nxt
        if dtype == "bool":
            bad = next((v for v in level if not isinstance(v, bool)), None)
        elif dtype == "int64":
            bad = next((v for v in level if not isinstance(v, int) or isinstance(v, bool)
                        or not -2**63 <= v < 2**63), None)
        else:
            bad = next((v for v in level if not isinstance(v, int | float)
                        or isinstance(v, bool)), None)
        if bad is not None or (level and isinstance(level[0], list)):
            self.fail(where, f"a {dtype} tensor cannot hold {_kind(bad)} {shown(bad)}")
        try:
            with np.errstate(all="ignore"):
                arr = np.array(level, dtype=dtype).reshape(shape)
        except OverflowError:  # an integer beyond any float
            self.fail(where, f"values must be finite numbers that fit {dtype}")
        if arr.dtype.kind == "f" and not np.isfinite(arr).all():
            self.fail(where, f"values must be finite numbers that fit {dtype}")
        return arr

    # ------------------------------------------------------------------ edges and run
    def edges(self, graph: Graph, edges: list):
        nodes = graph.nodes
        occupied = set()
        made = []
        for i, ed in enumerate(edges):
            ed = self.obj(ed, f"edges[{i}]")
            self.keys(ed, f"edges[{i}]", {"from", "to"})
            ends = []
            for key in ("from", "to"):
                end = self.lst(ed[key], f"edges[{i}].{key}")
                if len(end) != 2 or not all(isinstance(x, str) for x in end):
                    self.fail(f"edges[{i}].{key}", "expected [node id, port name]")
                ends.append(end)
            (src, sport), (dst, dport) = ends
            if dst not in nodes:
                self.fail(f"edges[{i}]", f'connects into unknown node "{dst}"')
            dn = nodes[dst]
            where = f'node "{dst}" ({dn.type})'
            if dport not in NODE_TYPES[dn.type].input_names:
                self.fail(where, f'has no input "{dport}"')
            if src not in nodes:
                self.fail(where, f'input "{dport}" connects to unknown node "{src}"')
            sn = nodes[src]
            if sport not in NODE_TYPES[sn.type].output_names:
                self.fail(where, f'input "{dport}" connects to "{src}" ({sn.type}), which has '
                                 f'no output "{sport}"')
            if (dst, dport) in occupied:
                self.fail(where, f'input "{dport}" is connected twice')
            occupied.add((dst, dport))
            made.append((src, sport, dst, dport))
        self.acyclic(graph, made)
        from graphstudio.graph.model import Edge

        for e in made:
            graph._add_edge(Edge(*e))

    def acyclic(self, graph: Graph, edges):
        indeg = dict.fromkeys(graph.nodes, 0)
        out: dict[str, list[str]] = {}
        for src, _, dst, _ in edges:
            indeg[dst] += 1
            out.setdefault(src, []).append(dst)
        ready = [n for n, d in indeg.items() if d == 0]
        while ready:
            n = ready.pop()
            for m in out.get(n, ()):
                indeg[m] -= 1
                if indeg[m] == 0:
                    ready.append(m)
        stuck = [n for n, d in indeg.items() if d > 0]
        if stuck:
            names = ", ".join(f'"{n}"' for n in stuck[:5])
            self.fail("edges", f"the edges form a cycle through nodes {names}"
                               + (" ..." if len(stuck) > 5 else ""))

    def run_option(self, graph: Graph, key, v):
        where = f"run.{key}"
        if key == "loss":
            if self.text(v, where) not in graph.nodes:
                self.fail(where, f'unknown node "{v}"')
            return v
        if key in RUN_BOOLS:
            if not isinstance(v, bool):
                self.fail(where, f"expected true or false, got {_kind(v)}")
            return v
        if key == "retain_grad":
            ids = tuple(self.text(x, where) for x in self.lst(v, where))
            for x in ids:
                if x not in graph.nodes:
                    self.fail(where, f'unknown node "{x}"')
            return ids
        if key == "gradient":
            return self.tensor(v, where)
        if key == "session":
            self.fail(where, 'the session is the document\'s own "session" field')
        if key == "hooks":
            try:
                hooks = check_hooks(v)
            except ValueError as ex:
                self.fail(where, str(ex))
            for x in hooks:
                if x not in graph.nodes:
                    self.fail(where, f'unknown node "{x}"')
            return hooks
        return v  # another tool's option: plain JSON, kept as it is


def _kind(v) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "an integer", float: "a number", type(None): "null"}.get(type(v), "a value")

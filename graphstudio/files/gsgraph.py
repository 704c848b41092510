"""``.gsgraph`` files: versioned JSON, written deterministically, read defensively.

Format (version 2; see DESIGN.md §2)::

    {"format": "graphstudio-graph", "version": 2,
     "meta": {"title": "...", "notes": "..."},
     "run": {"loss": "n6", "zero_grad": true},
     "nodes": [{"id": "n1", "type": "parameter", "name": "w", "pos": [120, 40],
                "attrs": {"requires_grad": true},
                "tensor": {"dtype": "float32", "shape": [5, 3], "data": [[...], ...]}}],
     "edges": [{"from": ["n1", "out"], "to": ["n3", "other"]}]}

A tensor is either explicit (``dtype``, ``shape``, ``data`` as nested lists; float32 numbers
written as the shortest text that reads back to the same float32) or an initializer:
``{"init": "randn", "seed": 0, "shape": [5, 3], "dtype": "float32"}`` plus ``"scale"``
(rand/randn), ``"value"`` (full) or ``"start"``/``"step"`` (arange). Run options: ``loss``
(node id), ``gradient`` (a tensor: the seed for a non-scalar root), ``zero_grad``, ``no_grad``,
``retain_graph`` (bools) and ``retain_grad`` (node ids); other keys hold plain JSON for other
tools (kept as they are). An optional ``"session"`` (version 2) lists the program's actions
in order, see :mod:`graphstudio.files.session_format`; a version-1 file is migrated (it has
none). References to deleted nodes are left out when saving.

Every problem with a file raises :class:`GraphFileError` naming where and what; nothing else
escapes :func:`load_graph` or :func:`graph_from_json`. Nothing in a file is ever evaluated.
"""

from graphstudio.files.atomic_write import write_text_atomic
from graphstudio.files.format import FORMAT, MIGRATIONS, VERSION, GraphFileError
from graphstudio.files.reader import graph_from_json, load_graph, load_graph_and_bytes
from graphstudio.files.writer import (
    compact_json,
    graph_to_document,
    graph_to_json,
    save_graph,
    tensor_to_dict,
)

__all__ = ["FORMAT", "GraphFileError", "MIGRATIONS", "VERSION", "compact_json", "graph_from_json",
           "graph_to_document", "graph_to_json", "load_graph", "load_graph_and_bytes",
           "save_graph", "tensor_to_dict", "write_text_atomic"]

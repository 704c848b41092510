"""Finding node types: by palette category and by fuzzy search of what a person types."""

from __future__ import annotations

from collections.abc import Sequence

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.node_types import CATEGORIES, NodeType

__all__ = ["categories", "compatible_types", "search"]


def categories() -> dict[str, list[NodeType]]:
    """Node types grouped by category, in palette order (iterate for the category names)."""
    out: dict[str, list[NodeType]] = {c: [] for c in CATEGORIES}
    for nt in NODE_TYPES.values():
        out[nt.category].append(nt)
    return out


def _subsequence_gaps(needle: str, hay: str) -> int | None:
    pos, gaps = -1, 0
    for ch in needle:
        nxt = hay.find(ch, pos + 1)
        if nxt < 0:
            return None
        gaps += nxt - pos - 1 if pos >= 0 else 0
        pos = nxt
    return gaps


def _squash(text: str) -> str:
    return text.lower().replace(" ", "").replace("_", "").replace("-", "")


def search(text: str, types: Sequence[NodeType] | None = None) -> list[NodeType]:
    """Node types matching ``text`` best first (fuzzy: prefix, substring, then subsequence).

    Matches the label, type id, PyTorch name and aliases; then the palette category (so
    "input" lists Input, Parameter and Constant, the Inputs category, before every op whose
    doc mentions an input); words of the doc count least. An empty text gives all types in
    palette order.
    """
    pool = list(NODE_TYPES.values()) if types is None else list(types)
    needle = " ".join(text.lower().split())
    if not needle:
        return pool
    squashed = needle.replace(" ", "").replace("_", "")
    scored = []
    for i, nt in enumerate(pool):
        names = [nt.label.lower(), nt.type_id, nt.torch_name.lower().rsplit(".", 1)[-1]]
        flat = [_squash(k) for k in names]
        aliases = [_squash(a) for a in nt.aliases]
        pairs = list(zip(names, flat, strict=True))
        if needle in names[:2] or squashed in flat[:2]:
            score = 0.0
        elif squashed in aliases:
            score = 0.5
        elif any(k.startswith(needle) or f.startswith(squashed) for k, f in pairs):
            score = 1.0
        elif any(needle in k or squashed in f for k, f in pairs):
            score = 2.0
        elif any(squashed in a for a in aliases):
            score = 2.5
        elif len(squashed) > 1 and (_squash(nt.category).startswith(squashed)
                                    or squashed.startswith(_squash(nt.category).rstrip("s"))):
            score = 2.75
        elif needle in nt.doc.lower():
            score = 4.0
        else:
            gaps = [g for f in flat[:2] if (g := _subsequence_gaps(squashed, f)) is not None]
            if not gaps:
                continue
            score = 3.0 + min(gaps) / 100.0
        scored.append((score, i, nt))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [nt for _, _, nt in scored]


def compatible_types(port_kind: str, text: str = "") -> list[NodeType]:
    """Types a dangling wire can connect to, filtered by ``text`` like :func:`search`.

    ``port_kind`` is the kind of port the wire was dragged FROM: ``"output"`` offers every
    type with an input (connect to its :attr:`NodeType.first_input`), ``"input"`` every type
    with an output (connect from :attr:`NodeType.first_output`).
    """
    if port_kind == "output":
        pool = [nt for nt in NODE_TYPES.values() if nt.inputs]
    elif port_kind == "input":
        pool = [nt for nt in NODE_TYPES.values() if nt.outputs]
    else:
        raise ValueError(f"port_kind must be 'input' or 'output', not {port_kind!r}")
    return search(text, pool)

"""Auto-layout for the canvas: the engine's layered layout (:mod:`graphstudio.graph.auto_layout`),
which the scene calls with its cards' real sizes (``sizes={node_id: (width, height)}``)."""

from __future__ import annotations

from graphstudio.graph.auto_layout import DEFAULT_SIZE, layered_layout

__all__ = ["layered_layout", "DEFAULT_SIZE"]

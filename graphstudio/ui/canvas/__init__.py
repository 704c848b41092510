"""The node-editor canvas: a scene that mirrors a Graph, a view with node-editor manners.

Use::

    scene = GraphScene(graph, undo_stack, theme=LIGHT)
    view = GraphView(scene)

See :mod:`graphstudio.ui.canvas.scene` and :mod:`graphstudio.ui.canvas.view` for the API.
"""

from graphstudio.ui.canvas.clipboard import MIME_NODES, MIME_NODETYPE
from graphstudio.ui.canvas.edge_item import EdgeItem
from graphstudio.ui.canvas.node_item import NodeItem, NodeRunState
from graphstudio.ui.canvas.port_item import PortItem
from graphstudio.ui.canvas.scene import GraphScene
from graphstudio.ui.canvas.view import GraphView

__all__ = ["MIME_NODES", "MIME_NODETYPE", "EdgeItem", "GraphScene", "GraphView", "NodeItem",
           "NodeRunState", "PortItem"]

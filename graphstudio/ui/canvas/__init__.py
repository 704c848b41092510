"""The node-editor canvas: a scene that mirrors a Graph, a view with node-editor manners.

Use::

    scene = GraphScene(graph, undo_stack, theme=LIGHT)   # follows graph's events
    view = GraphView(scene)

GraphScene: signals ``statusMessage(str)``, ``nodeActivated(str)``, ``quickAddRequested``;
``selected_node_ids()``, ``select_nodes(ids)``, ``node_item(id)``, ``edge_item(edge)``,
``set_theme(theme)``, ``items_bounding_rect()``, ``push(cmd)``, ``detach()``. What the
items show of a run is put on them by :class:`graphstudio.ui.run.scene_display.SceneDisplay`.

GraphView: ``zoom()``, ``set_zoom(z)``, ``frame_selection()``, ``select_all()``,
``delete_selection()``, ``copy_selection()``, ``cut_selection()``, ``paste()``,
``duplicate_selection()``, ``auto_layout()``, ``open_quick_add(scene_pos=None)``,
``add_node(type_id, scene_pos)``, ``set_theme(theme)``,
``add_context_menu_provider(fn)`` / ``build_context_menu(scene_pos)``; accepts drops of
``MIME_NODETYPE``.

Items for the stepping view: ``NodeItem.set_run_state(state)`` (a :class:`NodeRunState` or
the runner's ``NodeState``), ``NodeItem.display_text()``, ``NodeItem.set_retain_mark(on)``,
``EdgeItem.set_run_state(grad, highlighted, greyed, stale)``, ``EdgeItem.set_pulse(t)``,
``EdgeItem.label_text()``.
"""

from graphstudio.ui.canvas.clipboard import MIME_NODES, MIME_NODETYPE
from graphstudio.ui.canvas.edge_item import EdgeItem
from graphstudio.ui.canvas.node_item import NodeItem
from graphstudio.ui.canvas.port_item import PortItem
from graphstudio.ui.canvas.preview import NodeRunState
from graphstudio.ui.canvas.scene import GraphScene
from graphstudio.ui.canvas.view import GraphView

__all__ = ["MIME_NODES", "MIME_NODETYPE", "EdgeItem", "GraphScene", "GraphView", "NodeItem",
           "NodeRunState", "PortItem"]

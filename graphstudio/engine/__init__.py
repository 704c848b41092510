"""GraphStudio's engine: a PyTorch-like autograd on numpy, and the graph document model.

``import graphstudio.engine as torch`` gives the tensor API; the graph-document names
(Graph, load_graph, save_graph, GraphFileError, Runner, ...) are loaded lazily below so that
importing the tensor API stays cheap. No Qt here, ever.
"""

# --- tensor / autograd API (owned by the engine work) -------------------------------------

# --- graph documents (lazy; owned by the graph-documents work) ----------------------------
_LAZY = {
    "Graph": "graph",
    "GraphFileError": "files",
    "load_graph": "files",
    "save_graph": "files",
    "graph_to_json": "files",
    "graph_from_json": "files",
    "Runner": "runner",
    "RunOptions": "runner",
    "Timeline": "runner",
    "NODE_TYPES": "nodetypes",
}


def __getattr__(name):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'graphstudio.engine' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{mod}"), name)
    globals()[name] = value
    return value

"""Stepping through the forward and backward passes.

``install_run_ui(window)`` adds everything to a MainWindow and returns the
:class:`RunController`. Modules: ``controller`` (session, timeline, step k), ``display``
(what a card / wire shows at step k, a pure function), ``scene_display`` (applies it,
touching only what changes), ``animation`` (wire travel), ``toolbar`` (Run menu and toolbar),
``steps_dock``, ``inspector_run`` + ``array_view`` (the Values dock), ``seed_dialog``.
"""

from graphstudio.ui.run.controller import RunController
from graphstudio.ui.run.install import install_run_ui

__all__ = ["RunController", "install_run_ui"]

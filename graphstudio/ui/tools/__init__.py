"""Beyond stepping: training, gradient check, PyTorch export and code.

``install_tools_ui(window)`` adds everything to a MainWindow and returns the
:class:`~graphstudio.ui.tools.install.ToolsUI`. Modules: ``training_dock`` (the loop and what it
shows), ``training_form`` (settings), ``training_plots`` (loss curve, decision boundary),
``train_command`` (the one undo step training leaves), ``gradcheck_dialog``, ``code_dock``,
``new_from_code``, ``export_actions``, ``highlighter``.
"""

from graphstudio.ui.tools.install import ToolsUI, install_tools_ui

__all__ = ["ToolsUI", "install_tools_ui"]

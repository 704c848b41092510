"""File > Export PyTorch Script: the document as the program ``graphstudio export`` writes.

The file is written atomically (a temp file in the same folder, then ``os.replace``), so a
failed export never leaves half a script behind; errors are reported in a dialog that quotes
the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from graphstudio.files.gsgraph import write_text_atomic
from graphstudio.pytorch.export import export_script
from graphstudio.ui.file_guard import error_reason

__all__ = ["SCRIPT_FILTER", "export_pytorch_script", "suggested_script_path"]

SCRIPT_FILTER = QT_TRANSLATE_NOOP("ExportActions", "Python scripts (*.py);;All files (*)")
translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def suggested_script_path(window) -> str:
    doc = window.document
    stem = Path(doc.display_name()).stem or "graph"
    folder = os.path.dirname(doc.path) if doc.path else window.settings.last_dir
    return os.path.join(folder or "", f"{stem}.py")


def export_pytorch_script(window, path: str | None = None) -> str | None:
    """Ask where (unless ``path`` is given) and write the script; returns the path written
    (None when cancelled or it failed, which was reported)."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, translate("ExportActions", "Export PyTorch Script"),
            suggested_script_path(window),
            translate("ExportActions", SCRIPT_FILTER))
        if not path:
            return None
        if not Path(path).suffix:
            path += ".py"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # every value: seconds if big
    try:
        script = export_script(window.graph)
    except Exception as ex:  # the exporter's message, never a traceback
        QApplication.restoreOverrideCursor()
        window.files.error(translate("ExportActions", "Cannot export"),
                           translate("ExportActions", "The graph could not be written as "
                                                      "PyTorch."), str(ex))
        return None
    try:
        write_text_atomic(path, script)
    except OSError as ex:
        QApplication.restoreOverrideCursor()
        window.files.error(translate("ExportActions", "Cannot export"),
                           translate("ExportActions", "{0} could not be written.").format(path),
                           translate("ExportActions", "{0}. The previous file (if any) is "
                                                      "unchanged.").format(error_reason(ex)))
        return None
    QApplication.restoreOverrideCursor()
    window.show_status(translate("ExportActions", "Exported {0}: run it with PyTorch to print "
                                                  "what Run shows").format(
                                                      os.path.basename(path)))
    return path

import os
import sys

import pytest

# Must be set before Qt is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Shared fixtures (window, dialogs, settings, run_window, tools_window): tests/support/.
pytest_plugins = ["tests.support.window_fixtures", "tests.support.run_fixtures",
                  "tests.support.tools_fixtures"]


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_exit():
    """Qt's offscreen clipboard owns the QMimeData a copy put there; if it is still there when
    the interpreter shuts down, deleting it crashes the process after all tests passed. Clear
    it while Qt and Python are both still alive."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
            app.processEvents()

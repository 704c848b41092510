"""Start the GraphStudio window: ``graphstudio [FILE]`` ends up in :func:`run_app`."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from graphstudio.ui.settings import APP_NAME, ORG_DOMAIN, ORG_NAME, AppSettings, app_data_dir

LOG_NAME = "graphstudio.log"


def configure_application_names() -> None:
    """Names QSettings and QStandardPaths use (call before creating any settings)."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    from graphstudio import __version__

    QCoreApplication.setApplicationVersion(__version__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (an existing one is reused), named, with the window icon set."""
    configure_application_names()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "graphstudio", *(argv or [])])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("graphstudio")
    from graphstudio.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def build_window(paths: list[str] | None = None, settings: AppSettings | None = None,
                 data_dir: str | os.PathLike | None = None, dialog_factory=None):
    """Application, theme, exception hook and a shown main window that opens ``paths``.

    Returns ``(app, window, handler)``; :func:`run_app` then runs the event loop. Tests pass
    their own ``settings``/``data_dir`` (and a non-blocking ``dialog_factory``).
    """
    app = create_application()
    from graphstudio.ui.errors import ExceptionHandler, default_dialog
    from graphstudio.ui.main_window import MainWindow
    from graphstudio.ui.theme import apply_app_theme

    settings = settings if settings is not None else AppSettings()
    from graphstudio.ui.language import apply_language, chosen_language

    apply_language(app, chosen_language(settings))
    data_dir = os.fspath(data_dir) if data_dir is not None else os.fspath(app_data_dir())
    apply_app_theme(app, settings.theme)
    handler = ExceptionHandler(os.path.join(data_dir, LOG_NAME),
                               dialog_factory if dialog_factory is not None else default_dialog)
    handler.install()
    window = MainWindow(settings=settings, data_dir=data_dir, error_handler=handler)
    handler.parent_widget = lambda: QApplication.activeWindow() or window
    if not settings.has_run_before:  # the lessons are offered beside the tutorial example
        window.lessons_ui.show_panel()
    window.show()
    # after the first paint: the recovery question and any error dialog get a visible parent
    QTimer.singleShot(0, window, lambda: window.files.start(list(paths or [])))
    return app, window, handler


def run_app(paths: list[str] | None = None) -> int:
    """Run the GraphStudio window on ``paths`` (the first is opened); returns the exit code."""
    missing = [p for p in (paths or []) if not os.path.exists(p)]
    if missing:
        print(f"graphstudio: {missing[0]}: no such file", file=sys.stderr)
        return 2
    app, window, handler = build_window(paths)
    try:
        return app.exec()
    finally:
        handler.uninstall()
        del window

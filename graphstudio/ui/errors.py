"""Exception safety: an uncaught exception anywhere (a slot, a timer, a worker thread) is logged to
a file and shown in a non-modal dialog, and the application keeps running.

:class:`ExceptionHandler` replaces ``sys.excepthook`` (PySide routes exceptions raised in slots and
virtual overrides there) and ``threading.excepthook``. The dialog factory is injectable so tests can
record what would have been shown without a window ever blocking.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("graphstudio")


@dataclass(frozen=True)
class ErrorReport:
    """One uncaught exception: a one-line message for people and the full traceback."""

    message: str
    details: str
    exc_type: type


DialogFactory = Callable[[QWidget | None, ErrorReport], QWidget | None]


def default_dialog(parent: QWidget | None, report: ErrorReport) -> QWidget:
    """A non-modal warning box: the message, and the traceback under "Show Details..."."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "GraphStudio: unexpected error"))
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(QCoreApplication.translate("ErrorDialog", "<b>Something went wrong:</b><br>{0}")
                .format(_escape(report.message)))
    box.setInformativeText(QCoreApplication.translate(
        "ErrorDialog",
        "GraphStudio is still running and your document is unchanged by this error. "
        "Saving your work now is a good idea. The details were written to the log."))
    box.setDetailedText(report.details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


class ExceptionHandler(QObject):
    """Catches uncaught exceptions, logs them, shows them, and lets the app go on."""

    #: message, details; emitted in the GUI thread for every report
    exceptionCaught = Signal(str, str)
    _fromThread = Signal(object)

    MAX_OPEN_DIALOGS = 3

    def __init__(self, log_path: str | os.PathLike | None = None,
                 dialog_factory: DialogFactory | None = default_dialog,
                 parent_widget: Callable[[], QWidget | None] | None = None):
        super().__init__()
        self.log_path = Path(log_path) if log_path else None
        self.dialog_factory = dialog_factory
        self.parent_widget = parent_widget or (lambda: QApplication.activeWindow())
        self.reports: list[ErrorReport] = []
        self._dialogs: list[QWidget] = []
        self._suppressed = 0
        self._handling = False
        self._log_handler: logging.Handler | None = None
        self._prev_hooks = None
        self._fromThread.connect(self._report, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ install
    def install(self) -> ExceptionHandler:
        if self._prev_hooks is None:
            self._prev_hooks = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.handle
            threading.excepthook = self._thread_hook
        if self.log_path and self._log_handler is None:
            try:
                self.log_path.parent.mkdir(parents=True, exist_ok=True)
                handler = logging.handlers.RotatingFileHandler(
                    self.log_path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
            except OSError as exc:
                print(f"GraphStudio: cannot write the log {self.log_path}: {exc}", file=sys.stderr)
            else:
                handler.setFormatter(logging.Formatter(
                    "%(asctime)s %(levelname)s %(name)s: %(message)s"))
                log.addHandler(handler)
                log.setLevel(logging.INFO)
                self._log_handler = handler
        return self

    def uninstall(self) -> None:
        if self._prev_hooks is not None:
            if sys.excepthook == self.handle:
                sys.excepthook = self._prev_hooks[0]
            if threading.excepthook == self._thread_hook:
                threading.excepthook = self._prev_hooks[1]
            self._prev_hooks = None
        if self._log_handler is not None:
            log.removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None

    # ------------------------------------------------------------------ hooks
    def handle(self, exc_type, exc, tb) -> None:
        """``sys.excepthook`` replacement."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        text = str(exc).strip()
        message = f"{exc_type.__name__}: {text}" if text else exc_type.__name__
        report = ErrorReport(message, details, exc_type)
        if QThread.currentThread() is not self.thread():
            self._fromThread.emit(report)
        else:
            self._report(report)

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _report(self, report: ErrorReport) -> None:
        self.reports.append(report)
        try:
            log.error("uncaught exception: %s\n%s", report.message, report.details.rstrip())
        except Exception:  # a broken log must never take the app down
            pass
        print(report.details, file=sys.stderr, end="")
        if self._handling:  # the dialog itself failed: never recurse
            return
        self._handling = True
        try:
            self._show(report)
            self.exceptionCaught.emit(report.message, report.details)
        except Exception:
            traceback.print_exc()
        finally:
            self._handling = False

    def _show(self, report: ErrorReport) -> None:
        if self.dialog_factory is None or QApplication.instance() is None:
            return
        self._dialogs = [d for d in self._dialogs if _alive_and_visible(d)]
        if len(self._dialogs) >= self.MAX_OPEN_DIALOGS:
            self._suppressed += 1
            log.warning("%d further error dialog(s) suppressed", self._suppressed)
            return
        dialog = self.dialog_factory(self.parent_widget(), report)
        if dialog is not None:
            self._dialogs.append(dialog)


def _alive_and_visible(widget: QWidget) -> bool:
    try:
        return widget.isVisible()
    except RuntimeError:  # the C++ dialog was deleted on close
        return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

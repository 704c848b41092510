"""File > Export Animation… and File > Export Handout…: the window's way to share a run; and
the progress of File > Export Image… while it builds a big document's cards (:func:`card_progress`).

Both run a copy of the current document with its run options (Run ▸ Options: the loss, the
gradient seed, no_grad, ...) and make the file with the same job as ``graphstudio animate`` /
``graphstudio handout``, one frame or page per turn of the event loop behind a progress dialog
that is not modal: the window stays usable, and Cancel stops at once and deletes the
unfinished file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from graphstudio.ui.file_guard import error_reason
from graphstudio.ui.slots import guarded

__all__ = ["ANIMATION_FILTERS", "ShareExport", "card_progress"]

log = logging.getLogger(__name__)

ANIMATION_FILTERS = {"Animated GIF (*.gif)": ".gif", "Animated PNG (*.png)": ".png",
                     "Animated WebP (*.webp)": ".webp"}
PDF_FILTER = "PDF handout (*.pdf)"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


# a picture needing fewer cards built than this is made without a progress dialog
PROGRESS_FROM_CARDS = 200


def card_progress(window, path: str, cards: int):
    """A ``progress(done, total)`` callback for ``render_scene`` showing a modal progress
    dialog with Cancel while ``cards`` cards are built for the picture ``path`` (None when
    there are too few to be worth one); it returns False once Cancel was pressed."""
    from PySide6.QtWidgets import QApplication

    if cards < PROGRESS_FROM_CARDS:
        return None
    label = QCoreApplication.translate("ShareExport", "Drawing {cards:,} cards for {name}…")
    dialog = QProgressDialog(label.format(cards=cards, name=os.path.basename(path)),
                             QCoreApplication.translate("ShareExport", "Cancel"), 0, cards,
                             window)
    dialog.setWindowTitle(QCoreApplication.translate("ShareExport", "Export Image"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # the picture is of this moment
    dialog.setMinimumDuration(0)

    def progress(done: int, total: int) -> bool:
        dialog.setValue(min(done, total))
        QApplication.processEvents()
        if dialog.wasCanceled():
            dialog.close()
            return False
        if done >= total:
            dialog.close()
        return True

    return progress


class ShareExport(QObject):
    """The two exports of one :class:`~graphstudio.ui.main_window.MainWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.job = None
        self.progress: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    def add_actions(self, menu) -> None:
        w = self.window
        w.add_action("export_animation", translate("ShareExport", "Export &Animation…"),
                     self.export_animation, menu=menu,
                     tip=translate("ShareExport", "Save the run as an animated GIF, PNG or WebP, "
                                                  "a frame per step"))
        w.add_action("export_handout", translate("ShareExport", "Export &Handout…"),
                     self.export_handout, menu=menu,
                     tip=translate("ShareExport", "Save the run as a PDF: a title page and a page "
                                                  "per step"))

    @property
    def running(self) -> bool:
        return self.job is not None

    # ------------------------------------------------------------------ the two commands
    def export_animation(self, path: str | None = None) -> bool:
        """Ask for a file (unless ``path``), then start writing the animation."""
        from graphstudio.ui.share.animation import AnimationJob
        from graphstudio.ui.share.export_job import ShareOptions

        path = path or self._ask(translate("ShareExport", "Export Animation"), ".gif",
                                 ANIMATION_FILTERS)
        if not path:
            return False
        options = ShareOptions(theme=self.window.theme.name)
        return self._start(path, lambda g, tl: AnimationJob(g, tl, path, options))

    def export_handout(self, path: str | None = None) -> bool:
        """Ask for a file (unless ``path``), then start writing the handout."""
        from graphstudio.ui.share.handout import HandoutJob

        path = path or self._ask(translate("ShareExport", "Export Handout"), ".pdf",
                                 {PDF_FILTER: ".pdf"})
        if not path:
            return False
        name = os.path.basename(self.window.document.path or "")
        return self._start(path, lambda g, tl: HandoutJob(g, tl, path, source_name=name))

    def _ask(self, title: str, default: str, filters: dict[str, str]) -> str:
        fa = self.window.files
        stem = Path(self.window.document.display_name()).stem
        path, chosen = QFileDialog.getSaveFileName(
            self.window, title, os.path.join(fa.start_dir(), stem + default), ";;".join(filters))
        if path and Path(path).suffix.lower() not in filters.values():
            path += filters.get(chosen, default)
        return path

    # ------------------------------------------------------------------ running a job
    def _start(self, path: str, make_job) -> bool:
        from graphstudio.ui.share.export_job import run_for_share

        if self.running:
            self.window.show_status(translate("ShareExport", "An export is still running"))
            return False
        self.window.commit_pending_edits()
        graph = self.window.graph.copy()
        try:
            self.job = make_job(graph, run_for_share(graph))
        except (OSError, ValueError) as ex:
            self._fail(path, error_reason(ex))
            return False
        self.progress = QProgressDialog(translate("ShareExport", "Writing {name}…").format(
            name=os.path.basename(path)), translate("ShareExport", "Cancel"), 0, self.job.total,
            self.window)
        self.progress.setWindowTitle(translate("ShareExport", "Export"))
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(guarded(self.cancel, self.window.show_status))
        self.progress.setValue(0)
        self.progress.show()
        self._timer.start()
        return True

    def _tick(self) -> None:
        job = self.job
        if job is None:
            self._timer.stop()
            return
        try:
            more = job.advance()
        except Exception as ex:  # a timer slot never raises: say what went wrong
            log.exception("export failed")
            self._end()
            self._fail(str(job.out), error_reason(ex))
            return
        if self.progress is not None:
            self.progress.setValue(job.done)
        if not more:
            self._end()
            self.window.show_status(translate("ShareExport", "Exported {name}").format(
                name=job.out.name))

    def cancel(self) -> None:
        """Stop the running export and delete its unfinished file."""
        job = self.job
        self._end()
        if job is not None:
            job.cancel()
            self.window.show_status(translate(
                "ShareExport", "Export cancelled: {name} was not written").format(
                    name=job.out.name))

    def _end(self) -> None:
        self._timer.stop()
        self.job = None
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect()
            progress.close()
            progress.deleteLater()

    def _fail(self, path: str, why: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, translate("ShareExport", "Cannot export"),
                          translate("ShareExport", "{path} could not be written.").format(
                              path=path) + "\n\n" + why,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
